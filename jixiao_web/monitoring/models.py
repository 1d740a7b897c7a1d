"""Mid-year monitoring (绩效运行监控): a round per year and kind (项目支出 / 部门整体) with its
cut-off month, and each project's (or each unit's 部门整体) monitoring table pre-filled from its
approved targets, with the JX-R checks and the red/yellow/green lights
(:mod:`jixiao.lifecycle.lights`) kept for the bureau's list. Its 佐证材料 are
:class:`jixiao_web.evidence.models.MonitoringEvidence`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone

from jixiao import bounds
from jixiao.serialize import dump_value, loads
from jixiao_web.accounts.models import AuditLog, Region, Role, Unit
from jixiao_web.evaluations.workflow import EDITORS, ConflictError, WorkflowError
from jixiao_web.stages import is_reviewer_of, open_round
from jixiao_web.targets.models import Status as TargetStatus
from jixiao_web.targets.models import TargetDeclaration

User = settings.AUTH_USER_MODEL


class MonitoringRound(models.Model):
    """A monitoring round of a region: data to the end of ``cutoff_month`` of ``year``, of the
    projects' tables or of the 部门整体 table (one per unit), each from its approved targets."""

    class Kind(models.TextChoices):
        PROJECT = "project", "项目支出"
        DEPARTMENT = "department", "部门整体支出"

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="monitoring_rounds", verbose_name="财政局"
    )
    year = models.PositiveIntegerField("预算年度")
    kind = models.CharField("类型", max_length=20, choices=Kind.choices, default=Kind.PROJECT)
    cutoff_month = models.PositiveSmallIntegerField("截止月份")
    profile = models.CharField("评分方案（灯的阈值）", max_length=100, blank=True)
    title = models.CharField("名称", max_length=200)
    deadline = models.DateField("截止日期")
    is_open = models.BooleanField("开放填报", default=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    created_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, verbose_name="创建人"
    )

    class Meta:
        verbose_name = verbose_name_plural = "运行监控轮次"
        ordering = ["-year", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year", "kind"], name="monitoring_round_one_per_kind")
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_department(self) -> bool:
        return self.kind == self.Kind.DEPARTMENT

    @classmethod
    def open(
        cls,
        *,
        by: Any,
        region: Region,
        year: int,
        cutoff_month: int,
        deadline: date,
        title: str = "",
        profile: str = "",
        kind: str = "project",
    ) -> MonitoringRound:
        def validate() -> None:
            if kind not in cls.Kind.values:
                raise WorkflowError("没有这种监控类型。")
            if not 1 <= cutoff_month <= 11:
                raise WorkflowError("截止月份应在 1 到 11 月之间。")

        label = cls.Kind(kind).label if kind in cls.Kind.values else ""
        return open_round(
            cls,
            by=by,
            region=region,
            deadline=deadline,
            what="运行监控",
            unique={"year": year, "kind": kind},
            clash=f"本地区已有{year}年度的{label}运行监控。",
            validate=validate,
            cutoff_month=cutoff_month,
            profile=profile,
            title=title or f"{year}年度{label}绩效运行监控（1–{cutoff_month}月）",
        )


class Status(models.TextChoices):
    DRAFT = "draft", "填报中"
    SUBMITTED = "submitted", "已报送"
    RETURNED = "returned", "退回整改"  # the bureau asked for 整改: the unit answers, resubmits


EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})
VISIBLE_TO_BUREAU = frozenset({Status.SUBMITTED, Status.RETURNED})


LIGHT_CHOICES = [("红", "红"), ("黄", "黄"), ("绿", "绿")]


class MonitoringReport(models.Model):
    """One project's monitoring table in a round, started from its approved target table."""

    round = models.ForeignKey(
        MonitoringRound, on_delete=models.CASCADE, related_name="reports", verbose_name="轮次"
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="monitoring_reports", verbose_name="单位"
    )
    targets = models.ForeignKey(
        TargetDeclaration, on_delete=models.PROTECT, related_name="+", verbose_name="批复的目标表"
    )
    project = models.CharField("项目名称", max_length=200)
    status = models.CharField("状态", max_length=20, choices=Status.choices, default=Status.DRAFT)
    data = models.TextField("监控表数据（jixiao/1 JSON）")
    version = models.PositiveIntegerField("版本", default=1)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    updated_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="最后修改人"
    )
    errors = models.PositiveIntegerField("错误数", default=0)
    warnings = models.PositiveIntegerField("警告数", default=0)
    budget = models.DecimalField("年初预算数", max_digits=19, decimal_places=6, null=True, blank=True)
    execution_light = models.CharField("执行灯", max_length=1, choices=LIGHT_CHOICES, blank=True)
    goal_light = models.CharField("目标灯", max_length=1, choices=LIGHT_CHOICES, blank=True)
    forecast_light = models.CharField("预计灯", max_length=1, choices=LIGHT_CHOICES, blank=True)
    light_rank = models.PositiveSmallIntegerField("最差灯（排序用）", default=3)  # 0 红 … 3 none
    key_project = models.BooleanField("重点监控", default=False)
    key_reason = models.CharField("重点监控理由", max_length=500, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "运行监控表"
        ordering = ["-key_project", "light_rank", "-budget", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "unit", "project"], name="monitoring_one_per_project")
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.subject} · {self.round}"

    @property
    def content(self) -> dict[str, Any]:
        return loads(self.data)

    @property
    def budget_shown(self) -> str:
        """年初预算数 as typed (198.8, not the stored 198.800000)."""
        return "—" if self.budget is None else format(self.budget.normalize(), "f")

    @property
    def subject(self) -> str:
        """What is monitored: the project, or 部门整体 (a department round's one table)."""
        return self.project or "部门整体"

    def _unit_role(self, user: Any, roles: frozenset[str] = EDITORS) -> bool:
        m = getattr(user, "membership", None) if user.is_authenticated else None
        return m is not None and m.role in roles and m.unit_id == self.unit_id

    def can_edit(self, user: Any) -> bool:
        return self.status in EDITABLE and self._unit_role(user)

    def can_submit(self, user: Any) -> bool:
        return self.status in EDITABLE and self._unit_role(user, frozenset({Role.HEAD}))

    def can_review(self, user: Any) -> bool:
        return self.status in VISIBLE_TO_BUREAU and is_reviewer_of(user, self.round.region_id)

    def refresh_metrics(self, content: dict[str, Any]) -> None:
        from jixiao.lifecycle.lights import SEVERITY
        from jixiao_web.monitoring.analysis import analyse_monitoring

        result = analyse_monitoring(content, self.round.profile)
        self.errors, self.warnings = result.analysis.errors, result.analysis.warnings
        lights = result.lights
        self.execution_light = lights.execution.value if lights and lights.execution else ""
        self.goal_light = lights.goal.value if lights and lights.goal else ""
        self.forecast_light = lights.forecast.value if lights and lights.forecast else ""
        worst = lights.worst if lights else None
        self.light_rank = SEVERITY[worst] if worst is not None else 3
        total = next(iter(content.get("funds") or []), {})
        budget = total.get("budget")
        self.budget = Decimal(str(budget)) if budget not in (None, "") else None

    @classmethod
    def start(cls, *, by: Any, round: MonitoringRound, targets_pk: int) -> MonitoringReport:
        """The unit's monitoring table of one project with approved targets (pre-filled); in a
        部门整体 round, the unit's table from its approved 部门整体 targets."""
        from jixiao_web.monitoring.layout import prefilled

        m = getattr(by, "membership", None)
        if m is None or m.role not in EDITORS or m.unit is None:
            raise WorkflowError("只有单位填报人或单位负责人可以填报运行监控。")
        targets = TargetDeclaration.objects.filter(
            pk=targets_pk,
            unit=m.unit,
            round__region_id=round.region_id,
            round__year=round.year,
            round__kind=round.kind,
            status__in=(TargetStatus.APPROVED, TargetStatus.REVISING),
        ).first()
        if targets is None or targets.approved_content is None:
            if round.is_department:
                raise WorkflowError("本单位本年度没有已批复的部门整体绩效目标。")
            raise WorkflowError("请选择本单位本年度已批复绩效目标的项目。")
        existing = cls.objects.filter(round=round, unit=m.unit, project=targets.project).first()
        if existing:
            return existing
        if not round.is_open or round.deadline < timezone.localdate():
            raise WorkflowError(f"该运行监控已于 {round.deadline:%Y-%m-%d} 截止或已关闭。")
        content = prefilled(targets.approved_content, round.cutoff_month)
        r = cls(
            round=round,
            unit=m.unit,
            targets=targets,
            project=targets.project,
            data=dump_value(content, indent=None),
            updated_by=by,
        )
        r.refresh_metrics(content)
        try:
            with transaction.atomic():
                r.save()
                AuditLog.record(AuditLog.Action.CREATED, user=by, target=r, detail="新建运行监控表")
        except IntegrityError:
            return cls.objects.get(round=round, unit=m.unit, project=targets.project)
        return r

    def save_content(self, *, by: Any, content: dict[str, Any], base_version: int) -> None:
        if not self._unit_role(by):
            raise WorkflowError("只有本单位的填报人或负责人可以修改监控表。")
        if self.status not in EDITABLE:
            raise WorkflowError(f"当前状态为“{self.get_status_display()}”，不能修改。")
        try:
            bounds.require(content)
        except bounds.OutOfBounds as exc:
            raise WorkflowError(f"未保存：{exc}") from exc
        self.refresh_metrics(content)
        with transaction.atomic():
            if not MonitoringReport.objects.filter(
                pk=self.pk, version=base_version, status__in=EDITABLE
            ).update(
                data=dump_value(content, indent=None),
                version=F("version") + 1,
                updated_by=by,
                updated_at=timezone.now(),
                **{
                    k: getattr(self, k)
                    for k in ("errors", "warnings", "budget", "execution_light", "goal_light",
                              "forecast_light", "light_rank")
                },
            ):  # fmt: skip
                raise ConflictError("保存被拒绝：他人已保存了新版本或表格已报送，请刷新后再改。", self.version)
            self.refresh_from_db()
            AuditLog.record(AuditLog.Action.SAVED, user=by, target=self, detail=f"第{self.version}版")

    def submit(self, *, by: Any) -> None:
        """The head reports the table (again, after a 整改 request: every request answered)."""
        if not self._unit_role(by, frozenset({Role.HEAD})):
            raise WorkflowError("只有本单位负责人可以报送监控表。")
        if self.status not in EDITABLE:
            raise WorkflowError(f"当前状态为“{self.get_status_display()}”，不能报送。")
        open_items = [
            i.get("name") or f"第{n}项"
            for n, i in enumerate(self.content.get("indicators") or [], start=1)
            if i.get("rectify") and not i.get("rectify_result")
        ]
        if open_items:
            raise WorkflowError(f"请先填写整改结果：{'、'.join(open_items)}。")
        before = self.get_status_display()
        if not MonitoringReport.objects.filter(pk=self.pk, status__in=EDITABLE).update(
            status=Status.SUBMITTED, updated_at=timezone.now()
        ):
            raise WorkflowError("状态已被他人改变，请刷新页面。")
        AuditLog.record(AuditLog.Action.TRANSITION, user=by, target=self, detail=f"{before} → 已报送")
        self.refresh_from_db()

    def _bureau(self, by: Any) -> None:
        if not is_reviewer_of(by, self.round.region_id):
            raise WorkflowError("只有本地区财政局审核人或管理员可以操作。")
        if self.status not in VISIBLE_TO_BUREAU:
            raise WorkflowError(f"当前状态为“{self.get_status_display()}”，不能操作。")

    def mark_key(self, *, by: Any, on: bool, reason: str = "") -> None:
        """The bureau marks (or unmarks) the project for 重点监控 (lagging execution, a large
        amount, public attention)."""
        self._bureau(by)
        reason = bounds.clean_text(reason).strip()[:500]
        if on and not reason:
            raise WorkflowError("请写明列为重点监控的理由（如执行滞后、金额大、社会关注）。")
        MonitoringReport.objects.filter(pk=self.pk).update(key_project=on, key_reason=reason if on else "")
        AuditLog.record(
            AuditLog.Action.COMMENTED,
            user=by,
            target=self,
            detail=f"列为重点监控：{reason}" if on else "取消重点监控",
        )
        self.refresh_from_db()

    def request_rectification(self, *, by: Any, index: int, requirement: str) -> None:
        """The bureau asks for 整改 on one indicator; the table goes back to the unit, which
        answers with the 整改结果 and reports again."""
        self._bureau(by)
        if self.status != Status.SUBMITTED:
            raise WorkflowError("该表已退回整改，等单位答复后再提。")
        requirement = bounds.clean_text(requirement).strip()[:2000]
        if not requirement:
            raise WorkflowError("请写明整改要求（整改什么、何时完成）。")
        content = self.content
        rows = content.get("indicators") or []
        if not 0 <= index < len(rows):
            raise WorkflowError("没有这一项指标。")
        rows[index] |= {"rectify": True, "rectify_requirement": requirement, "rectify_result": None}
        with transaction.atomic():
            if not MonitoringReport.objects.filter(pk=self.pk, status=Status.SUBMITTED).update(
                data=dump_value(content, indent=None),
                version=F("version") + 1,
                status=Status.RETURNED,
                updated_at=timezone.now(),
            ):
                raise WorkflowError("状态已被他人改变，请刷新页面。")
            AuditLog.record(
                AuditLog.Action.TRANSITION,
                user=by,
                target=self,
                detail=f"已报送 → 退回整改：{rows[index].get('name')}：{requirement[:100]}",
            )
        self.refresh_from_db()
