"""A table row that ``pdftotext -layout`` printed on two lines: its values above its labels.

A PDF places each cell's text on its own baseline. Where a row's value cells sit higher than its
label cells (the labels centred in a taller cell, the figures at the top), text extraction that
keeps the page's layout prints the values first — each under its column — and the labels on the
line below, each under its own column::

    一级指标  二级指标  三级指标      年度指标值  实际完成值  分值  得分
                                      ≥95%        97%         10    10
    产出指标  质量指标  验收合格率

Every cell is still in its column (the header's, or one the rows under it start cells in): nothing is lost, only the order of the two lines. :func:`rejoin`
lays such a pair over each other again — the labels' part of the line (left of the first value
column) and the values' part — keeping the line count (the second line left blank), so the
spaced reader sees an ordinary row. A pair is taken only under a header whose columns both lines
line up with, when the values line holds figures and nothing left of its first cell, and the
labels line holds no figure and nothing right of that point; the wrapped lines of either block
(a long name, a 偏差原因 sentence) come along.
"""

from __future__ import annotations

import re
import unicodedata

from jixiao.extract.vocab import column_role, is_level1, is_level2, section_of
from jixiao.measure import before_pattern
from jixiao.readers.text.spans import line_spans as _spans
from jixiao.textnorm import halfwidth, label_key

_NAME = re.compile(r"^(?:三级指标|指标名称|绩效指标名称)$")
# an operator before a figure: any of jixiao.measure's table, as printed (≧, 不低於 too)
_OP = before_pattern(printed=True)
_FIGURE = re.compile(rf"^(?:{_OP})?\s*[-+]?\d|^[-－—/／]$")


def _is_figure(text: str) -> bool:
    return _FIGURE.match(halfwidth(text)) is not None


def _aligned(spans: list[tuple[int, int, str]], header: list[int]) -> bool:
    return all(any(abs(s - h) <= 2 for h in header) for s, _, _ in spans)


def _cut(line: str, at: int) -> tuple[str, str]:
    """The line's text left of display column ``at`` and from it on."""
    col = 0
    for k, ch in enumerate(line):
        if col >= at:
            return line[:k], line[k:]
        col += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return line, ""


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def rejoin(lines: list[str]) -> list[str] | None:
    """The lines with each values-above-labels pair laid over each other again; None if there
    is none."""
    if "  " not in "".join(lines[:400]):
        return None
    spans = [_spans(ln.expandtabs(4).rstrip()) for ln in lines]
    out = list(lines)
    header: list[int] | None = None
    name_at: int | None = None  # where the header's indicator-name column starts
    changed = False
    i = 0
    while i < len(lines):
        row = spans[i]
        if len(row) >= 4 and not any(_is_figure(t) for _, _, t in row):
            header = [s for s, _, _ in row]
            name_at = next((s for s, _, t in row if _NAME.match(t)), None)
            i += 1
            continue
        cut = _values_line(row, header, name_at)
        if cut is None:
            if header is not None:  # the table's columns: the header's and the rows' below it
                header += [s for s, _, _ in row if s not in header]
            i += 1
            continue
        # the values' block: the values line and its wrapped lines (nothing left of the cut)
        j = i + 1
        while j < len(lines) and spans[j] and spans[j][0][0] >= cut:
            if any(_is_figure(t) for _, _, t in spans[j]):
                break
            j += 1
        if j >= len(lines) or not _labels_line(spans[j], cut, header, name_at):
            i += 1
            continue
        # the labels' block: the labels line and its wrapped lines (nothing right of the cut)
        k = j + 1
        while k < len(lines) and spans[k] and spans[k][-1][1] <= cut:
            if any(_is_figure(t) for _, _, t in spans[k]):
                break
            k += 1
        values = [ln.expandtabs(4).rstrip() for ln in lines[i:j]]
        labels = [ln.expandtabs(4).rstrip() for ln in lines[j:k]]
        height = max(len(values), len(labels))
        merged = []
        for m in range(height):
            left = _cut(labels[m], cut)[0] if m < len(labels) else ""
            right = _cut(values[m], cut)[1] if m < len(values) else ""
            merged.append(left + " " * max(2, cut - _width(left)) + right if right else left)
        out[i:k] = merged + [""] * (k - i - height)
        changed = True
        i = k
    return out if changed else None


def _values_line(
    row: list[tuple[int, int, str]], header: list[int] | None, name_at: int | None
) -> int | None:
    """Where a line of a row's values starts (its first cell's column), or None: two or more
    figures under the header's columns, the first column left empty, and the first cell a
    figure or right of the indicator names' column (a worded target: 完整, 规范)."""
    if header is None or len(row) < 2 or row[0][0] <= header[0] + 2:
        return None
    if sum(_is_figure(t) for _, _, t in row) < 2:
        return None
    if not _is_figure(row[0][2]) and (name_at is None or row[0][0] <= name_at + 2):
        return None
    return row[0][0] if _aligned(row, header) else None


def _labels_line(
    row: list[tuple[int, int, str]], cut: int, header: list[int] | None, name_at: int | None
) -> bool:
    """A line of a row's labels: cells under the header's columns, all left of ``cut`` (and in
    the indicator names' column or before it), none a figure, a column label or a section's
    word (年度总体目标 | 年初设定目标 starts the next part)."""
    if header is None or not row or row[-1][1] > cut:
        return False
    if name_at is not None and row[-1][0] > name_at + 2:
        return False  # a worded target or actual: the values of a row, not its labels
    if any(_is_figure(t) for _, _, t in row) or _headings(row):
        return False
    return _aligned(row, header)


def _headings(row: list[tuple[int, int, str]]) -> bool:
    """The line starts a part (年度总体目标 …) or holds column labels (an indicator may be
    named like one column: 预算执行率)."""
    keys = [label_key(t) for _, _, t in row]
    # a framework 二级 (绩效目标) names a section too: as a row's label it starts none
    first = keys[0]
    if section_of(first) is not None and not (is_level1(first) or is_level2(first)):
        return True
    return sum(column_role(k) is not None for k in keys) >= 2
