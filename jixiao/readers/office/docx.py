"""Read .docx documents (python-docx): body paragraphs and tables, in document order.

Tables are walked at the XML level so that horizontal merges (``w:gridSpan``), vertical
merges (``w:vMerge``) and skipped grid columns (``w:gridBefore``/``w:gridAfter``) land on a
full grid (see :mod:`jixiao.document`). A table nested in a cell is part of that cell's text
(rows on lines, cells separated by tabs), except in a one-cell table used as a frame around
the whole form, whose content is read as body. Content controls (``w:sdt``) are looked into.
Text formatted hidden (``w:vanish``) and rows marked hidden are not read: not on the page.
Heading levels come from the paragraph's outline level or its style (``heading N`` /
``标题 N``, following ``basedOn``); the ``Title`` style is not a heading (the extraction
layer recognises titles by their words). Empty paragraphs are
dropped. Automatic list numbers (``一、`` from Word's numbering) are printed into the text
(:mod:`.docx_numbering`). Locations: ``表N 第R行第C列`` (grid position) and ``段落N`` (non-empty body
paragraphs counted from 1).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jixiao.document import Block, Document, Paragraph
from jixiao.errors import ReadError
from jixiao.model import Location
from jixiao.readers.office import limits
from jixiao.readers.office.docx_numbering import Numbering, load_numbering
from jixiao.readers.office.grid import Placed, build_table
from jixiao.readers.office.safety import OpenError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, SDT, SDT_CONTENT, CUSTOM_XML = (
    _q(t) for t in ("p", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml")
)
T, TAB, BR, CR, DEL, FALLBACK = (
    _q("t"),
    _q("tab"),
    _q("br"),
    _q("cr"),
    _q("del"),
    f"{{{MC}}}Fallback",
)
NO_BREAK_HYPHEN = _q("noBreakHyphen")
R, RPR, VANISH = _q("r"), _q("rPr"), _q("vanish")
SKIPPED = (DEL, _q("moveFrom"), FALLBACK)  # deleted or moved-away text, duplicate VML fallbacks
VAL = _q("val")
SYM = _q("sym")
# the Symbol font's code page, for the characters found in forms (≥95%, ±, ×)
_SYMBOL_FONT = {0x3C: "<", 0x3D: "=", 0x3E: ">", 0xA3: "≤", 0xB3: "≥", 0xB1: "±", 0xB4: "×",
                0xB8: "÷", 0xB9: "≠", 0xBB: "≈", 0xB0: "°", 0x25: "%", 0xD6: "√", 0xB7: "•"}  # fmt: skip
MAX_WORD_COLUMNS = 64  # Word allows 63
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)


def read_docx(path: Path, source: str | None = None, data: bytes | None = None) -> Document:
    from docx.opc.exceptions import PackageNotFoundError

    source = source or str(path)
    raw = data if data is not None else path.read_bytes()
    try:
        document = _open(raw)
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise OpenError(
            source, f"Word 文件已损坏或不是有效的 .docx（{type(exc).__name__}: {exc}）"
        ) from exc
    except Exception as exc:  # python-docx/lxml raise assorted errors on malformed parts
        raise OpenError(source, f"Word 文件无法打开（{type(exc).__name__}: {exc}）") from exc
    levels = _style_levels(document)
    reader = _BodyReader(source, levels, load_numbering(document))
    return Document(source, tuple(reader.read(document.element.body)), "docx", tuple(reader.notes))


# Main parts of macro-enabled documents and templates: the same WordprocessingML as .docx.
_OTHER_MAIN_PARTS = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",  # .dotx
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",  # .dotm
)


def _open(raw: bytes) -> Any:
    """python-docx's Document, also for .docm/.dotx/.dotm, whose main part python-docx's
    ``Document()`` refuses by content type only (macros are never run or read)."""
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.part import PartFactory
    from docx.package import Package
    from docx.parts.document import DocumentPart

    for content_type in _OTHER_MAIN_PARTS:  # python-docx's registry of part classes
        PartFactory.part_type_for.setdefault(content_type, DocumentPart)
    part = Package.open(io.BytesIO(raw)).main_document_part
    if part.content_type not in (CT.WML_DOCUMENT_MAIN, *_OTHER_MAIN_PARTS):
        raise ValueError(f"不是 Word 文档的主部件（{part.content_type}）")
    return part.document


def _style_levels(document: Any) -> dict[str, int]:
    """styleId → heading level (1–9), following basedOn."""
    styles_el = document.styles.element
    info: dict[str, tuple[str, int | None, str | None]] = {}
    for st in styles_el.findall(_q("style")):
        if st.get(_q("type")) != "paragraph":
            continue
        sid = st.get(_q("styleId")) or ""
        name_el = st.find(_q("name"))
        name = (name_el.get(VAL) if name_el is not None else "") or ""
        outline = st.find(f"{_q('pPr')}/{_q('outlineLvl')}")
        lvl = _int(outline.get(VAL)) if outline is not None else None
        based = st.find(_q("basedOn"))
        info[sid] = (name, lvl, based.get(VAL) if based is not None else None)

    def level(sid: str, depth: int = 0) -> int | None:
        if sid not in info or depth > 20:
            return None
        name, lvl, based = info[sid]
        if m := _HEADING_NAME.match(name.strip()):
            return int(m.group(1))
        if lvl is not None and 0 <= lvl <= 8:
            return lvl + 1
        return level(based, depth + 1) if based else None

    out = {}
    for sid in info:
        lv = level(sid)
        if lv is not None:
            out[sid] = lv
    return out


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _children(el: Any, tag: str) -> Iterator[Any]:
    """Children with ``tag``, looking through content controls and custom XML."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == CUSTOM_XML:
            yield from _children(child, tag)


def _blocks(el: Any) -> Iterator[Any]:
    """w:p and w:tbl children in document order, through w:sdt and w:customXml."""
    for child in el:
        if child.tag in (P, TBL):
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _blocks(content)
        elif child.tag == CUSTOM_XML:
            yield from _blocks(child)


def _on(el: Any) -> bool:
    """A toggle property (``<w:vanish/>``, ``<w:hidden w:val="1"/>``) that is present and on."""
    return el is not None and (el.get(VAL) or "true").lower() not in ("0", "false", "off")


def _hidden_run(run: Any) -> bool:
    """A run formatted as hidden text (Font → Hidden, ``w:vanish``): not on the page."""
    rpr = run.find(RPR) if run is not None and run.tag == R else None
    return rpr is not None and _on(rpr.find(VANISH))


def paragraph_text(p: Any, numbering: Numbering | None = None) -> str:
    """The text of a w:p as printed, its automatic number (if any) included; hidden text
    (``w:vanish``) left out."""
    parts: list[str] = [numbering.prefix(p)] if numbering is not None else []
    for el in p.iter(T, TAB, BR, CR, NO_BREAK_HYPHEN, SYM):
        if any(a.tag in SKIPPED for a in el.iterancestors()) or _hidden_run(el.getparent()):
            continue
        if el.tag == T:
            parts.append(el.text or "")
        elif el.tag == TAB:
            if el.getparent() is not None and el.getparent().tag == _q("tabs"):
                continue
            parts.append("\t")
        elif el.tag == NO_BREAK_HYPHEN:
            parts.append("-")
        elif el.tag == SYM:
            parts.append(_symbol(el.get(_q("font")) or "", el.get(_q("char")) or ""))
        elif el.tag == BR and el.get(_q("type")) == "page":
            continue
        else:
            parts.append("\n")
    return "".join(parts)


def _symbol(font: str, char: str) -> str:
    """A character inserted with Insert → Symbol (``w:sym``): ≥ ≤ × … as Unicode."""
    try:
        code = int(char, 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:  # a symbol font's own code page
        low = code - 0xF000
        if "symbol" in font.lower():
            return _SYMBOL_FONT.get(low, "")
        return chr(low) if 0x20 <= low < 0x7F else ""
    return "" if 0xE000 <= code <= 0xF8FF else chr(code)


def _block_text(el: Any, numbering: Numbering | None = None) -> str:
    """Text of a cell (or any block container): paragraphs on lines, nested tables inline."""
    lines: list[str] = []
    for block in _blocks(el):
        if block.tag == P:
            lines.append(paragraph_text(block, numbering))
        else:
            for tr in _children(block, TR):
                lines.append("\t".join(_block_text(tc, numbering) for tc in _children(tr, TC)))
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines)


def _frame_cell(tbl: Any) -> Any:
    """The cell of a table that has one row of one cell holding a table (a layout frame)."""
    rows = list(_children(tbl, TR))
    if len(rows) != 1:
        return None
    cells = list(_children(rows[0], TC))
    if len(cells) != 1 or not any(b.tag == TBL for b in _blocks(cells[0])):
        return None
    return cells[0]


class _BodyReader:
    def __init__(self, source: str, levels: dict[str, int], numbering: Numbering | None) -> None:
        self.numbering = numbering
        self.source = source
        self.levels = levels
        self.notes: list[str] = []
        self.n_tables = 0
        self.n_paragraphs = 0
        self.n_blocks = 0  # tables and paragraphs together: the reading order of findings

    def read(self, body: Any) -> Iterator[Block]:
        for block in _blocks(body):
            if block.tag == P:
                text = paragraph_text(block, self.numbering)
                if not text.strip():
                    continue
                self.n_paragraphs += 1
                self.n_blocks += 1
                where = Location(self.source, cell=f"段落{self.n_paragraphs}", order=self.n_blocks)
                yield Paragraph(text, where, self._level(block))
            elif (frame := _frame_cell(block)) is not None:
                yield from self.read(frame)  # a one-cell table used as a frame around content
            else:
                self.n_tables += 1
                self.n_blocks += 1
                table = self._table(block, self.n_tables)
                if table is not None:
                    yield table

    def _level(self, p: Any) -> int | None:
        ppr = p.find(_q("pPr"))
        if ppr is None:
            return None
        outline = ppr.find(_q("outlineLvl"))
        if outline is not None and (lvl := _int(outline.get(VAL))) is not None and 0 <= lvl <= 8:
            return lvl + 1
        style = ppr.find(_q("pStyle"))
        return self.levels.get(style.get(VAL) or "") if style is not None else None

    def _table(self, tbl: Any, number: int) -> Any:
        placed: list[Placed] = []
        open_merge: dict[int, Placed] = {}  # grid column → origin of a running vertical merge
        grid = tbl.find(_q("tblGrid"))
        n_cols = len(grid.findall(_q("gridCol"))) if grid is not None else 0
        rows = [tr for tr in _children(tbl, TR) if not _hidden_row(tr)]
        for r, tr in enumerate(rows):
            trpr = tr.find(_q("trPr"))
            col = _grid_value(trpr, "gridBefore")
            for tc in _children(tr, TC):
                tcpr = tc.find(_q("tcPr"))
                span = max(1, min(_grid_value(tcpr, "gridSpan") or 1, MAX_WORD_COLUMNS))
                vmerge = tcpr.find(_q("vMerge")) if tcpr is not None else None
                hmerge = tcpr.find(_q("hMerge")) if tcpr is not None else None
                if col >= MAX_WORD_COLUMNS:
                    break
                if (
                    vmerge is not None
                    and (vmerge.get(VAL) or "continue") == "continue"
                    and col in open_merge
                ):
                    origin = open_merge[col]
                    origin.row_span = r - origin.row + 1
                elif (
                    hmerge is not None
                    and (hmerge.get(VAL) or "continue") == "continue"
                    and placed
                    and placed[-1].row == r
                ):
                    placed[-1].col_span = col + span - placed[-1].col
                else:
                    cell = Placed(r, col, _block_text(tc, self.numbering), 1, span)
                    placed.append(cell)
                    for c in range(col, col + span):
                        if vmerge is not None:
                            open_merge[c] = cell
                        else:
                            open_merge.pop(c, None)
                col += span
            n_cols = max(n_cols, min(col + _grid_value(trpr, "gridAfter"), MAX_WORD_COLUMNS))
        if not rows:
            return None
        if len(rows) * max(n_cols, 1) > limits.MAX_DOCX_TABLE_CELLS:
            raise ReadError(self.source, f"表{number} 过大（{len(rows)} 行 × {n_cols} 列），已拒绝")
        source = self.source
        order = self.n_blocks

        def locate(row: int, col: int) -> Location:
            return Location(source, cell=f"表{number} 第{row + 1}行第{col + 1}列", order=order)

        return build_table(
            placed,
            locate,
            name=f"表{number}",
            location=Location(source, cell=f"表{number}", order=order),
            n_rows=len(rows),
            n_cols=n_cols,
        )


def _hidden_row(tr: Any) -> bool:
    """A table row marked hidden (``w:trPr/w:hidden``): Word does not show it."""
    trpr = tr.find(_q("trPr"))
    return trpr is not None and _on(trpr.find(_q("hidden")))


def _grid_value(pr: Any, tag: str) -> int:
    if pr is None:
        return 0
    el = pr.find(_q(tag))
    value = _int(el.get(VAL)) if el is not None else None
    return max(0, value or 0)
