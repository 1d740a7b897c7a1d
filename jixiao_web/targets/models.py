"""Target declaration (绩效目标申报): a round per year and kind, each unit's target table with
its review (grade 优/良/中/差 and the 88号 consequences), the approved table frozen, and
revision requests kept in history.

A round of its own rather than the self-evaluation's :class:`Round` with a ``stage`` field:
that model's uniqueness (one round per region, year and kind), its scoring profile, overview
and public pages all belong to the self-evaluation, and a field added there would need a
migration of the evaluations app. Units, roles, regions and the audit log are shared.

Like :class:`jixiao_web.evaluations.models.Submission`, every change goes through a method
that checks who may do it in which state and writes the audit log.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone

from jixiao import bounds
from jixiao.lifecycle.library import LibraryIndicator
from jixiao.model import Operator
from jixiao.serialize import dump_value, loads
from jixiao_web.accounts.models import AuditLog, Region, Role, Unit
from jixiao_web.evaluations.workflow import EDITORS, ConflictError, WorkflowError
from jixiao_web.stages import is_reviewer_of, open_round
from jixiao_web.stages import membership_of as _membership
from jixiao_web.targets import layout

User = settings.AUTH_USER_MODEL


class TargetRound(models.Model):
    """A 目标申报 round opened by a finance bureau: year, kind, deadline."""

    class Kind(models.TextChoices):
        DEPARTMENT = "department", "部门整体支出绩效目标申报"
        PROJECT = "project", "项目支出绩效目标申报"

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="target_rounds", verbose_name="财政局"
    )
    year = models.PositiveIntegerField("预算年度")
    kind = models.CharField("类型", max_length=20, choices=Kind.choices)
    title = models.CharField("名称", max_length=200)
    deadline = models.DateField("截止日期")
    is_open = models.BooleanField("开放申报", default=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    created_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, verbose_name="创建人"
    )

    class Meta:
        verbose_name = verbose_name_plural = "目标申报轮次"
        ordering = ["-year", "-deadline", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "year", "kind"], name="target_round_one_per_kind"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def days_left(self, today: date | None = None) -> int:
        return (self.deadline - (today or timezone.localdate())).days

    @classmethod
    def open(
        cls, *, by: Any, region: Region, year: int, kind: str, deadline: date, title: str = ""
    ) -> TargetRound:
        def validate() -> None:
            if kind not in cls.Kind.values:
                raise WorkflowError("没有这种申报类型。")
            if bounds.YEAR.problem(year) is not None:
                raise WorkflowError(f"预算年度 {year} 不合理。")

        label = cls.Kind(kind).label if kind in cls.Kind.values else ""
        return open_round(
            cls,
            by=by,
            region=region,
            deadline=deadline,
            what="目标申报",
            unique={"year": year, "kind": kind},
            clash=f"本地区已有{year}年度的{label}，同一年度同一类型只开一次。",
            validate=validate,
            title=title or f"{year}年度{label}",
        )


class Status(models.TextChoices):
    DRAFT = "draft", "填报中"
    SUBMITTED = "submitted", "已提交审核"
    RETURNED = "returned", "退回修改"  # graded 中
    APPROVED = "approved", "已批复"  # graded 优 or 良
    REFUSED = "refused", "不予安排"  # graded 差
    REVISING = "revising", "修订中"  # a revision request was approved


EDITABLE = frozenset({Status.DRAFT, Status.RETURNED, Status.REVISING})
VISIBLE_TO_BUREAU = frozenset(set(Status) - {Status.DRAFT})


class Grade(models.TextChoices):
    """88号 第二十五条: the review's grade and what follows from it."""

    EXCELLENT = "优", "优（直接进入预算安排）"
    GOOD = "良", "良（与单位协商完善后进入预算安排）"
    FAIR = "中", "中（退回单位修改后重新报送）"
    POOR = "差", "差（不得进入预算安排）"


GRADE_OUTCOME = {
    Grade.EXCELLENT: Status.APPROVED,
    Grade.GOOD: Status.APPROVED,
    Grade.FAIR: Status.RETURNED,
    Grade.POOR: Status.REFUSED,
}


class TargetDeclaration(models.Model):
    """One unit's target table in a round (one per project in a project round): the data
    (``jixiao/1`` target-table JSON), its state, version, review, and the approved table."""

    round = models.ForeignKey(
        TargetRound, on_delete=models.CASCADE, related_name="declarations", verbose_name="轮次"
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="target_declarations", verbose_name="单位"
    )
    project = models.CharField("项目名称", max_length=200, blank=True, default="")
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.DRAFT)
    data = models.TextField("目标表数据（jixiao/1 JSON）")
    version = models.PositiveIntegerField("版本", default=1)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    updated_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="最后修改人"
    )
    errors = models.PositiveIntegerField("错误数", default=0)
    warnings = models.PositiveIntegerField("警告数", default=0)
    grade = models.CharField("审核等级", max_length=2, choices=Grade.choices, blank=True)
    review_comment = models.TextField("审核意见", blank=True)
    reviewed_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="审核人"
    )
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    approved_data = models.TextField("批复的目标表（jixiao/1 JSON）", blank=True)
    approved_at = models.DateTimeField("批复时间", null=True, blank=True)
    # the bureau publishes the approved table (never a revision in progress) on the public pages
    published_at = models.DateTimeField("公开时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "绩效目标表"
        ordering = ["unit__name", "project"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "unit", "project"], name="target_one_per_unit_project"
            )
        ]

    def __str__(self) -> str:
        parts = [str(self.unit), self.project, self.round.title]
        return " · ".join(p for p in parts if p)

    @property
    def content(self) -> dict[str, Any]:
        return loads(self.data)

    @property
    def approved_content(self) -> dict[str, Any] | None:
        """The table as last approved (frozen; a revision in progress does not change it)."""
        return loads(self.approved_data) if self.approved_data else None

    # -- who may do what ---------------------------------------------------------------------

    def _unit_role(self, user: Any, roles: frozenset[str] = EDITORS) -> bool:
        m = _membership(user)
        return m is not None and m.role in roles and m.unit_id == self.unit_id

    def can_edit(self, user: Any) -> bool:
        return self.status in EDITABLE and self._unit_role(user)

    def edit_refusal(self, user: Any) -> str | None:
        if not self._unit_role(user):
            return "只有本单位的填报人或负责人可以修改目标表。"
        if self.status not in EDITABLE:
            return f"当前状态为“{self.get_status_display()}”，不能修改；批复后的目标须先申请修订。"
        return None

    def can_submit(self, user: Any) -> bool:
        return self.status in EDITABLE and self._unit_role(user, frozenset({Role.HEAD}))

    def can_review(self, user: Any) -> bool:
        return self.status == Status.SUBMITTED and is_reviewer_of(user, self.round.region_id)

    def can_publish(self, user: Any) -> bool:
        return bool(self.approved_data) and is_reviewer_of(user, self.round.region_id)

    def set_published(self, *, by: Any, published: bool) -> None:
        """Publish the approved table on the public pages (or withdraw it); the public pages
        show ``approved_data`` only, so a revision in progress never leaks."""
        if not is_reviewer_of(by, self.round.region_id):
            raise WorkflowError("只有本地区财政局审核人或管理员可以公开绩效目标。")
        if published and not self.approved_data:
            raise WorkflowError("只有已批复的绩效目标可以公开。")
        if (self.published_at is not None) == published:
            return
        self.published_at = timezone.now() if published else None
        with transaction.atomic():
            TargetDeclaration.objects.filter(pk=self.pk).update(published_at=self.published_at)
            AuditLog.record(
                AuditLog.Action.TRANSITION,
                user=by,
                target=self,
                detail="公开批复的绩效目标" if published else "撤回公开的绩效目标",
            )

    def can_request_revision(self, user: Any) -> bool:
        return (
            self.status == Status.APPROVED
            and self._unit_role(user, frozenset({Role.HEAD}))
            and not self.revision_requests.filter(state=RevisionRequest.State.PENDING).exists()
        )

    # -- changes -----------------------------------------------------------------------------

    def refresh_metrics(self, content: dict[str, Any]) -> None:
        from jixiao_web.targets.analysis import analyse_targets

        result = analyse_targets(content)
        self.errors, self.warnings = result.errors, result.warnings

    @classmethod
    def start(cls, *, by: Any, round: TargetRound, project: str = "") -> TargetDeclaration:
        """Create (or return) the user's unit's table in the round (per project in a project round)."""
        m = _membership(by)
        if m is None or m.role not in EDITORS or m.unit is None:
            raise WorkflowError("只有单位填报人或单位负责人可以申报绩效目标。")
        if m.unit.department.region_id != round.region_id:
            raise WorkflowError("该目标申报不属于本单位所在地区。")
        project = bounds.clean_text(project).strip()[:200] if round.kind == TargetRound.Kind.PROJECT else ""
        if round.kind == TargetRound.Kind.PROJECT and not project:
            raise WorkflowError("请填写项目名称。")
        existing = cls.objects.filter(round=round, unit=m.unit, project=project).first()
        if existing:
            return existing
        if not round.is_open or round.days_left() < 0:
            raise WorkflowError(f"该目标申报已于 {round.deadline:%Y-%m-%d} 截止或已关闭。")
        content = layout.blank(round.kind, round.year, m.unit.name, project)
        d = cls(round=round, unit=m.unit, project=project, data=dump_value(content, indent=None), updated_by=by)
        d.refresh_metrics(content)
        try:
            with transaction.atomic():
                d.save()
                AuditLog.record(AuditLog.Action.CREATED, user=by, target=d, detail="新建绩效目标表")
        except IntegrityError:  # a colleague started it a moment earlier
            return cls.objects.get(round=round, unit=m.unit, project=project)
        return d

    def save_content(
        self,
        *,
        by: Any,
        content: dict[str, Any],
        base_version: int,
        note: str = "保存",
        action: str = AuditLog.Action.SAVED,
    ) -> int | None:
        """Save the table (the number of fields changed; None when nothing changed). Refused
        when someone saved since ``base_version`` or the state or role does not allow it."""
        if refusal := self.edit_refusal(by):
            raise WorkflowError(refusal)
        try:
            bounds.require(content)
        except bounds.OutOfBounds as exc:
            raise WorkflowError(f"未保存：{exc}") from exc
        changed = layout.changes(self.content, content)
        if action == AuditLog.Action.SAVED and not changed:
            return None
        self.refresh_metrics(content)
        with transaction.atomic():
            updated = TargetDeclaration.objects.filter(
                pk=self.pk, version=base_version, status__in=EDITABLE
            ).update(
                data=dump_value(content, indent=None),
                version=F("version") + 1,
                updated_by=by,
                updated_at=timezone.now(),
                errors=self.errors,
                warnings=self.warnings,
            )
            if not updated:
                current = TargetDeclaration.objects.get(pk=self.pk)
                if current.status not in EDITABLE:
                    raise WorkflowError(f"当前状态为“{current.get_status_display()}”，不能修改。")
                raise ConflictError(
                    f"保存被拒绝：您打开此表后，他人已保存了新版本（第{current.version}版），请刷新后再改。",
                    current.version,
                )
            self.refresh_from_db()
            AuditLog.record(
                action, user=by, target=self, detail=f"{note}：第{self.version}版，{len(changed)}处修改"
            )
        return len(changed)

    def _move(self, by: Any, sources: frozenset[str], target: str, detail: str, **fields: Any) -> None:
        with transaction.atomic():
            if not TargetDeclaration.objects.filter(pk=self.pk, status__in=sources).update(
                status=target, updated_at=timezone.now(), **fields
            ):
                raise WorkflowError("状态已被他人改变，请刷新页面。")
            AuditLog.record(
                AuditLog.Action.TRANSITION,
                user=by,
                target=self,
                detail=f"{self.get_status_display()} → {Status(target).label}" + (f"：{detail}" if detail else ""),
            )
        self.refresh_from_db()

    def submit(self, *, by: Any) -> None:
        if not self._unit_role(by, frozenset({Role.HEAD})):
            raise WorkflowError("只有本单位负责人可以报送目标表。")
        if self.status not in EDITABLE:
            raise WorkflowError(f"当前状态为“{self.get_status_display()}”，不能报送。")
        if not any((i.get("name") or "").strip() for i in self.content.get("indicators") or []):
            raise WorkflowError("目标表还没有填写任何绩效指标，不能报送。")
        self._move(by, EDITABLE, Status.SUBMITTED, "")

    def review(self, *, by: Any, grade: str, comment: str) -> None:
        """The bureau's grade and its consequence (88号 第二十五条): 优 approved; 良 approved
        once the consultation is recorded in the comment; 中 returned; 差 refused."""
        if not is_reviewer_of(by, self.round.region_id):
            raise WorkflowError("只有本地区财政局审核人或管理员可以审核目标表。")
        if self.status != Status.SUBMITTED:
            raise WorkflowError(f"当前状态为“{self.get_status_display()}”，不能审核。")
        if grade not in Grade.values:
            raise WorkflowError("请选择审核等级（优、良、中、差）。")
        comment = bounds.clean_text(comment).strip()[: bounds.MAX_TEXT]
        if grade != Grade.EXCELLENT and not comment:
            raise WorkflowError(
                {
                    Grade.GOOD: "评为“良”时请写明与单位协商完善的内容。",
                    Grade.FAIR: "评为“中”时请写明需要修改的内容。",
                    Grade.POOR: "评为“差”时请写明理由。",
                }[Grade(grade)]
            )
        outcome = GRADE_OUTCOME[Grade(grade)]
        now = timezone.now()
        fields: dict[str, Any] = {
            "grade": grade,
            "review_comment": comment,
            "reviewed_by": by,
            "reviewed_at": now,
        }
        if outcome == Status.APPROVED:
            fields |= {"approved_data": self.data, "approved_at": now}
        self._move(by, frozenset({Status.SUBMITTED}), outcome, f"审核等级“{grade}”" + (f"，{comment[:100]}" if comment else ""), **fields)

    def add_comment(self, *, by: Any, row: int | None, text: str) -> TargetComment:
        """An opinion on an indicator row (or the whole table) while the table is under review."""
        if not self.can_review(by):
            raise WorkflowError("只有本地区财政局审核人在审核时可以写审核意见。")
        text = bounds.clean_text(text).strip()[:5000]
        if not text:
            raise WorkflowError("审核意见不能为空。")
        rows = self.content.get("indicators") or []
        if row is not None and not 0 <= row < len(rows):
            raise WorkflowError("没有这一行指标。")
        name = str(rows[row].get("name") or "")[:200] if row is not None else ""
        c = TargetComment.objects.create(declaration=self, row=row, indicator=name, text=text, author=by)
        where = f"指标第{row + 1}行“{name}”" if row is not None else "整表"
        AuditLog.record(AuditLog.Action.COMMENTED, user=by, target=self, detail=f"{where}：{text[:100]}")
        return c

    def request_revision(self, *, by: Any, reason: str) -> RevisionRequest:
        """The unit asks to revise its approved targets (88号 第二十八条), with a reason."""
        if not self._unit_role(by, frozenset({Role.HEAD})):
            raise WorkflowError("只有本单位负责人可以申请修订绩效目标。")
        if self.status != Status.APPROVED:
            raise WorkflowError(f"当前状态为“{self.get_status_display()}”，只有已批复的目标可以申请修订。")
        reason = bounds.clean_text(reason).strip()[:2000]
        if not reason:
            raise WorkflowError("请填写修订理由。")
        if self.revision_requests.filter(state=RevisionRequest.State.PENDING).exists():
            raise WorkflowError("已有一份修订申请待财政局处理。")
        r = RevisionRequest.objects.create(declaration=self, reason=reason, requested_by=by)
        AuditLog.record(AuditLog.Action.COMMENTED, user=by, target=self, detail=f"申请修订绩效目标：{reason[:100]}")
        return r


class TargetComment(models.Model):
    """The bureau's opinion on one indicator row of a table under review (or on the whole
    table: ``row`` None). The row's name is kept: the unit may move rows while revising."""

    declaration = models.ForeignKey(
        TargetDeclaration, on_delete=models.CASCADE, related_name="comments", verbose_name="目标表"
    )
    row = models.PositiveIntegerField("指标行（从 0 起）", null=True, blank=True)
    indicator = models.CharField("三级指标", max_length=200, blank=True)
    text = models.TextField("意见")
    author = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name="审核人")
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "目标表审核意见"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:50]


class RevisionRequest(models.Model):
    """A request to revise approved targets, with its reason and the bureau's decision."""

    class State(models.TextChoices):
        PENDING = "pending", "待处理"
        APPROVED = "approved", "同意修订"
        REFUSED = "refused", "不同意修订"

    declaration = models.ForeignKey(
        TargetDeclaration, on_delete=models.CASCADE, related_name="revision_requests", verbose_name="目标表"
    )
    reason = models.TextField("修订理由")
    requested_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name="申请人"
    )
    requested_at = models.DateTimeField("申请时间", auto_now_add=True)
    state = models.CharField("处理结果", max_length=20, choices=State.choices, default=State.PENDING)
    decision = models.TextField("处理意见", blank=True)
    decided_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="处理人"
    )
    decided_at = models.DateTimeField("处理时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "目标修订申请"
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"{self.declaration} 修订申请（{self.get_state_display()}）"

    def decide(self, *, by: Any, approve: bool, decision: str = "") -> None:
        """Approve (the table opens for revision, the reason is recorded on it as its
        修订说明) or refuse (the approved table stays as it is)."""
        d = self.declaration
        if not is_reviewer_of(by, d.round.region_id):
            raise WorkflowError("只有本地区财政局审核人或管理员可以处理修订申请。")
        if self.state != self.State.PENDING:
            raise WorkflowError(f"该申请已处理（{self.get_state_display()}）。")
        decision = bounds.clean_text(decision).strip()[:2000]
        if approve and d.status != Status.APPROVED:
            raise WorkflowError(f"目标表当前状态为“{d.get_status_display()}”，只有已批复的目标可以修订。")
        if not approve and not decision:
            raise WorkflowError("不同意修订时请写明理由。")
        with transaction.atomic():
            if not RevisionRequest.objects.filter(pk=self.pk, state=self.State.PENDING).update(
                state=self.State.APPROVED if approve else self.State.REFUSED,
                decision=decision,
                decided_by=by,
                decided_at=timezone.now(),
            ):
                raise WorkflowError("该申请已被他人处理，请刷新页面。")
            if approve:
                content = d.content
                content["revision"] = self.reason
                TargetDeclaration.objects.filter(pk=d.pk).update(
                    data=dump_value(content, indent=None), version=F("version") + 1
                )
                d.refresh_from_db()
                d._move(by, frozenset({Status.APPROVED}), Status.REVISING, f"同意修订：{self.reason[:100]}")
            else:
                AuditLog.record(
                    AuditLog.Action.COMMENTED, user=by, target=d, detail=f"不同意修订：{decision[:100]}"
                )
        self.refresh_from_db()


NATURES = [(o.value, o.value) for o in Operator]


class LibraryEntry(models.Model):
    """An indicator of the library a finance bureau curates for its region (offered in the
    target grid beside the bundled library). Retired entries stay, hidden from the picker, so
    that the tables that used them keep their meaning."""

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="library_entries", verbose_name="财政局"
    )
    level1 = models.CharField("一级指标", max_length=50)
    level2 = models.CharField("二级指标", max_length=50)
    name = models.CharField("三级指标", max_length=200)
    explanation = models.TextField("指标解释", blank=True)
    nature = models.CharField("指标性质", max_length=4, choices=NATURES, default=Operator.GE.value)
    unit = models.CharField("常用度量单位", max_length=30, blank=True)
    retired = models.BooleanField("已停用", default=False)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    updated_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="最后修改人"
    )

    FIELDS = ("level1", "level2", "name", "explanation", "nature", "unit")

    class Meta:
        verbose_name = verbose_name_plural = "本地区指标库"
        ordering = ["retired", "level1", "level2", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "level1", "level2", "name"], name="library_entry_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.level1} / {self.level2} / {self.name}"

    def as_indicator(self) -> LibraryIndicator:
        return LibraryIndicator(
            level1=self.level1,
            level2=self.level2,
            name=self.name,
            explanation=self.explanation,
            nature=Operator(self.nature),
            unit=self.unit,
        )

    @classmethod
    def _clean(cls, values: dict[str, Any]) -> dict[str, str]:
        out = {k: bounds.clean_text(str(values.get(k) or "")).strip() for k in cls.FIELDS}
        for k in ("level1", "level2", "name"):
            out[k] = " ".join(out[k].split())
            if not out[k]:
                raise WorkflowError(f"{cls._meta.get_field(k).verbose_name}不能为空。")
        if out["nature"] not in Operator._value2member_map_:
            raise WorkflowError(f"指标性质“{out['nature'][:10]}”不是 ≥、>、=、≤、< 或 定性。")
        if out["nature"] == Operator.QUALITATIVE:
            out["unit"] = ""
        return out

    def _clashes(self, values: dict[str, str]) -> bool:
        same = LibraryEntry.objects.filter(
            region_id=self.region_id, level1=values["level1"], level2=values["level2"], name=values["name"]
        )
        return same.exclude(pk=self.pk).exists() if self.pk else same.exists()

    @classmethod
    def add(cls, *, by: Any, region: Region, values: dict[str, Any]) -> LibraryEntry:
        if not is_reviewer_of(by, region.pk):
            raise WorkflowError("只有本地区财政局审核人或管理员可以维护本地区指标库。")
        clean = cls._clean(values)
        e = cls(region=region, updated_by=by, **clean)
        if e._clashes(clean):
            raise WorkflowError(f"本地区指标库已有“{clean['name']}”（{clean['level1']} / {clean['level2']}）。")
        with transaction.atomic():
            e.save()
            AuditLog.record(AuditLog.Action.SAVED, user=by, target=e, detail=f"本地区指标库新增：{e}")
        return e

    def edit(self, *, by: Any, values: dict[str, Any]) -> list[str]:
        """Change the entry; returns the labels of the fields changed (audit log says them)."""
        if not is_reviewer_of(by, self.region_id):
            raise WorkflowError("只有本地区财政局审核人或管理员可以维护本地区指标库。")
        clean = self._clean(values)
        if self._clashes(clean):
            raise WorkflowError(f"本地区指标库已有“{clean['name']}”（{clean['level1']} / {clean['level2']}）。")
        changed = [str(self._meta.get_field(k).verbose_name) for k in self.FIELDS if getattr(self, k) != clean[k]]
        if changed:
            for k, v in clean.items():
                setattr(self, k, v)
            self.updated_by = by
            with transaction.atomic():
                self.save()
                AuditLog.record(
                    AuditLog.Action.SAVED, user=by, target=self, detail=f"本地区指标库修改{'、'.join(changed)}：{self}"
                )
        return changed

    def set_retired(self, *, by: Any, retired: bool) -> None:
        if not is_reviewer_of(by, self.region_id):
            raise WorkflowError("只有本地区财政局审核人或管理员可以维护本地区指标库。")
        if self.retired == retired:
            return
        self.retired, self.updated_by = retired, by
        with transaction.atomic():
            self.save(update_fields=["retired", "updated_by", "updated_at"])
            AuditLog.record(
                AuditLog.Action.TRANSITION,
                user=by,
                target=self,
                detail=f"本地区指标库{'停用' if retired else '恢复'}：{self}",
            )
