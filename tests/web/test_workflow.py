"""Every workflow transition, who may do it, and the forbidden ones (model layer)."""

from __future__ import annotations

from jixiao_web.accounts.models import AuditLog
from jixiao_web.evaluations.models import Submission
from jixiao_web.evaluations.workflow import ConflictError, Status, WorkflowError
from tests.web.base import WebTestCase, small_form

# (transition, from state, persona) that the workflow allows — everything else is refused
ALLOWED = {
    ("submit", "draft", "head"),
    ("resubmit", "returned", "head"),
    ("return", "submitted", "reviewer"),
    ("return", "submitted", "admin"),
    ("return", "resubmitted", "reviewer"),
    ("return", "resubmitted", "admin"),
    ("accept", "submitted", "reviewer"),
    ("accept", "submitted", "admin"),
    ("accept", "resubmitted", "reviewer"),
    ("accept", "resubmitted", "admin"),
    ("publish", "accepted", "reviewer"),
    ("publish", "accepted", "admin"),
}
TARGET = {
    "submit": "submitted",
    "resubmit": "resubmitted",
    "return": "returned",
    "accept": "accepted",
    "publish": "published",
}
PERSONAS = ["filler", "head", "other_head", "reviewer", "admin", "far_reviewer"]


class TransitionMatrixTests(WebTestCase):
    def test_every_transition_state_and_persona(self) -> None:
        for name in TARGET:
            for state in Status.values:
                for persona in PERSONAS:
                    with self.subTest(transition=name, state=state, persona=persona):
                        Submission.objects.filter(pk=self.submission.pk).update(status=state)
                        s = self.s()
                        user = getattr(self, persona)
                        if (name, state, persona) in ALLOWED:
                            s.transition(name, by=user, comment="意见")
                            self.assertEqual(self.s().status, TARGET[name])
                        else:
                            with self.assertRaises(WorkflowError):
                                s.transition(name, by=user, comment="意见")
                            self.assertEqual(self.s().status, state)

    def test_allowed_transitions_offered_match_the_matrix(self) -> None:
        for state in Status.values:
            Submission.objects.filter(pk=self.submission.pk).update(status=state)
            for persona in PERSONAS:
                offered = set(self.s().allowed_transitions(getattr(self, persona)))
                expected = {n for (n, st, p) in ALLOWED if st == state and p == persona}
                self.assertEqual(offered, expected, (state, persona))


class RoundTripTests(WebTestCase):
    def test_full_round_draft_to_published(self) -> None:
        s = self.s()
        s.transition("submit", by=self.head)
        self.assertEqual(self.s().status, Status.SUBMITTED)
        self.assertIsNotNone(self.s().submitted_at)
        self.s().add_comment(by=self.reviewer, target="funds-0", text="合计与分项之和不符")
        self.s().transition("return", by=self.reviewer)
        self.assertEqual(self.s().status, Status.RETURNED)
        s = self.s()
        content = small_form()
        content["funds"][0]["budget"] = (
            content["funds"][1]["budget"] + content["funds"][2]["budget"]
        )
        s.save_content(by=self.filler, content=content, base_version=s.version)
        self.s().transition("resubmit", by=self.head)
        self.assertEqual(self.s().status, Status.RESUBMITTED)
        comment = self.s().comments.get()
        self.assertTrue(comment.open)  # still open: the reviewer, not the resubmission, closes it
        self.s().close_comment(by=self.reviewer, pk=comment.pk)
        self.assertFalse(self.s().comments.filter(open=True).exists())
        self.s().transition("accept", by=self.reviewer)
        self.s().transition("publish", by=self.admin)
        s = self.s()
        self.assertEqual(s.status, Status.PUBLISHED)
        self.assertIsNotNone(s.published_at)
        transitions = AuditLog.objects.filter(action=AuditLog.Action.TRANSITION, target=str(s))
        self.assertEqual(transitions.count(), 5)

    def test_return_needs_a_comment(self) -> None:
        s = self.move_to("submitted")
        with self.assertRaisesMessage(WorkflowError, "退回"):
            s.transition("return", by=self.reviewer, comment="  ")
        s.add_comment(by=self.reviewer, target="ind-0", text="实际完成值无依据")
        s.transition("return", by=self.reviewer)  # a cell comment is enough
        self.assertEqual(self.s().status, Status.RETURNED)

    def test_a_stale_state_is_refused(self) -> None:
        stale = self.s()
        self.s().transition("submit", by=self.head)
        with self.assertRaises(WorkflowError):
            stale.transition("submit", by=self.head)


class EditingTests(WebTestCase):
    def test_editing_by_state_and_persona(self) -> None:
        editable = {
            ("draft", "filler"),
            ("draft", "head"),
            ("returned", "filler"),
            ("returned", "head"),
        }
        for state in Status.values:
            for persona in PERSONAS:
                with self.subTest(state=state, persona=persona):
                    Submission.objects.filter(pk=self.submission.pk).update(status=state)
                    s = self.s()
                    content = small_form()
                    content["unit"] = f"{state}-{persona}"
                    if (state, persona) in editable:
                        s.save_content(
                            by=getattr(self, persona), content=content, base_version=s.version
                        )
                        self.assertEqual(self.s().content["unit"], f"{state}-{persona}")
                    else:
                        with self.assertRaises(WorkflowError):
                            s.save_content(
                                by=getattr(self, persona), content=content, base_version=s.version
                            )

    def test_every_save_is_a_revision_with_its_changes(self) -> None:
        s = self.s()
        content = small_form()
        content["funds"][0]["budget"] = content["funds"][0]["budget"] + 0  # unchanged
        content["indicators"][0]["actual"] = "13次"
        rev = s.save_content(by=self.filler, content=content, base_version=s.version)
        self.assertEqual(rev.number, 2)
        self.assertEqual(rev.changes, [["指标第1行·实际完成值", "12次", "13次"]])
        self.assertEqual(rev.author, self.filler)
        self.assertEqual(self.s().revisions.count(), 2)

    def test_a_save_without_changes_keeps_no_revision(self) -> None:
        s = self.s()
        self.assertIsNone(s.save_content(by=self.filler, content=s.content, base_version=1))
        self.assertEqual(self.s().version, 1)
        self.assertEqual(self.s().revisions.count(), 1)
        content = s.content
        content["indicators"].append({"name": ""})  # an empty row added is a change
        self.assertIsNotNone(s.save_content(by=self.filler, content=content, base_version=1))

    def test_restore_brings_back_an_old_revision_as_a_new_one(self) -> None:
        s = self.s()
        content = small_form()
        content["indicators"][0]["actual"] = "13次"
        s.save_content(by=self.filler, content=content, base_version=1)
        rev = self.s().restore(by=self.head, number=1, base_version=2)
        self.assertEqual(rev.number, 3)
        self.assertEqual(self.s().content["indicators"][0]["actual"], "12次")
        self.assertEqual(rev.note, "恢复第1版")

    def test_concurrent_save_is_refused_with_the_version(self) -> None:
        mine, theirs = self.s(), self.s()
        content = small_form()
        content["indicators"][0]["actual"] = "11次"
        theirs.save_content(by=self.head, content=content, base_version=1)
        content["indicators"][0]["actual"] = "14次"
        with self.assertRaises(ConflictError) as caught:
            mine.save_content(by=self.filler, content=content, base_version=1)
        self.assertEqual(caught.exception.current_version, 2)
        self.assertIn("head", str(caught.exception))
        self.assertEqual(self.s().content["indicators"][0]["actual"], "11次")


class ReviewScoreTests(WebTestCase):
    def test_review_scores_keep_the_gap_and_total(self) -> None:
        s = self.move_to(
            "submitted"
        )  # the unit scored 50 + 40 (fund row score blank), total printed 100
        s.save_review_scores(by=self.reviewer, scores={0: (self.dec("45"), "次数依据不足")})
        r0 = s.review_scores.get(index=0)
        self.assertEqual(r0.self_score, self.dec("50"))
        self.assertEqual(r0.gap, self.dec("-5"))
        self.assertEqual(r0.comment, "次数依据不足")
        self.assertEqual(self.s().review_score, self.dec("85"))  # 45 re-scored + 40 kept
        self.assertEqual(self.s().review_gap, self.dec("-15"))  # against the printed total 100
        s.save_review_scores(by=self.reviewer, scores={1: (self.dec("38"), "")})
        self.assertEqual(self.s().review_score, self.dec("83"))

    def test_review_score_above_the_weight_is_refused(self) -> None:
        s = self.move_to("submitted")
        with self.assertRaisesMessage(WorkflowError, "0 到 50"):
            s.save_review_scores(by=self.reviewer, scores={0: (self.dec("51"), "")})

    def test_only_reviewers_of_the_region_score_and_only_under_review(self) -> None:
        s = self.move_to("submitted")
        for user in (self.filler, self.head, self.far_reviewer):
            with self.assertRaises(WorkflowError):
                s.save_review_scores(by=user, scores={0: (self.dec("45"), "")})
        s.transition("accept", by=self.reviewer)
        with self.assertRaises(WorkflowError):
            self.s().save_review_scores(by=self.reviewer, scores={0: (self.dec("45"), "")})

    @staticmethod
    def dec(text: str):  # type: ignore[no-untyped-def]
        from decimal import Decimal

        return Decimal(text)
