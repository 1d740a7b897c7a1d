"""A field label with its value followed by another field on the same line or in the same cell
(``填报单位：某某局    单位：万元``, ``项目名称：…主管部门：…``): each field takes only its own
value, and ``单位：万元`` is the money unit, never the unit's name."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from jixiao import read
from jixiao.extract.form import field_pairs
from jixiao.readers import read_string

TABLE = (
    "| 项目 | 全年预算数 | 全年执行数 | 执行率 | 分值 | 得分 |\n"
    "| 年度资金总额 | 100 | 90 | 90.00% | 10 | 9 |\n"
    "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
    "| 产出指标 | 数量指标 | 服务次数 | 10次 | 12次 | 30 | 30 |\n"
    "| 效益指标 | 社会效益指标 | 群众受益率 | 90% | 95% | 60 | 60 |\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "填报单位：某某县文化局    单位：万元",
            [("unit", "某某县文化局"), ("money_unit", "万元")],
        ),
        (
            "项目名称：乡村文化广场建设主管部门：某某县文旅局",
            [("project", "乡村文化广场建设"), ("supervisor", "某某县文旅局")],
        ),
        (
            "实施单位：某某县文化馆（盖章）  填报日期：2024年3月5日  金额单位：元",
            [("unit", "某某县文化馆（盖章）"), ("fill_date", "2024年3月5日"), ("money_unit", "元")],
        ),
        ("单位：万元", [("money_unit", "万元")]),
        ("说明：开馆时间 9:30", []),  # no field label: not a field line
    ],
)
def test_each_field_takes_only_its_own_value(text, expected):
    assert [(name, value) for name, _, value in field_pairs(text)] == expected


def test_a_line_of_fields_in_text():
    e = read_string(
        "2023年度项目支出绩效自评表\n"
        "项目名称：乡村文化广场建设  主管部门：某某县文旅局\n"
        "实施单位：某某县文化馆    单位：元\n" + TABLE
    )
    assert (e.project.text, e.supervisor.text, e.unit.text) == (
        "乡村文化广场建设",
        "某某县文旅局",
        "某某县文化馆",
    )
    assert e.money_unit == "元"


def _xlsx(path: Path, cells: list[str]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["2023年度部门整体支出绩效自评表"])
    ws.append(cells)
    for line in TABLE.splitlines():
        ws.append([c.strip() for c in line.strip().strip("|").split("|")])
    wb.save(path)
    return path


@pytest.mark.parametrize(
    "cells",
    [["填报单位：某某县文化局    单位：元"], ["填报单位", "某某县文化局    金额单位：元"]],
)
def test_unit_line_of_a_clerks_sheet(cells, tmp_path):
    e = read(_xlsx(tmp_path / "form.xlsx", cells))
    assert e.unit.text == "某某县文化局"
    assert e.money_unit == "元"


def test_unit_line_above_a_word_table(tmp_path):
    d = docx.Document()
    d.add_paragraph("2023年度部门整体支出绩效自评表")
    d.add_paragraph("填报单位：某某县文化局\t\t单位：元")
    rows = [[c.strip() for c in line.strip().strip("|").split("|")] for line in TABLE.splitlines()]
    table = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    d.save(str(tmp_path / "form.docx"))
    e = read(tmp_path / "form.docx")
    assert e.unit.text == "某某县文化局"
    assert e.money_unit == "元"
