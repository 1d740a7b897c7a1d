"""Budget execution: 执行率 = 全年执行数 ÷ 全年预算数; score = 分值 × 执行率 (capped per profile)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Location
from jixiao.profiles import Profile, load_profile
from jixiao.scoring.sheet import LineKind, LineScore, Status, fmt, round_score
from jixiao.scoring.status import compare

ITEM = "预算执行率"


def execution_score(
    weight: Decimal | None,
    budget: Decimal | None,
    actual: Decimal | None,
    profile: Profile | str | None = None,
    *,
    printed: Decimal | None = None,
    item: str = ITEM,
    location: Location | None = None,
) -> LineScore:
    """Score the execution row. ``weight`` None: the profile's funds weight is used.

    全年预算数 0: no rate; full marks only if nothing was spent [I]. A rate above 100 % is
    capped at the weight unless the profile says otherwise.
    """
    p = load_profile(profile)
    notes: list[str] = []
    if weight is None:
        weight = p.funds_weight
        notes.append(f"表中未填分值，按评分方案“{p.name}”的 {fmt(weight)} 分计算")

    def line(status: Status, rule: str, computed: Decimal | None = None, **kw: object) -> LineScore:
        return LineScore(
            item=item,
            kind=LineKind.EXECUTION,
            status=status,
            rule=rule,
            weight=weight,
            printed=printed,
            computed=computed,
            notes=tuple(notes),
            location=location,
            **kw,  # type: ignore[arg-type]
        )

    if weight < 0:
        reason = f"分值为负数（{fmt(weight)}），无法计算得分"
        return line(Status.NOT_COMPUTABLE, reason, reason=reason)
    if budget is None or actual is None:
        missing = "全年预算数" if budget is None else "全年执行数"
        reason = f"未填写{missing}，无法计算执行率"
        return line(Status.NOT_COMPUTABLE, reason, reason=reason)
    if budget < 0 or actual < 0:
        reason = f"预算数或执行数为负数（{fmt(budget)} / {fmt(actual)}），无法计算执行率"
        return line(Status.NOT_COMPUTABLE, reason, reason=reason)
    if budget == 0:
        if actual == 0:
            computed = round_score(weight, p.places)
            rule = f"全年预算数为0且未支出，不计执行率，得满分 {fmt(computed)}"
        else:
            computed = round_score(Decimal(0), p.places)
            rule = f"全年预算数为0却支出了 {fmt(actual)}，无法计算执行率，得0分"
        status, diff = compare(printed, computed, p)
        return line(status, rule, computed, difference=diff)

    rate = actual / budget
    raw = weight * rate
    percent = round_score(rate * 100, 2)
    rule = f"{fmt(weight)} × {fmt(actual)} ÷ {fmt(budget)} = {round_score(raw, p.places)}（执行率 {percent}%）"
    if raw > weight and p.execution_cap:
        raw = weight
        rule += f"；执行率超过100%，按分值 {fmt(weight)} 封顶"
    computed = round_score(raw, p.places)
    status, diff = compare(printed, computed, p)
    return line(status, rule, computed, difference=diff, ratio=percent)
