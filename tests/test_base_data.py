"""The fund part of a 部门整体 基础数据表: money columns named by year, numbered rows, 其中
sub-rows, figures continuing on the next line, short rows placed by the parts' sums.
All text is invented, of the shape such tables have in PDF text copied from the web."""

from __future__ import annotations

from decimal import Decimal

from jixiao import read_text

# 三公经费 = 公务用车 + 公务接待 and 公务用车 = 公车购置 + 公车运行维护, in every column;
# 公车购置 prints two figures under three columns (no car bought in 2019)
STREAM = """附件3: 部门整体支出绩效评价基础数据表 填报单位: 单位:万元 财政供养人员情况 编制数 2020年实际在职人数 控制率

52 50 96.

15% 经费控制情况 2019年决算数 2020年预算数 2020年决算数 三公经费 20.50 50.00 36.20

1、公务用车购置和维护经费 8.30 30.00 28.10 其中:公车购置 20.00 20.00 公车运行维护 8.30

10.00 8.10

2、出国经费

3、公务接待 12.20 20.00

8.10 项目支出:

1、业务工作专项 410.5

380 372.25

部门整体支出预算调整 800.00 950.50 部门整体支出绩效评价指标表 一级指标 得分 二级指标 得分 三级指标
"""


def _funds(text: str, name: str = "base.txt") -> dict[str, tuple]:
    e = read_text(text, name)
    return {
        f.label.text: (f.depth, f.budget and f.budget.value, f.actual and f.actual.value)
        for f in e.funds
    }, e


def test_year_named_columns_numbered_rows_and_sub_rows():
    funds, _ = _funds(STREAM)
    assert funds["三公经费"] == (0, Decimal("50.00"), Decimal("36.20"))
    assert funds["公务用车购置和维护经费"] == (1, Decimal("30.00"), Decimal("28.10"))
    assert funds["公车运行维护"] == (2, Decimal("10.00"), Decimal("8.10"))
    assert funds["公务接待"] == (1, Decimal("20.00"), Decimal("8.10"))
    assert funds["业务工作专项"] == (1, Decimal("380"), Decimal("372.25"))
    assert "出国经费" not in funds  # printed without figures


def test_a_short_row_is_placed_where_the_parts_add_up():
    # 公车购置 20.00 20.00: right-aligned, 8.30 = 0 + 8.30, 30 = 20 + 10, 28.10 = 20 + 8.10
    funds, _ = _funds(STREAM)
    assert funds["公车购置"] == (2, Decimal("20.00"), Decimal("20.00"))


def test_a_short_row_nothing_confirms_stays_empty_with_a_note():
    funds, e = _funds(STREAM)
    assert "部门整体支出预算调整" not in funds
    assert any("部门整体支出预算调整" in n and "未读取" in n for n in e.notes)


def test_without_a_sum_the_short_row_is_not_guessed():
    # the same parent with one sub-row that does not add up: the two figures stay unplaced
    text = STREAM.replace("公车运行维护 8.30\n\n10.00 8.10", "公车运行维护 7.30\n\n11.00 9.10")
    funds, e = _funds(text)
    assert "公车购置" not in funds
    assert any("公车购置" in n for n in e.notes)


def test_spaced_columns_with_a_row_continuing_on_the_next_line():
    text = "\n".join(
        [
            "部门整体支出绩效评价基础数据表",
            "单位:万元",
            "                        2019年决算数     2020年预算数     2020年决算数",
            "三公经费                    20.50            50.00           36.20",
            "1、公务用车购置和维护经费    8.30            30.00           28.10",
            "  其中:公车购置                              20.00           20.00",
            "      公车运行维护              8.30            10.00",
            "                                                               8.10",
            "3、公务接待                 12.20            20.00            8.10",
            "政府采购金额                 6.40            12.00           11.75",
        ]
    )
    funds, _ = _funds(text, "spaced.txt")
    assert funds["三公经费"][1:] == (Decimal("50.00"), Decimal("36.20"))
    assert funds["公车购置"][1:] == (Decimal("20.00"), Decimal("20.00"))
    assert funds["公车运行维护"][1:] == (Decimal("10.00"), Decimal("8.10"))
    assert funds["政府采购金额"][1:] == (Decimal("12.00"), Decimal("11.75"))


def test_years_named_in_a_sentence_are_not_a_table():
    from jixiao.extract.base_data import read_base_data
    from jixiao.readers.text import parse_text

    text = "本单位2019年决算数为120万元，2020年预算数为150万元，2020年决算数为140万元。\n"
    assert read_base_data(parse_text(text, "s.txt")) is None


# -- a row's last figures on a line of their own (PDF text, columns split by runs of spaces) --

SPACED_ROWS = "\n".join(
    [
        "2022年度项目支出绩效自评表",
        "项目名称    某某河道保洁",
        "项目资金（万元）    项目    全年预算数    全年执行数    执行率    分值    得分",
        "年度资金总额    120    108    90%    10",
        "9",
        "绩效指标    一级指标    二级指标    三级指标    年度指标值    实际完成值    分值    得分",
        "产出指标    数量指标    保洁河道长度    ≥36公里    36公里",
        "20    20",
        "效益指标    社会效益指标    河道水面洁净    明显改善    明显改善    30    28",
        "总分    100    96",
    ]
)


def test_figures_continuing_on_the_next_line_end_their_row():
    e = read_text(SPACED_ROWS, "split.txt")
    total = e.funds[0]
    assert (total.budget.value, total.actual.value, total.weight.value, total.score.value) == (
        Decimal("120"),
        Decimal("108"),
        Decimal("10"),
        Decimal("9"),
    )
    first = e.indicators[0]
    assert first.name.text == "保洁河道长度"
    assert (first.weight.value, first.score.value) == (Decimal("20"), Decimal("20"))


def test_a_line_of_figures_without_a_header_above_stays_a_row():
    from jixiao.document import Table
    from jixiao.readers.text.blocks import spaced

    lines = ["某某  10  20", "30  40", "其他  50  60"]
    rows = [
        [c.text for c in r] for b in spaced(lines, "n.txt") if isinstance(b, Table) for r in b.rows
    ]
    assert rows == [["某某", "10", "20"], ["30", "40"], ["其他", "50", "60"]]
    # under a header the same line ends the row above
    lines = ["名称  预算数  执行数  执行率  得分", *lines]
    rows = [
        [c.text for c in r] for b in spaced(lines, "n.txt") if isinstance(b, Table) for r in b.rows
    ]
    assert rows[1] == ["某某", "10", "20", "30", "40"]


def test_the_year_columns_may_be_split_over_lines():
    text = STREAM.replace("2019年决算数 2020年预算数", "2019年决算数\n\n2020年预算数")
    funds, _ = _funds(text)
    assert funds["三公经费"] == (0, Decimal("50.00"), Decimal("36.20"))
    assert funds["公车购置"] == (2, Decimal("20.00"), Decimal("20.00"))
