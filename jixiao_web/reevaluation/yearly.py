"""Year over year: a unit's targets, monitoring forecasts, actuals and scores of each year side
by side, and a region's score inflation (share of full marks, self-minus-review gap by unit
and department) per year."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jixiao_web.evaluations.models import Submission
from jixiao_web.evaluations.workflow import Status
from jixiao_web.monitoring.models import MonitoringReport
from jixiao_web.monitoring.models import Status as MonitoringStatus
from jixiao_web.reevaluation.models import SampleItem, total_budget
from jixiao_web.targets.models import TargetDeclaration


def _dec(value: Any) -> Decimal | None:
    try:
        return None if value is None or value == "" else Decimal(str(value))
    except ArithmeticError:
        return None


def _mean(values: list[Decimal]) -> Decimal | None:
    """The mean to the hundredth of a point (None: nothing to average)."""
    return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01")) if values else None


def _total_row(content: dict[str, Any]) -> dict[str, Any]:
    return next((r for r in content.get("funds") or [] if r.get("line") == "total"), {})


@dataclass
class YearRow:
    year: int
    project: str
    target_amount: Decimal | None = None
    target_indicators: int | None = None
    target_grade: str = ""
    monitoring_month: int | None = None
    monitoring_executed: Decimal | None = None
    monitoring_forecast: Decimal | None = None
    monitoring_light: str = ""
    actual: Decimal | None = None
    execution_rate: Decimal | None = None
    self_score: Decimal | None = None
    review_score: Decimal | None = None
    grade: str = ""
    reevaluated: Decimal | None = None
    untrue: bool = False

    @property
    def forecast_gap(self) -> Decimal | None:
        """全年预计执行数 − 实际执行数 (positive: the forecast promised more than was spent)."""
        if self.monitoring_forecast is None or self.actual is None:
            return None
        return self.monitoring_forecast - self.actual


def unit_years(unit_id: int) -> list[YearRow]:
    """Every year and project of a unit with anything beyond a draft: approved targets,
    submitted monitoring, a self-evaluation handed in, a sampled re-evaluation."""
    rows: dict[tuple[int, str], YearRow] = {}

    def row(year: int, project: str) -> YearRow:
        return rows.setdefault((year, project), YearRow(year, project))

    for d in (
        TargetDeclaration.objects.filter(unit_id=unit_id)
        .exclude(approved_data="")
        .select_related("round")
    ):
        r, content = row(d.round.year, d.project), d.approved_content or {}
        r.target_amount = _dec(content.get("amount"))
        r.target_indicators = len(content.get("indicators") or [])
        r.target_grade = d.grade
    for m in MonitoringReport.objects.filter(
        unit_id=unit_id, status=MonitoringStatus.SUBMITTED
    ).select_related("round"):
        r, total = row(m.round.year, m.project), _total_row(m.content)
        r.monitoring_month = m.round.cutoff_month
        r.monitoring_executed = _dec(total.get("executed"))
        r.monitoring_forecast = _dec(total.get("forecast"))
        r.monitoring_light = m.get_execution_light_display() if m.execution_light else ""
    for s in (
        Submission.objects.filter(unit_id=unit_id)
        .exclude(status=Status.DRAFT)
        .select_related("round")
    ):
        r, content = row(s.round.year, s.project), s.content
        r.actual = _dec(_total_row(content).get("actual"))
        if r.target_amount is None:
            r.target_amount = total_budget(content)
        r.execution_rate, r.self_score, r.review_score, r.grade = (
            s.execution_rate,
            s.self_score,
            s.review_score,
            s.grade,
        )
    for item in SampleItem.objects.filter(
        submission__unit_id=unit_id, score__isnull=False
    ).select_related("submission__round", "draw__round"):
        r = row(item.submission.round.year, item.submission.project)
        r.reevaluated, r.untrue = item.score, item.gap.untrue
    return [rows[k] for k in sorted(rows)]


@dataclass
class UnitGap:
    unit: str
    department: str
    forms: int = 0
    full_marks: int = 0
    gaps: list[Decimal] = field(default_factory=list)  # self − review, forms the bureau re-scored
    untrue: int = 0  # 自评不实 in a 抽查复核

    @property
    def mean_gap(self) -> Decimal | None:
        return _mean(self.gaps)


@dataclass
class YearStats:
    year: int
    forms: int = 0
    full_marks: int = 0
    gaps: list[Decimal] = field(default_factory=list)
    units: dict[int, UnitGap] = field(default_factory=dict)

    @property
    def full_share(self) -> Decimal | None:
        """满分占比, % of forms whose 自评得分 is the profile's full 总分."""
        return (
            (Decimal(100) * self.full_marks / self.forms).quantize(Decimal("0.1"))
            if self.forms
            else None
        )

    @property
    def mean_gap(self) -> Decimal | None:
        return _mean(self.gaps)

    def departments(self) -> list[tuple[str, int, Decimal | None]]:
        """(department, forms, mean self − review gap) in name order."""
        by: dict[str, list[UnitGap]] = defaultdict(list)
        for u in self.units.values():
            by[u.department].append(u)
        out = []
        for name in sorted(by):
            gaps = [g for u in by[name] for g in u.gaps]
            mean = _mean(gaps)
            out.append((name, sum(u.forms for u in by[name]), mean))
        return out


def region_inflation(region_id: int) -> list[YearStats]:
    """Per year, the region's self-evaluations handed in (not drafts): how many claim full
    marks, and how far the self score is above the bureau's 复核得分 (by unit, department)."""
    from jixiao.profiles import load_profile

    full: dict[str, Decimal] = {}
    years: dict[int, YearStats] = {}
    qs = (
        Submission.objects.filter(round__region_id=region_id)
        .exclude(status=Status.DRAFT)
        .select_related("round", "unit", "unit__department")
        .only(
            "self_score",
            "review_score",
            "round__year",
            "round__profile",
            "unit__name",
            "unit__department__name",
        )
    )
    untrue: dict[tuple[int, int], int] = defaultdict(int)
    for item in SampleItem.objects.filter(
        draw__round__region_id=region_id, score__isnull=False
    ).select_related("draw__round", "submission"):
        if item.gap.untrue:
            untrue[(item.draw.round.year, item.submission.unit_id)] += 1
    for s in qs:
        y = years.setdefault(s.round.year, YearStats(s.round.year))
        u = y.units.setdefault(s.unit_id, UnitGap(s.unit.name, s.unit.department.name))
        u.untrue = untrue[(s.round.year, s.unit_id)]
        if s.round.profile not in full:
            full[s.round.profile] = load_profile(s.round.profile or None).total_weight
        y.forms += 1
        u.forms += 1
        if s.self_score is not None and s.self_score >= full[s.round.profile]:
            y.full_marks += 1
            u.full_marks += 1
        if s.self_score is not None and s.review_score is not None:
            y.gaps.append(s.self_score - s.review_score)
            u.gaps.append(s.self_score - s.review_score)
    return [years[k] for k in sorted(years)]
