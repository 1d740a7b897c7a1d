"""The .xlsx writer: values, merged ranges, formulas (only where they give the printed value),
cached values for readers, print setup and fonts. Content, never bytes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from writers_samples import department, project

from jixiao import read
from jixiao.writers.xlsx import write_xlsx


@pytest.fixture()
def dept_sheets(tmp_path: Path):  # type: ignore[no-untyped-def]
    path = write_xlsx(department(), tmp_path / "表.xlsx")
    return openpyxl.load_workbook(path).active, openpyxl.load_workbook(path, data_only=True).active


def _find(ws, text: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell.row, cell.column
    raise AssertionError(f"{text} not in sheet")


def _row_of(ws, col: int, text: str, after: int = 0) -> int:  # type: ignore[no-untyped-def]
    for r in range(after + 1, ws.max_row + 1):
        if ws.cell(r, col).value == text:
            return r
    raise AssertionError(text)


def test_title_and_header_fields(dept_sheets) -> None:  # type: ignore[no-untyped-def]
    ws, _ = dept_sheets
    assert ws["A1"].value == "2021年度部门整体支出绩效自评表"
    assert "A1:I1" in {str(r) for r in ws.merged_cells.ranges}
    r, c = _find(ws, "部门职责")
    assert ws.cell(r, c + 1).value == "贯彻执行党和政府关于妇女工作的方针、政策和法规。"
    r, c = _find(ws, "人员编制")
    assert ws.cell(r, c + 1).value == 3
    r2, c2 = _find(ws, "实有人数")
    assert (r2, ws.cell(r2, c2 + 1).value) == (r, 4)


def test_fund_block_merges_and_labels(dept_sheets) -> None:  # type: ignore[no-untyped-def]
    ws, _ = dept_sheets
    merged = {str(r) for r in ws.merged_cells.ranges}
    top, _ = _find(ws, "资金\n来源")
    assert f"B{top}:B{top + 2}" in merged  # 资金来源 over its three rows
    assert f"B{top + 3}:B{top + 7}" in merged  # 资金结构 over its five rows
    assert ws[f"A{top - 1}"].value == "整体资金\n（万元）"
    assert f"A{top - 1}:A{top + 7}" in merged
    labels = [ws[f"C{top + i}"].value for i in range(8)]
    assert labels == ["合计", "（1）财政拨款", "（2）其他资金", "合计", "（1）基本支出",
                      "其中：人员支出", "\u3000\u3000\u3000公用支出", "（2）项目支出"]  # fmt: skip
    assert [ws.cell(top - 1, c).value for c in range(5, 10)] == [
        "全年预算数",
        "全年执行数",
        "执行率",
        "分值",
        "得分",
    ]


def test_formulas_only_where_the_printed_value_is_computed(dept_sheets) -> None:  # type: ignore[no-untyped-def]
    ws, cached = dept_sheets
    top, _ = _find(ws, "资金\n来源")
    # 198.8 printed, but 174.74 + 24.24 = 198.98: the fault stays, no formula
    assert ws[f"E{top}"].value == 198.8
    # 212.64 = 204.67 + 7.97: a formula
    assert ws[f"F{top}"].value == f"=SUM(F{top + 1}:F{top + 2})"
    # 106.87% printed, 212.64 / 198.8 = 106.96%: kept as printed
    assert ws[f"G{top}"].value == pytest.approx(1.0687)
    assert ws[f"G{top}"].number_format == "0.00%"
    # 117.13% = 204.67 / 174.74: a formula
    assert ws[f"G{top + 1}"].value == f"=F{top + 1}/E{top + 1}"
    # 结构合计 = 基本支出 + 项目支出 (not adjacent rows)
    assert ws[f"E{top + 3}"].value == f"=SUM(E{top + 4},E{top + 7})"
    assert ws[f"E{top + 4}"].value == f"=SUM(E{top + 5}:E{top + 6})"
    # every formula carries the printed value as its cached value
    assert cached[f"F{top}"].value == 212.64
    assert cached[f"G{top + 1}"].value == pytest.approx(1.1713)
    assert cached[f"E{top + 3}"].value == 174.74


def test_indicator_block_and_total(dept_sheets) -> None:  # type: ignore[no-untyped-def]
    ws, cached = dept_sheets
    head, _ = _find(ws, "一级指标")
    assert [ws.cell(head, c).value for c in range(2, 10)] == [
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施",
    ]  # fmt: skip
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert f"B{head + 1}:B{head + 3}" in merged  # 产出指标 over three rows
    assert f"C{head + 1}:C{head + 2}" in merged  # 数量指标 over two rows
    assert ws[f"A{head}"].value == "绩\n效\n指\n标"
    assert ws[f"I{head + 2}"].value == "受疫情影响少开1次"
    total = _row_of(ws, 1, "总分")
    # Σ weights of the indicators = 100 = printed (the 10 of the funds row is not counted here)
    assert ws[f"G{total}"].value == f"=SUM(G{head + 1}:G{head + 4})"
    assert ws[f"H{total}"].value == f"=SUM(H{head + 1}:H{head + 4})"
    assert cached[f"H{total}"].value == 95


def test_print_setup_and_fonts(dept_sheets) -> None:  # type: ignore[no-untyped-def]
    ws, _ = dept_sheets
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    head, _ = _find(ws, "一级指标")
    assert ws.print_title_rows == f"${head}:${head}"
    assert ws["A1"].font.name == "黑体"
    assert ws[f"D{head + 1}"].font.name == "宋体"
    assert ws[f"D{head + 1}"].alignment.wrap_text
    assert ws[f"D{head + 1}"].border.left.style == "thin"
    assert ws.column_dimensions["D"].width > ws.column_dimensions["H"].width
    assert ws.row_dimensions[head + 1].height > 0


def test_project_table_with_nature_and_unit_columns(tmp_path: Path) -> None:
    path = write_xlsx(project(), tmp_path / "项目.xlsx")
    ws = openpyxl.load_workbook(path).active
    cached = openpyxl.load_workbook(path, data_only=True).active
    assert ws["A1"].value == "2022年度项目支出绩效自评表"
    r, c = _find(ws, "项目名称")
    assert ws.cell(r, c + 1).value == "妇女儿童之家建设项目"
    head, _ = _find(ws, "一级指标")
    names = [ws.cell(head, c).value for c in range(2, 13)]
    assert names == ["一级指标", "二级指标", "三级指标", "指标性质", "年度指标值", "度量单位",
                     "实际完成值", "分值", "得分", "偏差原因分析及改进措施", None]  # fmt: skip
    assert [ws.cell(head + 1, c).value for c in (5, 6, 7, 8)] == ["≥", "10", "家", "12"]
    # 项目资金 columns in the project order, with a 年初预算数
    fr, _ = _find(ws, "年度资金总额")
    hr = fr - 1
    row = [ws.cell(hr, c).value for c in range(1, 12)]
    assert row[-6:] == ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    budget_col = row.index("全年预算数") + 1
    actual_col = row.index("全年执行数") + 1
    assert ws.cell(fr, budget_col).value.startswith("=SUM(")
    assert cached.cell(fr, actual_col).value == pytest.approx(57.123456)
    assert cached.cell(fr, budget_col).number_format == "0.00"
    # 总分 = the funds row + the indicators (10 + 90), printed 100: a formula
    total = _row_of(ws, 1, "总分")
    weight_col = names.index("分值") + 2
    assert ws.cell(total, weight_col).value.startswith("=SUM(")
    assert cached.cell(total, weight_col + 1).value == pytest.approx(97.85)
    r, c = _find(ws, "评价结论")
    assert ws.cell(r, c + 1).value == "优"
    r, c = _find(ws, "项目负责人")
    assert ws.cell(r, c + 1).value == "张三"


def test_blank_cells_stay_blank(tmp_path: Path) -> None:
    from dataclasses import replace

    e = department()
    e = replace(e, total_score=None, duties=None)
    ws = openpyxl.load_workbook(write_xlsx(e, tmp_path / "t.xlsx")).active
    r, c = _find(ws, "部门职责")
    assert ws.cell(r, c + 1).value is None
    total = _row_of(ws, 1, "总分")
    assert ws[f"H{total}"].value is None


def test_one_indicator_block_per_goal(tmp_path: Path) -> None:
    from writers_samples import split_by_goal

    ws = openpyxl.load_workbook(write_xlsx(split_by_goal(), tmp_path / "g.xlsx")).active
    merged = {str(r) for r in ws.merged_cells.ranges}
    r1, _ = _find(ws, "年度绩效目标1")
    r2, _ = _find(ws, "年度绩效目标2")
    assert f"A{r1}:A{r1 + 2}" in merged  # header + two indicators
    assert f"A{r2}:A{r2 + 1}" in merged  # header + one indicator
    assert ws[f"B{r1}"].value == ws[f"B{r2}"].value == "一级指标"
    assert ws[f"D{r2 + 1}"].value == "服务对象满意度"


def test_an_empty_evaluation_still_gives_the_blank_form(tmp_path: Path) -> None:
    from jixiao.model import Evaluation, Kind
    from jixiao.writers import write_path

    for suffix in (".xlsx", ".docx", ".txt", ".json"):
        write_path(Evaluation(kind=Kind.DEPARTMENT), tmp_path / f"空{suffix}")
    ws = openpyxl.load_workbook(tmp_path / "空.xlsx").active
    assert ws["A1"].value == "部门整体支出绩效自评表"
    assert _row_of(ws, 1, "部门职责") < _row_of(ws, 1, "年度总体目标") < _row_of(ws, 1, "总分")


def test_text_starting_with_equals_stays_text(tmp_path: Path) -> None:
    from jixiao.measure import parse_measure
    from jixiao.model import Indicator

    base = department()
    first = base.indicators[0]
    changed = Indicator(
        name=first.name,
        level1=first.level1,
        level2=first.level2,
        target=parse_measure("=100%"),
        actual=parse_measure("100%"),
        weight=first.weight,
        score=first.score,
    )
    evaluation = replace(base, indicators=(changed, *base.indicators[1:]))
    path = write_xlsx(evaluation, tmp_path / "t.xlsx")
    texts = [c.value for row in openpyxl.load_workbook(path).active.iter_rows() for c in row]
    assert "=100%" in texts
    assert "=100%" in [i.target.text for i in read(path).indicators if i.target]
