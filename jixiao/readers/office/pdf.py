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

from jixiao.document import Block, Document, Paragraph
from jixiao.errors import ReadError
from jixiao.model import Location
from jixiao.readers.office import limits
from jixiao.readers.office.pdf_tables import (
    PageTable,
    aligned_table,
    assemble_table,
    continued,
    ruled_table,
)
from jixiao.readers.office.pdf_text import TEXT_OPTIONS, char_size, join_lines, segments

SCANNED = "这是扫描件（没有文字层），需要先做文字识别(OCR)"
GARBLED = (
    "PDF 的文字无法解码（字体缺少字符映射，提取出来是乱码），需要先做文字识别(OCR)，"
    "或提供原始的 Word/Excel 文件"
)
_GARBLED_SHARE = 0.3  # a page whose characters are this often undecodable is not read
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－·•]*(?:第\s*)?\d{1,4}\s*页?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[\s\-—–－·•]*$"
    r"|^\s*(?:page\s*)?\d{1,4}\s*(?:of\s*\d{1,4})?\s*$",
    re.I,
)
_SENTENCE_END = "。！？；：!?;:…”」）)"  # a paragraph ending so does not go on over the page


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
        _check_page_count(_declared_pages(pdf), source)  # before building every page
        try:
            pages = pdf.pages
        except Exception as exc:
            raise ReadError(
                source, f"PDF 页面结构已损坏，无法读取（{type(exc).__name__}: {exc}）"
            ) from exc
        _check_page_count(len(pages), source)
        return _read_pages(pages, source)


def _declared_pages(pdf: Any) -> int:
    """/Count of the page tree's root (0 when it cannot be read)."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(pdf.doc.catalog.get("Pages")).get("Count"))
        return int(count) if isinstance(count, int) else 0
    except Exception:  # a damaged page tree is judged when the pages are built
        return 0


def _check_page_count(count: int, source: str) -> None:
    if count > limits.MAX_PDF_PAGES:
        raise ReadError(
            source,
            f"PDF 页数过多（{count} 页，上限 {limits.MAX_PDF_PAGES} 页）；请只提交自评表和自评报告所在的页",
        )


def _read_pages(pages: Any, source: str) -> Document:
    items: list[tuple[int, float, PageTable | _Para]] = []
    scanned: list[int] = []
    garbled: list[int] = []
    any_text = False
    for number, page in enumerate(pages, start=1):
        _check_content_size(page, number, source)
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
        visible = [c.get("text", "") for c in chars if c.get("text", "").strip()]
        if not visible:
            scanned.append(number)
            continue
        if sum(1 for t in visible if _undecodable(t)) > _GARBLED_SHARE * len(visible):
            garbled.append(number)
            continue
        any_text = True
        items.extend(_page_items(page, number, source))
    if not any_text:
        raise ReadError(source, GARBLED if garbled else SCANNED)
    notes = []
    if scanned:
        notes.append(
            f"第{'、'.join(map(str, scanned))}页没有文字层（扫描件），未读取；需要先做文字识别(OCR)"
        )
    if garbled:
        notes.append(
            f"第{'、'.join(map(str, garbled))}页的文字无法解码（字体缺少字符映射），未读取"
        )
    return Document(source, tuple(_assemble(items, source)), "pdf", tuple(notes))


def _undecodable(text: str) -> bool:
    """A character pdfminer could not map to Unicode: “(cid:123)”, private use, U+FFFD."""
    return text.startswith("(cid:") or any(
        0xE000 <= ord(ch) <= 0xF8FF or ch == "\ufffd" for ch in text
    )


def _check_content_size(page: Any, number: int, source: str) -> None:
    """Inflate a page's Flate content streams (and the forms it draws) in bounded steps before
    pdfminer inflates them whole: a few KB that inflate to gigabytes (a PDF “decompression
    bomb”) are refused."""
    import zlib

    from pdfminer.pdftypes import PDFStream, resolve1

    total = 0
    try:
        streams = list(page.page_obj.contents or [])
        xobjects = resolve1((page.page_obj.resources or {}).get("XObject")) or {}
        for ref in xobjects.values():  # forms drawn by the page are content too
            xobject = resolve1(ref)
            if isinstance(xobject, PDFStream) and "Form" in str(xobject.get("Subtype")):
                streams.append(xobject)
    except Exception:
        return
    for ref in streams:
        stream = resolve1(ref)
        if not isinstance(stream, PDFStream) or stream.rawdata is None:
            continue
        filters = stream.get_filters()
        if not filters or str(getattr(filters[0][0], "name", filters[0][0])) != "FlateDecode":
            total += len(stream.rawdata)
            continue
        inflater = zlib.decompressobj()
        data = stream.rawdata
        try:
            while data and total <= limits.MAX_PDF_CONTENT_BYTES:
                total += len(inflater.decompress(data, 1024 * 1024))
                data = inflater.unconsumed_tail
        except zlib.error:
            continue  # pdfminer reports damaged streams itself
        if total > limits.MAX_PDF_CONTENT_BYTES:
            mb = limits.MAX_PDF_CONTENT_BYTES // 1024 // 1024
            raise ReadError(
                source,
                f"PDF 第{number}页的内容解压后超过 {mb} MB，疑似“压缩炸弹”，已拒绝",
                f"第{number}页",
            )


def _page_items(page: Any, number: int, source: str) -> list[tuple[int, float, PageTable | _Para]]:
    out: list[tuple[int, float, PageTable | _Para]] = []
    found = [
        t
        for t in page.find_tables()
        if len(t.rows) >= 1 and max((len(r.cells) for r in t.rows), default=0) >= 2
    ]
    boxes = [t.bbox for t in found]
    for t in found:
        out.append((number, t.bbox[1], ruled_table(page, t, number)))
    rest = page.filter(lambda obj: not _inside_any(obj, boxes)) if boxes else page
    lines = [
        ln
        for ln in rest.extract_text_lines(return_chars=True, strip=True, **TEXT_OPTIONS)
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
            text = join_lines("\n".join(ln["text"] for ln in current))
            if text:
                last = current[-1]
                open_end = (
                    last["x1"] >= right - 2 * char_size(last) and text[-1] not in _SENTENCE_END
                )
                para = Paragraph(text, Location(source, page=number))
                out.append((current[0]["top"], _Para(para, open_end)))
            current.clear()

    for ln in lines:
        size = char_size(ln)
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


def _text_columns(
    lines: list[dict[str, Any]], number: int, page: Any, source: str
) -> list[tuple[int, float, PageTable | _Para]]:
    """A page without ruling lines: runs of multi-column lines become tables."""
    out: list[tuple[int, float, PageTable | _Para]] = []
    run: list[tuple[dict[str, Any], list[tuple[float, str]]]] = []
    prose: list[dict[str, Any]] = []

    def flush_prose() -> None:
        out.extend((number, top, p) for top, p in _paragraphs(prose, number, page, source))
        prose.clear()

    def flush_run() -> None:
        if len(run) >= 2:
            flush_prose()
            out.append((number, run[0][0]["top"], aligned_table(run, number, float(page.height))))
        else:
            prose.extend(ln for ln, _ in run)
        run.clear()

    for ln in lines:
        segs = segments(ln)
        if len(segs) >= 2:
            run.append((ln, segs))
        else:
            flush_run()
            prose.append(ln)
    flush_run()
    flush_prose()
    return out


def _assemble(items: list[tuple[int, float, PageTable | _Para]], source: str) -> list[Block]:
    """Join tables and paragraphs that run over a page break, then build the blocks."""
    groups: list[list[PageTable] | Paragraph] = []
    open_end = False
    previous_page = 0
    for page, _, item in items:
        first_on_page = page != previous_page
        previous_page = page
        if isinstance(item, PageTable):
            open_end = False
            last = continued(groups, item)
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
            groups[-1] = replace(before, text=join_lines(before.text + "\n" + item.paragraph.text))
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
        blocks.append(assemble_table(group, n_tables, source))
    return blocks
