"""Read PDFs with a text layer (pdfplumber).

- Tables by ruling lines (pdfplumber's ``lines`` strategy); merged cells come back as
  absent cells and are expanded per :mod:`jixiao.document`, with spans measured from the
  cell boxes. Text wrapped inside a cell is joined (a PDF cannot tell a wrap from a break).
- A table that ends a page and one that starts the next page with the same number of
  columns are one table running over pages: the rows are kept (repeated headers included,
  as physical rows) and each cell's Location carries its own page.
- Pages without ruled tables fall back to text columns: consecutive lines that split into
  several runs of text at wide gaps become a table, aligned on the runs' left edges.
- Other text becomes paragraphs, lines joined where they wrap.
- No text layer at all (a scan) is refused with a message that it needs OCR.

Locations: ``第4页`` for paragraphs, ``第4页 表2 第3行第4列`` for table cells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from jixiao.document import Block, Cell, Document, Paragraph, Table
from jixiao.errors import ReadError
from jixiao.model import Location
from jixiao.readers.office import limits

SCANNED = "这是扫描件（没有文字层），需要先做文字识别(OCR)"
_FURNITURE_CHARS = (
    20  # a line this short between two parts of a table is a page number or running head
)
_TEXT_TABLE_GAP = 2.0
# Spaces: the PDF's own space characters are kept; a gap inserts one only when wider than half
# a character (the narrower CJK–Latin spacing word processors add is not a space).
_TEXT_OPTIONS: dict[str, Any] = {"keep_blank_chars": True, "x_tolerance_ratio": 0.5}
_LATIN = re.compile(r"[A-Za-z]")
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－·•]*(?:第\s*)?\d{1,4}\s*页?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[\s\-—–－·•]*$"
    r"|^\s*(?:page\s*)?\d{1,4}\s*(?:of\s*\d{1,4})?\s*$",
    re.I,
)
_SENTENCE_END = (
    "。！？；：!?;:…”」）)"  # a gap wider than this many character widths separates two cells
)


@dataclass
class _PageTable:
    page: int
    rows: list[list[tuple[str, int, int] | None]]  # text, row span, col span; None = covered
    top: float
    bottom: float
    page_height: float
    ruled: bool = True


@dataclass
class _Para:
    paragraph: Paragraph
    open_end: bool = False  # the last line runs to the right margin: may go on on the next page


def read_pdf(path: Path, source: str | None = None) -> Document:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    source = source or str(path)
    try:
        pdf = pdfplumber.open(path)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ReadError(
            source, "PDF 已加密（需要密码才能打开），无法读取；请提供未加密的 PDF"
        ) from exc
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        raise ReadError(source, f"PDF 文件已损坏，无法读取（{type(exc).__name__}: {exc}）") from exc
    except Exception as exc:  # pdfplumber wraps pdfminer's errors in PdfminerException
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc.__cause__
        if (
            isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError)
            or "password" in str(exc).lower()
        ):
            raise ReadError(
                source, "PDF 已加密（需要密码才能打开），无法读取；请提供未加密的 PDF"
            ) from exc
        raise ReadError(source, f"PDF 文件无法读取（{type(exc).__name__}: {exc}）") from exc
    with pdf:
        try:
            pages = pdf.pages
        except Exception as exc:
            raise ReadError(
                source, f"PDF 页面结构已损坏，无法读取（{type(exc).__name__}: {exc}）"
            ) from exc
        if len(pages) > limits.MAX_PDF_PAGES:
            raise ReadError(
                source,
                f"PDF 页数过多（{len(pages)} 页，上限 {limits.MAX_PDF_PAGES} 页）；请只提交自评表和自评报告所在的页",
            )
        return _read_pages(pages, source)


def _read_pages(pages: Any, source: str) -> Document:
    items: list[tuple[int, float, _PageTable | _Para]] = []
    scanned: list[int] = []
    any_text = False
    for number, page in enumerate(pages, start=1):
        try:
            chars = page.chars
        except Exception as exc:
            raise ReadError(
                source, f"PDF 第{number}页已损坏，无法读取（{type(exc).__name__}）", f"第{number}页"
            ) from exc
        if len(chars) > limits.MAX_PDF_CHARS_PER_PAGE:
            raise ReadError(
                source,
                f"PDF 第{number}页文字过多（{len(chars)} 个字符，上限 {limits.MAX_PDF_CHARS_PER_PAGE}），已拒绝",
            )
        if not any(c.get("text", "").strip() for c in chars):
            scanned.append(number)
            continue
        any_text = True
        items.extend(_page_items(page, number, source))
    if not any_text:
        raise ReadError(source, SCANNED)
    notes = []
    if scanned:
        notes.append(
            f"第{'、'.join(map(str, scanned))}页没有文字层（扫描件），未读取；需要先做文字识别(OCR)"
        )
    return Document(source, tuple(_assemble(items, source)), "pdf", tuple(notes))


def _page_items(page: Any, number: int, source: str) -> list[tuple[int, float, _PageTable | _Para]]:
    out: list[tuple[int, float, _PageTable | _Para]] = []
    found = [
        t
        for t in page.find_tables()
        if len(t.rows) >= 1 and max((len(r.cells) for r in t.rows), default=0) >= 2
    ]
    boxes = [t.bbox for t in found]
    for t in found:
        out.append((number, t.bbox[1], _ruled_table(page, t, number)))
    rest = page.filter(lambda obj: not _inside_any(obj, boxes)) if boxes else page
    lines = [
        ln
        for ln in rest.extract_text_lines(return_chars=True, strip=True, **_TEXT_OPTIONS)
        if not _page_number(ln, float(page.height))
    ]
    if not found:
        out.extend(_text_columns(lines, number, page, source))
    else:
        out.extend((number, top, para) for top, para in _paragraphs(lines, number, page, source))
    out.sort(key=lambda item: item[1])
    return out


def _page_number(line: dict[str, Any], height: float) -> bool:
    """A page number (“— 1 —”, “第1页 共3页”, “2/5”) in the top or bottom margin."""
    in_margin = line["top"] < 0.1 * height or line["bottom"] > 0.88 * height
    return in_margin and _PAGE_NUMBER.match(line["text"]) is not None


def _inside_any(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    """Whether an object's centre lies in one of the boxes (characters of a table)."""
    if "x0" not in obj or "top" not in obj:
        return False
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _ruled_table(page: Any, table: Any, number: int) -> _PageTable:
    texts = table.extract(**_TEXT_OPTIONS)
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
            out_row.append((_join_lines(row_text[c] or ""), row_span, col_span))
        rows.append(out_row)
    return _PageTable(number, rows, table.bbox[1], table.bbox[3], float(page.height))


def _col_x0(rows_boxes: list[list[Any]], c: int) -> float:
    xs = [row[c][0] for row in rows_boxes if c < len(row) and row[c] is not None]
    return min(xs) if xs else float("inf")


def _row_top(row_boxes: list[Any]) -> float:
    tops = [b[1] for b in row_boxes if b is not None]
    return min(tops) if tops else float("inf")


def _join_lines(text: str) -> str:
    """Lines wrapped in a cell or paragraph joined: a space only between two Latin letters."""
    out = ""
    for line in text.split("\n"):
        if not line.strip():
            continue
        line = line.lstrip() if out.endswith(" ") else line
        if out and _LATIN.match(out[-1]) and _LATIN.match(line[0]):
            out += " "
        out += line
    return out.strip()


def _paragraphs(
    lines: list[dict[str, Any]], number: int, page: Any, source: str
) -> list[tuple[float, _Para]]:
    """Visual lines → paragraphs: a new one after a short line, at an indent or a wide gap."""
    if not lines:
        return []
    left = min(ln["x0"] for ln in lines)
    right = max(ln["x1"] for ln in lines)
    out: list[tuple[float, _Para]] = []
    current: list[dict[str, Any]] = []

    def flush() -> None:
        if current:
            text = _join_lines("\n".join(ln["text"] for ln in current))
            if text:
                last = current[-1]
                open_end = (
                    last["x1"] >= right - 2 * _char_size(last) and text[-1] not in _SENTENCE_END
                )
                para = Paragraph(text, Location(source, page=number))
                out.append((current[0]["top"], _Para(para, open_end)))
            current.clear()

    for ln in lines:
        size = _char_size(ln)
        if current:
            prev = current[-1]
            short = prev["x1"] < right - 2 * size
            indented = ln["x0"] > left + 1.5 * size
            gap = ln["top"] - prev["bottom"] > 0.9 * size
            if short or indented or gap:
                flush()
        current.append(ln)
    flush()
    return out


def _char_size(line: dict[str, Any]) -> float:
    chars = line.get("chars") or []
    sizes = [c.get("size", 0) for c in chars if c.get("size")]
    return sum(sizes) / len(sizes) if sizes else max(1.0, line["bottom"] - line["top"])


def _segments(line: dict[str, Any]) -> list[tuple[float, str]]:
    """Runs of text in a line separated by gaps wider than _TEXT_TABLE_GAP characters."""
    chars = [c for c in line.get("chars") or [] if c.get("text")]
    if not chars:
        return [(line["x0"], line["text"])]
    size = _char_size(line)
    segs: list[tuple[float, str]] = []
    start, text, prev_x1 = chars[0]["x0"], "", None
    for ch in chars:
        if prev_x1 is not None and ch["x0"] - prev_x1 > _TEXT_TABLE_GAP * size:
            if text.strip():
                segs.append((start, text.strip()))
            start, text = ch["x0"], ""
        text += ch["text"]
        prev_x1 = ch["x1"]
    if text.strip():
        segs.append((start, text.strip()))
    return segs


def _text_columns(
    lines: list[dict[str, Any]], number: int, page: Any, source: str
) -> list[tuple[int, float, _PageTable | _Para]]:
    """A page without ruling lines: runs of multi-column lines become tables."""
    out: list[tuple[int, float, _PageTable | _Para]] = []
    run: list[tuple[dict[str, Any], list[tuple[float, str]]]] = []
    prose: list[dict[str, Any]] = []

    def flush_prose() -> None:
        out.extend((number, top, p) for top, p in _paragraphs(prose, number, page, source))
        prose.clear()

    def flush_run() -> None:
        if len(run) >= 2:
            flush_prose()
            out.append((number, run[0][0]["top"], _aligned(run, number, float(page.height))))
        else:
            prose.extend(ln for ln, _ in run)
        run.clear()

    for ln in lines:
        segs = _segments(ln)
        if len(segs) >= 2:
            run.append((ln, segs))
        else:
            flush_run()
            prose.append(ln)
    flush_run()
    flush_prose()
    return out


def _aligned(
    run: list[tuple[dict[str, Any], list[tuple[float, str]]]], number: int, height: float
) -> _PageTable:
    size = sum(_char_size(ln) for ln, _ in run) / len(run)
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
    return _PageTable(number, rows, run[0][0]["top"], run[-1][0]["bottom"], height, ruled=False)


def _assemble(items: list[tuple[int, float, _PageTable | _Para]], source: str) -> list[Block]:
    """Join tables and paragraphs that run over a page break, then build the blocks."""
    groups: list[list[_PageTable] | Paragraph] = []
    open_end = False
    previous_page = 0
    for page, _, item in items:
        first_on_page = page != previous_page
        previous_page = page
        if isinstance(item, _PageTable):
            open_end = False
            last = _continued(groups, item)
            if last is not None:
                last.append(item)
                continue
            groups.append([item])
            continue
        before = groups[-1] if groups else None
        if (
            open_end
            and first_on_page
            and isinstance(before, Paragraph)
            and before.location.page == page - 1
        ):
            groups[-1] = replace(before, text=_join_lines(before.text + "\n" + item.paragraph.text))
        else:
            groups.append(item.paragraph)
        open_end = item.open_end
    blocks: list[Block] = []
    n_tables = 0
    for group in groups:
        if isinstance(group, Paragraph):
            blocks.append(group)
            continue
        n_tables += 1
        blocks.append(_table(group, n_tables, source))
    return blocks


def _continued(
    groups: list[list[_PageTable] | Paragraph], item: _PageTable
) -> list[_PageTable] | None:
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


def _width(t: _PageTable) -> int:
    return max((len(r) for r in t.rows), default=0)


def _table(parts: list[_PageTable], number: int, source: str) -> Table:
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
        grid[r][c][0] = _join_lines(grid[r][c][0] + "\n" + first[c][0])
    # the continuation's regions carry on from the row above once the row is gone
    if boundary + 1 < len(grid):
        below = grid[boundary + 1]
        for c, cell in enumerate(first):
            if not cell[3] and cell[1] > 1 and not below[c][3]:
                return  # inconsistent spans: leave the rows as they are
    del grid[boundary]
    _recompute_spans(grid)
