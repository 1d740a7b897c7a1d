"""Comparing an indicator's actual value with its target: whether it was met, and by how
much — with periods (每月 1次 vs 全年 12次) and units taken into account."""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.model import Indicator, Measure, Operator
from jixiao.profiles.profile import EqualAbove, Profile, category_key
from jixiao.scoring.units import convert, per_year, same_unit

MONEY_UNITS = frozenset({"元", "万元", "亿元", "千元"})
COUNT_UNITS = frozenset(
    [
        "人",
        "户",
        "个",
        "次",
        "件",
        "场",
        "期",
        "项",
        "篇",
        "份",
        "册",
        "台",
        "套",
        "辆",
        "座",
        "所",
        "处",
        "家",
        "种",
        "只",
        "头",
        "例",
        "株",
        "棵",
        "盏",
        "本",
        "张",
        "条",
        "批",
        "名",
        "村",
        "间",
        "栋",
        "宗",
        "起",
        "单",
        "门",
        "节",
        "人次",
        "万人",
        "万人次",
    ]
)


def annual_pair(target: Measure, actual: Measure) -> tuple[Decimal, Decimal] | None:
    """Target and actual numbers on the same footing, or None when they cannot be compared
    (no number, different units, a per-month target against an actual without a period)."""
    if target.number is None or actual.number is None:
        return None
    t, a = target.number, actual.number
    # A percentage against a bare fraction (an Excel percent cell read as 1 for 100%)
    if target.unit == "%" and actual.unit is None and 0 < a <= 1 < t:
        a *= 100
    elif actual.unit == "%" and target.unit is None and 0 < t <= 1 < a:
        t *= 100
    if target.unit and actual.unit and not same_unit(target.unit, actual.unit):
        converted = convert(a, actual.unit, target.unit)
        if converted is None:
            return None
        a = converted
    tp, ap = per_year(target.period or "全年"), per_year(actual.period or "全年")
    if tp is None or ap is None:
        return None
    if tp != ap and (target.period is None or actual.period is None):
        return None  # 每月 1次 against a bare 12次: which period is meant is unknown
    return t * tp, a * ap


def met(indicator: Indicator, profile: Profile) -> bool | None:
    """Whether the actual value meets the target by its operator; None when unknown."""
    target, actual = indicator.target, indicator.actual
    if target is None or actual is None:
        return None
    pair = annual_pair(target, actual)
    if pair is None:
        return None
    t, a = pair
    op = indicator.operator or Operator.EQ
    if op == Operator.GE:
        return a >= t
    if op == Operator.GT:
        return a > t
    if op == Operator.LE:
        return a <= t
    if op == Operator.LT:
        return a < t
    if op == Operator.EQ:
        return a == t or (a > t and profile.equal_above == EqualAbove.FULL)
    return None


def level1_key(indicator: Indicator, profile: Profile) -> str:
    """“产出” / “效益” / “满意度” / “成本” … from the printed 一级 or, failing that, the 二级."""
    if indicator.level1 is not None and indicator.level1.text.strip():
        category = profile.find_level1(indicator.level1.text)
        return category_key(category.name if category else indicator.level1.text)
    category = profile.level1_of_level2(indicator.level2.text if indicator.level2 else None)
    return category_key(category.name) if category else ""


def level2_key(indicator: Indicator, profile: Profile) -> str:
    if indicator.level2 is None:
        return ""
    canonical = profile.canonical_level2(indicator.level2.text)
    return category_key(canonical or indicator.level2.text)


def is_satisfaction(indicator: Indicator, profile: Profile) -> bool:
    return "满意" in level1_key(indicator, profile) or "满意" in indicator.name.text


_RATE_NAME = re.compile(r"率|比例|占比|满意度")
_UNBOUNDED_RATE = re.compile(
    r"增长|增幅|增速|提高|提升|(?<!按期)(?<!按时)(?<!及时)(?<!准时)(?<!如期)完成|执行|超额|增加|"
    r"同比|环比|溢价|变动|变化|周转|利用|回报|产出|出栏|倍"
)


def is_rate_named(indicator: Indicator) -> bool:
    name = re.sub(r"[（(][^）)]*[)）]", "", indicator.name.text)
    return bool(_RATE_NAME.search(name))


def is_bounded_rate(indicator: Indicator) -> bool:
    """A rate that cannot exceed 100 %: 合格率, 覆盖率, 满意度, 签约率 … (not 增长率, 完成率)."""
    return is_rate_named(indicator) and not _UNBOUNDED_RATE.search(indicator.name.text)


def grade_words(text: str, profile: Profile) -> str | None:
    """The qualitative grade a text states: "achieved", "partial", "failed" or None."""
    partial = profile.partial_words or ("部分达成", "部分完成", "基本达成", "基本完成", "基本实现")
    failed = profile.failed_words or ("未达成", "未完成", "未实现", "没有完成", "未达到")
    achieved = profile.achieved_words or ("达成", "完成", "实现", "达到")
    if any(w in text for w in failed):
        return "failed"
    if any(w in text for w in partial):
        return "partial"
    if any(w in text for w in achieved):
        return "achieved"
    return None
