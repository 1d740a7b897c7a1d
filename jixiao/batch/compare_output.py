"""Write a year-on-year comparison as a workbook (.xlsx) or JSON."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from jixiao.batch.compare import ComparedUnit
from jixiao.batch.xlsx_stream import wrapped_height
from jixiao.serialize import dump_value

# Widths chosen so that the sheet prints one A4 landscape page wide at a readable size
# (about 80 %); long texts wrap and their rows are made as high as they need.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("单位", 18),
    ("类型", 8),
    ("项目名称", 14),
    ("对比情况", 8),
    ("上年得分", 7),
    ("本年得分", 7),
    ("得分变化", 7),
    ("上年执行率(%)", 8),
    ("本年执行率(%)", 8),
    ("执行率变化", 8),
    ("重复出现的问题", 16),
    ("调低的目标", 30),
    ("上年文件", 18),
    ("本年文件", 18),
)
WRAPPED = {1, 3, 11, 12, 13, 14}  # columns (1-based) whose text wraps


def as_row(u: ComparedUnit) -> list[Any]:
    return [
        u.unit,
        u.kind,
        u.project,
        u.presence,
        u.old.score if u.old else None,
        u.new.score if u.new else None,
        u.score_change,
        u.old.rate if u.old else None,
        u.new.rate if u.new else None,
        u.rate_change,
        "、".join(u.repeated),
        "\n".join(u.lowered),
        u.old.path if u.old else "",
        u.new.path if u.new else "",
    ]


def write_compare(path: Path, rows: list[ComparedUnit]) -> None:
    if path.suffix.lower() == ".json":
        data = [
            dict(zip([c for c, _ in COLUMNS], as_row(u), strict=True))
            | {"重复出现的问题": list(u.repeated), "调低的目标": list(u.lowered)}
            for u in rows
        ]
        path.write_text(
            dump_value({"format": "jixiao-compare/1", "units": data}) + "\n", encoding="utf-8"
        )
        return
    wb = Workbook()
    ws = wb.active
    ws.title = "年度对比"
    ws.append([c for c, _ in COLUMNS])
    for index, (_, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
        cell = ws.cell(1, index)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", start_color="1F4E78")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for u in rows:
        ws.append(as_row(u))
    ws.row_dimensions[1].height = 30
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, Decimal):
                cell.number_format = "0.00"
            cell.alignment = Alignment(wrap_text=cell.column in WRAPPED, vertical="top")
        height = wrapped_height(
            [
                (str(c.value), COLUMNS[c.column - 1][1])
                for c in row
                if c.column in WRAPPED and c.value
            ]
        )
        if height:
            ws.row_dimensions[row[0].row].height = height
    end = len(rows) + 1
    ws.freeze_panes = "B2"
    # printed: A4 landscape, all columns across one page width, the header on every page
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "1:1"
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{end}"
    if rows:
        red = PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE")
        green = PatternFill("solid", start_color="C6EFCE", end_color="C6EFCE")
        ws.conditional_formatting.add(
            f"G2:G{end}", CellIsRule(operator="lessThan", formula=["0"], fill=red)
        )
        ws.conditional_formatting.add(
            f"G2:G{end}", CellIsRule(operator="greaterThan", formula=["0"], fill=green)
        )
        ws.conditional_formatting.add(
            f"L2:L{end}", CellIsRule(operator="notEqual", formula=['""'], fill=red)
        )
    tmp = path.with_name(path.name + ".tmp")
    wb.save(tmp)
    tmp.replace(path)
