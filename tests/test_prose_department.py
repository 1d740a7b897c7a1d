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
