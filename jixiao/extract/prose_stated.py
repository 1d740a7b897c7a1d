"""Figures stated in sentences under a descriptive label.

Reports (and forms retold as text) give a row of the form as one sentence: a label, then
clauses that each name a column of the form and its value::

    年度资金总额：年初预算数为86.5万元，全年预算数为86.5万元，全年执行数为86.5万元，执行率100%。
    数量指标：完成校舍维修数量，年度指标值≥12所，实际完成值12所，分值20分，得分20分。
    受益群众满意度：目标值≥90%，实际值93%，分值10分，得分10分。

A clause is read only when it starts with one column word (年初预算数, 全年执行数, 执行率,
年度指标值, 实际完成值, 分值, 得分 … and their synonyms), so the sentence itself ties each figure
to its column. A sentence is read only when every clause is such a field, except one bare
clause naming the indicator under a 二级 label, no column is named twice and the values have
their column's shape (money in 万元/元, a rate in %, points as a figure); otherwise nothing is
read from it. The 一级指标 is the last heading that names one (``（一）产出指标``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from jixiao.extract import vocab
from jixiao.extract.prose_indicators import NUMBERED, level1_heading
from jixiao.extract.prose_lines import ProseLine
from jixiao.extract.vocab import fund_depth, fund_line
from jixiao.measure import normalize_signs, parse_measure, parse_number
from jixiao.model import FundRow, Indicator, Location, Num, Text

# column words, the longer synonym first
_FIELDS: tuple[tuple[str, str], ...] = (
    ("年初预算数", "initial"),
    ("年初预算", "initial"),
    ("年初数", "initial"),
    ("调整后预算数", "budget"),
    ("全年预算数", "budget"),
    ("全年预算", "budget"),
    ("预算执行率", "rate"),
    ("预算数", "budget"),
    ("全年执行数", "spent"),
    ("实际执行数", "spent"),
    ("实际支出", "spent"),
    ("执行数", "spent"),
    ("执行率", "rate"),
    ("年度指标值", "target"),
    ("年度目标值", "target"),
    ("年初目标值", "target"),
    ("指标值", "target"),
    ("目标值", "target"),
    ("计划值", "target"),
    ("预期目标", "target"),
    ("实际完成值", "actual"),
    ("实际完成情况", "actual"),
    ("全年完成情况", "actual"),
    ("全年实际值", "actual"),
    ("完成值", "actual"),
    ("实际值", "actual"),
    ("实际完成", "actual"),
    ("标准分", "weight"),
    ("分值", "weight"),
    ("权重", "weight"),
    ("自评得分", "score"),
    ("实际得分", "score"),
    ("得分", "score"),
    ("评分", "score"),
)
_FIELD = re.compile(
    r"^(?P<word>"
    + "|".join(re.escape(w) for w, _ in _FIELDS)
    + r")(?:为|是|(?P<reach>达到)|[:：])?\s*"
    r"(?P<value>\S.*)$"
)
_ROLE = dict(_FIELDS)
_MONEY_ROLES = frozenset({"initial", "budget", "spent", "rate"})
_INDICATOR_ROLES = frozenset({"target", "actual", "weight", "score"})

_LABELLED = re.compile(NUMBERED + r"(?P<label>[^：:，,。]{2,40})[：:](?P<rest>.+)$")
_LEVEL1_HEAD = level1_heading(
    "产出指标|效益指标|满意度指标|成本指标|项目决策|项目过程|项目产出|项目效益"
)
_LEVEL2_HEAD = re.compile(NUMBERED + r"(?P<l2>[\u4e00-\u9fff]{2,10}指标)\s*[:：]?$")
_INLINE_LEVEL2 = re.compile(r"^(?P<name>[^()（）]{2,30})[(（](?P<l2>[^()（）]{2,12}指标)[)）]$")
_CLAUSE_SPLIT = re.compile(r"[，,；;]")
_MONEY = re.compile(r"^(?P<n>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>万元|元)$")
_PERCENT = re.compile(r"^(?P<n>\d+(?:\.\d+)?)\s*[%％]$")
_POINTS = re.compile(r"^(?P<n>\d+(?:\.\d+)?)\s*分?$")


def stated_rows(
    lines: Sequence[ProseLine],
) -> tuple[tuple[FundRow, ...], tuple[Indicator, ...]]:
    """Fund rows and indicators stated one to a labelled sentence."""
    funds: list[FundRow] = []
    indicators: list[Indicator] = []
    level1: Text | None = None
    level2: Text | None = None  # a 二级 heading line ((1)数量指标) over the sentences below it
    for line in lines:
        text = normalize_signs(line.text).strip().rstrip("。.")
        head = _LEVEL1_HEAD.match(text)
        if head:
            level1, level2 = Text(head.group("l1"), line.location), None
            continue
        if (sub := _LEVEL2_HEAD.match(text)) and vocab.is_level2(sub.group("l2")):
            level2 = Text(sub.group("l2"), line.location)
            continue
        m = _LABELLED.match(text)
        if not m:
            continue
        read = _clauses(m.group("rest"))
        if read is None:
            continue
        fields, bare = read
        label = m.group("label").strip()
        roles = set(fields)
        if roles <= _MONEY_ROLES and roles & {"budget", "spent"} and not bare:
            row = _fund_row(label, fields, line.location, first=not funds)
            if row is not None:
                funds.append(row)
        elif roles <= _INDICATOR_ROLES and roles & {"target", "actual"}:
            ind = _indicator(label, bare, fields, level1, line.location)
            if ind is not None and ind.level2 is None and level2 is not None:
                ind = replace(ind, level2=level2)
            if ind is not None:
                indicators.append(ind)
    return tuple(funds), tuple(indicators)


def _clauses(rest: str) -> tuple[dict[str, str], str | None] | None:
    """The sentence's fields by role and its one bare clause; None when a clause is neither,
    a column is named twice or two clauses are bare."""
    fields: dict[str, str] = {}
    bare: str | None = None
    for clause in _CLAUSE_SPLIT.split(rest):
        clause = clause.strip()
        if not clause:
            continue
        f = _FIELD.match(clause)
        if f is None:
            if bare is not None or fields or re.search(r"\d", clause):
                return None  # the name comes first, and has no figure of its own
            bare = clause
            continue
        role = _ROLE[f.group("word")]
        if role in fields:
            return None
        value = f.group("value").strip()
        if role == "target" and f.group("reach"):
            value = "达到" + value  # 指标值达到95%: the target's comparison (≥), as in any format
        fields[role] = value
    return (fields, bare) if fields else None


def _fund_row(label: str, fields: dict[str, str], loc: Location, first: bool) -> FundRow | None:
    nums: dict[str, Num] = {}
    for role, value in fields.items():
        shape = _PERCENT if role == "rate" else _MONEY
        m = shape.match(value)
        if m is None:
            return None
        n = parse_number(m.group("n"))
        if n is None:
            return None
        unit = "%" if role == "rate" else m.group("unit")
        nums[role] = Num(n, value, unit, loc)
    line = fund_line(label)
    return FundRow(
        label=Text(label, loc),
        line=line,
        depth=0 if first else fund_depth(line),
        initial_budget=nums.get("initial"),
        budget=nums.get("budget"),
        actual=nums.get("spent"),
        rate=nums.get("rate"),
        location=loc,
    )


def _indicator(
    label: str, bare: str | None, fields: dict[str, str], level1: Text | None, loc: Location
) -> Indicator | None:
    level2: Text | None = None
    if vocab.is_level2(label):
        if bare is None:
            return None  # a category with no indicator named
        level2, name = Text(label, loc), bare
    elif bare is not None:
        return None  # two names: which is the indicator is not said
    elif (inline := _INLINE_LEVEL2.match(label)) and vocab.is_level2(inline.group("l2")):
        level2, name = Text(inline.group("l2"), loc), inline.group("name")  # 名称（数量指标）
    else:
        name = label
    points: dict[str, Num] = {}
    for role in ("weight", "score"):
        if role in fields:
            m = _POINTS.match(fields[role])
            n = parse_number(m.group("n")) if m else None
            if n is None:
                return None
            points[role] = Num(n, fields[role], None, loc)
    w, s = points.get("weight"), points.get("score")
    if w is not None and s is not None and not Decimal(0) <= s.value <= w.value:
        return None  # 得分 ≤ 分值 does not hold: the sentence is not a row of the form
    return Indicator(
        name=Text(name, loc),
        level1=level1,
        level2=level2,
        target=parse_measure(fields["target"], loc) if "target" in fields else None,
        actual=parse_measure(fields["actual"], loc) if "actual" in fields else None,
        weight=w,
        score=s,
        location=loc,
    )
