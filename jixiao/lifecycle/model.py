"""The records of the lifecycle around the self-evaluation: 绩效目标表 and 运行监控表.

Small immutable records, like :mod:`jixiao.model` (whose :class:`Location`, :class:`Text`,
:class:`Num`, :class:`Measure`, :class:`Operator` and :class:`FundRow` they reuse). Every value
read from a document keeps where it was read, so that a cross-stage finding can point at the
target table's cell and the self-evaluation's cell at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from jixiao.model import FundLine, Location, Measure, Num, Operator, Text


class TableKind(StrEnum):
    """What a lifecycle document is (the ``kind`` of its jixiao/1 JSON)."""

    PROJECT_TARGET = "project_target"  # 项目支出绩效目标表 / 申报表
    DEPARTMENT_TARGET = "department_target"  # 部门整体支出绩效目标表
    MONITORING = "monitoring"  # 项目支出绩效运行监控表


class Direction(StrEnum):
    """指标方向 / 指标方向性."""

    POSITIVE = "正向"
    NEGATIVE = "反向"


class Likelihood(StrEnum):
    """完成目标可能性 in a monitoring table."""

    CERTAIN = "确定能"
    POSSIBLE = "有可能"
    IMPOSSIBLE = "不可能"


class Cause(StrEnum):
    """偏差原因 categories of the monitoring tables (others are 其他)."""

    FUNDS = "经费保障"
    RULES = "制度保障"
    STAFF = "人员保障"
    HARDWARE = "硬件条件保障"
    OTHER = "其他"


@dataclass(frozen=True, slots=True)
class TargetIndicator:
    """A row of the 绩效指标 table of a target table (one 三级指标)."""

    name: Text  # 三级指标 / 指标名称 / 指标内容, without numbering
    level1: Text | None = None  # 一级指标
    level2: Text | None = None  # 二级指标
    target: Measure | None = None  # 指标值 (with 指标性质 and 度量单位 where printed apart)
    nature: Operator | None = None  # 指标性质 column where printed
    measure_unit: Text | None = None  # 度量单位 column where printed
    weight: Num | None = None  # 权重 / 分值
    direction: Direction | None = None  # 指标方向(性)
    standard: Text | None = None  # 指标值设定依据 / 绩效标准 (计划/行业/历史/其他标准)
    explanation: Text | None = None  # 指标解释 / 计算公式
    previous: Text | None = None  # 上年值 / 上年实际值
    core: bool = False  # 核心指标
    long_term: bool = False  # 实施期 (long-term) rather than 本年度
    location: Location | None = None

    @property
    def operator(self) -> Operator | None:
        """指标性质 where printed, else the operator parsed from the 指标值."""
        if self.nature is not None:
            return self.nature
        return self.target.operator if self.target else None

    @property
    def unit(self) -> str | None:
        """度量单位 where printed, else the unit parsed from the 指标值."""
        if self.measure_unit is not None and self.measure_unit.text:
            return self.measure_unit.text
        return self.target.unit if self.target else None


@dataclass(frozen=True, slots=True)
class TargetTable:
    """A 绩效目标表 (项目支出 or 部门整体), as declared with the budget request."""

    kind: TableKind = TableKind.PROJECT_TARGET
    source: str = ""
    layout: str | None = None
    year: Num | None = None  # 年度
    unit: Text | None = None  # 单位名称 / 预算部门 / 实施单位
    supervisor: Text | None = None  # 主管部门
    project: Text | None = None  # 项目名称 (None on a 部门整体 table)
    money_unit: str = "万元"
    amount: Num | None = None  # 资金总额 / 年度预算金额 / 预算数
    funds: tuple[FundRowLite, ...] = ()  # 资金来源 / 收入构成 / 支出构成 rows
    goal: Text | None = None  # 年度(绩效)目标
    long_term_goal: Text | None = None  # 实施期 / 长期目标
    duties: Text | None = None  # 部门职能概述 (部门整体)
    indicators: tuple[TargetIndicator, ...] = ()
    revision: Text | None = None  # 调整 / 修订说明, where an approved revision is recorded
    review: Text | None = None  # 审核意见
    notes: tuple[str, ...] = ()

    @property
    def annual_indicators(self) -> tuple[TargetIndicator, ...]:
        """The 本年度 indicators (what the self-evaluation is judged against)."""
        annual = tuple(i for i in self.indicators if not i.long_term)
        return annual or self.indicators


@dataclass(frozen=True, slots=True)
class FundRowLite:
    """A money row of a target or monitoring table."""

    label: Text
    line: FundLine | None = None
    budget: Num | None = None  # 年初预算数 / 金额 / 当年金额
    executed: Num | None = None  # 1–N月执行数 (monitoring)
    rate: Num | None = None  # 执行率 (monitoring), printed percentage
    forecast: Num | None = None  # 全年预计执行数 (monitoring)
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class MonitorIndicator:
    """A row of a monitoring table's 绩效指标 block."""

    name: Text
    level1: Text | None = None
    level2: Text | None = None
    target: Measure | None = None  # 年度指标值
    progress: Measure | None = None  # 1–N月执行情况 / 半年度指标执行情况
    forecast: Measure | None = None  # 全年预计完成情况
    likelihood: Likelihood | None = None  # 完成目标可能性
    cause: Text | None = None  # 偏差原因(分析)
    cause_category: Cause | None = None  # which of the five categories the cause names
    remedy: Text | None = None  # 纠偏措施 / 相关建议或举措
    rectify: bool | None = None  # 是否需要整改
    rectify_requirement: Text | None = None  # 整改要求
    rectify_result: Text | None = None  # 整改结果 / 整改情况
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class MonitoringTable:
    """A 项目支出绩效运行监控表 (data to the end of ``cutoff_month``)."""

    source: str = ""
    layout: str | None = None
    year: Num | None = None
    unit: Text | None = None
    supervisor: Text | None = None
    project: Text | None = None
    money_unit: str = "万元"
    cutoff_month: int | None = None  # N of “1–N月执行数”
    funds: tuple[FundRowLite, ...] = ()
    indicators: tuple[MonitorIndicator, ...] = ()
    cause: Text | None = None  # table-level 偏差或不能完成目标原因分析
    remedy: Text | None = None  # table-level 相关建议或举措 / 纠偏措施
    notes: tuple[str, ...] = ()

    @property
    def kind(self) -> TableKind:
        return TableKind.MONITORING

    def total(self) -> FundRowLite | None:
        """The 年度资金总额 / 合计 row (else the first money row)."""
        for row in self.funds:
            if row.line == FundLine.TOTAL:
                return row
        return self.funds[0] if self.funds else None


Stage = TargetTable | MonitoringTable
