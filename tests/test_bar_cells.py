"""A web table printed a cell per line, each cell after the first on an indented line led by
its bar; a 一级 word followed by a 二级 word of the same name. Invented form."""

from __future__ import annotations

from jixiao import read_text
from jixiao.readers.text.bar_cells import join_bar_cells
from tests.reading_helpers import indicator_named

PAGE = """\
项目绩效指标完成情况
绩效
       指标
        | 一级指标
        | 二级指标
        | 三级指标
        | 指标值
        | 完成值
        |
产出指标
        | 数量指标
        | 培训农技人员人次
        | ≥300人次
        | 326人次
        | |
质量指标
        | 培训考核合格率
        | ≥95%
        | 97%
        | ||
效益指标
        | 可持续影响
       指标
        | 农技服务覆盖行政村
        | 全覆盖
        | 全覆盖
        | |
满意度指标
        | 满意度指标
        | 参训人员满意度
        | ≥90%
        | 94%
        |
"""


def test_the_rows_are_put_back_on_one_line() -> None:
    joined = [ln for ln in join_bar_cells(PAGE.splitlines()) or [] if ln.strip()]
    assert joined[2] == "产出指标 | 数量指标 | 培训农技人员人次 | ≥300人次 | 326人次 |"
    assert joined[4].startswith("效益指标 | 可持续影响指标 | 农技服务覆盖行政村")
    assert join_bar_cells(["| a | b |", "| c | d |"]) is None


def test_the_page_is_read_row_by_row() -> None:
    e = read_text(PAGE, "bars.txt")
    assert [i.name.text for i in e.indicators] == [
        "培训农技人员人次",
        "培训考核合格率",
        "农技服务覆盖行政村",
        "参训人员满意度",
    ]
    first = indicator_named(e, "培训农技人员人次")
    assert (first.target.text, first.actual.text) == ("≥300人次", "326人次")
    reach = indicator_named(e, "农技服务覆盖行政村")
    assert reach.level2 is not None and reach.level2.text == "可持续影响指标"
    last = indicator_named(e, "参训人员满意度")
    assert (last.level1.text, last.level2.text) == ("满意度指标", "满意度指标")
