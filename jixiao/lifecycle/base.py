"""What a lifecycle check is given: the stages of one project (:class:`Stages`), the profile,
and the matches between their indicators — computed once, shared by every check.

Lifecycle checks are :class:`jixiao.checks.base.Check` entries of the same catalogue (codes
JX-T… for a target table alone, JX-R… for a monitoring table alone, JX-L… across stages) whose
function takes a :class:`Stages` instead of an Evaluation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from jixiao.checks.base import Check
from jixiao.lifecycle.matching import Match, match_indicators
from jixiao.lifecycle.model import (
    MonitorIndicator,
    MonitoringTable,
    TargetIndicator,
    TargetTable,
)
from jixiao.model import Evaluation, Finding, Indicator, Location, Num, Severity

if TYPE_CHECKING:
    from jixiao.profiles.profile import Profile

REG_88 = "财预〔2015〕88号《中央部门预算绩效目标管理办法》"
REG_136 = "财预〔2019〕136号《中央部门预算绩效运行监控管理暂行办法》"
REG_10 = "财预〔2020〕10号《项目支出绩效评价管理办法》"
MONITOR_NOTE = "运行监控表填报说明（如黄石：选“有可能”“不可能”须填写原因与措施）"

FAMILY_NAMES = {"T": "绩效目标表", "R": "运行监控", "L": "跨阶段"}


@dataclass(frozen=True)
class LifecycleCheck(Check):
    """A check of the catalogue that reads the lifecycle stages; ``needs`` says which."""

    needs: str = "targets"  # targets / monitoring / cross
    explain: str = ""

    @property
    def explanation(self) -> str:
        return self.explain


def lifecycle_check(
    code: str, severity: Severity, title: str, basis: str, needs: str, explain: str
) -> Callable[[Callable[..., Iterable[Finding]]], LifecycleCheck]:
    """Decorator, like :func:`jixiao.checks.base.check`, plus ``needs`` and the Chinese
    explanation (kept with the check: these codes live outside jixiao/checks)."""

    def wrap(function: Callable[..., Iterable[Finding]]) -> LifecycleCheck:
        return LifecycleCheck(
            code, severity, title, basis, function, FAMILY_NAMES[code[3]], needs, explain
        )

    return wrap


@dataclass
class Stages:
    """The documents of one project (or department) across the lifecycle."""

    targets: TargetTable | None = None
    monitoring: MonitoringTable | None = None
    evaluation: Evaluation | None = None
    siblings: tuple[TargetTable, ...] = ()  # the other target tables of the same file or batch
    overrides: Mapping[str, str] = field(default_factory=dict)  # later name → target name
    _cache: dict[str, tuple[Match, ...]] = field(default_factory=dict, repr=False)

    def _matches(self, key: str, earlier: list, later: list) -> tuple[Match, ...]:
        if key not in self._cache:
            self._cache[key] = match_indicators(earlier, later, self.overrides)
        return self._cache[key]

    def target_vs_evaluation(self) -> tuple[Match[TargetIndicator, Indicator], ...]:
        if self.targets is None or self.evaluation is None:
            return ()
        return self._matches(
            "te",
            list(self.targets.annual_indicators),
            [i for i in self.evaluation.indicators if not i.sub_item],
        )

    def target_vs_monitoring(self) -> tuple[Match[TargetIndicator, MonitorIndicator], ...]:
        if self.targets is None or self.monitoring is None:
            return ()
        return self._matches(
            "tm", list(self.targets.annual_indicators), list(self.monitoring.indicators)
        )

    def monitoring_vs_evaluation(self) -> tuple[Match[MonitorIndicator, Indicator], ...]:
        if self.monitoring is None or self.evaluation is None:
            return ()
        return self._matches(
            "me",
            list(self.monitoring.indicators),
            [i for i in self.evaluation.indicators if not i.sub_item],
        )

    @property
    def matches(self) -> dict[str, tuple[Match, ...]]:
        """Every match made, for users to see (and correct with ``overrides``)."""
        return {
            "target_evaluation": self.target_vs_evaluation(),
            "target_monitoring": self.target_vs_monitoring(),
            "monitoring_evaluation": self.monitoring_vs_evaluation(),
        }


class StageContext:
    """The profile (thresholds, taxonomy, tolerance) — what every lifecycle check may use."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile


def where(location: Location | None, source: str = "") -> str:
    """A location as users read it, or the document's name where the cell is unknown."""
    if location is not None:
        return str(location)
    return source or "?"


def shown(t: TargetIndicator) -> str:
    """An approved 指标值 as one text: 指标性质, 指标值 and 度量单位 printed in their own
    columns (≥ | 10 | 家) read as “≥10家”."""
    if t.target is None:
        return ""
    text = t.target.text
    if t.nature is not None and t.nature.value != "定性" and not text.startswith(t.nature.value):
        text = t.nature.value + text
    if t.measure_unit is not None and not text.endswith(t.measure_unit.text):
        text += t.measure_unit.text
    return text


def to_wan(n: Num | None, money_unit: str) -> Decimal | None:
    """An amount in 万元, whatever unit its table printed it in (元 / 万元 / 亿元)."""
    if n is None:
        return None
    text = n.text.replace(" ", "")
    unit = money_unit
    if text.endswith("万元") or text.endswith("万"):
        unit = "万元"
    elif text.endswith("亿元"):
        unit = "亿元"
    elif text.endswith("元") and not text.endswith("万元"):
        unit = "元"
    factor = {
        "元": Decimal("0.0001"),
        "千元": Decimal("0.1"),
        "万元": Decimal(1),
        "亿元": Decimal(10000),
    }
    return n.value * factor.get(unit, Decimal(1))
