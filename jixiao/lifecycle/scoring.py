"""The 10号 reduction for a target set too low, applied in scoring when the target table is
given (``jixiao score 自评表 --targets 目标表``, and the batch with ``--targets``).

财预〔2020〕10号 lets the evaluator reduce the score of an indicator whose actual value far
exceeds the approved target (the target was set too low). The profile says when
(``lifecycle.over_target_percent``, default 150 %) and by how much
(``lifecycle.over_target_deduct_percent`` of the indicator's 分值, default 0: off). The
deduction stands on the indicator's score line with its rule, like every other score line;
JX-L005 reports the same rows as findings.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from jixiao.lifecycle.base import Stages, where
from jixiao.lifecycle.cross_checks import over_target_ratio
from jixiao.lifecycle.model import TargetTable
from jixiao.model import Evaluation, Indicator
from jixiao.profiles import Profile, load_profile
from jixiao.scoring import ScoreSheet, score_evaluation
from jixiao.scoring.sheet import LineScore, fmt, round_score
from jixiao.scoring.status import compare

HUNDRED = Decimal(100)


def score_with_targets(
    evaluation: Evaluation,
    targets: TargetTable | None,
    profile: Profile | str | None = None,
    overrides: dict[str, str] | None = None,
) -> ScoreSheet:
    """:func:`jixiao.scoring.score_evaluation`, each indicator matched with the approved one
    and reduced where the profile's over-achievement reduction applies."""
    p = load_profile(profile)
    if targets is None or not p.over_target_deduct_percent:
        return score_evaluation(evaluation, p)
    stages = Stages(targets, None, evaluation, overrides=overrides or {})
    approved = {id(m.later): m.earlier for m in stages.target_vs_evaluation() if m.later}

    def adjust(ind: Indicator, line: LineScore, prof: Profile) -> LineScore:
        t = approved.get(id(ind))
        if t is None or line.computed is None or line.weight is None:
            return line
        ratio = over_target_ratio(t, ind)
        if ratio is None or ratio < prof.over_target_percent:
            return line
        cut = round_score(line.weight * prof.over_target_deduct_percent / HUNDRED, prof.places)
        computed = max(Decimal(0), round_score(line.computed - cut, prof.places))
        status, difference = compare(line.printed, computed, prof)
        source = targets.source if targets is not None else ""
        rule = (
            f"{line.rule}；完成值为目标表 {where(t.location, source)} 批复指标值的 "
            f"{fmt(round_score(ratio, 2))}%（≥ {fmt(prof.over_target_percent)}%），目标设定偏低，"
            f"按 10号文扣减：{fmt(line.computed)} − {fmt(line.weight)} × "
            f"{fmt(prof.over_target_deduct_percent)}% = {fmt(computed)}"
        )
        return replace(
            line,
            computed=computed,
            status=status,
            difference=difference,
            rule=rule,
            notes=(*line.notes, f"超额完成扣减 {fmt(line.computed - computed)} 分"),
        )

    return score_evaluation(evaluation, p, adjust)
