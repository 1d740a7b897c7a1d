"""Staff checks (JX-S…)."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.checks.base import Context, check, first_location
from jixiao.checks.consistency import current_figures
from jixiao.checks.numbers import HUNDRED, fmt, pct
from jixiao.model import Evaluation, FigureKey, Finding, Num, Severity


def _staff(evaluation: Evaluation, context: Context) -> tuple[Num | None, Num | None]:
    authorized, actual = evaluation.staff_authorized, evaluation.staff_actual
    if authorized is None or actual is None:
        for f in current_figures(evaluation, context):
            if f.key == FigureKey.STAFF_AUTHORIZED and authorized is None:
                authorized = Num(f.value.value, f.value.text, f.value.unit, f.location)
            elif f.key == FigureKey.STAFF_ACTUAL and actual is None:
                actual = Num(f.value.value, f.value.text, f.value.unit, f.location)
    return authorized, actual


@check(
    "JX-S001",
    Severity.WARNING,
    "实有人数超过编制",
    "在职人员控制率 = 实有人数 ÷ 编制人数 ≤ 100%（部门整体支出绩效评价指标）",
)
def staff_above_posts(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """The staff in post (实有人数) may not exceed the authorized posts (人员编制): the
    in-service control rate (在职人员控制率) must be at most 100 %.

    Example: 人员编制 3, 实有人数 4 — 控制率 133 %.
    """
    authorized, actual = _staff(evaluation, context)
    if authorized is None or actual is None or authorized.value <= 0:
        return
    if actual.value > authorized.value:
        rate = actual.value / authorized.value * HUNDRED
        yield staff_above_posts.finding(
            f"实有人数 {actual.text or fmt(actual.value)} 超过人员编制 {authorized.text or fmt(authorized.value)}，在职人员控制率 {pct(rate, 0)}",
            first_location(actual.location, authorized.location),
            f"≤{authorized.text or fmt(authorized.value)}",
            actual.text or fmt(actual.value),
        )
