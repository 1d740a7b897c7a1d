"""Cells wrapped over lines in text printed one cell per line (``pdftotext`` without
``-layout``, a PDF viewer's copy).

A table cell too long for its column is printed on several lines. Where the cells are parted by
blank lines (the ``vertical`` layout), the lines of one wrapped cell come one right after the
other::

    三级指标

    开展业务督
    导活动次数

    不少于18次

:func:`join_blank_parted` joins such a run into one cell, on its first line (the line count is
kept: the other lines are blanked) — only when the run has the shape of one wrapped cell: every
line but the last as wide as the cell (within two display columns), the last no wider, no line
after the first a figure or a form word that starts a cell of its own. A run of another shape
(two cells the page printed without a blank line between them) stays as it is.
"""

from __future__ import annotations

import re

from jixiao.extract import vocab
from jixiao.extract.wrapped_cells import line_width, wraps
from jixiao.measure import before_pattern
from jixiao.textnorm import halfwidth, label_key

_MOST_LINES = 40  # lines of one wrapped cell, at most (a 完成情况 paragraph)
# a line that is a figure (with an operator or unit) or an empty cell's mark starts a cell
# an operator before a figure: any of jixiao.measure's table, as printed (≧, 不低於 too)
_OP = before_pattern(printed=True)
_FIGURE = re.compile(rf"^(?:{_OP})?\s*[-+]?\d[\d.,]*\s*[^\s，；。、：,;:]{{0,3}}$|^[-－—/／]$")


def join_blank_parted(lines: list[str]) -> list[str]:
    """``lines`` with each run of consecutive nonblank lines that is one wrapped cell joined
    onto its first line (see the module's docstring)."""
    out = list(lines)
    i = 0
    n = len(lines)
    while i < n:
        if not lines[i].strip():
            i += 1
            continue
        j = i + 1
        while j < n and lines[j].strip():
            j += 1
        if 1 < j - i <= _MOST_LINES and _one_cell([ln.strip() for ln in lines[i:j]]):
            out[i] = "".join(ln.strip() for ln in lines[i:j])
            for k in range(i + 1, j):
                out[k] = ""
        i = j
    return out


def cells_with_wraps(lines: list[str]) -> list[str] | None:
    """Text taken for prose that is one cell per line once its wrapped cells are joined: the
    lines joined (:func:`join_blank_parted`) when three or more runs were one wrapped cell each;
    None otherwise. (Many wrapped cells leave too few lines followed by a blank one for the text
    to look parted by blank lines.)"""
    out = join_blank_parted(lines)
    joined = sum(1 for a, b in zip(lines, out, strict=True) if a != b and b)
    return out if joined >= 3 else None


def _one_cell(run: list[str]) -> bool:
    if not wraps([line_width(t) for t in run]):
        return False
    if line_width(run[0]) < 6:
        return False  # a line of two or three characters is no full line of a wrapped cell
    whole = vocab.column_role(label_key("".join(run))) is not None  # a header word wrapped
    for t in run[1:]:
        key = label_key(t)
        if _FIGURE.match(halfwidth(t)):
            return False
        if (vocab.field_of(key) or vocab.column_role(key)) and not whole:
            return False
        if key.endswith("指标") and (vocab.is_level1(key) or vocab.is_level2(key)):
            return False
    return True
