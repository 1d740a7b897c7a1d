"""A fund row's 执行率 printed as a fraction of one (``0.987`` for 98.7%), as spreadsheets
exported to web pages print a cell formatted as a percentage.

The model keeps a rate as the percentage it stands for. A rate printed without a per cent sign
is read as a fraction only when the row's own arithmetic says so: 执行数 ÷ 预算数 equals the
printed figure and not the figure divided by 100 (``98.7`` without its sign stays 98.7%). When
the budget is zero or missing nothing confirms either reading and the figure stays as printed.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.extract.values import RATE_TOLERANCE
from jixiao.model import Num

_MAX_FRACTION = Decimal("1.5")  # a rate above 150% is no fraction of one a form prints


def rate_from_fraction(rate: Num | None, budget: Num | None, spent: Num | None) -> Num | None:
    """The percentage a rate printed as a fraction stands for (value × 100, unit %), or None
    when the rate has its sign, is no fraction, or the arithmetic does not confirm it."""
    if rate is None or budget is None or spent is None:
        return None
    if "%" in rate.text or "％" in rate.text or not 0 < rate.value <= _MAX_FRACTION:
        return None
    if budget.value <= 0:
        return None
    quotient = spent.value / budget.value
    if abs(quotient * 100 - rate.value) < RATE_TOLERANCE:
        return None  # a percentage printed without its sign
    if abs(quotient - rate.value) * 100 < RATE_TOLERANCE:
        return Num(rate.value * 100, rate.text, "%", rate.location)
    return None
