"""Text printed a row per line with one space between cells, from a template that keeps its
empty rows (``指标2：`` / ``……``) and wraps a narrow category cell over two lines. Invented
forms."""

from __future__ import annotations

from decimal import Decimal

from jixiao import read_text
from jixiao.readers.text.single_space import empty_item
from jixiao.readers.text.wrapped_categories import join_wrapped_categories
from tests.reading_helpers import indicator_named, printed_values

FORM = """\
项目支出绩效自评表
(2023年度)
项目名称 社区养老驿站运营补贴
主管部门 实施单位 某区民政局
项目资金
(万元)
年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分
年度资金总额: 60 60 57 10 95% 9.5
其中:本年财政拨款 60 60 57 - -
一级
指标
二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
产出指标
(50分)
数量指标 指标1:运营驿站数量 6个 6个 20 20
指标2:
……
质量指标 指标1:服务规范达标 20 18
指标2:
……
时效指标 指标1:补贴按季拨付 10 10
指标2:
……
效益指标
(30分)
社会效益
指标
指标1:受益老人人次 ≥5000人次 5200人次 30 30
指标2:
……
满意度指标
(10分)
服务对象
满意度指标
指标1:老人满意度 ≥90% 96% 10 10
指标2:
……
总分 100 97.5
"""


def test_empty_template_rows_are_not_the_rest_of_the_name_above() -> None:
    e = read_text(FORM, "template.txt")
    names = [i.name.text for i in e.indicators]
    assert "服务规范达标" in names and "补贴按季拨付" in names
    assert not any("指标2" in n for n in names)
    assert printed_values(indicator_named(e, "服务规范达标")) == (
        None,
        None,
        Decimal("20"),
        Decimal("18"),
    )


def test_a_category_wrapped_over_two_lines_is_one_category() -> None:
    e = read_text(FORM, "template.txt")
    last = indicator_named(e, "老人满意度")
    assert last.level2 is not None and last.level2.text == "服务对象满意度指标"
    assert printed_values(last) == ("≥90%", "96%", Decimal("10"), Decimal("10"))


def test_the_line_helpers() -> None:
    assert empty_item("指标2：") and empty_item("指标12:") and empty_item("……")
    assert not empty_item("指标1:受益老人人次") and not empty_item("受益老人")
    lines = [
        "    服务对象",
        "    满意度指标",
        "    可持续影",
        "    响指标",
        "    受益老人",
        "    人次",
    ]
    assert join_wrapped_categories(lines) == [
        "    服务对象满意度指标",
        "",
        "    可持续影响指标",
        "",
        "    受益老人",  # not a category together: left alone
        "    人次",
    ]
