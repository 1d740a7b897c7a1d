"""Office files read as the clerk sees them: hidden sheets, rows, columns and text are not read,
values are read as displayed, operator cells reach the extraction unchanged. The files are made
here with openpyxl / python-docx directly (not by jixiao's writers), in layouts the writers never
make; the .xls is tests/data/xls-hidden.xls (LibreOffice, from xlsx-hidden.xlsx)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from office_helpers import DATA, only_table, texts
from openpyxl import Workbook

from jixiao import read
from jixiao.readers.office import read_office

OPERATORS = ("≧", "≦", "═", "﹦", "＞", "＜", "≥", "不低于", "不高于")


def _save(wb: Workbook, path: Path) -> Path:
    wb.save(path)
    return path


# -- .xlsx -----------------------------------------------------------------------------------


def project_sheet(helper: bool = True) -> Workbook:
    """A project form as a clerk types it: an extra title row, 指标性质/度量单位 columns, weights
    stored as fractions shown in percent, and (``helper``) a hidden helper column that holds the
    score ×10 before the shown 得分."""
    wb = Workbook()
    ws = wb.active
    ws.title = "项目自评"
    ws.append(["附件2"])
    ws.append(["2023年度项目支出绩效自评表"])
    ws.append(["项目名称", "社区养老服务补助"])
    ws.append(["实施单位", "某某县民政局"])
    head = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值"]
    ws.append(head + ["分值", "辅助计算", "得分"])
    rows = [
        ("产出指标", "数量指标", "服务老人人次", "≧", 1200, "人次", 1350, 0.3, 300, 30),
        ("产出指标", "质量指标", "服务合格率", "═", 100, "%", 100, 0.3, 300, 30),
        ("效益指标", "社会效益指标", "老人满意度", "≧", 90, "%", 95, 0.4, 400, 40),
    ]
    for row in rows:
        ws.append(row)
    for r in range(6, 9):
        ws.cell(r, 8).number_format = "0%"
    if helper:
        ws.column_dimensions["I"].hidden = True
    return wb


def test_hidden_helper_column_is_not_read_and_the_shown_score_is(tmp_path):
    e = read(_save(project_sheet(), tmp_path / "p.xlsx"))
    assert [i.name.text for i in e.indicators] == ["服务老人人次", "服务合格率", "老人满意度"]
    assert [i.score.value for i in e.indicators] == [30, 30, 40]
    assert e.indicators[0].score.location.cell == "项目自评!J6"  # its own address
    assert any("隐藏的 1 列" in n for n in read_office(tmp_path / "p.xlsx").notes)


def test_the_same_sheet_with_the_helper_column_shown_reads_it(tmp_path):
    table = only_table(read_office(_save(project_sheet(helper=False), tmp_path / "p.xlsx")))
    assert "辅助计算" in texts(table)[4]


def test_weights_stored_as_fractions_read_as_displayed_percent(tmp_path):
    table = only_table(read_office(_save(project_sheet(), tmp_path / "p.xlsx")))
    assert [row[7] for row in texts(table)[5:]] == ["30%", "30%", "40%"]


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (10, 'General"分"', "10分"),
        (10.5, 'G/通用格式"分"', "10.5分"),
        (0.2, "0%", "20%"),
        (0.96666, "0.00%_ ", "96.67%"),
        (45000, 'yyyy"年"m"月"d"日"', "2023年3月15日"),  # a serial under a date format
        (0, "0;-0;;@", ""),  # zeros hidden by an empty section
        (12, ";;;", ""),  # everything hidden
        (-5, "0.00;;0", ""),
        (0, '0.00;-0.00;"-"', "-"),
    ],
)
def test_values_as_displayed(value, fmt, shown):
    from jixiao.readers.office.numfmt import format_value

    assert format_value(value, fmt) == shown


def test_operator_cells_reach_the_extraction_unchanged_xlsx(tmp_path):
    wb = Workbook()
    ws = wb.active
    for op in OPERATORS:
        ws.append(["产出指标", "数量指标", "某指标", op, 95, "%"])
    table = only_table(read_office(_save(wb, tmp_path / "ops.xlsx")))
    assert [row[3] for row in texts(table)] == list(OPERATORS)


def test_hidden_rows_are_not_read(tmp_path):
    wb = project_sheet()
    ws = wb.active
    ws.insert_rows(7)
    for c, v in enumerate(("产出指标", "数量指标", "已取消的指标", "≧", 1, "次", 0, 0, 0, 0), 1):
        ws.cell(7, c, v)
    ws.row_dimensions[7].hidden = True
    e = read(_save(wb, tmp_path / "p.xlsx"))
    assert "已取消的指标" not in [i.name.text for i in e.indicators]
    assert len(e.indicators) == 3


def test_hidden_sheet_with_another_form_is_not_read(tmp_path):
    wb = project_sheet()
    old = wb.copy_worksheet(wb.active)
    old.title = "上年底稿"
    old["B3"] = "上年度的另一个项目"
    old.sheet_state = "hidden"
    e = read(_save(wb, tmp_path / "p.xlsx"))
    assert e.project.text == "社区养老服务补助"
    assert len(e.indicators) == 3


def test_merged_header_over_a_hidden_column_keeps_its_text(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["项目", "全年预算数", None, "全年执行数"])
    ws.merge_cells("B1:C1")
    ws.append(["合计", 100, 90, 95])
    ws.column_dimensions["B"].hidden = True
    table = only_table(read_office(_save(wb, tmp_path / "m.xlsx")))
    assert texts(table) == [["项目", "全年预算数", "全年执行数"], ["合计", "90", "95"]]
    assert table.rows[1][1].location.cell == "Sheet!C2"


def test_hidden_rows_and_columns_in_the_fixture_xlsx_and_xls():
    for name in ("xlsx-hidden.xlsx", "xls-hidden.xls"):
        doc = read_office(DATA / name)
        grid = texts(only_table(doc))
        assert [row[2] for row in grid[2:]] == ["培训人次", "验收合格率"], name
        assert [row[-1] for row in grid[2:]] == ["20", "80"], name  # not the helper's 200/800
        assert grid[1][-1] == "得分", name  # the merged header's text, moved off the hidden column
        assert [row[3] for row in grid[2:]] == ["≧", "═"], name
        assert [row[7] for row in grid[2:]] == ["20%", "80%"], name
        assert any("隐藏的 1 行、1 列" in n for n in doc.notes), name


# -- .docx -----------------------------------------------------------------------------------


def _hide_run(run) -> None:
    rpr = run._r.get_or_add_rPr()
    rpr.append(OxmlElement("w:vanish"))


def _hide_row(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:hidden"))


def project_docx(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("2023年度项目支出绩效自评表")
    p = d.add_paragraph("填报说明：")
    _hide_run(p.add_run("（模板说明：本段隐藏，不打印）"))
    rows = [
        ["项目名称", "社区养老服务补助", "", "", "", "", ""],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "分值", "得分"],
        ["产出指标", "数量指标", "服务老人人次", "≧", "1200人次", "50", "50"],
        ["产出指标", "数量指标", "已取消的指标", "≧", "1次", "10", "0"],
        ["效益指标", "社会效益指标", "老人满意度", "═", "90%", "50", "45"],
    ]
    table = d.add_table(rows=len(rows), cols=7)
    for values, row in zip(rows, table.rows, strict=True):
        for v, cell in zip(values, row.cells, strict=True):
            cell.text = v
    _hide_row(table.rows[3])
    cell = table.rows[4].cells[6]
    _hide_run(cell.paragraphs[0].add_run("（原为40）"))
    d.save(str(path))
    return path


def test_docx_hidden_text_and_rows_are_not_read(tmp_path):
    doc = read_office(project_docx(tmp_path / "p.docx"))
    assert [p.text for p in doc.paragraphs] == ["2023年度项目支出绩效自评表", "填报说明："]
    grid = texts(only_table(doc))
    assert [row[2] for row in grid[2:]] == ["服务老人人次", "老人满意度"]
    assert grid[-1][-1] == "45"
    e = read(tmp_path / "p.docx")
    assert [(i.name.text, i.score.value) for i in e.indicators] == [
        ("服务老人人次", Decimal(50)),
        ("老人满意度", Decimal(45)),
    ]


@pytest.mark.parametrize("op", OPERATORS)
def test_operator_cells_reach_the_extraction_unchanged_docx(tmp_path, op):
    d = docx.Document()
    table = d.add_table(rows=1, cols=3)
    for text, cell in zip(("某指标", op, "95%"), table.rows[0].cells, strict=True):
        cell.text = text
    d.save(str(tmp_path / "o.docx"))
    assert texts(only_table(read_office(tmp_path / "o.docx")))[0][1] == op


def test_vanish_switched_off_is_shown(tmp_path):
    d = docx.Document()
    run = d.add_paragraph().add_run("看得见的字")
    vanish = OxmlElement("w:vanish")
    vanish.set(qn("w:val"), "0")
    run._r.get_or_add_rPr().append(vanish)
    d.save(str(tmp_path / "v.docx"))
    assert [p.text for p in read_office(tmp_path / "v.docx").paragraphs] == ["看得见的字"]


# -- bench/office_others.py: a small sample -----------------------------------------------------


def test_office_forms_by_other_hands_sample():
    import importlib
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    others = importlib.import_module("office_others")
    score, misses = others.run(1, 7)
    assert set(score) == {f"{s} {layout}" for s in ("xlsx", "docx") for layout in others.LAYOUTS}
    for key, (right, counted) in score.items():
        assert counted > 100, key
        # today's extraction: clerk — ≧ ＞＝ … in the 指标性质 column are not read as operators
        # yet; two-row-header — a header over two rows is not combined (0.67)
        floor = {"clerk": 0.95, "two-row-header": 0.65}.get(key.split(" ")[1], 0.99)
        assert right / counted >= floor, (key, misses[key][:5])


def test_a_repeated_digit_figure_in_its_column_is_not_cut(tmp_path):
    """A row lined up with its header whose reason cell is blank: ``11`` in 实际完成值 is
    eleven, not 1 and 1 written together (the row misses no figure)."""
    wb = Workbook()
    ws = wb.active
    ws.append(["2023年度项目支出绩效自评表"])
    ws.append(["项目名称", "社区养老服务补助"])
    ws.append(["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因"])
    ws.append(["产出指标", "数量指标", "建立工作制度数量", "10项", "11", "25", "25", None])
    ws.append(["产出指标", "质量指标", "服务合格率", "100%", "100%", "25", "25", None])
    ws.append(["效益指标", "社会效益指标", "老人满意度", "90%", "95%", "50", "50", None])
    first = read(_save(wb, tmp_path / "p.xlsx")).indicators[0]
    assert (first.actual.text, first.weight.value, first.score.value) == (
        "11",
        Decimal("25"),
        Decimal("25"),
    )
