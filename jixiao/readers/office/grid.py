"""Build a :class:`~jixiao.document.Table` from positioned cells with spans.

Readers place each source cell at (row, column) with its row and column span; the grid
expands merged regions the way :mod:`jixiao.document` asks: the text in the top-left cell,
the covered cells present, empty and ``merged=True``, so every row has the same columns.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Set
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
    title: str,
    texts: dict[tuple[int, int], str],
    merges: list[Merge],
    source: str,
    base: int,
    hidden_rows: frozenset[int] = frozenset(),
    hidden_cols: frozenset[int] = frozenset(),
) -> Table | None:
    """A worksheet's printed texts and merged ranges as a Table cut to the used area.

    ``texts`` and ``merges`` use the workbook library's own numbering: ``base`` is 1 when
    rows and columns count from 1 (openpyxl), 0 when from 0 (xlrd). Hidden rows and columns
    (same numbering) are left out, as the sheet shows them: the cells after them move up or
    left, a merged range keeps its visible part with its text. A merged range counts toward
    the used area only where its top-left cell has text. Cells keep their own address
    (``Sheet1!D12``). ``None`` for an empty sheet.
    """
    if hidden_rows or hidden_cols:
        texts, merges = _visible(texts, merges, hidden_rows, hidden_cols)
    anchors = set(texts) | {(m[0], m[1]) for m in merges}
    if not anchors:
        return None
    min_r = min(r for r, _ in anchors)
    min_c = min(c for _, c in anchors)
    max_r = max([r for r, _ in texts] + [m[2] for m in merges if (m[0], m[1]) in texts] + [min_r])
    max_c = max([c for _, c in texts] + [m[3] for m in merges if (m[0], m[1]) in texts] + [min_c])
    rows = [r for r in range(min_r, max_r + 1) if r not in hidden_rows]
    cols = [c for c in range(min_c, max_c + 1) if c not in hidden_cols]
    n_rows, n_cols = len(rows), len(cols)
    if n_rows > limits.MAX_SHEET_ROWS or n_cols > limits.MAX_SHEET_COLS:
        raise ReadError(
            source,
            f"工作表“{title}”过大（{n_rows} 行 × {n_cols} 列，"
            f"上限 {limits.MAX_SHEET_ROWS} 行 × {limits.MAX_SHEET_COLS} 列），已拒绝",
        )
    row_at = {r: i for i, r in enumerate(rows)}
    col_at = {c: i for i, c in enumerate(cols)}
    placed = [Placed(row_at[r], col_at[c], t) for (r, c), t in texts.items()]
    by_anchor = {(p.row, p.col): p for p in placed}
    for r1, c1, r2, c2 in merges:
        if r1 > max_r or c1 > max_c or r1 < min_r or c1 < min_c:
            continue
        key = (row_at[r1], col_at[c1])
        p = by_anchor.get(key)
        if p is None:
            p = by_anchor[key] = Placed(key[0], key[1], "")
            placed.append(p)
        p.row_span = bisect_right(rows, r2) - key[0]  # the visible rows it covers
        p.col_span = bisect_right(cols, c2) - key[1]

    def locate(row: int, col: int) -> Location:
        address = f"{get_column_letter(cols[col] + 1 - base)}{rows[row] + 1 - base}"
        return Location(source, cell=f"{title}!{address}")

    return build_table(
        placed,
        locate,
        name=title,
        location=Location(source, cell=title),
        n_rows=n_rows,
        n_cols=n_cols,
    )


def _visible(
    texts: dict[tuple[int, int], str],
    merges: list[Merge],
    hidden_rows: frozenset[int],
    hidden_cols: frozenset[int],
) -> tuple[dict[tuple[int, int], str], list[Merge]]:
    """The texts in visible cells, and each merged range cut to its visible rows and columns
    with its text moved to its first visible cell (ranges wholly hidden are dropped)."""
    shown = {k: t for k, t in texts.items() if k[0] not in hidden_rows and k[1] not in hidden_cols}
    kept: list[Merge] = []
    for r1, c1, r2, c2 in merges:
        first_r = next((r for r in range(r1, r2 + 1) if r not in hidden_rows), None)
        first_c = next((c for c in range(c1, c2 + 1) if c not in hidden_cols), None)
        if first_r is None or first_c is None:
            continue
        if (first_r, first_c) != (r1, c1) and (r1, c1) in texts:
            shown[(first_r, first_c)] = texts[(r1, c1)]
        kept.append((first_r, first_c, r2, c2))
    return shown, kept


def hidden_note(
    title: str, cells: Iterable[tuple[int, int]], hidden_rows: Set[int], hidden_cols: Set[int]
) -> str | None:
    """The reading note for a sheet whose hidden rows or columns hold values (left unread)."""
    rows = {r for r, c in cells if r in hidden_rows}
    cols = {c for r, c in cells if c in hidden_cols}
    if not rows and not cols:
        return None
    parts = ([f"{len(rows)} 行"] if rows else []) + ([f"{len(cols)} 列"] if cols else [])
    return f"工作表“{title}”中隐藏的 {'、'.join(parts)}未读取（按表格显示的内容读取）"
