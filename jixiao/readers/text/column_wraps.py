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
    first = after[0] if after else None
    if _HEAD_END.search(label_key(head)) and not (first and first.startswith(("及", "和", "与"))):
        return 0  # a whole header (偏差原因分析), unless the next line goes on (及改进措施)
    text = head
    for k, nxt in enumerate(after[:2]):
        if nxt is None or column_role(label_key(nxt)) is not None:
            return 0
        text += nxt
        if _HEAD_END.search(label_key(text)):
            return k + 1
    return 0


def unwrap_columns(columns: list[Column], total: bool = False) -> tuple[list[Column], list[str]]:
    """The columns with each text column longer than the table's rows cut back into its cells
    (see the module's docstring); the columns as they are when the rows are not known.
    ``total``: the first column prints a total row (总分), whose figures end the 分值/得分
    columns."""
    counts = {len(cells) for role, _, cells in columns if role in (Role.WEIGHT, Role.SCORE)}
    if len(counts) != 1:
        return columns, []
    (rows,) = counts
    names = next((cells for role, _, cells in columns if role is Role.NAME), None)
    if names is None or len(names) < rows:
        return columns, []
    printed, adds_up = _total_last(columns)
    if total and printed or adds_up:
        # the figure columns end with the total row's (总分 printed in the first column and
        # its figure the largest, or the others adding up to it): one row fewer
        if len(names) == rows and not (total and printed):
            return columns, []  # a sum by chance: nothing says the names wrapped
        rows -= 1
    if len(names) <= rows:
        return columns, []  # no more names than rows: nothing wrapped in the names
    lost = _lost(columns, rows)
    known: dict[Role, list[str]] = {}  # the text columns whose cells are known
    open_: dict[Role, list[tuple[list[str], int]]] = {}  # columns with several cuts left
    for role, _, cells in columns:
        if role not in _PARTNERS:
            continue
        if len(cells) > rows:
            found = _candidates(cells, rows, role is Role.NAME)
            if len(found) == 1:
                known[role] = found[0][0]
            elif found:
                open_[role] = found
        elif len(cells) == rows:
            known[role] = cells  # (a shorter column left its blank cells out: no partner)
    # each open column takes the cut whose cells agree best with the known columns (a rate's
    # name with a percentage, a count's with a count …) and end as whole cells end — when one
    # is best; the rest wait for another column to be known, or stay as printed
    while open_:
        picks = {role: _best(found, role, known) for role, found in open_.items()}
        sure = [role for role, pick in picks.items() if pick is not None]
        if not sure:
            break
        for role in sure:
            known[role] = picks[role]  # type: ignore[assignment]
            del open_[role]
    notes = []
    heads = {role: head for role, head, _ in columns}
    for role, found in open_.items():
        # the cells every best cut agrees on are read; the others stay empty, with a note
        tied = _tied(found, role, known)
        known[role] = [c if all(t[k] == c for t in tied) else "" for k, c in enumerate(tied[0])]
        left = sum(1 for c in known[role] if not c)
        notes.append(
            f"逐列打印的指标表：“{heads[role]}”列有单元格折成几行，其中 {left} 格的折行属于哪一格无法确定，未读"
        )
    out: list[Column] = []
    for role, head, cells in columns:
        if role in (Role.DEVIATION, Role.REMARK):
            # printed only where points were lost (one a row, in order): cut at each sentence
            cells = _sentences(cells, lost) or cells
        elif role in _PARTNERS and len(cells) > rows:
            cells = known.get(role, cells)
        elif role in (Role.TARGET, Role.ACTUAL) and len(cells) < rows:
            cells = _short_column(cells)
        elif role in (Role.LEVEL1, Role.LEVEL2):
            cells = _labels(cells, is_level1 if role is Role.LEVEL1 else is_level2)
        out.append((role, head, cells))
    return out, notes


_PARTNERS = {
    Role.NAME: (Role.TARGET, Role.ACTUAL),
    Role.TARGET: (Role.NAME, Role.ACTUAL),
    Role.ACTUAL: (Role.NAME, Role.TARGET),
}


def _best(
    found: list[tuple[list[str], int]], role: Role, known: dict[Role, list[str]]
) -> list[str] | None:
    """The cut of the best score (its words, its agreement with the known columns), if one."""
    tied = _tied(found, role, known)
    return tied[0] if len(tied) == 1 else None


def _tied(
    found: list[tuple[list[str], int]], role: Role, known: dict[Role, list[str]]
) -> list[list[str]]:
    """The cuts of the best score (their words, their agreement with the known columns)."""
    scores = []
    for cells, words in found:
        score = words
        for other in _PARTNERS[role]:
            if other in known:
                score += sum(_agree(role, m, other, t) for m, t in zip(cells, known[other], strict=False))
        scores.append(score)
    best = max(scores)
    return [cells for (cells, _), score in zip(found, scores, strict=True) if score == best]


_COUNT_NAME = re.compile(r"(?:数|数量|次数|人次|人数|户数|个数|面积|长度|里程)$")
_TIME_NAME = re.compile(r"时间|时限|期限|工期")


def _kind(text: str, name: bool) -> str | None:
    """What a cell measures: a rate, a count, a time, a cost, words — None when a name does not
    say (no telling end)."""
    t = text.strip()
    if name:
        if t.endswith("率") or "满意度" in t:
            return "rate"
        if "成本" in t:
            return "cost"
        if _TIME_NAME.search(t):
            return "time"
        if _COUNT_NAME.search(t):
            return "count"
        return None
    if not _STARTS_FIGURE.match(t):
        return "words"  # words, perhaps with a figure inside (完成率达98%)
    if "%" in t or "％" in t:
        return "rate"
    if "元" in t:
        return "cost"
    if re.search(r"\d\s*(?:年|月|日|天|工作日)", t):
        return "time"
    if re.search(r"\d", t):
        return "count"
    return "words"


def _agree(role: Role, mine: str, other: Role, theirs: str) -> int:
    """+1 when two cells of a row measure the same kind, -1 when they cannot, 0 when unsure."""
    if role is Role.NAME:
        a, b = _kind(mine, True), _kind(theirs, False)
    elif other is Role.NAME:
        a, b = _kind(theirs, True), _kind(mine, False)
    else:
        a, b = _kind(mine, False), _kind(theirs, False)
    if a is None or b is None or not mine or not theirs:
        return 0
    if "words" in (a, b):
        return 1 if a == b else 0  # a rate or a count may be told in words (全部, 较高)
    return 1 if a == b else -1


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


def _total_last(columns: list[Column]) -> tuple[bool, bool]:
    """Whether the 分值/得分 columns' last figures are each at least the sum of the others (a
    total's, which counts the fund row's points too), and whether each is exactly that sum."""
    at_least, exact = [], []
    for role, _, cells in columns:
        if role not in (Role.WEIGHT, Role.SCORE):
            continue
        try:
            figures = [Decimal(re.sub(r"[^\d.]", "", c) or "x") for c in cells]
        except InvalidOperation:
            return False, False
        if len(figures) < 2:
            return False, False
        at_least.append(figures[-1] >= sum(figures[:-1]))
        exact.append(len(figures) >= 3 and figures[-1] == sum(figures[:-1]))
    return bool(at_least) and all(at_least), bool(exact) and all(exact)


def _candidates(lines: list[str], n: int, names: bool = False) -> list[tuple[list[str], int]]:
    """The ways to cut ``lines`` into ``n`` cells, every cell's lines but its last full, with
    their words' score (cells ending as whole cells end, none starting as a sentence goes on);
    none when there are too many to try."""
    if n < 1 or n > len(lines):
        return []
    widths = [_width(t) for t in lines]
    full = [w >= max(widths) - _SLACK for w in widths]
    cuts: list[list[int]] = []
    _cuts(full, 0, n, [], cuts)
    if len(cuts) >= _MOST_CUTS:
        return []
    out = []
    for ends in cuts:
        starts = [0, *ends[:-1]]
        cells = ["".join(t.strip() for t in lines[a:b]) for a, b in zip(starts, ends, strict=True)]
        out.append((cells, _score(lines, ends, names)))
    return out


def _short_column(lines: list[str]) -> list[str]:
    """A 指标值/完成值 column printed without its blank cells (shorter than the rows): a full
    line goes on in the next when that one starts no figure of its own (``2022年12月`` /
    ``底前完成``)."""
    if len(lines) < 2:
        return lines
    widths = [_width(t) for t in lines]
    top = max(widths)
    out: list[str] = []
    k = 0
    while k < len(lines):
        t = lines[k].strip()
        while (
            k + 1 < len(lines)
            and widths[k] >= top - _SLACK
            and not _STARTS_FIGURE.match(lines[k + 1].strip())
        ):
            k += 1
            t += lines[k].strip()
        out.append(t)
        k += 1
    return out


_STARTS_FIGURE = re.compile(r"^(?:[≥≤<>=＞＜]|不?(?:[少低高大小多]于|超过)|达到|\d)")


def _sentences(lines: list[str], most: int | None) -> list[str] | None:
    """A column of sentences printed only for some rows (偏差原因) cut into its cells: a cell
    ends at a line short of the column's width or ending a sentence (。); None when that gives
    more cells than rows lost points (``most``)."""
    if len(lines) < 2:
        return None
    widths = [_width(t) for t in lines]
    top = max(widths)
    cells: list[str] = []
    current = ""
    for t, w in zip(lines, widths, strict=True):
        current += t.strip()
        if w < top - _SLACK or re.search(r"[。！!]$", t.strip()):
            cells.append(current)
            current = ""
    if current:
        cells.append(current)
    if most is not None and len(cells) > most:
        return None
    return cells


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


def _score(lines: list[str], ends: list[int], names: bool = False) -> int:
    """Cells ending as whole cells end (an indicator's name: …率, …人次, …时间), less those
    starting as a cell goes on (``，部分任务…``; a name's ``性``, ``率``)."""
    starts = [0, *ends[:-1]]
    whole, goes_on = (_NAME_END, _NAME_GOES_ON) if names else (_WHOLE_END, _GOES_ON)
    score = 0
    for a, b in zip(starts, ends, strict=True):
        score += whole.search(lines[b - 1].strip()) is not None
        score -= goes_on.match(lines[a].strip()) is not None
    return score


_NAME_END = re.compile(r"(?:[率数量度性额值况次间户)）]|指标)$")
_NAME_GOES_ON = re.compile(r"^[，。、；：,.;:)）”》」性率量度数次]")


def _labels(lines: list[str], known: Callable[[str], bool]) -> list[str]:
    """A 一级/二级 column with a label wrapped (``服务对象满意`` / ``度指标``): a line that is no
    label joins the next when together they are one."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        t = lines[k]
        if (
            k + 1 < len(lines)
            and not (known(label_key(t)) and known(label_key(lines[k + 1])))
            and known(label_key(t + lines[k + 1]))
        ):
            out.append(t.strip() + lines[k + 1].strip())
            k += 2
            continue
        out.append(t)
        k += 1
    return out
