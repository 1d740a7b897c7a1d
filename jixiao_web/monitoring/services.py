"""What the self-evaluation takes from monitoring: the submitted monitoring table of a project
form, for the cross-stage checks (JX-L006 确定能 but missed, JX-L007, JX-L008 整改, JX-L010)."""

from __future__ import annotations

import copy
import logging
from decimal import InvalidOperation
from typing import Any

from jixiao.lifecycle.model import MonitoringTable
from jixiao.lifecycle.serialize import stage_from_dict
from jixiao_web.monitoring.models import MonitoringReport, Status

log = logging.getLogger(__name__)

MONITORING_SOURCE = "运行监控表"


def monitoring_table_of(submission: Any) -> MonitoringTable | None:
    """The submitted monitoring table of the same unit, year and kind (and project, on a
    project form: a 部门整体 form takes the unit's 部门整体 monitoring), located as
    ``运行监控表:第3项`` (None: nothing submitted)."""
    kind = submission.round.kind
    if kind == "project" and not submission.project:
        return None
    report = MonitoringReport.objects.filter(
        unit_id=submission.unit_id,
        round__year=submission.round.year,
        round__kind=kind,
        project=submission.project if kind == "project" else "",
        status=Status.SUBMITTED,
    ).first()
    if report is None:
        return None
    try:
        d = copy.deepcopy(report.content)
        d["source"] = MONITORING_SOURCE
        for n, row in enumerate(d.get("indicators") or [], start=1):
            row["location"] = f"{MONITORING_SOURCE}:第{n}项"
        table = stage_from_dict(d)
    except (ValueError, KeyError, TypeError, InvalidOperation):  # never take the form down
        log.exception("monitoring report %s unreadable", report.pk)
        return None
    return table if isinstance(table, MonitoringTable) else None


def forecasts_by_row(content: dict[str, Any], monitoring: MonitoringTable | None) -> dict[str, str]:
    """What the monitoring said of each self-evaluation row, for display beside it:
    ``ind-2`` → ``监控（1–6月）：执行 200人次，全年预计 300人次，确定能`` (rows matched by
    :func:`jixiao.lifecycle.matching.match_indicators`, as the cross-stage checks match them)."""
    if monitoring is None:
        return {}
    from jixiao.lifecycle.matching import match_indicators
    from jixiao_web.evaluations.analysis import evaluation_of

    try:
        rows = list(evaluation_of(content).indicators)
    except (ValueError, KeyError, TypeError, InvalidOperation):
        return {}
    index = {id(ind): i for i, ind in enumerate(rows)}
    n = monitoring.cutoff_month or "N"
    out = {}
    for m in match_indicators(list(monitoring.indicators), [r for r in rows if not r.sub_item]):
        if m.earlier is None or m.later is None:
            continue
        said = [
            f"执行 {m.earlier.progress.text}" if m.earlier.progress else "",
            f"全年预计 {m.earlier.forecast.text}" if m.earlier.forecast else "",
            m.earlier.likelihood.value if m.earlier.likelihood else "",
        ]
        if any(said):
            out[f"ind-{index[id(m.later)]}"] = f"监控（1–{n}月）：" + "，".join(x for x in said if x)
    return out
