"""What scoring produces: one :class:`LineScore` per scored row, totals in a :class:`ScoreSheet`.

Every number is a ``Decimal``; computed scores are rounded to the profile's places
(ROUND_HALF_UP). ``rule`` says in Chinese how the score was computed, with the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from jixiao.model import Grade, Location


class Status(StrEnum):
    """How the printed score compares with the computed one."""

    OK = "ok"  # equal within the profile's tolerance, or inside the band
    DIFFERS = "differs"  # printed score differs, or lies outside the band
    NOT_COMPUTABLE = "not_computable"  # the rules cannot be applied; ``reason`` says why
    NOT_PRINTED = "not_printed"  # computable, but the form prints no score


class LineKind(StrEnum):
    """Which rule scored a line."""

    EXECUTION = "execution"  # 预算执行率
    QUANTITATIVE = "quantitative"  # 定量指标
    QUALITATIVE = "qualitative"  # 定性指标
    UNKNOWN = "unknown"  # could not tell (no target)


class BandLevel(StrEnum):
    """The three grades of a qualitative indicator."""

    ACHIEVED = "达成"  # 达成年度指标
    PARTIAL = "部分达成"  # 部分达成年度指标并具有一定效果
    FAILED = "未达成"  # 未达成年度指标且效果较差


@dataclass(frozen=True, slots=True)
class Band:
    """The score range a qualitative grade allows: ``low ≤ s ≤ high`` (or ``< high``)."""

    level: BandLevel
    low: Decimal
    high: Decimal
    high_inclusive: bool
    word: str = ""  # the word of the actual that decided the grade

    def contains(self, score: Decimal) -> bool:
        if score < self.low:
            return False
        return score <= self.high if self.high_inclusive else score < self.high

    def clamp(self, score: Decimal, step: Decimal) -> Decimal:
        """The nearest score inside the band (``step``: the smallest printed unit)."""
        if self.contains(score):
            return score
        if score < self.low:
            return self.low
        return self.high if self.high_inclusive else max(self.low, self.high - step)

    def describe(self) -> str:
        upper = "" if self.high_inclusive else "，不含上限"
        return f"{fmt(self.low)} 至 {fmt(self.high)} 分{upper}"


@dataclass(frozen=True, slots=True)
class LineScore:
    """One scored line: the execution row or a weighted indicator.

    ``computed`` is the score by the rules (None for a qualitative indicator, which has a
    ``band`` instead, and when not computable). ``difference`` = printed − computed (for a
    band: how far the printed score lies outside it, 0 inside). ``ratio`` is the execution
    rate or the completion (actual ÷ target) in percent, where there is one.
    """

    item: str  # 预算执行率 / the 三级指标 name
    kind: LineKind
    status: Status
    rule: str  # how the score is computed, in Chinese, numbers filled in
    weight: Decimal | None = None
    printed: Decimal | None = None
    computed: Decimal | None = None
    band: Band | None = None
    difference: Decimal | None = None
    over_achieved: bool = False  # actual ≥ profile's threshold (130 %) of the target
    reason: str = ""  # why not computable, in Chinese
    ratio: Decimal | None = None  # execution rate / completion, percent, 2 dp
    not_applicable: bool = False  # marked 不适用
    notes: tuple[str, ...] = ()  # what else was noticed (unit converted, sign copied …)
    level1: str | None = None
    level2: str | None = None
    location: Location | None = None

    @property
    def counted(self) -> Decimal | None:
        """What this line adds to the computed total.

        The computed score; for a qualitative line the printed score brought into its band;
        for a line that cannot be computed, the printed score (taken as printed).
        """
        if self.not_applicable:
            return None
        if self.computed is not None:
            return self.computed
        if self.band is not None and self.printed is not None:
            return self.band.clamp(self.printed, Decimal("0.01"))
        return self.printed

    @property
    def unscored(self) -> bool:
        """Neither computed nor printed (and applicable): left out of the computed total."""
        return self.counted is None and not self.not_applicable


@dataclass(frozen=True, slots=True)
class ScoreSheet:
    """The scored lines of one evaluation with the computed and printed totals and grades."""

    profile: str  # profile name
    profile_title: str
    lines: tuple[LineScore, ...]
    printed_total: Decimal | None  # 总分 得分 as printed
    computed_total: Decimal | None  # Σ counted (rescaled where the profile says so)
    printed_grade: Grade | None  # the grade the printed total implies
    computed_grade: Grade | None  # None when the total cannot be computed (``grade_reason``)
    total_difference: Decimal | None  # printed − computed
    total_rule: str  # how the computed total was formed, in Chinese
    printed_sum: Decimal | None  # Σ printed line scores
    weight_sum: Decimal | None  # Σ weights of the scored lines (as printed, else profile)
    total_weight: Decimal | None  # 总分 分值 as printed
    source: str = ""
    # why the computed total cannot be graded, in Chinese ("" when it can): lines neither
    # computed nor printed, weights that do not add up to the total, a total above the maximum
    grade_reason: str = ""

    @property
    def computable(self) -> bool:
        """The computed total is a score that can be graded."""
        return self.computed_total is not None and not self.grade_reason

    @property
    def execution(self) -> LineScore | None:
        for line in self.lines:
            if line.kind == LineKind.EXECUTION:
                return line
        return None

    @property
    def indicators(self) -> tuple[LineScore, ...]:
        return tuple(line for line in self.lines if line.kind != LineKind.EXECUTION)

    @property
    def uncomputed(self) -> tuple[LineScore, ...]:
        """Lines the rules could not score (counted as printed in the computed total)."""
        return tuple(line for line in self.lines if line.status == Status.NOT_COMPUTABLE)

    @property
    def unscored(self) -> tuple[LineScore, ...]:
        """Lines neither computed nor printed: the computed total leaves them out."""
        return tuple(line for line in self.lines if line.unscored)

    @property
    def differing(self) -> tuple[LineScore, ...]:
        return tuple(line for line in self.lines if line.status == Status.DIFFERS)


def fmt(value: Decimal | None) -> str:
    """A Decimal as people write it: 198.80 → 198.8, 1E+2 → 100, None → “—”."""
    if value is None:
        return "—"
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def round_score(value: Decimal, places: int) -> Decimal:
    """Round half up to ``places`` decimals."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def to_dict(sheet: ScoreSheet) -> dict[str, Any]:
    """The sheet as a JSON-able dict (Decimals kept; write with ``serialize.dump_value``)."""
    return {
        "profile": sheet.profile,
        "profile_title": sheet.profile_title,
        "source": sheet.source,
        "lines": [_line_dict(line) for line in sheet.lines],
        "total": {
            "weight": sheet.total_weight,
            "weight_sum": sheet.weight_sum,
            "printed": sheet.printed_total,
            "printed_sum": sheet.printed_sum,
            "computed": sheet.computed_total,
            "difference": sheet.total_difference,
            "printed_grade": sheet.printed_grade.value if sheet.printed_grade else None,
            "computed_grade": sheet.computed_grade.value if sheet.computed_grade else None,
            "computable": sheet.computable,
            "grade_reason": sheet.grade_reason,
            "uncomputed": len(sheet.uncomputed),
            "rule": sheet.total_rule,
        },
    }


def _line_dict(line: LineScore) -> dict[str, Any]:
    return {
        "item": line.item,
        "kind": line.kind.value,
        "level1": line.level1,
        "level2": line.level2,
        "location": str(line.location) if line.location else None,
        "weight": line.weight,
        "printed": line.printed,
        "computed": line.computed,
        "counted": line.counted,
        "band": (
            {
                "level": line.band.level.value,
                "low": line.band.low,
                "high": line.band.high,
                "high_inclusive": line.band.high_inclusive,
                "word": line.band.word,
            }
            if line.band
            else None
        ),
        "rule": line.rule,
        "difference": line.difference,
        "ratio": line.ratio,
        "over_achieved": line.over_achieved,
        "not_applicable": line.not_applicable,
        "status": line.status.value,
        "reason": line.reason,
        "notes": list(line.notes),
    }
