"""A small streaming .xlsx writer for the batch's summary workbook.

The summary of a region has tens of thousands of cells; openpyxl (even write-only) and
XlsxWriter spend most of their time on per-cell bookkeeping. This writer does only what
summary.xlsx needs — text and number cells in a few fixed styles, column widths, a frozen
header, an autofilter, conditional formats, relative hyperlinks, A4 landscape print setup one
page wide (optionally of the first columns only, the rest being for the screen) with the header
row repeated and a page-number footer — and writes each row as one string into a temporary file per
sheet, so memory stays flat however many rows. Text is written as inline strings, numbers as
their exact decimal digits (a ``Decimal`` is never turned into a float).
"""

from __future__ import annotations

import math
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

# cell styles (indexes into cellXfs of styles.xml)
PLAIN, HEADER, WRAP, MONEY, PERCENT, TOP, LINK = range(7)
# conditional-format fills (indexes into dxfs)
FILLS = {
    "red": "FFC7CE",
    "yellow": "FFEB9C",
    "green": "C6EFCE",
    "grey": "D9D9D9",
    "orange": "F8CBAD",
}
_DXF = {name: k for k, name in enumerate(FILLS)}

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPECIAL = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _spool() -> IO[str]:
    """A temporary file for a sheet's rows (closed, and so deleted, once written out)."""
    return tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115


LINE_HEIGHT = 15.0  # points, the default row at 11 pt
MAX_LINES = 10  # a longer text is cut in print (the cell keeps all of it)


def text_lines(text: str, width: float) -> int:
    """Lines ``text`` takes wrapped in a column ``width`` characters wide: a Chinese character
    counts two (its UTF-8 length is 3, a Latin letter's 1), and every line break starts a line."""
    room = max((width - 1) * 0.9, 1)  # a little less than the width: lines break at words
    lines = 0
    for part in text.split("\n"):
        units = (len(part.encode("utf-8")) + len(part)) / 2
        lines += max(1, math.ceil(units / room))
    return lines


def wrapped_height(cells: list[tuple[str, float]]) -> float | None:
    """Height of a row whose wrapped cells are ``(text, column width)``: None (the default
    height) where every text fits on one line. Spreadsheet programs do not all size such rows
    on opening (LibreOffice prints them one line high, cut), so the writer sets the height."""
    lines = max((text_lines(t, w) for t, w in cells if t), default=1)
    return min(lines, MAX_LINES) * LINE_HEIGHT if lines > 1 else None


def _text(value: str) -> str:
    if not _SPECIAL.search(value):  # most texts: nothing to escape or drop
        return value
    return escape(_ILLEGAL.sub("", value))


@dataclass
class Sheet:
    """One worksheet, its rows spooled to a temporary file as they are written."""

    title: str
    widths: tuple[float, ...]
    frozen: tuple[int, int] = (1, 0)  # rows, columns frozen at the top left
    print_cols: int = 0  # the first columns printed (one page wide); 0: all of them
    rows: int = 0
    _body: IO[str] = field(default_factory=lambda: _spool())
    _letters: list[str] = field(default_factory=list)
    _formats: list[str] = field(default_factory=list)
    _links: list[tuple[str, str]] = field(default_factory=list)
    _filter: str = ""

    def __post_init__(self) -> None:
        self._letters = [column_letter(i) for i in range(max(len(self.widths), 1))]

    def append(self, values: list[Any], height: float | None = None) -> None:
        """A row: None or "" blank; int/Decimal/float a number; else text. A value may be
        ``(value, style)``; a ``(text, LINK, target)`` triple is a hyperlink."""
        self.rows += 1
        r = self.rows
        cells = []
        wrapped: list[tuple[str, float]] = []
        for c, value in enumerate(values):
            style = TOP
            target = None
            if isinstance(value, tuple):
                value, style, *rest = value
                target = rest[0] if rest else None
            if value is None or value == "":
                continue
            if style == WRAP and height is None:
                wrapped.append((str(value), self.widths[c]))
            ref = f"{self._letters[c]}{r}"
            if isinstance(value, bool):
                value = "是" if value else "否"
            if isinstance(value, (int, Decimal)):
                cells.append(f'<c r="{ref}" s="{style}"><v>{value}</v></c>')
            elif isinstance(value, float):
                cells.append(f'<c r="{ref}" s="{style}"><v>{value!r}</v></c>')
            else:
                cells.append(
                    f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">'
                    f"{_text(str(value))}</t></is></c>"
                )
                if target:
                    self._links.append((ref, target))
        if height is None and wrapped:
            height = wrapped_height(wrapped)
        ht = f' ht="{height}" customHeight="1"' if height else ""
        self._body.write(f'<row r="{r}"{ht}>{"".join(cells)}</row>')

    def autofilter(self, rows: int) -> None:
        self._filter = f"A1:{self._letters[-1]}{max(rows, 1) + 1}"

    def when(self, area: str, op: str, value: str, fill: str) -> None:
        """Colour ``area`` where its cell compares by ``op`` (greaterThan, lessThan, equal)."""
        self._formats.append(
            f'<conditionalFormatting sqref="{area}"><cfRule type="cellIs" dxfId="{_DXF[fill]}" '
            f'priority="{len(self._formats) + 1}" operator="{op}"><formula>{_text(value)}</formula>'
            "</cfRule></conditionalFormatting>"
        )

    def when_formula(self, area: str, formula: str, fill: str) -> None:
        self._formats.append(
            f'<conditionalFormatting sqref="{area}"><cfRule type="expression" dxfId="{_DXF[fill]}" '
            f'priority="{len(self._formats) + 1}"><formula>{_text(formula)}</formula></cfRule>'
            "</conditionalFormatting>"
        )

    def colour_scale(self, area: str, points: tuple[tuple[float, str], ...]) -> None:
        cfvo = "".join(f'<cfvo type="num" val="{v}"/>' for v, _ in points)
        colours = "".join(f'<color rgb="FF{c}"/>' for _, c in points)
        self._formats.append(
            f'<conditionalFormatting sqref="{area}"><cfRule type="colorScale" '
            f'priority="{len(self._formats) + 1}"><colorScale>{cfvo}{colours}</colorScale></cfRule>'
            "</conditionalFormatting>"
        )

    # -- the part -------------------------------------------------------------------------

    def write_to(self, zf: zipfile.ZipFile, number: int) -> None:
        rows, cols = self.frozen
        pane = (
            f'<pane{f" xSplit={chr(34)}{cols}{chr(34)}" if cols else ""} ySplit="{rows}" '
            f'topLeftCell="{self._letters[cols] if cols < len(self._letters) else "A"}{rows + 1}" '
            'activePane="bottomRight" state="frozen"/>'
        )
        columns = "".join(
            f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>'
            for i, w in enumerate(self.widths)
        )
        head = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">'
            '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
            f'<sheetViews><sheetView workbookViewId="0">{pane}</sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/><cols>{columns}</cols><sheetData>'
        )
        tail = ["</sheetData>"]
        if self._filter:
            tail.append(f'<autoFilter ref="{self._filter}"/>')
        tail += self._formats
        if self._links:
            tail.append(
                "<hyperlinks>"
                + "".join(
                    f'<hyperlink ref="{ref}" r:id="rId{k}"/>'
                    for k, (ref, _) in enumerate(self._links, start=1)
                )
                + "</hyperlinks>"
            )
        tail.append(
            '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
            '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
            "<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>"
            "</worksheet>"
        )
        with zf.open(f"xl/worksheets/sheet{number}.xml", "w") as out:
            out.write(head.encode("utf-8"))
            self._body.seek(0)
            while chunk := self._body.read(1 << 20):
                out.write(chunk.encode("utf-8"))
            out.write("".join(tail).encode("utf-8"))
        self._body.close()
        if self._links:
            rels = "".join(
                f'<Relationship Id="rId{k}" Type="{_REL}/hyperlink" Target={quoteattr(target)} '
                'TargetMode="External"/>'
                for k, (_, target) in enumerate(self._links, start=1)
            )
            zf.writestr(
                f"xl/worksheets/_rels/sheet{number}.xml.rels",
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<Relationships xmlns="{_PKG}">{rels}</Relationships>',
            )

    def defined_names(self, index: int) -> str:
        quoted = "'" + self.title.replace("'", "''") + "'"
        names = ""  # in the order Excel writes them: Print_Area, Print_Titles, _FilterDatabase
        if self.print_cols:
            last = self._letters[self.print_cols - 1]
            names += (
                f'<definedName name="_xlnm.Print_Area" localSheetId="{index}">'
                f"{_text(quoted)}!$A$1:${last}${self.rows}</definedName>"
            )
        names += (
            f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">'
            f"{_text(quoted)}!$1:$1</definedName>"
        )
        if self._filter:
            first, last = self._filter.split(":")
            area = (
                f"{quoted}!${first[0]}$1:${re.sub(r'[0-9]', '', last)}${re.sub(r'[A-Z]', '', last)}"
            )
            names += (
                f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" hidden="1">'
                f"{_text(area)}</definedName>"
            )
        return names


class Book:
    """Sheets added in order, written into one .xlsx by :meth:`save`."""

    def __init__(self) -> None:
        self.sheets: list[Sheet] = []

    def sheet(
        self,
        title: str,
        columns: tuple[tuple[str, float], ...],
        frozen_cols: int = 0,
        print_cols: int = 0,
    ) -> Sheet:
        """A sheet whose header row holds the column names, as high as the names wrapped (in
        bold, centred, and not broken before a closing bracket: counted a character narrower)."""
        ws = Sheet(title, tuple(w for _, w in columns), (1, frozen_cols), print_cols)
        height = max(text_lines(name, width - 1) for name, width in columns) * LINE_HEIGHT
        ws.append([(name, HEADER) for name, _ in columns], height=height)
        self.sheets.append(ws)
        return ws

    def save(self, path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            n = len(self.sheets)
            zf.writestr("[Content_Types].xml", _content_types(n))
            zf.writestr("_rels/.rels", _ROOT_RELS)
            zf.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(n))
            zf.writestr("xl/styles.xml", _STYLES)
            sheets = "".join(
                f'<sheet name={quoteattr(s.title)} sheetId="{k}" r:id="rId{k}"/>'
                for k, s in enumerate(self.sheets, start=1)
            )
            names = "".join(s.defined_names(k) for k, s in enumerate(self.sheets))
            zf.writestr(
                "xl/workbook.xml",
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><bookViews><workbookView/></bookViews>'
                f"<sheets>{sheets}</sheets><definedNames>{names}</definedNames></workbook>",
            )
            for k, s in enumerate(self.sheets, start=1):
                s.write_to(zf, k)


def _content_types(n: int) -> str:
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{k}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for k in range(1, n + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f"{sheets}</Types>"
    )


_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
    f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)


def _workbook_rels(n: int) -> str:
    rels = "".join(
        f'<Relationship Id="rId{k}" Type="{_REL}/worksheet" Target="worksheets/sheet{k}.xml"/>'
        for k in range(1, n + 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="{_PKG}">{rels}<Relationship Id="rId{n + 1}" '
        f'Type="{_REL}/styles" Target="styles.xml"/></Relationships>'
    )


_DXFS = "".join(
    f'<dxf><fill><patternFill><bgColor rgb="FF{colour}"/></patternFill></fill></dxf>'
    for colour in FILLS.values()
)
_TOP = '<alignment vertical="top"/>'
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<styleSheet xmlns="{_MAIN}">'
    '<numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.00"/>'
    '<numFmt numFmtId="165" formatCode="0.0%"/></numFmts>'
    '<fonts count="3"><font><sz val="11"/><name val="等线"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><color rgb="FFFFFFFF"/><name val="等线"/><family val="2"/></font>'
    '<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="等线"/><family val="2"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FF1F4E78"/><bgColor indexed="64"/>'
    "</patternFill></fill></fills>"
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
    '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/>'
    "<diagonal/></border></borders>"
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="7">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" '
    'applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" '
    'wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    f'<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" '
    f'applyAlignment="1">{_TOP}</xf>'
    f'<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" '
    f'applyAlignment="1">{_TOP}</xf>'
    f'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">{_TOP}</xf>'
    f'<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" '
    f'applyAlignment="1">{_TOP}</xf>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    f'<dxfs count="{len(FILLS)}">{_DXFS}</dxfs>'
    "</styleSheet>"
)
