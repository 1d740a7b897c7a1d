"""A web table printed one cell per line, each cell after the first led by its bar.

A page whose table cells each start a line of the page's source prints a row as::

    产出指标
            | 数量指标
            | 培训农技人员人次
            | ≥300人次
            | 326人次
            | |

the row's first cell at the start of a line, every other cell on an indented line of its own
that begins with ``|`` (the bars that close the row left on the last one), and a cell wrapped
inside its cell goes on on an indented line without a bar (``| 社会效益`` / ``指标``). Read a
line at a time, every cell is a row.

:func:`join_bar_cells` puts each row back on one line (``项目决策 | 数量指标 | … |``, the other
lines blanked so line numbers stay) — only where the text has that shape: at least five
indented lines holding a bar and one cell at most.
"""

from __future__ import annotations

import re

_BAR_CELL = re.compile(r"^\s{2,}\|\s?([^|]*?)\s*(\|[\s|]*)?$")
_INDENTED = re.compile(r"^\s{4,}\S")
_MIN_LINES = 5


def join_bar_cells(lines: list[str]) -> list[str] | None:
    """The rows on one line each, or None when the text is not printed that way."""
    if sum(1 for ln in lines if _BAR_CELL.match(ln)) < _MIN_LINES:
        return None
    out = list(lines)
    row_at: int | None = None  # the line holding the row being joined
    closed = True  # the row's closing bars came: no cell goes on
    for i, ln in enumerate(lines):
        m = _BAR_CELL.match(ln)
        if m and row_at is not None and not closed:
            cell = m.group(1)
            out[row_at] = out[row_at].rstrip() + " | " + cell if cell else out[row_at].rstrip()
            if m.group(2) or not cell:
                out[row_at] += " |"
                closed = bool(m.group(2))
            out[i] = ""
        elif (
            row_at is not None
            and not closed
            and "|" not in ln
            and _INDENTED.match(ln)
            and out[row_at].strip()
        ):
            out[row_at] = out[row_at].rstrip() + ln.strip()  # the rest of a wrapped cell
            out[i] = ""
        elif ln.strip() and "|" not in ln:
            row_at, closed = i, False
        else:
            row_at, closed = None, True
    return out
