"""Completeness checks (JX-M…): blanks where the form expects values, truncated documents."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.checks.base import REG_10, TEMPLATE_NOTE, Context, check, first_location
from jixiao.checks.wording import section_body
from jixiao.model import Evaluation, Finding, Indicator, Kind, Location, Severity


def _complete_indicators(evaluation: Evaluation) -> tuple[Indicator, ...]:
    """The weighted indicators, without the last one when the document is cut off after it
    (parts are missing and no total row follows the indicators)."""
    inds = evaluation.scored_indicators
    cut_off = (
        evaluation.missing and evaluation.total_weight is None and evaluation.total_score is None
    )
    return inds[:-1] if cut_off and inds else inds


@check(
    "JX-M001",
    Severity.WARNING,
    "指标完成值或得分未填写",
    REG_10 + "：自评须填写每项指标的实际完成值和得分",
)
def blank_results(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Every weighted indicator needs its actual value (完成值) and score (得分); blanks while
    the budget execution is filled in mean the evaluation was not finished. One finding for
    all the blanks, at the first.

    Example: execution 251.89 / 251.89 filled in, every 完成值 and 得分 blank.
    """
    inds = _complete_indicators(evaluation)
    no_actual = [i for i in inds if i.actual is None]
    no_score = [i for i in inds if i.score is None and i.weight is not None]
    if not no_actual and not no_score:
        return
    executed = any(r.actual is not None for r in evaluation.funds)
    parts = []
    if no_actual:
        parts.append(f"{len(no_actual)} 项指标未填写完成值")
    if no_score:
        parts.append(f"{len(no_score)} 项未填写得分")
    first = (no_actual or no_score)[0]
    yield blank_results.finding(
        f"共 {len(inds)} 项指标，"
        + "，".join(parts)
        + ("（预算执行情况已填写）" if executed else ""),
        first.location,
        "完成值与得分",
        "空白",
    )


@check(
    "JX-M002",
    Severity.WARNING,
    "有分值而无得分",
    REG_10 + "：有分值的行（预算执行、总分）须填写得分",
)
def weight_without_score(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """A funds row or the total row that prints a 分值 but no 得分.

    Example: 资金来源 合计 分值 10, 得分 blank; 合计 100, 得分 blank.
    """
    for row in evaluation.funds:
        if row.weight is not None and row.weight.value != 0 and row.score is None:
            yield weight_without_score.finding(
                f"{row.label.text}有分值 {row.weight.text}，但未填写得分",
                first_location(row.weight.location, row.location),
                "得分",
                "空白",
            )
    if evaluation.total_weight is not None and evaluation.total_score is None:
        yield weight_without_score.finding(
            f"总分值 {evaluation.total_weight.text}，但未填写总得分",
            evaluation.total_weight.location,
            "总得分",
            "空白",
        )


@check("JX-M003", Severity.INFO, "文档不完整（截断）", "完整性：自评材料应包含表的全部部分")
def truncated(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Parts of the form the reader did not find because the document ends early; checks
    that need them could not run.

    A form that prints its 总分 row reached its end: a part it lacks (a Sichuan form has no
    满意度指标) was left out by design, not cut off.

    Example: the text ends inside the 满意度指标 rows.
    """
    if evaluation.total_weight is not None or evaluation.total_score is not None:
        return
    if evaluation.missing:
        yield truncated.finding(
            "文档不完整，未找到：" + "、".join(evaluation.missing) + "；相关审核未能进行",
            Location(evaluation.source),
            "完整的自评材料",
            "缺少 " + "、".join(evaluation.missing),
        )


@check("JX-M004", Severity.WARNING, "指标未填写年度指标值", REG_10 + "：每项绩效指标须有年度指标值")
def blank_target(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """A weighted indicator without a target (年度指标值) cannot be evaluated.

    Example: 三级指标 “受益人口数量”, 指标值 blank.
    """
    for ind in _complete_indicators(evaluation):
        if ind.target is None and ind.name.text:  # a row with nothing typed yet is JX-M001's
            yield blank_target.finding(
                f"指标“{ind.name.text}”未填写年度指标值",
                ind.location,
                "年度指标值",
                "空白",
            )


@check("JX-M005", Severity.WARNING, "报告章节为空", TEMPLATE_NOTE + "：自评报告各部分均应填写")
def empty_section(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """A report section whose heading stands alone, with no text and no sub-sections (not at
    the end of a truncated document).

    Example: “三、部门整体支出绩效情况” followed directly by “四、…”.
    """
    report = evaluation.report
    if report is None:
        return
    sections = report.sections
    for i, s in enumerate(sections):
        if i == len(sections) - 1 and (evaluation.missing or _cut_off(s.heading.text)):
            continue
        if not section_body(report, i).strip():
            yield empty_section.finding(
                f"报告“{s.heading.text.strip()}”下没有内容",
                s.location or s.heading.location,
                "内容",
                "空白",
            )


_SAME_PART = {
    "评价年度": {"评价年度", "年度"},
    "单位名称": {"单位名称", "单位", "实施单位"},
    "项目名称": {"项目名称", "项目"},
}


def _cut_off(heading: str) -> bool:
    """A heading whose brackets do not close: the document ends inside it."""
    return heading.count("(") + heading.count("（") > heading.count(")") + heading.count("）")


@check(
    "JX-M006",
    Severity.INFO,
    "表头信息缺失",
    TEMPLATE_NOTE + "：表头应写明年度、单位（项目表还有项目名称）",
)
def header_missing(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """The header should name the year evaluated and the unit (and, for a project table, the
    project); without the year, year checks cannot run.

    Example: no 年度 anywhere in the table or its title.
    """
    missing = []
    if evaluation.year is None:
        missing.append("评价年度")
    if evaluation.unit is None:
        missing.append("单位名称")
    if evaluation.kind == Kind.PROJECT and evaluation.project is None:
        missing.append("项目名称")
    known = set(evaluation.missing)
    missing = [m for m in missing if not known & _SAME_PART.get(m, {m})]
    if missing:
        yield header_missing.finding(
            "未找到" + "、".join(missing),
            Location(evaluation.source),
            "、".join(missing),
            "空白",
        )


@check("JX-M007", Severity.WARNING, "部分指标未填写分值", REG_10 + "：每项绩效指标须有分值")
def blank_weight(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Where the indicator table has a 分值 column (most indicators carry a weight), an
    indicator without one cannot be scored and the weights cannot add up.

    Example: eight indicators with 分值, the ninth blank.
    """
    inds = _complete_indicators(evaluation)
    weighted = [i for i in inds if i.weight is not None]
    if len(weighted) * 2 < len(inds):
        return  # the form has no weight column (010: weights only per goal)
    for ind in inds:
        if ind.weight is None:
            yield blank_weight.finding(
                f"指标“{ind.name.text}”未填写分值", ind.location, "分值", "空白"
            )


@check(
    "JX-M008",
    Severity.WARNING,
    "资金行缺预算数或执行数",
    REG_10 + "：预算执行情况须填写预算数和执行数",
)
def half_filled_fund_row(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """A funds row with an amount spent but no budget (or a budget but no amount spent,
    while other rows show spending): its execution rate cannot be computed.

    Not for a report told in sentences with no table: it tells the parts' budgets or their
    spending as it chooses, and there is no cell left blank.

    Example: 年度资金总额 全年预算数 blank, 全年执行数 89.974.
    """
    if evaluation.layout == "prose":
        return
    if not any(r.budget is not None and r.actual is not None for r in evaluation.funds):
        return  # no row has both columns: not a budget-execution table (a prose report's figures)
    spending = any(r.actual is not None for r in evaluation.funds)
    for row in evaluation.funds:
        if row.actual is not None and row.budget is None and row.actual.value != 0:
            yield half_filled_fund_row.finding(
                f"{row.label.text}有执行数 {row.actual.text}，但未填写全年预算数",
                first_location(row.actual.location, row.location),
                "全年预算数",
                "空白",
            )
        elif row.budget is not None and row.actual is None and spending and row.budget.value != 0:
            yield half_filled_fund_row.finding(
                f"{row.label.text}有全年预算数 {row.budget.text}，但未填写执行数",
                first_location(row.budget.location, row.location),
                "全年执行数",
                "空白",
            )


@check(
    "JX-M009",
    Severity.INFO,
    "签字栏未填写",
    TEMPLATE_NOTE + "：自评表须由项目负责人、财务负责人等签字",
)
def unsigned(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """The form's signature lines (项目负责人, 财务负责人, 填报人 …) are printed but empty.

    Example: 项目负责人： (blank) 财务负责人： (blank).
    """
    blank = [s.role for s in evaluation.signatures if s.name is None or not s.name.text.strip()]
    if blank:
        yield unsigned.finding(
            "签字栏未填写：" + "、".join(blank),
            Location(evaluation.source),
            "签名",
            "空白",
        )


@check(
    "JX-M010",
    Severity.WARNING,
    "全年完成情况未填写",
    REG_10 + "：对照年度总体目标说明全年实际完成情况",
)
def blank_goal_achieved(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """A 年度总体目标 whose 年初设定目标 is written but whose 全年完成情况 (实际完成情况) is
    blank. Template instructions left there are JX-C007's; a copy of the goal JX-C005's.

    Example: 年初设定目标 “保障工资及时足额发放”, 全年完成情况 empty.
    """
    for g in evaluation.goals:
        if g.planned is None or not g.planned.text.strip():
            continue
        if g.achieved is not None and g.achieved.text.strip():
            continue
        yield blank_goal_achieved.finding(
            f"年度总体目标“{g.planned.text.strip()[:30]}”的全年完成情况未填写",
            first_location(g.achieved.location if g.achieved else None, g.planned.location),
            "全年完成情况",
            "空白",
        )
