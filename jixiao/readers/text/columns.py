"""Column-major table text: the indicator table printed one column after another.

PDF text copied from a table whose cells are separate text boxes often comes out column by
column: the 一级 column, then the 二级 column, then the names, then the targets …, each a run of
one-cell lines after its header word::

    绩效指标
    二级指标
    数量指标
    满意度指标
    三级指标
    培训人次
    学员满意度
    分值
    …

:func:`transpose` finds such a run (a name column of two or more cells, and at least two of the
target / actual / 分值 / 得分 columns as long as it, or one longer by the total row's figure),
and prints its rows again, one row a line, cells apart by three spaces (the spaced layout the
readers know). Columns shorter than the name column are cells printed once (merged 一级/二级
labels, a unit left blank for a worded target, a 偏差原因 only where points were lost): they go
to the rows the form confirms — the 一级's (N分) adding up the rows' 分值, the kind of each
indicator (a count, a rate, a date, a cost, a word, a satisfaction) agreeing with its 二级 in
exactly one way, the lost points — and otherwise stay out with a reading note.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from itertools import pairwise

from jixiao.extract.spread_labels import spread_word
from jixiao.extract.vocab import Role, column_role, is_level1, is_level2, section_of, total_label
from jixiao.readers.text.column_wraps import header_at, header_rest, unwrap_columns
from jixiao.readers.text.level2_names import framework_fit, label_theme, name_theme
from jixiao.readers.text.shape_align import align
from jixiao.textnorm import label_key

# a cheap test first: the text has a name column's header word alone on a line
_NAME_HEADER = re.compile(
    r"^[ \t\u3000]*(?:三级指标|三级|指标名称|绩效指标名称)[ \t\u3000]*$", re.M
)
_SEPARATED = re.compile(r"\t| {2,}|\u3000")
_FIGURES = (Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE)
_COLUMN_ROLES = frozenset(
    {
        Role.LEVEL1,
        Role.LEVEL2,
        Role.NAME,
        Role.TARGET,
        Role.UNIT,
        Role.ACTUAL,
        Role.WEIGHT,
        Role.SCORE,
        Role.DEVIATION,
        Role.REMARK,
    }
)
_MAX_CELL = 400  # a 完成情况 cell can be a paragraph
# the 二级 placement takes labels × rows² steps: a table beyond this (no real form is; 40
# indicators under 12 二级 are 19,200) keeps its 二级 out, with the note
_MAX_WORK = 60_000
_MAX_LAST = 40  # a text column last in the table ends at a long line (the report after it)
_POINTS = re.compile(r"[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]\s*$")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def transpose(
    text: str, lines: list[str], printed: list[str] | None = None
) -> tuple[list[str], list[str]] | None:
    """The lines (``text`` split at newlines) with a column-major indicator table printed row by
    row again (the line count kept: blank lines fill the rest of its span), and reading notes;
    None if there is none. A table broken over pages comes as one block of columns per page,
    each under its header words: each block is read on its own. ``printed``: the lines before
    page furniture was blanked; a column runs on across a page mark, and a cell cut by one is
    joined again where the column is longer than the others by its cuts."""
    if _NAME_HEADER.search(text) is None:
        return None
    page_marks = frozenset(
        i for i, ln in enumerate(printed or ()) if ln.strip() and not lines[i].strip()
    )
    out = lines
    notes: list[str] = []
    done = 0
    for m in _NAME_HEADER.finditer(text):
        name_at = text.count("\n", 0, m.start())
        if name_at < done:
            continue
        # the next page's block of columns may hold one row (a table read on the page before)
        found = _columns(lines, name_at, page_marks, 1 if notes else 2)
        if found is None:
            continue
        start, end, pre, columns, wrap_notes = found
        rows, block_notes = _rows(pre, columns)
        if rows is None:
            continue
        block_notes += wrap_notes
        labels = {0} | {
            k + 1 for k, (r, _, _) in enumerate(columns) if r in (Role.LEVEL1, Role.LEVEL2)
        }
        block = [_line(row, labels) for row in rows]
        out = out[:start] + block + [""] * (end - start - len(block)) + out[end:]
        notes += block_notes
        done = end
    return (out, notes) if notes else None


def _line(row: list[str], labels: set[int]) -> str:
    """A row as spaced text: blank label cells (merged) left out, a blank cell between two
    printed ones marked — so the cells after it keep their columns."""
    if row[0]:  # the header, the total row: their blank cells have no column to keep
        return "   ".join(c for c in row if c)
    last = max((k for k, c in enumerate(row) if c), default=-1)
    cells = [c or ("—" if k not in labels and k < last else "") for k, c in enumerate(row)]
    return "   ".join(c for c in cells if c)


def _cell(line: str) -> str | None:
    """The one cell a line holds, or None (blank, several cells, a sentence)."""
    s = line.strip(" \t\u3000")
    if not s or len(s) > _MAX_CELL:
        return None
    if _SEPARATED.search(s):
        return spread_word(s)  # 分    值: a label spread over its cell, else several cells
    return s


def _role(cell: str) -> Role | None:
    role = column_role(label_key(cell))
    return role if role in _COLUMN_ROLES else None


def _columns(
    lines: list[str], name_at: int, page_marks: frozenset[int], fewest: int = 2
) -> tuple[int, int, list[str], list[tuple[Role, str, list[str]]], list[str]] | None:
    """(first line, end line, the cells before the first header, [(role, header, cells)],
    notes on cells wrapped over lines)."""
    # back from the name header over one-cell lines to the first header of the run (only the
    # 一级 and 二级 columns come before the names; another header ends a block before this one)
    first = name_at
    i = name_at - 1
    while i >= 0 and _cell(lines[i]) is not None:
        role = _role(lines[i].strip())
        if role is not None:
            if role not in (Role.LEVEL1, Role.LEVEL2):
                break
            first = i
        i -= 1
    start = first
    pre: list[str] = []
    while start > 0:  # the first column: 绩效指标 (its rows blank), perhaps a 合计 row
        c = _cell(lines[start - 1])
        key = label_key(c) if c else ""
        if not c or not (section_of(key) == "indicator" or total_label(key)):
            break
        pre.insert(0, c)
        start -= 1
    columns: list[tuple[Role, str, list[str]]] = []
    cuts: dict[int, list[int]] = {}  # column → its cells right after a page mark
    i = first
    while i < len(lines):
        if i in page_marks:
            if columns and columns[-1][2]:
                cuts.setdefault(len(columns) - 1, []).append(len(columns[-1][2]))
            i += 1
            continue
        c = _cell(lines[i])
        if c is None:
            break
        role = _role(c)
        wrapped = header_at(lines, i, _cell) if role is None and columns else None
        wrapped_role = None if wrapped is None else _role(wrapped[0])
        if (
            wrapped is not None
            and wrapped_role is not None
            and wrapped_role not in {r for r, _, _ in columns}
        ):
            columns.append((wrapped_role, wrapped[0], []))  # a header wrapped over lines
            i += wrapped[1]
            continue
        if role is not None and any(r is role for r, _, _ in columns):
            break  # the next page's block of columns
        if role is None and section_of(label_key(c)) == "indicator":
            break
        if role is not None:
            rest = header_rest(c, [_cell(ln) for ln in lines[i + 1 : i + 3]])
            if rest:  # a header wrapped onto the next lines
                c += "".join(_cell(ln) or "" for ln in lines[i + 1 : i + 1 + rest])
                i += rest
            columns.append((role, c, []))
        elif columns:
            columns[-1][2].append(c)
        i += 1
    lengths = [len(cells) for _, _, cells in columns]
    if cuts:
        columns = _join_cuts(columns, cuts)
    # the page cuts left in a column (not joined above) may part a wrapped cell's lines too
    breaks = {columns[k][0]: set(at) for k, at in cuts.items() if len(columns[k][2]) == lengths[k]}
    total = any(total_label(label_key(c)) for c in pre)
    columns, wrap_notes = unwrap_columns(columns, total, breaks)
    names = next((cells for r, _, cells in columns if r is Role.NAME), [])
    n = len(names)
    if n < fewest:
        return None
    full = sum(1 for r, _, cells in columns if r in _FIGURES and len(cells) in (n, n + 1))
    if full < 2:
        return None
    # the last column takes no more than a row's worth of cells; what follows is not the table
    role, head, cells = columns[-1]
    keep = n + 1 if role in (Role.WEIGHT, Role.SCORE) else n
    if role in (Role.DEVIATION, Role.REMARK):
        keep = min(keep, next((k for k, c in enumerate(cells) if len(c) > _MAX_LAST), keep))
    end = i - max(0, len(cells) - keep)
    columns[-1] = (role, head, cells[:keep])
    return start, end, pre, columns, wrap_notes


def _join_cuts(
    columns: list[tuple[Role, str, list[str]]], cuts: dict[int, list[int]]
) -> list[tuple[Role, str, list[str]]]:
    """A text column longer than the target/actual columns by exactly its page cuts held cells
    cut by the page break: each cut cell joins the one before it."""
    lengths = [len(cells) for r, _, cells in columns if r in (Role.TARGET, Role.ACTUAL)]
    if not lengths or len(set(lengths)) != 1:
        return columns
    out = []
    for k, (role, head, cells) in enumerate(columns):
        at = cuts.get(k, [])
        if at and role not in _FIGURES and len(cells) - len(at) == lengths[0]:
            cells = list(cells)
            for j in reversed(at):
                if 0 < j < len(cells):
                    cells[j - 1] += cells.pop(j)
        out.append((role, head, cells))
    return out


def _number(s: str) -> Decimal | None:
    m = _NUMBER.search(s)
    if m is None:
        return None
    try:
        return Decimal(m.group())
    except InvalidOperation:  # pragma: no cover - the pattern is a number
        return None


def _rows(
    pre: list[str], columns: list[tuple[Role, str, list[str]]]
) -> tuple[list[list[str]] | None, list[str]]:
    names = next(cells for r, _, cells in columns if r is Role.NAME)
    n = len(names)
    notes: list[str] = []
    grid: dict[Role, list[str]] = {}
    total: dict[Role, str] = {}
    for role, _head, cells in columns:
        if len(cells) == n:
            grid[role] = list(cells)
        elif len(cells) == n + 1 and role in (Role.WEIGHT, Role.SCORE):
            grid[role] = cells[:n]
            total[role] = cells[n]
        elif len(cells) > n:
            return None, []  # not a column of this table: no reading
    # the 二级 first: where the 一级 labels go follows from it
    short = sorted(
        ((role, head, cells) for role, head, cells in columns if role not in grid),
        key=lambda c: c[0] is Role.LEVEL1,
    )
    for role, head, cells in short:
        placed = _place(role, cells, n, grid)
        if placed is None and role in _PAIRED and _PAIRED[role] in grid:
            placed, left = _by_shape(cells, grid[_PAIRED[role]])
            if left:
                notes.append(
                    f"逐列打印的指标表：“{head}”列的 {'、'.join(left)} 可属于不止一行，未读"
                )
        if placed is None:
            if cells:
                notes.append(
                    f"逐列打印的指标表：“{head}”列只有 {len(cells)} 格（指标 {n} 个），无法确定所属的行，未读"
                )
            grid[role] = [""] * n
        else:
            grid[role] = placed
    order = [role for role, _, _ in columns]
    heads = {role: head for role, head, _ in columns}
    first = pre[0] if pre and not total_label(label_key(pre[0])) else "绩效指标"
    rows = [[first, *(heads[r] for r in order)]]
    rows += [["", *(grid[r][k] for r in order)] for k in range(n)]
    grand = next((c for c in pre if total_label(label_key(c))), None)
    if total and grand:
        rows.append([grand, *(total.get(r, "") for r in order)])
    notes.insert(0, f"指标表逐列打印（先一列再一列），按列还原为 {n} 行")
    return rows, notes


# a target column printed short (blank targets left out) lies against the actuals, and back
_PAIRED = {Role.TARGET: Role.ACTUAL, Role.ACTUAL: Role.TARGET}


def _by_shape(cells: list[str], full: list[str]) -> tuple[list[str] | None, list[str]]:
    """The cells in the rows their shape alone allows (shape_align), and the cells left out."""
    at = align(cells, full)
    if all(r is None for r in at):
        return None, []
    out = [""] * len(full)
    for r, c in zip(at, cells, strict=True):
        if r is not None:
            out[r] = c
    return out, [c for r, c in zip(at, cells, strict=True) if r is None]


def _place(role: Role, cells: list[str], n: int, grid: dict[Role, list[str]]) -> list[str] | None:
    """A short column's cells in the rows the form confirms, or None."""
    if not cells:
        return [""] * n
    if role is Role.LEVEL1:
        return _place_level1(cells, n, grid)
    if role is Role.LEVEL2:
        return _place_level2(cells, n, grid)
    if role is Role.UNIT and Role.TARGET in grid:
        rows = [k for k, t in enumerate(grid[Role.TARGET]) if _NUMBER.search(t)]
        return _fill(cells, rows, n)
    if role is Role.DEVIATION and Role.WEIGHT in grid and Role.SCORE in grid:
        rows = [
            k
            for k in range(n)
            if (w := _number(grid[Role.WEIGHT][k])) is not None
            and (s := _number(grid[Role.SCORE][k])) is not None
            and s < w
        ]
        return _fill(cells, rows, n)
    return None


def _fill(cells: list[str], rows: list[int], n: int) -> list[str] | None:
    if len(rows) != len(cells):
        return None
    out = [""] * n
    for k, c in zip(rows, cells, strict=True):
        out[k] = c
    return out


def _starts(cells: list[str], n: int, at: list[int]) -> list[str] | None:
    if len(at) != len(cells) or at[0] != 0 or any(b <= a for a, b in pairwise(at)):
        return None
    if at[-1] >= n:
        return None
    out = [""] * n
    for k, c in zip(at, cells, strict=True):
        out[k] = c
    return out


def _place_level1(cells: list[str], n: int, grid: dict[Role, list[str]]) -> list[str] | None:
    # the arithmetic: each 一级's (N分) is the sum of its rows' 分值
    points = [_POINTS.search(c) for c in cells]
    if all(points) and Role.WEIGHT in grid:
        weights = [_number(w) for w in grid[Role.WEIGHT]]
        if all(w is not None for w in weights):
            at, k, acc = [], 0, Decimal(0)
            for p in points:
                at.append(k)
                want = Decimal(p.group(1))  # type: ignore[union-attr]
                acc = Decimal(0)
                while k < n and acc < want:
                    acc += weights[k]  # type: ignore[operator]
                    k += 1
                if acc != want:
                    return None
            return _starts(cells, n, at) if k == n else None
    # the order: a 一级 starts at the first row of its first 二级
    if Role.LEVEL2 not in grid:
        return None
    l2 = grid[Role.LEVEL2]
    fams = [_family(label_key(c)) for c in cells]
    if None in fams:
        return None
    at, k = [], 0
    for fam in fams:
        while k < n and not (l2[k] and _l2_family(label_key(l2[k])) == fam):
            k += 1
        if k == n:
            return None
        at.append(k)
        k += 1
    return _starts(cells, n, at)


# the 一级 a 二级 word belongs to (the common frameworks)
_L1_FAMILY = (
    ("满意", "satisfaction"),
    ("效益", "benefit"),
    ("效果", "benefit"),
    ("产出", "output"),
    ("决策", "decision"),
    ("过程", "process"),
    ("管理", "process"),
)
_L2_FAMILY = (
    ("满意", "satisfaction"),
    ("效益", "benefit"),
    ("影响", "benefit"),
    ("数量", "output"),
    ("质量", "output"),
    ("时效", "output"),
    ("进度", "output"),
    ("成本", "output"),
    ("立项", "decision"),
    ("绩效目标", "decision"),
    ("资金投入", "decision"),
    ("资金管理", "process"),
    ("投入管理", "process"),
    ("财务管理", "process"),
    ("实施", "process"),
)


def _family(l1: str) -> str | None:
    if not is_level1(l1):
        return None
    return next((f for w, f in _L1_FAMILY if w in l1), None)


def _l2_family(l2: str) -> str | None:
    if l2 == "项目效益":
        return "benefit"
    return next((f for w, f in _L2_FAMILY if w in l2), None)


# what each 二级 holds, by the shape of its indicators
_L2_KINDS = (
    ("满意", {"sat"}),
    ("数量", {"count"}),
    ("质量", {"rate", "timely"}),
    ("时效", {"time", "timely"}),
    ("进度", {"time", "timely"}),
    ("成本", {"cost"}),
    ("效益", {"word", "rate", "timely", "sat", "count"}),
    ("影响", {"word", "rate", "count"}),
)
_BROAD = 3  # a 二级 holding this many kinds (效益, 影响) binds its rows loosely


def _kind(name: str, target: str) -> str:
    if "满意" in name:
        return "sat"
    if "成本" in name or "元" in target:
        return "cost"
    if re.search(r"及时|按时|按期", name):
        return "timely"  # 及时率, 按期完成率: under 时效 or 质量
    if name.endswith("率") or "%" in target:
        return "rate"
    if re.search(r"时间|时限|期限|月|日前", name + target):
        return "time"
    if _NUMBER.search(target):
        return "count"
    return "word"


def _fit(allowed: set[str] | None, kind: str, themes: tuple[str | None, str | None]) -> int:
    """How well a row fits a 二级: a 二级 of one or two kinds (数量, 时效 …) claims its rows
    more firmly than a broad one (效益 holds words, rates, counts); among the broad benefit
    二级, one the row's name serves (level2_names) claims it most firmly of all."""
    if allowed is None:
        return 0
    if kind not in allowed:
        return -1
    label, name = themes
    if label is not None and name is not None:
        return 3 if label == name else 0
    if kind == "timely" and "rate" in allowed:
        return 1  # 按期完成率 under 质量 is possible, under 时效 it is at home
    return 1 if len(allowed) >= _BROAD else 2


def _place_level2(cells: list[str], n: int, grid: dict[Role, list[str]]) -> list[str] | None:
    """二级 labels printed once: the starts where every row's kind agrees best with its 二级,
    when exactly one placement does."""
    k = len(cells)
    if k > n or k * n * n > _MAX_WORK:
        return None
    targets = grid.get(Role.TARGET, [""] * n)
    names = grid[Role.NAME]
    kinds = [_kind(names[r], targets[r]) for r in range(n)]
    themes = [name_theme(label_key(names[r])) for r in range(n)]
    fits = []
    for c in cells:
        key = label_key(c)
        allowed = next((s for w, s in _L2_KINDS if w in key), None) if is_level2(key) else None
        theme = label_theme(key)
        acc = [0]  # running sums: the fit of rows q..r-1 is acc[r] - acc[q]
        for r in range(n):
            named = framework_fit(key, label_key(names[r]))
            fit = 3 * named if named is not None else _fit(allowed, kinds[r], (theme, themes[r]))
            acc.append(acc[-1] + fit)
        fits.append(acc)
    # best[j][r]: best score with label j starting at r (rows before r scored); ways counted
    neg = -(10**9)
    best = [[neg] * n for _ in range(k)]
    ways = [[0] * n for _ in range(k)]
    best[0][0], ways[0][0] = 0, 1
    for j in range(1, k):
        for r in range(j, n):
            for q in range(j - 1, r):
                if best[j - 1][q] == neg:
                    continue
                v = best[j - 1][q] + fits[j - 1][r] - fits[j - 1][q]
                if v > best[j][r]:
                    best[j][r], ways[j][r] = v, ways[j - 1][q]
                elif v == best[j][r]:
                    ways[j][r] += ways[j - 1][q]
    final = [
        best[k - 1][r] + fits[k - 1][n] - fits[k - 1][r] if best[k - 1][r] != neg else neg
        for r in range(n)
    ]
    top = max(final)
    if top == neg or sum(ways[k - 1][r] for r in range(n) if final[r] == top) != 1:
        return None
    # walk back the one best placement
    at = [final.index(top)]
    for j in range(k - 1, 0, -1):
        r = at[0]
        want = best[j][r]
        q = next(
            q
            for q in range(j - 1, r)
            if best[j - 1][q] != neg and best[j - 1][q] + fits[j - 1][r] - fits[j - 1][q] == want
        )
        at.insert(0, q)
    return _starts(cells, n, at)
