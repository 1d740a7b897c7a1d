"""Rounds, submissions with their revisions, review comments and scores.

Fat models: every change of data or state goes through a method of :class:`Submission`,
which checks the workflow, keeps a revision and writes the audit log.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone

from jixiao import bounds
from jixiao.serialize import dump_value, loads
from jixiao_web.accounts.models import AuditLog, Membership, Region, Role, Unit
from jixiao_web.evaluations import layout
from jixiao_web.evaluations.workflow import (
    EDITABLE,
    EDITORS,
    REVIEWERS,
    TRANSITIONS,
    UNDER_REVIEW,
    ConflictError,
    Status,
    Transition,
    WorkflowError,
)

if TYPE_CHECKING:
    from jixiao_web.evaluations.analysis import Analysis

User = settings.AUTH_USER_MODEL
PLACEHOLDER_CHECK = "JX-C016"  # 【待填写…】 left in a field: blocks submit and publish


def available_profiles() -> list[tuple[str, str]]:
    """Scoring profiles offered when a round is opened (``jixiao.profiles``, default first)."""
    try:
        from jixiao.profiles import profile_names
    except ImportError:
        return [("", "默认规则")]
    return [("", "默认规则"), *((name, profile_title(name)) for name in profile_names())]


def profile_grade(profile: str, total: Decimal | None) -> str | None:
    """评价等级 of a total by a round's profile (its cut-offs); None without a total, and for
    a total above the profile's 总分 (rows whose 分值 add up to more: not a gradable score)."""
    from jixiao.profiles import load_profile

    p = load_profile(profile or None)
    if total is not None and total > p.total_weight:
        return None
    grade = p.grade(total)
    return grade.value if grade is not None else None


def profile_title(name: str) -> str:
    """A round's 评分规则 as people read it (the profile's Chinese title, not its file name)."""
    try:
        from jixiao.profiles import load_profile

        return load_profile(name or None).title
    except Exception:  # a profile removed since the round was opened: its name is all we have
        return name or "默认规则"


class Round(models.Model):
    """A self-evaluation round opened by a finance bureau: year, kind, deadline, profile."""

    class Kind(models.TextChoices):
        DEPARTMENT = "department", "部门整体支出绩效自评"
        PROJECT = "project", "项目支出绩效自评"

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="rounds", verbose_name="财政局"
    )
    year = models.PositiveIntegerField("评价年度")
    kind = models.CharField("类型", max_length=20, choices=Kind.choices, default=Kind.DEPARTMENT)
    title = models.CharField("名称", max_length=200)
    deadline = models.DateField("截止日期")
    profile = models.CharField("评分规则", max_length=100, blank=True)
    is_open = models.BooleanField("开放填报", default=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    created_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, verbose_name="创建人"
    )

    class Meta:
        verbose_name = verbose_name_plural = "评价轮次"
        ordering = ["-year", "-deadline", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def profile_title(self) -> str:
        return profile_title(self.profile)

    def days_left(self, today: date | None = None) -> int:
        today = today or timezone.localdate()
        return (self.deadline - today).days

    @property
    def overdue(self) -> bool:
        return self.days_left() < 0

    def manage(self, *, by: Any, action: str, deadline: date | None = None) -> str:
        """Close, reopen or extend the round (the bureau's reviewers of its region); returns
        what was done, in Chinese, for the message and the audit log."""
        m = _membership(by)
        if not (by.is_superuser or (m and m.role in REVIEWERS and m.region_id == self.region_id)):
            raise WorkflowError("只有本地区财政局审核人或管理员可以管理评价轮次。")
        if action == "close":
            self.is_open = False
            done = "关闭填报"
        elif action == "reopen":
            self.is_open = True
            done = "重新开放填报"
        elif action == "extend" and deadline is not None:
            if deadline < timezone.localdate():
                raise WorkflowError(f"截止日期 {deadline:%Y-%m-%d} 已经过去。")
            done = f"截止日期 {self.deadline:%Y-%m-%d} 改为 {deadline:%Y-%m-%d}"
            self.deadline = deadline
            self.is_open = True
        else:
            raise WorkflowError("没有这个操作。")
        self.save(update_fields=["is_open", "deadline"])
        AuditLog.record(AuditLog.Action.ROUND_OPENED, user=by, target=self, detail=done)
        return done

    @classmethod
    def open(
        cls,
        *,
        by: Any,
        region: Region,
        year: int,
        kind: str,
        deadline: date,
        profile: str = "",
        title: str = "",
    ) -> Round:
        membership = _membership(by)
        if not (
            by.is_superuser
            or (membership and membership.role in REVIEWERS and membership.region_id == region.pk)
        ):
            raise WorkflowError("只有本地区财政局审核人或管理员可以开启评价轮次。")
        title = title or f"{year}年度{cls.Kind(kind).label}"
        if deadline < timezone.localdate():
            raise WorkflowError(f"截止日期 {deadline:%Y-%m-%d} 已经过去。")
        same = cls.objects.filter(region=region, year=year, kind=kind).first()
        if same is not None:
            state = "进行中" if same.is_open else "已关闭，可在“评价轮次”中重新开放"
            raise WorkflowError(
                f"本地区已有“{same.title}”（{state}），同一年度同一类型只开一个轮次。"
            )
        r = cls.objects.create(
            region=region,
            year=year,
            kind=kind,
            deadline=deadline,
            profile=profile,
            title=title,
            created_by=by,
        )
        AuditLog.record(AuditLog.Action.ROUND_OPENED, user=by, target=r)
        return r


def _membership(user: Any) -> Membership | None:
    return getattr(user, "membership", None) if user is not None and user.is_authenticated else None


class Submission(models.Model):
    """One unit's self-evaluation in a round: the data (``jixiao/1`` JSON), its state, its
    version (for optimistic locking) and figures kept for the bureau's overview."""

    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="submissions", verbose_name="轮次"
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="submissions", verbose_name="单位"
    )
    project = models.CharField("项目名称", max_length=200, blank=True, default="")  # project rounds
    status = models.CharField(
        "状态", max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    # started from the approved targets: their indicators are locked (jixiao_web.targets.locking)
    from_targets = models.BooleanField("按批复的目标填报", default=False)
    data = models.TextField("自评数据（jixiao/1 JSON）")
    version = models.PositiveIntegerField("版本", default=1)
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    updated_by = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="最后修改人",
    )
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    published_at = models.DateTimeField("公开时间", null=True, blank=True)
    # kept up to date on every save, for the overview (never typed in)
    self_score = models.DecimalField(
        "自评得分", max_digits=8, decimal_places=2, null=True, blank=True
    )
    computed_score = models.DecimalField(
        "计算得分", max_digits=8, decimal_places=2, null=True, blank=True
    )
    review_score = models.DecimalField(
        "复核得分", max_digits=8, decimal_places=2, null=True, blank=True
    )
    grade = models.CharField("等级", max_length=4, blank=True)
    execution_rate = models.DecimalField(
        "执行率(%)", max_digits=10, decimal_places=2, null=True, blank=True
    )
    errors = models.PositiveIntegerField("错误数", default=0)
    warnings = models.PositiveIntegerField("警告数", default=0)
    finding_codes = models.JSONField(
        "问题摘要", default=list, blank=True
    )  # ["JX-A001 合计不等于分项之和", ...]

    class Meta:
        verbose_name = verbose_name_plural = "自评"
        ordering = ["unit__name"]
        constraints = [
            # one department form per unit; one project form per unit and project
            models.UniqueConstraint(
                fields=["round", "unit", "project"], name="submission_one_per_unit_project"
            )
        ]
        # Covers the overview's reads of a round (its change stamp, counts and figures). On
        # SQLite these columns are stored after the large ``data`` text: without the index
        # every form's overflow pages are read (docs/web-performance.md).
        indexes = [
            models.Index(
                fields=[
                    "round", "unit", "status", "self_score", "computed_score", "review_score",
                    "grade", "execution_rate", "errors", "warnings", "updated_at",
                ],
                name="submission_overview",
            )
        ]  # fmt: skip

    def __str__(self) -> str:
        if self.project:
            return f"{self.unit} · {self.project} · {self.round}"
        return f"{self.unit} · {self.round}"

    # -- data ----------------------------------------------------------------------------

    @property
    def content(self) -> dict[str, Any]:
        """The evaluation as a ``jixiao/1`` dict (Decimal numbers)."""
        return loads(self.data)

    def refresh_metrics(self, content: dict[str, Any] | None = None) -> None:
        from jixiao_web.evaluations.analysis import analyse
        from jixiao_web.targets.services import earlier_stages

        content = content if content is not None else self.content
        result = analyse(content, self.round.profile, **earlier_stages(self))
        self.self_score = _fit(self, "self_score", (content.get("total") or {}).get("score"))
        self.computed_score = _fit(self, "computed_score", result.total)
        self.grade = self.final_grade(result.grade)
        rate = result.execution_rate
        self.execution_rate = _fit(
            self, "execution_rate", rate if rate is not None else _printed_total_rate(content)
        )
        self.errors = result.errors
        self.warnings = result.warnings
        self.finding_codes = sorted({f.code for f in result.findings})

    def final_grade(self, computed: str | None = None) -> str:
        """The one grade shown everywhere: by the 复核得分 once the bureau has re-scored,
        else by the computed score (the round's profile's cut-offs)."""
        if self.review_score is not None:
            return profile_grade(self.round.profile, self.review_score) or ""
        return computed or ""

    @property
    def review_shown_to_unit(self) -> bool:
        """The unit sees the bureau's 复核 scores and opinions once the form came back to it
        (returned) or was decided (accepted, published)."""
        return self.status in (Status.RETURNED, Status.ACCEPTED, Status.PUBLISHED) or (
            self.status == Status.RESUBMITTED and self.review_scores.exists()
        )

    @property
    def review_gap(self) -> Decimal | None:
        """复核得分 − 自评得分 (negative: the bureau gives fewer points)."""
        if self.review_score is None or self.self_score is None:
            return None
        return self.review_score - self.self_score

    # -- who may do what --------------------------------------------------------------------

    def can_edit(self, user: Any) -> bool:
        m = _membership(user)
        return (
            self.status in EDITABLE
            and m is not None
            and m.role in EDITORS
            and m.unit_id == self.unit_id
        )

    def edit_refusal(self, user: Any) -> str | None:
        """Why ``user`` may not change the data now (None: they may)."""
        if self.can_edit(user):
            return None
        if self.status not in EDITABLE:
            return f"当前状态为“{self.get_status_display()}”，不能修改。"
        return "只有本单位的填报人或负责人可以修改。"

    def can_review(self, user: Any) -> bool:
        m = _membership(user)
        in_region = user.is_superuser or (
            m is not None and m.role in REVIEWERS and m.region_id == self.round.region_id
        )
        return self.status in UNDER_REVIEW and in_region

    def allowed_transitions(self, user: Any) -> list[str]:
        return [name for name in TRANSITIONS if self._transition_refusal(user, name) is None]

    def _transition_refusal(self, user: Any, name: str) -> str | None:
        t = TRANSITIONS.get(name)
        if t is None:
            return "没有这个操作。"
        m = _membership(user)
        if t.roles <= REVIEWERS:
            allowed = user.is_superuser or (
                m is not None and m.role in t.roles and m.region_id == self.round.region_id
            )
        else:
            allowed = m is not None and m.role in t.roles and m.unit_id == self.unit_id
        if not allowed:
            roles = "、".join(Role(r).label for r in sorted(t.roles))
            return f"“{t.label}”只能由{roles}操作。"
        if self.status not in t.sources:
            return f"当前状态为“{self.get_status_display()}”，不能“{t.label}”。"
        return None

    def offered_transitions(
        self, user: Any, analysis: Analysis | None = None
    ) -> list[tuple[Transition, str | None]]:
        """The state changes ``user`` may make, each with why the form's content blocks it
        (:meth:`content_refusal`, said on the page before the button is pressed)."""
        return [
            (TRANSITIONS[n], self.content_refusal(n, analysis))
            for n in self.allowed_transitions(user)
        ]

    def content_refusal(self, name: str, analysis: Analysis | None = None) -> str | None:
        """Why the form's content does not allow transition ``name`` now (None: it does): a
        【待填写…】 mark left anywhere (JX-C016) blocks submit, resubmit and publish; where the
        round's profile says so, a full-marks indicator row without 佐证材料 blocks submit and
        resubmit. The page shows it beside the button, and :meth:`transition` refuses with it."""
        t = TRANSITIONS[name]
        problems: list[str] = []
        if t.no_placeholders and (marks := self.placeholder_marks(analysis)):
            problems.append(
                f"表中还有 {len(marks)} 处待填写标记（【待填写：…】）未替换为实际内容："
                + "；".join(marks)
            )
        if t.evidence_for_full_marks and (rows := self.full_marks_without_evidence()):
            problems.append(
                f"评分规则“{self.round.profile_title}”要求得满分的指标附佐证材料，"
                f"以下 {len(rows)} 行满分但没有佐证材料：" + "、".join(rows.values())
            )
        if not problems:
            return None
        return f"不能“{t.label}”。" + "。".join(problems) + "。"

    def placeholder_marks(self, analysis: Analysis | None = None) -> list[str]:
        """Where the form still holds 【待填写…】 marks (JX-C016 of ``jixiao.check``), in words:
        ``报告第5节：报告“五、…”仍有 1 处待填写标记：【待填写：…】``."""
        from jixiao_web.evaluations.analysis import analyse

        analysis = analysis if analysis is not None else analyse(self.content, self.round.profile)
        marks = []
        for f in analysis.findings:
            if f.code == PLACEHOLDER_CHECK:
                key = layout.row_key(f.location)
                marks.append(f"{layout.target_label(key)}：{f.message}" if key else f.message)
        return marks

    def full_marks_without_evidence(self, content: dict[str, Any] | None = None) -> dict[str, str]:
        """Indicator rows scored full marks (得分 ≥ 分值 > 0) with no 佐证材料 attached to the
        row, where the round's profile asks for it (``[evidence] full_marks_need_evidence``):
        row key → the row in words (``指标第1行“主题党日活动次数”``). Empty otherwise."""
        from jixiao.errors import ProfileError
        from jixiao.profiles import load_profile

        try:
            if not load_profile(self.round.profile or None).full_marks_need_evidence:
                return {}
        except ProfileError:  # a profile removed since the round was opened: nothing asked
            return {}
        content = content if content is not None else self.content
        attached = set(
            self.evidence.filter(removed_in=None).values_list("target", flat=True)  # type: ignore[attr-defined]
        )
        rows = {}
        for i, ind in enumerate(content.get("indicators") or []):
            weight, score = decimal_or_none(ind.get("weight")), decimal_or_none(ind.get("score"))
            key = f"ind-{i}"
            if (
                ind.get("sub_item")
                or weight is None
                or score is None
                or not weight > 0
                or score < weight
                or key in attached
            ):
                continue
            name = str(ind.get("name") or "").strip()
            rows[key] = layout.target_label(key) + (f"“{name[:30]}”" if name else "")
        return rows

    # -- changes ----------------------------------------------------------------------------

    @classmethod
    def start(
        cls,
        *,
        by: Any,
        round: Round,
        content: dict[str, Any] | None = None,
        project: str = "",
        from_targets: bool = False,
    ) -> Submission:
        """Create (or return) the submission of the user's unit in a round — for a project
        round, of the named project (a unit fills one project form per project).
        ``from_targets``: ``content`` is the approved targets' indicators (then locked)."""
        m = _membership(by)
        if m is None or m.role not in EDITORS or m.unit is None:
            raise WorkflowError("只有单位填报人或单位负责人可以开始填报。")
        if m.unit.department.region_id != round.region_id:
            raise WorkflowError("该评价轮次不属于本单位所在地区。")
        project = (
            bounds.clean_text(project).strip()[:200] if round.kind == Round.Kind.PROJECT else ""
        )
        if round.kind == Round.Kind.PROJECT and not project:
            project = str((content or {}).get("project") or "").strip()[:200]
            if not project:
                raise WorkflowError("请填写项目名称。")
        existing = cls.objects.filter(round=round, unit=m.unit, project=project).first()
        if existing:
            return existing
        if not round.is_open:
            raise WorkflowError("该评价轮次已关闭填报。")
        if round.overdue:
            raise WorkflowError(
                f"该评价轮次已于 {round.deadline:%Y-%m-%d} 截止，不能再开始填报；如需延期请联系财政局。"
            )
        content = _admissible(content or layout.blank(round.kind, round.year, m.unit.name))
        if project and not content.get("project"):
            content["project"] = project
        s = cls(
            project=project,
            round=round,
            unit=m.unit,
            data=dump_value(content, indent=None),
            updated_by=by,
            from_targets=from_targets,
        )
        s.refresh_metrics(content)
        try:
            with transaction.atomic():
                s.save()
                Revision.objects.create(
                    submission=s, number=1, author=by, data=s.data, note="新建", changes=[]
                )
                AuditLog.record(AuditLog.Action.CREATED, user=by, target=s)
        except IntegrityError:  # a colleague started the same form a moment earlier
            return cls.objects.get(round=round, unit=m.unit, project=project)
        return s

    def save_content(
        self,
        *,
        by: Any,
        content: dict[str, Any],
        base_version: int,
        note: str = "保存",
        action: str = AuditLog.Action.SAVED,
        moves: dict[str, str] | None = None,
    ) -> Revision | None:
        """Save new data as a revision. Refused when someone saved since ``base_version``
        (:class:`ConflictError`) or when the state or role does not allow editing. A plain
        save that changes nothing keeps no revision (returns None). ``moves`` (rows moved in the
        browser, :attr:`layout.Parsed.moves`) re-targets the rows' comments and evidence."""
        if refusal := self.edit_refusal(by):
            raise WorkflowError(refusal)
        content = _admissible(content)
        old = self.content
        if action == AuditLog.Action.SAVED and layout.same(old, content):
            return None
        from jixiao_web.targets import locking

        if refusal := locking.refusal(self, old, content):
            raise WorkflowError(refusal)
        text = dump_value(content, indent=None)
        # analysed before the transaction: SQLite's write lock (taken at BEGIN) is held only
        # for the writes, never for checks and scoring
        self.refresh_metrics(content)
        with transaction.atomic():
            updated = Submission.objects.filter(
                pk=self.pk, version=base_version, status__in=EDITABLE
            ).update(
                data=text,
                version=F("version") + 1,
                updated_by=by,
                updated_at=timezone.now(),
                self_score=self.self_score,
                computed_score=self.computed_score,
                grade=self.grade,
                execution_rate=self.execution_rate,
                errors=self.errors,
                warnings=self.warnings,
                finding_codes=self.finding_codes,
            )
            if not updated:
                current = Submission.objects.get(pk=self.pk)
                if current.status not in EDITABLE:
                    raise WorkflowError(f"当前状态为“{current.get_status_display()}”，不能修改。")
                raise ConflictError(
                    f"保存被拒绝：您打开此表后，{_name(current.updated_by)}已于"
                    f"{timezone.localtime(current.updated_at):%Y-%m-%d %H:%M:%S}保存了新版本（第{current.version}版）。",
                    current.version,
                )
            self.refresh_from_db()
            changes = [[c.field, c.old, c.new] for c in layout.diff(old, content)]
            revision = Revision.objects.create(
                submission=self,
                number=self.version,
                author=by,
                data=text,
                note=note,
                changes=changes,
            )
            AuditLog.record(
                action, user=by, target=self, detail=f"第{self.version}版，{len(changes)}处修改"
            )
            if moves:
                self._retarget(moves)
        return revision

    def _retarget(self, moves: dict[str, str]) -> None:
        """Comments and current evidence follow their row to its new place (all at once, so
        that two swapped rows swap their attachments); a deleted row's go to the whole form."""
        for items in (
            list(self.comments.filter(target__in=list(moves))),
            list(self.evidence.filter(target__in=list(moves), removed_in=None)),  # type: ignore[attr-defined]
        ):
            for item in items:
                item.target = moves[item.target]
            if items:
                type(items[0]).objects.bulk_update(items, ["target"])

    def restore(self, *, by: Any, number: int, base_version: int) -> Revision:
        revision = self.revisions.get(number=number)
        restored = self.save_content(
            by=by,
            content=loads(revision.data),
            base_version=base_version,
            note=f"恢复第{number}版",
            action=AuditLog.Action.RESTORED,
        )
        assert restored is not None  # only plain saves are skipped when unchanged
        return restored

    def transition(
        self, name: str, *, by: Any, comment: str = "", version: int | None = None
    ) -> None:
        """Move to the next state (submit, resubmit, return, accept, publish). With
        ``version`` (the version the user saw), refused when a newer one was saved since:
        a head never submits a colleague's last-second change unseen."""
        refusal = self._transition_refusal(by, name) or self.content_refusal(name)
        if refusal:
            raise WorkflowError(refusal)
        comment = bounds.clean_text(comment)[: bounds.MAX_TEXT]
        t = TRANSITIONS[name]
        if t.needs_comment and not comment.strip() and not self.comments.filter(open=True).exists():
            raise WorkflowError("退回时请填写退回意见，或先在单元格/指标上添加审核意见。")
        now = timezone.now()
        with transaction.atomic():
            fields: dict[str, Any] = {"status": t.target, "updated_at": now}
            if t.target in UNDER_REVIEW:
                fields["submitted_at"] = now
            if t.target == Status.PUBLISHED:
                fields["published_at"] = now
            rows = Submission.objects.filter(pk=self.pk, status=self.status)
            if version is not None:
                rows = rows.filter(version=version)
            if not rows.update(**fields):
                current = Submission.objects.get(pk=self.pk)
                if current.status == self.status and current.version != version:
                    raise WorkflowError(
                        f"未能“{t.label}”：您打开此页后，{_name(current.updated_by)}又保存了第"
                        f"{current.version}版，请先查看最新内容再操作。"
                    )
                raise WorkflowError("状态已被他人改变，请刷新页面。")
            # opinions stay open on resubmit: the reviewer closes each (close_comment)
            if comment.strip():
                ReviewComment.objects.create(
                    submission=self,
                    author=by,
                    target="",
                    text=comment.strip(),
                    open=t.target == Status.RETURNED,
                )
            AuditLog.record(
                AuditLog.Action.TRANSITION,
                user=by,
                target=self,
                detail=f"{self.get_status_display()} → {t.target.label}"
                + (f"：{comment.strip()}" if comment.strip() else ""),
            )
        self.refresh_from_db()

    def add_comment(self, *, by: Any, target: str, text: str) -> ReviewComment:
        if not self.can_review(by):
            raise WorkflowError("只有财政局审核人在审核阶段可以添加审核意见。")
        text = bounds.clean_text(text)[: bounds.MAX_TEXT]
        target = bounds.clean_text(target)
        if not text.strip():
            raise WorkflowError("审核意见不能为空。")
        c = ReviewComment.objects.create(
            submission=self, author=by, target=target[:40], text=text.strip()
        )
        AuditLog.record(
            AuditLog.Action.COMMENTED,
            user=by,
            target=self,
            detail=f"{layout.target_label(target[:40])}：{text.strip()[:100]}",
        )
        return c

    def review_score_problem(
        self, index: int, value: Decimal | None, part: str = "ind"
    ) -> str | None:
        """Why ``value`` cannot be the reviewer's score of row ``index`` of the indicator table
        (``part="ind"``) or the funds table (``"funds"``, the 预算执行 row) (None: it can):
        the bounds of every score, and at most the row's 分值."""
        if value is None:
            return None
        if (problem := bounds.POINTS.problem(value)) is not None:
            return problem
        rows = self.content.get(_REVIEW_TABLES[part]) or []
        weight = decimal_or_none(rows[index].get("weight")) if 0 <= index < len(rows) else None
        if weight is not None and value > weight:
            return f"应在 0 到 {weight}（本行分值）之间"
        return None

    def reply_comment(self, *, by: Any, pk: int, text: str) -> ReviewComment:
        """The unit's answer to one of the bureau's opinions (it stays open until the reviewer
        closes it)."""
        m = _membership(by)
        if m is None or m.role not in EDITORS or m.unit_id != self.unit_id:
            raise WorkflowError("只有本单位的填报人或负责人可以答复审核意见。")
        if self.status not in EDITABLE:
            raise WorkflowError(f"当前状态为“{self.get_status_display()}”，不能答复。")
        if not text.strip():
            raise WorkflowError("答复不能为空。")
        c = self.comments.get(pk=pk)
        c.reply, c.replied_by, c.replied_at = text.strip(), by, timezone.now()
        c.save(update_fields=["reply", "replied_by", "replied_at"])
        AuditLog.record(
            AuditLog.Action.COMMENTED,
            user=by,
            target=self,
            detail=f"答复{c.target_label}的意见：{text.strip()[:100]}",
        )
        return c

    def close_comment(self, *, by: Any, pk: int, reopen: bool = False) -> ReviewComment:
        """The reviewer closes an opinion the unit has dealt with (or opens it again)."""
        if not self.can_review(by):
            raise WorkflowError("只有财政局审核人在审核阶段可以关闭审核意见。")
        c = self.comments.get(pk=pk)
        c.open = reopen
        c.closed_by, c.closed_at = (None, None) if reopen else (by, timezone.now())
        c.save(update_fields=["open", "closed_by", "closed_at"])
        AuditLog.record(
            AuditLog.Action.COMMENTED,
            user=by,
            target=self,
            detail=f"{'重新打开' if reopen else '关闭'}{c.target_label}的意见：{c.text[:60]}",
        )
        return c

    def save_review_scores(
        self,
        *,
        by: Any,
        scores: dict[int, tuple[Decimal | None, str]],
        funds: dict[int, tuple[Decimal | None, str]] | None = None,
    ) -> None:
        """Reviewer scores (score, comment) per indicator index and per fund row index (the
        预算执行 row); the review total follows. Nothing is saved when one score is out of
        bounds (:meth:`review_score_problem`). The audit log says what changed, row by row."""
        if not self.can_review(by):
            raise WorkflowError("只有财政局审核人在审核阶段可以复核评分。")
        content = self.content
        given = {("ind", i): v for i, v in scores.items()}
        given.update({("funds", i): v for i, v in (funds or {}).items()})
        rows = {
            (part, i): v
            for (part, i), v in given.items()
            if 0 <= i < len(content.get(_REVIEW_TABLES[part]) or [])
        }
        for (part, index), (value, _) in rows.items():
            if problem := self.review_score_problem(index, value, part):
                raise WorkflowError(
                    f"{layout.target_label(f'{part}-{index}')}：复核得分{problem}。"
                )
        before = {(r.part, r.index): r.score for r in self.review_scores.all()}
        with transaction.atomic():
            for (part, index), (value, comment) in rows.items():
                line = content[_REVIEW_TABLES[part]][index]
                ReviewScore.objects.update_or_create(
                    submission=self,
                    part=part,
                    index=index,
                    defaults={
                        "indicator": _reviewed_name(part, line),
                        "self_score": _fit(self, "self_score", line.get("score")),
                        "score": value,
                        "comment": bounds.clean_text(comment).strip()[: bounds.MAX_TEXT],
                        "reviewer": by,
                    },
                )
            self.review_score = _fit(self, "review_score", _review_total(self))
            self.refresh_metrics(content)  # the grade: by this 复核 total, or the computed one
            Submission.objects.filter(pk=self.pk).update(
                review_score=self.review_score, grade=self.grade, updated_at=timezone.now()
            )
            changed = [
                _score_change(f"{part}-{index}", before.get((part, index)), value)
                for (part, index), (value, _) in sorted(rows.items())
                if before.get((part, index)) != value
            ]
            total = (
                f"复核总分 {self.review_score}"
                if self.review_score is not None
                else "清除复核得分（没有复核任何一行）"
            )
            AuditLog.record(
                AuditLog.Action.REVIEW_SCORED,
                user=by,
                target=self,
                detail=total + (f"：{'；'.join(changed)}" if changed else ""),
            )


# the tables whose rows the reviewer re-scores: indicators, and the funds table's 预算执行 row
_REVIEW_TABLES = {"ind": "indicators", "funds": "funds"}


def _reviewed_name(part: str, line: dict[str, Any]) -> str:
    """The row as the review lists it: the indicator's name, or 预算执行（合计）."""
    if part == "funds":
        return f"预算执行（{line.get('label') or '资金'}）"[:200]
    return str(line.get("name") or "")[:200]


def _score_change(key: str, old: Decimal | None, new: Decimal | None) -> str:
    """One re-scored row for the audit log: 指标第1行 50.00 → 49; a cleared score reads
    清除复核得分 (never “None”)."""
    if new is None:
        return f"{layout.target_label(key)}清除复核得分"
    return f"{layout.target_label(key)} {'—' if old is None else old} → {new}"


def _review_total(s: Submission) -> Decimal | None:
    """The bureau's total: per indicator and per fund (预算执行) row the reviewer's score where
    given, else the unit's printed score. None until something is re-scored."""
    reviewed = {
        (part, index): score
        for part, index, score in s.review_scores.exclude(score=None).values_list(
            "part", "index", "score"
        )
    }
    if not reviewed:
        return None
    content = s.content
    total = Decimal(0)
    for part, table in _REVIEW_TABLES.items():
        for i, line in enumerate(content.get(table) or []):
            if line.get("sub_item"):
                continue
            printed = decimal_or_none(line.get("score")) or Decimal(0)
            total += reviewed.get((part, i), printed)
    return total


def _admissible(content: dict[str, Any]) -> dict[str, Any]:
    """The content as it may be stored: without control characters (PostgreSQL cannot keep a
    NUL in the revision's list of changes), and refused when anything is out of
    :mod:`jixiao.bounds` (every way in passes here)."""
    content = bounds.clean_texts(content)
    try:
        bounds.require(content)
    except bounds.OutOfBounds as exc:
        raise WorkflowError(f"未保存：{exc}") from exc
    return content


def _fit(s: Submission, name: str, value: Any) -> Decimal | None:
    """A figure kept for the overview, or None when its column cannot hold it (a figure
    computed from odd but valid input must not make every later read fail)."""
    value = decimal_or_none(value)
    if value is None or not value.is_finite():
        return None
    field = s._meta.get_field(name)
    assert isinstance(field, models.DecimalField)
    whole_digits = field.max_digits - field.decimal_places
    if value.adjusted() >= whole_digits:
        return None
    value = value.quantize(Decimal(1).scaleb(-field.decimal_places))
    return value if value.adjusted() < whole_digits else None  # 99999999.999 rounds up


def decimal_or_none(value: Any) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def _printed_total_rate(content: dict[str, Any]) -> Decimal | None:
    for row in content.get("funds") or []:
        if row.get("line") == "total":
            return decimal_or_none(row.get("rate"))
    return None


def _name(user: Any) -> str:
    if user is None:
        return "他人"
    return user.get_full_name() or user.get_username()


class Revision(models.Model):
    """Every save: who, when, what changed, and the full data (restorable)."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="revisions", verbose_name="自评"
    )
    number = models.PositiveIntegerField("版本号")
    author = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, verbose_name="修改人"
    )
    created_at = models.DateTimeField("时间", auto_now_add=True)
    note = models.CharField("说明", max_length=200, blank=True)
    changes = models.JSONField("修改内容", default=list)  # [[field, old, new], ...] as shown
    data = models.TextField("完整数据（jixiao/1 JSON）")

    class Meta:
        verbose_name = verbose_name_plural = "历史版本"
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="revision_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.submission} 第{self.number}版"

    @property
    def content(self) -> dict[str, Any]:
        return loads(self.data)


class ReviewComment(models.Model):
    """A reviewer's comment on a cell/row (``ind-3``, ``funds-0``, ``duties``) or general (``""``)."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="comments", verbose_name="自评"
    )
    author = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, verbose_name="审核人")
    created_at = models.DateTimeField("时间", auto_now_add=True)
    target = models.CharField("位置", max_length=40, blank=True)
    text = models.TextField("意见")
    open = models.BooleanField("待处理", default=True)
    asks_evidence = models.BooleanField("要求补充佐证材料", default=False)
    reply = models.TextField("单位答复", blank=True)
    replied_by = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="答复人",
    )
    replied_at = models.DateTimeField("答复时间", null=True, blank=True)
    closed_by = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="关闭人",
    )
    closed_at = models.DateTimeField("关闭时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "审核意见"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:50]

    @property
    def target_label(self) -> str:
        return layout.target_label(self.target)


class ReviewScore(models.Model):
    """The reviewer's score of one indicator (or of the 预算执行 fund row) beside the unit's,
    with a comment; the gap is kept."""

    class Part(models.TextChoices):
        FUNDS = "funds", "预算执行"
        INDICATOR = "ind", "绩效指标"

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="review_scores", verbose_name="自评"
    )
    part = models.CharField("表", max_length=8, choices=Part.choices, default=Part.INDICATOR)
    index = models.PositiveIntegerField("行序号")  # 0-based row of the indicator or funds table
    indicator = models.CharField("三级指标", max_length=200)
    self_score = models.DecimalField(
        "自评得分", max_digits=8, decimal_places=2, null=True, blank=True
    )
    score = models.DecimalField("复核得分", max_digits=8, decimal_places=2, null=True, blank=True)
    comment = models.TextField("复核意见", blank=True)
    reviewer = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, verbose_name="审核人")
    updated_at = models.DateTimeField("时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "复核评分"
        ordering = ["part", "index"]  # the funds table comes first on the form
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "part", "index"], name="review_score_unique_row"
            )
        ]

    @property
    def row_key(self) -> str:
        """The row on the form: ``ind-2``, ``funds-0``."""
        return f"{self.part}-{self.index}"

    @property
    def row_label(self) -> str:
        return layout.target_label(self.row_key)

    @property
    def gap(self) -> Decimal | None:
        """复核得分 − 自评得分 (negative: the bureau gives fewer points)."""
        if self.score is None or self.self_score is None:
            return None
        return self.score - self.self_score


class Upload(models.Model):
    """A file imported into a draft: kept outside the web root, never served or executed."""

    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="uploads", verbose_name="自评"
    )
    name = models.CharField("原文件名", max_length=255)
    stored = models.CharField("存储文件", max_length=255)
    size = models.PositiveIntegerField("大小")
    sha256 = models.CharField("SHA-256", max_length=64)
    uploaded_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, verbose_name="上传人"
    )
    uploaded_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "导入文件"
        ordering = ["-uploaded_at"]
