"""Indicators broken down into numbered parts: ``一、示范区建立`` then ``1、…`` ``2、…``.

Some forms list an indicator numbered with a Chinese numeral and, on the rows under it, its
parts numbered with Arabic ones, each part with its own target, value and points::

    产出指标 | 数量指标 | 一、清淤河段 | ≥30公里 | 30公里 | 20.0
    1、主干河道 | ≥20公里 | 20公里 | 12.0
    2、支流河道 | ≥10公里 | 10公里 | 8.0
    二、护岸修复 | ≥6处 | 6处 | 10.0

The parts are read as indicators of their own, but they break the one above down (as 其中
rows do): counted again, the points would add up to more than the form's total. They are
marked as sub-items only when the form's arithmetic says so — the parts' points (得分, or
分值) add up to the parent's; otherwise they stay indicators of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from jixiao.model import Indicator, Location
from jixiao.textnorm import clean

_OUTER = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")
_INNER = re.compile(r"^\s*(?:\d{1,2}\s*[、.．](?!\d)|[(（]\s*\d{1,2}\s*[)）])")


def numbering(printed: str) -> str | None:
    """``outer`` for a name numbered 一、, ``inner`` for 1、 / 1. / (1), else None."""
    text = clean(printed)
    if _OUTER.match(text):
        return "outer"
    if _INNER.match(text):
        return "inner"
    return None


def _adds_up(parent: Indicator, parts: Sequence[Indicator]) -> bool:
    for attr in ("score", "weight"):
        top = getattr(parent, attr)
        values = [getattr(p, attr) for p in parts]
        if top is None or any(v is None for v in values):
            continue
        if sum((v.value for v in values), Decimal(0)) == top.value:
            return True
    return False


def mark_numbered_parts(
    indicators: Sequence[Indicator], kinds: dict[Location, str]
) -> tuple[list[Indicator], int]:
    """The indicators with the confirmed numbered parts marked as sub-items, and how many
    were marked. ``kinds`` holds the numbering of each indicator's printed name by location."""
    out = list(indicators)

    def kind(k: int) -> str | None:
        where = out[k].location
        return kinds.get(where) if where is not None else None

    marked = 0
    i = 0
    while i < len(out):
        if kind(i) != "outer":
            i += 1
            continue
        j = i + 1
        while j < len(out) and kind(j) == "inner":
            j += 1
        parts = out[i + 1 : j]
        if len(parts) >= 2 and not any(p.sub_item for p in parts) and _adds_up(out[i], parts):
            for k in range(i + 1, j):
                out[k] = replace(out[k], sub_item=True)
            marked += len(parts)
        i = j
    return out, marked
