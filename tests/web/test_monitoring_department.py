"""部门整体 monitoring: a round of kind 部门整体, each unit's one table pre-filled from its approved
部门整体 targets, with the same lights, 重点监控 and 整改 as a project's; and the unit's 部门整体
self-evaluation checked against it."""

from __future__ import annotations

from datetime import date, timedelta

from django.test import Client
from django.urls import reverse

from jixiao_web.evaluations.workflow import WorkflowError
from jixiao_web.monitoring.models import MonitoringReport, MonitoringRound
from jixiao_web.targets.models import TargetDeclaration, TargetRound
from tests.web.base import WebTestCase


def client(user) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(user)
    return c


def approved_department(case: WebTestCase, year: int, amount: int) -> TargetDeclaration:
    tround = TargetRound.objects.create(
        region=case.region, year=year, kind="department", title=f"{year}年度部门目标", deadline=date.today()
    )
    d = TargetDeclaration.start(by=case.filler, round=tround)
    content = d.content
    content |= {"amount": amount, "duties": "妇女儿童权益保障", "goal": "完成年度妇女儿童工作任务"}
    content["indicators"] = [
        {"level1": "产出指标", "level2": "数量指标", "name": "妇女之家覆盖村（社区）数", "nature": "≥",
         "target": "120", "measure_unit": "个", "weight": 40},
        {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "服务对象满意度", "nature": "≥",
         "target": "90", "measure_unit": "%", "weight": 50},
    ]  # fmt: skip
    d.save_content(by=case.filler, content=content, base_version=d.version)
    d.submit(by=case.head)
    d.review(by=case.reviewer, grade="优", comment="")
    return TargetDeclaration.objects.get(pk=d.pk)


class DepartmentMonitoringTests(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.targets = approved_department(self, 2022, 800)
        r = client(self.reviewer).post(
            reverse("monitoring_round_new"),
            {"year": 2022, "kind": "department", "cutoff_month": 8,
             "deadline": (date.today() + timedelta(days=10)).isoformat(), "title": "", "profile": ""},
        )  # fmt: skip
        self.assertRedirects(r, reverse("monitoring"))
        self.mround = MonitoringRound.objects.get()

    def test_round_of_kind_department(self) -> None:
        self.assertEqual(self.mround.kind, "department")
        self.assertEqual(self.mround.title, "2022年度部门整体支出绩效运行监控（1–8月）")
        # a project round of the same year is another round; a second 部门整体 one is refused
        MonitoringRound.open(
            by=self.reviewer, region=self.region, year=2022, cutoff_month=6, deadline=date.today()
        )
        with self.assertRaisesMessage(WorkflowError, "已有2022年度的部门整体支出运行监控"):
            MonitoringRound.open(
                by=self.reviewer, region=self.region, year=2022, kind="department", cutoff_month=6,
                deadline=date.today(),
            )  # fmt: skip
        with self.assertRaisesMessage(WorkflowError, "没有这种监控类型"):
            MonitoringRound.open(
                by=self.reviewer, region=self.region, year=2023, kind="x", cutoff_month=6, deadline=date.today()
            )

    def test_unit_starts_its_one_table_from_the_approved_department_targets(self) -> None:
        page = client(self.filler).get(reverse("monitoring")).content.decode()
        self.assertIn("填报部门整体监控表", page)
        client(self.filler).post(reverse("monitoring_start", args=[self.mround.pk]), {"targets": self.targets.pk})
        report = MonitoringReport.objects.get()
        self.assertEqual((report.project, report.subject), ("", "部门整体"))
        content = report.content
        self.assertIsNone(content["project"])
        self.assertEqual(content["funds"][0]["budget"], 800)
        self.assertEqual(
            [(i["name"], i["target"]) for i in content["indicators"]],
            [("妇女之家覆盖村（社区）数", "≥120个"), ("服务对象满意度", "≥90%")],
        )
        form = client(self.filler).get(reverse("monitoring_form", args=[report.pk]))
        self.assertContains(form, "部门预算资金")
        self.assertContains(form, "1–8月执行情况")

    def test_project_targets_do_not_start_a_department_table(self) -> None:
        from tests.web.test_monitoring import approved_project

        tround = TargetRound.objects.create(
            region=self.region, year=2022, kind="project", title="2022年度项目目标", deadline=date.today()
        )
        project = approved_project(self, tround, "巾帼技能培训", 100)
        with self.assertRaisesMessage(WorkflowError, "没有已批复的部门整体绩效目标"):
            MonitoringReport.start(by=self.filler, round=self.mround, targets_pk=project.pk)

    def test_same_lights_key_project_and_rectification(self) -> None:
        report = MonitoringReport.start(by=self.filler, round=self.mround, targets_pk=self.targets.pk)
        post = {
            "version": report.version,
            "funds-0-executed": "200",  # 25% at 1–8月: far behind the time elapsed
            "funds-0-forecast": "700",
            "ind-0-progress": "60个",
            "ind-0-forecast": "100个",
            "ind-0-likelihood": "不可能",
            "ind-0-cause": "人员保障：专干不足",
            "ind-0-remedy": "招聘兼职专干",
            "ind-1-likelihood": "确定能",
        }
        r = client(self.filler).post(reverse("monitoring_form", args=[report.pk]), post)
        self.assertEqual(r.status_code, 302)
        report = MonitoringReport.objects.get(pk=report.pk)
        self.assertEqual(report.execution_light, "红")
        report.submit(by=self.head)
        page = client(self.reviewer).get(reverse("monitoring")).content.decode()
        self.assertIn(f'id="report-{report.pk}"', page)
        self.assertIn("<td>部门整体</td>", page)
        self.assertIn('<td class="num">800</td>', page)  # as typed, not the stored 800.000000
        client(self.reviewer).post(reverse("monitoring_key", args=[report.pk]), {"on": "1", "reason": "执行滞后"})
        client(self.reviewer).post(
            reverse("monitoring_rectify", args=[report.pk]), {"index": "0", "requirement": "9月底前补齐覆盖"}
        )
        report = MonitoringReport.objects.get(pk=report.pk)
        self.assertTrue(report.key_project)
        self.assertEqual(report.status, "returned")
        self.assertEqual(report.content["indicators"][0]["rectify_requirement"], "9月底前补齐覆盖")

    def test_department_self_evaluation_sees_the_department_monitoring(self) -> None:
        from jixiao_web.evaluations.models import Round, Submission
        from jixiao_web.monitoring.services import monitoring_table_of

        report = MonitoringReport.start(by=self.filler, round=self.mround, targets_pk=self.targets.pk)
        content = report.content
        content["indicators"][0] |= {"progress": "100个", "forecast": "120个", "likelihood": "确定能"}
        report.save_content(by=self.filler, content=content, base_version=report.version)
        round_ = Round.objects.create(
            region=self.region, year=2022, kind="department", title="2022年度部门自评",
            deadline=date.today() + timedelta(days=5),
        )  # fmt: skip
        s = Submission.start(by=self.filler, round=round_)
        self.assertIsNone(monitoring_table_of(s))  # a draft is not a judgement yet
        report.submit(by=self.head)
        table = monitoring_table_of(s)
        self.assertIsNotNone(table)
        self.assertEqual(table.cutoff_month, 8)
        self.assertEqual(table.indicators[0].name.text, "妇女之家覆盖村（社区）数")
