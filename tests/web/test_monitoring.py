"""Mid-year monitoring in the web app: a round with its cut-off month, a project's table
pre-filled from its approved targets, the JX-R checks and red/yellow/green lights live, the
bureau's list sorted by light and amount."""

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


def approved_project(case: WebTestCase, tround: TargetRound, project: str, amount: int) -> TargetDeclaration:
    d = TargetDeclaration.start(by=case.filler, round=tround, project=project)
    content = d.content
    content["amount"] = amount
    content["indicators"] = [
        {"level1": "产出指标", "level2": "数量指标", "name": "培训人次", "nature": "≥", "target": "300",
         "measure_unit": "人次", "weight": 45},
        {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "参训人员满意度", "target": "≥90%",
         "weight": 45},
    ]  # fmt: skip
    d.save_content(by=case.filler, content=content, base_version=d.version)
    d.submit(by=case.head)
    d.review(by=case.reviewer, grade="优", comment="")
    return TargetDeclaration.objects.get(pk=d.pk)


class MonitoringTests(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        tround = TargetRound.objects.create(
            region=self.region, year=2022, kind="project", title="2022年度项目目标", deadline=date.today()
        )
        self.targets = approved_project(self, tround, "巾帼技能培训", 100)
        self.mround = MonitoringRound.open(
            by=self.reviewer,
            region=self.region,
            year=2022,
            cutoff_month=6,
            deadline=date.today() + timedelta(days=10),
        )

    def start(self) -> MonitoringReport:
        r = client(self.filler).post(
            reverse("monitoring_start", args=[self.mround.pk]), {"targets": self.targets.pk}
        )
        report = MonitoringReport.objects.get()
        self.assertRedirects(r, reverse("monitoring_form", args=[report.pk]))
        return report

    def test_round_validation(self) -> None:
        with self.assertRaisesMessage(WorkflowError, "1 到 11 月"):
            MonitoringRound.open(
                by=self.reviewer, region=self.region, year=2023, cutoff_month=12, deadline=date.today()
            )
        with self.assertRaisesMessage(WorkflowError, "已有2022年度"):
            MonitoringRound.open(
                by=self.reviewer, region=self.region, year=2022, cutoff_month=7, deadline=date.today()
            )
        with self.assertRaisesMessage(WorkflowError, "只有本地区"):
            MonitoringRound.open(
                by=self.far_reviewer, region=self.region, year=2024, cutoff_month=7, deadline=date.today()
            )

    def test_table_is_prefilled_from_the_approved_targets(self) -> None:
        report = self.start()
        content = report.content
        self.assertEqual(content["cutoff_month"], 6)
        self.assertEqual(
            [(i["name"], i["target"]) for i in content["indicators"]],
            [("培训人次", "≥300人次"), ("参训人员满意度", "≥90%")],
        )
        self.assertEqual(content["funds"][0]["budget"], 100)
        page = client(self.filler).get(reverse("monitoring_form", args=[report.pk]))
        self.assertContains(page, 'name="ind-0-name"')
        self.assertContains(page, "1–6月执行情况")

    def test_only_projects_with_approved_targets_can_be_monitored(self) -> None:
        TargetDeclaration.objects.filter(pk=self.targets.pk).update(status="returned")
        client(self.filler).post(reverse("monitoring_start", args=[self.mround.pk]), {"targets": self.targets.pk})
        self.assertFalse(MonitoringReport.objects.exists())
        r = client(self.other_head).post(
            reverse("monitoring_start", args=[self.mround.pk]), {"targets": self.targets.pk}
        )
        self.assertEqual(r.status_code, 302)
        self.assertFalse(MonitoringReport.objects.exists())

    def test_checks_and_lights_live_and_saved(self) -> None:
        report = self.start()
        post = {
            "version": report.version,
            "funds-0-executed": "20",  # 20% at 1–6月: 30 points behind the time elapsed
            "funds-0-forecast": "95",
            "ind-0-progress": "120人次",
            "ind-0-forecast": "300人次",
            "ind-0-likelihood": "有可能",  # without cause and measure: JX-R001
            "ind-1-likelihood": "确定能",
        }
        r = client(self.filler).post(reverse("monitoring_preview", args=[report.pk]), post)
        self.assertContains(r, 'data-code="JX-R001"')
        self.assertContains(r, 'data-code="JX-R002"')
        self.assertContains(r, 'id="light-execution" class="light light-红"')
        self.assertContains(r, 'id="light-goal" class="light light-黄"')
        post |= {"ind-0-cause": "经费保障：资金下达较晚", "ind-0-remedy": "加快下半年培训进度"}
        r = client(self.filler).post(reverse("monitoring_form", args=[report.pk]), post)
        self.assertEqual(r.status_code, 302)
        report = MonitoringReport.objects.get(pk=report.pk)
        self.assertEqual((report.execution_light, report.goal_light, report.forecast_light), ("红", "黄", "黄"))
        self.assertEqual(report.content["indicators"][0]["cause_category"], "经费保障")
        self.assertNotIn("JX-R001", client(self.filler).get(reverse("monitoring_form", args=[report.pk])).content.decode())

    def test_bad_likelihood_and_number_are_field_errors(self) -> None:
        report = self.start()
        r = client(self.filler).post(
            reverse("monitoring_form", args=[report.pk]),
            {"version": report.version, "ind-0-likelihood": "大概", "funds-0-executed": "二十"},
        )
        self.assertEqual(r.status_code, 400)
        self.assertContains(r, "应为 确定能、有可能 或 不可能", status_code=400)
        self.assertEqual(MonitoringReport.objects.get(pk=report.pk).version, report.version)

    def test_bureau_sees_submitted_tables_red_first(self) -> None:
        tround = TargetRound.objects.get()
        green = approved_project(self, tround, "妇女之家运行", 500)
        first = self.start()
        client(self.filler).post(
            reverse("monitoring_form", args=[first.pk]),
            {"version": first.version, "funds-0-executed": "10", "ind-0-likelihood": "确定能"},
        )
        second = MonitoringReport.start(by=self.filler, round=self.mround, targets_pk=green.pk)
        second.save_content(
            by=self.filler,
            content=second.content | {"funds": [second.content["funds"][0] | {"executed": 260}]},
            base_version=second.version,
        )
        self.assertEqual(client(self.reviewer).get(reverse("monitoring_form", args=[first.pk])).status_code, 404)
        for r in (first, second):
            client(self.head).post(reverse("monitoring_submit", args=[r.pk]))
        page = client(self.reviewer).get(reverse("monitoring")).content.decode()
        self.assertLess(page.index(f'id="report-{first.pk}"'), page.index(f'id="report-{second.pk}"'))
        self.assertEqual(client(self.far_reviewer).get(reverse("monitoring_form", args=[first.pk])).status_code, 404)
        # submitted: no longer editable
        r = client(self.filler).post(
            reverse("monitoring_form", args=[first.pk]), {"version": "9", "funds-0-executed": "99"}
        )
        self.assertNotEqual(MonitoringReport.objects.get(pk=first.pk).content["funds"][0]["executed"], 99)

    def test_the_rounds_profile_sets_the_light_thresholds(self) -> None:
        import tempfile
        from pathlib import Path

        folder = Path(tempfile.mkdtemp())
        lenient = folder / "lenient.toml"
        lenient.write_text(
            '[profile]\nname = "lenient"\ntitle = "宽松"\nextends = "cz2020-10"\n\n'
            "[lifecycle]\nexecution_lag_points = 40\n",
            encoding="utf-8",
        )
        report = self.start()
        post = {"version": report.version, "funds-0-executed": "20"}  # 30 points behind
        client(self.filler).post(reverse("monitoring_form", args=[report.pk]), post)
        self.assertEqual(MonitoringReport.objects.get(pk=report.pk).execution_light, "红")
        MonitoringRound.objects.filter(pk=self.mround.pk).update(profile=str(lenient))
        report = MonitoringReport.objects.get(pk=report.pk)
        post = {"version": report.version, "funds-0-executed": "21"}
        client(self.filler).post(reverse("monitoring_form", args=[report.pk]), post)
        self.assertEqual(MonitoringReport.objects.get(pk=report.pk).execution_light, "黄")


class SelfEvaluationAfterMonitoringTests(WebTestCase):
    """A project's self-evaluation is checked against its submitted monitoring table too."""

    def test_certain_at_monitoring_but_missed_is_flagged_live(self) -> None:
        from jixiao_web.evaluations.models import Round, Submission

        tround = TargetRound.objects.create(
            region=self.region, year=2021, kind="project", title="2021年度项目目标", deadline=date.today()
        )
        targets = approved_project(self, tround, "巾帼技能培训", 100)
        mround = MonitoringRound.objects.create(
            region=self.region, year=2021, cutoff_month=6, title="监控", deadline=date.today()
        )
        report = MonitoringReport.start(by=self.filler, round=mround, targets_pk=targets.pk)
        content = report.content
        content["indicators"][0] |= {"progress": "200人次", "forecast": "300人次", "likelihood": "确定能"}
        report.save_content(by=self.filler, content=content, base_version=report.version)
        round_ = Round.objects.create(
            region=self.region, year=2021, kind="project", title="2021年度项目自评",
            deadline=date.today() + timedelta(days=5),
        )  # fmt: skip
        client(self.filler).post(reverse("round_start", args=[round_.pk]), {"project": "巾帼技能培训"})
        s = Submission.objects.get(round=round_, project="巾帼技能培训")
        post = {
            "version": s.version,
            "ind-count": "2",
            "ind-0-name": "培训人次",
            "ind-0-target": "≥300人次",
            "ind-0-actual": "150人次",  # missed, without a reason
            "ind-0-weight": "45",
            "ind-1-name": "参训人员满意度",
            "ind-1-target": "≥90%",
            "ind-1-actual": "95%",
            "ind-1-weight": "45",
        }
        # a draft monitoring table is not a judgement yet: not compared
        r = client(self.filler).post(reverse("preview", args=[s.pk]), post)
        self.assertNotContains(r, 'data-code="JX-L006"')
        report.submit(by=self.head)
        r = client(self.filler).post(reverse("preview", args=[s.pk]), post)
        self.assertContains(r, 'data-code="JX-L006"')
        self.assertContains(r, "运行监控表:第1项")
        page = client(self.filler).get(reverse("form", args=[s.pk]))
        self.assertContains(page, "已报送的运行监控表")
        # the monitoring's figures stand beside the row they were said of
        self.assertContains(page, 'id="monitoring-ind-0">监控（1–6月）：执行 200人次，全年预计 300人次，确定能<')


class BureauActionsTests(WebTestCase):
    """重点监控 marks and 整改 requests the unit answers."""

    def setUp(self) -> None:
        super().setUp()
        tround = TargetRound.objects.create(
            region=self.region, year=2022, kind="project", title="2022年度项目目标", deadline=date.today()
        )
        targets = approved_project(self, tround, "巾帼技能培训", 100)
        mround = MonitoringRound.objects.create(
            region=self.region, year=2022, cutoff_month=6, title="监控", deadline=date.today()
        )
        self.report = MonitoringReport.start(by=self.filler, round=mround, targets_pk=targets.pk)
        self.report.submit(by=self.head)

    def fresh(self) -> MonitoringReport:
        return MonitoringReport.objects.get(pk=self.report.pk)

    def test_key_project_needs_a_reason_and_comes_first(self) -> None:
        url = reverse("monitoring_key", args=[self.report.pk])
        client(self.reviewer).post(url, {"on": "1"})
        self.assertFalse(self.fresh().key_project)
        self.assertEqual(client(self.head).post(url, {"on": "1", "reason": "x"}).status_code, 403)
        self.assertEqual(client(self.far_reviewer).post(url, {"on": "1", "reason": "x"}).status_code, 404)
        client(self.reviewer).post(url, {"on": "1", "reason": "执行滞后，金额较大"})
        self.assertEqual((self.fresh().key_project, self.fresh().key_reason), (True, "执行滞后，金额较大"))
        self.assertContains(client(self.reviewer).get(reverse("monitoring")), f'id="key-{self.report.pk}"')
        client(self.reviewer).post(url, {"on": "0"})
        self.assertFalse(self.fresh().key_project)

    def test_rectification_is_answered_before_the_table_is_reported_again(self) -> None:
        url = reverse("monitoring_rectify", args=[self.report.pk])
        client(self.reviewer).post(url, {"index": "0", "requirement": ""})
        self.assertEqual(self.fresh().status, "submitted")
        client(self.reviewer).post(url, {"index": "0", "requirement": "8月底前补办两期培训"})
        report = self.fresh()
        self.assertEqual(report.status, "returned")
        row = report.content["indicators"][0]
        self.assertEqual((row["rectify"], row["rectify_requirement"]), (True, "8月底前补办两期培训"))
        page = client(self.filler).get(reverse("monitoring_form", args=[report.pk]))
        self.assertContains(page, 'name="ind-0-rectify_result"')
        r = client(self.head).post(reverse("monitoring_submit", args=[report.pk]), follow=True)
        self.assertContains(r, "请先填写整改结果：培训人次")
        self.assertEqual(self.fresh().status, "returned")
        client(self.filler).post(
            reverse("monitoring_form", args=[report.pk]),
            {"version": report.version, "ind-0-rectify_result": "已于8月20日前补办两期，新增培训90人次"},
        )
        client(self.head).post(reverse("monitoring_submit", args=[report.pk]))
        report = self.fresh()
        self.assertEqual(report.status, "submitted")
        self.assertEqual(report.content["indicators"][0]["rectify_result"], "已于8月20日前补办两期，新增培训90人次")
        self.assertEqual(report.content["indicators"][0]["rectify_requirement"], "8月底前补办两期培训")

    def test_admin_pages_are_read_only_and_scoped_to_the_region(self) -> None:
        from django.contrib.auth.models import Permission, User

        MonitoringRound.objects.create(
            region=self.region, year=2022, kind="department", cutoff_month=6, title="岳麓区部门整体监控",
            deadline=date.today(), created_by=self.reviewer,
        )  # fmt: skip
        MonitoringRound.objects.create(
            region=self.far_region, year=2022, cutoff_month=6, title="天心区2022年运行监控",
            deadline=date.today(), created_by=self.far_reviewer,
        )  # fmt: skip
        root = client(User.objects.create_superuser("root", password="x-Pass-1234"))
        for name in ("monitoring_monitoringround", "monitoring_monitoringreport"):
            self.assertEqual(root.get(reverse(f"admin:{name}_changelist")).status_code, 200, name)
            self.assertEqual(root.get(reverse(f"admin:{name}_add")).status_code, 403, name)
        self.admin.is_staff = True
        self.admin.save()
        self.admin.user_permissions.set(
            Permission.objects.filter(content_type__app_label="monitoring")
        )
        own = client(self.admin)
        rounds = own.get(reverse("admin:monitoring_monitoringround_changelist")).content.decode()
        self.assertIn("岳麓区部门整体监控", rounds)
        self.assertNotIn("天心区2022年运行监控", rounds)
        reports = own.get(reverse("admin:monitoring_monitoringreport_changelist")).content.decode()
        self.assertIn("巾帼技能培训", reports)
