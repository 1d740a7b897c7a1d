"""The Chinese labels of target and monitoring tables, and the column keys they stand for.

Labels are compared after :func:`jixiao.textnorm.label_key` (whitespace, numbering, full-width
forms and a trailing colon ignored). Order matters where one label contains another: the
first entry whose label the printed text starts with wins, so longer labels come first.
"""

from __future__ import annotations

import re

from jixiao.lifecycle.model import Cause, Direction
from jixiao.model import FundLine

# Column headers of the indicator block → field key.
INDICATOR_COLUMNS: tuple[tuple[str, str], ...] = (
    ("一级指标", "level1"),
    ("二级指标", "level2"),
    ("三级指标", "name"),
    ("指标名称", "name"),
    ("指标内容", "name"),
    ("绩效指标名称", "name"),
    ("指标性质", "nature"),
    ("指标值及单位", "target"),
    ("年度指标值", "target"),
    ("当年预期实现值", "target"),
    ("预期实现值", "target"),
    ("指标值", "target"),
    ("目标值", "target"),
    ("度量单位", "unit"),
    ("计量单位", "unit"),
    ("权重", "weight"),
    ("分值", "weight"),
    ("指标方向性", "direction"),
    ("指标方向", "direction"),
    ("指标值设定依据", "standard"),
    ("绩效标准", "standard"),
    ("评价标准", "standard"),
    ("指标解释", "explanation"),
    ("计算公式", "explanation"),
    ("上年值", "previous"),
    ("上年实际值", "previous"),
    ("上年完成值", "previous"),
    ("核心指标", "core"),
    ("是否核心指标", "core"),
    # monitoring
    ("半年度指标执行情况", "progress"),
    ("指标执行情况", "progress"),
    ("执行情况", "progress"),
    ("全年预计完成情况", "forecast"),
    ("全年预计完成值", "forecast"),
    ("预计全年完成情况", "forecast"),
    ("完成目标可能性", "likelihood"),
    ("偏差原因分析", "cause"),
    ("偏差原因", "cause"),
    ("原因分析", "cause"),
    ("纠偏措施", "remedy"),
    ("改进措施", "remedy"),
    ("是否需要整改", "rectify"),
    ("是否整改", "rectify"),
    ("整改要求", "rectify_requirement"),
    ("整改结果", "rectify_result"),
    ("整改情况", "rectify_result"),
    ("备注", "remark"),
)

# “1-6月执行情况”, “1至7月执行数”, “1—8月”
CUTOFF = re.compile(r"1\s*[-－—–~～至到]\s*(\d{1,2})\s*月")

# Header fields (label cell → value in the next non-empty cell of the row).
HEADER_FIELDS: tuple[tuple[str, str], ...] = (
    ("项目支出名称", "project"),
    ("项目名称", "project"),
    ("部门(单位)名称", "unit"),
    ("部门名称", "unit"),
    ("单位名称", "unit"),
    ("预算部门", "unit"),
    ("项目单位", "unit"),
    ("项目执行单位", "unit"),
    ("实施单位", "unit"),
    ("填报单位", "unit"),
    ("主管部门", "supervisor"),
    ("年度资金总额", "amount"),
    ("资金总额", "amount"),
    ("年度本级预算金额", "amount"),
    ("年度预算金额", "amount"),
    ("项目预算", "amount"),
    ("预算年度", "year"),
    ("年度", "year"),
    ("实施期绩效目标", "long_term_goal"),
    ("长期目标", "long_term_goal"),
    ("中长期目标", "long_term_goal"),
    ("本年度绩效目标", "goal"),
    ("年度绩效目标", "goal"),
    ("年度目标", "goal"),
    ("绩效目标", "goal"),
    ("部门职能概述", "duties"),
    ("职能职责概述", "duties"),
    ("修订说明", "revision"),
    ("调整说明", "revision"),
    ("目标调整情况", "revision"),
    ("财政部门审核意见", "review"),
    ("主管部门审核意见", "review"),
    ("审核意见", "review"),
    ("偏差或不能完成目标原因分析", "cause"),
    ("偏差原因分析", "cause"),
    ("相关建议或举措", "remedy"),
    ("纠偏措施", "remedy"),
)

# Labels that end the indicator block.
BLOCK_END = (
    "财政部门审核意见",
    "主管部门审核意见",
    "审核意见",
    "偏差或不能完成目标原因分析",
    "相关建议或举措",
    "保障绩效目标实现措施",
    "填表人",
    "单位负责人",
    "合计",
    "注:",
    "注：",
)

# Money rows.
FUND_LABELS: tuple[tuple[str, FundLine], ...] = (
    ("年度资金总额", FundLine.TOTAL),
    ("资金总额", FundLine.TOTAL),
    ("合计", FundLine.TOTAL),
    ("总额", FundLine.TOTAL),
    ("当年一般公共预算拨款", FundLine.FISCAL),
    ("财政拨款", FundLine.FISCAL),
    ("财政资金", FundLine.FISCAL),
    ("上年结转", FundLine.CARRYOVER),
    ("财政专户", FundLine.SPECIAL_ACCOUNT),
    ("单位资金", FundLine.UNIT_FUNDS),
    ("其他资金", FundLine.OTHER),
    ("基本支出", FundLine.BASIC),
    ("项目支出", FundLine.PROJECT),
)

# Money columns of a monitoring table.
FUND_COLUMNS: tuple[tuple[str, str], ...] = (
    ("年初预算数", "budget"),
    ("全年预算数", "budget"),
    ("预算数", "budget"),
    ("全年预计执行数", "forecast"),
    ("预计全年执行数", "forecast"),
    ("执行率", "rate"),
    ("执行数", "executed"),
)

CAUSE_WORDS: tuple[tuple[str, Cause], ...] = (
    ("经费", Cause.FUNDS),
    ("资金", Cause.FUNDS),
    ("制度", Cause.RULES),
    ("政策", Cause.RULES),
    ("人员", Cause.STAFF),
    ("人手", Cause.STAFF),
    ("硬件", Cause.HARDWARE),
    ("设备", Cause.HARDWARE),
    ("场地", Cause.HARDWARE),
)

DIRECTION_WORDS = (("正向", Direction.POSITIVE), ("反向", Direction.NEGATIVE))

# what a 是否需要整改 cell holds by itself
RECTIFY_WORDS = frozenset({"是", "否", "需要", "不需要", "无需"})
YES_WORDS = ("是", "需要", "需", "√", "Y", "y")
NO_WORDS = ("否", "不需要", "无需", "无", "×", "N", "n")

# Title words that say which table a document is.
TITLE_MONITORING = ("运行监控", "绩效监控", "监控表", "执行监控")
TITLE_TARGET = ("绩效目标表", "绩效目标申报表", "目标申报表", "绩效目标")
# the 10号 evaluation framework's indicators under 绩效目标 (决策 → 绩效目标 → 绩效目标合理性 /
# 绩效目标明确性): in the first lines of an excerpt cut inside a score sheet they name no table
TITLE_NOT_TARGET = ("绩效目标合理性", "绩效目标明确性")
TITLE_DEPARTMENT = ("部门整体", "整体支出")
TITLE_SELF_EVALUATION = ("自评",)
