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
    """The submitted monitoring table of the same unit, year and project, located as
    ``运行监控表:第3项`` (None: a department form, or nothing submitted)."""
    if not submission.project:
        return None
    report = MonitoringReport.objects.filter(
        unit_id=submission.unit_id,
        round__year=submission.round.year,
        project=submission.project,
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
