"""Write the 部门整体支出绩效自评表 / 项目支出绩效自评表 as an .xlsx in the official layout.

The grid (:mod:`jixiao.writers.grid`) says what goes where; this module gives it the look of
the form: title row, merged headers, thin borders, column widths, wrapped text, 宋体 body and
黑体 title, A4 landscape fitted to the page width with the indicator header repeated on each
page. Rates, sums and the 总分 are formulas wherever the printed value equals what the formula
computes, so the sheet still computes when edited in Excel or WPS; elsewhere the printed value
stays as it is and the checker speaks.

openpyxl writes formulas without a cached value. So that any reader (ours, pandas, a viewer
that does not recalculate) sees the printed numbers, the saved sheet gets each formula's
printed value as its cached ``<v>``, and the workbook asks Excel/WPS to recalculate on load.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.properties import CalcProperties

from jixiao.model import Evaluation, Kind
from jixiao.writers.grid import Formula, Grid, Role, build_grid

BODY_FONT = "宋体"
TITLE_FONT = "黑体"
BODY_SIZE = 10
TITLE_SIZE = 16

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONTS = {
    Role.TITLE: Font(name=TITLE_FONT, size=TITLE_SIZE),
    Role.HEADER: Font(name=BODY_FONT, size=BODY_SIZE, bold=True),
    Role.LABEL: Font(name=BODY_FONT, size=BODY_SIZE, bold=True),
}
_BODY = Font(name=BODY_FONT, size=BODY_SIZE)
_ALIGN = {
    Role.TEXT: Alignment(horizontal="left", vertical="center", wrap_text=True),
    Role.NUMBER: Alignment(horizontal="center", vertical="center", wrap_text=True),
}
_CENTRED = Alignment(horizontal="center", vertical="center", wrap_text=True)
# a cell merged down more rows than this may run over a page break; Excel and LibreOffice
# print its text at the middle of the whole range, perhaps on the next page: put it on top
TALL_SPAN = 6


def sheet_name(e: Evaluation) -> str:
    return "项目支出绩效自评表" if e.kind == Kind.PROJECT else "部门整体支出绩效自评表"


def write_xlsx(evaluation: Evaluation, path: str | Path) -> Path:
    """Write the evaluation's table to ``path`` (.xlsx); returns the path."""
    path = Path(path)
    grid = build_grid(evaluation)
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name(evaluation)
    cached = _fill(ws, grid)
    _page_setup(ws, grid)
    wb.calculation = CalcProperties(fullCalcOnLoad=True)
    buffer = io.BytesIO()
    wb.save(buffer)
    path.write_bytes(_with_cached_values(buffer.getvalue(), cached))
    return path


def _ref(row: int, col: int) -> str:
    return f"{get_column_letter(col + 1)}{row + 1}"


def formula_text(formula: Formula) -> str:
    refs = [_ref(r, c) for r, c in formula.refs]
    if formula.op == "ratio":
        return f"={refs[0]}/{refs[1]}"
    cols = {c for _, c in formula.refs}
    rows = sorted(r for r, _ in formula.refs)
    if len(cols) == 1 and rows == list(range(rows[0], rows[0] + len(rows))) and len(rows) > 1:
        col = next(iter(cols))
        return f"=SUM({_ref(rows[0], col)}:{_ref(rows[-1], col)})"
    return f"=SUM({','.join(refs)})"


def _fill(ws, grid: Grid) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Put the grid's cells into the sheet; returns {A1 ref: cached value} for formulas."""
    cached: dict[str, str] = {}
    for cell in grid.cells.values():
        target = ws.cell(row=cell.row + 1, column=cell.col + 1)
        if cell.formula is not None and cell.number is not None:
            target.value = formula_text(cell.formula)
            cached[_ref(cell.row, cell.col)] = _plain(cell.number)
        elif cell.number is not None:
            target.value = cell.number
        else:
            target.value = cell.text or None
            if cell.text and cell.text.startswith("="):
                # printed text such as the target “=100%” (指标性质 written into the value) is
                # text, not a formula
                target.data_type = "s"
        if cell.number_format:
            target.number_format = cell.number_format
        if cell.rowspan > 1 or cell.colspan > 1:
            ws.merge_cells(
                start_row=cell.row + 1,
                start_column=cell.col + 1,
                end_row=cell.row + cell.rowspan,
                end_column=cell.col + cell.colspan,
            )
    for cell in grid.cells.values():
        if cell.role == Role.TITLE:
            target = ws.cell(row=cell.row + 1, column=cell.col + 1)
            target.font = _FONTS[Role.TITLE]
            target.alignment = _CENTRED
            continue
        font = _FONTS.get(cell.role, _BODY)
        align = _ALIGN.get(cell.role, _CENTRED)
        if cell.rowspan > TALL_SPAN:
            align = Alignment(horizontal=align.horizontal, vertical="top", wrap_text=True)
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                target = ws.cell(row=r + 1, column=c + 1)
                target.border = _BORDER
                target.font = font
                target.alignment = align
    return cached


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def _page_setup(ws, grid: Grid) -> None:  # type: ignore[no-untyped-def]
    for i, width in enumerate(grid.col_widths):
        ws.column_dimensions[get_column_letter(i + 1)].width = width
    for r in range(grid.nrows):
        ws.row_dimensions[r + 1].height = _row_height(grid, r)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3  # room for the page-number footer
    if grid.repeat_rows is not None:
        first, last = grid.repeat_rows
        ws.print_title_rows = f"{first + 1}:{last + 1}"
    ws.print_area = f"A1:{_ref(grid.nrows - 1, grid.ncols - 1)}"
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.sheet_view.zoomScale = 100


def display_width(text: str) -> float:
    """Width in Excel character units at the body size: a CJK character is about 1.9."""
    return sum(1.9 if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)


def _lines(text: str, width: float) -> int:
    usable = max(1.0, width - 1)
    return sum(max(1, math.ceil(display_width(part) / usable)) for part in text.split("\n"))


def _row_height(grid: Grid, row: int) -> float:
    """Points: Excel does not grow rows for merged wrapped cells, so estimate it here."""
    lines = 1
    size = BODY_SIZE
    for cell in grid.row_cells(row):
        if cell.role == Role.TITLE:
            size = TITLE_SIZE
            continue
        if cell.rowspan > 1:
            continue
        width = sum(grid.col_widths[cell.col : cell.col + cell.colspan])
        lines = max(lines, _lines(cell.text, width))
    return round(lines * size * 1.3 + 5, 1)


_FORMULA_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f><v\s*/?>(?:</v>)?</c>')


def _with_cached_values(data: bytes, cached: dict[str, str]) -> bytes:
    """Rewrite the sheet XML so that every formula carries its printed value as ``<v>``."""
    if not cached:
        return data
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                xml = content.decode("utf-8")

                def fill(m: re.Match[str]) -> str:
                    ref, attrs, formula = m.group(1), m.group(2), m.group(3)
                    value = cached.get(ref)
                    if value is None:
                        return m.group(0)
                    return f'<c r="{ref}"{attrs}><f>{formula}</f><v>{value}</v></c>'

                content = _FORMULA_CELL.sub(fill, xml).encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()
