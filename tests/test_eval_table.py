"""The 部门整体支出绩效评价指标表 with criteria columns (评价标准, 指标说明) in a text stream:
一级/二级/三级 with their points, the sentences, the score; kept only when the points add up.
All text is invented, of the shape such tables have when copied from a PDF."""

from __future__ import annotations

from decimal import Decimal

from jixiao import read_text
from jixiao.extract.eval_table import read_eval_table
from jixiao.readers.text import parse_text

TABLE = """部门整体支出绩效评价指标表 一级指标 分值 二级指标 分值 三级指标 分值 评价标准 指标说明 得分 投入

20 目标设定

5 绩效目标合理性

5 目标符合部门职责,计5分;

否则不得分. 本单位绩效目标与职责相符.

5 预算配置

15 在职人员控制率

8 以100%为标准,每超过一个百分点扣0.5分. 年末在职48人,编制50人,控制率为96.00%.

8 三公经费 变动率

7 变动率≤0,计7分; 本年三公经费预算12万元,上年15万元,变动率=(12-15)÷15=-20.00%

7 过程

30 预算执行

10 预算完成率

10 100%计满分,每低于5%扣2分. 计算本单位预算完成率97.50%.

8"""


def _read(text: str):
    return read_eval_table(parse_text(text, "eval.txt"))


def test_levels_points_scores_and_the_rate_the_explanation_ends_with():
    got = _read(TABLE)
    rows = [
        (
            i.level1.text,
            i.level2.text,
            i.name.text,
            i.weight.value,
            i.score.value,
            i.actual.text if i.actual else None,
        )
        for i in got.indicators
    ]
    assert rows == [
        ("投入", "目标设定", "绩效目标合理性", Decimal("5"), Decimal("5"), None),
        ("投入", "预算配置", "在职人员控制率", Decimal("8"), Decimal("8"), "96.00%"),
        ("投入", "预算配置", "三公经费 变动率", Decimal("7"), Decimal("7"), "-20.00%"),
        ("过程", "预算执行", "预算完成率", Decimal("10"), Decimal("8"), "97.50%"),
    ]
    assert got.notes == ()


def test_points_that_add_up_nowhere_are_not_this_table():
    assert (
        _read(
            TABLE.replace("15 在职人员控制率", "16 在职人员控制率").replace(
                "20 目标设定", "21 目标设定"
            )
        )
        is None
    )


def test_a_score_above_its_points_stays_empty_with_a_note():
    got = _read(TABLE.replace("=-20.00%\n\n7 过程", "=-20.00%\n\n9 过程"))
    row = got.indicators[2]
    assert row.weight.value == 7 and row.score is None
    assert any("三公经费 变动率" in n and "得分未读取" in n for n in got.notes)


def test_the_form_reads_them_when_nothing_else_gave_indicators():
    e = read_text("2020年度某某局部门整体支出绩效评价\n" + TABLE, "eval.txt")
    assert [i.name.text for i in e.indicators][:2] == ["绩效目标合理性", "在职人员控制率"]


def test_an_ordinary_indicator_header_is_not_this_table():
    text = "一级指标 二级指标 三级指标 指标值 完成值 分值 得分\n产出指标 数量指标 培训人次 ≥100 120 10 10\n"
    assert _read(text) is None
