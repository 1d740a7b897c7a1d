"""Tables of the PDF reader: ruled tables, text-column tables, and tables over page breaks.

A table is read per page (:class:`PageTable`); parts that continue each other over page
breaks are assembled into one :class:`~jixiao.document.Table` whose rows keep their pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from jixiao.document import Cell, Paragraph, Table
from jixiao.model import Location
from jixiao.readers.office.pdf_text import TEXT_OPTIONS, char_size, join_lines

# a line this short between two parts of a table is a page number or a running head
_FURNITURE_CHARS = 20


@dataclass
class PageTable:
    page: int
    rows: list[list[tuple[str, int, int] | None]]  # text, row span, col span; None = covered
    top: float
    bottom: float
    page_height: float
    ruled: bool = True


def ruled_table(page: Any, table: Any, number: int) -> PageTable:
    texts = table.extract(**TEXT_OPTIONS)
    rows_boxes = [r.cells for r in table.rows]
    rows: list[list[tuple[str, int, int] | None]] = []
    for r, (row_text, row_boxes) in enumerate(zip(texts, rows_boxes, strict=False)):
        out_row: list[tuple[str, int, int] | None] = []
        for c, box in enumerate(row_boxes):
            if box is None:
                out_row.append(None)
                continue
            x1, bottom = box[2], box[3]
            col_span = 1
            while (
                c + col_span < len(row_boxes)
                and row_boxes[c + col_span] is None
                and _col_x0(rows_boxes, c + col_span) < x1 - 1
            ):
                col_span += 1
            row_span = 1
            while (
                r + row_span < len(rows_boxes)
                and c < len(rows_boxes[r + row_span])
                and rows_boxes[r + row_span][c] is None
                and _row_top(rows_boxes[r + row_span]) < bottom - 1
            ):
                row_span += 1
            out_row.append((join_lines(row_text[c] or ""), row_span, col_span))
        rows.append(out_row)
    return PageTable(number, rows, table.bbox[1], table.bbox[3], float(page.height))


def _col_x0(rows_boxes: list[list[Any]], c: int) -> float:
    xs = [row[c][0] for row in rows_boxes if c < len(row) and row[c] is not None]
    return min(xs) if xs else float("inf")


def _row_top(row_boxes: list[Any]) -> float:
    tops = [b[1] for b in row_boxes if b is not None]
    return min(tops) if tops else float("inf")


def aligned_table(
    run: list[tuple[dict[str, Any], list[tuple[float, str]]]], number: int, height: float
) -> PageTable:
    size = sum(char_size(ln) for ln, _ in run) / len(run)
    starts: list[float] = []
    for x in sorted(x for _, segs in run for x, _ in segs):
        if not starts or x - starts[-1] > size:
            starts.append(x)
    rows: list[list[tuple[str, int, int] | None]] = []
    for _, segs in run:
        cells = [""] * len(starts)
        for x, text in segs:
            col = (
                max(i for i, s in enumerate(starts) if s <= x + size / 2)
                if any(s <= x + size / 2 for s in starts)
                else 0
            )
            cells[col] = (cells[col] + " " + text).strip()
        rows.append([(t, 1, 1) for t in cells])
    return PageTable(number, rows, run[0][0]["top"], run[-1][0]["bottom"], height, ruled=False)


def continued(groups: list[list[PageTable] | Paragraph], item: PageTable) -> list[PageTable] | None:
    """The table ``item`` continues, if any: the last table, on the previous page, with the
    same columns, separated from it only by page furniture (page numbers, running heads)."""
    for group in reversed(groups):
        if isinstance(group, Paragraph):
            if len(group.text) > _FURNITURE_CHARS or (group.location.page or 0) > item.page:
                return None
            continue
        last = group[-1]
        if last.page == item.page - 1 and _width(last) == _width(item) and last.ruled == item.ruled:
            return group
        return None
    return None


def _width(t: PageTable) -> int:
    return max((len(r) for r in t.rows), default=0)


def assemble_table(parts: list[PageTable], number: int, source: str) -> Table:
    width = max(_width(p) for p in parts)
    grid: list[list[list[Any]]] = []  # [text, row_span, col_span, merged, page]
    for k, part in enumerate(parts):
        boundary = len(grid)
        for row in part.rows:
            cells: list[list[Any]] = []
            for c in range(width):
                item = row[c] if c < len(row) else ("", 1, 1)
                if item is None:
                    cells.append(["", 1, 1, True, part.page])
                else:
                    cells.append([item[0], item[1], item[2], False, part.page])
            grid.append(cells)
        if k > 0 and boundary < len(grid):
            _continue_regions(grid, boundary)
            _join_split_row(grid, boundary)
    rows = tuple(
        tuple(
            Cell(
                text,
                Location(source, cell=f"表{number} 第{r + 1}行第{c + 1}列", page=page),
                merged,
                rs,
                cs,
            )
            for c, (text, rs, cs, merged, page) in enumerate(row)
        )
        for r, row in enumerate(grid)
    )
    pages = sorted({p.page for p in parts})
    return Table(rows, Location(source, cell=f"表{number}", page=pages[0]), f"表{number}")


def _owner(grid: list[list[list[Any]]], row: int, col: int) -> tuple[int, int] | None:
    """(row, col) of the cell whose region covers (row, col): the cell itself if not merged."""
    for r in range(row, -1, -1):
        for c in range(col, -1, -1):
            cell = grid[r][c]
            if not cell[3] and r + cell[1] > row and c + cell[2] > col:
                return r, c
    return None


def _recompute_spans(grid: list[list[list[Any]]]) -> None:
    """Row spans from the merged flags: a region runs down while the cells below are merged
    and not covered by a region starting to their left in the same row."""
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell[3]:
                continue
            span = 1
            while r + span < len(grid):
                below = grid[r + span]
                if not below[c][3] or _covered_from_left(below, c):
                    break
                span += 1
            cell[1] = span


def _covered_from_left(row: list[list[Any]], col: int) -> bool:
    return any(not row[c][3] and c + row[c][2] > col for c in range(col))


def _continue_regions(grid: list[list[list[Any]]], boundary: int) -> None:
    """A merged region cut by the page break: the empty cell that restarts it on the new page
    is covered by the region's origin on the previous page."""
    for c, cell in enumerate(grid[boundary]):
        if cell[3] or cell[0] != "":
            continue
        owner = _owner(grid, boundary - 1, c)
        if owner is None or owner[1] != c or grid[owner[0]][c][2] != cell[2]:
            continue
        above = grid[boundary - 1][c]
        if above[3] or grid[owner[0]][c][1] > 1 or cell[1] > 1:
            cell[3] = True
    _recompute_spans(grid)


_NUMBERISH = re.compile(r"^[\d.,%％－—\-]+$")


def _join_split_row(grid: list[list[list[Any]]], boundary: int) -> None:
    """A row broken over the page break (its text continues at the top of the next page):
    the continuation's text is appended to the row above and the continuation removed.

    The first row of a new page continues the row above when the cells it fills are a subset
    of those the row above fills and either it fills at most half as many, or it leaves empty
    a cell where the row above has a number (分值, 得分, amounts), which a new row would fill.
    A repeated header is never a continuation.
    """
    prev, first = grid[boundary - 1], grid[boundary]
    if [c[0] for c in first] == [c[0] for c in grid[0]]:
        return
    filled_prev = {c for c, cell in enumerate(prev) if not cell[3] and cell[0]}
    filled_first = {c for c, cell in enumerate(first) if not cell[3] and cell[0]}
    if not filled_first or not filled_first <= filled_prev:
        return
    numbers_missing = any(
        _NUMBERISH.match(prev[c][0]) and not first[c][0] and not first[c][3] for c in filled_prev
    )
    if not (numbers_missing or 2 * len(filled_first) <= len(filled_prev)):
        return
    targets = {}
    for c in filled_first:
        owner = _owner(grid, boundary - 1, c)
        if owner is None or owner[1] != c:
            return
        targets[c] = owner
    for c, (r, _) in targets.items():
        grid[r][c][0] = join_lines(grid[r][c][0] + "\n" + first[c][0])
    # the continuation's regions carry on from the row above once the row is gone
    if boundary + 1 < len(grid):
        below = grid[boundary + 1]
        for c, cell in enumerate(first):
            if not cell[3] and cell[1] > 1 and not below[c][3]:
                return  # inconsistent spans: leave the rows as they are
    del grid[boundary]
    _recompute_spans(grid)
