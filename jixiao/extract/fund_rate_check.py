"""Whether a fund row's printed rate is its spent ÷ budget (the check that confirms a cut)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from jixiao.extract.values import RATE_TOLERANCE
from jixiao.extract.vocab import Role


def rate_confirmed(values: tuple[str, ...], roles: tuple[Role, ...]) -> bool:
    """True when the row prints a budget, a spent figure and a rate and 执行率 = 执行数 ÷ 预算数
    (within the rounding tolerance); a row without all three confirms nothing (False)."""
    got = dict(zip(roles, values, strict=False))
    try:
        budget = Decimal(got.get(Role.BUDGET, ""))
        spent = Decimal(got.get(Role.SPENT, ""))
        rate = Decimal(got.get(Role.RATE, "").rstrip("%"))
    except InvalidOperation:
        return False
    if budget == 0:
        return spent == 0 and rate == 0
    return abs(spent / budget * 100 - rate) < RATE_TOLERANCE
