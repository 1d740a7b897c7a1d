"""The labels printed on the official and regional self-evaluation templates, with their sources.

A catalogue, not a rule: each entry is a label as a template prints it, what it means and where
it comes from. ``jixiao.extract.vocab`` looks a label up here (by ``label_key``) before its own
rules, so an entry also settles a label the rules would read otherwise (实际完成指标值 is the
actual, not the 指标值 column; 计划完成值 is the target, not the 完成值 column).

Sources (the labels only; no template text is kept in the project):

- ``10号``: 财预〔2020〕10号《项目支出绩效评价管理办法》附件, 项目支出绩效自评表.
- ``部门整体``: the 部门整体支出绩效自评表 of the central departments' final accounts
  (按收入性质分 / 按支出性质分, 全年实际值).
- ``101号``: 财预〔2021〕101号, 中央部门项目支出核心绩效目标和指标设置及取值指引（试行）:
  成本指标 as a 一级 with 经济/社会/生态环境成本指标; 指标性质 / 指标值 / 度量单位 / 权重.
- ``四川``: the 四川 部门预算项目支出绩效自评表 (报表编号 510000): 年初预算 / 调整后预算数 /
  预算执行数 / 预算执行率 / 权重, 总额 / 财政资金 / 财政专户管理资金 / 单位资金, 完成值,
  未完成原因分析, 实施单位（盖章）.
- ``湖南``: the 湖南 部门整体支出绩效自评表 (资金来源 / 资金结构, 年初设定目标 / 全年完成情况).
- ``安徽``: county copies of the 10号 form (年度资金总额：, 其中：本年财政拨款).
- ``(A)(B)``: the 10号 columns marked 全年预算数（A）/ 全年执行数（B）/ 执行率（B/A）.
- ``重庆``: the 重庆 部门整体绩效自评表 (年初指标值 / 调整指标值 / 全年完成值, 得分系数, 是否核心指标).
- ``地方``: wordings of regional forms whose templates were not found in full; kept because
  each is unambiguous (tests/test_label_variants.py prints them in forms where the label they
  could be confused with occurs too).
"""

from __future__ import annotations

# (label as printed, role — a ``vocab.Role`` value —, source)
COLUMN_LABELS: tuple[tuple[str, str, str], ...] = (
    # 10号: the fund table and the indicator table
    ("年初预算数", "initial_budget", "10号"),
    ("全年预算数", "budget", "10号"),
    ("全年执行数", "spent", "10号"),
    ("执行率", "rate", "10号"),
    ("分值", "weight", "10号"),
    ("得分", "score", "10号"),
    ("一级指标", "level1", "10号"),
    ("二级指标", "level2", "10号"),
    ("三级指标", "name", "10号"),
    ("年度指标值", "target", "10号"),
    ("实际完成值", "actual", "10号"),
    ("偏差原因分析及改进措施", "deviation", "10号"),
    ("全年实际值", "actual", "部门整体"),
    ("指标性质", "nature", "101号"),
    ("指标值", "target", "101号"),
    ("度量单位", "unit", "101号"),
    ("权重", "weight", "101号"),
    ("年初预算", "initial_budget", "四川"),
    ("调整后预算数", "budget", "四川"),
    ("预算执行数", "spent", "四川"),
    ("预算执行率", "rate", "四川"),
    ("完成值", "actual", "四川"),
    ("未完成原因分析", "deviation", "四川"),
    ("全年预算数(A)", "budget", "(A)(B)"),
    ("全年执行数(B)", "spent", "(A)(B)"),
    ("执行率(B/A)", "rate", "(A)(B)"),
    ("年度指标值(A)", "target", "(A)(B)"),
    ("实际完成值(B)", "actual", "(A)(B)"),
    # 地方: the funds
    ("年初预算安排", "initial_budget", "地方"),
    ("调整预算数", "budget", "地方"),
    ("预算批复数", "budget", "地方"),
    ("预算安排数", "budget", "地方"),
    ("实际支出数", "spent", "地方"),
    ("决算支出", "spent", "地方"),
    ("累计支出", "spent", "地方"),
    ("支出率", "rate", "地方"),
    ("资金执行率", "rate", "地方"),
    # 地方: the indicators
    ("绩效目标值", "target", "地方"),
    ("年度目标值", "target", "地方"),
    ("计划完成值", "target", "地方"),  # planned: not the 完成值 column
    ("实际完成数", "actual", "地方"),
    ("实际达到值", "actual", "地方"),
    ("实际完成指标值", "actual", "地方"),  # achieved: not the 指标值 column
    ("实现值", "actual", "地方"),
    ("指标权重", "weight", "地方"),
    ("权重分", "weight", "地方"),
    ("分值权重", "weight", "地方"),
    ("标准分值", "weight", "地方"),
    ("考核分值", "weight", "地方"),
    ("满分值", "weight", "地方"),
    ("权数", "weight", "地方"),
    ("自评分", "score", "地方"),
    ("自评分数", "score", "地方"),
    ("评价得分", "score", "地方"),
    ("考核得分", "score", "地方"),
    ("最终得分", "score", "地方"),
    ("实得分", "score", "地方"),
    ("偏差原因", "deviation", "地方"),
    ("未完成原因及改进措施", "deviation", "地方"),
    ("指标属性", "nature", "地方"),  # 定量/定性, or ≥/≤
    # 地方: columns the model does not keep (explanations, sources, evidence): known,
    # so the header row is still a header and their cells are not taken for targets or points
    ("数据来源", "remark", "地方"),
    ("评分依据", "remark", "地方"),
    ("评分说明", "remark", "地方"),
    ("评分方法", "remark", "地方"),
    ("评价标准及评分方法", "remark", "地方"),
    ("计分标准", "remark", "地方"),  # the 评分表 of a 部门整体 evaluation (四川)
    # 重庆: the 部门整体绩效自评表 (年初指标值 / 调整指标值 / 全年完成值, 得分系数(%) — the
    # share of the points given, not the score —, 指标权重(分), 指标得分(分), 是否核心指标)
    ("得分系数", "remark", "重庆"),
    ("得分系数(%)", "remark", "重庆"),  # printed with its unit: not a 得分 column
    ("是否核心指标", "remark", "重庆"),
    ("佐证材料", "remark", "地方"),
    ("取值依据", "remark", "地方"),
    ("设定依据", "remark", "地方"),
    ("指标来源", "remark", "地方"),
    ("计算公式", "remark", "地方"),
    ("目标值说明", "remark", "地方"),  # an explanation, not the 目标值 column
    # not 完成率 / 目标完成率 / 预算完成率: the last words of many indicators' names (年度任务按期
    # 完成率, 预算完成率 in the 部门整体 framework), which a wrapped name leaves alone on a line
)

# (label, field of ``vocab.FIELD_LABELS`` or a signature, source)
FIELD_LABELS: tuple[tuple[str, str, str], ...] = (
    ("项目名称", "project", "10号"),
    ("主管部门", "supervisor", "10号"),
    ("实施单位", "unit", "10号"),
    ("部门(单位)名称", "unit", "部门整体"),
    ("项目主管部门", "supervisor", "地方"),
    ("项目主管单位", "supervisor", "地方"),
    ("主管部门名称", "supervisor", "地方"),
    ("主管预算单位", "supervisor", "地方"),
    ("项目实施单位", "unit", "地方"),
    ("实施单位名称", "unit", "地方"),
    ("项目承担单位", "unit", "地方"),
    ("项目执行单位", "unit", "地方"),
    ("项目单位", "unit", "地方"),
    ("预算部门", "unit", "地方"),
    ("人员编制数", "staff_authorized", "地方"),
    ("年末实有人数", "staff_actual", "地方"),
)

# (label, ``FundLine`` value, source); a 其中 before the label is dropped before the lookup
FUND_LABELS: tuple[tuple[str, str, str], ...] = (
    ("年度资金总额", "total", "10号"),
    ("当年财政拨款", "fiscal", "10号"),
    ("上年结转资金", "carryover", "10号"),
    ("其他资金", "other", "10号"),
    ("本年财政拨款", "fiscal", "安徽"),
    ("总额", "total", "四川"),
    ("财政资金", "fiscal", "四川"),
    ("财政专户管理资金", "special_account", "四川"),
    ("单位资金", "unit_funds", "四川"),
    ("一般公共预算财政拨款", "fiscal", "部门整体"),
    ("政府性基金预算财政拨款", "fiscal", "部门整体"),
    ("国有资本经营预算财政拨款", "fiscal", "部门整体"),
    ("一般公共预算", "fiscal", "地方"),
    ("一般公共预算资金", "fiscal", "地方"),
    ("政府性基金", "fiscal", "地方"),
    ("政府性基金预算", "fiscal", "地方"),
    ("国有资本经营预算", "fiscal", "地方"),
    ("中央资金", "fiscal", "地方"),
    ("中央补助资金", "fiscal", "地方"),
    ("省级资金", "fiscal", "地方"),
    ("省级补助资金", "fiscal", "地方"),
    ("市级资金", "fiscal", "地方"),
    ("县级资金", "fiscal", "地方"),
    ("市县资金", "fiscal", "地方"),
    ("本级资金", "fiscal", "地方"),
    ("本级财政资金", "fiscal", "地方"),
    ("中央财政资金", "fiscal", "地方"),
    ("省级财政资金", "fiscal", "地方"),
    ("市级财政资金", "fiscal", "地方"),
    ("县级财政资金", "fiscal", "地方"),
    ("上级补助资金", "fiscal", "地方"),
    ("自筹资金", "unit_funds", "地方"),
)

# (label, 'fund' | 'goal' | 'indicator', source)
SECTION_LABELS: tuple[tuple[str, str, str], ...] = (
    ("项目资金", "fund", "10号"),
    ("年度总体目标", "goal", "10号"),
    ("绩效指标", "indicator", "10号"),
    ("年度绩效指标", "indicator", "部门整体"),
    ("预算执行情况", "fund", "四川"),
    ("整体资金", "fund", "湖南"),
    ("部门整体资金", "fund", "地方"),
    ("预算资金情况", "fund", "地方"),
    ("年度预算执行情况", "fund", "地方"),
    ("项目预算执行情况", "fund", "地方"),
    ("资金执行情况", "fund", "地方"),
    ("项目资金执行情况", "fund", "地方"),
)

# (label, 'level1' | 'level2', source)
CATEGORY_LABELS: tuple[tuple[str, str, str], ...] = (
    ("产出指标", "level1", "10号"),
    ("效益指标", "level1", "10号"),
    ("满意度指标", "level1", "10号"),
    ("成本指标", "level1", "101号"),
    ("数量指标", "level2", "10号"),
    ("质量指标", "level2", "10号"),
    ("时效指标", "level2", "10号"),
    ("经济效益指标", "level2", "10号"),
    ("社会效益指标", "level2", "10号"),
    ("生态效益指标", "level2", "10号"),
    ("可持续影响指标", "level2", "10号"),
    ("服务对象满意度指标", "level2", "10号"),
    ("经济成本指标", "level2", "101号"),
    ("社会成本指标", "level2", "101号"),
    ("生态环境成本指标", "level2", "101号"),
    ("持续影响指标", "level2", "地方"),
    ("受益对象满意度指标", "level2", "地方"),
    ("公众满意度指标", "level2", "地方"),
    # not 公众满意度 / 受益群众满意度 without 指标: those are the names of many 三级 indicators
)
