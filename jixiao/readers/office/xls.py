"""Read .xls (and WPS .et) workbooks in the BIFF format (xlrd with formatting_info).

Like :mod:`.xlsx`: one Table per visible sheet, hidden rows and columns left out, merged
ranges expanded, values as printed under their number format, formulas as the values the file
stores. Locations ``Sheet1!D12``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jixiao.document import Block, Document, Table
from jixiao.errors import ReadError
from jixiao.readers.office import limits
from jixiao.readers.office.grid import hidden_note, sheet_table
from jixiao.readers.office.numfmt import format_value


def read_xls(path: Path, source: str | None = None) -> Document:
    import xlrd

    source = source or str(path)
    try:
        book = xlrd.open_workbook(
            str(path), formatting_info=True, on_demand=True, logfile=_NullLog()
        )
    except xlrd.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise ReadError(
                source,
                "Excel 文件已加密（设置了打开密码），无法读取；请在 Excel/WPS 中取消密码后另存再读取",
            ) from exc
        raise ReadError(source, f"Excel（.xls）文件无法读取（{exc}）") from exc
    except Exception as exc:  # xlrd raises assorted errors on damaged files
        raise ReadError(
            source, f"Excel（.xls）文件已损坏，无法读取（{type(exc).__name__}: {exc}）"
        ) from exc
    try:
        if book.nsheets > limits.MAX_SHEETS:
            raise ReadError(source, f"工作表过多（{book.nsheets} 个，上限 {limits.MAX_SHEETS}）")
        blocks: list[Block] = []
        notes: list[str] = []
        total = 0
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if getattr(sheet, "visibility", 0):
                notes.append(f"已跳过隐藏的工作表“{sheet.name}”")
                continue
            total += sheet.nrows * sheet.ncols
            if (
                sheet.nrows > limits.MAX_SHEET_ROWS
                or sheet.ncols > limits.MAX_SHEET_COLS
                or total > limits.MAX_SHEET_CELLS * 4
            ):
                raise ReadError(
                    source,
                    f"工作表“{sheet.name}”过大（{sheet.nrows} 行 × {sheet.ncols} 列），已拒绝",
                )
            table = _sheet_table(book, sheet, source, notes)
            if table is not None:
                blocks.append(table)
        return Document(source, tuple(blocks), "xls", tuple(notes))
    except ReadError:
        raise
    except Exception as exc:  # sheets load on demand: a damaged one fails only here
        raise ReadError(
            source, f"Excel（.xls）文件已损坏，无法读取（{type(exc).__name__}: {exc}）"
        ) from exc
    finally:
        book.release_resources()


def _cell_value(book: Any, cell: Any) -> tuple[object, str]:
    import xlrd

    fmt = ""
    xf_index = cell.xf_index
    if xf_index is not None and xf_index < len(book.xf_list):
        fmt_obj = book.format_map.get(book.xf_list[xf_index].format_key)
        fmt = fmt_obj.format_str if fmt_obj is not None else ""
    ctype = cell.ctype
    if ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None, fmt
    if ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(cell.value, book.datemode), fmt
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value, ""
    if ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value), fmt
    if ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#ERR"), fmt
    return cell.value, fmt


def _sheet_table(book: Any, sheet: Any, source: str, notes: list[str]) -> Table | None:
    texts: dict[tuple[int, int], str] = {}
    for r in range(sheet.nrows):
        for c, cell in enumerate(sheet.row(r)):
            value, fmt = _cell_value(book, cell)
            if value is None:
                continue
            text = format_value(value, fmt)
            if text != "":
                texts[(r, c)] = text
    merges = [(r1, c1, r2 - 1, c2 - 1) for r1, r2, c1, c2 in sheet.merged_cells]  # xlrd: half-open
    # hidden rows and columns, as formatting_info records them (0-based)
    rows = frozenset(r for r, info in sheet.rowinfo_map.items() if getattr(info, "hidden", 0))
    cols = frozenset(c for c, info in sheet.colinfo_map.items() if getattr(info, "hidden", 0))
    if note := hidden_note(sheet.name, texts, rows, cols):
        notes.append(note)
    return sheet_table(sheet.name, texts, merges, source, 0, rows, cols)


class _NullLog:
    def write(self, _: str) -> None:
        pass
