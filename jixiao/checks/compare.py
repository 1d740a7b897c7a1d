"""Comparing an indicator's actual value with its target: whether it was met, and by how
much — with periods (每月 1次 vs 全年 12次) and units taken into account."""

from __future__ import annotations

import re
from decimal import Decimal

from jixiao.model import Indicator, Measure, Operator
from jixiao.profiles.profile import EqualAbove, Profile, category_key
from jixiao.scoring.units import convert, number_in_text, per_year, same_unit

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
    if pair is None and actual.number is None and target.number is not None:
        # a sentence (全年召开3次专题会) read the way scoring reads it: its one number in the
        # target's unit, over the target's period
        found = number_in_text(actual.text, indicator.unit or "")
        pair = (target.number, found) if found is not None else None
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
    level1 = indicator.level1.text if indicator.level1 is not None else ""
    level2 = indicator.level2.text if indicator.level2 is not None else ""
    return _keys(profile, level1, level2)[0]


def level2_key(indicator: Indicator, profile: Profile) -> str:
    level2 = indicator.level2.text if indicator.level2 is not None else ""
    return _keys(profile, "", level2)[1] if level2 else ""


_KEY_CACHE: dict[tuple[int, str, str], tuple[Profile, tuple[str, str]]] = {}


def _keys(profile: Profile, level1: str, level2: str) -> tuple[str, str]:
    """(一级 key, 二级 key) of printed category names under a profile, remembered."""
    cache_key = (id(profile), level1, level2)
    hit = _KEY_CACHE.get(cache_key)
    if hit is not None and hit[0] is profile:
        return hit[1]
    if level1.strip():
        category = profile.find_level1(level1)
        key1 = category_key(category.name if category else level1)
    else:
        found = profile.level1_of_level2(level2 or None)
        key1 = category_key(found.name) if found else ""
    key2 = category_key(profile.canonical_level2(level2) or level2) if level2 else ""
    if len(_KEY_CACHE) > 10000:
        _KEY_CACHE.clear()
    _KEY_CACHE[cache_key] = (profile, (key1, key2))
    return key1, key2


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
    """The qualitative grade a text states — "achieved", "partial", "failed" or None — by the
    scoring package's reading of the profile's words (jixiao.scoring.band_level)."""
    from jixiao.scoring import BandLevel, band_level

    found = band_level(text, profile)
    if found is None:
        return None
    return {
        BandLevel.ACHIEVED: "achieved",
        BandLevel.PARTIAL: "partial",
        BandLevel.FAILED: "failed",
    }[found[0]]
