"""Results applied (结果应用): a round's budget-linkage table as the bureau decided it, and the
整改 (rectification) tasks the bureau issues per form, which the unit feeds back on and answers
within the table's deadlines and the bureau closes. The rules are :mod:`jixiao.lifecycle.linkage`;
every decision and step is in the audit log."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from jixiao import bounds
from jixiao.lifecycle.linkage import (
    DEFAULT_TABLE,
    LinkageTable,
    due_dates,
    lateness,
    parse_table,
    table_to_data,
)
from jixiao_web.accounts.models import AuditLog, Unit
from jixiao_web.evaluations.models import Round, Submission
from jixiao_web.evaluations.workflow import EDITORS, Status, WorkflowError
from jixiao_web.targets.models import is_reviewer_of

User = settings.AUTH_USER_MODEL
HAS_RESULT = frozenset({Status.ACCEPTED, Status.PUBLISHED})  # the bureau's result is final


def _text(value: str, limit: int) -> str:
    return bounds.clean_text(value or "").strip()[:limit]


class LinkageDecision(models.Model):
    """The budget-linkage table of a round, with who decided it and why (the latest wins;
    earlier ones stay in the audit log)."""

    round = models.OneToOneField(
        Round, on_delete=models.CASCADE, related_name="linkage", verbose_name="轮次"
    )
    data = models.JSONField("挂钩表")
    reason = models.TextField("决定理由")
    decided_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name="决定人"
    )
    decided_at = models.DateTimeField("决定时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "预算挂钩表"

    def __str__(self) -> str:
        return f"{self.round} · 预算挂钩表"

    @property
    def table(self) -> LinkageTable:
        return parse_table(self.data)

    @staticmethod
    def table_of(round: Round) -> LinkageTable:
        decision = LinkageDecision.objects.filter(round=round).first()
        return decision.table if decision else DEFAULT_TABLE

    @classmethod
    def decide(cls, *, by: Any, round: Round, data: dict[str, Any], reason: str) -> LinkageDecision:
        """Save the bureau's table (validated: :class:`~jixiao.lifecycle.linkage.LinkageError`)."""
        if not is_reviewer_of(by, round.region_id):
            raise WorkflowError("只有本地区财政局审核人或管理员可以决定预算挂钩表。")
        reason = _text(reason, 2000)
        if not reason:
            raise WorkflowError("请写明决定理由（如预算压减的依据、会议纪要）。")
        table = parse_table(data)
        summary = "；".join(
            f"{r.grade}：{r.action.value}{f' {r.cut_percent}%' if r.action.value == '压减' else ''}"
            for r in table.rules
        )
        with transaction.atomic():
            decision, _ = cls.objects.update_or_create(
                round=round,
                defaults={"data": table_to_data(table), "reason": reason, "decided_by": by},
            )
            AuditLog.record(
                AuditLog.Action.COMMENTED,
                user=by,
                target=round,
                detail=f"预算挂钩表：{summary}；反馈 {table.feedback_days} 天、整改 {table.answer_days} 天；理由：{reason[:300]}",
            )
        return decision


class TaskStatus(models.TextChoices):
    OPEN = "open", "整改中"
    ANSWERED = "answered", "已答复"
    CLOSED = "closed", "已销号"


class RectificationTask(models.Model):
    """One 整改 task on a form: what to rectify and why, the deadlines, the unit's feedback
    and answer, the bureau's closing."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="rectifications", verbose_name="自评"
    )
    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="+", verbose_name="轮次"
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="rectifications", verbose_name="单位"
    )
    source = models.CharField("依据（复核意见或问题）", max_length=300)
    requirement = models.TextField("整改要求")
    issued_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name="下达人"
    )
    issued_on = models.DateField("下达日期")
    feedback_due = models.DateField("反馈期限")
    answer_due = models.DateField("整改期限")
    status = models.CharField(
        "状态", max_length=20, choices=TaskStatus.choices, default=TaskStatus.OPEN
    )
    feedback = models.TextField("整改计划（反馈）", blank=True)
    fed_back_at = models.DateTimeField("反馈时间", null=True, blank=True)
    answer = models.TextField("整改结果", blank=True)
    answered_at = models.DateTimeField("答复时间", null=True, blank=True)
    closed_at = models.DateTimeField("销号时间", null=True, blank=True)
    note = models.TextField("财政局意见", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "整改任务"
        ordering = ["status", "answer_due", "id"]

    def __str__(self) -> str:
        return f"{self.unit} · 整改：{self.source[:40]}"

    def lateness(self, today: date | None = None) -> str:
        if self.status == TaskStatus.CLOSED:
            return ""
        return lateness(
            today or timezone.localdate(),
            self.feedback_due,
            self.answer_due,
            bool(self.fed_back_at),
            self.status == TaskStatus.ANSWERED,
        )

    def days_left(self, today: date | None = None) -> int:
        return (self.answer_due - (today or timezone.localdate())).days

    def can_answer(self, user: Any) -> bool:
        m = getattr(user, "membership", None) if user.is_authenticated else None
        return (
            self.status == TaskStatus.OPEN
            and m is not None
            and m.role in EDITORS
            and m.unit_id == self.unit_id
        )

    def can_close(self, user: Any) -> bool:
        return self.status != TaskStatus.CLOSED and is_reviewer_of(user, self.round.region_id)

    @classmethod
    def issue(
        cls, *, by: Any, submission: Submission, source: str, requirement: str
    ) -> RectificationTask:
        if not is_reviewer_of(by, submission.round.region_id):
            raise WorkflowError("只有本地区财政局审核人或管理员可以下达整改任务。")
        if submission.status not in HAS_RESULT:
            raise WorkflowError("自评审核通过（有了评价结果）后才能下达整改任务。")
        source, requirement = _text(source, 300), _text(requirement, 4000)
        if not source:
            raise WorkflowError("请选择或写明整改依据（复核意见或问题）。")
        if not requirement:
            raise WorkflowError("请写明整改要求（整改什么、达到什么）。")
        today = timezone.localdate()
        feedback_due, answer_due = due_dates(today, LinkageDecision.table_of(submission.round))
        with transaction.atomic():
            task = cls.objects.create(
                submission=submission,
                round=submission.round,
                unit=submission.unit,
                source=source,
                requirement=requirement,
                issued_by=by,
                issued_on=today,
                feedback_due=feedback_due,
                answer_due=answer_due,
            )
            AuditLog.record(
                AuditLog.Action.COMMENTED,
                user=by,
                target=submission,
                detail=f"下达整改任务（反馈 {feedback_due:%Y-%m-%d} 前，整改 {answer_due:%Y-%m-%d} 前）：{source[:80]}",
            )
        return task

    def respond(self, *, by: Any, feedback: str = "", answer: str = "") -> None:
        """The unit feeds back its plan, or answers with the result (the task goes to the bureau)."""
        if not self.can_answer(by):
            raise WorkflowError(
                "只有本单位的填报人或负责人可以答复整改中的任务。"
                if self.status == TaskStatus.OPEN
                else f"该任务{self.get_status_display()}，不能再答复。"
            )
        feedback, answer = _text(feedback, 4000), _text(answer, 4000)
        if not feedback and not answer:
            raise WorkflowError("请填写整改计划或整改结果。")
        now = timezone.now()
        changes: dict[str, Any] = {}
        if feedback:
            changes |= {"feedback": feedback, "fed_back_at": now}
        if answer:
            changes |= {"answer": answer, "answered_at": now, "status": TaskStatus.ANSWERED}
        with transaction.atomic():
            if not RectificationTask.objects.filter(pk=self.pk, status=TaskStatus.OPEN).update(
                **changes
            ):
                raise WorkflowError("状态已被他人改变，请刷新页面。")
            AuditLog.record(
                AuditLog.Action.SAVED,
                user=by,
                target=self.submission,
                detail=f"整改任务 {self.pk}：" + ("答复整改结果" if answer else "反馈整改计划"),
            )
        self.refresh_from_db()

    def close(self, *, by: Any, reopen: bool = False, note: str = "") -> None:
        """The bureau closes the task (销号), or sends an answer back (重新整改, with a note)."""
        if not is_reviewer_of(by, self.round.region_id):
            raise WorkflowError("只有本地区财政局审核人或管理员可以销号。")
        note = _text(note, 2000)
        if reopen:
            if self.status != TaskStatus.ANSWERED:
                raise WorkflowError("只有已答复的任务可以退回重新整改。")
            if not note:
                raise WorkflowError("请写明退回重新整改的理由。")
            changes: dict[str, Any] = {"status": TaskStatus.OPEN, "note": note}
            sources, detail = (
                [TaskStatus.ANSWERED],
                f"整改任务 {self.pk}：退回重新整改：{note[:200]}",
            )
        else:
            if self.status == TaskStatus.CLOSED:
                raise WorkflowError("该任务已销号。")
            changes = {"status": TaskStatus.CLOSED, "closed_at": timezone.now(), "note": note}
            sources = [TaskStatus.OPEN, TaskStatus.ANSWERED]
            detail = f"整改任务 {self.pk}：销号" + (f"：{note[:200]}" if note else "")
        with transaction.atomic():
            if not RectificationTask.objects.filter(pk=self.pk, status__in=sources).update(
                **changes
            ):
                raise WorkflowError("状态已被他人改变，请刷新页面。")
            AuditLog.record(
                AuditLog.Action.TRANSITION, user=by, target=self.submission, detail=detail
            )
        self.refresh_from_db()
