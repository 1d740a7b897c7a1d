"""Cells of the last indicator rows printed after the end of the table.

A PDF whose table has merged cells may give the text of its last rows in two parts: the name
and 指标值 of each row where the row is (``社会效益指标 企业把握政治导向和文 化方向情况 企业把握正
确政治导向 …``), and the 实际完成值 and 得分 of those rows only after the table's labels printed
last (``二级指标 … 效益指标 (40 分) 总分 企业较好把 握正确政治 … 20 20 100``). Read in that order,
the open rows take the wrong cells and the late ones are lost.

``reattach_late_cells`` puts them back on a stream of cells (the order the text gives them):

- the open rows come before the table's end labels: each a 二级/一级 category, then only text
  (no bare figure) — the wrapped lines of the name and the text columns printed, each line a
  cell of its own;
- the late run follows those labels: text (the wrapped lines of the remaining text columns of
  each open row, in order), then the figures of each open row (as many as the header has figure
  columns) and, after a 总分 label, one more figure, the total;
- the lines are cut into cells where each cell is one wrapped cell (full lines of one width, a
  shorter last one: ``wrapped_cells``) and most cells end on a shorter line; only one cut may
  be best, and only one count of text columns printed in the open rows may fit;
- the reading is kept only when the arithmetic confirms it: a 一级 label among the end labels
  whose points (``效益指标 (40 分)``) are the sum of the late rows' 分值 (or 得分).

Anything else: the cells stay as they are.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from jixiao.document import Cell
from jixiao.extract import vocab
from jixiao.extract.trailing_levels import label_points
from jixiao.extract.values import is_number
from jixiao.extract.vocab import Role
from jixiao.extract.wrapped_cells import line_cuts, line_width, wraps
from jixiao.textnorm import label_key, strip_points

_DIGIT = re.compile(r"[0-9０-９]")
_TEXT_ROLES = (Role.TARGET, Role.ACTUAL)
_FIGURE_ROLES = (Role.WEIGHT, Role.SCORE)
_LAST_ROLES = (Role.DEVIATION, Role.REMARK)
_MOST_LINES = 16  # wrapped lines of one open row, or of the late run, at most
_SIDE_LABELS = frozenset({"年度绩效目标", "绩效指标", "绩效目标"})


def _key(cell: Cell) -> str:
    return label_key(cell.text)


def _category(cell: Cell) -> bool:
    key = strip_points(_key(cell))
    return bool(key) and (vocab.is_level1(key) or vocab.is_level2(key))


def _end_label(cell: Cell) -> bool:
    """A label printed after the rows: a column label, 总分, a 一级 with points, a side label."""
    key = _key(cell)
    return (
        vocab.column_role(key) is not None
        or vocab.total_label(key)
        or strip_points(key) in _SIDE_LABELS
        or (_category(cell) and label_points(cell.text) is not None)
    )


def _label(cell: Cell) -> bool:
    return _end_label(cell) or _category(cell)


def _words(cell: Cell) -> bool:
    """A text cell's line: words or a measure (``21次``), not a label nor a bare figure."""
    t = cell.text.strip()
    return bool(t) and not is_number(t) and not _label(cell)


def _figure(cell: Cell) -> bool:
    return is_number(cell.text)


def _header(cells: list[Cell]) -> tuple[int, int, int] | None:
    """The end of the indicator header (index after it) and its text and figure columns after
    the name: 三级指标 | 年初目标值 | 实际完成值 | 得分 → (end, 2, 1)."""
    for i, cell in enumerate(cells):
        if vocab.column_role(_key(cell)) is not Role.NAME:
            continue
        roles = []
        j = i + 1
        while j < len(cells) and (role := vocab.column_role(_key(cells[j]))) is not None:
            roles.append(role)
            j += 1
        n_text = 0
        while n_text < len(roles) and roles[n_text] in _TEXT_ROLES:
            n_text += 1
        figs = roles[n_text:]
        while figs and figs[-1] in _LAST_ROLES:
            figs = figs[:-1]  # a reason or remark column, blank in the open rows
        if n_text >= 2 and figs and all(r in _FIGURE_ROLES for r in figs):
            return j, n_text, len(figs)
    return None


def _best_cut(cells: list[Cell], parts: int) -> list[Cell] | None:
    """The lines cut into ``parts`` wrapped cells: the one cut where every run wraps and most
    runs end on a shorter line; None when no cut or several are best."""
    if len(cells) < parts or len(cells) > _MOST_LINES:
        return None
    widths = [line_width(c.text) for c in cells]
    best: list[tuple[int, ...]] = []
    best_score = -1
    for ends in line_cuts(len(cells), parts):
        runs = list(zip((0, *ends[:-1]), ends, strict=True))
        if not all(wraps(widths[a:b]) for a, b in runs):
            continue
        score = sum(1 for a, b in runs if b - a > 1 and widths[b - 1] < max(widths[a:b]))
        if score > best_score:
            best, best_score = [ends], score
        elif score == best_score:
            best.append(ends)
    if len(best) != 1:
        return None
    out = []
    for a, b in zip((0, *best[0][:-1]), best[0], strict=True):
        run = cells[a:b]
        out.append(Cell(" ".join(c.text.strip() for c in run), run[0].location))
    return out


def _groups(cells: list[Cell]) -> list[tuple[list[Cell], list[Cell]]] | None:
    """The open rows: each its categories, then its lines of words."""
    groups: list[tuple[list[Cell], list[Cell]]] = []
    for cell in cells:
        if _category(cell) and groups and not groups[-1][1] and _takes_name(groups[-1][0]):
            groups[-1][1].append(cell)  # 服务对象满意度 after its 二级: the name
        elif _category(cell):
            if groups and not groups[-1][1]:
                groups[-1][0].append(cell)
            else:
                groups.append(([cell], []))
        elif _words(cell) and groups:
            groups[-1][1].append(cell)
        else:
            return None
    return groups if groups and all(len(w) >= 2 for _, w in groups) else None


def _takes_name(categories: list[Cell]) -> bool:
    """Whether the row's categories are complete: a 二级 that is no 一级 read, or two read
    (the 一级 column comes before the 二级)."""
    last = strip_points(_key(categories[-1]))
    return len(categories) >= 2 or (vocab.is_level2(last) and not vocab.is_level1(last))


def _value(cell: Cell) -> Decimal | None:
    try:
        return Decimal(cell.text.strip())
    except InvalidOperation:
        return None


def reattach_late_cells(cells: list[Cell]) -> tuple[list[Cell], str | None]:
    """The cells with the late cells of the open rows put back on them, and a reading note;
    the cells unchanged (and no note) where the shape or the arithmetic does not hold."""
    head = _header(cells)
    if head is None:
        return cells, None
    start, n_text, n_fig = head
    for s in range(max(start, 1), len(cells)):
        if _category(cells[s - 1]) or not _category(cells[s]):
            continue
        got = _reattach_at(cells, s, n_text, n_fig)
        if got is not None:
            rows, tail, end, note = got
            return [*cells[:s], *(c for r in rows for c in r), *tail, *cells[end:]], note
    return cells, None


def reattach_late_rows(rows: list[list[Cell]]) -> tuple[list[list[Cell]], str | None]:
    """The same for a table read a row per line (PDF text with its rows on lines of their own):
    the open rows are whole lines before the line of end labels that carries the late cells."""
    found = next(
        (
            (h, head)
            for h, row in enumerate(rows)
            if (head := _header([c for c in row if c.text.strip()])) is not None
        ),
        None,
    )
    if found is None:
        return rows, None
    h, (_, n_text, n_fig) = found
    for r in range(h + 2, len(rows)):
        line = [c for c in rows[r] if c.text.strip()]
        if not line or not _end_label(line[0]) or not any(_figure(c) for c in line):
            continue
        first = r
        while first - 1 > h and _open_line([c for c in rows[first - 1] if c.text.strip()]):
            first -= 1
        if first == r:
            continue
        cells = [c for row in rows[first:r] for c in row if c.text.strip()]
        got = _reattach_at([*cells, *line], 0, n_text, n_fig)
        if got is None or got[2] != len(cells) + len(line):
            continue
        opened, tail, _, note = got
        if len(opened) != r - first:
            continue  # each open row a line of its own
        return [*rows[:first], *opened, tail, *rows[r + 1 :]], note
    return rows, None


def _open_line(line: list[Cell]) -> bool:
    return bool(line) and _category(line[0]) and not any(_figure(c) for c in line)


def _reattach_at(
    cells: list[Cell], s: int, n_text: int, n_fig: int
) -> tuple[list[list[Cell]], list[Cell], int, str] | None:
    """The open rows from ``s`` rebuilt, the end labels after them (with the total's figure),
    the index after the late cells, and the note; None where the shape or arithmetic fails."""
    e = s
    while e < len(cells) and not _end_label(cells[e]) and not _figure(cells[e]):
        e += 1
    if e >= len(cells) or not _end_label(cells[e]):
        return None
    groups = _groups(cells[s:e])
    if groups is None:
        return None
    w = e
    while w < len(cells) and _label(cells[w]):
        w += 1
    f = w
    while f < len(cells) and _words(cells[f]):
        f += 1
    end = f
    while end < len(cells) and _figure(cells[end]):
        end += 1
    ends_labels, late_words, figures = cells[e:w], cells[w:f], cells[f:end]
    k = len(groups)
    has_total = any(vocab.total_label(_key(c)) for c in ends_labels)
    if not late_words or len(figures) not in (k * n_fig, k * n_fig + has_total):
        return None
    readings = []
    for printed in range(1, n_text):
        cut = [_best_cut(words, 1 + printed) for _, words in groups]
        late = _best_cut(late_words, k * (n_text - printed))
        if late is not None and all(r is not None for r in cut):
            readings.append((printed, cut, late))
    if len(readings) != 1:
        return None
    printed, cut, late = readings[0]
    per_row = [figures[j * n_fig : (j + 1) * n_fig] for j in range(k)]
    points = [p for fig in per_row if (p := _value(fig[0])) is not None]
    if len(points) != k:
        return None
    total = sum(points, Decimal(0))
    confirmed = [
        c for c in ends_labels if _category(c) and label_points(c.text) == total and total > 0
    ]
    if not confirmed:
        return None
    rest = n_text - printed
    rows: list[list[Cell]] = []
    for j, ((categories, _), row) in enumerate(zip(groups, cut, strict=True)):
        assert row is not None
        rows.append([*categories, *row, *late[j * rest : (j + 1) * rest], *per_row[j]])
    tail: list[Cell] = []
    for c in ends_labels:
        tail.append(c)
        if has_total and vocab.total_label(_key(c)) and len(figures) > k * n_fig:
            tail.append(figures[-1])
    note = (
        f"{cells[s].location}：末尾 {k} 行的后 {rest} 栏文字和分值印在表尾的标签之后，"
        f"按列数接回各行（其分值之和 {total:f} 与“{confirmed[0].text.strip()}”相符）"
    )
    return rows, tail, end, note
