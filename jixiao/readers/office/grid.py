"""Build a :class:`~jixiao.document.Table` from positioned cells with spans.

Readers place each source cell at (row, column) with its row and column span; the grid
expands merged regions the way :mod:`jixiao.document` asks: the text in the top-left cell,
the covered cells present, empty and ``merged=True``, so every row has the same columns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from jixiao.document import Cell, Table
from jixiao.model import Location


@dataclass(slots=True)
class Placed:
    row: int  # 0-based
    col: int  # 0-based
    text: str
    row_span: int = 1
    col_span: int = 1


def build_table(
    placed: list[Placed],
    locate: Callable[[int, int], Location],
    *,
    name: str | None = None,
    location: Location | None = None,
    n_rows: int | None = None,
    n_cols: int | None = None,
) -> Table:
    """Expand placed cells into a full grid; ``locate(row, col)`` gives each cell's location."""
    rows = n_rows if n_rows is not None else max((p.row + p.row_span for p in placed), default=0)
    cols = n_cols if n_cols is not None else max((p.col + p.col_span for p in placed), default=0)
    grid: list[list[Cell | None]] = [[None] * cols for _ in range(rows)]
    for p in placed:
        if p.row >= rows or p.col >= cols or grid[p.row][p.col] is not None:
            continue
        rs = max(1, min(p.row_span, rows - p.row))
        cs = max(1, min(p.col_span, cols - p.col))
        grid[p.row][p.col] = Cell(p.text, locate(p.row, p.col), False, rs, cs)
        for r in range(p.row, p.row + rs):
            for c in range(p.col, p.col + cs):
                if (r, c) != (p.row, p.col) and grid[r][c] is None:
                    grid[r][c] = Cell("", locate(r, c), True)
    out = tuple(
        tuple(cell if cell is not None else Cell("", locate(r, c)) for c, cell in enumerate(row))
        for r, row in enumerate(grid)
    )
    return Table(out, location, name)
