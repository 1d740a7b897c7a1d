"""A department's report told in sentences (invented): the spending told as 全年实际支出 is the
total's spending, with its rate; benefit categories named without 指标 (社会效益：…)."""

from __future__ import annotations

from decimal import Decimal

import jixiao
from jixiao.model import FundLine

REPORT = """某县档案馆2023年度部门整体支出绩效自评报告
一、部门基本情况
（一）部门预算及执行情况
2023年全年预算数812.40万元，全年实际支出790.15万元，预算执行率97.26%。其中：基本支出602.15万元，项目支出188.00万元。
二、绩效目标实现情况
（一）产出指标
1.数量指标：馆藏档案数字化页数目标≥30万页，实际完成32.5万页；
（二）效益指标
社会效益：档案查阅利用满意度目标≥90%，实际93.1%。
"""


def test_spending_told_with_its_year_word_is_the_totals_spending() -> None:
    e = jixiao.read_text(REPORT)
    total = e.fund(FundLine.TOTAL)
    assert total is not None and total.budget is not None and total.actual is not None
    assert (total.budget.value, total.actual.value) == (Decimal("812.40"), Decimal("790.15"))
    assert total.rate is not None and total.rate.value == Decimal("97.26")
    assert not any("实际支出" in f.label.text for f in e.funds)


def test_a_benefit_category_named_without_zhibiao() -> None:
    e = jixiao.read_text(REPORT)
    benefit = [i for i in e.indicators if "满意度" in i.name.text]
    assert len(benefit) == 1
    item = benefit[0]
    assert item.level2 is not None and item.level2.text == "社会效益指标"
    assert item.target is not None and "90" in item.target.text
    assert item.actual is not None and "93.1" in item.actual.text


DEPARTMENT = """某市疾控中心2023年度部门整体支出绩效评价报告
一、部门整体支出情况
年初预算安排1,180.00万元，调整后预算为1,310.50万元，财政拨款支出1,298.14万元，预算执行率为99.06%。
二、绩效指标完成情况
1.产出指标
（1）数量指标：疫苗接种报告及时率目标值≥95%，实际完成98.5%；
2.满意度指标
服务对象满意度：目标≥90%，实际95.2%。
"""


def test_spending_named_by_its_fund_is_the_budgets_when_the_rate_confirms_it() -> None:
    e = jixiao.read_text(DEPARTMENT)
    total = e.fund(FundLine.TOTAL)
    assert total is not None and total.actual is not None and total.rate is not None
    assert total.actual.value == Decimal("1298.14") and total.rate.value == Decimal("99.06")
    assert total.budget is not None and total.budget.value == Decimal("1310.50")


def test_spending_named_by_its_fund_stays_apart_when_the_rate_disagrees() -> None:
    e = jixiao.read_text(DEPARTMENT.replace("99.06%", "89.06%"))
    total = e.fund(FundLine.TOTAL)
    assert total is not None and total.actual is None
    assert any(f.actual is not None and f.actual.value == Decimal("1298.14") for f in e.funds)


def test_a_clause_under_the_satisfaction_heading_is_of_its_one_category() -> None:
    e = jixiao.read_text(DEPARTMENT)
    item = next(i for i in e.indicators if i.name.text == "服务对象满意度")
    assert item.level1 is not None and item.level1.text == "满意度指标"
    assert item.level2 is not None and item.level2.text == "服务对象满意度指标"
    assert item.actual is not None and "95.2" in item.actual.text


PROJECT = """关于2023年度农田灌溉渠系改造项目绩效自评的报告
一、项目概况
项目由县农业农村局负责实施，主管部门为县农业农村局。
本项目2023年度批复预算资金480万元，其中中央资金300万元、省级资金180万元。截至2023年12月31日，项目共完成投资451.2万元，资金支付率94.00%。
"""


def test_a_supervisor_told_in_a_sentence() -> None:
    e = jixiao.read_text(PROJECT)
    assert e.supervisor is not None and e.supervisor.text == "县农业农村局"


def test_investment_completed_is_the_spending_and_the_paid_rate_its_rate() -> None:
    e = jixiao.read_text(PROJECT)
    total = next(f for f in e.funds if f.budget is not None and f.budget.value == 480)
    assert total.actual is not None and total.actual.value == Decimal("451.2")
    assert total.rate is not None and total.rate.value == Decimal("94.00")


def test_a_paid_rate_the_figures_do_not_give_is_no_execution_rate() -> None:
    e = jixiao.read_text(PROJECT.replace("94.00%", "100%"))
    total = next(f for f in e.funds if f.budget is not None and f.budget.value == 480)
    assert total.actual is not None and total.rate is None


STATED = """某区2023年度河道保洁专项资金绩效自评报告
一、项目资金使用情况
该项目年初预算安排资金420万元，年中追加预算30万元，调整后全年预算450万元。全年实际执行441万元，预算执行率98%。
二、绩效指标完成情况
1.产出指标
（1）数量指标
河道保洁长度：年度指标值≥120公里，实际完成值126公里，分值20分，得分20分。
（2）质量指标
水面漂浮物清理率：年度指标值≥95%，实际完成值97%，分值10分，得分10分。
"""


def test_a_budget_told_with_its_initial_figure_and_a_supplement_is_one_row() -> None:
    e = jixiao.read_text(STATED)
    money = [f for f in e.funds if f.budget or f.initial_budget]
    assert len(money) == 1
    row = money[0]
    assert row.initial_budget is not None and row.initial_budget.value == 420
    assert row.budget is not None and row.budget.value == 450
    assert row.actual is not None and row.actual.value == 441
    assert row.rate is not None and row.rate.value == 98
    assert not any(f.budget is not None and f.budget.value == 30 for f in e.funds)


def test_sentences_under_a_category_heading_are_of_that_category() -> None:
    e = jixiao.read_text(STATED)
    levels = {
        i.name.text: (i.level1 and i.level1.text, i.level2 and i.level2.text) for i in e.indicators
    }
    assert levels == {
        "河道保洁长度": ("产出指标", "数量指标"),
        "水面漂浮物清理率": ("产出指标", "质量指标"),
    }


WRAPPED = (
    "关于2023年度乡村道路养护经费绩效自评情况的报告\n"
    "一、项目基本情况\n"
    "（一）项目资金情况\n"
    "该项目2023年度预算资金308万元。其中，中央补助资金7\n"
    "7万元；省级补助资金231万元。\n"
    "截至2023年12月31日，全年实际支出269.94万元\n"
    "资金执行率为87.64%。\n"
    "我单位高度重视绩效自评工作，成立了以主要负责同志为组长的自\n"
    "评工作小组。\n"
    "（二）各项指标完成情况\n"
    "单位养护成本（成本指标）：年度指标值不超过4万元/公里；实\n"
    "际值3.2万元/公里；分值10分；得分10分。\n"
    "道路绿化率（生态效益指标）：年度指标值100%；实际值10\n"
    "0%；分值10分；得分8分。\n"
)


def test_a_sentence_taken_for_a_figureless_fund_row_leaves_the_money_to_the_sentences() -> None:
    """A line of a PDF copy cut inside 100% reads like a fund row whose figures do not fit;
    it gives no figure, so the report's sentences tell the money."""
    e = jixiao.read_text(WRAPPED)
    total = e.fund(FundLine.TOTAL)
    assert total is not None and total.budget is not None and total.actual is not None
    assert (total.budget.value, total.actual.value) == (Decimal("308"), Decimal("269.94"))
    assert all(f.budget or f.actual for f in e.funds)
