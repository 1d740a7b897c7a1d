"""Budget execution checks (JX-B…): rates out of range, unexplained changes, empty totals."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.checks.base import REG_10, TEMPLATE_NOTE, Context, check, first_location
from jixiao.checks.fields import all_fields
from jixiao.checks.funds import blocks
from jixiao.checks.numbers import HUNDRED, fmt, pct, rate_of, score_agrees
from jixiao.checks.texts import is_template_instruction, plain_label, says_nothing
from jixiao.model import Evaluation, Finding, FundLine, FundRow, Severity


def _rate(row: FundRow) -> Decimal | None:
    """The printed rate, else the computed one."""
    if row.rate is not None:
        return row.rate.value
    if row.budget is not None and row.actual is not None:
        return rate_of(row.actual.value, row.budget.value)
    return None


def _shown_rate(row: FundRow, rate: Decimal) -> str:
    return row.rate.text if row.rate is not None and row.rate.text else pct(rate)


def _has_reason(row: FundRow) -> bool:
    return (
        row.reason is not None
        and not says_nothing(row.reason.text)
        and not is_template_instruction(row.reason.text)
    )


_REASON = re.compile(r"原因|由于|因为|主要是|系因|因(?!此)")
# Words that speak of money left unspent (a low rate) or of a budget changed in the year.
_UNDERSPENT = re.compile(
    r"执行率(?:偏低|较低|低于|未达|不足|不高)|执行进度(?:偏慢|较慢|滞后|缓慢)|支出进度(?:偏慢|较慢|滞后)|"
    r"结余|结转|未支付|未拨付|未支出|尚未支付|尚未拨付|未使用|资金沉淀|未完工|未验收|推迟|延期"
)
_ADJUSTED = re.compile(
    r"追加|追减|调增|调减|调整预算|预算调整|调整后|年中调整|增加预算|核减|补助资金下达"
)
_SENTENCE = re.compile(r"[^。；;！!？?\n]+")


def _explained_elsewhere(
    evaluation: Evaluation, topic: re.Pattern[str], about: str | None = None
) -> bool:
    """Whether some sentence of the text speaks of ``topic`` (and of ``about``, a row's
    name, where given) and gives a reason."""
    for f in all_fields(evaluation):
        if f.kind not in (
            "deviation",
            "conclusion",
            "problems",
            "section",
            "reason",
            "goal_achieved",
        ):
            continue
        if is_template_instruction(f.text):
            continue
        for sentence in _SENTENCE.findall(f.text):
            if about is not None and about not in sentence:
                continue
            if topic.search(sentence) and (_REASON.search(sentence) or topic is _ADJUSTED):
                return True
    return False


@check(
    "JX-B001",
    Severity.WARNING,
    "执行率超过 100%",
    TEMPLATE_NOTE + "：执行率 = 执行数 ÷ 调整后预算数；超过 100% 说明预算数多半不是调整后预算",
)
def execution_above_hundred(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Spending more than the adjusted budget is not possible: a rate above 100 % usually means
    the budget column holds the initial, not the adjusted budget. One finding per block, at
    its first row above 100 %, naming the others.

    Example: 合计 198.8 / 212.64 = 106.87 %.
    """
    for block in blocks(evaluation):
        over = [(r, rate) for r in block.rows if (rate := _rate(r)) is not None and rate > HUNDRED]
        if not over:
            continue
        row, rate = over[0]
        others = "、".join(f"{r.label.text} {_shown_rate(r, x)}" for r, x in over[1:])
        yield execution_above_hundred.finding(
            f"{row.label.text}执行率 {_shown_rate(row, rate)} 超过 100%"
            + (f"（同一表内还有 {others}）" if others else "")
            + "：全年预算数应为调整后预算数，执行数不应超过预算",
            first_location(row.rate.location if row.rate else None, row.location),
            "≤100%",
            _shown_rate(row, rate),
        )


@check(
    "JX-B002",
    Severity.WARNING,
    "执行率低于 90% 未说明原因",
    TEMPLATE_NOTE + "：预算执行率未达到 90% 的需说明原因",
)
def execution_low_unexplained(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """A total row — or a first-level part of one (财政拨款, 其他资金, 基本支出 …) — executed
    below the profile's threshold (90 %) needs a reason, in its own 原因 cell or in the text
    (偏差分析, 存在问题, report; for a part, a sentence that names it). A total above the
    threshold does not excuse a part far below it.

    Example: 年度资金总额 100 / 75, 执行率 75%, 原因 blank; 其他资金 24.24 / 7.97 (32.88%)
    under a total executed at 106.87%.
    """
    threshold = context.profile.execution_reason_below
    explained: bool | None = None
    for row in evaluation.funds:
        total = row.line == FundLine.TOTAL
        if not total and row.depth != 1:
            continue
        rate = _rate(row)
        if rate is None or rate >= threshold or _has_reason(row):
            continue
        if row.budget is None or row.budget.value == 0:
            continue
        if total:
            if explained is None:
                explained = _explained_elsewhere(evaluation, _UNDERSPENT)
            if explained:
                continue
        elif _explained_elsewhere(evaluation, _UNDERSPENT, about=plain_label(row.label.text)):
            continue
        yield execution_low_unexplained.finding(
            f"{row.label.text}执行率 {_shown_rate(row, rate)} 低于 {fmt(threshold)}%，未说明原因",
            first_location(row.rate.location if row.rate else None, row.location),
            f"≥{fmt(threshold)}% 或说明原因",
            _shown_rate(row, rate),
        )


@check(
    "JX-B003",
    Severity.WARNING,
    "年初预算与全年预算不同，未说明调整原因",
    TEMPLATE_NOTE + "：年中发生预算调整（追加或调减）的，应单独说明理由",
)
def budget_changed_unexplained(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Where 年初预算数 and 全年预算数 (调整后预算数) differ, the adjustment must be explained.
    Reported once, at the first row that changed (the total where it changed).

    Example: 年初预算 238.93, 调整后预算数 251.89 (+12.96), 原因 holds only the template text.
    """
    for row in evaluation.funds:
        ib, b = row.initial_budget, row.budget
        if ib is None or b is None or ib.value == b.value or _has_reason(row):
            continue
        if _explained_elsewhere(evaluation, _ADJUSTED):
            return
        change = b.value - ib.value
        sign = "+" if change > 0 else ""
        yield budget_changed_unexplained.finding(
            f"{row.label.text}年初预算数 {ib.text} 调整为全年预算数 {b.text}（{sign}{fmt(change)}），未说明调整原因",
            first_location(b.location, row.location),
            f"{ib.text} 或说明调整原因",
            b.text,
        )
        return


@check("JX-B004", Severity.ERROR, "合计行为零而分项有金额", "算术：合计不小于其任一分项")
def zero_total_with_parts(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """A total row printed as 0 (or blank) in every money column while a part row carries
    money: the total was not filled in.

    Example: 年度资金总额 0 / 0 / 0 while 其中：本年财政拨款 90 / 89.974 / 89.974.
    """
    for block in blocks(evaluation):
        total = block.total
        if total is None:
            continue
        cells = (total.initial_budget, total.budget, total.actual)
        if any(c is not None and c.value != 0 for c in cells) or all(c is None for c in cells):
            continue
        parts = [
            r
            for r in block.rows
            if r is not total and any(c is not None and c.value != 0 for c in (r.budget, r.actual))
        ]
        if not parts:
            continue
        p = parts[0]
        shown = " / ".join(c.text for c in (p.initial_budget, p.budget, p.actual) if c is not None)
        yield zero_total_with_parts.finding(
            f"{total.label.text}为 0，而分项“{p.label.text}”为 {shown}：合计行未填写",
            first_location(total.budget.location if total.budget else None, total.location),
            " / ".join(c.text for c in (p.initial_budget, p.budget, p.actual) if c is not None),
            " / ".join(c.text for c in cells if c is not None),
        )


@check(
    "JX-B005",
    Severity.WARNING,
    "预算执行得分与执行率不符",
    REG_10 + "：预算执行得分 = 分值 × 执行率（超过 100% 按满分）",
)
def execution_score_wrong(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """The printed execution score must equal weight × execution rate, as the profile
    computes it (scoring.execution_score).

    Example: 分值 10, 执行率 85%, 得分 10 — expected 8.5.
    """
    from jixiao.scoring import execution_row, execution_score

    row = execution_row(evaluation)
    if row is None or row.score is None:
        return  # no printed execution score to compare
    line = execution_score(
        row.weight.value if row.weight else None,
        row.budget.value if row.budget else None,
        row.actual.value if row.actual else None,
        context.profile,
        printed=row.score.value,
    )
    if line.computed is None or score_agrees(
        row.score.value, line.computed, context.profile.tolerance
    ):
        return
    if any(True for _ in zero_total_with_parts(evaluation, context)):
        return  # the total row was not filled in: JX-B004 says so
    yield execution_score_wrong.finding(
        f"预算执行得分印为 {row.score.text}，按 {line.rule} 应为 {fmt(line.computed)}",
        first_location(row.score.location, row.location),
        fmt(line.computed),
        row.score.text,
    )
