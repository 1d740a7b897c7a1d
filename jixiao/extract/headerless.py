"""Fund rows read without a header whose own arithmetic cannot confirm them.

A fund row without a header is placed by its 执行率 = 执行数 ÷ 预算数 (``values.infer_fund_roles``).
A row of zeros, or one whose 执行率 is left blank (上年结转资金 | 0 | 0 | 0 | － | | －), has no rate
to confirm anything: its figures stand in the money columns that the confirmed rows above it
showed (年初预算数, 全年预算数, 全年执行数 in that order, the order every fund table prints).
"""

from __future__ import annotations

from collections.abc import Sequence

from jixiao.extract.values import is_blank, is_number
from jixiao.extract.vocab import Role

_MONEY = (Role.INITIAL, Role.BUDGET, Role.SPENT)


def money_columns(roles: Sequence[Role | None]) -> tuple[Role, ...]:
    """The money roles a confirmed headerless fund row placed, in their order."""
    return tuple(r for r in roles if r in _MONEY)


def follow_money_columns(
    values: Sequence[str], columns: tuple[Role, ...]
) -> list[Role | None] | None:
    """The roles of a fund row no rate confirms, from the money ``columns`` of the rows above:
    its only figures, side by side and exactly as many as those columns, read in their order;
    every other cell is blank (no rate, no points to place). None when the row is not of that shape."""
    if not columns:
        return None
    figures = [i for i, v in enumerate(values) if not is_blank(v)]
    if len(figures) != len(columns) or figures[-1] - figures[0] != len(figures) - 1:
        return None  # as many figures as money columns, side by side
    if not all(is_number(values[i]) for i in figures):
        return None
    out: list[Role | None] = [None] * len(values)
    for i, role in zip(figures, columns, strict=True):
        out[i] = role
    return out
