"""An excerpt that starts inside a header row: the row's first cells were cut away, so the
column names that are left belong to the LAST columns of the rows below.

``| 执行数 | 执行率 | 权重 | 自评得分 |`` over rows of seven cells, or ``际得分\\t备注`` over rows of
ten: read from the left, the names would fall on the wrong columns (执行数 on the budget). When
the document's first line is such a row — two column names at least, fewer cells than the rows
with figures under it, which agree on their width — it is padded at its start with empty cells
(a tab or a bar each) so that its names stand over the last columns. Only tab- and bar-parted
lines are padded; line numbers do not change.
"""

from __future__ import annotations

import re
from collections import Counter

from jixiao.extract.vocab import column_role
from jixiao.textnorm import label_key

_FIGURE = re.compile(r"\d")
_ROWS = 5  # rows with figures looked at under the header


def _cells(line: str, sep: str) -> list[str]:
    cells = line.split(sep)
    if sep == "|":
        if cells and not cells[0].strip():
            cells = cells[1:]
        if cells and not cells[-1].strip():
            cells = cells[:-1]
    return cells


def pad_cut_header(lines: list[str], sep: str) -> list[str]:
    """The lines with a cut header row at the start padded (see the module); the same list
    when there is none."""
    first = next((k for k, ln in enumerate(lines) if ln.strip()), None)
    if first is None or sep not in lines[first]:
        return lines
    head = _cells(lines[first].strip() if sep == "|" else lines[first], sep)
    names = sum(1 for c in head if c.strip() and column_role(label_key(c)) is not None)
    if names < 2 or any(_FIGURE.search(c) for c in head):
        return lines
    widths: list[int] = []
    for ln in lines[first + 1 :]:
        if len(widths) >= _ROWS:
            break
        if sep in ln and _FIGURE.search(ln):
            widths.append(len(_cells(ln.strip() if sep == "|" else ln, sep)))
    if len(widths) < 2:
        return lines
    width, count = Counter(widths).most_common(1)[0]
    if count < 2 or width <= len(head):
        return lines
    pad = width - len(head)
    out = list(lines)
    if sep == "|":
        out[first] = "|" + "  |" * pad + lines[first].lstrip().lstrip("|")
        if not lines[first].lstrip().startswith("|"):
            out[first] = "|" + "  |" * pad + " " + lines[first].lstrip()
    else:
        out[first] = "\t" * pad + lines[first]
    return out
