"""Read .xlsx/.xlsm workbooks (openpyxl): every visible sheet becomes a Table named by sheet.

Values are cached values (``data_only``) as printed under each cell's number format; when a
formula has no cached value (a file written by a library, never opened in Excel) the simple
ones are computed (:mod:`.formulas`) and the rest left empty with a note. Merged ranges are
expanded per :mod:`jixiao.document`. Locations are ``Sheet1!D12``.

openpyxl's normal mode is used: read-only mode drops merged ranges, and for a form of a few
pages normal mode is as fast (see bench/office_speed.py).
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.cell import get_column_letter

from jixiao.document import Block, Document
from jixiao.errors import ReadError
from jixiao.model import Location
from jixiao.readers.office import limits
from jixiao.readers.office.formulas import FormulaError, Unsupported, evaluate
from jixiao.readers.office.grid import Placed, build_table
from jixiao.readers.office.numfmt import format_value, to_decimal
from jixiao.readers.office.safety import Package

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


def read_xlsx(
    path: Path, package: Package, source: str | None = None, data: bytes | None = None
) -> Document:
    source = source or str(path)
    raw = data if data is not None else path.read_bytes()
    wb = _load(raw, source, data_only=True)
    formulas_wb = _load(raw, source, data_only=False) if package.formulas_without_values else None
    if len(wb.worksheets) > limits.MAX_SHEETS:
        raise ReadError(source, f"工作表过多（{len(wb.worksheets)} 个，上限 {limits.MAX_SHEETS}）")
    blocks: list[Block] = []
    notes: list[str] = []
    evaluator = _Evaluator(wb, formulas_wb) if formulas_wb is not None else None
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            notes.append(f"已跳过隐藏的工作表“{ws.title}”")
            continue
        table = _sheet_table(ws, source, evaluator)
        if table is not None:
            blocks.append(table)
    if evaluator is not None:
        notes.extend(evaluator.notes())
    wb.close()
    return Document(source, tuple(blocks), "xlsx", tuple(notes))


def _load(raw: bytes, source: str, *, data_only: bool) -> Any:
    try:
        return load_workbook(
            io.BytesIO(raw), data_only=data_only, read_only=False, keep_links=False, rich_text=False
        )
    except _LOAD_ERRORS as exc:
        raise ReadError(
            source, f"Excel 文件已损坏或格式不正确，无法打开（{type(exc).__name__}: {exc}）"
        ) from exc
    except Exception as exc:  # openpyxl raises assorted errors on malformed parts
        raise ReadError(source, f"Excel 文件无法打开（{type(exc).__name__}: {exc}）") from exc


def _used_cells(ws: Any) -> dict[tuple[int, int], Any]:
    cells = getattr(ws, "_cells", None)
    if isinstance(cells, dict):
        return cells
    return {(c.row, c.column): c for row in ws.iter_rows() for c in row}


def _sheet_table(ws: Any, source: str, evaluator: _Evaluator | None) -> Any:
    cells = _used_cells(ws)
    merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
    texts: dict[tuple[int, int], str] = {}
    for (r, c), cell in cells.items():
        value = cell.value
        if value is None and evaluator is not None:
            value = evaluator.value_of(ws.title, r, c)
        text = format_value(value, cell.number_format) if value is not None else ""
        if text != "":
            texts[(r, c)] = text
    anchors = set(texts) | {(m[0], m[1]) for m in merges}
    if not anchors:
        return None
    min_r = min(r for r, _ in anchors)
    min_c = min(c for _, c in anchors)
    max_r = max([r for r, _ in texts] + [m[2] for m in merges if (m[0], m[1]) in texts] + [min_r])
    max_c = max([c for _, c in texts] + [m[3] for m in merges if (m[0], m[1]) in texts] + [min_c])
    if max_r - min_r + 1 > limits.MAX_SHEET_ROWS or max_c - min_c + 1 > limits.MAX_SHEET_COLS:
        raise ReadError(
            source,
            f"工作表“{ws.title}”过大（{max_r - min_r + 1} 行 × {max_c - min_c + 1} 列，上限 {limits.MAX_SHEET_ROWS} 行 × {limits.MAX_SHEET_COLS} 列），已拒绝",
        )
    placed = [
        Placed(r - min_r, c - min_c, t)
        for (r, c), t in texts.items()
        if min_r <= r <= max_r and min_c <= c <= max_c
    ]
    by_anchor = {(p.row, p.col): p for p in placed}
    for r1, c1, r2, c2 in merges:
        if r1 > max_r or c1 > max_c:
            continue
        key = (r1 - min_r, c1 - min_c)
        p = by_anchor.get(key)
        if p is None:
            p = Placed(key[0], key[1], "")
            placed.append(p)
            by_anchor[key] = p
        p.row_span, p.col_span = min(r2, max_r) - r1 + 1, min(c2, max_c) - c1 + 1
    title = ws.title

    def locate(row: int, col: int) -> Location:
        return Location(source, cell=f"{title}!{get_column_letter(col + min_c)}{row + min_r}")

    return build_table(
        placed,
        locate,
        name=title,
        location=Location(source, cell=title),
        n_rows=max_r - min_r + 1,
        n_cols=max_c - min_c + 1,
    )


class _Evaluator:
    """Values of formula cells that have no cached value, computed from the formulas."""

    def __init__(self, values_wb: Any, formulas_wb: Any) -> None:
        self._values = {ws.title: _used_cells(ws) for ws in values_wb.worksheets}
        self._formulas = {ws.title: _used_cells(ws) for ws in formulas_wb.worksheets}
        self._cache: dict[tuple[str, int, int], Decimal | str | None] = {}
        self._active: set[tuple[str, int, int]] = set()
        self._failed: list[str] = []

    def value_of(self, sheet: str, row: int, col: int) -> Decimal | str | None:
        key = (sheet, row, col)
        if key in self._cache:
            return self._cache[key]
        cell = self._values.get(sheet, {}).get((row, col))
        value = cell.value if cell is not None else None
        if value is not None:
            result: Decimal | str | None = (
                to_decimal(value)
                if isinstance(value, int | float) and not isinstance(value, bool)
                else str(value)
            )
        else:
            fcell = self._formulas.get(sheet, {}).get((row, col))
            formula = fcell.value if fcell is not None else None
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
