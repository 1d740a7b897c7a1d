"""Cells wrapped over lines in a table printed column by column (:mod:`.columns`).

PDF text of a table whose cells are separate text boxes gives each column as a run of lines, one
cell a line — but a cell too long for its column is printed on two or three lines of its own::

    三级指标
    开展业务督
    导活动次数
    项目验收合格率
    分值
    20
    10

so a text column holds more lines than the table has rows. The 分值/得分 columns (figures, never
wrapped) say how many rows there are; :func:`unwrap_columns` cuts each longer text column back
into that many cells: every cell of a column wraps at the column's width, so all its lines but
the last are full (as wide as the column's widest line, within two display columns). Where more
than one cut fits, the one after which the most cells end as whole cells end (…率, …数量, a full
stop) and none starts as a sentence goes on (``，部分任务…``) is taken when it is the only best;
otherwise the column stays as printed (and the table is not read by columns). A column header
wrapped onto two lines (``偏差原因分析及`` / ``改进措施``) is joined by :func:`header_at`.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from collections.abc import Callable

from jixiao.extract.vocab import Role, column_role, is_level1, is_level2
from jixiao.textnorm import label_key

_SLACK = 2  # display columns: a full line may be this much narrower (a wide character did not fit)
_MOST_CUTS = 2_000  # cuts tried for one column, at most (a long column of short lines)
_WHOLE_END = re.compile(r"[率数量度性额值况%％)）。”》」]$")
_GOES_ON = re.compile(r"^[，。、；：,.;:)）”》」]")
_WRAPPED = (Role.NAME, Role.TARGET, Role.ACTUAL, Role.DEVIATION, Role.REMARK)

Column = tuple[Role, str, list[str]]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text.strip())


def header_at(lines: list[str], i: int, cell: Callable[[str], str | None]) -> tuple[str, int] | None:
    """A column header wrapped onto the lines from ``i`` (two or three, none a header by itself):
    the joined header and the lines it takes; None if there is none."""
    parts: list[str] = []
    for k in range(i, min(i + 3, len(lines))):
        c = cell(lines[k])
        if c is None or column_role(label_key(c)) is not None:
            return None  # a header of its own ends the run
        parts.append(c)
        if len(parts) > 1 and column_role(label_key("".join(parts))) is not None:
            return "".join(parts), len(parts)
    return None


# how a long header word ends (偏差原因分析及改进措施): the rest of one wrapped after its start
_HEAD_END = re.compile(r"(?:措施|原因|说明|分析)$")


def header_rest(head: str, after: list[str | None]) -> int:
    """How many of the next lines' cells (``after``) are the rest of header ``head`` wrapped
    onto them (``偏差原因分`` / ``析及改进措`` / ``施``): none a header by itself, the header
    ending as such a header ends only with them; 0 when none."""
    if _HEAD_END.search(label_key(head)):
        return 0
    text = head
    for k, nxt in enumerate(after[:2]):
        if nxt is None or column_role(label_key(nxt)) is not None:
            return 0
        text += nxt
        if _HEAD_END.search(label_key(text)):
            return k + 1
    return 0


def unwrap_columns(columns: list[Column], total: bool = False) -> list[Column]:
    """The columns with each text column longer than the table's rows cut back into its cells
    (see the module's docstring); the columns as they are when the rows are not known.
    ``total``: the first column prints a total row (总分), whose figures end the 分值/得分
    columns."""
    counts = {len(cells) for role, _, cells in columns if role in (Role.WEIGHT, Role.SCORE)}
    if len(counts) != 1:
        return columns
    (rows,) = counts
    names = next((cells for role, _, cells in columns if role is Role.NAME), None)
    if names is None or len(names) <= rows:
        return columns  # no more names than figures: nothing wrapped in the names
    if total or _total_last(columns):
        rows -= 1  # the figure columns end with the total row's: one row fewer
    lost = _lost(columns, rows)
    out: list[Column] = []
    for role, head, cells in columns:
        if role in (Role.DEVIATION, Role.REMARK):
            # printed only where points were lost (one a row, in order)
            if lost is not None and len(cells) > lost:
                cells = _cells(cells, lost) or cells
        elif role in _WRAPPED and len(cells) > rows:
            cells = _cells(cells, rows) or cells
        elif role in (Role.LEVEL1, Role.LEVEL2):
            cells = _labels(cells, is_level1 if role is Role.LEVEL1 else is_level2)
        out.append((role, head, cells))
    return out


def _lost(columns: list[Column], rows: int) -> int | None:
    """How many rows lost points (得分 below 分值); None when the figures do not tell."""
    weights = next((c for r, _, c in columns if r is Role.WEIGHT), None)
    scores = next((c for r, _, c in columns if r is Role.SCORE), None)
    if weights is None or scores is None:
        return None
    try:
        pairs = [
            (Decimal(re.sub(r"[^\d.]", "", w)), Decimal(re.sub(r"[^\d.]", "", sc)))
            for w, sc in zip(weights[:rows], scores[:rows], strict=True)
        ]
    except (InvalidOperation, ValueError):
        return None
    return sum(1 for w, sc in pairs if sc < w)


def _total_last(columns: list[Column]) -> bool:
    """The 分值 and 得分 columns' last figures are each the sum of the others (the total
    row's)."""
    sums = []
    for role, _, cells in columns:
        if role not in (Role.WEIGHT, Role.SCORE):
            continue
        try:
            figures = [Decimal(re.sub(r"[^\d.]", "", c) or "x") for c in cells]
        except InvalidOperation:
            return False
        sums.append(len(figures) >= 3 and sum(figures[:-1]) == figures[-1])
    return bool(sums) and all(sums)


def _cells(lines: list[str], n: int) -> list[str] | None:
    """``lines`` cut into ``n`` cells, every cell's lines but its last full; None unless one cut
    fits or the words single one out."""
    if n < 1 or n > len(lines):
        return None
    widths = [_width(t) for t in lines]
    full = [w >= max(widths) - _SLACK for w in widths]
    cuts: list[list[int]] = []
    _cuts(full, 0, n, [], cuts)
    if not cuts or len(cuts) >= _MOST_CUTS:
        return None
    if len(cuts) > 1:
        scores = [_score(lines, c) for c in cuts]
        best = max(scores)
        if scores.count(best) > 1:
            return None
        cuts = [cuts[scores.index(best)]]
    ends = cuts[0]
    starts = [0, *ends[:-1]]
    return ["".join(t.strip() for t in lines[a:b]) for a, b in zip(starts, ends, strict=True)]


def _cuts(full: list[bool], at: int, left: int, made: list[int], out: list[list[int]]) -> None:
    """Every way to end ``left`` cells from line ``at`` on (a cell goes on past a line only
    when that line is full); stops at ``_MOST_CUTS``."""
    if len(out) >= _MOST_CUTS:
        return
    n = len(full)
    if left == 1:
        if all(full[at : n - 1]):
            out.append([*made, n])
        return
    end = at
    while end < n - left + 1:
        _cuts(full, end + 1, left - 1, [*made, end + 1], out)
        if not full[end]:
            return  # a short line ends its cell
        end += 1


def _score(lines: list[str], ends: list[int]) -> int:
    starts = [0, *ends[:-1]]
    score = 0
    for a, b in zip(starts, ends, strict=True):
        score += _WHOLE_END.search(lines[b - 1].strip()) is not None
        score -= _GOES_ON.match(lines[a].strip()) is not None
    return score


def _labels(lines: list[str], known: Callable[[str], bool]) -> list[str]:
    """A 一级/二级 column with a label wrapped (``服务对象满意`` / ``度指标``): a line that is no
    label joins the next when together they are one."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        t = lines[k]
        if k + 1 < len(lines) and not known(label_key(t)) and known(label_key(t + lines[k + 1])):
            out.append(t.strip() + lines[k + 1].strip())
            k += 2
            continue
        out.append(t)
        k += 1
    return out
