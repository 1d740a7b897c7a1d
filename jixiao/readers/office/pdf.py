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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jixiao.document import Block, Cell, Document, Paragraph, Table
from jixiao.errors import ReadError
from jixiao.model import Location
from jixiao.readers.office import limits

SCANNED = "这是扫描件（没有文字层），需要先做文字识别(OCR)"
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_FURNITURE_CHARS = (
    20  # a line this short between two parts of a table is a page number or running head
)
_TEXT_TABLE_GAP = 2.0  # a gap wider than this many character widths separates two cells


@dataclass
class _PageTable:
    page: int
    rows: list[list[tuple[str, int, int] | None]]  # text, row span, col span; None = covered
    top: float
    bottom: float
    page_height: float
    ruled: bool = True


@dataclass
class _PendingTable:
    parts: list[_PageTable] = field(default_factory=list)


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
    items: list[tuple[int, float, _PageTable | Paragraph]] = []
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


def _page_items(
    page: Any, number: int, source: str
) -> list[tuple[int, float, _PageTable | Paragraph]]:
    out: list[tuple[int, float, _PageTable | Paragraph]] = []
    found = [
        t
        for t in page.find_tables()
        if len(t.rows) >= 1 and max((len(r.cells) for r in t.rows), default=0) >= 2
    ]
    boxes = [t.bbox for t in found]
    for t in found:
        out.append((number, t.bbox[1], _ruled_table(page, t, number)))
    rest = page.filter(lambda obj: not _inside_any(obj, boxes)) if boxes else page
    lines = rest.extract_text_lines(return_chars=True, strip=True)
    if not found:
        out.extend(_text_columns(lines, number, page, source))
    else:
        out.extend((number, top, para) for top, para in _paragraphs(lines, number, page, source))
    out.sort(key=lambda item: item[1])
    return out


def _inside_any(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    """Whether an object's centre lies in one of the boxes (characters of a table)."""
    if "x0" not in obj or "top" not in obj:
        return False
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _ruled_table(page: Any, table: Any, number: int) -> _PageTable:
    texts = table.extract()
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
    lines = [ln.strip() for ln in text.split("\n")]
    out = ""
    for ln in lines:
        if not ln:
            continue
        if out and not (_CJK.search(out[-1]) or _CJK.search(ln[0])):
            out += " "
        out += ln
    return out


def _paragraphs(
    lines: list[dict[str, Any]], number: int, page: Any, source: str
) -> list[tuple[float, Paragraph]]:
    """Visual lines → paragraphs: a new one after a short line, at an indent or a wide gap."""
    if not lines:
        return []
    left = min(ln["x0"] for ln in lines)
    right = max(ln["x1"] for ln in lines)
    out: list[tuple[float, Paragraph]] = []
    current: list[dict[str, Any]] = []

    def flush() -> None:
        if current:
            text = _join_lines("\n".join(ln["text"] for ln in current))
            if text:
                out.append((current[0]["top"], Paragraph(text, Location(source, page=number))))
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
) -> list[tuple[int, float, _PageTable | Paragraph]]:
    """A page without ruling lines: runs of multi-column lines become tables."""
    out: list[tuple[int, float, _PageTable | Paragraph]] = []
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


def _assemble(items: list[tuple[int, float, _PageTable | Paragraph]], source: str) -> list[Block]:
    """Join tables that run over a page break, then number tables and build the blocks."""
    groups: list[list[_PageTable] | Paragraph] = []
    for _, _, item in items:
        if isinstance(item, _PageTable):
            last = _continued(groups, item)
            if last is not None:
                last.append(item)
                continue
            groups.append([item])
        else:
            groups.append(item)
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
            if len(group.text) > _FURNITURE_CHARS or group.location.page not in (
                item.page - 1,
                item.page,
            ):
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
    rows: list[tuple[Cell, ...]] = []
    for part in parts:
        base = len(rows)
        for r, row in enumerate(part.rows):
            cells: list[Cell] = []
            for c in range(width):
                loc = Location(
                    source, cell=f"表{number} 第{base + r + 1}行第{c + 1}列", page=part.page
                )
                item = row[c] if c < len(row) else ("", 1, 1)
                if item is None:
                    cells.append(Cell("", loc, True))
                else:
                    text, rs, cs = item
                    cells.append(Cell(text, loc, False, rs, cs))
            rows.append(tuple(cells))
    pages = sorted({p.page for p in parts})
    return Table(tuple(rows), Location(source, cell=f"表{number}", page=pages[0]), f"表{number}")
