"""Checks on reports told in sentences (invented): a target is no stated actual, a sentence
gives one finding in the innermost section, the parts of a part are not parts of the total,
a budget's supplement and the year's balance are no figures of the table, 财政拨款支出 is
spending, and a report's chosen indicators are not held to the table's weight sums."""

from __future__ import annotations

import jixiao
from jixiao.model import Finding


def findings(text: str, code: str) -> list[Finding]:
    return [f for f in jixiao.check(jixiao.read_text(text)) if f.code == code]


TOLD = """某区2023年度公园管护经费绩效自评报告
一、项目资金使用情况
该项目年初预算安排资金420万元，年中追加预算30万元，调整后全年预算450万元。全年实际执行441万元，预算执行率98%，结余资金9万元。
二、绩效指标完成情况
1.产出指标
（1）质量指标
绿化成活率：年度指标值≥95%，实际完成值98%，分值10分，得分10分。
（2）数量指标
管护面积：年度指标值120公顷，实际完成值120公顷，分值20分，得分20分。
2.满意度指标
（1）服务对象满意度指标
游客满意度：年度指标值≥90%，实际完成值93%，分值10分，得分9分。
三、自评结论
经综合评价，该项目自评得分94分，等级为优。
"""


def test_a_target_told_after_the_name_is_no_stated_actual() -> None:
    assert findings(TOLD, "JX-C014") == []


def test_a_stated_actual_that_differs_is_found_once_in_its_own_section() -> None:
    text = TOLD.replace(
        "二、绩效指标完成情况", "二、绩效指标完成情况\n绿化成活率96%，总体良好。", 1
    )
    found = findings(text, "JX-C014")
    assert len(found) == 1
    assert "二、绩效指标完成情况" in found[0].message and "96%" in found[0].message


def test_supplement_and_balance_are_no_rows_and_no_figures() -> None:
    e = jixiao.read_text(TOLD)
    assert not any("结余" in f.label.text or "追加" in f.label.text for f in e.funds)
    assert findings(TOLD, "JX-C001") == []
    assert findings(TOLD, "JX-A001") == []


def test_a_reports_chosen_indicators_are_not_held_to_the_weight_sums() -> None:
    assert findings(TOLD, "JX-A006") == [] and findings(TOLD, "JX-A007") == []
    assert findings(TOLD, "JX-I014") == []  # (产出 30 of the profile's 50: only two are told)


PARTS = """某局2023年度部门整体支出绩效自评报告
一、部门整体支出情况
2023年全年支出3,468.91万元，其中：基本支出2,615.22万元，包括人员经费2,301.65万元、日常公用经费313.57万元；项目支出853.69万元。
"""


def test_the_parts_of_a_part_are_not_parts_of_the_total() -> None:
    assert findings(PARTS, "JX-C010") == []


def test_the_parts_of_a_part_add_up_to_it() -> None:
    found = findings(PARTS.replace("313.57", "333.57"), "JX-C010")
    assert len(found) == 1 and "分项 2301.65 + 333.57 =" in found[0].message


FISCAL = """某中心2023年度部门整体支出绩效评价报告
一、部门整体支出情况
2023年度收入总计1,456.32万元，其中：一般公共预算财政拨款收入1,310.50万元，其他收入145.82万元。
年初预算安排1,180.00万元，调整后预算为1,310.50万元，财政拨款支出1,298.14万元，预算执行率为99.06%。
"""


def test_fiscal_spending_is_spending_not_the_grant_received() -> None:
    assert findings(FISCAL, "JX-C001") == []


def test_a_report_in_sentences_has_no_half_filled_fund_rows() -> None:
    """The sentences tell the parts' spending only: no cell of a form was left blank."""
    assert findings(FISCAL, "JX-M008") == []
    assert findings(PARTS, "JX-M008") == []
