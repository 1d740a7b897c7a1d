"""Arithmetic checks (JX-A…): totals against parts, rates, scores and weights."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.checks.base import ARITHMETIC, RATE_FORMULA, Context, check, first_location
from jixiao.checks.funds import BASIC_PARTS, Block, SumCase, blocks, sum_cases, weighted_total_rows
from jixiao.checks.numbers import fmt, pct, places, rate_agrees, rate_of, sum_agrees, sum_tolerance
from jixiao.model import Evaluation, Finding, FundLine, Severity


def _sum_findings(
    block: Block, which: str, case_check, evaluation: Evaluation
) -> Iterator[Finding]:
    total = block.total
    if total is None:
        return
    parts = block.parts
    for case in sum_cases(total, parts):
        if _all_zero_total(case):
            continue  # a total row of zeros is JX-B004
        if sum_agrees(case.total.value, (n.value for _, n in case.parts)):
            continue
        yield _sum_finding(case_check, f"{which}合计", case)


def _all_zero_total(case: SumCase) -> bool:
    row = case.total_row
    return all(n is None or n.value == 0 for n in (row.initial_budget, row.budget, row.actual))


def _sum_finding(case_check, label: str, case: SumCase) -> Finding:
    expected = case.expected
    n = max(places(p.value) for _, p in case.parts)
    total = case.total.text or fmt(case.total.value)
    terms = " + ".join(f"{r.label.text} {p.text or fmt(p.value)}" for r, p in case.parts)
    if len(case.parts) == 1:  # “a + … = a” says nothing: name the gap instead
        gap = fmt(case.total.value - expected)
        message = (
            f"{label}{case.column_name} {total} 与所列的唯一分项 {terms} 不符，相差 {gap}："
            "其余分项未列出，或合计有误"
        )
    else:
        message = f"{label}{case.column_name} {total} 与分项之和不符：{terms} = {fmt(expected, n)}"
    hint = _rate_hint(case, expected)
    if hint:
        message += f"；{hint}"
    return case_check.finding(
        message,
        first_location(case.total.location, case.total_row.location),
        fmt(expected, n),
        total,
        column=case.column_name,
    )


def _rate_hint(case: SumCase, corrected_budget: Decimal) -> str:
    """When the printed rate fits the sum of the parts, say so: the total is the typo."""
    row = case.total_row
    if case.column != "budget" or row.rate is None or row.actual is None:
        return ""
    on_sum = rate_of(row.actual.value, corrected_budget)
    on_printed = rate_of(row.actual.value, row.budget.value) if row.budget else None
    if (
        on_sum is not None
        and rate_agrees(row.rate.value, on_sum)
        and not (on_printed is not None and rate_agrees(row.rate.value, on_printed))
    ):
        return (
            f"印出的执行率 {row.rate.text} 与 {fmt(row.actual.value)} ÷ {fmt(corrected_budget)} 相符，"
            f"合计数应为 {fmt(corrected_budget)}"
        )
    return ""


@check(
    "JX-A001",
    Severity.ERROR,
    "资金来源合计与各来源之和不符",
    ARITHMETIC + "：合计 = 财政拨款 + 上年结转 + 其他资金 …",
)
def source_total(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """The total of the sources block (合计 / 年度资金总额) must equal the sum of its sources
    (财政拨款, 上年结转资金, 财政专户管理资金, 单位资金, 其他资金), column by column.

    Example: 合计 198.8 while 财政拨款 174.74 + 其他资金 24.24 = 198.98.
    """
    for block in blocks(evaluation):
        if not block.is_structure:
            yield from _sum_findings(
                block, "资金来源" if block.group else "资金", source_total, evaluation
            )


@check(
    "JX-A002",
    Severity.ERROR,
    "资金结构合计与基本支出、项目支出之和不符",
    ARITHMETIC + "：合计 = 基本支出 + 项目支出",
)
def structure_total(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """The total of the structure block must equal 基本支出 + 项目支出.

    Example: 合计 174.74 while 基本支出 131.32 + 项目支出 43.52 = 174.84.
    """
    for block in blocks(evaluation):
        if block.is_structure:
            yield from _sum_findings(block, "资金结构", structure_total, evaluation)


@check(
    "JX-A003",
    Severity.ERROR,
    "基本支出与人员支出、公用支出之和不符",
    ARITHMETIC + "：基本支出 = 人员支出 + 公用支出",
)
def basic_total(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """基本支出 must equal 人员支出 + 公用支出 where both sub-rows are printed.

    Example: 基本支出 131.32 while 人员支出 118.47 + 公用支出 12.58 = 131.05.
    """
    basic = evaluation.fund(FundLine.BASIC)
    if basic is None:
        return
    parts = tuple(r for r in evaluation.funds if r.line in BASIC_PARTS and r.group == basic.group)
    if len(parts) < 2:
        return
    for case in sum_cases(basic, parts):
        if not sum_agrees(case.total.value, (n.value for _, n in case.parts)):
            yield _sum_finding(basic_total, "基本支出", case)


@check("JX-A004", Severity.ERROR, "执行率与执行数 ÷ 预算数不符", RATE_FORMULA)
def execution_rate(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Every printed 执行率 must equal 全年执行数 ÷ 全年预算数 at its printed precision
    (±0.01 percentage points; rounding or truncation accepted). A rate that instead fits a
    total corrected to the sum of its parts is left to JX-A001, which says so.

    Example: 项目支出 43.42 / 65.3 printed 105.39% while 65.3 ÷ 43.42 = 150.39%.
    """
    corrected = _corrected_budgets(evaluation)
    for row in evaluation.funds:
        if row.rate is None or row.budget is None or row.actual is None:
            continue
        computed = rate_of(row.actual.value, row.budget.value)
        if computed is None or rate_agrees(row.rate.value, computed):
            continue
        alt = corrected.get(id(row))
        if (
            alt is not None
            and (c := rate_of(row.actual.value, alt)) is not None
            and rate_agrees(row.rate.value, c)
        ):
            continue
        n = max(places(row.rate.value), 2)
        yield execution_rate.finding(
            f"{row.label.text}执行率印为 {row.rate.text}，按 {fmt(row.actual.value)} ÷ {fmt(row.budget.value)} 应为 {pct(computed, n)}",
            first_location(row.rate.location, row.location),
            pct(computed, n),
            row.rate.text or pct(row.rate.value, places(row.rate.value)),
        )


def _corrected_budgets(evaluation: Evaluation) -> dict[int, Decimal]:
    """Total rows whose budget disagrees with the sum of their parts → that sum."""
    result: dict[int, Decimal] = {}
    for block in blocks(evaluation):
        total = block.total
        if total is None:
            continue
        for case in sum_cases(total, block.parts):
            if case.column == "budget" and not sum_agrees(
                case.total.value, (n.value for _, n in case.parts)
            ):
                result[id(total)] = case.expected
    return result


@check(
    "JX-A005",
    Severity.ERROR,
    "得分超过分值",
    "评分规则：每项得分不超过该项分值（财预〔2020〕10号）",
)
def score_above_weight(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """No score may exceed its weight: each indicator, the funds row, and the total.

    Example: 指标 分值 5, 得分 6.
    """
    for ind in evaluation.indicators:
        if ind.score is not None and ind.weight is not None and ind.score.value > ind.weight.value:
            yield score_above_weight.finding(
                f"指标“{ind.name.text}”得分 {ind.score.text} 超过分值 {ind.weight.text}",
                first_location(ind.score.location, ind.location),
                f"≤{ind.weight.text}",
                ind.score.text,
            )
    for row in evaluation.funds:
        if row.score is not None and row.weight is not None and row.score.value > row.weight.value:
            yield score_above_weight.finding(
                f"{row.label.text}得分 {row.score.text} 超过分值 {row.weight.text}",
                first_location(row.score.location, row.location),
                f"≤{row.weight.text}",
                row.score.text,
            )
    tw, ts = evaluation.total_weight, evaluation.total_score
    if tw is not None and ts is not None and ts.value > tw.value:
        yield score_above_weight.finding(
            f"总得分 {ts.text} 超过总分值 {tw.text}", ts.location, f"≤{tw.text}", ts.text
        )


_PROSE = "prose"  # the layout of a document with no table: everything read from sentences


@check(
    "JX-A006",
    Severity.ERROR,
    "各项得分之和与总得分不符",
    ARITHMETIC + "：总得分 = 预算执行得分 + Σ 指标得分",
)
def score_sum(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """The printed total score must equal the funds score plus the sum of the indicator
    scores (rows marked 其中 are not counted). Where weighted indicators have no score and
    their weights could fill the gap, it is left to JX-M001. Not for a report told in
    sentences with no table: it names the indicators it chooses to, not all.

    Example: 得分 10 + 18 + 19.6 = 47.6 while 总分 得分 48.
    """
    total = evaluation.total_score
    if total is None or evaluation.layout == _PROSE:
        return  # (a report told in sentences names the indicators it chooses to, not all)
    scores = [i.score.value for i in evaluation.scored_indicators if i.score is not None]
    funds = [r.score.value for r in _scored_fund_rows(evaluation)]
    if not scores and not funds:
        return
    computed = sum(scores, Decimal(0)) + sum(funds, Decimal(0))
    blanks = [
        i.weight.value
        for i in evaluation.scored_indicators
        if i.score is None and i.weight is not None
    ]
    if blanks and computed <= total.value <= computed + sum(blanks, Decimal(0)):
        return  # blank scores (at most their weights) may explain the gap: JX-M001 reports them
    parts = [*scores, *funds]
    tolerance = max(sum_tolerance(total.value, parts), context.profile.tolerance)
    if abs(computed - total.value) <= tolerance:
        return
    n = max(places(p) for p in parts)
    yield score_sum.finding(
        f"总得分印为 {total.text}，预算执行得分 {fmt(sum(funds, Decimal(0)))} 加 {len(scores)} 项指标得分 "
        f"{fmt(sum(scores, Decimal(0)))} 合计 {fmt(computed, n)}",
        total.location,
        fmt(computed, n),
        total.text,
    )


def _scored_fund_rows(evaluation: Evaluation):
    rows = weighted_total_rows(evaluation)
    if rows:
        return tuple(r for r in rows if r.score is not None)
    return tuple(r for r in evaluation.funds if r.line == FundLine.TOTAL and r.score is not None)[
        :1
    ]


@check(
    "JX-A007",
    Severity.ERROR,
    "分值合计与总分不符",
    "评分规则：预算执行率分值 + 绩效指标分值 = 总分 100（财预〔2020〕10号：10 + 90）",
)
def weight_sum(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """The weights must add up: the funds row's 分值 plus the indicators' 分值 equal the
    printed 总分 分值, and that equals the profile's total (100). Where the indicators alone
    already add up to the total, the funds row's points are counted twice. Not for a report
    told in sentences with no table (it names the indicators it chooses to, not all).

    Example: indicator weights add to 100, plus 10 on the funds row = 110, while 总分 says 100.
    """
    profile = context.profile
    weights = [i.weight.value for i in evaluation.scored_indicators if i.weight is not None]
    fund_rows = weighted_total_rows(evaluation)
    fund_weight = sum((r.weight.value for r in fund_rows if r.weight is not None), Decimal(0))
    printed = evaluation.total_weight
    expected_total = printed.value if printed is not None else profile.total_weight
    if printed is not None and printed.value != profile.total_weight:
        yield weight_sum.finding(
            f"总分值印为 {printed.text}，评分方案“{profile.title}”的总分为 {fmt(profile.total_weight)}",
            printed.location,
            fmt(profile.total_weight),
            printed.text,
            severity=Severity.WARNING,
        )
    if not weights or (printed is None and evaluation.missing):
        return  # a truncated table: the weights after the cut are unknown
    if evaluation.layout == _PROSE:
        return  # a report told in sentences names the indicators it chooses to, not all
    ind_sum = sum(weights, Decimal(0))
    computed = ind_sum + fund_weight
    if computed == expected_total:
        return
    if not fund_weight and ind_sum + profile.funds_weight == expected_total:
        return  # the funds row's weight is printed only in its heading (预算执行情况(10分))
    location = printed.location if printed is not None else evaluation.scored_indicators[0].location
    if fund_weight and ind_sum == expected_total:
        message = (
            f"绩效指标分值之和已为 {fmt(ind_sum)}，再加预算执行分值 {fmt(fund_weight)} 共 {fmt(computed)}，"
            f"而总分为 {fmt(expected_total)}：指标分值应合计 {fmt(expected_total - fund_weight)}"
        )
    else:
        message = (
            f"分值合计 {fmt(computed)}（预算执行 {fmt(fund_weight)} + 绩效指标 {fmt(ind_sum)}）"
            f"与总分 {fmt(expected_total)} 不符"
        )
    yield weight_sum.finding(message, location, fmt(expected_total), fmt(computed))


@check(
    "JX-A008",
    Severity.WARNING,
    "“其中”行重复填写分值、得分",
    "评分规则：预算执行只计一次分值（总额行）",
)
def sub_row_weight(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """A part row (其中：本年财政拨款 …) that repeats the 分值/得分 of the total row would
    count the execution points twice when summed.

    Example: 年度资金总额 分值 10 得分 10, 其中：本年财政拨款 分值 10 得分 10.
    """
    total_rows = [r for r in evaluation.funds if r.line == FundLine.TOTAL and r.weight is not None]
    if not total_rows:
        return
    for row in evaluation.funds:
        if (
            row.line != FundLine.TOTAL
            and row.depth > 0
            and row.weight is not None
            and row.weight.value != 0
        ):
            yield sub_row_weight.finding(
                f"分项行“{row.label.text}”也填了分值 {row.weight.text}"
                + (f"、得分 {row.score.text}" if row.score else "")
                + "，与合计行重复，汇总时会重复计分",
                first_location(row.weight.location, row.location),
                "－",
                row.weight.text,
            )


@check(
    "JX-A009",
    Severity.WARNING,
    "资金结构合计与资金来源合计口径不同",
    ARITHMETIC + "：资金结构合计 = 资金来源合计",
)
def structure_scope(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """The structure block should total the same money as the sources block. Where it
    totals exactly the 财政拨款 row instead, that is a scope difference (the structure block
    covers appropriations only): reported as information, not as an error.

    Example: 来源合计 198.8, 结构合计 174.74 = 财政拨款 174.74 → info.
    """
    bs = blocks(evaluation)
    source = next((b for b in bs if not b.is_structure and b.total is not None), None)
    structure = next((b for b in bs if b.is_structure and b.total is not None), None)
    if source is None or structure is None:
        return
    st, ss = source.total, structure.total
    assert st is not None and ss is not None
    fiscal = source.row(FundLine.FISCAL)
    scope: list[str] = []
    for column, name in (("budget", "全年预算数"), ("actual", "全年执行数")):
        a, b = getattr(st, column), getattr(ss, column)
        if a is None or b is None or a.value == b.value:
            continue
        f = getattr(fiscal, column) if fiscal is not None else None
        if f is not None and f.value == b.value:
            scope.append(f"{name} {b.text}")
            continue
        yield structure_scope.finding(
            f"资金结构合计{name} {b.text} 与资金来源合计 {a.text} 不符",
            first_location(b.location, ss.location),
            a.text,
            b.text,
        )
    if scope:
        yield structure_scope.finding(
            f"资金结构合计（{'、'.join(scope)}）与财政拨款相同，不含其他资金：口径差异（仅财政拨款），非计算错误",
            ss.location,
            "、".join(
                f"{getattr(st, c).text}" for c in ("budget", "actual") if getattr(st, c) is not None
            ),
            "、".join(
                f"{getattr(ss, c).text}" for c in ("budget", "actual") if getattr(ss, c) is not None
            ),
            severity=Severity.INFO,
        )


@check(
    "JX-A012", Severity.ERROR, "“其中”各项之和与上级指标值不符", ARITHMETIC + "（指标的“其中”分项）"
)
def sub_items_total(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Where an indicator is broken down into 其中 rows in the same unit, the rows must add
    up to the indicator's value: more than the whole is an error, less a warning (the list
    may be partial, but usually is not).

    Example: 种植面积 29.5亩, 其中 1.5亩 + 5亩 + 21亩 + 3亩 = 30.5亩.
    """
    from jixiao.checks.indicators import sub_item_groups

    for parent, subs in sub_item_groups(evaluation):
        for column, what in (("target", "指标值"), ("actual", "完成值")):
            top = getattr(parent, column)
            parts = [getattr(s, column) for s in subs]
            if top is None or top.number is None or len(parts) < 2:
                continue
            if any(
                p is None or p.number is None or (p.unit or top.unit) != top.unit for p in parts
            ):
                continue
            values = [p.number for p in parts]
            if sum_agrees(top.number, values):
                continue
            total = sum(values, Decimal(0))
            n = max(places(v) for v in values)
            yield sub_items_total.finding(
                f"指标“{parent.name.text}”{what} {top.text}，其中各项 "
                + " + ".join(p.text for p in parts)
                + f" = {fmt(total, n)}{top.unit or ''}",
                first_location(top.location, parent.location),
                fmt(total, n),
                fmt(top.number),
                severity=None if total > top.number else Severity.WARNING,
            )


@check(
    "JX-A013", Severity.ERROR, "金额、分值或得分为负数", "算术：预算数、执行数、分值、得分不能为负"
)
def negative_values(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Budgets, amounts spent, weights and scores cannot be negative (a minus sign typed in,
    or a formula subtracting the wrong way).

    Example: 其他资金 全年执行数 −7.97.
    """
    cells = [
        (f"{row.label.text}{name}", getattr(row, column))
        for row in evaluation.funds
        for column, name in (
            ("initial_budget", "年初预算数"),
            ("budget", "全年预算数"),
            ("actual", "全年执行数"),
            ("weight", "分值"),
            ("score", "得分"),
        )
    ]
    cells += [
        (f"指标“{ind.name.text}”{name}", getattr(ind, column))
        for ind in evaluation.indicators
        for column, name in (("weight", "分值"), ("score", "得分"))
    ]
    cells += [("总分分值", evaluation.total_weight), ("总得分", evaluation.total_score)]
    for label, num in cells:
        if num is not None and num.value < 0:
            yield negative_values.finding(
                f"{label}为负数 {num.text or fmt(num.value)}",
                num.location,
                "≥0",
                num.text or fmt(num.value),
            )
