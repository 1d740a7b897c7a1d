"""An indicator header whose two rows a page printed on one line (the 年度指标值 span and the
columns under it after the label columns), a category ending in 等, and the closing
其他需要说明事项 row. Invented form."""

from __future__ import annotations

from decimal import Decimal

from jixiao import read_text
from jixiao.extract.folded_header import unfold
from jixiao.extract.vocab import Role
from tests.reading_helpers import indicator_named, printed_values

FORM = """\
2023年度项目支出绩效自评表 | 部门:某县第二小学 |
|
|
| 公开9表 | 项目名称 | 课后服务补助资金 | 主管部门 | 某县教育局 | 实施单位 | 某县第二小学 | 项目资金 (元) |
| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |
| 120000.00 | 114000.00 | 10 | 95% | 9.5 | 其中:当年财政 拨款 |
| 120000.00 | 114000.00 | — |
| — | 上年结转 资金 |
|
| — |
| — | 其他资金 | — | — | — | — |
| — | 年度 总体 目标 | 预期目标 | 实际完成情况 | 为学生提供课后托管服务 | 全年开展课后托管服务 | 绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 产出指标 | 数量指标 | 参加课后服务学生数 | ≧ | 420 | 人 | 436 | 20 | 20 |
| 质量指标 | 课后服务开课率 | ≧ | 95 | % | 97% | 20 | 20 |
| 效益指标 | 经济效益 指标 | 减轻家长课后看护负担 |
| 明显 |
| 明显 | 10 | 10 |
| 社会效益 指标 | 家长接送困难缓解率 | ═ | 90 | % | 86% | 20 | 17 |
| 满意度指标 | 服务对象满意度指标等 | 学生满意度 | ≧ | 90 | % | 95% | 10 | 10 |
| 家长满意度 | ≧ | 90 | % | 92% | 10 | 10 |
| 其他需要说明事项 | 无 | 总分 | 100 | 96.5 | 优 |
|
"""


def test_values_follow_the_rows_order_not_the_folded_header() -> None:
    e = read_text(FORM, "folded.txt")
    first = indicator_named(e, "参加课后服务学生数")
    assert (first.target.text, first.actual.text) == ("420", "436")
    assert (first.weight.value, first.score.value) == (Decimal("20"), Decimal("20"))
    assert first.measure_unit is not None and first.measure_unit.text == "人"
    rate = indicator_named(e, "家长接送困难缓解率")
    assert printed_values(rate) == ("90", "86%", Decimal("20"), Decimal("17"))


def test_a_category_ending_in_deng_and_the_closing_row() -> None:
    e = read_text(FORM, "folded.txt")
    pupils = indicator_named(e, "学生满意度")
    assert (pupils.level1.text, pupils.level2.text) == ("满意度指标", "服务对象满意度指标等")
    parents = indicator_named(e, "家长满意度")
    assert parents.level1.text == "满意度指标"
    assert not any("说明" in i.name.text for i in e.indicators)
    assert e.total_score is not None and e.total_score.value == Decimal("96.5")


def test_unfold_needs_the_span_named_again_below_it() -> None:
    folded = [
        (1, Role.TARGET),  # 年度指标值, the span
        (2, Role.ACTUAL),
        (3, Role.WEIGHT),
        (4, Role.SCORE),
        (6, Role.LEVEL1),
        (7, Role.LEVEL2),
        (8, Role.NAME),
        (10, Role.TARGET),  # 指标值, under the span
        (11, Role.UNIT),
    ]
    assert [r for _, r in unfold(folded) or []] == [
        Role.LEVEL1,
        Role.LEVEL2,
        Role.NAME,
        Role.TARGET,
        Role.UNIT,
        Role.ACTUAL,
        Role.WEIGHT,
        Role.SCORE,
    ]
    plain = [(0, Role.LEVEL1), (1, Role.LEVEL2), (2, Role.NAME), (3, Role.TARGET), (4, Role.ACTUAL)]
    assert unfold(plain) is None
    no_span = [(0, Role.WEIGHT), (1, Role.LEVEL1), (2, Role.NAME), (3, Role.TARGET)]
    assert unfold(no_span) is None
