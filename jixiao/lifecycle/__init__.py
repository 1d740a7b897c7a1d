"""The lifecycle around the self-evaluation: 绩效目标表 (targets, declared with the budget) and
运行监控表 (mid-year monitoring), read into :mod:`jixiao.lifecycle.model`, checked alone
(JX-T…, JX-R…), matched indicator by indicator to the self-evaluation
(:mod:`jixiao.lifecycle.matching`) and checked across stages (JX-L…).

    from jixiao.lifecycle import read_stage_file, check_lifecycle
"""

from __future__ import annotations

from jixiao.lifecycle.model import (
    Cause,
    Direction,
    Likelihood,
    MonitorIndicator,
    MonitoringTable,
    Stage,
    TableKind,
    TargetIndicator,
    TargetTable,
)
from jixiao.lifecycle.reader import read_stage_file, read_stage_text, read_stages, sniff_kind

__all__ = [
    "Cause",
    "Direction",
    "Likelihood",
    "MonitorIndicator",
    "MonitoringTable",
    "Stage",
    "TableKind",
    "TargetIndicator",
    "TargetTable",
    "read_stage_file",
    "read_stage_text",
    "read_stages",
    "sniff_kind",
]
