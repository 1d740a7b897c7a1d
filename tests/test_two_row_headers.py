"""Column headers printed over two rows (a group label merged over the columns whose own labels
are on the row below, the other labels merged down) read as one header, column by column, in
.xlsx and .docx files made here with openpyxl / python-docx and in pipe / tab text."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from jixiao import read
from jixiao.readers import read_string

# (text, rows, cols) or text; None = a cell covered by a merge above or to the left
Grid = list[list[object]]

PROJECT: Grid = [
    ["项目名称", "社区养老服务补助", "", "", "", "", "", "", ""],
    ["实施单位", "某某县民政局", "", "", "", "", "", "", ""],
    [("项目", 2, 1), ("预算执行情况（万元）", 1, 4), None, None, None, ("分值", 2, 1), ("得分", 2, 1)],
    [None, "年初预算数", "全年预算数", "全年执行数", "执行率", None, None],
    ["年度资金总额", "120", "125", "110", "88.00%", "10", "8.8"],
    ["其中：本年财政拨款", "100", "105", "95", "90.48%", "", ""],
    [
        ("一级指标", 2, 1),
        ("二级指标", 2, 1),
        ("三级指标", 2, 1),
        ("年度指标值", 1, 3),
        None,
        None,
        ("实际完成值", 2, 1),
        ("分值", 2, 1),
        ("得分", 2, 1),
    ],
    [None, None, None, "指标性质", "指标值", "度量单位", None, None, None],
    ["产出指标", "数量指标", "服务老人人次", "≥", "1200", "人次", "1350", "30", "30"],
    ["产出指标", "质量指标", "服务合格率", "=", "100", "%", "98", "30", "29"],
    ["效益指标", "社会效益指标", "老人满意度", "≥", "90", "%", "95", "30", "28"],
    ["总分", "", "", "", "", "", "", "100", "95.8"],
]

# 全年预算数 / 全年执行数 each over 合计 | 其中：财政拨款
SUBCOLUMNS: Grid = [
    ["部门（单位）名称", "某某县文化馆", "", "", "", ""],
    [("资金项目", 2, 1), ("全年预算数", 1, 2), None, ("全年执行数", 1, 2), None, ("执行率", 2, 1)],
    [None, "合计", "其中：财政拨款", "合计", "其中：财政拨款", None],
    ["合计", "300", "260", "270", "240", "90.00%"],
    ["基本支出", "200", "180", "190", "170", "95.00%"],
]


def _cells(grid: Grid):
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell is None:
                continue
            text, rows, cols = cell if isinstance(cell, tuple) else (cell, 1, 1)
            yield r, c, str(text), rows, cols


def write_xlsx(grid: Grid, path: Path, title: str) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append([title])
    for r, c, text, rows, cols in _cells(grid):
        if text:
            ws.cell(r + 2, c + 1, text)
        if rows > 1 or cols > 1:
            ws.merge_cells(
                start_row=r + 2, start_column=c + 1, end_row=r + rows + 1, end_column=c + cols
            )
    wb.save(path)
    return path


def write_docx(grid: Grid, path: Path, title: str) -> Path:
    d = docx.Document()
    d.add_paragraph(title)
    width = max(len(row) for row in grid)
    table = d.add_table(rows=len(grid), cols=width)
    for r, c, text, rows, cols in _cells(grid):
        cell = table.rows[r].cells[c]
        if text:
            cell.text = text
        if rows > 1 or cols > 1:
            cell.merge(table.rows[r + rows - 1].cells[c + cols - 1])
    d.save(str(path))
    return path


def as_text(grid: Grid, title: str, sep: str) -> str:
    """The grid as pipe or tab text: merged cells print empty, in their columns."""
    width = max(len(row) for row in grid)
    lines = [title]
    for row in grid:
        cells = [
            "" if cell is None else str(cell[0] if isinstance(cell, tuple) else cell)
            for cell in row
        ]
        cells += [""] * (width - len(cells))
        lines.append(f"| {' | '.join(cells)} |" if sep == "|" else "\t".join(cells))
    return "\n".join(lines) + "\n"


def _read(grid: Grid, fmt: str, tmp_path: Path, title: str):
    if fmt == "xlsx":
        return read(write_xlsx(grid, tmp_path / "form.xlsx", title))
    if fmt == "docx":
        return read(write_docx(grid, tmp_path / "form.docx", title))
    return read_string(as_text(grid, title, "|" if fmt == "pipe" else "\t"))


FORMATS = ("xlsx", "docx", "pipe", "tab")


@pytest.mark.parametrize("fmt", FORMATS)
def test_group_label_over_the_fund_columns(fmt, tmp_path):
    e = _read(PROJECT, fmt, tmp_path, "2023年度项目支出绩效自评表")
    total, fiscal = e.funds
    assert (total.initial_budget.value, total.budget.value, total.actual.value) == (
        Decimal("120"),
        Decimal("125"),
        Decimal("110"),
    )
    assert total.rate.value == Decimal("88.00")
    assert (total.weight.value, total.score.value) == (Decimal("10"), Decimal("8.8"))
    assert (fiscal.budget.value, fiscal.actual.value, fiscal.weight) == (
        Decimal("105"),
        Decimal("95"),
        None,
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_target_over_nature_value_and_unit(fmt, tmp_path):
    e = _read(PROJECT, fmt, tmp_path, "2023年度项目支出绩效自评表")
    got = [
        (
            i.name.text,
            i.nature.value if i.nature else None,
            i.target.text,
            i.measure_unit.text if i.measure_unit else None,
            i.actual.text,
            i.weight.value,
            i.score.value,
        )
        for i in e.indicators
    ]
    assert got == [
        ("服务老人人次", "≥", "1200", "人次", "1350", Decimal("30"), Decimal("30")),
        ("服务合格率", "=", "100", "%", "98", Decimal("30"), Decimal("29")),
        ("老人满意度", "≥", "90", "%", "95", Decimal("30"), Decimal("28")),
    ]
    assert (e.total_weight.value, e.total_score.value) == (Decimal("100"), Decimal("95.8"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_sub_columns_under_a_budget_label_take_the_first_as_the_figure(fmt, tmp_path):
    """全年预算数 over 合计 | 其中：财政拨款: the figure is the 合计 column, the 其中 column is a
    part of it, never the spending."""
    e = _read(SUBCOLUMNS, fmt, tmp_path, "2023年度部门整体支出绩效自评表")
    got = [(f.label.text, f.budget.value, f.actual.value, f.rate.value) for f in e.funds]
    assert got == [
        ("合计", Decimal("300"), Decimal("270"), Decimal("90.00")),
        ("基本支出", Decimal("200"), Decimal("190"), Decimal("95.00")),
    ]


def test_a_header_broken_inside_its_row_is_not_read_as_two_rows():
    """A header whose line breaks inside it (the second line's labels under other labels, not
    under a group) still reads as one header in the order printed."""
    text = (
        "2023年度项目支出绩效自评表\n"
        "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 |\n"
        "| 实际完成值 |\n"
        "| 分值 | 得分 |\n"
        "| 产出指标 | 数量指标 | 服务老人人次 | ≥1200人次 | 1350人次 | 30 | 30 |\n"
        "| 产出指标 | 质量指标 | 服务合格率 | 100% | 98% | 30 | 29 |\n"
    )
    got = [
        (i.target.text, i.actual.text, i.weight.value, i.score.value)
        for i in read_string(text).indicators
    ]
    assert got == [
        ("≥1200人次", "1350人次", Decimal("30"), Decimal("30")),
        ("100%", "98%", Decimal("30"), Decimal("29")),
    ]
