"""The JX-T checks of a target table as typed, through :mod:`jixiao.lifecycle` (the web app
holds no rule): findings arranged by form row, like the self-evaluation's
(:class:`jixiao_web.evaluations.analysis.Analysis`)."""

from __future__ import annotations

import logging
from decimal import InvalidOperation
from typing import Any

from jixiao.lifecycle.base import Stages
from jixiao.lifecycle.checks import check_stages
from jixiao.lifecycle.model import TargetTable
from jixiao.lifecycle.serialize import stage_from_dict
from jixiao_web.evaluations.analysis import Analysis
from jixiao_web.targets.layout import located

log = logging.getLogger(__name__)


def table_of(data: dict[str, Any]) -> TargetTable:
    """The :class:`TargetTable` of stored data, located at the form's rows."""
    table = stage_from_dict(located(data))
    assert isinstance(table, TargetTable)
    return table


def analyse_targets(data: dict[str, Any], profile: str | None = None) -> Analysis:
    """Findings of the target-table checks (never raises: problems become ``error``)."""
    result = Analysis()
    try:
        table = table_of(data)
    except (ValueError, KeyError, TypeError, InvalidOperation) as exc:
        result.error = f"数据无法解析：{exc}"
        return result
    try:
        result.findings = check_stages(Stages(targets=table), profile or None, only="targets")
    except Exception as exc:  # the checker must not take the form down
        log.exception("target checks failed")
        result.error = f"审核出错：{exc}"
    result.place_findings()
    return result
