"""一级 labels printed after all the rows of their table.

A PDF whose table has a merged 一级指标 column often gives its text in an order where the merged
column comes after the rows (``… 资金拨付及时性 98%以上 100% 10 … 产出指标 (60 分) … 效益指标
(40 分)``): read top-down, no row has a 一级. ``levels_after_rows`` gives each such label the
block of rows that follows the previous block, only where the rows' 分值 (or, in a table without
a 分值 column, their 得分) add up exactly to the label's points; it stops at the first block the
arithmetic does not confirm, and those rows keep no 一级.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from jixiao.document import Cell
from jixiao.extract.merged_levels import family_of
from jixiao.model import Indicator, Text

_POINTS = re.compile(r"[（(]\s*(\d{1,3}(?:\.\d{1,2})?)\s*分\s*[)）]")


def label_points(text: str) -> Decimal | None:
    """The points of a label with ``(60 分)``, or None."""
    m = _POINTS.search(text)
    return Decimal(m.group(1)) if m else None


def levels_after_rows(
    inds: list[Indicator], labels: list[tuple[Text, Decimal]]
) -> tuple[list[Indicator], int]:
    """The indicators with the trailing labels placed on the blocks their points confirm, and
    how many rows got one (0: nothing confirmed, the indicators unchanged)."""
    if not inds or not labels or inds[0].level1 is not None:
        return inds, 0
    by_weight = any(i.weight is not None for i in inds)
    out = list(inds)
    at = 0
    for label, points in labels:
        total, end = Decimal(0), at
        while end < len(out) and total < points:
            num = out[end].weight if by_weight else out[end].score
            if num is None:
                break
            total += num.value
            end += 1
        if total != points or end == at:
            break
        for k in range(at, end):
            out[k] = replace(out[k], level1=label, level2=_level2_under(out[k], label))
        at = end
    return (out, at) if at else (inds, 0)


def _level2_under(ind: Indicator, label: Text) -> Text | None:
    """The row's 二级: a category the row read as its 一级 (``成本指标`` is both a 一级 of one
    framework and a 二级 of 产出指标 in another; 满意度指标 under 满意度指标) is its 二级 when it
    belongs under the label."""
    old = ind.level1
    if ind.level2 is not None or old is None:
        return ind.level2
    family = family_of(old, 2)
    return old if family is not None and family == family_of(label, 1) else ind.level2


def trailing_label(cell: Cell, category: str) -> tuple[Text, Decimal] | None:
    """A 一级 label cell (its category text without the points) with its points, or None."""
    points = label_points(cell.text)
    if points is None or points <= 0:
        return None
    return Text(category, cell.location), points
