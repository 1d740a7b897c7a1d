"""Fund rows whose cells do not stand under the header's columns.

A 部门整体 fund block often prints the block's own label as the first header cell, before the
row-label column (``部门(单位)总体资金(万元) | 资金来源 | 年初预算数(A) | 全年执行数(B) | 分值 |
得分``), while its rows start with their label (``年度资金总额 | 640.20 | 655.48 | 10 | 10``):
a row of as many cells as the header then puts its first figure under 资金来源 and every
figure after it one column to the right. A figure standing where the header has no value
column, between the row's label and the header's first value column, says the row is not
aligned with the header; its values are then placed by their shapes, as in a row of another
length. Where the header has a 执行率 column the rate already tells a shifted row and its
columns, and this check stays out.
"""

from __future__ import annotations

from collections.abc import Sequence

from jixiao.document import Cell
from jixiao.extract.values import is_amount
from jixiao.extract.vocab import Role

__all__ = ["figure_under_label"]


def figure_under_label(
    row: Sequence[Cell], label_at: int, roles: Sequence[tuple[int, Role]]
) -> bool:
    """True when a cell after the row's label and before the header's first value column
    holds a figure (the row is shifted against the header). Not where the header has a 执行率
    column: there the rate tells a shifted row (``short_rows.shifted_fund``) and its columns."""
    if not roles or any(r == Role.RATE for _, r in roles):
        return False
    first = min(i for i, _ in roles)
    return any(is_amount(row[i].text) for i in range(label_at + 1, min(first, len(row))))
