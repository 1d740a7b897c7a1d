"""The data model of a budget performance self-evaluation (预算绩效自评).

One module, small immutable records. Every value that was read from a document keeps
the :class:`Location` it was read at, so that a finding can point at it. Money, rates,
weights and scores are :class:`Num`: the exact ``Decimal`` and the text as printed.

The model covers the 部门整体支出绩效自评表 with its 自评报告 and the 项目支出绩效自评表 with
its regional variants. Readers (text, office files) build it; scoring, checks, writers,
batch and the web application consume it. Nothing here knows about file formats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum


class Kind(StrEnum):
    """Which form this is."""

    DEPARTMENT = "department"  # 部门整体支出绩效自评表 / 自评报告
    PROJECT = "project"  # 项目支出绩效自评表


class Operator(StrEnum):
    """指标性质: how the actual value is compared with the target."""

    GE = "≥"
    GT = ">"
    EQ = "="
    LE = "≤"
    LT = "<"
    QUALITATIVE = "定性"


class FundGroup(StrEnum):
    """The block of the 整体资金 table a fund row belongs to."""

    SOURCE = "source"  # 资金来源
    STRUCTURE = "structure"  # 资金结构


class FundLine(StrEnum):
    """What a fund row means, whatever its printed label (合计 / 年度资金总额 / 总额 …)."""

    TOTAL = "total"  # 合计, 年度资金总额, 总额
    FISCAL = "fiscal"  # 财政拨款, 本年(当年)财政拨款, 财政资金
    CARRYOVER = "carryover"  # 上年结转资金
    SPECIAL_ACCOUNT = "special_account"  # 财政专户管理资金
    UNIT_FUNDS = "unit_funds"  # 单位资金
    OTHER = "other"  # 其他资金
    BASIC = "basic"  # 基本支出
    PERSONNEL = "personnel"  # 人员支出 / 人员经费
    PUBLIC = "public"  # 公用支出 / 公用经费
    PROJECT = "project"  # 项目支出
    INCOME = "income"  # 收入 (prose reports)
    EXPENDITURE = "expenditure"  # 支出 (prose reports)


class Severity(StrEnum):
    """How serious a finding is."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Grade(StrEnum):
    """评价等级."""

    EXCELLENT = "优"
    GOOD = "良"
    FAIR = "中"
    POOR = "差"


@dataclass(frozen=True, slots=True)
class Location:
    """Where a value was read: a text line, a spreadsheet cell, a table cell or a page.

    ``str(location)`` is what users see: ``seed.txt:12``, ``表.xlsx:Sheet1!D12``,
    ``表.docx:表2 第3行第4列``, ``报告.pdf:第4页``; in a long line (a table printed on one
    line) the character column follows the line: ``文件.txt:1:345``.
    """

    source: str = ""
    line: int | None = None  # 1-based line in a text file
    cell: str | None = None  # "Sheet1!D12" or "表2 第3行第4列"
    page: int | None = None  # 1-based page of a PDF
    column: int | None = None  # 1-based character in a long line of text (with ``line``)
    # the block's place in its document (a Word file's tables and paragraphs counted
    # together): for sorting in reading order only, neither shown nor compared
    order: int | None = field(default=None, compare=False)

    def __str__(self) -> str:
        parts = []
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.cell:
            parts.append(self.cell)
        if self.line is not None:
            parts.append(
                f"{self.line}:{self.column}" if self.column is not None else str(self.line)
            )
        where = " ".join(parts)
        if self.source and where:
            return f"{self.source}:{where}"
        return self.source or where or "?"

    def without_column(self) -> Location:
        """The same place without its column: the ``location`` of the jixiao/1 JSON, which
        carries the column in a key of its own (consumers that split ``文件:行号`` go on
        working)."""
        return replace(self, column=None) if self.column is not None else self

    def shifted(self, by: int) -> Location:
        """``by`` characters further along the line (a piece cut from a long cell)."""
        return replace(self, column=self.column + by) if self.column is not None and by else self

    @classmethod
    def parse(cls, text: str | None, column: int | None = None) -> Location | None:
        """Inverse of ``str()`` for the forms it produces (used when reading JSON back);
        ``column`` from the JSON's own key."""
        if not text:
            return None
        m = _LINE_COLUMN.fullmatch(text)
        if m:
            return cls(m.group(1), int(m.group(2)), column=int(m.group(3)))
        source, sep, where = text.rpartition(":")
        if not sep:
            source, where = "", text
        page = line = None
        cell_parts = []
        for part in where.split(" "):
            if m := re.fullmatch(r"第(\d+)页", part):
                page = int(m.group(1))
            elif part.isdigit():
                line = int(part)
            elif part:
                cell_parts.append(part)
        return cls(source, line, " ".join(cell_parts) or None, page, column)


_LINE_COLUMN = re.compile(r"(.*):(\d+):(\d+)")


@dataclass(frozen=True, slots=True)
class Text:
    """A piece of text as printed, with where it was read."""

    text: str
    location: Location | None = None

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Num:
    """A number as printed: exact value, the printed text, an optional unit.

    Percentages keep the printed percentage: ``106.87%`` is ``Num(Decimal("106.87"), "106.87%",
    "%")``. Money is in the unit printed (万元 unless stated).
    """

    value: Decimal
    text: str = ""
    unit: str | None = None
    location: Location | None = None

    def __str__(self) -> str:
        return self.text or str(self.value)


@dataclass(frozen=True, slots=True)
class Measure:
    """A target (年度指标值) or actual value (实际完成值) as printed, and parsed where possible.

    ``≥50个`` → operator ≥, number 50, unit 个; ``不低于95%`` → ≥, 95, %; ``每月 1次`` →
    =, 1, 次, period 每月; ``达成预期指标`` → 定性, no number.
    """

    text: str
    operator: Operator | None = None
    number: Decimal | None = None
    unit: str | None = None
    period: str | None = None  # 每月 / 全年 / 每季度 … when the target states a frequency
    location: Location | None = None

    @property
    def is_quantitative(self) -> bool:
        return self.number is not None

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class FundRow:
    """A row of the 整体资金 / 项目资金 / 预算执行情况 table."""

    label: Text  # as printed, without numbering (“(1)”, “其中：”)
    line: FundLine | None = None  # what the row means
    group: FundGroup | None = None  # 资金来源 / 资金结构 (department tables)
    depth: int = 0  # 0 total, 1 part, 2 part of a part (其中 人员支出 under 基本支出)
    initial_budget: Num | None = None  # 年初预算数
    budget: Num | None = None  # 全年预算数 / 调整后预算数 / 预算数(A)
    actual: Num | None = None  # 全年执行数 / 预算执行数 / 执行数(B)
    rate: Num | None = None  # 执行率 as printed percentage
    weight: Num | None = None  # 分值 / 权重
    score: Num | None = None  # 得分
    reason: Text | None = None  # 原因 / 偏差说明 where the form has one
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Goal:
    """年度总体目标: 年初设定目标 / 预期目标 and 全年完成情况 / 实际完成情况."""

    planned: Text | None = None
    achieved: Text | None = None


@dataclass(frozen=True, slots=True)
class Indicator:
    """A row of the 绩效指标 table (one 三级指标)."""

    name: Text  # 三级指标, without numbering (“指标1：”)
    level1: Text | None = None  # 一级指标, without a “(50分)” suffix
    level2: Text | None = None  # 二级指标
    target: Measure | None = None  # 年度指标值 / 指标值
    actual: Measure | None = None  # 实际完成值 / 全年实际值 / 完成值
    nature: Operator | None = None  # 指标性质 column where printed
    measure_unit: Text | None = None  # 度量单位 column where printed
    weight: Num | None = None  # 分值 / 权重
    score: Num | None = None  # 得分
    deviation: Text | None = None  # 偏差原因分析及改进措施 / 未完成原因分析
    sub_item: bool = False  # a “其中…” breakdown row that carries no weight of its own
    goal_index: int | None = None  # 年度绩效目标1/2 … where the table is split by goal
    location: Location | None = None

    @property
    def operator(self) -> Operator | None:
        """指标性质 where printed, else the operator parsed from the target."""
        if self.nature is not None:
            return self.nature
        return self.target.operator if self.target else None

    @property
    def unit(self) -> str | None:
        """度量单位 where printed, else the unit parsed from the target."""
        if self.measure_unit is not None and self.measure_unit.text:
            return self.measure_unit.text
        return self.target.unit if self.target else None


@dataclass(frozen=True, slots=True)
class Section:
    """A section of the 自评报告 (or of a prose report)."""

    heading: Text
    text: str = ""
    level: int = 1  # 1 for 一、, 2 for （一）, 3 for 1.
    location: Location | None = None


class FigureKey(StrEnum):
    """What a figure stated in the report's sentences means."""

    BUDGET = "budget"  # 部门预算 / 批复预算
    CARRYOVER = "carryover"  # 上年结余 / 上年结转
    FINAL_ACCOUNTS = "final_accounts"  # 决算支出 / 决算总支出
    INCOME = "income"  # 收入
    FISCAL_INCOME = "fiscal_income"  # 财政拨款收入
    EXPENDITURE = "expenditure"  # 支出
    BASIC = "basic"  # 基本支出
    PROJECT = "project"  # 项目支出
    PERSONNEL = "personnel"  # 人员经费 / 人员支出
    PUBLIC = "public"  # 公用经费 / 公用支出
    WAGES = "wages"  # 工资福利支出
    GOODS_SERVICES = "goods_services"  # 商品和服务支出
    SUBSIDIES = "subsidies"  # 对个人和家庭的补助
    CAPITAL = "capital"  # 资本性支出
    OTHER_EXPENDITURE = "other_expenditure"  # 其他支出
    THREE_PUBLIC = "three_public"  # 三公经费
    STAFF_AUTHORIZED = "staff_authorized"  # 编制人数
    STAFF_ACTUAL = "staff_actual"  # 实有人数 / 在职人员
    RETIRED = "retired"  # 离退休人员
    TEMPORARY = "temporary"  # 临聘人员
    ITEM = "item"  # any other labelled amount (委员活动经费 36.3万元)


@dataclass(frozen=True, slots=True)
class Figure:
    """A number stated in a sentence of the report: “决算支出为204.67万元”."""

    label: str  # the words naming it, as printed (决算支出, 委员活动经费)
    value: Num
    key: FigureKey = FigureKey.ITEM
    year: int | None = None  # the year the sentence speaks of, where it says one
    sentence: str = ""
    location: Location | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """The 自评报告: title, sections, and the figures stated in its sentences."""

    title: Text | None = None
    sections: tuple[Section, ...] = ()
    figures: tuple[Figure, ...] = ()

    def section(self, *keywords: str) -> Section | None:
        """The first section whose heading contains every keyword."""
        for s in self.sections:
            if all(k in s.heading.text for k in keywords):
                return s
        return None


@dataclass(frozen=True, slots=True)
class Signature:
    """A signature line: 项目负责人 / 财务负责人 / 填报人 / 单位负责人 …"""

    role: str
    name: Text | None = None


@dataclass(frozen=True, slots=True)
class Evaluation:
    """One self-evaluation: the table, and the report where the document has one."""

    kind: Kind
    source: str = ""  # file name or path it was read from
    layout: str | None = None  # tabbed / pipe / spaced / vertical / other / prose / docx / xlsx …
    year: Num | None = None  # 年度 evaluated
    unit: Text | None = None  # 单位/部门名称, 实施单位
    supervisor: Text | None = None  # 主管部门
    project: Text | None = None  # 项目名称
    duties: Text | None = None  # 部门职责 / 职能职责概述
    staff_authorized: Num | None = None  # 人员编制
    staff_actual: Num | None = None  # 实有人数
    money_unit: str = "万元"
    funds: tuple[FundRow, ...] = ()
    goals: tuple[Goal, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    total_weight: Num | None = None  # 总分 / 合计 row: 分值
    total_score: Num | None = None  # 总分 / 合计 row: 得分
    conclusion: Text | None = None  # 评价结论
    problems: Text | None = None  # 存在问题
    measures: Text | None = None  # 改进措施
    signatures: tuple[Signature, ...] = ()
    fill_date: Text | None = None  # 填报日期 / 报告日期
    extra: tuple[tuple[str, Text], ...] = ()  # other labelled header fields, as printed
    report: Report | None = None
    missing: tuple[str, ...] = ()  # parts of the form not found (truncated documents), in Chinese
    notes: tuple[str, ...] = ()  # what the reader noticed, in Chinese

    def fund(self, line: FundLine, group: FundGroup | None = None) -> FundRow | None:
        """The first fund row of that meaning (and group, when given)."""
        for row in self.funds:
            if row.line == line and (group is None or row.group == group):
                return row
        return None

    @property
    def scored_indicators(self) -> tuple[Indicator, ...]:
        """Indicators that carry weight (not 其中 breakdown rows)."""
        return tuple(i for i in self.indicators if not i.sub_item)


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check found: errors are values, not exceptions."""

    code: str  # stable, e.g. "JX-A001"
    severity: Severity
    message: str  # in Chinese, for the user
    location: Location | None = None
    expected: str | None = None
    found: str | None = None
    basis: str = ""  # the regulation, template note or arithmetic behind it
    details: dict[str, str] = field(default_factory=dict)
