"""Checks of a monitoring table alone (JX-R…): “双监控” of budget execution and target
achievement (中发〔2018〕34号, 财预〔2019〕136号), with the thresholds of the profile's [lifecycle]."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.checks.numbers import fmt, pct
from jixiao.lifecycle.base import MONITOR_NOTE, REG_136, StageContext, Stages, lifecycle_check
from jixiao.lifecycle.model import Cause, Likelihood, MonitoringTable
from jixiao.model import Finding, Operator, Severity

HUNDRED = Decimal(100)


def cutoff(table: MonitoringTable, context: StageContext) -> int:
    """N of “1–N月”: as printed, else the profile's ``lifecycle.cutoff_month``."""
    return table.cutoff_month or context.profile.cutoff_month


def _table(stages: Stages) -> Iterator[MonitoringTable]:
    if stages.monitoring is not None:
        yield stages.monitoring


@lifecycle_check(
    "JX-R001",
    Severity.ERROR,
    "有可能/不可能未说明原因或措施",
    MONITOR_NOTE,
    "monitoring",
    "完成目标可能性选“有可能”或“不可能”时，必须填写偏差原因（经费保障、制度保障、人员保障、硬件条件保障、其他）"
    "和拟采取的纠偏措施；只有“确定能”可以不填。",
)
def unexplained_doubt(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """有可能 / 不可能 needs a reason (偏差原因) and a measure (纠偏措施), in the row or in the
    table's 偏差原因分析 / 相关建议或举措 fields; only 确定能 may leave them blank. In
    run-together text the two cells cannot be told apart: a reason may hold the measure.

    Example: 完成目标可能性 有可能, 偏差原因 and 纠偏措施 blank.
    """
    for table in _table(stages):
        # run-together text cannot tell two text cells apart: its 偏差原因 may hold the 纠偏措施
        fused = table.layout == "other"
        for ind in table.indicators:
            if ind.likelihood not in (Likelihood.POSSIBLE, Likelihood.IMPOSSIBLE):
                continue
            lacking = []
            if ind.cause is None and table.cause is None:
                lacking.append("偏差原因")
            if ind.remedy is None and table.remedy is None and not (fused and ind.cause):
                lacking.append("纠偏措施")
            if lacking:
                yield unexplained_doubt.finding(
                    f"指标“{ind.name.text}”完成目标可能性为“{ind.likelihood.value}”，未填写{'和'.join(lacking)}",
                    ind.location,
                    "、".join(lacking),
                    "空白",
                )


@lifecycle_check(
    "JX-R002",
    Severity.WARNING,
    "预算执行进度滞后",
    REG_136,
    "monitoring",
    "1–N月执行数占年初预算的比例，比已过月份占全年的比例（N÷12）低出评分方案 lifecycle.execution_lag_points "
    "个百分点以上（默认 15），说明执行进度滞后，应分析原因并提出纠偏措施（重点监控的选样依据之一）。",
)
def execution_lag(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """The rate executed to the cut-off (1–N月执行数 ÷ 年初预算数) lags the share of the year
    elapsed (N ÷ 12) by more than ``lifecycle.execution_lag_points``.

    Example: 1–6月 executed 20 of 220 (9.09%) against 50% of the year elapsed.
    """
    for table in _table(stages):
        total = table.total()
        if total is None or total.budget is None or total.executed is None:
            continue
        if total.budget.value <= 0:
            continue
        n = cutoff(table, context)
        rate = total.executed.value / total.budget.value * HUNDRED
        elapsed = Decimal(n) / 12 * HUNDRED
        if elapsed - rate > context.profile.execution_lag_points:
            yield execution_lag.finding(
                f"1–{n}月执行率 {pct(rate)}，低于时间进度 {pct(elapsed)} 超过 "
                f"{fmt(context.profile.execution_lag_points)} 个百分点",
                total.executed.location or total.location,
                f"≥ {pct(elapsed - context.profile.execution_lag_points)}",
                pct(rate),
                cutoff=str(n),
            )


@lifecycle_check(
    "JX-R003",
    Severity.WARNING,
    "预计全年完成情况与进度不符",
    REG_136,
    "monitoring",
    "全年预计完成情况应能从 1–N月 的实际进度推得：进度远落后于按月份推算的应完成比例"
    "（低出 lifecycle.forecast_gap_percent，默认 20%）却填“确定能”，或全年预计执行数超过年初预算，都应核实。",
)
def forecast_unreachable(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """A forecast must be reachable from the N-month figure: progress far behind the pro-rata
    share of the target (by ``lifecycle.forecast_gap_percent``) yet 确定能; a full-year
    expected spending above the budget.

    Example: target ≥ 100 人, 1–6月 20 人, 确定能.
    """
    gap = context.profile.forecast_gap_percent
    for table in _table(stages):
        n = cutoff(table, context)
        share = Decimal(n) / 12
        for ind in table.indicators:
            t, p = ind.target, ind.progress
            if ind.likelihood != Likelihood.CERTAIN or t is None or p is None:
                continue
            if t.number is None or p.number is None or t.number <= 0:
                continue
            if t.operator not in (Operator.GE, Operator.GT, Operator.EQ):
                continue
            if t.unit == "%" or (t.unit and p.unit and t.unit != p.unit):
                continue  # a rate is not pro-rata; other units cannot be compared
            expected = t.number * share * (1 - gap / HUNDRED)
            if p.number < expected:
                yield forecast_unreachable.finding(
                    f"指标“{ind.name.text}”1–{n}月完成 {p.text}，仅为指标值 {t.text} 的 "
                    f"{pct(p.number / t.number * HUNDRED)}，却预计“确定能”完成",
                    p.location or ind.location,
                    f"≥ {fmt(expected, 2)}{t.unit or ''}，或改填“有可能”并说明原因",
                    p.text,
                )
        for row in table.funds:
            if (
                row.forecast is not None
                and row.budget is not None
                and row.forecast.value > row.budget.value
            ):
                yield forecast_unreachable.finding(
                    f"“{row.label.text}”全年预计执行数 {row.forecast.text} 超过年初预算数 {row.budget.text}",
                    row.forecast.location or row.location,
                    f"≤ {row.budget.text}",
                    row.forecast.text,
                )


@lifecycle_check(
    "JX-R004",
    Severity.ERROR,
    "需要整改但未写整改要求",
    REG_136,
    "monitoring",
    "监控表标明“需要整改”的指标，应写明整改要求（整改什么、何时完成），年底自评时据以核对整改结果。",
)
def rectify_without_requirement(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """整改 marked as needed must say what: a 整改要求.

    Example: 是否需要整改 是, 整改要求 blank.
    """
    for table in _table(stages):
        for ind in table.indicators:
            if ind.rectify and ind.rectify_requirement is None:
                yield rectify_without_requirement.finding(
                    f"指标“{ind.name.text}”标明需要整改，但未写整改要求",
                    ind.location,
                    "整改要求",
                    "空白",
                )


@lifecycle_check(
    "JX-R005",
    Severity.INFO,
    "偏差原因不属于五类原因",
    MONITOR_NOTE,
    "monitoring",
    "偏差原因宜归入经费保障、制度保障、人员保障、硬件条件保障或其他，便于汇总分析；"
    "只写“客观原因”“正在推进”的，请说明属于哪一类。",
)
def cause_uncategorised(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """A 偏差原因 that names none of 经费 / 制度 / 人员 / 硬件 (category 其他) and does not say
    其他 either is hard to sum up across projects.

    Example: 偏差原因 “客观原因”.
    """
    for table in _table(stages):
        for ind in table.indicators:
            if (
                ind.cause is not None
                and ind.cause_category == Cause.OTHER
                and "其他" not in ind.cause.text
            ):
                yield cause_uncategorised.finding(
                    f"指标“{ind.name.text}”的偏差原因未说明类别",
                    ind.cause.location or ind.location,
                    "经费保障 / 制度保障 / 人员保障 / 硬件条件保障 / 其他",
                    ind.cause.text,
                )


MONITOR_CHECKS = (
    unexplained_doubt,
    execution_lag,
    forecast_unreachable,
    rectify_without_requirement,
    cause_uncategorised,
)
