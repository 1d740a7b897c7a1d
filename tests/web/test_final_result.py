"""One final result: the grade follows the 复核 score; the unit sees the review after return;
the unit answers each opinion and the reviewer, not the resubmission, closes it."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse

from jixiao_web.evaluations.models import ReviewComment
from tests.web.base import WebTestCase


class FinalResultTests(WebTestCase):
    def submit(self) -> None:
        self.submission.transition("submit", by=self.head)

    def test_grade_follows_the_review_score(self) -> None:
        self.submit()
        self.assertEqual(self.s().grade, "优")  # 50 + 40 computed (+ no fund-row score)…
        # …re-scored: 49 + the unit's 40 = 89 → 良 (the profile's 90/80/60 cut-offs)
        self.s().save_review_scores(by=self.reviewer, scores={0: (Decimal(49), "只完成部分")})
        s = self.s()
        self.assertEqual(s.review_score, Decimal(89))
        self.assertEqual(s.grade, "良")
        self.client.force_login(self.reviewer)
        page = self.client.get(reverse("overview", args=[s.round.pk])).content.decode()
        self.assertIn("<td>良</td>", page)
        self.assertNotIn("<td>优</td>", page)
        # the unit's later save (after return) keeps the grade of the 复核 score
        s.transition("return", by=self.reviewer, comment="请核实")
        s = self.s()
        s.save_content(
            by=self.filler, content={**s.content, "duties": "新职责"}, base_version=s.version
        )
        self.assertEqual(self.s().grade, "良")

    def test_unit_sees_review_after_return_not_before(self) -> None:
        self.submit()
        self.s().save_review_scores(by=self.reviewer, scores={1: (Decimal(30), "满意度样本偏少")})
        self.client.force_login(self.filler)
        url = reverse("form", args=[self.submission.pk])
        self.assertNotIn("review-result", self.client.get(url).content.decode())
        self.s().transition("return", by=self.reviewer, comment="请补充满意度调查说明")
        page = self.client.get(url).content.decode()
        self.assertIn('id="review-result"', page)
        self.assertIn("满意度样本偏少", page)
        self.assertIn('id="unit-review-total"', page)
        self.assertEqual(
            self.client.get(reverse("review", args=[self.submission.pk])).status_code, 403
        )

    def test_unit_answers_and_reviewer_closes(self) -> None:
        self.submit()
        s = self.s()
        c = s.add_comment(by=self.reviewer, target="ind-0", text="请附活动记录")
        s.transition("return", by=self.reviewer)
        self.client.force_login(self.filler)
        r = self.client.post(
            reverse("comment_reply", args=[s.pk, c.pk]), {"reply": "已在偏差原因栏补充"}
        )
        self.assertEqual(r.status_code, 302)
        c.refresh_from_db()
        self.assertEqual(c.reply, "已在偏差原因栏补充")
        self.assertTrue(c.open)
        # the unit cannot close it
        self.assertIn(
            self.client.post(reverse("comment_close", args=[s.pk, c.pk])).status_code, (403, 404)
        )
        self.client.force_login(self.head)
        self.client.post(reverse("transition", args=[s.pk, "resubmit"]))
        c.refresh_from_db()
        self.assertTrue(c.open)  # resubmitting does not close it
        self.client.force_login(self.reviewer)
        page = self.client.get(reverse("form", args=[s.pk])).content.decode()
        self.assertIn("已在偏差原因栏补充", page)
        self.assertIn(f'id="close-{c.pk}"', page)
        self.assertIn("还有 1 条审核意见未关闭", page)  # the accept confirmation says so
        self.client.post(reverse("comment_close", args=[s.pk, c.pk]))
        c.refresh_from_db()
        self.assertFalse(c.open)
        self.assertEqual(c.closed_by, self.reviewer)
        self.client.post(reverse("comment_close", args=[s.pk, c.pk]), {"reopen": "1"})
        self.assertTrue(ReviewComment.objects.get(pk=c.pk).open)

    def test_reply_only_by_the_unit_while_it_may_edit(self) -> None:
        self.submit()
        s = self.s()
        c = s.add_comment(by=self.reviewer, target="", text="整体偏高")
        self.client.force_login(self.filler)
        self.client.post(reverse("comment_reply", args=[s.pk, c.pk]), {"reply": "好"})
        c.refresh_from_db()
        self.assertEqual(c.reply, "")  # submitted: the unit cannot change anything now
        s.transition("return", by=self.reviewer)
        self.client.force_login(self.other_head)
        r = self.client.post(reverse("comment_reply", args=[s.pk, c.pk]), {"reply": "好"})
        self.assertEqual(r.status_code, 404)
