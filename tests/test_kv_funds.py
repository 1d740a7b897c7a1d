"""``栏目：值`` pairs on one line: the fund figures as the total fund row, 年度总体目标：/实际完成
情况： as the goal (jixiao/extract/labelled_pairs.py). Invented forms."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao import read_text
from jixiao.extract.labelled_pairs import fund_pairs, goal_part
from jixiao.extract.vocab import Role

INDICATORS = """一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
产出指标 数量指标 新建便民服务点 ≥6个 6个 40 40
效益指标 社会效益指标 办事时长缩短 明显 明显 30 30
满意度指标 服务对象满意度指标 群众满意度 ≥90% 92% 20 20
总分 100 99
"""


@pytest.mark.parametrize("gap", [" ", "    ", "\t"])
def test_labelled_fund_figures_are_the_total_row(gap):
    fund = gap.join(
        [
            "年初预算数：80.00",
            "全年预算数：64.00",
            "全年执行数：60.80",
            "执行率：95.00%",
            "分值：10",
            "得分：9",
        ]
    )
    text = f"""2024年度项目支出绩效自评表
项目名称：便民服务站建设
实施单位：某街道办事处
项目资金情况（万元）
{fund}
年度总体目标：新建便民服务点6个。
实际完成情况：新建便民服务点6个并投入使用。
{INDICATORS}"""
    e = read_text(text, "kv.txt")
    assert len(e.funds) == 1
    f = e.funds[0]
    assert f.line.value == "total"
    assert (f.initial_budget.value, f.budget.value, f.actual.value) == (
        Decimal("80.00"),
        Decimal("64.00"),
        Decimal("60.80"),
    )
    assert f.rate.value == Decimal("95.00") and f.weight.value == 10 and f.score.value == 9
    assert e.goals[0].planned.text == "新建便民服务点6个。"
    assert e.goals[0].achieved.text == "新建便民服务点6个并投入使用。"
    assert "资金情况" not in e.missing and "年度总体目标" not in e.missing


def test_a_rate_the_figures_do_not_confirm_is_noted():
    text = f"""2024年度项目支出绩效自评表
项目名称：便民服务站建设
全年预算数：64.00  全年执行数：60.80  执行率：90.00%
{INDICATORS}"""
    e = read_text(text, "kv.txt")
    assert e.funds[0].rate.value == Decimal("90.00")  # as printed; the check reports it
    assert any("执行率" in n and "不符" in n for n in e.notes)


def test_what_is_not_a_line_of_labelled_figures():
    assert fund_pairs("全年预算数：64.00 全年执行数：60.80") == {
        Role.BUDGET: "64.00",
        Role.SPENT: "60.80",
    }
    assert fund_pairs("联系电话：12345678 邮编：100000") is None
    assert fund_pairs("全年预算数：64.00，主要用于站点建设") is None  # words after the pairs
    assert fund_pairs("分值：10 得分：9") is None  # no budget or spending
    assert goal_part("预期目标：建成3个站点") == ("planned", "建成3个站点")
    assert goal_part("实际完成情况：建成3个") == ("achieved", "建成3个")
    assert goal_part("年度总体目标：") is None
