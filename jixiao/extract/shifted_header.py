"""An indicator header that starts one column later than its rows.

A form's indicator table often has a tall merged cell on its left — ``绩效指标`` or
``年度绩效目标 (80分)`` — spanning the header row and every indicator row. Printed as pipe
text, that cell appears only on the header row (``年度绩效目标 (80分) | 一级指标 | 二级指标 |
三级指标 | …``); the rows under it start at the first column (``产出指标 | 数量指标 | 名称 |
…``). Every row has the same width (the pipe padding), so the rows look aligned with the
header while each of their cells sits one column left of its label.

:func:`left_of_header` recognises such a row: the cell just left of the header's 一级 column
holds a 一级 word and the cell in that column does not. The builder then reads the table by
content (categories, then the name, then the values by shape) instead of by column position.
"""

from __future__ import annotations

from collections.abc import Sequence

from jixiao.extract import vocab
from jixiao.textnorm import strip_points


def left_of_header(keys: Sequence[str], level1_at: int | None) -> bool:
    """The row's 一级 word sits one column left of the header's 一级 column, with nothing
    before it."""
    if level1_at is None or level1_at < 1 or level1_at >= len(keys):
        return False
    if any(keys[i] for i in range(level1_at - 1)):
        return False
    before, under = strip_points(keys[level1_at - 1]), strip_points(keys[level1_at])
    return vocab.is_level1(before) and not vocab.is_level1(under)
