"""The blocks of a funds table and their identities (shared by arithmetic and budget checks).

A department table has two blocks, 资金来源 (合计 = 财政拨款 + 其他资金 …) and 资金结构
(合计 = 基本支出 + 项目支出, 基本支出 = 人员支出 + 公用支出); a project table has one block
(年度资金总额 = 本年财政拨款 + 上年结转资金 + 其他资金 …). Blocks are taken from
``FundRow.group`` where the reader set it, else a new block starts at each total row.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from jixiao.checks.base import per_evaluation
from jixiao.model import Evaluation, FundGroup, FundLine, FundRow, Num

SOURCE_PARTS = frozenset(
    {
        FundLine.FISCAL,
        FundLine.CARRYOVER,
        FundLine.SPECIAL_ACCOUNT,
        FundLine.UNIT_FUNDS,
        FundLine.OTHER,
    }
)
STRUCTURE_PARTS = frozenset({FundLine.BASIC, FundLine.PROJECT})
BASIC_PARTS = frozenset({FundLine.PERSONNEL, FundLine.PUBLIC})

COLUMNS: tuple[tuple[str, str], ...] = (
    ("initial_budget", "年初预算数"),
    ("budget", "全年预算数"),
    ("actual", "全年执行数"),
)


@dataclass(frozen=True)
class Block:
    """One block of the funds table: its total row (if any) and all its rows."""

    group: FundGroup | None
    rows: tuple[FundRow, ...]

    @property
    def total(self) -> FundRow | None:
        for row in self.rows:
            if row.line == FundLine.TOTAL:
                return row
        return None

    @property
    def is_structure(self) -> bool:
        if self.group is not None:
            return self.group == FundGroup.STRUCTURE
        lines = {r.line for r in self.rows}
        return bool(lines & STRUCTURE_PARTS) and not lines & SOURCE_PARTS

    @property
    def parts(self) -> tuple[FundRow, ...]:
        wanted = STRUCTURE_PARTS if self.is_structure else SOURCE_PARTS
        return tuple(r for r in self.rows if r.line in wanted)

    def row(self, line: FundLine) -> FundRow | None:
        for r in self.rows:
            if r.line == line:
                return r
        return None

    @property
    def name(self) -> str:
        return "资金结构" if self.is_structure else "资金来源"


@per_evaluation
def blocks(evaluation: Evaluation) -> tuple[Block, ...]:
    funds = evaluation.funds
    if not funds:
        return ()
    if any(r.group is not None for r in funds):
        order: list[FundGroup | None] = []
        for r in funds:
            if r.group not in order:
                order.append(r.group)
        return tuple(Block(g, tuple(r for r in funds if r.group == g)) for g in order)
    result: list[list[FundRow]] = []
    for r in funds:
        if r.line == FundLine.TOTAL or not result:
            result.append([])
        result[-1].append(r)
    return tuple(Block(None, tuple(rows)) for rows in result)


def cell(row: FundRow, column: str) -> Num | None:
    value = getattr(row, column)
    return value if isinstance(value, Num) else None


@dataclass(frozen=True)
class SumCase:
    """A printed total, its printed parts, in one column."""

    total_row: FundRow
    total: Num
    parts: tuple[tuple[FundRow, Num], ...]
    column: str
    column_name: str

    @property
    def expected(self) -> Decimal:
        return sum((n.value for _, n in self.parts), Decimal(0))


def sum_cases(total_row: FundRow, part_rows: tuple[FundRow, ...]) -> Iterator[SumCase]:
    """Every column in which the total and at least one part are printed."""
    for column, name in COLUMNS:
        total = cell(total_row, column)
        parts = tuple((r, n) for r in part_rows if (n := cell(r, column)) is not None)
        if total is not None and parts:
            yield SumCase(total_row, total, parts, column, name)


def weighted_total_rows(evaluation: Evaluation) -> tuple[FundRow, ...]:
    """Rows whose 分值 counts toward the total: the total rows, or, where no total row is
    weighted, the rows at the top depth that carry a weight."""
    totals = tuple(r for r in evaluation.funds if r.line == FundLine.TOTAL and r.weight is not None)
    if totals:
        return totals[:1]
    weighted = [r for r in evaluation.funds if r.weight is not None]
    if not weighted:
        return ()
    top = min(r.depth for r in weighted)
    return tuple(r for r in weighted if r.depth == top)[:1]
