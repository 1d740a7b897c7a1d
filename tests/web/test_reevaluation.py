"""抽查复核 and year over year in the web app: a draw recorded with its rule and seed and
reproducible from them, re-scoring with the 自评不实 verdict, the per-unit history, the
year-over-year page and the region's score inflation, each scoped to the bureau's region."""

from __future__ import annotations

import json
import tempfile
from decimal import Decimal
from pathlib import Path

from django.urls import reverse

from jixiao.lifecycle.sampling import Rule
from jixiao_web import backup
from jixiao_web.accounts.models import AuditLog
from jixiao_web.evaluations.models import Round, Submission
from jixiao_web.evaluations.workflow import Status
from jixiao_web.reevaluation.models import SampleDraw
from tests.web.base import WebTestCase, small_form
from tests.web.test_targets import client


class ReevaluationTests(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.accepted = self.move_to("accepted")  # 妇联: self score 100
        other = Submission.start(
            by=self.other_head, round=self.round, content=small_form(self.other_unit.name)
        )
        Submission.objects.filter(pk=other.pk).update(
            status=Status.ACCEPTED, self_score=Decimal(95)
        )
        self.other = Submission.objects.get(pk=other.pk)

    def draw(self, **post: str):  # type: ignore[no-untyped-def]
        data = {"round": self.round.pk, "share": "100", "amount_bands": "100, 500", "lag_below": "80",
                "attention_all": "on", "threshold": "5", **post}  # fmt: skip
        return client(self.reviewer).post(reverse("reeval_draw_new"), data)

    def test_a_draw_records_its_rule_and_seed_and_is_reproduced_from_them(self) -> None:
        r = self.draw(seed="42", share="50")
        d = SampleDraw.objects.get()
        self.assertRedirects(r, reverse("reeval_draw", args=[d.pk]))
        self.assertEqual((d.seed, d.population), (42, 2))
        self.assertEqual(Rule.from_dict(d.rule).share, Decimal("0.5"))
        self.assertIn("每层抽取 50%", d.rule_text)
        page = client(self.reviewer).get(reverse("reeval_draw", args=[d.pk]))
        self.assertContains(page, "结果与本次相同")
        self.assertContains(page, d.rule_text)
        again = SampleDraw.make(by=self.reviewer, round=self.round, rule=d.parsed_rule, seed=42)
        self.assertEqual(
            sorted(again.items.values_list("submission_id", flat=True)),
            sorted(d.items.values_list("submission_id", flat=True)),
        )
        self.assertTrue(
            AuditLog.objects.filter(target_key=AuditLog.key(d), detail__contains="种子 42").exists()
        )

    def test_without_a_seed_one_is_generated_and_recorded(self) -> None:
        self.draw()
        d = SampleDraw.objects.get()
        self.assertEqual(d.items.count(), 2)  # 100 %
        self.assertGreaterEqual(d.seed, 0)

    def test_only_accepted_forms_are_drawn_and_an_empty_round_is_said_plainly(self) -> None:
        Submission.objects.filter(pk=self.other.pk).update(status=Status.SUBMITTED)
        self.draw()
        self.assertEqual(
            list(SampleDraw.objects.get().items.values_list("submission_id", flat=True)),
            [self.accepted.pk],
        )
        empty = Round.objects.create(
            region=self.region,
            year=2022,
            kind="department",
            title="2022",
            deadline=self.round.deadline,
        )
        r = client(self.reviewer).post(
            reverse("reeval_draw_new"),
            {"round": empty.pk, "share": "20", "lag_below": "80", "threshold": "5"},
            follow=True,
        )
        self.assertContains(r, "无可抽取", status_code=400)
        self.assertEqual(SampleDraw.objects.count(), 1)

    def test_rescoring_flags_an_untrue_self_evaluation_and_the_history_keeps_it(self) -> None:
        self.draw()
        d = SampleDraw.objects.get()
        item = d.items.get(submission=self.accepted)
        r = client(self.reviewer).post(
            reverse("reeval_score", args=[d.pk, item.pk]),
            {"score": "82", "comment": "满意度无调查佐证"},
            follow=True,
        )
        self.assertContains(r, "自评不实")
        item.refresh_from_db()
        self.assertEqual(item.score, Decimal(82))
        self.assertTrue(item.gap.untrue)
        self.assertEqual(item.gap.gap, Decimal(18))
        fair = d.items.get(submission=self.other)
        client(self.reviewer).post(
            reverse("reeval_score", args=[d.pk, fair.pk]), {"score": "92"}
        )  # 3 points, 优 both
        fair.refresh_from_db()
        self.assertFalse(fair.gap.untrue)
        r = client(self.reviewer).post(
            reverse("reeval_score", args=[d.pk, fair.pk]), {"score": "abc"}, follow=True
        )
        self.assertContains(r, "不是数字")
        r = client(self.reviewer).post(
            reverse("reeval_score", args=[d.pk, fair.pk]), {"score": "300"}, follow=True
        )
        self.assertContains(r, "0 到 100")
        page = client(self.reviewer).get(reverse("reeval_history")).content.decode()
        self.assertIn(self.unit.name, page)
        self.assertIn("自评不实 1 次", page)
        self.assertTrue(
            AuditLog.objects.filter(
                action=AuditLog.Action.REVIEW_SCORED, detail__contains="抽查复核 82"
            ).exists()
        )

    def test_the_draws_are_the_bureaus_of_its_region_only(self) -> None:
        self.draw()
        d = SampleDraw.objects.get()
        self.assertEqual(
            client(self.far_reviewer).get(reverse("reeval_draw", args=[d.pk])).status_code, 404
        )
        self.assertEqual(client(self.head).get(reverse("reeval")).status_code, 403)
        self.assertNotContains(client(self.far_reviewer).get(reverse("reeval")), d.round.title)
        r = client(self.far_reviewer).post(
            reverse("reeval_draw_new"),
            {"round": self.round.pk, "share": "20", "lag_below": "80", "threshold": "5"},
        )
        self.assertEqual(r.status_code, 400)  # not one of its rounds
        self.assertEqual(SampleDraw.objects.count(), 1)

    def test_backup_carries_the_draws(self) -> None:
        self.draw(seed="7")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "b.zip"
            with self.settings(UPLOAD_DIR=Path(tmp) / "uploads"):
                backup.make(path)
            data = json.loads(backup.read(path).data)
        models = {row["model"] for row in data}
        self.assertLessEqual({"reevaluation.sampledraw", "reevaluation.sampleitem"}, models)


class YearsTests(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.move_to("accepted")
        Submission.objects.filter(pk=self.submission.pk).update(review_score=Decimal(88))
        later = Round.objects.create(
            region=self.region,
            year=2022,
            kind="department",
            title="2022",
            deadline=self.round.deadline,
        )
        s = Submission.start(by=self.filler, round=later, content={**small_form(), "year": 2022})
        Submission.objects.filter(pk=s.pk).update(status=Status.SUBMITTED, self_score=Decimal(93))

    def test_a_unit_sees_its_years_side_by_side(self) -> None:
        page = client(self.filler).get(reverse("years")).content.decode()
        table = page[page.index('id="unit-years"') :]
        self.assertLess(table.index("<td>2021</td>"), table.index("<td>2022</td>"))
        self.assertIn("88", table)
        self.assertNotIn('id="inflation"', page)  # the region's figures are the bureau's
        self.assertNotIn("unit-pick", page)
        other = (
            client(self.filler).get(reverse("years"), {"unit": self.other_unit.pk}).content.decode()
        )
        self.assertIn(self.unit.name, other)  # a unit role sees its own unit whatever is asked

    def test_the_bureau_sees_the_regions_inflation_with_charts(self) -> None:
        page = client(self.reviewer).get(reverse("years"), {"unit": self.unit.pk}).content.decode()
        years = page[page.index('id="inflation-years"') :]
        row2021 = years[
            years.index("<td>2021</td>") : years.index("</tr>", years.index("<td>2021</td>"))
        ]
        # one form, 100 of 100 points: full marks 100 %; self − review 100 − 88
        self.assertIn("100.0", row2021)
        self.assertIn("12.00", row2021)
        self.assertIn("<svg", page)
        self.assertIn("2022年度", page)
        far = (
            client(self.far_reviewer).get(reverse("years"), {"unit": self.unit.pk}).content.decode()
        )
        self.assertNotIn(self.unit.name, far)  # another region's unit is not offered nor shown
