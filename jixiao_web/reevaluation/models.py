"""抽查复核: a draw of accepted self-evaluations of a round (its rule and seed recorded, so
that anyone can draw it again), and the bureau's re-evaluated score of each drawn form."""

from __future__ import annotations

import secrets
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.db import models, transaction
from django.utils import timezone

from jixiao import bounds
from jixiao.lifecycle import rescoring, sampling
from jixiao_web.accounts.models import AuditLog
from jixiao_web.evaluations.models import Round, Submission, profile_grade
from jixiao_web.evaluations.workflow import Status, WorkflowError
from jixiao_web.monitoring.models import MonitoringReport

SAMPLED = (Status.ACCEPTED, Status.PUBLISHED)  # the forms a draw takes from


def total_budget(content: dict[str, Any]) -> Decimal | None:
    """年度资金总额 of a form (its ``total`` funds row's budget), 万元."""
    for row in content.get("funds") or []:
        if row.get("line") == "total" and row.get("budget") is not None:
            try:
                return Decimal(str(row["budget"]))
            except ArithmeticError:
                return None
    return None


def candidates(round: Round) -> list[sampling.Candidate]:
    """The round's accepted forms as :class:`sampling.Candidate`: amount, execution rate and
    whether the bureau marked the project for 重点监控 in that year's monitoring."""
    keyed = set(
        MonitoringReport.objects.filter(
            round__region_id=round.region_id, round__year=round.year, key_project=True
        ).values_list("unit_id", "project")
    )
    return [
        sampling.Candidate(
            key=str(s.pk),
            amount=total_budget(s.content),
            execution_rate=s.execution_rate,
            attention=(s.unit_id, s.project) in keyed,
        )
        for s in round.submissions.filter(status__in=SAMPLED)
    ]


class SampleDraw(models.Model):
    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="sample_draws", verbose_name="评价轮次"
    )
    rule = models.JSONField("抽取规则")
    rule_text = models.TextField("规则说明")
    seed = models.BigIntegerField("随机种子")
    population = models.PositiveIntegerField("可抽取的自评数")
    strata = models.JSONField("分层", default=list)  # [[name, size, drawn], ...]
    drawn_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name="抽取人"
    )
    drawn_at = models.DateTimeField("抽取时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "抽查复核"
        ordering = ["-drawn_at", "-id"]

    def __str__(self) -> str:
        return f"{self.round} · 抽查（种子 {self.seed}）"

    @property
    def parsed_rule(self) -> sampling.Rule:
        return sampling.Rule.from_dict(self.rule)

    @classmethod
    def make(
        cls, *, by: Any, round: Round, rule: sampling.Rule, seed: int | None = None
    ) -> SampleDraw:
        """Draw by the rule (a new random seed unless one is given) and record it all."""
        seed = secrets.randbelow(10**12) if seed is None else seed
        found = candidates(round)
        if not found:
            raise WorkflowError("该轮次还没有已通过的自评，无可抽取。")
        result = sampling.draw(found, rule, seed)
        subs = {str(s.pk): s for s in round.submissions.filter(status__in=SAMPLED)}
        with transaction.atomic():
            d = cls.objects.create(
                round=round,
                rule=rule.to_dict(),
                rule_text=sampling.describe(rule),
                seed=seed,
                population=len(found),
                strata=[[s.name, s.size, len(s.drawn)] for s in result.strata],
                drawn_by=by,
            )
            SampleItem.objects.bulk_create(
                SampleItem(
                    draw=d,
                    submission=subs[key],
                    stratum=result.stratum_of(key),
                    self_score=subs[key].self_score,
                )
                for key in result.keys
            )
            AuditLog.record(
                AuditLog.Action.CREATED,  # no new action: accounts keeps its migrations
                user=by,
                target=d,
                detail=f"抽查复核：{len(found)} 份中抽取 {len(result.keys)} 份；种子 {seed}；{d.rule_text}",
            )
        return d

    def redraw_keys(self) -> tuple[str, ...]:
        """The sample drawn again from the recorded rule and seed over the forms accepted now
        (the same as recorded while no form was accepted or withdrawn since)."""
        return sampling.draw(candidates(self.round), self.parsed_rule, self.seed).keys


class SampleItem(models.Model):
    draw = models.ForeignKey(
        SampleDraw, on_delete=models.CASCADE, related_name="items", verbose_name="抽查"
    )
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="sample_items", verbose_name="自评"
    )
    stratum = models.CharField("抽取层", max_length=100)
    self_score = models.DecimalField(
        "自评得分", max_digits=8, decimal_places=2, null=True, blank=True
    )
    score = models.DecimalField(
        "复核得分（抽查）", max_digits=8, decimal_places=2, null=True, blank=True
    )
    comment = models.TextField("复核意见", blank=True)
    scored_by = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="复核人",
    )
    scored_at = models.DateTimeField("复核时间", null=True, blank=True)
    # the reviewer's row overrides: {"ind-2": {"score": "20", "reason": "…"}}; the other rows
    # keep the library's score (jixiao.lifecycle.rescoring)
    rows = models.JSONField("逐行复核（改动的行）", default=dict, blank=True)
    confirmed_at = models.DateTimeField("确认时间", null=True, blank=True)
    confirmed_by = models.ForeignKey(
        User,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="确认人",
    )

    class Meta:
        verbose_name = verbose_name_plural = "抽查的自评"
        ordering = ["draw", "submission__unit__name", "submission__project"]
        constraints = [
            models.UniqueConstraint(fields=["draw", "submission"], name="sample_item_once")
        ]

    def __str__(self) -> str:
        return f"{self.submission} · 抽查复核"

    @property
    def gap(self) -> sampling.Gap:
        profile = self.draw.round.profile
        return sampling.Gap(
            self_score=self.self_score,
            review_score=self.score,
            self_grade=profile_grade(profile, self.self_score),
            review_grade=profile_grade(profile, self.score),
            threshold=self.draw.parsed_rule.threshold,
        )

    @property
    def untrue_note(self) -> str:
        """“；自评不实：自评高出复核 14 分…” for the messages and the audit log, or ""."""
        g = self.gap
        return "；自评不实：" + "，".join(g.reasons) if g.untrue else ""

    def _refuse_once_confirmed(self) -> None:
        if self.confirmed_at is not None:
            raise WorkflowError("该抽查复核已确认，不能再修改。")

    @property
    def overrides(self) -> dict[str, rescoring.Override]:
        return {
            k: rescoring.Override(Decimal(v["score"]), str(v.get("reason") or ""))
            for k, v in (self.rows or {}).items()
        }

    def reevaluation(
        self, overrides: dict[str, rescoring.Override] | None = None
    ) -> rescoring.ReEvaluation:
        """The form re-scored row by row: the library's scores (with the cross-stage checks
        of its approved targets, as the form's own analysis) and the reviewer's overrides."""
        from jixiao_web.evaluations.analysis import analyse
        from jixiao_web.targets.services import earlier_stages

        s = self.submission
        content = s.content
        result = analyse(content, s.round.profile, **earlier_stages(s))
        return rescoring.reevaluate(
            list(result.lines_by_row.items()),  # the score sheet's order: the form's
            self.overrides if overrides is None else overrides,
            s.round.profile or None,
            self_total=s.self_score,
        )

    def save_rows(
        self, *, by: Any, overrides: dict[str, rescoring.Override], comment: str = ""
    ) -> rescoring.ReEvaluation:
        """Keep the reviewer's row overrides (only rows of the form) and the re-evaluated total
        they give; the audit log names each row changed. Refused once confirmed."""
        self._refuse_once_confirmed()
        # as every text kept: no control character (PostgreSQL's JSON refuses NUL)
        overrides = {
            k: rescoring.Override(o.score, bounds.clean_text(o.reason).strip()[: bounds.MAX_TEXT])
            for k, o in overrides.items()
        }
        try:
            ev = self.reevaluation(overrides)
        except ValueError as exc:
            raise WorkflowError(str(exc)) from None
        keys = {r.key for r in ev.rows}
        kept = {k: o for k, o in overrides.items() if k in keys}
        before = self.overrides
        changed = [
            f"{r.item} {_shown(before.get(r.key))} → {_shown(kept.get(r.key))}"
            for r in ev.rows
            if before.get(r.key) != kept.get(r.key)
        ]
        with transaction.atomic():
            self.rows = {
                k: {"score": str(o.score), "reason": o.reason.strip()} for k, o in kept.items()
            }
            self.score = ev.total
            self.comment = bounds.clean_text(comment).strip()[: bounds.MAX_TEXT] or self.comment
            self.scored_by, self.scored_at = by, timezone.now()
            self.save()
            AuditLog.record(
                AuditLog.Action.REVIEW_SCORED,
                user=by,
                target=self.submission,
                detail=f"抽查复核（逐行）{ev.total}（自评 {self.self_score}）"
                + (f"：{'；'.join(changed)}" if changed else "")
                + self.untrue_note,
            )
        return ev

    def confirm(self, *, by: Any) -> None:
        """The bureau confirms the re-evaluation: the form's own 复核得分 and 等级 are set
        from it (the audit log says so on the form)."""
        if self.confirmed_at is not None:
            raise WorkflowError("该抽查复核已确认。")
        if self.score is None:
            raise WorkflowError("请先逐行复核并保存，再确认。")
        s = self.submission
        grade = profile_grade(s.round.profile, self.score) or ""
        with transaction.atomic():
            if not SampleItem.objects.filter(pk=self.pk, confirmed_at__isnull=True).update(
                confirmed_at=timezone.now(), confirmed_by=by
            ):
                raise WorkflowError("该抽查复核已被他人确认，请刷新页面。")
            Submission.objects.filter(pk=s.pk).update(
                review_score=self.score, grade=grade, updated_at=timezone.now()
            )
            AuditLog.record(
                AuditLog.Action.TRANSITION,
                user=by,
                target=s,
                detail=f"抽查复核确认：复核得分 {self.score}（{grade or '无等级'}），自评得分 {self.self_score}"
                + (self.untrue_note or "；自评相符"),
            )
        self.refresh_from_db()

    def rescore(self, *, by: Any, score: Decimal, comment: str) -> None:
        from jixiao.profiles import load_profile

        self._refuse_once_confirmed()
        total = load_profile(self.draw.round.profile or None).total_weight  # the profile's 总分
        if not Decimal(0) <= score <= total:
            raise WorkflowError(f"复核得分应在 0 到 {total} 之间。")
        self.score, self.comment = score, comment.strip()
        self.scored_by, self.scored_at = by, timezone.now()
        self.save()
        AuditLog.record(
            AuditLog.Action.REVIEW_SCORED,
            user=by,
            target=self.submission,
            detail=f"抽查复核 {score}（自评 {self.self_score}）" + self.untrue_note,
        )


def _shown(o: rescoring.Override | None) -> str:
    return "计算得分" if o is None else f"{o.score}（{o.reason.strip()[:60]}）"
