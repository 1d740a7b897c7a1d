"""Cross-stage checks (JX-L…): the self-evaluation against the approved targets and the
mid-year monitoring. Each finding stands at the later document's cell and names the earlier
document's cell in its message, so that both places can be opened side by side.

“对照年初预算设定的绩效目标及指标值，对应填报年度实际完成值” (财政部 自评通知); approved
targets change only by an approved revision with a reason (88号 第二十八条).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal

from jixiao.checks.compare import annual_pair, met
from jixiao.checks.numbers import fmt, pct
from jixiao.lifecycle.base import (
    REG_10,
    REG_88,
    REG_136,
    StageContext,
    Stages,
    lifecycle_check,
    shown,
    to_wan,
    where,
)
from jixiao.lifecycle.model import Likelihood, TargetIndicator
from jixiao.model import Finding, FundLine, Indicator, Location, Num, Operator, Severity
from jixiao.scoring.units import per_year

HUNDRED = Decimal(100)
SELF_EVAL_NOTICE = "财政部自评通知：对照年初设定的绩效目标及指标值填报实际完成值"


def _eval_location(stages: Stages) -> Location:
    e = stages.evaluation
    assert e is not None
    for ind in e.indicators:
        if ind.location is not None:
            return ind.location
    return Location(e.source)


def _target_where(t: TargetIndicator, stages: Stages) -> str:
    return f"目标表 {where(t.location, stages.targets.source if stages.targets else '')}"


def _revised(stages: Stages) -> bool:
    return stages.targets is not None and stages.targets.revision is not None


def _with_target(ind: Indicator, t: TargetIndicator) -> Indicator:
    """The self-evaluation's row judged against the approved 指标值."""
    return dataclasses.replace(ind, target=t.target, nature=t.nature, measure_unit=t.measure_unit)


@lifecycle_check(
    "JX-L001",
    Severity.ERROR,
    "批复的指标在自评表中缺失",
    SELF_EVAL_NOTICE,
    "cross",
    "自评表应逐项列出批复的绩效目标表中的全部指标；缺少的指标可能是未完成而被删去。"
    "如名称改写导致未能对应，可在匹配表中人工指定。",
)
def approved_missing(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """Every indicator approved with the budget appears in the self-evaluation (matched by
    :mod:`jixiao.lifecycle.matching`; a user may correct a match).

    Example: 目标表 has 培训人数 ≥ 200人; the 自评表 has no such row.
    """
    for m in stages.target_vs_evaluation():
        if m.earlier is not None and m.later is None:
            t = m.earlier
            yield approved_missing.finding(
                f"{_target_where(t, stages)} 批复的指标“{t.name.text}”（{shown(t)}）在自评表中没有",
                _eval_location(stages),
                t.name.text,
                "无",
                target=where(t.location),
            )


@lifecycle_check(
    "JX-L002",
    Severity.WARNING,
    "自评表新增了未批复的指标",
    SELF_EVAL_NOTICE,
    "cross",
    "自评表中的指标应来自批复的绩效目标表；目标表中没有的指标是事后添加的，应说明依据（如经批准的目标调整）。",
)
def indicator_added(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """An indicator of the self-evaluation that no approved target matches was added
    afterwards.

    Example: 自评表 row 宣传活动次数, not in the 目标表.
    """
    if stages.targets is None:
        return
    for m in stages.target_vs_evaluation():
        if m.earlier is None and m.later is not None:
            ind = m.later
            yield indicator_added.finding(
                f"指标“{ind.name.text}”不在目标表 {stages.targets.source} 批复的指标中",
                ind.location,
                "批复的指标",
                ind.name.text,
                severity=Severity.INFO if _revised(stages) else None,
            )


def _changes(t: TargetIndicator, ind: Indicator) -> tuple[list[str], list[str]]:
    """(made easier, other changes) between the approved row and the self-evaluation's row."""
    easier: list[str] = []
    other: list[str] = []
    tm, em = t.target, ind.target
    t_op, e_op = t.operator, ind.operator
    slogan = tm is not None and em is not None and tm.number is not None and em.number is None
    if t_op is not None and e_op is not None and t_op != e_op and not slogan:
        other.append(f"指标性质 {t_op.value} → {e_op.value}")
    t_unit, e_unit = t.unit, ind.unit
    if t_unit and e_unit and t_unit != e_unit:
        easier.append(f"度量单位 {t_unit} → {e_unit}")
    elif slogan:  # a measurable approved value replaced by words that cannot be verified
        easier.append(f"指标值 {shown(t)} → {em.text if em else ''}")
    elif tm is not None and em is not None and tm.number is not None and em.number is not None:
        # 每月 1次 and 全年 12次 are one target
        a = tm.number * (per_year(tm.period or "全年") or 1)
        b = em.number * (per_year(em.period or "全年") or 1)
        op = t_op or Operator.EQ
        if a != b:
            lowered = (op in (Operator.GE, Operator.GT, Operator.EQ) and b < a) or (
                op in (Operator.LE, Operator.LT) and b > a
            )
            text = f"指标值 {shown(t)} → {em.text}"
            (easier if lowered else other).append(text)
    elif (
        tm is not None
        and em is not None
        and tm.number is None
        and em.number is None
        and tm.text.replace(" ", "") != em.text.replace(" ", "")
    ):
        other.append(f"指标值 {tm.text} → {em.text}")
    if t.weight is not None and ind.weight is not None and t.weight.value != ind.weight.value:
        other.append(f"权重 {t.weight.text} → {ind.weight.text}")
    return easier, other


@lifecycle_check(
    "JX-L003",
    Severity.ERROR,
    "指标性质、指标值、单位或权重与批复不同",
    REG_88,
    "cross",
    "自评表中的指标性质、指标值、度量单位和权重应与批复的目标表一致；确需调整的，应有经批准的目标修订（88号 第二十八条）。"
    "目标表带有修订说明时只作提示。",
)
def changed_without_revision(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """指标性质, 指标值 (made harder or reworded), 权重 differ from the approved row, with no
    revision recorded on the target table. Changes that make the target easier are JX-L004.

    Example: 目标表 权重 10, 自评表 分值 20.
    """
    for m in stages.target_vs_evaluation():
        if m.earlier is None or m.later is None:
            continue
        _, other = _changes(m.earlier, m.later)
        if other:
            yield changed_without_revision.finding(
                f"指标“{m.later.name.text}”与{_target_where(m.earlier, stages)} 不同：{'；'.join(other)}",
                m.later.target.location
                if m.later.target and m.later.target.location
                else m.later.location,
                "与批复一致（或经批准的修订）",
                "；".join(other),
                severity=Severity.INFO if _revised(stages) else None,
                target=where(m.earlier.location),
            )


@lifecycle_check(
    "JX-L004",
    Severity.ERROR,
    "自评时降低了目标",
    REG_88,
    "cross",
    "自评表把批复的目标改容易了：“≥”指标值调低、“≤”指标值调高，或换了度量单位。"
    "这样“完成”的目标并不是批复的目标，应按批复的指标值评价。",
)
def made_easier(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """The self-evaluation's target is easier than the approved one: a ≥ value lowered, a ≤ value
    raised, or the unit changed.

    Example: 目标表 ≥ 200人, 自评表 ≥ 150人.
    """
    for m in stages.target_vs_evaluation():
        if m.earlier is None or m.later is None:
            continue
        easier, _ = _changes(m.earlier, m.later)
        if easier:
            yield made_easier.finding(
                f"指标“{m.later.name.text}”比{_target_where(m.earlier, stages)} 批复的目标降低了：{'；'.join(easier)}",
                m.later.target.location
                if m.later.target and m.later.target.location
                else m.later.location,
                shown(m.earlier) or "批复的指标值",
                m.later.target.text if m.later.target else "",
                severity=Severity.WARNING if _revised(stages) else None,
                target=where(m.earlier.location),
            )


def over_target_ratio(t: TargetIndicator, ind: Indicator) -> Decimal | None:
    """完成值 ÷ the approved 指标值, in percent, for a ≥ / = count (not a rate): how far the
    target was exceeded; None where that cannot be said."""
    if t.target is None or ind.actual is None:
        return None
    if t.operator not in (Operator.GE, Operator.GT, Operator.EQ) or t.unit == "%":
        return None
    pair = annual_pair(t.target, ind.actual)
    if pair is None or pair[0] <= 0:
        return None
    return pair[1] / pair[0] * HUNDRED


@lifecycle_check(
    "JX-L005",
    Severity.WARNING,
    "完成值远超批复目标（目标偏低）",
    REG_10,
    "cross",
    "完成值达到批复指标值的 lifecycle.over_target_percent（默认 150%）以上，说明目标定得偏低；"
    "10号文允许评价时酌情扣分（建议扣减比例见 lifecycle.over_target_deduct_percent），并应在下年度调高目标。",
)
def far_above_target(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """The actual value is at least ``lifecycle.over_target_percent`` of the approved target
    (≥ / = indicators): the target was set too low; 10号 lets the reviewer reduce the score.

    Example: 目标表 ≥ 10场, 完成值 30场.
    """
    p = context.profile
    for m in stages.target_vs_evaluation():
        t, ind = m.earlier, m.later
        if t is None or ind is None:
            continue
        ratio = over_target_ratio(t, ind)
        if ratio is not None and ind.actual is not None and ratio >= p.over_target_percent:
            deduct = ""
            if p.over_target_deduct_percent and ind.weight is not None:
                cut = ind.weight.value * p.over_target_deduct_percent / HUNDRED
                deduct = f"；按评分方案建议扣 {fmt(cut, 2)} 分"
            yield far_above_target.finding(
                f"指标“{ind.name.text}”完成值 {ind.actual.text} 为{_target_where(t, stages)} 批复指标值 "
                f"{shown(t)} 的 {pct(ratio)}，目标设定偏低{deduct}",
                ind.actual.location or ind.location,
                f"< {pct(p.over_target_percent, 0)}",
                pct(ratio),
                target=where(t.location),
            )


def _monitor_pairs(stages: Stages) -> Iterator[tuple[object, Indicator, TargetIndicator | None]]:
    """(monitoring row, self-evaluation row, approved row or None) for every row in both."""
    approved = {id(m.later): m.earlier for m in stages.target_vs_monitoring() if m.later}
    for m in stages.monitoring_vs_evaluation():
        if m.earlier is not None and m.later is not None:
            yield m.earlier, m.later, approved.get(id(m.earlier))


@lifecycle_check(
    "JX-L006",
    Severity.WARNING,
    "监控“确定能”而年底未完成",
    REG_136,
    "cross",
    "运行监控时判断“确定能”完成的指标，年底却未完成：应在自评表说明原因（监控时的判断是否失实、下半年发生了什么）；"
    "没有说明的为错误。",
)
def certain_but_missed(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """An indicator forecast as 确定能 at monitoring and missed at the year end (by the approved
    target where there is one) needs a reason in the self-evaluation; none given is an error.

    Example: 监控 确定能; 目标 ≥ 200人, 完成值 150人, no 偏差原因.
    """
    src = stages.monitoring.source if stages.monitoring else ""
    for mon, ind, approved in _monitor_pairs(stages):
        if mon.likelihood != Likelihood.CERTAIN:  # type: ignore[attr-defined]
            continue
        judged = _with_target(ind, approved) if approved and approved.target else ind
        if met(judged, context.profile) is not False:
            continue
        yield certain_but_missed.finding(
            f"指标“{ind.name.text}”在监控表 {where(mon.location, src)} 中预计“确定能”完成，"  # type: ignore[attr-defined]
            f"年底完成值 {ind.actual.text if ind.actual else ''} 未达到指标值"
            f" {judged.target.text if judged.target else ''}",
            ind.actual.location if ind.actual and ind.actual.location else ind.location,
            judged.target.text if judged.target else "达到指标值",
            ind.actual.text if ind.actual else "",
            severity=Severity.ERROR if ind.deviation is None else None,
            monitoring=where(mon.location, src),  # type: ignore[attr-defined]
        )


@lifecycle_check(
    "JX-L007",
    Severity.WARNING,
    "监控“不可能”而年底满分",
    REG_136,
    "cross",
    "运行监控时判断“不可能”完成的指标，年底却得了满分：或监控判断失实，或自评打分偏高，应核实完成值及其佐证。",
)
def impossible_but_full(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """An indicator judged 不可能 at monitoring that gets full marks at the year end.

    Example: 监控 不可能; 自评 分值 10 得分 10.
    """
    src = stages.monitoring.source if stages.monitoring else ""
    for mon, ind, _ in _monitor_pairs(stages):
        if mon.likelihood != Likelihood.IMPOSSIBLE:  # type: ignore[attr-defined]
            continue
        if ind.weight is None or ind.score is None or ind.score.value < ind.weight.value:
            continue
        yield impossible_but_full.finding(
            f"指标“{ind.name.text}”在监控表 {where(mon.location, src)} 中判断“不可能”完成，自评却得满分"  # type: ignore[attr-defined]
            f" {ind.score.text}",
            ind.score.location or ind.location,
            "核实完成值与得分",
            ind.score.text,
            monitoring=where(mon.location, src),  # type: ignore[attr-defined]
        )


@lifecycle_check(
    "JX-L008",
    Severity.WARNING,
    "监控整改事项年底未销号",
    REG_136,
    "cross",
    "运行监控中要求整改的事项，年底应有整改结果；监控表未写整改结果、自评表也未说明的，视为整改未完成。",
)
def rectification_open(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """A monitoring row marked for 整改 has no 整改结果, and the self-evaluation's row says
    nothing about it (no 偏差原因 / 未完成原因): the rectification is open at the year end.

    Example: 监控 是否需要整改 是, 整改要求 “下半年完成招标”, 整改结果 blank.
    """
    if stages.monitoring is None or stages.evaluation is None:
        return
    src = stages.monitoring.source
    in_eval = {id(m.earlier): m.later for m in stages.monitoring_vs_evaluation() if m.earlier}
    for mon in stages.monitoring.indicators:
        if not mon.rectify or mon.rectify_result is not None:
            continue
        ind = in_eval.get(id(mon))
        if ind is not None and ind.deviation is not None and "整改" in ind.deviation.text:
            continue
        yield rectification_open.finding(
            f"监控表 {where(mon.location, src)} 对指标“{mon.name.text}”提出的整改"
            f"（{mon.rectify_requirement.text if mon.rectify_requirement else '未写要求'}）没有整改结果",
            ind.location if ind is not None else _eval_location(stages),
            "整改结果",
            "空白",
            monitoring=where(mon.location, src),
        )


Figure = tuple[str, Decimal, str, Location | None, bool]  # name, 万元, printed, where, adjusted


def _figure(name: str, num: Num | None, money_unit: str, adjusted: bool = False) -> list[Figure]:
    wan = to_wan(num, money_unit)
    if num is None or wan is None:
        return []
    return [(name, wan, num.text, num.location, adjusted)]


@lifecycle_check(
    "JX-L009",
    Severity.ERROR,
    "各阶段资金不一致",
    REG_88,
    "cross",
    "目标表批复的资金（年度资金总额）、监控表的年初预算数和自评表的年初预算数应是同一个数（换算为万元比较）。"
    "自评表只有调整后预算数时，不同仅作警告（年中调整应在自评中说明）。",
)
def funds_disagree(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """The amount approved with the targets, the monitoring table's 年初预算数 and the
    self-evaluation's 年初预算数 are one figure (compared in 万元, within the profile's tolerance).

    Example: 目标表 资金总额 250万元; 自评表 年初预算数 200.
    """
    tol = context.profile.tolerance
    figures: list[Figure] = []
    if stages.targets is not None:
        t = stages.targets
        figures += _figure("目标表资金总额", t.amount, t.money_unit)
    if stages.monitoring is not None and (lite := stages.monitoring.total()) is not None:
        figures += _figure("监控表年初预算数", lite.budget, stages.monitoring.money_unit)
    if stages.evaluation is not None and (row := stages.evaluation.fund(FundLine.TOTAL)):
        e = stages.evaluation
        if row.initial_budget is not None:
            figures += _figure("自评表年初预算数", row.initial_budget, e.money_unit)
        else:
            figures += _figure("自评表全年预算数", row.budget, e.money_unit, adjusted=True)
    # each later figure against the approved one (the first), or monitoring against the
    # self-evaluation where there is no target table
    for (n1, v1, t1, l1, _), (n2, v2, t2, l2, adj) in ((figures[0], f) for f in figures[1:]):
        if abs(v1 - v2) <= tol:
            continue
        yield funds_disagree.finding(
            f"{n2} {t2} 与{n1} {t1}（{where(l1)}）不一致（折合 {fmt(v2)} 万元 与 {fmt(v1)} 万元）",
            l2,
            f"{fmt(v1)} 万元",
            f"{fmt(v2)} 万元",
            severity=Severity.WARNING if adj else None,
            earlier=where(l1),
        )


@lifecycle_check(
    "JX-L010",
    Severity.WARNING,
    "监控表漏了批复的指标",
    REG_136,
    "cross",
    "运行监控应覆盖批复的全部绩效指标（“双监控”）；监控表中缺少的指标，年中没有跟踪。",
)
def monitoring_missing(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """Every approved indicator is monitored: a target row with no monitoring row.

    Example: 目标表 has 培训人数; the monitoring table does not.
    """
    if stages.monitoring is None:
        return
    loc = next((i.location for i in stages.monitoring.indicators if i.location), None)
    for m in stages.target_vs_monitoring():
        if m.earlier is not None and m.later is None:
            t = m.earlier
            yield monitoring_missing.finding(
                f"{_target_where(t, stages)} 批复的指标“{t.name.text}”在监控表中没有",
                loc or Location(stages.monitoring.source),
                t.name.text,
                "无",
                target=where(t.location),
            )


CROSS_CHECKS = (
    approved_missing,
    indicator_added,
    changed_without_revision,
    made_easier,
    far_above_target,
    certain_but_missed,
    impossible_but_full,
    rectification_open,
    funds_disagree,
    monitoring_missing,
)
