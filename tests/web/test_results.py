"""Results applied in the web app: the bureau's result per form (the 复核 score once there is
one), the round's budget-linkage table with who decided it and why, the next-year proposals
as .xlsx, and 整改 tasks issued, answered, closed, reminded and listed when overdue."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from io import BytesIO

from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from jixiao_web.accounts.models import AuditLog
from jixiao_web.evaluations.workflow import WorkflowError
from jixiao_web.results.models import LinkageDecision, RectificationTask, TaskStatus
from tests.web.base import WebTestCase


def client(user) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(user)
    return c


def linkage_post(cut: str = "15", reason: str = "区政府常务会议决定") -> dict[str, str]:
    data = {"feedback_days": "20", "answer_days": "30", "reason": reason}
    for grade, action, percent, wording in (
        ("优", "优先保障", "0", "优先保障"),
        ("良", "按需安排", "0", "按需安排"),
        ("中", "压减", cut, "按比例压减"),
        ("差", "暂停安排", "0", "暂停安排"),
    ):
        data |= {f"action-{grade}": action, f"cut-{grade}": percent, f"wording-{grade}": wording}
    return data


class ResultsTests(WebTestCase):
    def reviewed_to(self, score: str) -> None:
        """Submitted, re-scored by the bureau to ``score`` in all (both indicator rows), accepted."""
        s = self.move_to("submitted")
        half = Decimal(score) / 2
        s.save_review_scores(by=self.reviewer, scores={0: (half, "扣分"), 1: (half, "扣分")})
        self.s().transition("accept", by=self.reviewer)

    def test_the_round_lists_the_review_score_grade_and_proposal(self) -> None:
        self.reviewed_to("70")
        s = self.s()
        self.assertEqual(s.final_grade(), "中")
        page = client(self.reviewer).get(reverse("results_round", args=[self.round.pk]))
        self.assertEqual(page.status_code, 200)
        row = page.content.decode().split(f'id="result-{s.pk}"')[1].split("</tr>")[0]
        self.assertIn("复核", row)
        self.assertIn("中", row)
        self.assertIn("压减 10%", row)  # the default table until the bureau decides
        self.assertIn("178.92", row)  # 198.8 (the form's 合计 as printed) less 10 %

        # the bureau decides a 15 % cut, with a reason: recorded, proposals recomputed
        r = client(self.reviewer).post(
            reverse("results_linkage", args=[self.round.pk]), linkage_post("15")
        )
        self.assertEqual(r.status_code, 302)
        decision = LinkageDecision.objects.get(round=self.round)
        self.assertEqual(decision.decided_by, self.reviewer)
        self.assertEqual(decision.table.rule("中").cut_percent, Decimal(15))  # type: ignore[union-attr]
        log = AuditLog.objects.filter(
            target_key=AuditLog.key(self.round), detail__startswith="预算挂钩表"
        ).get()
        self.assertIn("中：压减 15%", log.detail)
        self.assertIn("区政府常务会议决定", log.detail)

        xlsx = client(self.reviewer).get(reverse("results_export", args=[self.round.pk]))
        self.assertEqual(xlsx.status_code, 200)
        ws = load_workbook(BytesIO(xlsx.content)).active
        header = [c.value for c in ws[2]]
        row3 = dict(zip(header, [c.value for c in ws[3]], strict=True))
        self.assertEqual(row3["单位"], self.unit.name)
        self.assertEqual(row3["等级"], "中")
        self.assertEqual(row3["挂钩处理"], "压减")
        self.assertEqual(Decimal(str(row3["下年度建议参考数(万元)"])), Decimal("168.98"))
        self.assertIn("复核得分 70", row3["理由"])

    def test_a_bad_table_or_no_reason_changes_nothing(self) -> None:
        c = client(self.reviewer)
        url = reverse("results_linkage", args=[self.round.pk])
        bad = c.post(url, linkage_post("0"))
        self.assertEqual(bad.status_code, 400)
        self.assertIn("压减比例应大于 0 且小于 100", bad.content.decode())
        self.assertEqual(c.post(url, linkage_post("15", reason=" ")).status_code, 400)
        self.assertFalse(LinkageDecision.objects.exists())

    def test_units_and_other_regions_do_not_see_a_rounds_results(self) -> None:
        url = reverse("results_round", args=[self.round.pk])
        self.assertEqual(client(self.head).get(url).status_code, 403)
        self.assertEqual(client(self.far_reviewer).get(url).status_code, 404)
        self.assertEqual(client(self.far_reviewer).post(reverse("results_linkage", args=[self.round.pk]),
                                                        linkage_post()).status_code, 404)  # fmt: skip

    def test_a_task_is_issued_answered_and_closed(self) -> None:
        with self.assertRaisesRegex(WorkflowError, "审核通过"):
            RectificationTask.issue(
                by=self.reviewer, submission=self.move_to("submitted"), source="x", requirement="y"
            )
        self.s().transition("accept", by=self.reviewer)
        r = client(self.reviewer).post(
            reverse("rectification_new", args=[self.submission.pk]),
            {"source": "JX-A001 合计不等于分项之和", "requirement": "核对资金合计并更正决算口径"},
        )
        task = RectificationTask.objects.get()
        self.assertRedirects(r, reverse("rectification", args=[task.pk]))
        self.assertEqual((task.answer_due - task.issued_on).days, 30)
        self.assertEqual((task.feedback_due - task.issued_on).days, 20)

        # the unit sees it on its dashboard; another unit cannot see it at all
        self.assertIn(
            "整改任务提醒", client(self.filler).get(reverse("dashboard")).content.decode()
        )
        self.assertEqual(
            client(self.other_head).get(reverse("rectification", args=[task.pk])).status_code, 404
        )
        self.assertEqual(
            client(self.reviewer)
            .post(reverse("rectification", args=[task.pk]), {"answer": "x"})
            .status_code,
            403,
        )
        c = client(self.filler)
        c.post(reverse("rectification", args=[task.pk]), {"feedback": "三月底前完成核对"})
        task.refresh_from_db()
        self.assertEqual((task.status, task.feedback), (TaskStatus.OPEN, "三月底前完成核对"))
        c.post(reverse("rectification", args=[task.pk]), {"answer": "已更正，合计 198.98 万元"})
        task.refresh_from_db()
        self.assertEqual(task.status, TaskStatus.ANSWERED)
        with self.assertRaisesRegex(WorkflowError, "不能再答复"):
            task.respond(by=self.filler, answer="再答一次")

        # the bureau sends it back with a reason, the unit answers again, the bureau closes it
        rv = client(self.reviewer)
        rv.post(reverse("rectification_close", args=[task.pk]), {"reopen": "1", "note": ""})
        task.refresh_from_db()
        self.assertEqual(task.status, TaskStatus.ANSWERED)  # no reason: refused
        rv.post(
            reverse("rectification_close", args=[task.pk]),
            {"reopen": "1", "note": "请附更正后的决算表"},
        )
        task.refresh_from_db()
        self.assertEqual(task.status, TaskStatus.OPEN)
        task.respond(by=self.head, answer="已附更正后的决算表")
        rv.post(reverse("rectification_close", args=[task.pk]), {"note": "整改到位"})
        task.refresh_from_db()
        self.assertEqual(task.status, TaskStatus.CLOSED)
        details = list(
            AuditLog.objects.filter(
                target_key=AuditLog.key(self.s()), detail__contains="整改"
            ).values_list("detail", flat=True)
        )
        # issued, fed back, answered, sent back, answered, closed
        self.assertEqual(len(details), 6, details)

    def test_overdue_tasks_are_listed_first_and_reminded(self) -> None:
        self.move_to("accepted")
        late = RectificationTask.issue(
            by=self.reviewer, submission=self.s(), source="复核意见", requirement="补充台账"
        )
        fresh = RectificationTask.issue(
            by=self.reviewer, submission=self.s(), source="JX-L004", requirement="说明"
        )
        RectificationTask.objects.filter(pk=late.pk).update(
            issued_on=late.issued_on - timedelta(days=40),
            feedback_due=late.feedback_due - timedelta(days=40),
            answer_due=late.answer_due - timedelta(days=40),
        )
        page = client(self.reviewer).get(reverse("results") + "?overdue=1").content.decode()
        self.assertIn(f'id="task-{late.pk}"', page)
        self.assertNotIn(f'id="task-{fresh.pk}"', page)
        self.assertIn("整改结果逾期 10 天", page)
        self.assertIn("逾期 1 项", page)
        dashboard = client(self.head).get(reverse("dashboard")).content.decode()
        self.assertLess(
            dashboard.index(f'id="reminder-{late.pk}"'),
            dashboard.index(f'id="reminder-{fresh.pk}"'),
        )
        self.assertNotIn(
            "整改任务提醒", client(self.other_head).get(reverse("dashboard")).content.decode()
        )

    def test_the_admin_lists_them_read_only(self) -> None:
        from django.contrib.auth.models import User

        self.move_to("accepted")
        task = RectificationTask.issue(
            by=self.reviewer, submission=self.s(), source="复核意见", requirement="补充台账"
        )
        root = client(User.objects.create_superuser("root", password="Ce-shi-mi-ma-2021"))
        page = root.get(reverse("admin:results_rectificationtask_changelist"))
        self.assertEqual(page.status_code, 200)
        self.assertIn("复核意见", page.content.decode())
        self.assertEqual(root.get(reverse("admin:results_linkagedecision_changelist")).status_code, 200)
        self.assertEqual(root.get(reverse("admin:results_rectificationtask_add")).status_code, 403)
        self.assertEqual(
            root.post(reverse("admin:results_rectificationtask_change", args=[task.pk]), {}).status_code,
            403,
        )
