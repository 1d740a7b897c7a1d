"""Exact arithmetic on printed numbers: precision, tolerance, formatting.

Every comparison is done in ``Decimal`` on the values as printed. A total is accepted
against the sum of its parts when they differ by no more than one unit of the finest
printed precision (0.01 for money in two decimals) — or by half a unit of the total's own
precision when the total is printed more coarsely (199 for 198.98). Whole numbers are
compared exactly: one unit there is 1 万元, not a rounding of cents (合计 200 ≠ 180 + 21).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from jixiao.model import Num

HUNDRED = Decimal(100)


def places(d: Decimal) -> int:
    """Decimal places as printed: 198.8 → 1, 100 → 0, 106.87 → 2."""
    exponent = d.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def ulp(d: Decimal) -> Decimal:
    """One unit of the last printed place: 198.8 → 0.1."""
    n = places(d)
    unit = _ULPS.get(n)
    if unit is None:
        unit = _ULPS[n] = Decimal(1).scaleb(-n)
    return unit


_ULPS: dict[int, Decimal] = {}  # places → its unit (a Decimal is immutable: built once each)


def quantize(d: Decimal, n: int, rounding: str = ROUND_HALF_UP) -> Decimal:
    return d.quantize(Decimal(1).scaleb(-n), rounding=rounding)


def fmt(d: Decimal, n: int | None = None) -> str:
    """A Decimal as users write it: no exponent, trailing zeros of a sum kept to ``n`` places."""
    if n is not None:
        d = quantize(d, n)
    text = format(d, "f")
    if "." in text and n is None:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def pct(d: Decimal, n: int = 2) -> str:
    return f"{fmt(d, n)}%"


def sum_tolerance(total: Decimal, parts: Iterable[Decimal]) -> Decimal:
    """How far a printed total may be from the sum of its printed parts."""
    finest = min((ulp(p) for p in (total, *parts)), default=Decimal("0.01"))
    if finest >= 1:  # every figure a whole number: what was typed adds up or it does not
        return Decimal(0)
    return max(finest, ulp(total) / 2)


def sum_agrees(total: Decimal, parts: Iterable[Decimal]) -> bool:
    parts = tuple(parts)
    return abs(total - sum(parts, Decimal(0))) <= sum_tolerance(total, parts)


def rate_of(actual: Decimal, budget: Decimal) -> Decimal | None:
    """Execution rate in percent (exact), or None when the budget is zero."""
    if budget == 0:
        return None
    return actual / budget * HUNDRED


def rate_agrees(printed: Decimal, computed: Decimal) -> bool:
    """A printed percentage agrees with the computed one at its printed precision.

    Rounded or truncated to the printed places, or within 0.01 percentage points.
    """
    n = places(printed)
    if abs(printed - computed) <= Decimal("0.01"):
        return True
    return printed in (quantize(computed, n), quantize(computed, n, ROUND_DOWN))


def score_agrees(printed: Decimal, computed: Decimal, tolerance: Decimal = Decimal("0.01")) -> bool:
    """A printed score agrees with a computed one: within the tolerance, or within half a
    unit of a one-decimal print (1.9 for 1.946; an integer print gets no such leeway)."""
    leeway = min(ulp(printed) / 2, Decimal("0.05"))
    return abs(printed - computed) <= tolerance + leeway


def value(n: Num | None) -> Decimal | None:
    return n.value if n is not None else None


def is_zero_or_blank(n: Num | None) -> bool:
    return n is None or n.value == 0
