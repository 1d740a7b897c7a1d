"""Read .xlsx/.xlsm workbooks (openpyxl): every visible sheet becomes a Table named by sheet,
read as the clerk sees it: hidden sheets, rows and columns are left out (with a note).

Values are cached values (``data_only``) as printed under each cell's number format; when a
formula has no cached value (a file written by a library, never opened in Excel) the simple
ones are computed (:mod:`.formulas`) and the rest left empty with a note. Merged ranges are
expanded per :mod:`jixiao.document`. Locations are ``Sheet1!D12``.

openpyxl's read-only mode streams the cells; it does not keep merged ranges, which are taken
from the sheet XML scanned by :mod:`.safety` (normal mode styles every merged cell and is
five times slower on a form; see bench/office_speed.py).
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.cell import get_column_letter, range_boundaries

from jixiao.document import Block, Document, Table
from jixiao.errors import ReadError
from jixiao.readers.office import limits
from jixiao.readers.office.formulas import FormulaError, Unsupported, evaluate
from jixiao.readers.office.grid import Merge, hidden_note, sheet_table
from jixiao.readers.office.numfmt import format_value, to_decimal
from jixiao.readers.office.safety import OpenError, Package

_LOAD_ERRORS = (
    zipfile.BadZipFile,
    KeyError,
    ValueError,
    TypeError,
    AttributeError,
    IndexError,
    OSError,
    EOFError,
)

Cells = dict[tuple[int, int], tuple[Any, str]]  # (row, col) 1-based → (value, number format)


def read_xlsx(
    path: Path, package: Package, source: str | None = None, data: bytes | None = None
) -> Document:
    source = source or str(path)
    raw = data if data is not None else path.read_bytes()
    wb = _load(raw, source, data_only=True)
    try:
        if len(wb.worksheets) > limits.MAX_SHEETS:
            count = len(wb.worksheets)
            raise ReadError(source, f"工作表过多（{count} 个，上限 {limits.MAX_SHEETS}）")
        sheets = [
            (
                ws.title,
                ws.sheet_state,
                _merges(ws, package),
                _cells(ws, source),
                _hidden(ws, package),
            )
            for ws in wb.worksheets
        ]
    finally:
        wb.close()
    evaluator = None
    if package.formulas_without_values:
        fwb = _load(raw, source, data_only=False)
        try:
            formulas = {ws.title: _cells(ws, source) for ws in fwb.worksheets}
        finally:
            fwb.close()
        evaluator = _Evaluator({title: cells for title, _, _, cells, _ in sheets}, formulas)
    blocks: list[Block] = []
    notes: list[str] = []
    for title, state, merges, cells, hidden in sheets:
        if state != "visible":
            notes.append(f"已跳过隐藏的工作表“{title}”")
            continue
        if note := hidden_note(title, cells, *hidden):
            notes.append(note)
        table = _sheet_table(title, cells, merges, source, evaluator, hidden)
        if table is not None:
            blocks.append(table)
    if evaluator is not None:
        notes.extend(evaluator.notes())
    return Document(source, tuple(blocks), "xlsx", tuple(notes))


def _load(raw: bytes, source: str, *, data_only: bool) -> Any:
    try:
        return load_workbook(
            io.BytesIO(raw), data_only=data_only, read_only=True, keep_links=False, rich_text=False
        )
    except _LOAD_ERRORS as exc:
        raise OpenError(
            source, f"Excel 文件已损坏或格式不正确，无法打开（{type(exc).__name__}: {exc}）"
        ) from exc
    except Exception as exc:  # openpyxl raises assorted errors on malformed parts
        raise OpenError(source, f"Excel 文件无法打开（{type(exc).__name__}: {exc}）") from exc


def _cells(ws: Any, source: str) -> Cells:
    """Every cell the sheet writes a value in (streamed; the declared dimension is ignored)."""
    out: Cells = {}
    if not hasattr(ws, "iter_rows"):  # a chart sheet
        return out
    try:
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()
        for row in ws.iter_rows():
            for cell in row:
                value = getattr(cell, "value", None)
                if value is None or not hasattr(cell, "row"):
                    continue
                if cell.row > limits.MAX_SHEET_ROWS or cell.column > limits.MAX_SHEET_COLS:
                    raise ReadError(
                        source,
                        f"工作表“{ws.title}”过大（超过 {limits.MAX_SHEET_ROWS} 行或 {limits.MAX_SHEET_COLS} 列），已拒绝",
                    )
                out[(cell.row, cell.column)] = (value, cell.number_format or "General")
    except ReadError:
        raise
    except Exception as exc:  # malformed sheet XML
        raise OpenError(
            source, f"工作表“{ws.title}”已损坏，无法读取（{type(exc).__name__}: {exc}）"
        ) from exc
    return out


def _part(ws: Any) -> str:
    return str(getattr(ws, "_worksheet_path", "")).lstrip("/")


def _hidden(ws: Any, package: Package) -> tuple[frozenset[int], frozenset[int]]:
    """The sheet's hidden rows and columns (1-based), from the scan of its XML."""
    part = _part(ws)
    return package.hidden_rows.get(part, frozenset()), package.hidden_cols.get(part, frozenset())


def _merges(ws: Any, package: Package) -> list[Merge]:
    """Merged ranges of a sheet as (min_row, min_col, max_row, max_col)."""
    part = _part(ws)
    out = []
    for ref in package.merges.get(part, ()):
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref)
        except (ValueError, TypeError):
            continue
        if None not in (min_col, min_row, max_col, max_row):
            out.append((min_row, min_col, max_row, max_col))  # type: ignore[arg-type]
    return out


def _sheet_table(
    title: str,
    cells: Cells,
    merges: list[Merge],
    source: str,
    evaluator: _Evaluator | None,
    hidden: tuple[frozenset[int], frozenset[int]],
) -> Table | None:
    texts: dict[tuple[int, int], str] = {}
    for (r, c), (value, number_format) in cells.items():
        text = format_value(value, number_format)
        if text != "":
            texts[(r, c)] = text
    if evaluator is not None:
        for (r, c), number_format in evaluator.uncached(title):
            value = evaluator.value_of(title, r, c)
            text = format_value(value, number_format) if value is not None else ""
            if text != "":
                texts[(r, c)] = text
    return sheet_table(title, texts, merges, source, 1, *hidden)


class _Evaluator:
    """Values of formula cells that have no cached value, computed from the formulas."""

    def __init__(self, values: dict[str, Cells], formulas: dict[str, Cells]) -> None:
        self._values = values
        self._formulas = formulas
        self._cache: dict[tuple[str, int, int], Decimal | str | None] = {}
        self._active: set[tuple[str, int, int]] = set()
        self._failed: list[str] = []

    def uncached(self, sheet: str) -> list[tuple[tuple[int, int], str]]:
        """Formula cells of a sheet without a cached value, with their number formats."""
        values = self._values.get(sheet, {})
        return [
            (key, fmt)
            for key, (formula, fmt) in self._formulas.get(sheet, {}).items()
            if isinstance(formula, str) and formula.startswith("=") and key not in values
        ]

    def value_of(self, sheet: str, row: int, col: int) -> Decimal | str | None:
        key = (sheet, row, col)
        if key in self._cache:
            return self._cache[key]
        cached = self._values.get(sheet, {}).get((row, col))
        result: Decimal | str | None
        if cached is not None:
            value = cached[0]
            if isinstance(value, int | float) and not isinstance(value, bool):
                result = to_decimal(value)
            else:
                result = str(value)
        else:
            entry = self._formulas.get(sheet, {}).get((row, col))
            formula = entry[0] if entry is not None else None
            if not (isinstance(formula, str) and formula.startswith("=")):
                result = None
            elif key in self._active:
                result = "#REF!"
                self._failed.append(f"{sheet}!{get_column_letter(col)}{row}（循环引用）")
            else:
                self._active.add(key)
                try:
                    result = evaluate(formula, sheet, self.value_of)
                except FormulaError as exc:
                    result = exc.code
                except (Unsupported, ArithmeticError, ValueError):
                    result = None
                    self._failed.append(f"{sheet}!{get_column_letter(col)}{row}（{formula}）")
                finally:
                    self._active.discard(key)
        self._cache[key] = result
        return result

    def notes(self) -> list[str]:
        notes = [
            "文件中的公式没有保存计算结果（可能由程序生成、未在 Excel/WPS 中打开保存），已按公式重新计算"
        ]
        if self._failed:
            shown = "、".join(self._failed[:10]) + ("等" if len(self._failed) > 10 else "")
            notes.append(
                f"以下公式无法计算，单元格按空白处理：{shown}；请在 Excel/WPS 中打开并保存后再读取"
            )
        return notes
