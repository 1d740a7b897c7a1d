"""The 重庆 部门整体绩效自评表: 年初指标值 and 调整指标值 (blank unless the target was changed),
全年完成值, 得分系数(%) — the share of the points given, not the score —, 指标权重(分),
指标得分(分), 是否核心指标, and 自评总分(分) among the header fields. All text is invented."""

from __future__ import annotations

from decimal import Decimal

from jixiao import read_text
from tests.reading_helpers import indicator_named, printed_values

FORM = """部门整体绩效自评表
主管部门 | 某某区文化馆 | 自评总分(分) | 95.5 |
指标名称 | 计量单位 | 指标性质 | 年初指标值 | 调整指标值 | 全年完成值 | 得分系数(%) | 指标权重(分) | 指标得分(分) | 是否核心指标 |
在职人员控制率 | % | 定量指标 | 100% | | 96% | 100% | 3 | 3 | 否 |
群众文化活动场次 | 场 | 定量指标 | 120场 | 100场 | 96场 | 80% | 10 | 8 | 是 |
资金使用合规性 | | 定性指标 | 合规 | | 合规 | 100% | 5 | | 否 |
"""


def test_the_initial_target_unless_an_adjusted_one_is_printed():
    e = read_text(FORM, "cq.txt")
    assert printed_values(indicator_named(e, "在职人员控制率")) == ("100%", "96%", Decimal(3), Decimal(3))
    # the adjusted target replaces the initial one
    assert printed_values(indicator_named(e, "群众文化活动场次"))[:2] == ("100场", "96场")


def test_the_score_share_is_no_score_and_the_total_is_read():
    e = read_text(FORM, "cq.txt")
    # 得分系数 100% with the score cell blank: no score (not 100)
    assert indicator_named(e, "资金使用合规性").score is None
    assert e.total_score.value == Decimal("95.5")
