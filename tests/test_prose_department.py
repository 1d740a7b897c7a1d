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
