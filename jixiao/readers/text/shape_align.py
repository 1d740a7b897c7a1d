"""A column printed short (blank cells left out) laid against a full column by the cells' shape.

In a column-major indicator table (see :mod:`jixiao.readers.text.columns`) a blank 年度指标值 —
a qualitative indicator with no target — prints no line, so the target column is shorter than
the names. Its cells still keep their order, and each target has the shape of its row's actual
value: ``≥26万人次`` / ``27万人次``, ``不低于89%`` / ``96%``, ``2022年12月底前完成`` /
``2022年10月完成``, ``完整`` / ``目标明确``. :func:`align` places each short cell at the one row
where every order-keeping placement of the column agrees in shape puts it; a cell with two or
more possible rows is left out (the caller notes it) — never a guess.
"""

from __future__ import annotations

import re

from jixiao.measure import after_pattern, before_pattern
from jixiao.textnorm import halfwidth

# an operator before the figure (jixiao.measure's table, as printed), or 约
_OPERATOR = re.compile(rf"^(?:{before_pattern(printed=True)}|约)+\s*")
# a bound after the figure (以上, 及以上, 以内 …), or 左右
_AFTER = re.compile(rf"(?:{after_pattern()}|左右)$")
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")
_DATE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月")


def shape(cell: str) -> str:
    """``date``, ``word`` (no figure), or the unit a figure carries (``%``, ``万人次``, ``''``)."""
    s = halfwidth(cell).strip()
    if _DATE.search(s):
        return "date"
    s = _OPERATOR.sub("", s)
    m = _NUMBER.search(s)
    if m is None:
        return "word"
    unit = _AFTER.sub("", s[m.end() :].strip())
    return f"={unit}"


def align(short: list[str], full: list[str]) -> list[int | None]:
    """For each cell of ``short``, its row in ``full`` — the only one any order-keeping placement
    with matching shapes gives it — as that row's index; None where there is not exactly one."""
    n, k = len(full), len(short)
    if k > n:
        return [None] * k
    want = [shape(c) for c in short]
    have = [shape(c) for c in full]
    fits = [[want[j] == have[r] for r in range(n)] for j in range(k)]
    # earliest[j]: the first row target j can take with 0..j-1 placed before it (greedy left)
    earliest: list[int] = []
    r = 0
    for j in range(k):
        while r < n and not fits[j][r]:
            r += 1
        earliest.append(r)
        r += 1
    latest: list[int] = [n] * k
    r = n - 1
    for j in range(k - 1, -1, -1):
        while r >= 0 and not fits[j][r]:
            r -= 1
        latest[j] = r
        r -= 1
    if k and (earliest[-1] >= n or latest[0] < 0):
        return [None] * k  # no placement agrees in shape
    out: list[int | None] = []
    for j in range(k):
        lo = earliest[j - 1] if j else -1
        hi = latest[j + 1] if j + 1 < k else n
        rows = [r for r in range(lo + 1, hi) if fits[j][r]]
        out.append(rows[0] if len(rows) == 1 else None)
    return out
