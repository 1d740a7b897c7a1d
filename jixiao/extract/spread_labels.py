"""Labels spread over a cell's width, cut into one character per cell by spaced text.

Word's distributed alignment prints a short label across its cell (``合    计``, ``总    分``,
``得    分``); ``pdftotext -layout`` keeps the runs of spaces, so the spaced reader cuts the
label into single characters, each a cell of its own. Where a row's first cells are single
Chinese characters whose join is a label of the form (a total row's label, a column label, a
header field), they are one cell again.
"""

from __future__ import annotations

from collections.abc import Sequence

from jixiao.document import Cell
from jixiao.extract import vocab

_MAX_SPREAD = 6  # 项 目 名 称, 年 度 指 标 值: a label spread this way is short


def _single_han(text: str) -> bool:
    t = text.strip()
    return len(t) == 1 and "\u4e00" <= t <= "\u9fff"


def _a_label(key: str) -> bool:
    return bool(vocab.total_label(key) or vocab.field_of(key) or vocab.column_role(key))


def join_spread_label(row: Sequence[Cell], live: Sequence[int]) -> list[Cell] | None:
    """The row with each run of single-character cells that spells a label joined into one
    cell (the longest label first, left to right: 分 | 值 | 得 | 分 → 分值 | 得分); None when no
    run does."""
    if not any(_single_han(row[i].text) for i in live):
        return None
    joins: dict[int, tuple[str, list[int]]] = {}
    pos = 0
    while pos < len(live):
        run = 0
        while pos + run < len(live) and _single_han(row[live[pos + run]].text):
            run += 1
        if run < 2:
            pos += max(run, 1)
            continue
        for n in range(min(run, _MAX_SPREAD), 1, -1):
            key = "".join(row[live[pos + k]].text.strip() for k in range(n))
            if _a_label(key):
                joins[live[pos]] = (key, [live[pos + k] for k in range(1, n)])
                pos += n
                break
        else:
            pos += 1
    if not joins:
        return None
    dropped = {i for _, rest in joins.values() for i in rest}
    return [
        Cell(joins[i][0], c.location) if i in joins else c
        for i, c in enumerate(row)
        if i not in dropped
    ]


def spread_word(text: str) -> str | None:
    """``分    值`` on a line of its own (a column label of column-major text): the label, when
    its characters, one each between spaces, spell one; None otherwise."""
    parts = text.split()
    if not 2 <= len(parts) <= _MAX_SPREAD or not all(_single_han(p) for p in parts):
        return None
    joined = "".join(parts)
    return joined if _a_label(joined) else None
