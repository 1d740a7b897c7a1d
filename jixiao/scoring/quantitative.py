"""The formulas for quantitative indicators (财预〔2020〕10号 [R]; vendor implementation [V]).

With weight W, target T, actual A (A ≥ 0):

- ``≥`` / ``>`` (positive): A ≥ T → W; else W × A ÷ T; T = 0 → W [I].
- ``=``: T = 0 → W if A ≤ 0 else 0; A > T → per profile (full / ratio / linear); else as positive.
- ``≤`` / ``<`` (reverse): A ≤ T → W; else ratio W × T ÷ A or linear W × max(0, 1 − (A − T) ÷ T).
- over-achievement: A ≥ threshold (130 %) × T on a positive or ``=`` indicator is flagged;
  deducted only where the profile says so: W × max(0, 1 − (A ÷ T − threshold)) [I].

Scores never exceed W. The result is unrounded; rule texts show it rounded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from jixiao.model import Operator
from jixiao.profiles import EqualAbove, Profile, ReverseFormula
from jixiao.scoring.sheet import fmt, round_score

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class Formula:
    """The score of a quantitative indicator before rounding, and how it was reached."""

    score: Decimal
    rule: str
    over_achieved: bool = False
    ratio: Decimal | None = None  # A ÷ T in percent


def quantitative_score(
    operator: Operator,
    weight: Decimal,
    target: Decimal,
    actual: Decimal,
    profile: Profile,
    unit: str = "",
) -> Formula:
    """Score one quantitative indicator; ``actual`` already ≥ 0 and in the target's unit."""
    w, t, a = weight, target, actual

    def r(value: Decimal) -> str:
        return str(round_score(value, profile.places))

    shown_a, shown_t = f"{fmt(a)}{unit}", f"{fmt(t)}{unit}"
    ratio = round_score(a / t * 100, 2) if t > 0 else None

    if operator in (Operator.LE, Operator.LT):
        return _reverse(w, t, a, profile, shown_a, shown_t, ratio, r)

    if operator == Operator.EQ and t == 0:
        if a <= 0:
            return Formula(w, f"指标值为0，实际也为0，得满分 {fmt(w)}", ratio=ratio)
        return Formula(ZERO, f"指标值为0，实际 {shown_a} 不为0，得0分", ratio=ratio)
    if t == 0:
        return Formula(w, f"指标值为0，任何实际值均达标，得满分 {fmt(w)}", ratio=ratio)

    over = a * 100 >= t * profile.over_achievement_percent
    if a < t:
        score = w * a / t
        return Formula(
            score,
            f"实际 {shown_a} < 指标 {shown_t}：{fmt(w)} × {fmt(a)} ÷ {fmt(t)} = {r(score)}",
            ratio=ratio,
        )

    if operator == Operator.EQ and a > t and profile.equal_above != EqualAbove.FULL:
        if profile.equal_above == EqualAbove.RATIO:
            score = w * t / a
            rule = f"“=”指标，实际 {shown_a} 高于指标 {shown_t}，按比例法：{fmt(w)} × {fmt(t)} ÷ {fmt(a)} = {r(score)}"
        else:
            score = max(ZERO, w * (1 - (a - t) / t))
            rule = (
                f"“=”指标，实际 {shown_a} 高于指标 {shown_t}，按线性法："
                f"{fmt(w)} × (1 − ({fmt(a)} − {fmt(t)}) ÷ {fmt(t)}) = {r(score)}"
            )
        return Formula(score, rule, over, ratio)

    sign = "=" if a == t else ("≥" if operator != Operator.EQ else ">")
    rule = f"实际 {shown_a} {sign} 指标 {shown_t}，得满分 {fmt(w)}"
    if operator == Operator.EQ and a > t:
        rule = f"“=”指标，实际 {shown_a} 高于指标 {shown_t}，按方案得满分 {fmt(w)}"
    if over:
        threshold = profile.over_achievement_percent
        rule += f"；实际为指标的 {fmt(ratio)}%，达到 {fmt(threshold)}% 以上，属大幅超额完成"
        if profile.over_achievement_deduct:
            score = max(ZERO, w * (1 - (a / t - threshold / 100)))
            rule += f"，按偏离度调减：{fmt(w)} × (1 − ({fmt(a)} ÷ {fmt(t)} − {fmt(threshold)}%)) = {r(score)}"
            return Formula(min(score, w), rule, True, ratio)
    return Formula(w, rule, over, ratio)


def _reverse(
    w: Decimal,
    t: Decimal,
    a: Decimal,
    profile: Profile,
    shown_a: str,
    shown_t: str,
    ratio: Decimal | None,
    r: Callable[[Decimal], str],
) -> Formula:
    if a <= t:
        return Formula(w, f"实际 {shown_a} ≤ 指标 {shown_t}，得满分 {fmt(w)}", ratio=ratio)
    if t == 0:
        return Formula(ZERO, f"指标值为0，实际 {shown_a} 超出，得0分", ratio=ratio)
    if profile.reverse_formula == ReverseFormula.RATIO:
        score = w * t / a
        rule = f"实际 {shown_a} > 指标 {shown_t}（反向指标，比例法）：{fmt(w)} × {fmt(t)} ÷ {fmt(a)} = {r(score)}"
    else:
        score = max(ZERO, w * (1 - (a - t) / t))
        rule = (
            f"实际 {shown_a} > 指标 {shown_t}（反向指标，线性法）："
            f"{fmt(w)} × (1 − ({fmt(a)} − {fmt(t)}) ÷ {fmt(t)}) = {r(score)}"
        )
        if score == 0:
            rule += "（不低于0）"
    return Formula(score, rule, ratio=ratio)
