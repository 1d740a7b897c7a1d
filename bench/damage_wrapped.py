"""The ``wrapped`` damage (see ``damage.py``): long text cells wrapped inside their cells, the
way a Word table published as PDF prints them.

Each column gets a width drawn per form (5–7 CJK characters: a printed column is narrow; never
narrower than the column's widest figure, which does not wrap); every
cell of the tables but a figure (a fund label, a header word, an indicator's name, a worded
指标值 or 完成值, a 偏差原因 sentence) wider than its column is cut into lines of that width. The form's
``rows`` keep a wrapped cell's lines joined by ``\\n`` (a print of one cell per line — ``vertical``,
``column-major`` — prints them as consecutive lines); ``placed`` (a print placing text where it
stands, ``pdftotext -layout``: ``spaced-cols``) holds each row as the lines it takes on the page,
its cells vertically centred in the row — the single-line cells on the middle line, a wrapped
cell's lines above and below it — or, now and then, top- or bottom-aligned. The truth keeps the
joined text (the reader has to put the lines back together).
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

from damage import ACROSS, GLUED, Form, Plan, Rows
from grid_text import width, wrap

# a figure with its operator and unit (≥95%, 不少于216人, 3.36万元): a column is never
# narrower than its figures, so they do not wrap
_FIGURE = re.compile(
    r"^(?:[≥≤<>=＞＜]|不?(?:[少低高大小多]于|超过)|达到)?\s*[-+]?\d[\d.,]*\s*\S{0,3}$"
)
# where each row is aligned in its cells: mostly centred, as Word's tables are published
_ALIGN = (("centre", 0.6), ("top", 0.25), ("bottom", 0.15))


def _wrappable(cell: str, header: bool) -> bool:
    """Any cell but a figure (a header word, a name, a worded target, a sentence)."""
    return bool(cell) and cell not in (ACROSS, GLUED) and (header or not _FIGURE.match(cell))


def d_wrapped(f: Form, p: Plan, rng: random.Random) -> Form | None:
    first = (
        min(k for k in (p.fund_header, p.ind_header) if k is not None)
        if (p.fund_header is not None or p.ind_header is not None)
        else None
    )
    if first is None:
        return None
    end = p.total if p.total is not None else len(f.rows)
    ncols = max(len(r) for r in f.rows)
    cols = [rng.randint(5, 7) * 2 for _ in range(ncols)]  # display columns
    # a column is never narrower than its widest figure (a figure does not wrap)
    for k in range(first, end):
        for j, c in enumerate(f.rows[k]):
            if c not in (ACROSS, GLUED) and _FIGURE.match(c) and j < ncols:
                cols[j] = max(cols[j], width(c))
    headers = {p.fund_header, p.ind_header}
    rows: Rows = []
    placed: Rows = []
    wrapped = False
    for k, row in enumerate(f.rows):
        if not first <= k < end:
            rows.append(row)
            placed.append(row)
            continue
        pieces: list[list[str]] = []
        for j, c in enumerate(row):
            # a cell merged across the next columns is as wide as they are: it is left whole
            merged = j + 1 < len(row) and row[j + 1] == ACROSS
            if not merged and _wrappable(c, k in headers) and width(c) > cols[j]:
                pieces.append(wrap(c, cols[j]))
            else:
                pieces.append([c])
        height = max(len(x) for x in pieces)
        if height == 1:
            rows.append(row)
            placed.append(row)
            continue
        wrapped = True
        rows.append(["\n".join(x) for x in pieces])
        placed += _lines(row, pieces, height, rng)
    return replace(f, rows=rows, placed=placed) if wrapped else None


def _lines(row: list[str], pieces: list[list[str]], height: int, rng: random.Random) -> Rows:
    """The row as the lines a positional print shows: each cell's lines where its alignment
    puts them in a row ``height`` lines tall."""
    r, align = rng.random(), "centre"
    for name, share in _ALIGN:
        if r < share:
            align = name
            break
        r -= share
    up = rng.random() < 0.5  # a centred cell half a line off the middle goes up or down
    out: Rows = []
    for i in range(height):
        line = []
        for c, x in zip(row, pieces, strict=True):
            if c in (ACROSS, GLUED):
                line.append(c)
                continue
            spare = height - len(x)
            start = {"top": 0, "bottom": spare}.get(align, spare // 2 if up else (spare + 1) // 2)
            at = i - start
            line.append(x[at] if 0 <= at < len(x) else "")
        out.append(line)
    return out
