"""Shared helpers for the office reader tests: fixture paths and a compact view of tables."""

from __future__ import annotations

from pathlib import Path

from jixiao.document import Document, Table

DATA = Path(__file__).parent / "data"


def texts(table: Table) -> list[list[str]]:
    """The grid as text; a cell covered by a merge shows as '*'."""
    return [["*" if c.merged else c.text for c in row] for row in table.rows]


def spans(table: Table) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, col) → (row_span, col_span) of the cells that start a merged region."""
    return {
        (r, c): (cell.row_span, cell.col_span)
        for r, row in enumerate(table.rows)
        for c, cell in enumerate(row)
        if cell.row_span > 1 or cell.col_span > 1
    }


def only_table(doc: Document) -> Table:
    assert len(doc.tables) == 1, [t.name for t in doc.tables]
    return doc.tables[0]
