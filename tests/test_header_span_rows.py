"""Pipe tables whose indicator header starts one column later than its rows (the tall merged
title cell on the left printed on the header row only), and indicators broken down into
numbered parts (一、 then 1、 2、). Invented forms, one shape each."""

from __future__ import annotations

from decimal import Decimal

from jixiao import read_text
from tests.reading_helpers import indicator_named, printed_values

# the merged 年度绩效目标 cell printed on the header row only; rows padded to the same width
SPANNED_HEADER = """\
2024年度项目支出绩效自评表
项目名称 | 乡村图书室配书经费 | ||||||||
主管部门 | 某县文化馆 | 项目实施单位 | 某县图书馆 | ||||||
预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) | |||||
年度财政资金总额 | 48.00 | 45.60 | 95.00% | 19.00 | |||||
年度绩效目标 (80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 | |||
产出指标 | 数量指标 | 配送图书册数 | ≥12000册 | 12500册 | 30.0 | ||||
质量指标 | 图书验收合格率 | 100% | 100% | 20.0 | |||||
效益指标 | 社会效益指标 | 借阅人次 | ≥3000人次 | 2800人次 | 18.0 | ||||
满意度指标 | 服务对象满意度指标 | 读者满意度 | ≥90% | 94% | 10.0 | ||||
"""


def test_rows_left_of_a_spanned_header_are_read_by_content() -> None:
    e = read_text(SPANNED_HEADER, "spanned.txt")
    names = [i.name.text for i in e.indicators]
    assert names == ["配送图书册数", "图书验收合格率", "借阅人次", "读者满意度"]
    first = indicator_named(e, "配送图书册数")
    assert (first.level1.text, first.level2.text) == ("产出指标", "数量指标")
    assert printed_values(first) == ("≥12000册", "12500册", None, Decimal("30.0"))
    quality = indicator_named(e, "图书验收合格率")
    assert (quality.level1.text, quality.level2.text) == ("产出指标", "质量指标")
    assert printed_values(indicator_named(e, "借阅人次"))[3] == Decimal("18.0")


NUMBERED_PARTS = """\
2024年度项目支出绩效自评表
项目名称 | 河道清淤补助资金 | ||||||||
主管部门 | 某县水务局 | 项目实施单位 | 某县河道管理站 | ||||||
预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) | |||||
年度财政资金总额 | 120.00 | 96.00 | 80.00% | 16.00 | |||||
年度绩效目标 (80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 | |||
产出指标 | 数量指标 | 一、清淤河段 | ≧30公里 | 30公里 | 20.0 | ||||
1、主干河道 | ≧20公里 | 20公里 | 12.0 | ||||||
2、支流河道 | ≧10公里 | 10公里 | 8.0 | ||||||
二、护岸修复 | ≧6处 | 6处 | 10.0 | ||||||
质量指标 | 验收合格率 | 100% | 100% | 20.0 | |||||
满意度指标 | 服务对象满意度指标 | 沿岸群众满意度 | ≧90% | 93% | 10.0 | ||||
"""


def test_numbered_parts_are_read_and_marked_as_the_parents_breakdown() -> None:
    e = read_text(NUMBERED_PARTS, "parts.txt")
    names = [i.name.text for i in e.indicators]
    assert names == ["清淤河段", "主干河道", "支流河道", "护岸修复", "验收合格率", "沿岸群众满意度"]
    parts = [indicator_named(e, n) for n in ("主干河道", "支流河道")]
    assert [p.sub_item for p in parts] == [True, True]
    assert printed_values(parts[0]) == ("≧20公里", "20公里", None, Decimal("12.0"))
    assert not indicator_named(e, "清淤河段").sub_item
    assert not indicator_named(e, "护岸修复").sub_item


def test_numbered_rows_whose_points_do_not_add_up_stay_indicators() -> None:
    # 7 + 6 is not the 20 above: nothing says these are its parts
    text = NUMBERED_PARTS.replace("| 12.0 |", "| 7.0 |").replace("| 8.0 |", "| 6.0 |")
    e = read_text(text, "parts.txt")
    assert [indicator_named(e, n).sub_item for n in ("主干河道", "支流河道")] == [False, False]


def test_the_row_by_row_reading_itself_follows_the_rows_not_the_header() -> None:
    # the grid reading (before any re-reading of the cells in order) puts each value under
    # its own label, not one column to the right of it
    from jixiao.document import Cell
    from jixiao.extract.form import FormBuilder
    from jixiao.model import Location

    builder = FormBuilder("spanned.txt")
    for n, line in enumerate(SPANNED_HEADER.splitlines()[1:], start=2):
        cells = [c.strip() for c in line.split("|")]
        builder.feed([Cell(c, Location("spanned.txt", line=n)) for c in cells])
    builder.finish()
    got = [(i.level2.text if i.level2 else None, i.name.text) for i in builder.parts.indicators]
    assert got == [
        ("数量指标", "配送图书册数"),
        ("质量指标", "图书验收合格率"),
        ("社会效益指标", "借阅人次"),
        ("服务对象满意度指标", "读者满意度"),
    ]
    # the points in the fund block's title (预算执行情况(万元) (20分)) are its total row's 分值
    total = builder.parts.funds[0]
    assert total.weight is not None and total.weight.value == Decimal("20")


def test_a_torn_off_character_is_no_indicator_name() -> None:
    # PDF text whose names and labels were torn apart: 率 / 绩 alone before a row's figures,
    # 效 指 标 spread apart without any — no indicator, no figures read into one
    from jixiao.document import Cell
    from jixiao.extract.form import FormBuilder
    from jixiao.model import Location

    rows = [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "配送图书册数", "≥12000册", "12500册", "30", "30"],
        ["产出指标", "质量指标", "率", "≥90%", "100%", "10", "10"],
        ["效益指标", "社会效益指标", "绩", "10", "10", "100", "98.5"],
        ["效益指标", "社会效益指标", "效 指 标", "", "", "", ""],
    ]
    builder = FormBuilder("torn.txt")
    for n, row in enumerate(rows, start=1):
        builder.feed([Cell(c, Location("torn.txt", line=n)) for c in row])
    builder.finish()
    assert [i.name.text for i in builder.parts.indicators] == ["配送图书册数"]
    assert any("只有一个字" in note for note in builder.parts.notes)
