"""抽查复核: which accepted self-evaluations the finance bureau re-evaluates, and where the
re-evaluated score shows the self-evaluation untrue (自评不实).

The rule (:class:`Rule`), written out by :func:`describe`:

1. every form marked for attention (重点监控) is drawn when ``attention_all`` is set;
2. the other forms are put in strata by amount (年度资金总额 against ``amount_bands``, 万元)
   and by execution (budget execution rate below ``lag_below`` %: 执行滞后; unknown rate: its
   own stratum);
3. from each stratum of n forms, ceil(n × ``share``) are drawn (at least one of a non-empty
   stratum), by :class:`random.Random` seeded with the recorded seed over the forms sorted by
   key — the same forms, rule and seed always give the same sample.

A re-evaluated form is 自评不实 when the self score exceeds the re-evaluated score by at least
``threshold`` points, or when the two scores give different grades. Pure: no Django, no I/O.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

ATTENTION = "重点监控"


@dataclass(frozen=True, slots=True)
class Candidate:
    """An accepted self-evaluation that may be drawn."""

    key: str  # stable and unique (the web app uses the form's id)
    amount: Decimal | None = None  # 年度资金总额, 万元
    execution_rate: Decimal | None = None  # %
    attention: bool = False  # 重点监控


@dataclass(frozen=True, slots=True)
class Rule:
    share: Decimal = Decimal("0.2")  # of each stratum, 0 < share ≤ 1
    amount_bands: tuple[Decimal, ...] = (Decimal(100), Decimal(500))  # 万元, ascending
    lag_below: Decimal = Decimal(80)  # execution rate (%) under which a form lags
    attention_all: bool = True
    threshold: Decimal = Decimal(5)  # points of self-minus-re-evaluated score

    def __post_init__(self) -> None:
        if not Decimal(0) < self.share <= Decimal(1):
            raise ValueError(f"抽查比例应在 0 到 100% 之间（不含 0），现为 {self.share}")
        if list(self.amount_bands) != sorted(set(self.amount_bands)):
            raise ValueError("金额分档应从小到大、不重复")
        if self.threshold < 0:
            raise ValueError("差距阈值不能为负数")

    def to_dict(self) -> dict[str, Any]:
        return {
            "share": str(self.share),
            "amount_bands": [str(b) for b in self.amount_bands],
            "lag_below": str(self.lag_below),
            "attention_all": self.attention_all,
            "threshold": str(self.threshold),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Rule:
        return cls(
            share=Decimal(d["share"]),
            amount_bands=tuple(Decimal(b) for b in d.get("amount_bands") or ()),
            lag_below=Decimal(d["lag_below"]),
            attention_all=bool(d.get("attention_all", True)),
            threshold=Decimal(d.get("threshold", "5")),
        )


def _percent(share: Decimal) -> str:
    return f"{(share * 100).normalize():f}%"


def describe(rule: Rule) -> str:
    """The rule in words, as recorded with a draw and shown beside it."""
    bands = "、".join(f"{b.normalize():f}" for b in rule.amount_bands)
    parts = []
    if rule.attention_all:
        parts.append("重点监控项目全部抽取")
    parts.append(f"其余按金额（分档界限 {bands} 万元）" if bands else "其余不分金额档")
    parts[-1] += f"和执行进度（执行率低于 {rule.lag_below.normalize():f}% 为执行滞后）分层"
    parts.append(f"每层抽取 {_percent(rule.share)}（向上取整，非空层至少 1 份）")
    parts.append(
        f"自评得分高出复核得分 {rule.threshold.normalize():f} 分及以上或等级不同的，为自评不实"
    )
    return "；".join(parts) + "。"


def stratum(c: Candidate, rule: Rule) -> str:
    """The stratum a form is drawn in: ``重点监控`` or ``100–500万元·执行滞后`` and the like."""
    if c.attention and rule.attention_all:
        return ATTENTION
    if c.amount is None:
        band = "金额不详"
    else:
        lows = (None, *rule.amount_bands)
        highs = (*rule.amount_bands, None)
        band = next(
            _band(lo, hi)
            for lo, hi in zip(lows, highs, strict=True)
            if (lo is None or c.amount >= lo) and (hi is None or c.amount < hi)
        )
    if c.execution_rate is None:
        pace = "执行率不详"
    else:
        pace = "执行滞后" if c.execution_rate < rule.lag_below else "执行正常"
    return f"{band}·{pace}"


def _band(lo: Decimal | None, hi: Decimal | None) -> str:
    if lo is None:
        return f"{hi.normalize():f}万元以下" if hi is not None else "不分金额"
    if hi is None:
        return f"{lo.normalize():f}万元及以上"
    return f"{lo.normalize():f}–{hi.normalize():f}万元"


@dataclass(frozen=True, slots=True)
class Stratum:
    name: str
    size: int
    drawn: tuple[str, ...]  # keys


@dataclass(frozen=True, slots=True)
class Draw:
    rule: Rule
    seed: int
    strata: tuple[Stratum, ...] = field(default_factory=tuple)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(k for s in self.strata for k in s.drawn)

    def stratum_of(self, key: str) -> str:
        return next((s.name for s in self.strata if key in s.drawn), "")


def draw(candidates: Iterable[Candidate], rule: Rule, seed: int) -> Draw:
    """The sample: strata in name order, each drawn by one seeded generator in turn."""
    groups: dict[str, list[str]] = {}
    seen: set[str] = set()
    for c in sorted(candidates, key=lambda c: c.key):
        if c.key in seen:
            raise ValueError(f"抽查对象重复：{c.key}")
        seen.add(c.key)
        groups.setdefault(stratum(c, rule), []).append(c.key)
    rng = random.Random(seed)
    strata = []
    for name in sorted(groups, key=lambda n: (n != ATTENTION, n)):
        keys = groups[name]
        if name == ATTENTION:
            drawn: Sequence[str] = keys
        else:
            drawn = sorted(rng.sample(keys, math.ceil(len(keys) * rule.share)))
        strata.append(Stratum(name, len(keys), tuple(drawn)))
    return Draw(rule, seed, tuple(strata))


@dataclass(frozen=True, slots=True)
class Gap:
    """Self against re-evaluated score of one form."""

    self_score: Decimal | None
    review_score: Decimal | None
    self_grade: str | None
    review_grade: str | None
    threshold: Decimal

    @property
    def gap(self) -> Decimal | None:
        """自评得分 − 复核得分 (positive: the unit scored itself higher)."""
        if self.self_score is None or self.review_score is None:
            return None
        return self.self_score - self.review_score

    @property
    def grade_changed(self) -> bool:
        return bool(self.self_grade and self.review_grade and self.self_grade != self.review_grade)

    @property
    def untrue(self) -> bool:
        """自评不实: the gap reaches the threshold, or the grade changes."""
        gap = self.gap
        return gap is not None and (gap >= self.threshold or self.grade_changed)

    @property
    def reasons(self) -> list[str]:
        out = []
        gap = self.gap
        if gap is not None and gap >= self.threshold:
            out.append(
                f"自评高出复核 {gap.normalize():f} 分（阈值 {self.threshold.normalize():f} 分）"
            )
        if gap is not None and self.grade_changed:
            out.append(f"等级由“{self.self_grade}”变为“{self.review_grade}”")
        return out
