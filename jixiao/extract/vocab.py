"""The labels of the forms and their synonyms, matched on :func:`jixiao.textnorm.label_key`.

Everything the extraction layer recognises by name is here: column headers of the fund
and indicator tables, header fields (项目名称, 主管部门 …), fund row labels (合计, 财政拨款 …),
the standard 一级/二级 indicator categories, section titles and total rows.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from jixiao.extract import vocab_official
from jixiao.model import FundGroup, FundLine
from jixiao.textnorm import label_key

_QIZHONG = re.compile(r"^其中[:：]?")


class Role(StrEnum):
    """What a column of the fund or indicator table holds."""

    LEVEL1 = "level1"
    LEVEL2 = "level2"
    NAME = "name"
    NATURE = "nature"  # 指标性质
    TARGET = "target"
    UNIT = "unit"  # 度量单位
    ACTUAL = "actual"  # 实际完成值 (indicators)
    WEIGHT = "weight"
    SCORE = "score"
    DEVIATION = "deviation"  # 偏差原因 / 未完成原因 / 原因
    INITIAL = "initial_budget"
    BUDGET = "budget"
    SPENT = "spent"  # 全年执行数 (funds)
    RATE = "rate"
    REMARK = "remark"  # 指标说明 / 评分标准: text the model does not keep


# -- the labels of the official and regional templates (catalogue: vocab_official.py) ---------
# Looked up by key: a column label there is settled before the rules below (实际完成指标值 is
# the actual, 计划完成值 the target); a field, fund row, section or category label is taken
# where the rules below find nothing.


def _keyed(table: tuple[tuple[str, str, str], ...]) -> dict[str, str]:
    return {label_key(label): meaning for label, meaning, _source in table}


_OFFICIAL_COLUMN = {k: Role(m) for k, m in _keyed(vocab_official.COLUMN_LABELS).items()}
_OFFICIAL_FIELD = _keyed(vocab_official.FIELD_LABELS)
_OFFICIAL_FUND = {k: FundLine(m) for k, m in _keyed(vocab_official.FUND_LABELS).items()}
_OFFICIAL_SECTION = _keyed(vocab_official.SECTION_LABELS)
_OFFICIAL_CATEGORY = _keyed(vocab_official.CATEGORY_LABELS)
_OFFICIAL_LEVEL1 = frozenset(k for k, m in _OFFICIAL_CATEGORY.items() if m == "level1")
_OFFICIAL_LEVEL2 = frozenset(k for k, m in _OFFICIAL_CATEGORY.items() if m == "level2")


def official_labels(table: str) -> tuple[str, ...]:
    """The catalogue's labels of one table ('column', 'field', 'fund', 'section', 'category'),
    folded as ``label_key`` folds them — for the readers that cut run-together text at labels."""
    rows = {
        "column": vocab_official.COLUMN_LABELS,
        "field": vocab_official.FIELD_LABELS,
        "fund": vocab_official.FUND_LABELS,
        "section": vocab_official.SECTION_LABELS,
        "category": vocab_official.CATEGORY_LABELS,
    }[table]
    return tuple(dict.fromkeys(label_key(label) for label, _, _ in rows))


FUND_ROLES = frozenset({Role.INITIAL, Role.BUDGET, Role.SPENT, Role.RATE})
INDICATOR_ROLES = frozenset(
    {Role.LEVEL1, Role.LEVEL2, Role.NAME, Role.NATURE, Role.TARGET, Role.UNIT, Role.ACTUAL}
)
SHARED_ROLES = frozenset({Role.WEIGHT, Role.SCORE, Role.DEVIATION, Role.REMARK})

_MAX_COLUMN_LABEL = 16


_REMARK_LABELS = frozenset(
    {
        "指标说明",
        "指标解释",
        "指标内涵",
        "评分标准",
        "评分办法",
        "评价标准",
        "计分方法",
        "评分规则",
        "评分细则",
        "考核内容",
        "评价要点",
        "备注",
        # the 年度主要任务 table of 部门整体 forms: what each task holds, beside its name
        "主要内容",
        "任务内容",
        "主要工作内容",
    }
)
# a column of indicator kinds: the 二级 (数量/质量…), or the 一级 beside a 二级 column
_KIND_LABELS = frozenset(
    {"指标类型", "指标类别", "指标分类", "绩效指标类别", "绩效指标类型", "指标种类"}
)


def is_kind_label(key: str) -> bool:
    """指标类型 / 指标类别: a column of indicator kinds (see ``column_role``)."""
    return key in _KIND_LABELS


_WEIGHT_LABELS = frozenset(
    {
        "分值",
        "权重",
        "满分",
        "标准分",
        "指标分值",
        "权重(分值)",
        "分值(权重)",
        "标准分值",
        "满分值",
        "权重分",
        "指标权重",
        "权重分值",
    }
)
_NOT_A_LABEL = re.compile(r"\d{3,}|[。；;]")
_SPENT = re.compile(r"执行数|实际支出|决算数|支出数|实际执行|^全年执行$")
_BUDGET = re.compile(r"预算数|预算金额|调整后预算|全年预算|^预算$")
_TARGET = re.compile(r"指标值|目标值|计划值|^目标$|^预期目标$|^预期值$|^计划目标$")
_ACTUAL = re.compile(
    r"完成值|实际值|实际完成$|^(?:实际|全年)?完成情况$|达到值$|^实际完成数$|^完成数$"
)


@lru_cache(maxsize=8192)
def column_role(key: str) -> Role | None:
    """The role of a column header cell (key from ``label_key``), or None."""
    if not key or len(key) > _MAX_COLUMN_LABEL:
        return None
    if _ROLE_CHARS.search(key) is None:
        return None  # (no word of a column label in it: most cells of a table)
    return _column_role(key)


def _column_role(key: str) -> Role | None:
    """``column_role`` by its rules (every key that reaches a role holds one of _ROLE_WORDS)."""
    if not key or len(key) > _MAX_COLUMN_LABEL:
        return None
    if key.isascii():
        return None  # a figure or a code: every column label below holds Chinese words
    if _NOT_A_LABEL.search(key):
        return None
    official = _OFFICIAL_COLUMN.get(key)
    if official is not None:
        return official
    if key in ("一级指标", "一级"):
        return Role.LEVEL1
    if key in ("二级指标", "二级") or key in _KIND_LABELS:
        return Role.LEVEL2  # 指标类型 holds 数量/质量/时效/成本 (the 二级 without 指标)
    if key in ("三级指标", "三级", "指标名称", "绩效指标名称"):
        return Role.NAME
    if "指标性质" in key or key in ("指标方向", "指标方向性"):
        return Role.NATURE  # 指标方向 holds ≥/≤ or 正向/反向 (measure.parse_operator reads both)
    if key in _REMARK_LABELS:
        return Role.REMARK
    if key.startswith("得分"):
        return Role.SCORE
    if key in ("度量单位", "计量单位", "单位(度量)"):
        return Role.UNIT
    if ("原因" in key or "偏差" in key) and "执行率" not in key:
        return Role.DEVIATION
    if "执行率" in key:
        return Role.RATE
    if "年初预算" in key or key in ("年初数", "年初预算数"):
        return Role.INITIAL
    if _SPENT.search(key):
        return Role.SPENT
    if _BUDGET.search(key):
        return Role.BUDGET
    if _TARGET.search(key):
        return Role.TARGET
    if _ACTUAL.search(key) and "目标" not in key:
        return Role.ACTUAL
    if key in _WEIGHT_LABELS:
        return Role.WEIGHT
    if key in ("自评得分", "评分", "实际得分", "自评分", "考核得分", "评价得分", "指标得分"):
        return Role.SCORE
    unit = _UNIT_SUFFIX.match(key) or _LETTER_SUFFIX.match(key)
    if unit is not None:
        # 分值(分), 年初数(万元): the unit the cells leave out; 自评得分(C), 实际完成情况(B):
        # the letters a form's notes compute with (执行率 = B/A)
        return column_role(unit.group(1))
    if len(key) not in _ANAGRAM_LENGTHS:
        return None  # (sorting a key of another length finds no anagram)
    return _ANAGRAMS.get("".join(sorted(key))) if len(key) >= 4 else None


# The words the rules of ``_column_role`` look for (its literal labels, the words its patterns
# need, the anagram labels): a key reaching a role holds one of them whole (a key cut at its
# unit holds the shorter key that does). Each word gets one character of a small set (the
# characters most words share first): a key without any of these characters has no role.
_ROLE_WORDS = (
    *_REMARK_LABELS,
    *_WEIGHT_LABELS,
    *_KIND_LABELS,
    "一级指标", "一级", "二级指标", "二级", "三级指标", "三级", "指标名称", "绩效指标名称",
    "指标性质", "指标方向", "指标方向性", "得分", "度量单位", "计量单位", "单位(度量)",
    "原因", "偏差", "执行率", "年初预算", "年初数", "年初预算数",
    "执行数", "实际支出", "决算数", "支出数", "实际执行", "全年执行",  # _SPENT
    "预算数", "预算金额", "调整后预算", "全年预算", "预算",  # _BUDGET
    "指标值", "目标值", "计划值", "目标", "预期目标", "预期值", "计划目标",  # _TARGET
    "完成值", "实际值", "实际完成", "完成情况", "达到值", "实际完成数", "完成数",  # _ACTUAL
    "自评得分", "评分", "实际得分", "自评分", "考核得分", "评价得分", "指标得分",
    "参考分值", "指标分值", "年度指标值", "实际完成值", "全年实际值", "全年完成值",
    "全年预算数", "全年执行数",  # _ANAGRAMS
)  # fmt: skip


def _cover(words: tuple[str, ...]) -> str:
    left, chosen = set(words), []
    while left:
        counts: dict[str, int] = {}
        for word in sorted(left):
            for ch in set(word):
                counts[ch] = counts.get(ch, 0) + 1
        best = max(sorted(counts), key=lambda ch: counts[ch])
        chosen.append(best)
        left = {w for w in left if best not in w}
    return "".join(sorted(chosen))


_ROLE_CHARS = re.compile("[" + re.escape(_cover((*_ROLE_WORDS, *_OFFICIAL_COLUMN))) + "]")


# a column header with the unit of its cells in brackets (a key is folded: half-width brackets)
_UNIT_SUFFIX = re.compile(r"^(.+?)\((?:分|万元|元|%|百分比)\)$")
# a column header marked with the letter the form's notes compute with: (A), (B), (B/A), (A-B)
_LETTER_SUFFIX = re.compile(r"^(.+?)\([A-Z](?:[/÷×*+\-][A-Z])?\)$")


# column labels known by their characters in any order: an OCR'd scan prints 参考分值 as 考值参分
# (the two lines of a wrapped header cell read across); the same characters name the column
_ANAGRAMS = {
    "".join(sorted(label)): role
    for label, role in (
        ("参考分值", Role.WEIGHT),
        ("指标分值", Role.WEIGHT),
        ("年度指标值", Role.TARGET),
        ("实际完成值", Role.ACTUAL),
        ("全年实际值", Role.ACTUAL),
        ("全年完成值", Role.ACTUAL),
        ("年初预算数", Role.INITIAL),
        ("全年预算数", Role.BUDGET),
        ("全年执行数", Role.SPENT),
    )
}
_ANAGRAM_LENGTHS = frozenset(len(k) for k in _ANAGRAMS)


# -- header fields -------------------------------------------------------------------------

# field name -> label keys (after label_key); the first table value for a field wins.
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "project": ("项目名称", "专项资金名称"),
    "supervisor": ("主管部门", "主管单位", "主管部门及代码", "主管部门(单位)"),
    "unit": (
        "实施单位",
        "项目实施单位",
        "单位名称",
        "部门名称",
        "部门(单位)名称",
        "单位(部门)名称",
        "预算单位",
        "预算单位名称",
        "填报单位",
        "评价单位",
        "部门(单位)",
        "部门",
        "单位",
    ),
    "duties": (
        "部门职责",
        "职能职责概述",
        "部门主要职责",
        "主要职能",
        "单位职责",
        "职能职责",
        "部门职能",
    ),
    "staff_authorized": (
        "人员编制",
        "编制人数",
        "编制数",
        "核定编制",
        "编制",
        "人员编制数",
        "核定编制数",
        "编制人员",
        "编制人员数",
    ),
    "staff_actual": ("实有人数", "实有人员", "在职人数", "实际人数", "实有人员数", "在职人员数"),
    "fill_date": ("填报日期", "报告日期", "填表日期", "评价日期"),
    "conclusion": ("评价结论", "自评结论", "总体评价结论"),
    "problems": ("存在问题", "存在的问题", "主要问题"),
    "measures": ("改进措施", "改进意见", "整改措施", "下一步改进措施"),
}

SIGNATURE_LABELS = (
    "项目负责人",
    "财务负责人",
    "单位负责人",
    "填报人",
    "填表人",
    "审核人",
    "经办人",
    "部门负责人",
)

EXTRA_LABELS = (
    "联系人",
    "联系电话",
    "联络电话",
    "预算编码",
    "项目负责人及电话",
    "负责人及电话",
    "项目类别",
    "项目属性",
    "项目类型",
    "评价方式",
    "评价机构",
    "报表编号",
    "项目编码",
    "年度主要工作内容",
    "资金用途",
    "项目实施内容及过程概述",
    "项目实施内容",
    "项目概况",
    "其他需要说明事项",  # the closing row of many templates, beside 总分
    "其他需要说明的事项",
    "其他说明事项",
)

_FIELD_BY_KEY = {k: f for f, keys in FIELD_LABELS.items() for k in keys}


@lru_cache(maxsize=8192)
def field_of(key: str) -> str | None:
    """Which header field a label cell names: 'project', 'unit', …, 'signature:项目负责人',
    'extra:联系电话', or None."""
    if not key or len(key) > 14:
        return None
    if key in _FIELD_BY_KEY:
        return _FIELD_BY_KEY[key]
    if key in SIGNATURE_LABELS:
        return "signature:" + key
    if key in EXTRA_LABELS:
        return "extra:" + key
    return _OFFICIAL_FIELD.get(key)


# -- unit names ---------------------------------------------------------------------------

# How the name of a budget unit ends (局, 委员会, 中心, 人民政府, 卫生院 …): a region (某某市)
# or a pronoun (我局) does not.
ORG_ENDINGS = (
    "委员会", "办公室", "人民政府", "政府", "府", "政协", "人大常委会", "人大", "法院", "检察院",
    "党校", "联合会", "协会", "学会", "研究会", "促进会", "基金会", "商会", "协",
    "局", "委", "办", "院", "所", "中心", "站", "队", "馆", "校", "园", "厅", "部", "处", "室",
    "社", "团", "会", "组", "科", "台", "场", "库", "司", "署", "监狱", "街道", "事务所", "公司",
    "集团", "学", "管理区", "服务区", "示范区", "开发区", "新区", "园区", "总站", "分局", "支队",
    "大队", "中队", "总队", "所属单位", "机关",
)  # fmt: skip
# A township or village is the unit when a title names it (XX镇2022年度项目支出绩效自评表);
# in a sentence it is a place.
TOWNSHIP_ENDINGS = ("镇", "乡", "村")


# -- fund rows ----------------------------------------------------------------------------


@lru_cache(maxsize=8192)
def fund_line(key: str) -> FundLine | None:
    """What a fund row label means (合计/总额/年度资金总额 → TOTAL …)."""
    k = _QIZHONG.sub("", key)
    if not k or len(k) > 20:
        return None
    if k in ("合计", "总计", "小计") or k.endswith("总额"):
        return FundLine.TOTAL
    if "财政专户" in k:
        return FundLine.SPECIAL_ACCOUNT
    if "上年结转" in k or "结转资金" in k or "上年结余" in k:
        return FundLine.CARRYOVER
    if "财政拨款" in k or k in ("财政资金", "本级财政资金", "财政性资金") or k.endswith("财政资金"):
        return FundLine.FISCAL  # 财政拨款收入 too: the part of 收入 the budget grants
    if k in _INCOME:
        return FundLine.INCOME
    if k in _EXPENDITURE:
        return FundLine.EXPENDITURE
    if "单位资金" in k or "自有资金" in k or "单位自筹" in k:
        return FundLine.UNIT_FUNDS
    if k.startswith("其他资金") or k in ("其他", "其它资金", "社会资金"):
        return FundLine.OTHER
    if k.startswith("基本支出"):
        return FundLine.BASIC
    if k.startswith(("人员支出", "人员经费")):
        return FundLine.PERSONNEL
    if k.startswith(("公用支出", "公用经费", "日常公用经费")):
        return FundLine.PUBLIC
    if k.startswith("项目支出"):
        return FundLine.PROJECT
    return _OFFICIAL_FUND.get(k)


# a department's whole income and spending (决算 收入/支出 rows): each the top of its parts
_INCOME = frozenset({"收入", "收入合计", "本年收入", "本年收入合计", "收入总计", "总收入"})
_EXPENDITURE = frozenset({"支出", "支出合计", "本年支出", "本年支出合计", "支出总计", "总支出"})


def fund_depth(line: FundLine | None) -> int:
    if line in (FundLine.TOTAL, FundLine.INCOME, FundLine.EXPENDITURE):
        return 0
    if line in (FundLine.PERSONNEL, FundLine.PUBLIC):
        return 2
    return 1


@lru_cache(maxsize=4096)
def fund_group(key: str) -> FundGroup | None:
    """A 资金来源 / 资金结构 marker cell."""
    if key in ("资金来源", "来源", "收入来源", "按来源", "资金来源情况") or _SOURCE_GROUP.fullmatch(
        key
    ):
        return FundGroup.SOURCE
    if key in (
        "资金结构",
        "结构",
        "支出结构",
        "按结构",
        "资金用途结构",
        "资金使用结构",
    ) or _STRUCTURE_GROUP.fullmatch(key):
        return FundGroup.STRUCTURE
    return None


_SOURCE_GROUP = re.compile(r"按?(收入性质|收入来源|资金来源|资金性质)分?(类)?")
_STRUCTURE_GROUP = re.compile(r"按?(支出性质|支出结构|支出用途|资金用途|经济分类|支出类型)分?(类)?")


def group_prefix(key: str) -> tuple[FundGroup, str] | None:
    """A fund label led by its group marker in the same cell (``按收入性质分:财政拨款``,
    ``资金结构:基本支出``): the group and the label's own key, or None."""
    if ":" not in key:
        return None
    head, _, rest = key.partition(":")
    group = fund_group(head)
    if group is None or not rest:
        return None
    return group, rest


# -- sections -------------------------------------------------------------------------------

_FUND_SECTION = re.compile(
    r"^(整体资金|项目资金|资金情况|预算执行情况|资金投入|部门资金|资金使用情况|项目资金情况)(\(万?元\))?$"
)
_GOAL_SECTION = re.compile(r"^(年度总体目标|总体目标|年度绩效目标\d*|年度目标|绩效目标)$")
_INDICATOR_SECTION = re.compile(r"^(绩效指标|年度绩效指标|绩效指标完成情况|年度绩效目标\d+)$")


@lru_cache(maxsize=8192)
def section_of(key: str) -> str | None:
    """'fund', 'goal' or 'indicator' for a section title cell."""
    if not key or len(key) > 20:
        return None
    if _INDICATOR_SECTION.match(key):
        return "indicator"
    if _GOAL_SECTION.match(key):
        return "goal"
    if _FUND_SECTION.match(key):
        return "fund"
    official = _OFFICIAL_SECTION.get(_MONEY_UNIT.sub("", key))  # 部门整体资金(万元)
    return official if official in ("fund", "goal", "indicator") else None


_MONEY_UNIT = re.compile(r"\(万?元\)$")


_PLANNED = re.compile(r"年初设定目标|预期目标|设定目标|年度目标$|^目标$|计划目标")
_ACHIEVED = re.compile(r"完成情况|实际完成|完成情况综述")


@lru_cache(maxsize=8192)
def _goal_word(key: str) -> int:
    """1 for a planned-goal column label, 2 for an achieved one, 3 for both, 0 otherwise."""
    if len(key) > 20:
        return 0
    return (1 if _PLANNED.search(key) else 0) | (2 if _ACHIEVED.search(key) else 0)


_GOAL_COLUMN = re.compile(
    r"^(年初设定目标|预期目标|项目年度目标|年度目标|设定目标|全年完成情况|实际完成情况|"
    r"年度目标完成情况|年度总体目标完成情况(综述)?|完成情况|全年实际完成情况)$"
)


def is_goal_column(key: str) -> bool:
    """A goal column header cell (年初设定目标 / 全年完成情况 …), not a name that mentions it."""
    return bool(_GOAL_COLUMN.match(key))


def goal_header(keys: list[str]) -> bool:
    """A row naming the two goal columns: 年初设定目标/预期目标 and 完成情况."""
    found = 0
    for k in keys:
        if k:
            found |= _goal_word(k)
    return found == 3


# the signature block closing a form (单位主要负责人 签批意见 签名: 年 月 日, 填报人, 联系电话): the
# words that open it; the cells after them (年 月 日, 备注) are read as text
_SIGNATURE_BLOCK = re.compile(
    r"^(?:(?:单位|部门|项目|财务)?主要负责人|(?:单位|部门)负责人|签名|签字|签章|盖章|"
    r"签批意见|(?:填报|填表|审核|经办)人|联系电话)"
)


@lru_cache(maxsize=8192)
def signature_block(key: str) -> bool:
    """A cell of the signature block at the end of a form: never a goal or an indicator."""
    return len(key) <= 14 and _SIGNATURE_BLOCK.match(key) is not None


def total_label(key: str) -> bool:
    return key in ("总分", "合计", "总计", "综合得分", "自评总分", "总得分", "合计得分", "分值合计")


# -- indicator categories ---------------------------------------------------------------------

LEVEL1 = frozenset(
    {
        "产出指标",
        "效益指标",
        "满意度指标",
        "成本指标",
        "效果指标",
        "投入指标",
        "过程指标",
        "产出",
        "效益",
        "满意度",
        "投入",
        "过程",
        "效果",
        "管理指标",
        "履职效能",
        "运行成本",
        "管理效率",
        "社会效应",
        "可持续发展能力",
        "服务对象满意度",
        # the common indicator framework of project evaluation (决策/过程/产出/效益)
        "决策",
        "项目决策",
        "项目过程",
        "项目产出",
        "项目效益",
        "项目管理",  # 一级 of the project framework; 二级 under 过程 of 部门整体 forms
    }
)

LEVEL2 = frozenset(
    {
        "数量指标",
        "质量指标",
        "时效指标",
        "进度指标",
        "成本指标",
        "经济成本指标",
        "社会成本指标",
        "生态环境成本指标",
        "经济效益指标",
        "社会效益指标",
        "生态效益指标",
        "可持续影响指标",
        "服务对象满意度指标",
        "满意度指标",
        "社会公众满意度指标",
        "公众满意度指标",
        "数量",
        "质量",
        "时效",
        "成本",
        "经济效益",
        "社会效益",
        "生态效益",
        "可持续影响",
        "服务对象满意度",
        # 部门整体支出 frameworks (投入/过程/产出/效果)
        "预算配置",
        "预算执行",
        "预算管理",
        "资产管理",
        "财务管理",
        "职责履行",
        "履职效益",
        "目标设定",
        "绩效目标",
        "项目管理",
        "社会公众或服务对象满意度",
        # the common indicator framework of project evaluation
        "项目立项",
        "项目目标",
        "资金投入",
        "资金管理",
        "组织实施",
        "投入管理",
        "项目实施",
        "资金落实",
        "业务管理",
        "产出数量",
        "产出质量",
        "产出时效",
        "产出成本",
        "项目效益",  # 效益 → 项目效益 (a 一级 label too: the row's first one is the 一级)
    }
)

# a template may end the category with 等 (服务对象满意度指标等) or name both kinds of
# respondent (社会公众或服务对象满意度指标)
_LEVEL2_PATTERN = re.compile(
    r"^(经济|社会|生态|环境|可持续|服务对象|社会公众|群众|数量|质量|时效|进度|成本)\S{0,8}指标等?$"
)


def is_level1(key: str) -> bool:
    return key in LEVEL1 or key in _OFFICIAL_LEVEL1


# The common framework of project evaluation (财预〔2020〕10号 and the provincial forms after it):
# 一级 项目决策 / 项目过程 (项目管理) / 项目产出 / 项目效益, each with its 二级 categories
# (项目目标, 项目立项 … 数量指标, 成本指标 … 满意度指标) and the indicators under those.
FRAMEWORK_LEVEL1 = frozenset({"项目决策", "决策", "项目过程", "项目管理", "项目产出", "项目效益"})
# its 二级 words that do not end in 指标 (those carry no points of their own in a run of text)
FRAMEWORK_LEVEL2 = (
    "项目目标",
    "项目立项",
    "绩效目标",
    "资金投入",
    "资金管理",
    "组织实施",
    "投入管理",
    "财务管理",
    "项目实施",
    "资金落实",
    "业务管理",
    "产出数量",
    "产出质量",
    "产出时效",
    "产出成本",
)


def in_framework(level1_key: str) -> bool:
    """A 一级 of the project framework: under it, 成本指标 / 满意度指标 are 二级."""
    return level1_key in FRAMEWORK_LEVEL1


@lru_cache(maxsize=8192)
def is_level2(key: str) -> bool:
    return key in LEVEL2 or key in _OFFICIAL_LEVEL2 or bool(_LEVEL2_PATTERN.match(key))


_PLACEHOLDER = re.compile(r"^(指标\d*|…+|\.{2,}|-+|—+|/|……|\d+|无|略)$")


def is_placeholder(key: str) -> bool:
    """Template rows that are not indicators: 指标2, ……"""
    return bool(_PLACEHOLDER.match(key))
