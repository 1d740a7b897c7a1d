"""抽查复核 row by row in the web app: the library's score of each row, the reviewer's
overrides with reasons, the total, grade and 自评不实 from them, the confirmation that sets the
form's own 复核得分 and 等级 (audit log), and the unit told on its dashboard."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from jixiao.lifecycle.sampling import Rule
from jixiao_web.accounts.models import AuditLog
from jixiao_web.evaluations.models import Submission
from jixiao_web.reevaluation.models import SampleDraw
from tests.web.base import WebTestCase
from tests.web.test_targets import client


class RowByRowTests(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.accepted = self.move_to("accepted")  # 妇联: self score 100, every row full marks
        self.d = SampleDraw.make(
            by=self.reviewer, round=self.round, rule=Rule(share=Decimal(1)), seed=7
        )
        self.item = self.d.items.get(submission=self.accepted)
        self.url = reverse("reeval_rows", args=[self.d.pk, self.item.pk])

    def test_the_page_shows_each_rows_library_score_beside_the_self_score(self) -> None:
        ev = self.item.reevaluation()
        keys = [r.key for r in ev.rows]
        self.assertEqual(keys, ["funds-0", "ind-0", "ind-1"])
        page = client(self.reviewer).get(self.url)
        self.assertContains(page, 'id="row-ind-1-score"')
        self.assertContains(page, "妇女群众满意度")
        self.assertContains(page, "尚未保存")
        self.assertEqual(ev.self_total, Decimal(100))

    def test_an_override_with_a_reason_moves_the_total_and_marks_the_form_untrue(self) -> None:
        library = self.item.reevaluation()
        post = {
            "row-ind-0-score": "20",
            "row-ind-0-reason": "台账只能证明 5 次",
            "comment": "活动记录不全",
        }
        r = client(self.reviewer).post(self.url, post, follow=True)
        self.assertContains(r, "自评不实")
        self.item.refresh_from_db()
        self.assertEqual(self.item.rows, {"ind-0": {"score": "20", "reason": "台账只能证明 5 次"}})
        expected = library.total - library.rows[1].library + Decimal(20)
        self.assertEqual(self.item.score, expected)
        self.assertTrue(self.item.gap.untrue)
        self.assertEqual(self.item.comment, "活动记录不全")
        log = AuditLog.objects.filter(
            target_key=AuditLog.key(self.accepted), action=AuditLog.Action.REVIEW_SCORED
        )
        self.assertIn(
            "主题党日活动次数 计算得分 → 20（台账只能证明 5 次）", log.latest("id").detail
        )
        self.assertContains(client(self.reviewer).get(self.url), 'class="overridden')

    def test_bad_overrides_save_nothing(self) -> None:
        c = client(self.reviewer)
        for post, said in (
            ({"row-ind-0-score": "60", "row-ind-0-reason": "多给"}, "0 到 50 之间"),
            ({"row-ind-0-score": "10"}, "须写明理由"),
            ({"row-ind-0-score": "10", "row-ind-0-reason": "\x00\x01 "}, "须写明理由"),  # control chars only
            ({"row-ind-0-score": "十", "row-ind-0-reason": "x"}, "不是数字"),
            ({"row-ind-0-score": "NaN", "row-ind-0-reason": "x"}, "不是数字"),
        ):
            r = c.post(self.url, post)
            self.assertContains(r, said, status_code=400)
            self.assertContains(
                r, f'value="{post["row-ind-0-score"]}"', status_code=400
            )  # kept as typed
        self.item.refresh_from_db()
        self.assertEqual((self.item.rows, self.item.score), ({}, None))

    def test_confirming_sets_the_forms_review_score_and_grade_and_tells_the_unit(self) -> None:
        dash = client(self.filler).get(reverse("dashboard"))
        self.assertContains(dash, "已被财政局抽中复核")
        c = client(self.reviewer)
        r = c.post(reverse("reeval_confirm", args=[self.d.pk, self.item.pk]), follow=True)
        self.assertContains(r, "请先逐行复核并保存")  # nothing saved yet: nothing to confirm
        c.post(self.url, {"row-ind-1-score": "10", "row-ind-1-reason": "无满意度调查问卷"})
        c.post(reverse("reeval_confirm", args=[self.d.pk, self.item.pk]))
        self.item.refresh_from_db()
        s = Submission.objects.get(pk=self.accepted.pk)
        self.assertIsNotNone(self.item.confirmed_at)
        self.assertEqual(s.review_score, self.item.score)
        self.assertEqual(s.grade, self.item.gap.review_grade)
        self.assertTrue(
            AuditLog.objects.filter(
                target_key=AuditLog.key(s), detail__startswith="抽查复核确认"
            ).exists()
        )
        r = c.post(self.url, {"row-ind-1-score": "40", "row-ind-1-reason": "改回"}, follow=True)
        self.assertContains(r, "已确认，不能再修改", status_code=400)
        r = c.post(
            reverse("reeval_score", args=[self.d.pk, self.item.pk]), {"score": "99"}, follow=True
        )
        self.assertContains(r, "已确认，不能再修改")
        dash = client(self.filler).get(reverse("dashboard"))
        self.assertContains(dash, "抽查复核已完成")
        self.assertContains(dash, "自评不实")
        other = client(self.other_head).get(reverse("dashboard"))
        self.assertNotContains(other, "抽查复核已完成")

    def test_only_the_regions_bureau_re_scores(self) -> None:
        post = {"row-ind-0-score": "1", "row-ind-0-reason": "x"}
        for user in (self.filler, self.head, self.far_reviewer):
            r = client(user).post(self.url, post)
            self.assertIn(r.status_code, (403, 404))
            r = client(user).post(reverse("reeval_confirm", args=[self.d.pk, self.item.pk]))
            self.assertIn(r.status_code, (403, 404))
        self.item.refresh_from_db()
        self.assertEqual((self.item.rows, self.item.confirmed_at), ({}, None))
