"""Layout of the written table on A4 landscape: columns wide enough for what they hold, no
stray column, page footer with room, tall merged labels visible on the first page."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
from writers_samples import department, project

from jixiao.model import Evaluation, Num, Text
from jixiao.writers.docx_table import tables_xml
from jixiao.writers.grid import FUND_LABEL_WIDTH, MONEY_WIDTHS, Grid, Role, build_grid
from jixiao.writers.xlsx import write_xlsx


def with_initial_budget_and_reason(e: Evaluation) -> Evaluation:
    """The seed's funds with a 年初预算数 column and a 偏差原因 on the first row: seven money
    columns, more than the indicator block has columns for."""
    funds = tuple(
        replace(
            f,
            initial_budget=Num(f.budget.value - 10, str(f.budget.value - 10)) if f.budget else None,
            reason=Text("年中追加预算") if i == 0 else None,
        )
        for i, f in enumerate(e.funds)
    )
    return replace(e, funds=funds)


def column_of(grid: Grid, text: str) -> int:
    return next(c.col for c in grid.cells.values() if c.text == text and c.role == Role.HEADER)


def test_money_columns_fit_their_numbers() -> None:
    for e in (department(), project(), with_initial_budget_and_reason(department())):
        grid = build_grid(e)
        assert grid.col_widths[column_of(grid, "执行率")] >= MONEY_WIDTHS["rate"]  # “106.87%”
        assert grid.col_widths[column_of(grid, "全年预算数")] >= MONEY_WIDTHS["budget"]


def test_fund_labels_have_room_with_seven_money_columns() -> None:
    grid = build_grid(with_initial_budget_and_reason(department()))
    first_money = column_of(grid, "年初预算数")
    # grouped: the label runs from column 2 (after 资金来源/资金结构) to the first money column
    assert sum(grid.col_widths[2:first_money]) >= FUND_LABEL_WIDTH


def test_no_blank_column_beside_the_indicators() -> None:
    # 1 + 8 indicator columns, but the funds need 3 + 7: the last indicator column spans two
    grid = build_grid(with_initial_budget_and_reason(department()))
    assert grid.ncols == 10
    header = next(c for c in grid.cells.values() if c.text == "偏差原因分析及改进措施")
    assert header.col + header.colspan == grid.ncols
    reasons = [c for c in grid.cells.values() if c.text == "受疫情影响少开1次"]
    assert [c.col + c.colspan for c in reasons] == [grid.ncols]
    # the usual form keeps one column per field
    usual = build_grid(department())
    header = next(c for c in usual.cells.values() if c.text == "偏差原因分析及改进措施")
    assert header.colspan == 1 and header.col == usual.ncols - 1


def test_empty_word_cells_take_the_table_font_size() -> None:
    # an empty paragraph without its mark's size is as tall as the document default (12 pt)
    grid = build_grid(department())
    xml = "".join(tables_xml(grid, [600] * grid.ncols, "宋体", "Times New Roman", 20))
    empty = '<w:ind w:firstLine="0"/><w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:pPr></w:p>'
    assert empty in xml


def test_xlsx_footer_room_and_tall_labels_on_top(tmp_path: Path) -> None:
    e = department()
    many = tuple(
        replace(e.indicators[0], name=Text(f"指标{k}"), weight=Num(Decimal(10), "10"))
        for k in range(10)
    )
    ws = openpyxl.load_workbook(write_xlsx(replace(e, indicators=many), tmp_path / "t.xlsx")).active
    assert ws.page_margins.bottom - ws.page_margins.footer >= 0.4  # the footer is not clipped
    label = next(c for row in ws.iter_rows() for c in row if c.value == "绩\n效\n指\n标")
    assert label.alignment.vertical == "top"  # 11 rows merged down: printed on the first page
    short = next(c for row in ws.iter_rows() for c in row if c.value == "部门职责")
    assert short.alignment.vertical == "center"


def test_labels_that_carry_their_prefix_get_it_once(tmp_path: Path) -> None:
    """A form started from the blank template stores “（1）财政拨款” and “其中：人员支出”:
    the written table (grid → xlsx, docx, PDF, text) prints each prefix once."""
    prefixed = {
        "财政拨款": "（1）财政拨款",
        "人员支出": "其中：人员支出",
        "其他资金": "（2）其他资金",
    }
    funds = tuple(
        replace(f, label=Text(prefixed.get(f.label.text, f.label.text))) for f in department().funds
    )
    grid = build_grid(replace(department(), funds=funds))
    texts = [c.text for c in grid.cells.values()]
    assert "（1）财政拨款" in texts and "其中：人员支出" in texts and "（2）其他资金" in texts
    assert not any("（1）（1）" in t or "其中：其中：" in t or "（2）（2）" in t for t in texts)
    ws = openpyxl.load_workbook(
        write_xlsx(replace(department(), funds=funds), tmp_path / "t.xlsx")
    ).active
    values = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "（1）财政拨款" in values and not any("其中：其中：" in v for v in values)


def test_a_part_of_a_part_is_indented_under_its_parent() -> None:
    """支出 with 人员 / 公用 / 项目 parts and the 项目 part's own parts (no 资金来源/资金结构
    groups): the deeper parts are printed under 项目支出, not beside it."""
    from jixiao.model import FundLine, FundRow
    from jixiao.writers.grid import fund_labels

    rows = [("支出", 0, FundLine.EXPENDITURE), ("人员经费", 1, FundLine.PERSONNEL),
            ("公用经费", 1, FundLine.PUBLIC), ("项目支出", 1, FundLine.PROJECT),
            ("培训费", 2, None), ("差旅费", 2, None), ("其他资金", 1, FundLine.OTHER)]  # fmt: skip
    funds = tuple(FundRow(Text(name), line, depth=depth) for name, depth, line in rows)
    pad = "\u3000" * 3
    assert fund_labels(funds) == [
        "支出",
        "其中：人员经费",
        f"{pad}公用经费",
        f"{pad}项目支出",
        f"{pad}其中：培训费",
        f"{pad}{pad}差旅费",
        f"{pad}其他资金",
    ]
