"""Score a whole evaluation: the execution row, every weighted indicator, totals and grades."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from jixiao.model import Evaluation, FundGroup, FundLine, FundRow, Indicator
from jixiao.profiles import Profile, load_profile
from jixiao.scoring.execution import ITEM, execution_score
from jixiao.scoring.indicator import indicator_score
from jixiao.scoring.sheet import LineKind, LineScore, ScoreSheet, Status, fmt, round_score


def score_evaluation(
    evaluation: Evaluation,
    profile: Profile | str | None = None,
    adjust: Callable[[Indicator, LineScore, Profile], LineScore] | None = None,
) -> ScoreSheet:
    """The computed scores beside the printed ones, per profile (default 财预〔2020〕10号).

    One line for the execution row and one per weighted indicator (其中 sub-rows carry no
    score). Lines that cannot be computed count in the computed total as printed.
    ``adjust`` changes an indicator's line before the totals (the lifecycle's reduction for a
    target set too low, :func:`jixiao.lifecycle.scoring.score_with_targets`).
    """
    p = load_profile(profile)
    lines: list[LineScore] = []
    if evaluation.funds or evaluation.scored_indicators:  # a prose report has no score lines
        lines.append(_execution_line(evaluation, p))
        for i in evaluation.scored_indicators:
            line = indicator_score(i, p)
            lines.append(adjust(i, line, p) if adjust is not None else line)

    printed_total = evaluation.total_score.value if evaluation.total_score else None
    computed_total, total_rule = _total(lines, p)
    printed_scores = [line.printed for line in lines if line.printed is not None]
    weights = [line.weight for line in lines if line.weight is not None]
    difference = (
        round_score(printed_total - computed_total, p.places)
        if printed_total is not None and computed_total is not None
        else None
    )
    total_weight = evaluation.total_weight.value if evaluation.total_weight else None
    reason = grade_blocker(lines, computed_total, total_weight, p)
    return ScoreSheet(
        profile=p.name,
        profile_title=p.title,
        lines=tuple(lines),
        printed_total=printed_total,
        computed_total=computed_total,
        printed_grade=p.grade(printed_total),
        computed_grade=None if reason else p.grade(computed_total),
        total_difference=difference,
        total_rule=total_rule,
        printed_sum=sum(printed_scores, Decimal(0)) if printed_scores else None,
        weight_sum=sum(weights, Decimal(0)) if weights else None,
        total_weight=total_weight,
        source=evaluation.source,
        grade_reason=reason,
    )


def grade_blocker(
    lines: list[LineScore], computed: Decimal | None, printed_weight: Decimal | None, p: Profile
) -> str:
    """Why the computed total is no score to grade, in Chinese ("" when it is one).

    A total that leaves out lines neither computed nor printed, that adds up weights other
    than the total's (10 + 100 against 100), or that exceeds the maximum is not a recomputed
    score: grading it would pass a defect of the form off as a result.
    """
    if computed is None:
        return "没有可计入总分的得分，无法计算总分"
    maximum = printed_weight if printed_weight is not None else p.total_weight
    unscored = [line for line in lines if line.unscored]
    if unscored:
        return f"{len(unscored)} 项既无法计算也未填得分，总分无法复算"
    weights = [line.weight for line in lines]
    if lines and all(w is not None for w in weights):
        weight_sum = sum(weights, Decimal(0))  # type: ignore[arg-type, type-var]
        if weight_sum != maximum:
            return (
                f"各计分行分值合计 {fmt(weight_sum)}，与总分分值 {fmt(maximum)} 不符，总分无法复算"
            )
    if computed > maximum:
        return f"计算总分 {fmt(computed)} 超过满分 {fmt(maximum)}，总分无法复算"
    return ""


def execution_row(evaluation: Evaluation) -> FundRow | None:
    """The fund row that carries the execution score.

    The first total row (资金来源 合计 / 年度资金总额) that prints a weight or score; else any
    row that prints one; else the first total row; else the first row.
    """
    funds = evaluation.funds
    if not funds:
        return None
    totals = [r for r in funds if r.line == FundLine.TOTAL and r.group in (None, FundGroup.SOURCE)]
    for rows in (totals, funds):
        for row in rows:
            if row.weight is not None or row.score is not None:
                return row
    return totals[0] if totals else funds[0]


def _execution_line(evaluation: Evaluation, p: Profile) -> LineScore:
    row = execution_row(evaluation)
    if row is None:
        reason = "未找到预算执行情况（资金）表，无法计算执行率得分"
        return LineScore(
            item=ITEM,
            kind=LineKind.EXECUTION,
            status=Status.NOT_COMPUTABLE,
            rule=reason,
            weight=p.funds_weight if p.funds_weight else None,
            reason=reason,
        )
    label = row.label.text or "合计"
    budget = row.budget.value if row.budget else None
    actual = row.actual.value if row.actual else None
    note = None
    if not budget and not actual:
        parts = _parts_of(evaluation, row)
        part_budgets = [r.budget.value for r in parts if r.budget is not None]
        part_actuals = [r.actual.value for r in parts if r.actual is not None]
        if any(part_budgets) or any(part_actuals):
            budget = sum(part_budgets, Decimal(0))
            actual = sum(part_actuals, Decimal(0))
            note = f"“{label}”行预算数、执行数为0或未填，按其下各行之和（{fmt(budget)} / {fmt(actual)}）计算"
    line = execution_score(
        row.weight.value if row.weight else None,
        budget,
        actual,
        p,
        printed=row.score.value if row.score else None,
        item=f"{ITEM}（{label}）",
        location=row.location or row.label.location,
    )
    return replace(line, notes=(*line.notes, note)) if note else line


def _parts_of(evaluation: Evaluation, total: FundRow) -> list[FundRow]:
    """The rows directly under a total row (deeper, same group, up to the next total)."""
    funds = evaluation.funds
    start = funds.index(total) + 1
    parts = []
    for row in funds[start:]:
        if row.depth <= total.depth or row.group != total.group:
            break
        if row.depth == total.depth + 1:
            parts.append(row)
    return parts


def total_of(
    lines: list[LineScore], profile: Profile | str | None = None
) -> tuple[Decimal | None, str]:
    """The computed total of score lines (and how it was computed, in Chinese), by the same
    rule as :func:`score_evaluation`; for lines a reviewer changed (the 抽查复核 re-score)."""
    return _total(lines, load_profile(profile))


def _total(lines: list[LineScore], p: Profile) -> tuple[Decimal | None, str]:
    counted = [(line, line.counted) for line in lines]
    parts = [value for _, value in counted if value is not None]
    if not parts:
        return None, "没有可计入总分的得分"
    total = sum(parts, Decimal(0))
    rule = " + ".join(fmt(v) for v in parts) + f" = {round_score(total, p.places)}"
    as_printed = [
        line
        for line, value in counted
        if value is not None and line.computed is None and line.band is None
    ]
    clamped = [line for line in lines if line.band is not None and line.status == Status.DIFFERS]
    missing = [line for line in lines if line.unscored]
    if as_printed:
        rule += f"；其中 {len(as_printed)} 项无法计算，按填报得分计入"
    if clamped:
        rule += f"；{len(clamped)} 项定性指标得分超出档次，按档次边界计入"
    if missing:
        rule += f"；{len(missing)} 项既无法计算也未填得分，未计入"
    excluded = sum((line.weight or Decimal(0) for line in lines if line.not_applicable), Decimal(0))
    if p.rescale_not_applicable and excluded > 0:
        base = p.total_weight - excluded
        if base > 0:
            scaled = total * p.total_weight / base
            rule += (
                f"；剔除不适用指标 {fmt(excluded)} 分后折算："
                f"{fmt(round_score(total, p.places))} × {fmt(p.total_weight)} ÷ {fmt(base)} = "
                f"{fmt(round_score(scaled, p.places))}"
            )
            total = scaled
    return round_score(total, p.places), rule
