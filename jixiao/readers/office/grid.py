"""Build a :class:`~jixiao.document.Table` from positioned cells with spans.

Readers place each source cell at (row, column) with its row and column span; the grid
expands merged regions the way :mod:`jixiao.document` asks: the text in the top-left cell,
the covered cells present, empty and ``merged=True``, so every row has the same columns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from openpyxl.utils.cell import get_column_letter

from jixiao.document import Cell, Table
from jixiao.errors import ReadError
from jixiao.model import Location
from jixiao.readers.office import limits

Merge = tuple[int, int, int, int]  # (first row, first column, last row, last column), inclusive


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


def sheet_table(
    title: str, texts: dict[tuple[int, int], str], merges: list[Merge], source: str, base: int
) -> Table | None:
    """A worksheet's printed texts and merged ranges as a Table cut to the used area.

    ``texts`` and ``merges`` use the workbook library's own numbering: ``base`` is 1 when
    rows and columns count from 1 (openpyxl), 0 when from 0 (xlrd). A merged range counts
    toward the used area only where its top-left cell has text. Cells are located
    ``Sheet1!D12``. ``None`` for an empty sheet.
    """
    anchors = set(texts) | {(m[0], m[1]) for m in merges}
    if not anchors:
        return None
    min_r = min(r for r, _ in anchors)
    min_c = min(c for _, c in anchors)
    max_r = max([r for r, _ in texts] + [m[2] for m in merges if (m[0], m[1]) in texts] + [min_r])
    max_c = max([c for _, c in texts] + [m[3] for m in merges if (m[0], m[1]) in texts] + [min_c])
    n_rows, n_cols = max_r - min_r + 1, max_c - min_c + 1
    if n_rows > limits.MAX_SHEET_ROWS or n_cols > limits.MAX_SHEET_COLS:
        raise ReadError(
            source,
            f"工作表“{title}”过大（{n_rows} 行 × {n_cols} 列，"
            f"上限 {limits.MAX_SHEET_ROWS} 行 × {limits.MAX_SHEET_COLS} 列），已拒绝",
        )
    placed = [Placed(r - min_r, c - min_c, t) for (r, c), t in texts.items()]
    by_anchor = {(p.row, p.col): p for p in placed}
    for r1, c1, r2, c2 in merges:
        if r1 > max_r or c1 > max_c or r1 < min_r or c1 < min_c:
            continue
        key = (r1 - min_r, c1 - min_c)
        p = by_anchor.get(key)
        if p is None:
            p = by_anchor[key] = Placed(key[0], key[1], "")
            placed.append(p)
        p.row_span, p.col_span = min(r2, max_r) - r1 + 1, min(c2, max_c) - c1 + 1
    row0, col0 = min_r + 1 - base, min_c + 1 - base  # 1-based address of the grid's (0, 0)

    def locate(row: int, col: int) -> Location:
        return Location(source, cell=f"{title}!{get_column_letter(col + col0)}{row + row0}")

    return build_table(
        placed,
        locate,
        name=title,
        location=Location(source, cell=title),
        n_rows=n_rows,
        n_cols=n_cols,
    )
