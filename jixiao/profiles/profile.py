"""The scoring profile: every number and choice the scoring rules leave to a region.

A :class:`Profile` is built from a TOML file (:mod:`jixiao.profiles.loader`); its defaults are
the default profile ``cz2020-10`` (财预〔2020〕10号 as in docs/scoring.md). Field names are a
stable interface used by scoring, checks, the batch runner and the web application.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from jixiao.model import Grade


class ReverseFormula(StrEnum):
    """How a reverse (``≤``) indicator is scored when the actual exceeds the target."""

    RATIO = "ratio"  # 比例法: W × T ÷ A (template notes)
    LINEAR = "linear"  # 线性法: W × max(0, 1 − (A − T) ÷ T), zero at 2T (vendor)


class EqualAbove(StrEnum):
    """How an ``=`` indicator is scored when the actual exceeds the target."""

    FULL = "full"  # 满分 (vendor implementation)
    RATIO = "ratio"  # W × T ÷ A, as a reverse indicator
    LINEAR = "linear"  # W × max(0, 1 − (A − T) ÷ T)


@dataclass(frozen=True, slots=True)
class Level1:
    """A 一级指标 of the taxonomy, with its weight and its 二级指标.

    ``weight`` is None where the profile prescribes no weight for this 一级 (Sichuan: the
    indicators share 90 points freely). ``level2`` lists the 二级指标 accepted under it,
    ``required_level2`` those a table is expected to have (a subset of ``level2``).
    ``required``: whether a table must have indicators under this 一级 at all.
    """

    name: str  # 产出指标
    weight: Decimal | None = None  # 50
    aliases: tuple[str, ...] = ()  # other printed names: 产出
    level2: tuple[str, ...] = ()  # 数量指标, 质量指标, 时效指标, 成本指标
    required_level2: tuple[str, ...] = ()
    required: bool = True

    def matches(self, printed: str) -> bool:
        """Whether a printed 一级指标 (“产出指标(50分)”, “一、产出指标”) is this one."""
        key = category_key(printed)
        return bool(key) and key in {category_key(n) for n in (self.name, *self.aliases)}


@dataclass(frozen=True, slots=True)
class Profile:
    """A scoring profile. Defaults = 财预〔2020〕10号 (``cz2020-10``).

    Weights: ``total_weight`` (100) = ``funds_weight`` (预算执行率, 10) + ``indicators_weight``
    (绩效指标, 90); the 一级 weights (``level1``), where all are given, add up to
    ``indicators_weight``.
    """

    name: str = "cz2020-10"  # short name (file name without .toml)
    title: str = "财预〔2020〕10号（默认）"  # shown to users
    description: str = ""
    source: str = ""  # the file it was loaded from
    taxonomy: str = "10号"  # which indicator taxonomy: 10号 / 101号 / 混合 …

    # -- weights ----------------------------------------------------------------------
    total_weight: Decimal = Decimal(100)  # 总分
    funds_weight: Decimal = Decimal(10)  # 预算执行率 分值
    indicators_weight: Decimal = Decimal(90)  # 绩效指标 分值合计
    level1: tuple[Level1, ...] = ()  # 一级指标 with weights and 二级指标
    level2_aliases: tuple[tuple[str, str], ...] = ()  # (printed 二级, canonical 二级)

    # -- budget execution -------------------------------------------------------------
    execution_cap: bool = True  # rate above 100 %: score capped at the weight
    execution_reason_below: Decimal = Decimal(90)  # rate below this %: a reason is expected

    # -- quantitative indicators ------------------------------------------------------
    reverse_formula: ReverseFormula = ReverseFormula.RATIO
    equal_above: EqualAbove = EqualAbove.FULL
    over_achievement_percent: Decimal = Decimal(130)  # A ≥ 130 % of T: flagged
    over_achievement_deduct: bool = False  # deduct automatically when flagged

    # -- qualitative indicators -------------------------------------------------------
    band_full_from: Decimal = Decimal(80)  # 达成: 80 %–100 % of the weight
    band_partial_from: Decimal = Decimal(60)  # 部分达成: 60 %–80 %; 未达成: 0–60 %
    achieved_words: tuple[str, ...] = ()
    partial_words: tuple[str, ...] = ()
    failed_words: tuple[str, ...] = ()

    # -- totals and grades ------------------------------------------------------------
    grade_excellent: Decimal = Decimal(90)  # 优 ≥ 90
    grade_good: Decimal = Decimal(80)  # 良 ≥ 80
    grade_fair: Decimal = Decimal(60)  # 中 ≥ 60, else 差
    rescale_not_applicable: bool = False  # drop 不适用 indicators, rescale total to 100
    not_applicable_words: tuple[str, ...] = ("不适用", "无此项")
    places: int = 2  # scores rounded to this many decimals (ROUND_HALF_UP)
    tolerance: Decimal = Decimal("0.01")  # printed vs computed: equal within this

    # -- lifecycle: target and monitoring tables, cross-stage checks ------------------------
    cutoff_month: int = 6  # monitoring data to the end of this month, where the table says none
    execution_lag_points: Decimal = Decimal(15)  # 执行率 this far below months elapsed: flagged
    forecast_gap_percent: Decimal = Decimal(20)  # progress this far behind the pro-rata share
    over_target_percent: Decimal = Decimal(150)  # 完成值 ≥ this % of the approved 指标值: flagged
    over_target_deduct_percent: Decimal = Decimal(0)  # share of the weight a reviewer may deduct
    target_weights: Decimal = Decimal(0)  # target table weights add up to this (0: indicators)

    # -- evidence (the web app's submission) ----------------------------------------------
    full_marks_need_evidence: bool = False  # a full-marks indicator row needs 佐证材料 to submit

    @property
    def target_weight_total(self) -> Decimal:
        """What the 权重 of a target table add up to."""
        return self.target_weights or self.indicators_weight

    # -- lookups ----------------------------------------------------------------------

    def find_level1(self, printed: str | None) -> Level1 | None:
        """The 一级指标 of this profile a printed name stands for, or None."""
        if not printed:
            return None
        for category in self.level1:
            if category.matches(printed):
                return category
        return None

    def weight_of(self, printed_level1: str | None) -> Decimal | None:
        """The weight this profile gives a printed 一级指标 (None: unknown or not fixed)."""
        category = self.find_level1(printed_level1)
        return category.weight if category else None

    def canonical_level2(self, printed: str | None) -> str | None:
        """The profile's name for a printed 二级指标 (“进度指标” → “时效指标”), or None."""
        if not printed:
            return None
        key = category_key(printed)
        if not key:
            return None
        for alias, canonical in self.level2_aliases:
            if category_key(alias) == key:
                return canonical
        for category in self.level1:
            for name in category.level2:
                if category_key(name) == key:
                    return name
        return None

    def level1_of_level2(self, printed: str | None) -> Level1 | None:
        """The 一级指标 a printed 二级指标 belongs to in this taxonomy."""
        canonical = self.canonical_level2(printed)
        if canonical is None:
            return None
        for category in self.level1:
            if canonical in category.level2:
                return category
        return None

    def grade(self, total: Decimal | None) -> Grade | None:
        """评价等级 of a total: 优 / 良 / 中 / 差 by this profile's cut-offs."""
        if total is None:
            return None
        if total >= self.grade_excellent:
            return Grade.EXCELLENT
        if total >= self.grade_good:
            return Grade.GOOD
        if total >= self.grade_fair:
            return Grade.FAIR
        return Grade.POOR


_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(]?\d+[)）.．、]|\d+[、.．])")
_POINTS = re.compile(r"[（(][^）)]*分[）)]")


@lru_cache(maxsize=4096)
def category_key(printed: str) -> str:
    """A printed 一级/二级 name reduced for comparison: “一、产出指标（50分）” → “产出”."""
    from zhconv import convert

    text = re.sub(r"\s+", "", printed)
    text = _POINTS.sub("", text)
    text = _NUMBERING.sub("", text)
    if re.search(r"[\u4e00-\u9fff]", text):
        text = convert(text, "zh-hans")
    text = re.sub(r"\(.*?\)", "", text) if "(" in text else text  # pinyin notes: 農(nóng)
    for suffix in ("指标", "類", "类"):
        if text.endswith(suffix) and len(text) > len(suffix):
            text = text[: -len(suffix)]
    return text
