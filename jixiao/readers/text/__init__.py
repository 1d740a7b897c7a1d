"""Plain-text reader: any layout → a neutral :class:`~jixiao.document.Document`.

``parse_text`` detects the layout (:mod:`.layout`) and splits the text into Tables and
Paragraphs (:mod:`.blocks`). Cell texts stay as printed; :mod:`jixiao.extract` normalises.
Layouts whose rows cannot be known (vertical, run-together, a table flattened onto one line)
give tables with one cell per row.
"""

from __future__ import annotations

import re
from html import unescape as _html_unescape

from jixiao.document import Document
from jixiao.errors import ReadError
from jixiao.readers.text import blocks as _blocks
from jixiao.readers.text.bar_cells import join_bar_cells
from jixiao.readers.text.baselines import rejoin
from jixiao.readers.text.centred_rows import top_align
from jixiao.readers.text.columns import transpose as _transpose_columns
from jixiao.readers.text.cut_header import pad_cut_header
from jixiao.readers.text.html import html_blocks, looks_like_html
from jixiao.readers.text.layout import detect_layout, is_cell_line, line_rows, report_start
from jixiao.readers.text.lead_figures import figures_back
from jixiao.readers.text.markup import has_markup, strip_markup
from jixiao.readers.text.next_form import cut_next_form
from jixiao.readers.text.page_cuts import join_cell_lines, join_page_cuts
from jixiao.readers.text.separators import separated_lines
from jixiao.readers.text.share_site import join_preview_chunks, unwrap_chunks
from jixiao.readers.text.single_space import empty_item
from jixiao.readers.text.wrapped_categories import join_wrapped_categories
from jixiao.readers.text.wrapped_lines import cells_with_wraps, join_blank_parted
from jixiao.textnorm import PAGE_MARK_LINE, repair_ocr

__all__ = ["detect_layout", "parse_text"]

_NOTES = {
    "spaced": "以空格分隔的文本，单元格换行处可能被拆开",
    "vertical": "每行一个单元格的文本，表格的行由标签推断",
    "lines": "每行一个单元格、空行分行的文本",
    "other": "单元格连写、没有分隔符的文本，数字按表头的列结构拆分，可能有误",
}


def parse_text(text: str, source: str) -> Document:
    """Split plain text into tables and paragraphs; the layout is detected automatically."""
    if not text or not text.strip():
        raise ReadError(source, "文件是空的（只有空白）")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    if looks_like_html(text):
        blocks = html_blocks(text, source)
        if blocks:
            return Document(source, tuple(blocks), "html")
    if "&" in text:
        text = _unescape(text)
    if has_markup(text):
        text = strip_markup(text)  # **bold**, <br>, \| and # headings of pages turned to Markdown
    if text.count("｜") > 5 * max(1, text.count("|")):
        text = text.replace("｜", "|")  # full-width separators
    # page furniture (第 2 页 / 共 3 页, - 2 -) is blanked, keeping line numbers
    marked = text.split("\n")
    lines = ["" if PAGE_MARK_LINE.match(ln) else ln for ln in marked]
    if "—" in text or "－" in text:
        lines = [_blank_inline_marks(ln) for ln in lines]
    extra_notes: list[str] = []
    # a document-sharing site's copy: its own lines blanked, its page-size chunks joined again
    shared = unwrap_chunks(lines) if ("、" in text or "_" in text) else None
    if shared is not None:
        lines, share_notes = shared
        marked = lines
        extra_notes.extend(share_notes)
    # a form saved as .csv (cells parted by commas or semicolons): read as tab-joined rows
    separated = separated_lines(lines)
    if separated is not None:
        lines, sep = separated
        marked = lines
        text = "\n".join(lines)
        extra_notes.append(f"以“{sep}”分隔单元格的文本（CSV），按表格的行读取")
    # several forms one after the other: the first is read, a note says another follows
    cut = cut_next_form(lines, source)
    if cut is not None:
        start, next_note = cut
        lines = lines[:start] + [""] * (len(lines) - start)
        marked = marked[:start] + [""] * (len(marked) - start)
        text = "\n".join(marked)
        extra_notes.append(next_note)
    if len(lines) > 2 and any(not ln and m.strip() for ln, m in zip(lines, marked, strict=True)):
        # a page mark between the halves of a cell (开展安 / 第 2 页 / 全生产活动次数)
        lines, cut_notes = join_page_cuts(marked, lines)
        extra_notes.extend(cut_notes[:3])
    # PDF text of a table printed column by column: its rows again, before the layout is told
    transposed = _transpose_columns(text, lines, marked)
    if transposed is not None:
        lines, column_notes = transposed
        marked = lines
        extra_notes.extend(column_notes)
    # a web table printed a cell per line, each cell after the first led by its bar
    lines = join_bar_cells(lines) or lines
    layout = detect_layout(lines)
    if layout in ("spaced", "prose"):
        # a score sheet's PDF text: each row's points at the start of the next line
        back = figures_back(lines)
        if back is not None:
            lines, back_note = back
            marked = lines
            extra_notes.append(back_note)
            layout = detect_layout(lines)
    if layout == "prose":
        # one cell per line with many cells wrapped over lines: told once they are joined
        joined = cells_with_wraps(lines)
        if joined is not None and detect_layout(joined) == "vertical":
            lines, marked, layout = joined, joined, "vertical"
    if layout == "spaced":
        # 指标2： / …… alone on a line: a template's empty row, nothing to read (blanked first,
        # so that no line is laid together with it or read as the rest of a cell)
        lines = ["" if empty_item(ln) else ln for ln in lines]
        # a row printed values above labels by pdftotext -layout: the two lines laid together
        lines = rejoin(lines) or lines
        centred = top_align(lines)
        if centred is not None:
            lines, centred_notes = centred
            extra_notes.extend(centred_notes)
    if layout == "vertical":
        lines = join_cell_lines(marked, lines)
        if not line_rows(lines):  # cells parted by blank lines: a run of lines is a wrapped cell
            lines = join_blank_parted(lines)
    if layout in ("vertical", "prose", "other") and line_rows(lines):
        layout = "lines"
    # scans (shared on document sites, copied from PDFs): misread form words and figures are
    # repaired first, with a note saying what was repaired
    lines, repaired = _repair(lines)
    if repaired:
        extra_notes.append(_repair_note(repaired))
    if layout in ("tabbed", "pipe"):
        # an excerpt starting inside a header row: its names stand over the last columns
        lines = pad_cut_header(lines, "\t" if layout == "tabbed" else "|")
    if layout == "tabbed":
        blocks = _blocks.tabbed(lines, source)
    elif layout == "pipe":
        blocks = _blocks.pipe(lines, source)
    elif layout == "spaced":
        blocks = _blocks.spaced(join_wrapped_categories(lines), source, extra_notes)
    elif layout == "lines":
        # read as Word's copy, whose lines each start a cell; a report after the table stays prose
        k = report_start(lines)
        marked = ["\t" + ln.strip() if is_cell_line(ln) else "" for ln in lines[:k]]
        blocks = _blocks.tabbed(marked, source) + _blocks.paragraphs(lines[k:], source, first=k)
    elif layout == "other":
        preview = join_preview_chunks(lines)
        if preview is not None:
            lines, preview_note = preview
            extra_notes.append(preview_note)
        # joined again by the extraction; a report in sentences after the table is prose
        k = report_start(lines)
        blocks = _blocks.one_per_line(lines[:k], source) + _blocks.paragraphs(
            lines[k:], source, first=k
        )
    else:  # vertical, prose: paragraphs; the extraction reads label/value pairs among them
        blocks = _blocks.paragraphs(lines, source)
    notes = ((_NOTES[layout],) if layout in _NOTES else ()) + tuple(extra_notes)
    return Document(source, tuple(blocks), layout, notes)


# a page mark a PDF printed inside a line of a table run onto one line (… 20 100 —1— 偏差 …);
# with no space inside, so that — 5 — (empty, 5, empty) stays three cells
_INLINE_PAGE_MARK = re.compile(r"(?:(?<=\s)|^)[—－]{1,2}\d{1,3}[—－]{1,2}(?=\s|$)")


def _blank_inline_marks(line: str) -> str:
    """The line without its page marks: blanked to spaces of the same length where cells are
    parted by wider gaps (columns kept), dropped with the space before them where single spaces
    part them (a gap of two spaces would part the line's cells differently)."""
    if "—" not in line and "－" not in line:
        return line
    if "  " in line:
        return _INLINE_PAGE_MARK.sub(lambda m: " " * len(m.group()), line)
    return _INLINE_PAGE_MARK.sub("", line).replace("  ", " ")


# character references left over when a web page's table was copied as text (``&nbsp;`` for a
# blank cell or padding, ``&lt;``/``&gt;`` for ＜/＞)
_ENTITY = re.compile(r"&(?:amp;)?(?:[a-zA-Z]{2,8}|#\d{2,6}|#[xX][0-9a-fA-F]{2,5});")


def _unescape(text: str) -> str:
    return _ENTITY.sub(lambda m: _html_unescape(m.group().replace("&amp;", "&", 1)), text)


def _repair(lines: list[str]) -> tuple[list[str], list[str]]:
    fixed, done = repair_ocr("\n".join(lines))
    return (fixed.split("\n"), done) if done else (lines, done)


def _repair_note(repaired: list[str]) -> str:
    kinds = sorted(set(repaired))
    shown = "、".join(kinds[:6]) + ("等" if len(kinds) > 6 else "")
    return f"按识别错误的常见写法纠正了 {len(repaired)} 处（{shown}）"
