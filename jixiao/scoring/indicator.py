"""Score one weighted indicator: quantitative by formula, qualitative by band.

Everything the rules cannot be applied to is ``not_computable`` with the reason in Chinese:
no weight, no target, a textual actual for a quantitative target, units that do not agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from jixiao.model import Indicator, Measure, Operator
from jixiao.profiles import Profile, load_profile
from jixiao.scoring.qualitative import band_for, band_level
from jixiao.scoring.quantitative import quantitative_score
from jixiao.scoring.sheet import BandLevel, LineKind, LineScore, Status, fmt, round_score
from jixiao.scoring.status import compare, compare_band
from jixiao.scoring.units import convert, number_in_text, per_year, same_unit

_Make = Callable[..., LineScore]
# a deadline: “12月底前”, “30个工作日内”, “15日以前”
_DEADLINE = re.compile(r"\d\s*(?:个)?(?:月|日|天|工作日|小时|周)[底末中]?(?:之?前|以前|之?内)")


def indicator_score(indicator: Indicator, profile: Profile | str | None = None) -> LineScore:
    """Score a weighted indicator by the profile (default 财预〔2020〕10号)."""
    p = load_profile(profile)
    printed = indicator.score.value if indicator.score is not None else None
    weight = indicator.weight.value if indicator.weight is not None else None
    target, actual = indicator.target, indicator.actual
    operator = indicator.operator
    if target is None:
        kind = LineKind.UNKNOWN
    elif operator == Operator.QUALITATIVE:
        kind = LineKind.QUALITATIVE
    elif target.is_quantitative or operator is not None:
        kind = LineKind.QUANTITATIVE
    else:
        kind = LineKind.QUALITATIVE

    def line(status: Status, rule: str, **kw: object) -> LineScore:
        return LineScore(
            item=indicator.name.text,
            kind=kind,
            status=status,
            rule=rule,
            weight=weight,
            printed=printed,
            level1=indicator.level1.text if indicator.level1 else None,
            level2=indicator.level2.text if indicator.level2 else None,
            location=indicator.location,
            **kw,  # type: ignore[arg-type]
        )

    def not_computable(reason: str, **kw: object) -> LineScore:
        return line(Status.NOT_COMPUTABLE, reason, reason=reason, **kw)

    texts = " ".join(m.text for m in (target, actual) if m is not None)
    if any(word in texts for word in p.not_applicable_words):
        return not_computable("标明不适用", not_applicable=True)
    if weight is None:
        return not_computable("未填写分值，无法计算得分")
    if weight < 0:
        return not_computable(f"分值为负数（{fmt(weight)}），无法计算得分")
    if target is None:
        return not_computable("未填写年度指标值，无法计算得分")
    if kind == LineKind.QUALITATIVE:
        return _qualitative(weight, actual, printed, p, line, not_computable)
    operator = operator or Operator.EQ
    if target.number is None:
        return not_computable(
            f"指标性质为“{operator.value}”，但年度指标值“{target.text}”没有数值，无法计算"
        )
    return _quantitative(
        indicator, operator, weight, target, actual, printed, p, line, not_computable
    )


def _qualitative(
    weight: Decimal,
    actual: Measure | None,
    printed: Decimal | None,
    p: Profile,
    line: _Make,
    not_computable: _Make,
) -> LineScore:
    if actual is None:
        return not_computable("未填写实际完成值，无法判断达成档次")
    found = band_level(actual.text, p)
    if found is None:
        if actual.is_quantitative:
            return not_computable(
                f"年度指标值是文字，实际完成值“{actual.text}”是数值，未写明达成程度，无法按定性分档"
            )
        return not_computable(
            f"实际完成值“{_short(actual.text)}”未写明达成程度（达成/部分达成/未达成），无法确定得分档次"
        )
    level, word = found
    band = band_for(level, weight, p, word)
    rule = (
        f"实际完成值“{_short(actual.text)}”属“{level.value}”档（据“{word}”）："
        f"得分应在 {band.describe()}（分值 {fmt(weight)} 的 {_band_percents(level, p)}）"
    )
    status, diff = compare_band(printed, band, p)
    return line(status, rule, band=band, difference=diff)


def _band_percents(level: BandLevel, p: Profile) -> str:
    full, partial = fmt(p.band_full_from), fmt(p.band_partial_from)
    if level == BandLevel.ACHIEVED:
        return f"{full}%–100%"
    if level == BandLevel.PARTIAL:
        return f"{partial}%–{full}%"
    return f"0–{partial}%"


def _quantitative(
    indicator: Indicator,
    operator: Operator,
    weight: Decimal,
    target: Measure,
    actual: Measure | None,
    printed: Decimal | None,
    p: Profile,
    line: _Make,
    not_computable: _Make,
) -> LineScore:
    notes: list[str] = []
    t = target.number
    assert t is not None
    unit = indicator.unit or ""
    if t < 0:
        return not_computable(f"年度指标值为负数（{target.text}），无法计算")
    if indicator.nature is None and operator == Operator.EQ and _DEADLINE.search(target.text):
        operator = Operator.LE
        notes.append(f"指标值“{target.text}”是期限，按“≤”计算")
    if actual is None:
        return not_computable("未填写实际完成值，无法计算得分")
    a = actual.number
    actual_unit = actual.unit
    if a is None:
        a = number_in_text(actual.text, unit)
        if a is None:
            return not_computable(
                f"年度指标值为定量（{target.text}），实际完成值“{_short(actual.text)}”是文字，没有可比的数值，无法计算"
            )
        actual_unit = unit
        notes.append(f"实际完成值是文字，从中取数 {fmt(a)}{unit}")
    elif actual.operator is not None and actual.operator != Operator.EQ:
        notes.append(
            f"实际完成值带有比较符号“{actual.operator.value}”（疑为照抄指标值），按 {fmt(a)} 计算"
        )

    if unit and actual_unit and not same_unit(unit, actual_unit):
        converted = convert(a, actual_unit, unit)
        if converted is None:
            return not_computable(
                f"单位不一致（指标值 {unit}，实际完成值 {actual_unit}），无法比较"
            )
        notes.append(f"实际 {fmt(a)}{actual_unit} 折合 {fmt(converted)}{unit}")
        a = converted
    elif not unit and actual_unit:
        unit = actual_unit

    t = _per_period(t, target, actual, unit, notes)
    if a < 0:
        notes.append(f"实际完成值为负数（{fmt(a)}），按0计算")
        a = Decimal(0)

    f = quantitative_score(operator, weight, t, a, p, unit)
    computed = round_score(min(f.score, weight), p.places)
    status, diff = compare(printed, computed, p)
    return line(
        status,
        f.rule,
        computed=computed,
        difference=diff,
        over_achieved=f.over_achieved,
        ratio=f.ratio,
        notes=tuple(notes),
    )


def _per_period(
    t: Decimal, target: Measure, actual: Measure, unit: str, notes: list[str]
) -> Decimal:
    """The target over the actual's period: 每月 1次 against a 全年 actual → 12次."""
    tp, ap = per_year(target.period), per_year(actual.period)
    if tp is None or ap is None or tp == ap:
        return t
    converted = t * tp / ap
    notes.append(f"指标值“{target.text}”折合{actual.period} {fmt(converted)}{unit}")
    return converted


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
