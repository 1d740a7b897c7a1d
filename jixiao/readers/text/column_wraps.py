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
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from jixiao.extract.vocab import Role, column_role, is_level1, is_level2
from jixiao.measure import before_pattern
from jixiao.textnorm import label_key

_SLACK = 2  # display columns: a full line may be this much narrower (a wide character did not fit)
_WHOLE_END = re.compile(r"[率数量度性额值况%％)）。”》」]$")
_GOES_ON = re.compile(r"^[，。、；：,.;:)）”》」]")
_WRAPPED = (Role.NAME, Role.TARGET, Role.ACTUAL, Role.DEVIATION, Role.REMARK)

Column = tuple[Role, str, list[str]]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text.strip())


def header_at(
    lines: list[str], i: int, cell: Callable[[str], str | None]
) -> tuple[str, int] | None:
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


def unwrap_columns(
    columns: list[Column], total: bool = False, breaks: dict[Role, set[int]] | None = None
) -> tuple[list[Column], list[str]]:
    """The columns with each text column longer than the table's rows cut back into its cells
    (see the module's docstring); the columns as they are when the rows are not known.
    ``total``: the first column prints a total row (总分), whose figures end the 分值/得分
    columns; ``breaks``: per column, its cells that follow a page mark (a page may cut a cell
    anywhere, not only at a full line)."""
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
    open_: list[Role] = []  # the wrapped ones, in the order of the table
    lines_of = {role: cells for role, _, cells in columns}
    short: dict[Role, list[str]] = {}
    for role, _, cells in columns:
        if role in _PARTNERS and len(cells) > rows:
            open_.append(role)
        elif role in (Role.TARGET, Role.ACTUAL):
            # as long as the rows or shorter: a column that may hold a wrapped cell (and then
            # left a blank cell out) is no row's partner; one shorter than the rows is joined
            joined = _short_column(cells)
            if len(cells) < rows:
                short[role] = joined
            elif len(joined) == rows:
                known[role] = cells
        elif role in _PARTNERS and len(cells) == rows:
            known[role] = cells
    # each wrapped column takes the cut whose cells agree best with the known columns (a
    # rate's name with a percentage, a count's with a count …) and end as whole cells end —
    # when one is best; the rest wait for another column to be known
    tied: dict[Role, list[list[str]]] = {}
    while open_:
        for role in open_:
            cut_at = (breaks or {}).get(role, set())
            tied[role] = _best_cuts(lines_of[role], rows, role, known, cut_at)
        sure = [role for role in open_ if len(tied[role]) == 1]
        if not sure:
            break
        for role in sure:
            known[role] = tied[role][0]
            open_.remove(role)
    notes = []
    heads = {role: head for role, head, _ in columns}
    for role in open_:
        if not tied[role]:
            continue  # no cut fits: the column stays as printed
        # the cells every best cut agrees on are read; the others stay empty, with a note
        first = tied[role][0]
        known[role] = [c if all(t[k] == c for t in tied[role]) else "" for k, c in enumerate(first)]
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
        elif role in short:
            cells = short[role]
        elif role in (Role.LEVEL1, Role.LEVEL2):
            cells = _labels(cells, is_level1 if role is Role.LEVEL1 else is_level2)
        out.append((role, head, cells))
    return out, notes


_PARTNERS = {
    Role.NAME: (Role.TARGET, Role.ACTUAL),
    Role.TARGET: (Role.NAME, Role.ACTUAL),
    Role.ACTUAL: (Role.NAME, Role.TARGET),
}


_MOST_TIED = 64  # best cuts kept when several tie
_MOST_WORK = 400_000  # lines² × rows: a column longer is left as printed (time stays bounded)


def _best_cuts(
    lines: list[str],
    n: int,
    role: Role,
    known: dict[Role, list[str]],
    page_cut: set[int] | frozenset[int] = frozenset(),
) -> list[list[str]]:
    """The cuts of ``lines`` into ``n`` cells, every cell's lines but its last full, of the best
    score: cells ending as whole cells end, none starting as a cell goes on, each agreeing in
    kind with the same row's cells of the known columns. Several when they tie (at most
    ``_MOST_TIED``), none when no cut fits."""
    m = len(lines)
    if n < 1 or n > m or m * m * n > _MOST_WORK:
        return []
    widths = [_width(t) for t in lines]
    full = [w >= max(widths) - _SLACK or k + 1 in page_cut for k, w in enumerate(widths)]
    names = role is Role.NAME
    whole, goes_on = (_NAME_END, _NAME_GOES_ON) if names else (_WHOLE_END, _GOES_ON)
    partners = [(other, known[other]) for other in _PARTNERS[role] if other in known]

    def gain(a: int, b: int, k: int) -> int:
        """The score of lines[a:b] as the row ``k``'s cell."""
        text = "".join(t.strip() for t in lines[a:b])
        score = (whole.search(lines[b - 1].strip()) is not None) - (
            goes_on.match(lines[a].strip()) is not None
        )
        if names and len(text) <= 2:
            score -= 1  # no indicator is named in two characters: the end of a wrapped name
        return score + sum(_agree(role, text, other, cells[k]) for other, cells in partners)

    # best[k][i]: the best score of lines[:i] cut into k cells; ways: the cells' starts tied
    neg = -(10**9)
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[list[int]]] = [[[] for _ in range(m + 1)] for _ in range(n + 1)]
    best[0][0] = 0
    for k in range(1, n + 1):
        for i in range(k, m - (n - k) + 1):
            # the k-th cell is lines[j:i]: every line of it but the last full
            j = i - 1
            while j >= k - 1:
                if best[k - 1][j] > neg:
                    score = best[k - 1][j] + gain(j, i, k - 1)
                    if score > best[k][i]:
                        best[k][i], back[k][i] = score, [j]
                    elif score == best[k][i]:
                        back[k][i].append(j)
                if j == 0 or not full[j - 1]:
                    break  # the line before ends a cell: it cannot go on into this one
                j -= 1
    if best[n][m] == neg:
        return []
    out: list[list[str]] = []

    def walk(k: int, i: int, ends: list[int]) -> None:
        if len(out) >= _MOST_TIED:
            return
        if k == 0:
            starts = [0, *ends[:-1]]
            out.append(
                ["".join(t.strip() for t in lines[a:b]) for a, b in zip(starts, ends, strict=True)]
            )
            return
        for j in back[k][i]:
            walk(k - 1, j, [i, *ends] if ends else [i])

    walk(n, m, [])
    return out


_COUNT_NAME = re.compile(r"(?:数|数量|次数|人次|人数|户数|个数|面积|长度|里程)$")
_TIME_NAME = re.compile(r"时间|时限|期限|工期")


def _kind(text: str, name: bool) -> str | None:
    """What a cell measures: a rate, a count, a time, a cost, words — None when a name does not
    say (no telling end)."""
    t = text.strip()
    if name:
        if t.endswith("率") or "满意度" in t:
            return "rate"
        if re.search(r"成本|经费|资金|费用|金额|支出", t):
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


# an operator before a figure: any of jixiao.measure's table, as printed (≧, 不低於 too)
_OP = before_pattern(printed=True)
_STARTS_FIGURE = re.compile(rf"^(?:{_OP}|\d)")


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
