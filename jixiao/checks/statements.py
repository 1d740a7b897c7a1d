"""What the text states about the table's own results (JX-C…): the execution rate, the
total score and grade, the indicators' actual values — each must agree with the table."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.checks.base import Context, check
from jixiao.checks.fields import Field, all_fields
from jixiao.checks.numbers import fmt, places, quantize, rate_agrees, rate_of, ulp
from jixiao.checks.texts import plain_label
from jixiao.measure import before_pattern, parse_number
from jixiao.model import Evaluation, Finding, Grade, Severity

_NUMBER = r"(\d+(?:\.\d+)?)"
_RATE_STATED = re.compile(
    rf"(?:预算|资金|整体|支出|总体)?执行率(?:为|达到|达|是|约为|:|：)?\s*{_NUMBER}\s*[%％]"
)
_SCORE_STATED = re.compile(
    rf"(?:自评(?:总)?得分|自评总分|总得分|综合得分|评价得分|得分合计|自评分)(?:为|是|达到|达|:|：)?\s*{_NUMBER}\s*分?"
)
_GRADE_STATED = re.compile(
    r"(?:评价|自评|绩效|综合)?(?:等级|等次|结果|结论)(?:为|是|评定为|评为|:|：)\s*[“\"「]?(优秀|优|良好|良|中等|中|差|较差)"
    r"|(?:评定为|评为|定为)\s*[“\"「]?(优秀|优|良好|良|中等|中|差)(?:等级|等次|级)?"
)
_GRADE_WORDS = {
    "优秀": Grade.EXCELLENT,
    "优": Grade.EXCELLENT,
    "良好": Grade.GOOD,
    "良": Grade.GOOD,
    "中等": Grade.FAIR,
    "中": Grade.FAIR,
    "差": Grade.POOR,
    "较差": Grade.POOR,
}


def _texts(evaluation: Evaluation) -> Iterator[Field]:
    for f in all_fields(evaluation):
        if f.kind in ("section", "conclusion", "goal_achieved", "extra"):
            yield f


def _execution_rate(evaluation: Evaluation) -> tuple[Decimal, str] | None:
    """The table's execution rate of the whole (printed, else computed) and how it reads."""
    from jixiao.scoring import execution_row

    row = execution_row(evaluation)
    if row is None:
        return None
    if row.rate is not None:
        return row.rate.value, row.rate.text or f"{fmt(row.rate.value)}%"
    if row.budget is not None and row.actual is not None:
        computed = rate_of(row.actual.value, row.budget.value)
        if computed is not None:
            return computed, f"{fmt(computed, 2)}%"
    return None


@check(
    "JX-C012",
    Severity.ERROR,
    "文中所述执行率与表中不符",
    "一致性：报告、结论所述预算执行率应与自评表一致",
)
def stated_rate(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """A budget execution rate stated in the report or the conclusion (“预算执行率为95.69%”)
    must be the table's rate of the total row (within its printed precision). Rates of a
    named part (项目支出执行率, or a sentence that names a part row before the rate:
    “其他资金全年预算数24.24万元，执行率32.88%”) are not compared.

    Example: report “2021年度预算执行率为96.59%”, table 合计 执行率 95.69%.
    """
    table = _execution_rate(evaluation)
    if table is None:
        return
    value, shown = table
    parts = _part_labels(evaluation)
    for f in _texts(evaluation):
        if "执行率" not in f.text:
            continue
        for m in _RATE_STATED.finditer(f.text):
            before = f.text[max(0, m.start() - 6) : m.start()]
            if re.search(r"项目|基本|人员|公用|其他资金|财政拨款|[一二三]批|上年|去年", before):
                continue
            if _names_a_part(_clause_before(f.text, m.start(1)), parts):
                continue  # “其他资金全年预算数…，执行率32.88%”: that row's rate
            stated = parse_number(m.group(1))
            if stated is None or rate_agrees(stated, value) or rate_agrees(value, stated):
                continue
            if abs(stated - value) <= max(ulp(stated), ulp(value)) / 2:
                continue
            yield stated_rate.finding(
                f"{f.name}称预算执行率 {m.group(1)}%，表中为 {shown}",
                f.location,
                shown,
                f"{m.group(1)}%",
            )


def _part_labels(evaluation: Evaluation) -> tuple[str, ...]:
    """The labels of the fund rows other than the one that carries the execution rate,
    without their “其中：”/“（1）” prefixes (as prose names them)."""
    from jixiao.scoring import execution_row

    main = execution_row(evaluation)
    labels = []
    for row in evaluation.funds:
        if row is main:
            continue
        label = plain_label(row.label.text)
        if len(label) >= 2 and label not in ("合计", "总计", "小计"):
            labels.append(label)
    return tuple(labels)


def _clause_before(text: str, end: int) -> str:
    """The text of the sentence up to ``end`` (from the last 。；; or line break)."""
    start = max(text.rfind(c, 0, end) for c in "。；;\n")
    return text[start + 1 : end]


def _names_a_part(clause: str, labels: tuple[str, ...]) -> bool:
    return any(label in clause for label in labels)


_PART_SCORE = re.compile(r"分值|产出指标|效益指标|满意度指标|成本指标|一级指标|二级指标")


@check(
    "JX-C013",
    Severity.ERROR,
    "文中所述得分或等级与表中不符",
    "一致性：评价结论所述得分、等级应与总分及评分方案的等级划分一致",
)
def stated_score_grade(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """A total score stated in the text (“自评得分95分”) must be the table's 总分 得分, and a
    grade stated (“等级为优”) must be the grade of that score under the profile (优 ≥ 90,
    良 ≥ 80, 中 ≥ 60 by default). A score in a sentence about a part (“产出指标分值55分，
    自评得分55分”) is that part's, not the total.

    Example: 总分 得分 85, conclusion “自评得分85分，评价等级为优”.
    """
    total = evaluation.total_score
    grade = context.profile.grade(total.value) if total is not None else None
    for f in _texts(evaluation):
        if f.kind != "extra" and "分" not in f.text and "等" not in f.text and "评" not in f.text:
            continue
        if total is not None:
            for m in _SCORE_STATED.finditer(f.text):
                stated = parse_number(m.group(1))
                if stated is None or stated > 200:
                    continue
                if _PART_SCORE.search(_clause_before(f.text, m.start())):
                    continue  # “产出指标分值55分，自评得分55分”: a part's score
                n = min(places(stated), places(total.value))
                if quantize(stated, n) == quantize(total.value, n) or abs(
                    stated - total.value
                ) <= Decimal("0.01"):
                    continue
                yield stated_score_grade.finding(
                    f"{f.name}称自评得分 {m.group(1)}，表中总分得分为 {total.text or fmt(total.value)}",
                    f.location,
                    total.text or fmt(total.value),
                    m.group(1),
                )
        if grade is not None:
            words = [m.group(1) or m.group(2) for m in _GRADE_STATED.finditer(f.text)]
            if f.kind == "extra" and re.search(r"等级|等次|评价结果|自评结果", f.name):
                words += [w for w in (f.text.strip().rstrip("级"),) if w in _GRADE_WORDS]
            for word in words:
                if _GRADE_WORDS[word] == grade:
                    continue
                assert total is not None
                yield stated_score_grade.finding(
                    f"{f.name}称评价等级为“{word}”，而总分 {total.text or fmt(total.value)} "
                    f"按评分方案“{context.profile.title}”应为“{grade.value}”",
                    f.location,
                    grade.value,
                    word,
                )


_AMOUNT_AFTER = re.compile(
    r"^[^，,。；;]{0,8}?(?:为|达到|达|共|是|完成)?\s*(\d+(?:\.\d+)?)\s*(%|％|[^\d\s，,。；;、]{1,3})"
)


@check(
    "JX-C014",
    Severity.WARNING,
    "文中所述指标完成值与表中不符",
    "一致性：报告所述指标完成情况应与自评表的实际完成值一致",
)
def stated_actuals(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Where the report names an indicator and states its value (“项目验收合格率90%”), the
    number must be the table's actual value of that indicator, in the same unit. A figure
    after target words (年度指标值≥95%, 目标, 计划 …) is the target, not what was achieved; a
    value is reported once, in the innermost section that states it.

    Example: table 组织业务培训人次 完成值 725人次, report “全年组织业务培训人次752人次”.
    """
    inds = [
        i
        for i in evaluation.indicators
        if i.actual is not None and i.actual.number is not None and len(i.name.text) >= 4
    ]
    if not inds:
        return
    fields = [f for f in all_fields(evaluation) if f.kind in ("section", "conclusion")]
    for ind in inds:
        actual = ind.actual
        assert actual is not None and actual.number is not None
        unit = actual.unit or ind.unit
        # one finding per stated value, in the innermost section that states it (a section's
        # text holds its subsections' sentences too)
        found: dict[str, Field] = {}
        for f in fields:
            start = 0
            while (at := f.text.find(ind.name.text, start)) >= 0:
                start = at + len(ind.name.text)
                m = _AMOUNT_AFTER.match(f.text[start:])
                if not m or _TARGET_WORDS.search(m.string[: m.start(1)]):
                    continue  # (绿化成活率：年度指标值≥95%: the target, not what was achieved)
                stated_unit = "%" if m.group(2) in ("%", "％") else m.group(2)
                if unit is None or not stated_unit.startswith(unit):
                    continue
                stated = parse_number(m.group(1))
                if stated is None or stated == actual.number:
                    continue
                if m.group(1) not in found or len(f.text) < len(found[m.group(1)].text):
                    found[m.group(1)] = f
        for value, f in found.items():
            yield stated_actuals.finding(
                f"{f.name}称{ind.name.text} {value}{unit}，表中完成值为 {actual.text}",
                f.location,
                actual.text,
                f"{value}{unit}",
            )


# words of an indicator's target between its name and a figure: the figure is the target; a
# comparison of jixiao.measure's table that only a target states (strict: 不低于, 大于等于; and
# 控制在, a sign but =) — not 超过 or 达到, which also tell what was achieved (受益人数超过500人)
_TARGET_WORDS = re.compile(
    r"指标值|目标|计划|预期|预计|标准|控制在|"
    + before_pattern(printed=True, strict=True, exclude=("=",))
)


_WHOLE = r"(?:本项目|项目资金|项目总|共|总|合计|全年|全部)"
_GOAL_SPENT = re.compile(
    rf"{_WHOLE}[^，,。；;]{{0,8}}?(?:完成|支出|使用|执行|拨付)[^，,。；;\d]{{0,10}}?(\d+(?:\.\d+)?)\s*(万元|元|亿元)"
)
_GOAL_BUDGET = re.compile(
    rf"{_WHOLE}[^，,。；;]{{0,8}}?(?:申请|安排|下达|批复|预算)[^，,。；;\d]{{0,10}}?(\d+(?:\.\d+)?)\s*(万元|元|亿元)"
)


@check(
    "JX-C015",
    Severity.WARNING,
    "年度目标所述总金额与资金表不符",
    "一致性：年度总体目标所述项目资金应与资金表一致",
)
def goal_amounts(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Where the overall goal states the project's whole money — “本项目共申请预算资金90万元”
    in the planned goal, “共完成预算资金89.97万元” in the achievement — it must be the funds
    table's budget (年初 or 全年) and amount spent of the total row.

    Example: table 全年执行数 89.974, achievement “本项目共完成预算资金79.97万元”.
    """
    from jixiao.scoring import execution_row
    from jixiao.scoring.units import convert

    row = execution_row(evaluation)
    if row is None:
        return
    budgets = [n for n in (row.initial_budget, row.budget) if n is not None and n.value]
    spent = [n for n in (row.actual,) if n is not None and n.value]
    if not (budgets or spent):  # a total row of zeros (JX-B004): compare with its parts' sum
        return
    for g in evaluation.goals:
        for text, pattern, table, what in (
            (g.planned, _GOAL_BUDGET, budgets, "预算"),
            (g.achieved, _GOAL_SPENT, spent, "执行数"),
        ):
            if text is None or not table:
                continue
            m = pattern.search(text.text)
            if not m:
                continue
            stated = parse_number(m.group(1))
            if stated is None:
                continue
            value = (
                convert(stated, m.group(2), evaluation.money_unit)
                if m.group(2) != evaluation.money_unit
                else stated
            )
            if value is None:
                continue
            n = places(stated)
            if any(
                abs(value - t.value) <= Decimal("0.01") or quantize(t.value, n) == value
                for t in table
            ):
                continue
            yield goal_amounts.finding(
                f"年度总体目标称“{m.group(0)}”，资金表{what}为 "
                + "、".join(t.text or fmt(t.value) for t in table),
                text.location,
                table[-1].text or fmt(table[-1].value),
                f"{m.group(1)}{m.group(2)}",
            )
