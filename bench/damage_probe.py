"""Damages found by probing with invented forms (``bench/probes.py``, part pb), see ``damage.py``:

- ``spread-labels``: short labels spread over their cells, as Word's distributed alignment prints
  them (``总    分``, ``分   值``, ``得   分``, ``执 行 率``): the total row's label and the short
  column labels of both headers. Text keeps the spaces, so spaced text cuts the label into one
  character per cell;
- ``blank-marks``: the blank value cells of the fund and indicator rows printed with one mark
  each form chooses (``/``, ``——``, ``无``, ``-``, ``nan``). The truth keeps them blank.
"""

from __future__ import annotations

import random
from dataclasses import replace

from damage import ACROSS, GLUED, Form, Plan

from jixiao.textnorm import fold

_SHORT_LABELS = ("分值", "得分", "总分", "合计", "执行率", "权重")
_MARKS = ("/", "——", "无", "-", "nan")


def _spread(text: str, gap: str) -> str:
    return gap.join(text)


def d_spread_labels(f: Form, p: Plan, rng: random.Random) -> Form | None:
    gap = rng.choice(("  ", "   ", "    ", " "))
    rows = [list(r) for r in f.rows]
    changed = False
    for k in (p.fund_header, p.ind_header, p.total):
        if k is None:
            continue
        for j, c in enumerate(rows[k]):
            if c not in (ACROSS, GLUED) and fold(c).strip() in _SHORT_LABELS:
                rows[k][j] = _spread(c.strip(), gap)
                changed = True
    if not changed:
        return None
    return replace(f, rows=rows, placed=None)


def d_blank_marks(f: Form, p: Plan, rng: random.Random) -> Form | None:
    mark = rng.choice(_MARKS)
    rows = [list(r) for r in f.rows]
    changed = False
    for k in [*p.funds, *p.indicators]:
        row = rows[k]
        start = len(row) - p.fund_values if k in p.funds else 4
        for j in range(start, len(row)):
            if row[j] == "":
                row[j] = mark
                changed = True
    if not changed:
        return None
    return replace(f, rows=rows, placed=None)
