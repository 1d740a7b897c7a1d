"""Targets and actuals printed on two rows: a 指标值 row, then a 完成值 row under the same name.

Some templates give each indicator two rows instead of two columns::

    | 三级指标     |        | 指标内容 | 分值 | 得分 |
    | 改造公厕数量 | 指标值 | ≥20座    | 20   | 20   |
    |              | 完成值 | 22座     |      |      |

The cell before the value names what the value is (指标值/目标值 → the target, 完成值/实际值 →
the actual), in a column the header gives no such role. The first row carries the name; the
second, without a name, completes the indicator above it.
"""

from __future__ import annotations

from collections.abc import Sequence

from jixiao.document import Cell
from jixiao.extract import vocab
from jixiao.extract.values import is_blank
from jixiao.extract.vocab import Role
from jixiao.textnorm import label_key

_MEASURE_ROLES = (Role.TARGET, Role.ACTUAL)


def stated_measure(row: Sequence[Cell], column_roles: dict[int, Role]) -> tuple[Role, Cell] | None:
    """(TARGET or ACTUAL, the value's cell) when a cell of ``row`` names the value beside it
    (``指标值 | ≥20座``); None otherwise. ``column_roles`` is the header's role of each column:
    the naming cell sits in a column without a measure role, the value in a column holding no
    figure of another kind (分值, 得分)."""
    for i, cell in enumerate(row[:-1]):
        if i in column_roles or is_blank(cell.text):
            continue
        role = names_measure(cell.text)
        if role is None:
            continue
        for j in range(i + 1, len(row)):
            if is_blank(row[j].text):
                continue
            if column_roles.get(j) not in (None, *_MEASURE_ROLES):
                return None
            assert role is not None
            return role, row[j]
        return None
    return None


def names_measure(text: str) -> Role | None:
    """TARGET or ACTUAL when ``text`` is a short label naming one (指标值, 完成值, 实际值)."""
    if len(text) > 8:
        return None
    role = vocab.column_role(label_key(text))
    return role if role in _MEASURE_ROLES else None


def second_measure_line(first: str, above: Sequence[str]) -> bool:
    """A line of text starting with 完成值 under a row holding 指标值 (or the other way
    round) is the indicator's second row, not the rest of wrapped cells above."""
    role = names_measure(first)
    if role is None:
        return False
    other = Role.ACTUAL if role is Role.TARGET else Role.TARGET
    return any(names_measure(a) is other for a in above)
