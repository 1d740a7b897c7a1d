"""Indicator rows of a stream of cells put back in order when some print their values first.

A PDF copy printed one row a line (cells apart by spaces) or one cell a line may give a row's
label cells after its figures (``≥95% 98% 5 5 产出指标 质量指标 合格率``: a merged 一级/二级
cell and the name come out last), or two rows as labels, labels, values, values. Either way the
names keep their order and so do the rows of figures: only how they interleave changes. So
when the indicator table under its header holds exactly as many names as whole rows of figures
(each as many figures as the header has value columns, a reason in words after them kept with
them), the rows are put back as labels then figures, name by name and row by row.

Anything else is not moved here: a table already read labels-then-figures, a row with one
figure fewer (a blank cell gone), a text target or actual (a qualitative indicator: its figures
cannot be told from names), a column of units, or counts that do not match. Such a body is then
read as units of labels and values (:mod:`jixiao.extract.row_units`: words may be values, 分值
and 得分 end a row's values), and moved only when exactly one reading exists.
"""

from __future__ import annotations

from jixiao.document import Cell
from jixiao.extract import row_units, vocab
from jixiao.extract.stream import _sentence
from jixiao.extract.values import looks_like_value
from jixiao.extract.vocab import Role
from jixiao.textnorm import label_key

_VALUE_ROLES = frozenset({Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE})
_LABEL_ROLES = frozenset({Role.LEVEL1, Role.LEVEL2, Role.NAME})


def _header(keys: list[str]) -> tuple[int, int] | None:
    """(end of the indicator header, value columns per row): the first run of column labels
    with a name column, value columns all after it and nothing but a reason column besides."""
    k = 0
    while k < len(keys):
        roles = []
        j = k
        while j < len(keys) and vocab.column_role(keys[j]) is not None:
            roles.append(vocab.column_role(keys[j]))
            j += 1
        if Role.NAME in roles and Role.TARGET in roles and Role.WEIGHT in roles:
            values = [r for r in roles if r in _VALUE_ROLES]
            after_name = roles[roles.index(Role.NAME) + 1 :]
            if set(roles) <= _VALUE_ROLES | _LABEL_ROLES | {Role.DEVIATION} and all(
                r in _VALUE_ROLES or r == Role.DEVIATION for r in after_name
            ):
                return j, len(values)
            return None
        k = j + 1
    return None


def indicator_rows_in_order(cells: list[Cell]) -> list[Cell]:
    """The cells with the indicator rows as labels then figures (see the module docstring);
    where words are values too, as :mod:`jixiao.extract.row_units` reads them."""
    keys = [label_key(c.text) for c in cells]
    found = _header(keys)
    if found is None or found[1] < 3:
        return cells
    start, width = found
    end = start
    while end < len(cells) and not vocab.total_label(keys[end]) and not vocab.section_of(keys[end]):
        end += 1
    got = _figure_rows(cells, keys, start, end, width)
    if got is not cells:
        return got
    # a framework 二级 (绩效目标, 资金投入) also names a section: it does not end the body here
    while (
        end < len(cells)
        and not vocab.total_label(keys[end])
        and (
            vocab.is_level1(keys[end])
            or vocab.is_level2(keys[end])
            or not vocab.section_of(keys[end])
        )
    ):
        end += 1
    return row_units.in_order(cells, start, end, width - 2)


def _figure_rows(
    cells: list[Cell], keys: list[str], start: int, end: int, width: int
) -> list[Cell]:
    body = cells[start:end]
    labels: list[list[Cell]] = []  # per name: its category cells and the name
    rows: list[list[Cell]] = []  # per row of figures: the figures and a reason after them
    pending: list[Cell] = []
    run: list[Cell] = []
    order = []  # "L" / "V" as they come, to see whether anything is out of order

    def name_ends(pending: list[Cell]) -> list[Cell]:
        if pending:
            labels.append(pending)
            order.append("L")
        return []

    for k, cell in enumerate([*body, None]):
        if cell is not None and looks_like_value(cell.text):
            # a category word followed by figures is the name (服务对象满意度)
            pending = name_ends(pending)
            run.append(cell)
            continue
        if run:
            if len(run) % width:
                return cells  # a figure gone or a text figure: rows cannot be told
            rows += [run[i : i + width] for i in range(0, len(run), width)]
            order += ["V"] * (len(run) // width)
            run = []
            if cell is not None and _sentence(cell.text):
                rows[-1].append(cell)  # the reason for the row before it
                continue
        if cell is None:
            pending = name_ends(pending)  # the last name may be a category word too
            break
        pending.append(cell)
        key = keys[start + k]
        if not (vocab.is_level1(key) or vocab.is_level2(key)):
            pending = name_ends(pending)
    if not rows or len(labels) != len(rows) or order == ["L", "V"] * len(rows):
        return cells
    ordered = [c for label, row in zip(labels, rows, strict=True) for c in (*label, *row)]
    return [*cells[:start], *ordered, *cells[end:]]
