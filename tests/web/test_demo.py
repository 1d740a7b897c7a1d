"""``jixiao serve --demo``: the demo accounts never share a password anyone could read."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import TestCase

from jixiao_web.demo import load_demo


class DemoPasswordTests(TestCase):
    def test_each_demo_setup_gives_fresh_passwords_that_work(self) -> None:
        first = dict((d.username, p) for d, p in load_demo())
        second = dict((d.username, p) for d, p in load_demo())
        self.assertEqual(len(set(second.values())), len(second))  # one per account
        for username, password in second.items():
            user = User.objects.get(username=username)
            self.assertTrue(user.check_password(password), username)
            self.assertNotEqual(first[username], password, username)  # the old one is dead
            self.assertFalse(user.check_password(first[username]), username)
            self.assertGreaterEqual(len(password), 12)


class DemoTargetsTests(TestCase):
    def test_the_demo_unit_has_approved_targets_its_self_evaluation_is_checked_against(self) -> None:
        from jixiao_web.evaluations.models import Submission
        from jixiao_web.targets.models import Status, TargetDeclaration, TargetRound

        load_demo()
        load_demo()  # twice: nothing is duplicated
        d = TargetDeclaration.objects.get(round__kind="department")
        self.assertEqual((d.status, d.grade), (Status.APPROVED, "良"))
        self.assertGreater(len(d.approved_content["indicators"]), 10)  # type: ignore[index]
        self.assertTrue(TargetRound.objects.filter(is_open=True, kind="project").exists())
        codes = Submission.objects.get(round__year=2021).finding_codes
        self.assertIn("JX-L004", codes)  # the seed's slogans replace the approved ≥20人 …

    def test_the_demo_shows_a_monitoring_table_with_its_lights(self) -> None:
        from jixiao_web.monitoring.models import MonitoringReport

        load_demo()
        load_demo()
        report = MonitoringReport.objects.get()
        # 6 of 30 spent at 1–6月 (20% against 50%); one indicator 有可能 without a cause
        self.assertEqual((report.execution_light, report.goal_light, report.forecast_light), ("红", "黄", "黄"))
        self.assertGreater(report.errors, 0)  # JX-R001: 有可能 needs a cause and a measure

    def test_the_demo_shows_a_rounds_results_and_a_rectification_task(self) -> None:
        from jixiao_web.evaluations.models import Submission
        from jixiao_web.results.models import LinkageDecision, RectificationTask

        load_demo()
        load_demo()
        s = Submission.objects.get(round__year=2020, unit__name="长沙市岳麓区妇女联合会")
        self.assertEqual(s.status, "accepted")
        self.assertIsNotNone(s.review_score)
        self.assertLess(s.review_score, s.computed_score)
        self.assertTrue(LinkageDecision.objects.filter(round=s.round).exists())
        task = RectificationTask.objects.get()
        self.assertEqual((task.submission, task.status), (s, "open"))
        self.assertTrue(task.feedback)

class DemoReevaluationTests(TestCase):
    def test_last_year_has_accepted_forms_and_a_reproducible_draw_with_an_untrue_form(self) -> None:
        from jixiao_web.reevaluation.models import SampleDraw

        load_demo()
        load_demo()  # twice: one draw
        d = SampleDraw.objects.get()
        self.assertEqual((d.round.year, d.population), (2020, 2))
        self.assertEqual(sorted(d.redraw_keys()), sorted(str(i.submission_id) for i in d.items.all()))
        self.assertTrue(any(i.gap.untrue for i in d.items.all()))

    def test_the_units_years_show_targets_monitoring_and_scores_side_by_side(self) -> None:
        from django.test import Client
        from django.urls import reverse

        from jixiao_web.reevaluation.yearly import unit_years

        load_demo()
        c = Client()
        c.force_login(User.objects.get(username="tianbao"))
        page = c.get(reverse("years")).content.decode()
        self.assertIn("巾帼家政技能培训", page)
        rows = {(r.year, r.project): r for r in unit_years(User.objects.get(username="tianbao").membership.unit_id)}
        project = rows[(2021, "巾帼家政技能培训")]
        # approved 30 万元 with 3 indicators; monitoring 1–6月 executed 6, red light
        self.assertEqual((project.target_amount, project.target_indicators), (30, 3))
        self.assertEqual((project.monitoring_month, project.monitoring_executed, project.monitoring_light), (6, 6, "红"))
        last = rows[(2020, "")]
        # 复核 gave 90; the confirmed 抽查复核 (three rows cut: 89) set the form's 复核得分
        self.assertEqual((last.self_score, last.review_score, last.reevaluated, last.untrue), (98, 89, 89, True))
