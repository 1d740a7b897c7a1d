"""The findings and scores of a form, from jixiao's public API (``jixiao.check`` and
``jixiao.score``). The web application holds no copy of any rule: it only arranges what the
library returns for the screen (findings by form row, totals, grade)."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import jixiao
from jixiao.checks import sort_key
from jixiao.lifecycle.base import Stages
from jixiao.lifecycle.checks import check_stages
from jixiao.lifecycle.model import MonitoringTable, TargetTable
from jixiao.model import Evaluation, Finding, Severity
from jixiao.serialize import from_dict
from jixiao_web.evaluations.layout import relocate, row_key, target_label

log = logging.getLogger(__name__)


@dataclass
class Analysis:
    findings: tuple[Finding, ...] = ()
    by_row: dict[str, list[Finding]] = field(default_factory=dict)  # "ind-2" → findings
    general: list[Finding] = field(default_factory=list)  # not tied to a row
    sheet: Any = None  # jixiao.score's ScoreSheet
    lines_by_row: dict[str, Any] = field(default_factory=dict)  # "ind-2" → its LineScore
    checks_available: bool = True
    scoring_available: bool = True
    error: str = ""  # when the data could not be analysed at all

    def place_findings(self) -> None:
        """Put each finding beside its form row (``by_row``), or with the whole form."""
        rows: dict[str, list[Finding]] = defaultdict(list)
        for f in self.findings:
            key = row_key(f.location)
            if key:
                rows[key].append(f)
            else:
                self.general.append(f)
        self.by_row = dict(rows)

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == Severity.WARNING)

    @property
    def total(self) -> Decimal | None:
        """The computed total score (by the round's profile)."""
        return getattr(self.sheet, "computed_total", None)

    @property
    def grade(self) -> str | None:
        g = getattr(self.sheet, "computed_grade", None)
        return str(g.value) if g is not None else None

    @property
    def execution(self) -> Any:
        """The 预算执行率 line of the score sheet (ratio, weight, computed score)."""
        return getattr(self.sheet, "execution", None)

    @property
    def execution_rate(self) -> Decimal | None:
        line = self.execution
        return getattr(line, "ratio", None)

    @property
    def rows(self) -> list[tuple[str, str, list[Finding]]]:
        """(row key, its place in words, findings) in form order."""
        order = {"funds": 0, "ind": 1, "report": 2}
        keys = sorted(
            self.by_row, key=lambda k: (order.get(k.split("-")[0], 9), int(k.rsplit("-", 1)[1]))
        )
        return [(k, target_label(k), self.by_row[k]) for k in keys]

    def line_for(self, key: str) -> Any:
        return self.lines_by_row.get(key)


def evaluation_of(data: dict[str, Any]) -> Evaluation:
    """The Evaluation of a stored dict, located at the form's rows."""
    return from_dict(relocate(data))


def analyse(
    data: dict[str, Any],
    profile: str | None = None,
    targets: TargetTable | None = None,
    monitoring: MonitoringTable | None = None,
) -> Analysis:
    """Findings and scores of the form data (never raises: problems become ``error``). With
    the unit's approved ``targets`` and submitted ``monitoring`` table, the cross-stage
    checks (JX-L…) run too."""
    result = Analysis()
    try:
        evaluation = evaluation_of(data)
    except (ValueError, KeyError, TypeError) as exc:
        result.error = f"数据无法解析：{exc}"
        return result
    try:
        result.findings = tuple(jixiao.check(evaluation, profile or None))
    except ImportError as exc:
        log.warning("checks unavailable: %s", exc)
        result.checks_available = False
    except Exception as exc:  # the checker must not take the form down
        log.exception("check failed")
        result.error = f"审核出错：{exc}"
    if (targets is not None or monitoring is not None) and result.checks_available:
        try:
            stages = Stages(targets=targets, monitoring=monitoring, evaluation=evaluation)
            cross = check_stages(stages, profile or None, only="cross")
            result.findings = tuple(sorted((*result.findings, *cross), key=sort_key))
        except Exception as exc:
            log.exception("cross-stage checks failed")
            result.error = result.error or f"跨阶段审核出错：{exc}"
    try:
        result.sheet = jixiao.score(evaluation, profile or None)
    except ImportError as exc:
        log.warning("scoring unavailable: %s", exc)
        result.scoring_available = False
    except Exception as exc:
        log.exception("score failed")
        result.error = result.error or f"评分出错：{exc}"
    result.place_findings()
    for line in getattr(result.sheet, "lines", ()) or ():
        key = row_key(line.location)
        if key:
            result.lines_by_row.setdefault(key, line)
    return result
