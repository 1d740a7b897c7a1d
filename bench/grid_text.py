"""A written table (``jixiao.writers.grid``) as rows of cell texts, and those rows printed in
each text layout of ../shared/corpus/README.md (``RENDER``)."""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable

from jixiao.model import Evaluation
from jixiao.writers.grid import Grid, build_grid

Rows = list[list[str]]


def grid_rows(
    e: Evaluation, joiner: str = " ", across: str | None = None
) -> tuple[str, list[list[str]]]:
    """The title and the table's rows as lists of cell texts: a cell under a vertical merge is
    empty, a cell merged across columns is written once (as Word's copy-as-text and web pages
    give it) — or followed by ``across`` for each column it covers, when given (the rows then
    keep the grid's columns); the lines of a cell are joined by ``joiner``."""
    return rows_of_grid(build_grid(e), joiner, across)


def rows_of_grid(
    grid: Grid, joiner: str = " ", across: str | None = None
) -> tuple[str, list[list[str]]]:
    """:func:`grid_rows` of any written grid (a target or monitoring table too)."""
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


# -- renderers (one per layout) ---------------------------------------------------------------


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, cols: int) -> list[str]:
    out, cur = [], ""
    for ch in text:
        if cur and width(cur + ch) > cols:
            out.append(cur)
            cur = ""
        cur += ch
    return [*out, cur] if cur or not out else out


def r_tabbed(title: str, rows: Rows, report: list[str], rng: random.Random) -> str:
    lines = [title, ""]
    for cells in rows:
        lines += ["\t" + c for c in cells] + [""]
    return "\n".join(lines) + ("\n\n" + "\n\n".join(report) if report else "")


def r_pipe(title: str, rows: Rows, report: list[str], rng: random.Random) -> str:
    lines = [title, ""] + ["| " + " | ".join(cells) + " |" for cells in rows]
    return "\n".join(lines + [""] + report)


def r_pipe_rowspan(title: str, rows: Rows, report: list[str], rng: random.Random) -> str:
    """A web table flattened with its row spans: a merged 一级/二级 cell is printed on its
    first row only and the rows under it have no cell for it (``| 数量指标 | 名称 | …`` after
    ``| 产出指标 | 数量指标 | …``): the blank cells a row starts with are not printed."""
    lines = [title, ""]
    for cells in rows:
        lead = next((k for k, c in enumerate(cells) if c), len(cells))
        lines.append("| " + " | ".join(cells[lead:]) + " |")
    return "\n".join(lines + [""] + report)


def r_spaced_line(title: str, rows: Rows, report: list[str], rng: random.Random) -> str:
    table = " ".join(c.replace(" ", "") for cells in rows for c in cells if c)
    return "\n".join([title, "", table, ""] + report)


def r_spaced_rows(title: str, rows: Rows, report: list[str], rng: random.Random) -> str:
    """One row per line, its nonblank cells joined by runs of 2–6 spaces (bench/generate.py)."""
    lines = [title, ""]
    for cells in rows:
        lines.append((" " * rng.randint(2, 6)).join(c for c in cells if c))
    return "\n".join(lines + [""] + report)


def r_spaced_single(title: str, rows: Rows, report: list[str], rng: random.Random) -> str:
    """PDF text without layout (pdfplumber's ``extract_text``, a viewer's copy of a Word table):
    one row per line, its nonblank cells parted by ONE space (no column alignment); a long text
    cell wraps, its rest on the next line (the row's only cell that wraps: rows where two
    cells wrap print each cell's rest on a line of its own, in column order)."""
    lines = [title, ""]
    for cells in rows:
        shown = [_one_spaced(c) for c in cells if c]
        rests: list[str] = []
        for k, c in enumerate(shown):
            limit = rng.choice((14, 16, 18, 20))
            if len(shown) < 2 or rests:
                break  # a line of its own is no cell; one cell of a row wraps
            if width(c) > 2 * limit and not _FIGURES.match(c) and rng.random() < 0.5:
                head, *rest = wrap(c, 2 * limit)
                shown[k] = head
                rests.append("".join(rest))
        # a page break inside a cell: the row's words before it, the page mark, the rest
        lines += [part.strip() for part in " ".join(shown).split("\n")]
        lines += rests
    return "\n".join(lines + [""] + report)


_FIGURES = re.compile(r"^[-+≥≤<>=]?[\d.,%]+$")


def _one_spaced(cell: str) -> str:
    """A cell as one-space PDF text prints it: a line of ``栏目：值`` pairs keeps one space
    between them, a table cell's own spaces are gone (the reader could not tell them)."""
    pieces = cell.split("\n")
    marks = [k for k, p in enumerate(pieces) if _PAGE_MARK.match(p.strip())]
    if marks:  # the page mark a line of its own (the reader's page cuts join the halves)
        k = marks[0]
        before, after = "".join(pieces[:k]), "".join(pieces[k + 1 :])
        return f"{before.replace(' ', '')}\n{pieces[k].strip()}\n{after.replace(' ', '')}"
    cell = cell.replace("\n", "")
    if "：" in cell:
        return " ".join(cell.split())
    return cell.replace(" ", "")


# a column whose value ran into the cell before it (bench/damage.py GLUED): its place is kept
GLUED = "\x01"
# a page's furniture printed where a page break cut a cell (bench/damage.py d_ocr)
_PAGE_MARK = re.compile(r"^(?:第\s*\d+\s*页.*|[-－—]\s*\d+\s*[-－—])$")


def r_spaced_cols(title: str, rows: Rows, report: list[str], rng: random.Random) -> str:
    """Columns aligned by spaces; a cell wider than its column wraps onto the next lines. A
    cell whose neighbours' values ran into it (``GLUED`` after it) spans their columns, the
    next cells staying in their own; a page mark inside a cell (a page break cut the row) is a
    line of its own across the page, the row's lines before it on one page and after it on
    the next."""
    lines = [title, ""]
    colw, page = 14, 110
    for cells in rows:
        last = len(cells) - 1  # the last cell runs to the page's right edge (merged cells)
        parts: list[list[str]] = []
        mark, cut = "", -1
        for j, c in enumerate(cells):
            span = 1
            while j + span <= last and cells[j + span] == GLUED:
                span += 1
            w = colw * span + 2 * (span - 1)
            w = w if j + span - 1 < last else max(w, page - j * (colw + 2))
            if c == GLUED:
                parts.append([""])
                continue
            pieces = c.split("\n")
            marks = [k for k, p in enumerate(pieces) if _PAGE_MARK.match(p.strip())]
            if marks and not mark:
                k = marks[0]
                before, after = "".join(pieces[:k]), "".join(pieces[k + 1 :])
                top = wrap(before, w) if before else []
                mark, cut = pieces[k].strip(), len(top)
                parts.append(top + wrap(after, w))
            else:
                parts.append(wrap(c.replace("\n", ""), w) if c else [""])
        spans = [1] * len(cells)
        for j, c in enumerate(cells):
            if c == GLUED:
                spans[j] = 0
                k = j - 1
                while spans[k] == 0:
                    k -= 1
                spans[k] += 1
        height = max(len(p) for p in parts)
        for k in range(height):
            if k == cut:
                lines.append(" " * 40 + mark)
            line = ""
            for j, p in enumerate(parts):
                if not spans[j]:
                    continue
                piece = p[k] if k < len(p) else ""
                if j + spans[j] - 1 < last:
                    line += piece + " " * ((colw + 2) * spans[j] - width(piece))
                else:
                    line += piece
            lines.append(line.rstrip())
    return "\n".join(lines + [""] + report)


def r_vertical(title: str, rows: Rows, report: list[str], rng: random.Random) -> str:
    cells = [c for cells in rows for c in cells if c]
    return "\n\n".join([title, *cells, *report])


def r_other(title: str, rows: Rows, report: list[str], rng: random.Random) -> str:
    return "\n".join([title] + ["".join(cells) for cells in rows] + report)


_BARE = re.compile(r"^[-+]?\d[\d.,]*%?$")
_OCR_DIGITS = str.maketrans("OolI", "0011")  # a figure OCR misread (bench/damage.py d_ocr)


def r_other_spaced(title: str, rows: Rows, report: list[str], rng: random.Random) -> str:
    """PDF text copied from a document-sharing site: a row's word cells run together, a bare
    figure cell (分值, 得分, an amount) parted from its neighbours by one space
    (``产出指标数量指标受训人次≥80人次 25 24``); one row per line, or the whole table on one."""
    def joined(shown: list[str]) -> str:
        line = ""
        for k, c in enumerate(shown):
            if k and (_BARE.match(c.translate(_OCR_DIGITS)) or _BARE.match(shown[k - 1].translate(_OCR_DIGITS))):
                line += " "
            line += c
        return line

    rows_shown = [
        [c.replace(" ", "") for c in cells if c and c != GLUED] for cells in rows
    ]
    if rng.random() < 0.5:
        table = [joined(shown) for shown in rows_shown if shown]
    else:  # the whole table on one line: rows run together as cells do
        table = [joined([c for shown in rows_shown for c in shown])]
    return "\n".join([title, *table, *report])


RENDER: dict[str, Callable[[str, Rows, list[str], random.Random], str]] = {
    "tabbed": r_tabbed,
    "pipe": r_pipe,
    "pipe-rowspan": r_pipe_rowspan,
    "spaced-line": r_spaced_line,
    "spaced-rows": r_spaced_rows,
    "spaced-cols": r_spaced_cols,
    "spaced-single": r_spaced_single,
    "vertical": r_vertical,
    "other": r_other,
}
# layouts measured when asked for (``layout_robustness.py --damage --layouts other-spaced``): kept
# out of the default table so that its figures stay comparable with earlier runs
EXTRA_RENDER: dict[str, Callable[[str, Rows, list[str], random.Random], str]] = {
    "other-spaced": r_other_spaced,
}
