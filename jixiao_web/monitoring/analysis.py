"""The JX-R checks and the lights of a monitoring table as typed, from :mod:`jixiao.lifecycle`."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import InvalidOperation
from typing import Any

from jixiao.lifecycle.base import Stages
from jixiao.lifecycle.checks import check_stages
from jixiao.lifecycle.lights import Lights, lights
from jixiao.lifecycle.model import MonitoringTable
from jixiao.lifecycle.serialize import stage_from_dict
from jixiao.profiles import load_profile
from jixiao_web.evaluations.analysis import Analysis
from jixiao_web.monitoring.layout import located

log = logging.getLogger(__name__)


@dataclass
class Result:
    analysis: Analysis
    lights: Lights | None


def analyse_monitoring(data: dict[str, Any], profile: str | None = None) -> Result:
    """Findings and lights (never raises: problems become ``analysis.error``)."""
    result = Analysis()
    try:
        table = stage_from_dict(located(data))
        assert isinstance(table, MonitoringTable)
    except (ValueError, KeyError, TypeError, InvalidOperation, AssertionError) as exc:
        result.error = f"数据无法解析：{exc}"
        return Result(result, None)
    try:
        result.findings = check_stages(Stages(monitoring=table), profile or None, only="monitoring")
        shown = lights(table, load_profile(profile or None))
    except Exception as exc:  # the checker must not take the form down
        log.exception("monitoring checks failed")
        result.error = f"审核出错：{exc}"
        shown = None
    result.place_findings()
    return Result(result, shown)
