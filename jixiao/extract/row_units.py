"""Indicator rows of a stream of cells put back in order by units, where words are values too.

:mod:`jixiao.extract.stream_order` reorders a stream whose rows of values are all figures. A
table judged in words (项目决策 / 项目管理: ``目标明确、细化、量化  5  4``) has value cells that look
like names, so the rows cannot be cut by counting figures. Here the body is read as units:

- labels: category cells (一级, 二级) and one name;
- values: up to the header's text columns (年度指标值, 实际完成值) in words or figures, then the
  分值 and 得分 figures (得分 ≤ 分值), and a reason sentence only after a row that lost points;

and the units as rows the ways PDF text gives them: labels then values, values then labels, or
two rows as labels, labels, values, values. When exactly one reading of the whole body exists
and it is not already labels-then-values, the rows are put back as labels then values; anything
else (no reading, or two readings) stays as printed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.document import Cell
from jixiao.extract import vocab
from jixiao.extract.values import looks_like_value
from jixiao.textnorm import halfwidth, label_key

_POINTS = re.compile(r"^\d+(?:\.\d+)?$")
_LABEL_POINTS = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]$")
_REASON_WORDS = re.compile(r"[，。；]")
_MAX_CELLS = 400  # a longer body is left as printed (the parse is quadratic in the worst case)


def _kinds(cells: list[Cell]) -> list[str]:
    """C category, c category or name, X category with points (产出指标（40分）), P points
    figure, F other value, W words, per cell."""
    out = []
    for c in cells:
        key = label_key(c.text)
        t = halfwidth(c.text).strip()
        if _POINTS.match(t):
            out.append("P")
        elif _LABEL_POINTS.search(t):
            out.append("X")
        elif looks_like_value(c.text):
            out.append("F")
        elif vocab.is_level1(key) or vocab.is_level2(key):
            # a category word without 指标 (服务对象满意度, 项目立项) may also be a row's name
            out.append("C" if key.endswith("指标") else "c")
        else:
            out.append("W")
    return out


def in_order(cells: list[Cell], start: int, end: int, texts: int) -> list[Cell]:
    """The cells with the body ``cells[start:end]`` as labels then values (see the module
    docstring); ``texts``: how many value columns come before 分值 and 得分."""
    kinds = _kinds(cells[start:end])
    # 一级 labels with their points printed after the rows (产出指标（40分）): not the rows' units
    while kinds and kinds[-1] == "X":
        kinds.pop()
        end -= 1
    kinds = ["C" if k == "X" else k for k in kinds]  # 产出指标（50分） over its rows
    body = cells[start:end]
    if len(body) < 4 or len(body) > _MAX_CELLS:
        return cells
    n = len(body)

    def labels(i: int, cut: bool = False) -> list[int]:
        """Ends of a labels unit starting at i: up to three categories, then one name (a
        category word is the name only when no word follows it: 服务对象满意度 before figures);
        ``cut``: the name may also be two cells (cut by a page mark)."""
        out = []
        for j in range(i, min(i + 4, n)):
            if kinds[j] == "W" or (kinds[j] == "c" and (j + 1 == n or kinds[j + 1] != "W")):
                out.append(j + 1)
                if cut and kinds[j] == "W" and j + 1 < n and kinds[j + 1] == "W":
                    out.append(j + 2)
            if kinds[j] not in ("C", "c"):
                break
        return out

    def values(i: int) -> list[int]:
        """Ends of a values unit starting at i."""
        out = []
        for k in range(texts + 1):
            j = i + k
            if j + 2 > n or any(kinds[q] in ("C", "c") for q in range(i, j)):
                break
            if kinds[j] == "P" and kinds[j + 1] == "P":
                w, s = Decimal(halfwidth(body[j].text)), Decimal(halfwidth(body[j + 1].text))
                if s > w:
                    continue
                out.append(j + 2)
                reason = (
                    j + 2 < n and kinds[j + 2] == "W" and _REASON_WORDS.search(body[j + 2].text)
                )
                if s < w and reason:
                    out.append(j + 3)
        return out

    # a body that reads in its printed order (labels, values …; a name may be cut in two, the
    # body may end with labels whose values went with the rest of the table) is left as
    # printed: the other readings would only come from what could not be read so
    printed = [False] * (n + 1)
    printed[n] = True
    for i in range(n - 1, -1, -1):
        ends = labels(i, cut=True)
        printed[i] = n in ends or any(printed[b] for a in ends for b in values(a))
    if printed[0]:
        return cells
    # ways[i]: readings of body[i:] (capped at 2); how[i]: the first group of the one reading
    ways = [0] * (n + 1)
    how: list[tuple[str, tuple[int, ...]] | None] = [None] * (n + 1)
    ways[n] = 1
    for i in range(n - 1, -1, -1):
        total = 0
        for a in labels(i):
            for b in values(a):  # labels, values
                if ways[b]:
                    total += ways[b]
                    how[i] = ("LV", (a, b))
            for b in labels(a):  # labels, labels, values, values
                for c in values(b):
                    for d in values(c):
                        if ways[d]:
                            total += ways[d]
                            how[i] = ("LLVV", (a, b, c, d))
        for a in values(i):  # values, labels
            for b in labels(a):
                if ways[b]:
                    total += ways[b]
                    how[i] = ("VL", (a, b))
        ways[i] = min(total, 2)
    if ways[0] != 1:
        return cells
    ordered: list[Cell] = []
    i = 0
    moved = False
    while i < n:
        group = how[i]
        assert group is not None
        shape, cuts = group
        if shape == "LV":
            ordered += body[i : cuts[1]]
        elif shape == "VL":
            a, b = cuts
            ordered += body[a:b] + body[i:a]
            moved = True
        else:
            a, b, c, d = cuts
            ordered += body[i:a] + body[b:c] + body[a:b] + body[c:d]
            moved = True
        i = cuts[-1]
    return [*cells[:start], *ordered, *cells[end:]] if moved else cells
