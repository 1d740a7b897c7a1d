"""The bureau's overview: every unit with status and figures, sort, filter, search, charts,
the .xlsx export; drafts stay private."""

from __future__ import annotations

import re
from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from jixiao_web.accounts.models import Unit
from jixiao_web.evaluations.models import Submission
from tests.web.base import PASSWORD, Role, WebTestCase, small_form


class OverviewTests(WebTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        # 妇联: submitted, printed total 100; 团委: accepted with a lower total; 科协: draft; 侨联: not started
        cls.submission.transition("submit", by=cls.head)
        form = small_form("共青团长沙市岳麓区委员会")
        form["total"]["score"] = 80
        tuanwei = Submission.start(by=cls.other_head, round=cls.round, content=form)
        tuanwei.transition("submit", by=cls.other_head)
        tuanwei.transition("accept", by=cls.reviewer)
        dept = cls.unit.department
        kexie = Unit.objects.create(department=dept, name="岳麓区科学技术协会")
        cls.kexie_filler = cls.person("kexie", Role.FILLER, unit=kexie)
        draft = small_form("岳麓区科学技术协会")
        draft["total"]["score"] = 55
        Submission.start(by=cls.kexie_filler, round=cls.round, content=draft)
        Unit.objects.create(department=dept, name="岳麓区归国华侨联合会")

    def rows(self, **params: str) -> list[list[str]]:
        self.client.force_login(self.reviewer)
        html = self.client.get(reverse("overview", args=[self.round.pk]), params).content.decode()
        body = re.search(
            r'<table class="list sortable" id="overview">.*?<tbody>(.*?)</tbody>', html, re.S
        ).group(1)
        return [
            [
                re.sub(r"<[^>]+>", "", c).strip()
                for c in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)
            ]
            for tr in re.findall(r"<tr.*?</tr>", body, re.S)
        ]

    def test_every_unit_with_its_status_and_drafts_stay_private(self) -> None:
        rows = {r[0]: r for r in self.rows()}
        self.assertEqual(
            set(rows),
            {
                "长沙市岳麓区妇女联合会",
                "共青团长沙市岳麓区委员会",
                "岳麓区科学技术协会",
                "岳麓区归国华侨联合会",
            },
        )
        self.assertEqual(rows["长沙市岳麓区妇女联合会"][2], "已提交")
        self.assertEqual(rows["长沙市岳麓区妇女联合会"][3], "100.00")
        self.assertEqual(rows["岳麓区科学技术协会"][2], "填报中")
        self.assertEqual(
            rows["岳麓区科学技术协会"][3], ""
        )  # a draft's score is not the bureau's business
        self.assertEqual(rows["岳麓区归国华侨联合会"][2], "未开始")
        self.assertEqual(
            rows["长沙市岳麓区妇女联合会"][8], "106.96"
        )  # execution rate from jixiao.score

    def test_sort_filter_and_search(self) -> None:
        names = [r[0] for r in self.rows(sort="-self_score")]
        self.assertEqual(
            names[:2], ["长沙市岳麓区妇女联合会", "共青团长沙市岳麓区委员会"]
        )  # 100 before 80, blanks last
        self.assertEqual(
            [r[0] for r in self.rows(sort="self_score")][:2],
            ["共青团长沙市岳麓区委员会", "长沙市岳麓区妇女联合会"],
        )
        self.assertEqual([r[0] for r in self.rows(status="accepted")], ["共青团长沙市岳麓区委员会"])
        self.assertEqual([r[0] for r in self.rows(status="not_started")], ["岳麓区归国华侨联合会"])
        self.assertEqual([r[0] for r in self.rows(q="科学")], ["岳麓区科学技术协会"])

    def test_counts_follow_every_change(self) -> None:
        self.client.force_login(self.reviewer)
        url = reverse("overview", args=[self.round.pk])

        def count(status: str) -> str:
            html = self.client.get(url).content.decode()
            return re.search(rf'id="count-{status}">[^<]*?(\d+)</a>', html).group(1)

        self.assertEqual((count("submitted"), count("returned")), ("1", "0"))
        self.s().transition("return", by=self.reviewer, comment="请修改")
        self.assertEqual((count("submitted"), count("returned")), ("0", "1"))
        Unit.objects.create(department=self.unit.department, name="岳麓区残疾人联合会")
        self.assertEqual(count("not_started"), "2")

    def test_charts_are_inline_svg(self) -> None:
        self.client.force_login(self.reviewer)
        html = self.client.get(reverse("overview", args=[self.round.pk])).content.decode()
        self.assertEqual(html.count("<svg"), 3)
        self.assertIn("得分分布", html)
        self.assertIn("JX-A001", html)  # the most frequent findings name the check

    def test_export_to_xlsx_follows_the_filter(self) -> None:
        self.client.force_login(self.admin)
        r = self.client.get(
            reverse("overview_export", args=[self.round.pk]), {"status": "submitted"}
        )
        ws = load_workbook(BytesIO(r.content)).active
        values = [[c.value for c in row] for row in ws.iter_rows()]
        self.assertEqual(values[0][0], "2021年度部门整体支出绩效自评")
        self.assertEqual(values[1][:4], ["单位", "主管部门", "状态", "自评得分"])
        self.assertEqual(len(values), 3)
        self.assertEqual(values[2][0], "长沙市岳麓区妇女联合会")
        self.assertEqual(values[2][3], 100)  # a number, not text

    def test_login_with_password_reaches_the_overview(self) -> None:
        self.assertTrue(self.client.login(username="reviewer", password=PASSWORD))
        self.assertEqual(
            self.client.get(reverse("overview", args=[self.round.pk])).status_code, 200
        )


class ProjectOverviewTests(WebTestCase):
    def test_a_project_round_lists_each_project_form(self) -> None:
        from datetime import date, timedelta

        from jixiao_web.evaluations.models import Round

        rnd = Round.objects.create(
            region=self.region,
            year=2022,
            kind="project",
            title="2022年度项目支出绩效自评",
            deadline=date.today() + timedelta(days=30),
        )
        for name in ("妇女儿童维权项目", "家庭教育指导项目"):
            Submission.start(by=self.head, round=rnd, project=name).transition(
                "submit", by=self.head
            )
        self.client.force_login(self.reviewer)
        html = self.client.get(
            reverse("overview", args=[rnd.pk]), {"sort": "project"}
        ).content.decode()
        self.assertIn('id="sort-project"', html)
        first = html.index("妇女儿童维权项目")
        self.assertLess(first, html.index("家庭教育指导项目"))
        self.assertEqual(html.count("<td>长沙市岳麓区妇女联合会</td>"), 2)
        self.assertIn("<td>共青团长沙市岳麓区委员会</td><td></td>", html)  # not started: no project


class OverviewEscapingTests(WebTestCase):
    def test_names_are_escaped(self) -> None:
        Unit.objects.create(department=self.unit.department, name="<script>alert(1)</script>中心")
        self.client.force_login(self.reviewer)
        html = self.client.get(reverse("overview", args=[self.round.pk])).content.decode()
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;中心", html)
        self.assertNotIn("<script>alert(1)", html)


def test_long_chart_labels_are_shortened_with_the_full_text_as_tooltip() -> None:
    from jixiao_web.evaluations.charts import Bar, bar_chart_svg

    label = "JX-C008 存在问题或改进措施为空、“暂无”或照抄模板"
    svg = bar_chart_svg("最常见问题", [Bar(label, 8)], horizontal=True)
    assert f"<title>{label}</title>" in svg.replace("&quot;", '"')
    assert "JX-C008 存在问题或改进措施为空、“…" in svg
