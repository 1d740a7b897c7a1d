"""An indicator header printed over two rows that a page folded onto one line.

The header of many forms takes two rows: the upper one holds ``年度指标值`` spanning three
columns, then ``实际完成值 | 分值 | 得分 | 偏差原因…``; the lower one names the three columns
under the span (``指标性质 | 指标值 | 度量单位``), the label columns merged down beside them.
A page that prints both rows on one line puts the upper row's cells first::

    绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 |
    二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位

while every row under it starts with its labels, then the three cells of the span, then the
rest: ``产出指标 | 数量指标 | 名称 | ≥ | 735 | 人次 | 735 | 10 | 10``. Read in the printed
order, the values land under the wrong columns.

:func:`unfold` recognises the fold — value columns before the label columns, one of them (the
span) named again after them — and gives the columns in the rows' order: the labels, the
columns under the span, then the rest of the upper row. The span itself is dropped (its
columns are named below it).
"""

from __future__ import annotations

from jixiao.extract.vocab import Role

_LABELS = (Role.LEVEL1, Role.LEVEL2, Role.NAME)


def unfold(found: list[tuple[int, Role]]) -> list[tuple[int, Role]] | None:
    """The header's (cell, role) pairs in the rows' order, or None when it is not folded."""
    start = next((k for k, (_, r) in enumerate(found) if r in _LABELS), None)
    if not start:
        return None  # no label column, or the labels come first: printed as it reads
    end = start
    while end < len(found) and found[end][1] in _LABELS:
        end += 1
    upper, labels, lower = found[:start], found[start:end], found[end:]
    if not lower or any(r in _LABELS for _, r in lower):
        return None
    below = {r for _, r in lower}
    spans = [(i, r) for i, r in upper if r in below]
    if len(spans) != 1:
        return None  # no span named again below it: nothing says the line holds two rows
    rest = [(i, r) for i, r in upper if r not in below]
    if not rest:
        return None
    return labels + lower + rest
