"""A table row broken inside by a line break in a web page: its last figures on a line of
their own.

::

    基本支出 | 402.70 | 398.18 |
    10 | 10 | |||||
    项目支出 | 237.50 | 217.30 | 10 | 10 | |||||

The second line has no label, only figures (and blank cells); the row above, a fund row (its
label a fund line's: 基本支出, 财政拨款 …), is short of the table's width by at least as many
cells. It is the rest of that row, not a row of its own, when the line after it is a labelled
row with its own figures (so the figures cannot be a row printed before its label). Indicator
rows are left alone: their values printed on a line apart are read by the rows' shapes.
"""

from __future__ import annotations

import re

from jixiao.document import Cell
from jixiao.extract.vocab import fund_line
from jixiao.textnorm import label_key

__all__ = ["join_figure_tails"]

_FIGURE = re.compile(r"^[-+]?\d[\d,]*(?:\.\d+)?%?$|^[-－—/／]$")


def _figures_only(row: tuple[Cell, ...]) -> bool:
    filled = [c.text.strip() for c in row if c.text.strip()]
    return bool(filled) and all(_FIGURE.match(t) for t in filled)


def _fund_row(row: tuple[Cell, ...]) -> bool:
    return _labelled(row) and fund_line(label_key(row[0].text)) is not None


def _labelled(row: tuple[Cell, ...]) -> bool:
    filled = [c.text.strip() for c in row if c.text.strip()]
    return (
        len(filled) >= 2
        and not _FIGURE.match(filled[0])
        and any(_FIGURE.match(t) and t not in "-－—/／" for t in filled[1:])
    )


def _filled(row: tuple[Cell, ...]) -> int:
    return sum(1 for c in row if c.text.strip())


def join_figure_tails(rows: list[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    """The rows with each figures-only line joined onto the short labelled row above it."""
    if len(rows) < 3:
        return rows
    width = max(len(r) for r in rows)
    out: list[tuple[Cell, ...]] = []
    k = 0
    while k < len(rows):
        row = rows[k]
        if (
            out
            and k + 1 < len(rows)
            and _figures_only(row)
            and _fund_row(out[-1])
            and _labelled(rows[k + 1])
            and _filled(out[-1]) + _filled(row) <= width
        ):
            joined = list(out[-1] + row)
            while len(joined) > width and not joined[-1].text.strip():
                joined.pop()  # the blank cells the page printed after the rest
            out[-1] = tuple(joined)
        else:
            out.append(row)
        k += 1
    return out
