"""Cells copied one after another with a line holding only a bar between two cells, a cell
wrapped inside its border coming out as several lines before the next bar (a 评分表 copied
from a web page). All text is invented, of that shape."""

from __future__ import annotations

from decimal import Decimal

from jixiao import read_text
from jixiao.readers.text.bar_parted import bar_parted_cells
from tests.reading_helpers import indicator_named


def _cells(*cells: str, empty_after: tuple[int, ...] = ()) -> str:
    """Each cell's lines, then a bar line; an empty cell is a second bar line."""
    out: list[str] = []
    for k, cell in enumerate(cells):
        out.extend(cell.split("/"))
        out.append("|")
        if k in empty_after:
            out.append("|")
    return "\n".join(out) + "\n"


HEADER = ("一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分", "扣分原因")
SHEET = _cells(
    *HEADER,
    "投 入/(12分)",
    "预算配置/(12分)",
    "在编人员/控制率",
    "控制率不超过100%的,计4分;/每超出一个百分点扣0.4分。",
    "4",
    "4",
    "公务接待/费用变动率",
    "变动率不大于0的,计4分。",
    "4",
    "3",
    "专项资金/配置比例",
    "配置比例达到85%以上的,计4分。",
    "4",
    "4",
    "过 程/(8分)",
    "资金管理/(8分)",
    "财务制度/完整性",
    "制度齐全并执行的,计5分。",
    "5",
    "5",
    "资产账实/相符率",
    "账实相符的,计3分;/每发现一处不符扣1分。",
    "3",
    "2",
    empty_after=(12, 16, 20, 26, 30),
)


PREAMBLE = "2024年度部门整体支出绩效评价评分表\n部门(单位)名称:某某县水土保持站\n填报日期:2025年3月6日\n"


def test_the_lines_between_two_bars_are_one_cell():
    e = read_text(PREAMBLE + SHEET, "sheet.txt")
    # the lines above the first bar are the title and fields, not one cell
    assert (e.year.value, e.unit.text) == (2024, "某某县水土保持站")
    got = {
        (i.level1.text, i.level2.text, i.name.text, i.weight.value, i.score.value)
        for i in e.indicators
        if i.weight is not None
    }
    assert got == {
        ("投入", "预算配置", "在编人员控制率", Decimal(4), Decimal(4)),
        ("投入", "预算配置", "公务接待费用变动率", Decimal(4), Decimal(3)),
        ("投入", "预算配置", "专项资金配置比例", Decimal(4), Decimal(4)),
        ("过程", "资金管理", "财务制度完整性", Decimal(5), Decimal(5)),
        ("过程", "资金管理", "资产账实相符率", Decimal(3), Decimal(2)),
    }
    # the second line of a wrapped name is no indicator of its own
    assert not any(i.name.text in ("控制率", "费用变动率") for i in e.indicators)
    assert indicator_named(e, "资产账实相符率").score.value == Decimal(2)


def test_bars_after_whole_rows_join_nothing():
    # a bar line after each row of cells printed one a line: runs are rows, not wrapped cells
    rows = [
        ("产出指标", "数量指标", "培训人次", "≥300", "320", "10", "10"),
        ("产出指标", "质量指标", "合格率", "≥95%", "97%", "10", "10"),
    ]
    piped = []
    n = 0
    for row in rows:
        for cell in row:
            n += 1
            piped.append((cell, n))
        n += 1
        piped.append(("|", n))
    assert bar_parted_cells(piped) is None


def test_bars_parting_unwrapped_cells_change_nothing():
    piped = [(t, k + 1) for k, t in enumerate(["三级指标", "|", "分值", "|", "得分", "|"])]
    assert bar_parted_cells(piped) is None
