"""A written table (``jixiao.writers.grid``) as rows of cell texts, for the text layouts."""

from __future__ import annotations

from jixiao.model import Evaluation
from jixiao.writers.grid import build_grid


def grid_rows(
    e: Evaluation, joiner: str = " ", across: str | None = None
) -> tuple[str, list[list[str]]]:
    """The title and the table's rows as lists of cell texts: a cell under a vertical merge is
    empty, a cell merged across columns is written once (as Word's copy-as-text and web pages
    give it) — or followed by ``across`` for each column it covers, when given (the rows then
    keep the grid's columns); the lines of a cell are joined by ``joiner``."""
    grid = build_grid(e)
    covered = grid.covered()
    rows = []
    for row in range(1, grid.nrows):
        cells = []
        for col in range(grid.ncols):
            cell = grid.cells.get((row, col))
            if cell is not None:
                cells.append(joiner.join(p.strip() for p in cell.text.split("\n") if p.strip()))
            elif (
                (row, col) in covered
                and covered[(row, col)].row < row
                and covered[(row, col)].col == col
            ):
                cells.append("")
            elif across is not None:
                cells.append(across)
        rows.append(cells)
    return grid.title, rows
