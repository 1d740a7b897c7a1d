"""Faults planted in generated forms, one per check family, and the check codes that report them.

Each fault changes a :class:`~forms.Spec` the way a unit gets it wrong in real submissions
(values drawn at random, so that no two plantings are alike) and returns a :class:`Planted`: a
short description and the anchors that place it (the indicator's name, the changed figure, the
report's heading). ``FAULTS`` maps a fault to the codes of ``jixiao.checks.CATALOGUE`` that count
as reporting it; the benchmark counts a fault as reported only when a finding of one of those
codes also names every anchor (:func:`reports`), so that a finding of the right code about
another indicator or figure does not count.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from decimal import ROUND_CEILING, Decimal
from typing import NamedTuple

from forms import CENT, IndSpec, Spec, money

from jixiao.model import FundGroup, FundLine, Kind


class Planted(NamedTuple):
    detail: str  # what was changed, for the reader of the benchmark's output
    anchors: tuple[str, ...]  # every one must appear in the finding that reports the fault


Planter = Callable[[Spec, random.Random], Planted | None]


def _fig(value: Decimal) -> str:
    """A figure as an anchor: without trailing zeros, so that "88" (as a writer may print 88.00)
    and "88.00" both contain it."""
    return f"{value.normalize():f}"


def reports(anchors: list[str] | tuple[str, ...], message: str, expected: str, found: str) -> bool:
    """Whether a finding's text names the planted place (all anchors)."""
    text = f"{message}\n{expected}\n{found}"
    return all(a in text for a in anchors)


TEXT_ACTUALS = ("已完成", "全部完成", "达到预期", "圆满完成", "完成")
# Slogans and template instructions are composed from parts at random, not copied from the
# seed: the checks must recognise the kind of text, not a handful of known sentences.
_LEADS = ("围绕", "聚焦", "紧盯", "立足", "着眼", "突出", "坚持", "锚定")
_TOPICS = ("帮扶", "关爱", "健康", "民生", "服务", "发展", "党建", "创新", "惠民", "振兴")
_TAILS = ("用气力", "下功夫", "求实效", "作贡献", "勇担当", "出实招", "谱新篇", "聚合力")
_CALLS = ("全力推进", "扎实推进", "持续深化", "大力弘扬", "积极营造")
_CLOSES = ("确保实效", "彰显担当", "凝聚力量", "展现新作为", "营造良好氛围")
_VERBS = ("总结归纳", "简要说明", "概述", "对照年度绩效目标，分析", "结合部门职责，阐述")
_SUBJECTS = ("本部门", "部门（单位）", "本单位")
_OBJECTS = (
    "预算支出的绩效目标完成情况",
    "实现产出和取得效益的情况",
    "资产管理和开展业务情况",
    "运行成本、管理效率、履职效能",
    "社会效应和可持续发展能力",
    "服务对象满意度",
    "资金使用和项目实施情况",
    "预算执行进度",
)
_ENDINGS = (
    "等方面的情况。",
    "。",
    "等内容。",
    "（300字以内）。",
    "，衡量部门整体及核心业务实施效果。",
)


def _slogan(rng: random.Random) -> str:
    topic = rng.choice(_TOPICS)
    if rng.random() < 0.5:
        return f"{rng.choice(_LEADS)}“{topic}”{rng.choice(_TAILS)}"
    return f"{rng.choice(_CALLS)}{topic}工作，{rng.choice(_CLOSES)}"


def _template_instruction(rng: random.Random) -> str:
    objects = "、".join(rng.sample(_OBJECTS, rng.randint(2, 4)))
    return f"{rng.choice(_VERBS)}{rng.choice(_SUBJECTS)}{objects}{rng.choice(_ENDINGS)}"


def _pick(spec: Spec, rng: random.Random, ok: Callable[[IndSpec], bool]) -> IndSpec | None:
    """An indicator not yet used by another fault of this file."""
    choices = [i for i in spec.inds if not i.planted and ok(i)]
    if not choices:
        return None
    ind = rng.choice(choices)
    ind.planted = True
    return ind


def _delta(rng: random.Random, base: Decimal) -> Decimal:
    d = money(max(float(base) * rng.uniform(0.02, 0.2), rng.uniform(1, 30)))
    return d if rng.random() < 0.5 else -min(d, base - Decimal("0.01")) if base > 1 else d


def source_total(spec: Spec, rng: random.Random) -> Planted | None:
    """A part of the source block changed after the total was typed: 合计 ≠ Σ parts."""
    part = spec.fund(FundLine.FISCAL)
    before = part.budget
    part.budget = before + _delta(rng, before)
    if spec.kind == Kind.PROJECT:
        part.initial = part.budget
    return Planted(f"财政拨款 全年预算数 {before} → {part.budget}，合计未改", (_fig(part.budget),))


def structure_total(spec: Spec, rng: random.Random) -> Planted | None:
    part = spec.fund(FundLine.PROJECT, FundGroup.STRUCTURE)
    before = part.actual
    delta = abs(_delta(rng, before))
    part.actual = before + delta if before + delta <= part.budget else before - min(delta, before)
    return Planted(
        f"项目支出 全年执行数 {before} → {part.actual}，资金结构合计未改", (_fig(part.actual),)
    )


def basic_split(spec: Spec, rng: random.Random) -> Planted | None:
    part = spec.fund(FundLine.PERSONNEL)
    before = part.budget
    part.budget = before + _delta(rng, before)
    return Planted(
        f"人员支出 全年预算数 {before} → {part.budget}，基本支出未改", (_fig(part.budget),)
    )


def wrong_rate(spec: Spec, rng: random.Random) -> Planted | None:
    row = rng.choice([f for f in spec.funds[1:] if f.budget and f.rate is not None])
    right = row.rate
    assert right is not None
    wrong = right + money(rng.choice((-1, 1)) * rng.uniform(0.5, 15))
    if wrong < 0:
        wrong = right + money(rng.uniform(0.5, 15))
    row.rate_override = wrong
    return Planted(f"{row.label} 执行率 {right}% 印成 {wrong}%", (row.label, _fig(wrong)))


def score_over_weight(spec: Spec, rng: random.Random) -> Planted | None:
    ind = _pick(spec, rng, lambda i: True)
    if ind is None:
        return None
    ind.score = ind.weight + rng.choice((1, 2, 3, 5))
    return Planted(f"{ind.name} 分值 {ind.weight}，得分 {ind.score}", (f"“{ind.name}”",))


def sum_scores(spec: Spec, rng: random.Random) -> Planted | None:
    right = spec.total_score
    delta = money(rng.uniform(1, 10)) * rng.choice((-1, 1))
    if right + delta > 100:
        delta = -abs(delta)
    spec.total_score_override = right + delta
    return Planted(f"总得分 {right} 印成 {spec.total_score_override}", (_fig(right + delta),))


def weights_sum(spec: Spec, rng: random.Random) -> Planted | None:
    ind = _pick(spec, rng, lambda i: i.weight > 5 and i.score == i.weight)
    if ind is None:
        return None
    ind.weight -= 5
    ind.score = ind.weight
    total = spec.exec_weight + sum((i.weight for i in spec.inds), Decimal(0))
    return Planted(f"{ind.name} 分值减 5，分值合计不等于 100", ("分值合计", _fig(total)))


def _scale_actuals(spec: Spec, factor: float, cap_other: bool) -> None:
    """Every part's 执行数 times ``factor``; totals (and, for a department, 财政拨款) follow."""
    parts = (
        spec.funds[1:]
        if spec.kind == Kind.PROJECT
        else [
            spec.fund(k, FundGroup.STRUCTURE)
            for k in (FundLine.PERSONNEL, FundLine.PUBLIC, FundLine.PROJECT)
        ]
    )
    for f in parts:
        f.actual = money(float(f.actual) * factor)
    if spec.kind == Kind.DEPARTMENT:
        st = (
            spec.fund(FundLine.PERSONNEL).actual
            + spec.fund(FundLine.PUBLIC).actual
            + spec.fund(FundLine.PROJECT, FundGroup.STRUCTURE).actual
        )
        other = spec.fund(FundLine.OTHER)
        if cap_other:
            other.actual = min(other.actual, st)
        spec.fund(FundLine.FISCAL).actual = st - other.actual
    spec.recompute_totals()


def _rate(spec: Spec) -> Decimal:
    rate = spec.main.rate
    assert rate is not None
    return rate


def execution_over_100(spec: Spec, rng: random.Random) -> Planted | None:
    _scale_actuals(spec, rng.uniform(1.05, 1.4), cap_other=False)
    return Planted(f"执行数超过预算数（执行率 {spec.main.rate}%）", (_fig(_rate(spec)),))


def low_execution(spec: Spec, rng: random.Random) -> Planted | None:
    _scale_actuals(spec, rng.uniform(0.45, 0.85), cap_other=True)
    return Planted(f"执行率 {spec.main.rate}% 低于 90%，未说明原因", (_fig(_rate(spec)),))


def slogan_target(spec: Spec, rng: random.Random) -> Planted | None:
    ind = _pick(spec, rng, lambda i: "满意度" not in i.name)
    if ind is None:
        return None
    ind.target = _slogan(rng)
    ind.actual = f"全年{ind.name}{ind.actual}，工作成效明显"
    ind.score, ind.deviation = ind.weight, ""
    return Planted(f"{ind.name} 指标值为口号“{ind.target}”", (f"“{ind.name}”",))


def textual_actual(spec: Spec, rng: random.Random) -> Planted | None:
    ind = _pick(spec, rng, lambda i: i.number is not None)
    if ind is None:
        return None
    ind.actual = rng.choice(TEXT_ACTUALS)
    ind.score, ind.deviation = ind.weight, ""
    return Planted(f"{ind.name} 指标值 {ind.target}，完成值“{ind.actual}”", (f"“{ind.name}”",))


def _below(number: Decimal, rng: random.Random, low: float, high: float) -> Decimal:
    """A value clearly below ``number`` (whole when the target is whole)."""
    value = number * Decimal(str(round(rng.uniform(low, high), 2)))
    if number == number.to_integral_value():
        value = value.to_integral_value(rounding="ROUND_FLOOR")
        if value >= number:
            value = number - 1
    return max(value.quantize(CENT) if value != value.to_integral_value() else value, Decimal(0))


def missed_full_marks(spec: Spec, rng: random.Random) -> Planted | None:
    ind = _pick(spec, rng, lambda i: i.op == "≥" and bool(i.number))
    if ind is None or ind.number is None:
        return None
    actual = _below(ind.number, rng, 0.5, 0.9)
    ind.actual = f"{actual}{ind.unit}"
    ind.score, ind.deviation = ind.weight, ""
    return Planted(
        f"{ind.name} 指标值 {ind.target}，完成 {ind.actual}，仍得满分 {ind.weight}",
        (f"“{ind.name}”",),
    )


def missing_deviation(spec: Spec, rng: random.Random) -> Planted | None:
    ind = _pick(spec, rng, lambda i: i.op == "≥" and bool(i.number))
    if ind is None or ind.number is None:
        return None
    actual = _below(ind.number, rng, 0.6, 0.9)
    ind.actual = f"{actual}{ind.unit}"
    ind.score = (ind.weight * actual / ind.number).quantize(CENT)
    ind.deviation = ""
    return Planted(f"{ind.name} 未完成（{ind.actual}），扣分但无偏差原因分析", (f"“{ind.name}”",))


def far_exceeded(spec: Spec, rng: random.Random) -> Planted | None:
    ind = _pick(spec, rng, lambda i: i.op == "≥" and bool(i.number) and i.unit != "%")
    if ind is None or ind.number is None:
        return None
    actual = (ind.number * Decimal(str(round(rng.uniform(1.6, 4), 2)))).to_integral_value()
    ind.actual = f"{actual}{ind.unit}"
    ind.score, ind.deviation = ind.weight, ""
    return Planted(f"{ind.name} 指标值 {ind.target}，完成 {ind.actual}", (f"“{ind.name}”",))


def ratio_over_100(spec: Spec, rng: random.Random) -> Planted | None:
    ind = _pick(spec, rng, lambda i: i.unit == "%")
    if ind is None:
        return None
    ind.actual = f"{rng.randint(101, 130)}%"
    ind.score, ind.deviation = ind.weight, ""
    return Planted(f"{ind.name} 完成值 {ind.actual}", (f"“{ind.name}”", ind.actual))


def staff_over(spec: Spec, rng: random.Random) -> Planted | None:
    if spec.kind != Kind.DEPARTMENT or spec.staff_authorized is None:
        return None
    spec.staff_actual = spec.staff_authorized + rng.randint(1, max(1, spec.staff_authorized // 3))
    spec.sections = [(h, _staff_sentence(t, spec)) for h, t in spec.sections]
    return Planted(
        f"编制 {spec.staff_authorized} 人，实有 {spec.staff_actual} 人",
        (str(spec.staff_authorized), str(spec.staff_actual)),
    )


def _staff_sentence(text: str, spec: Spec) -> str:
    """The report states the same staff numbers as the table."""
    if "现有编制人数" not in text:
        return text
    head = text.split("现有编制人数")[0]
    return head + f"现有编制人数{spec.staff_authorized}人，实有在职人员{spec.staff_actual}人。"


def _section(spec: Spec, keyword: str) -> int | None:
    for n, (heading, _) in enumerate(spec.sections):
        if keyword in heading:
            return n
    return None


def report_year(spec: Spec, rng: random.Random) -> Planted | None:
    """Last year's report half-updated: a current-year statement keeps the old year."""
    n = _section(spec, "（二）部门（单位）整体支出规模")
    if n is None:
        return None
    heading, text = spec.sections[n]
    other = spec.year - rng.randint(1, 2)
    if rng.random() < 0.5:
        sentence = f"{other}年“三公”经费支出合计{money(rng.uniform(0, 20))}万元。"
        spec.sections[n] = (heading, text + sentence)
    else:
        sentence = f"{other}年决算支出为"
        spec.sections[n] = (heading, text.replace(f"{spec.year}年决算支出为", sentence, 1))
    return Planted(f"本年度陈述写成“{sentence}”", (f"{other}",))


def template_text(spec: Spec, rng: random.Random) -> Planted | None:
    n = _section(spec, "三、")
    if n is None:
        return None
    spec.sections[n] = (spec.sections[n][0], _template_instruction(rng))
    return Planted("第三部分保留模板说明文字", (spec.sections[n][0],))


def zanwu(spec: Spec, rng: random.Random) -> Planted | None:
    n = _section(spec, "四、")
    if n is None:
        return None
    spec.sections[n] = (spec.sections[n][0], rng.choice(("暂无。", "无", "暂无明显问题。")))
    return Planted("存在问题写“暂无”", (spec.sections[n][0],))


def report_figure(spec: Spec, rng: random.Random) -> Planted | None:
    n = _section(spec, "（一）基本支出")
    if n is None:
        return None
    basic = spec.fund(FundLine.BASIC).actual
    wrong = basic + money(rng.uniform(3, 60))
    heading, text = spec.sections[n]
    spec.sections[n] = (heading, text.replace(f"基本支出{basic}万元", f"基本支出{wrong}万元", 1))
    return Planted(f"报告基本支出 {wrong}，表中 {basic}", (_fig(wrong),))


# fault → (planter, codes that report it, needs the report, department only)
FAULTS: dict[str, tuple[Planter, tuple[str, ...], bool, bool]] = {
    "source_total": (source_total, ("JX-A001",), False, False),
    "structure_total": (structure_total, ("JX-A002",), False, True),
    "basic_split": (basic_split, ("JX-A003",), False, True),
    "wrong_rate": (wrong_rate, ("JX-A004",), False, False),
    "score_over_weight": (score_over_weight, ("JX-A005",), False, False),
    "sum_scores": (sum_scores, ("JX-A006",), False, False),
    "weights_sum": (weights_sum, ("JX-A007",), False, False),
    "execution_over_100": (execution_over_100, ("JX-B001",), False, False),
    "low_execution": (low_execution, ("JX-B002",), False, False),
    "slogan_target": (slogan_target, ("JX-I001",), False, False),
    "textual_actual": (textual_actual, ("JX-I002",), False, False),
    "missed_full_marks": (missed_full_marks, ("JX-I004",), False, False),
    "missing_deviation": (missing_deviation, ("JX-I013",), False, False),
    "far_exceeded": (far_exceeded, ("JX-I007",), False, False),
    "ratio_over_100": (ratio_over_100, ("JX-I011",), False, False),
    "staff_over": (staff_over, ("family:S",), False, True),
    "report_year": (report_year, ("JX-C002",), True, True),
    "report_figure": (report_figure, ("JX-C001",), True, True),
    "template_text": (template_text, ("JX-C007",), True, True),
    "zanwu": (zanwu, ("JX-C008",), True, True),
}


def resolve_codes(codes: tuple[str, ...]) -> list[str]:
    """``family:X`` → every code of that family in the catalogue (none if the family is empty)."""
    out: list[str] = []
    for code in codes:
        if code.startswith("family:"):
            family = code.split(":", 1)[1]
            try:
                from jixiao.checks import CATALOGUE
            except ImportError:
                continue
            out += [c["code"] for c in CATALOGUE if c["code"].startswith(f"JX-{family}")]
        else:
            out.append(code)
    return out


# -- the lifecycle: target → monitoring → self-evaluation triples -------------------------------
#
#     .venv/bin/python bench/faults.py --lifecycle 60 [--seed 1] [--formats txt,xlsx]
#
# A clean triple is a generated project self-evaluation (forms.project) with the target table
# it was approved with (same indicators, 指标性质 / 指标值 / 度量单位 / 权重, the 年初预算数 as
# 资金总额) and a monitoring table at 1–N月 that agrees with both (确定能 where the year ends
# met, 有可能 with a reason and a measure where it ends short). Each faulty triple gets one
# cross-stage fault. The three documents are written by the writers and read back by the
# readers, then checked by jixiao.lifecycle. A fault counts as found when a finding of its
# code names its anchor; as found *at both locations* when that finding stands in the later
# document (file and line) and its message names the earlier document's file and line.


def _lc_variant(name: str, k: int, rng: random.Random) -> str:
    """The same indicator as another stage prints it: numbered, spaced, a synonym."""
    roll = rng.random()
    if roll < 0.2:
        return f"{k + 1}.{name}"
    if roll < 0.3:
        return f"指标{k + 1}：{name}"
    if roll < 0.4:
        return (
            name.replace("满意度", "满意率").replace("完成率", "达成率").replace("合格率", "达标率")
        )
    if roll < 0.5 and len(name) > 6:
        return name[:4] + " " + name[4:]  # a wrapped cell joined with a space
    return name


def _lc_stages(spec: Spec, rng: random.Random):  # noqa: ANN202 - (TargetTable, MonitoringTable)
    from jixiao.lifecycle.model import (
        Direction,
        FundRowLite,
        Likelihood,
        MonitorIndicator,
        MonitoringTable,
        TableKind,
        TargetIndicator,
        TargetTable,
    )
    from jixiao.measure import parse_measure
    from jixiao.model import Num, Operator, Text

    columns = rng.random() < 0.5  # 指标性质 / 指标值 / 度量单位 in their own columns
    targets = []
    for ind in spec.inds:
        op = Operator(ind.op)
        if columns:
            value = f"{ind.number.normalize():f}" if ind.number is not None else ind.target
            target = parse_measure(value + ind.unit)
            target = target and target.__class__(value, op, target.number, ind.unit or None)
        else:
            target = parse_measure(ind.target)
        targets.append(
            TargetIndicator(
                name=Text(_lc_variant(ind.name, len(targets), rng)),
                level1=Text(ind.level1),
                level2=Text(ind.level2),
                target=target,
                nature=op if columns else None,
                measure_unit=Text(ind.unit) if columns and ind.unit else None,
                weight=Num(ind.weight, f"{ind.weight.normalize():f}"),
                direction=Direction.NEGATIVE if op == Operator.LE else Direction.POSITIVE,
                standard=Text(rng.choice(("计划标准", "历史标准", "行业标准"))),
            )
        )
    initial = spec.main.initial or spec.main.budget
    target = TargetTable(
        kind=TableKind.PROJECT_TARGET,
        year=Num(Decimal(spec.year), str(spec.year)),
        unit=Text(spec.unit),
        supervisor=Text(spec.supervisor),
        project=Text(spec.project),
        amount=Num(initial, f"{initial}"),
        goal=Text(spec.goals[0]),
        indicators=tuple(targets),
    )
    n = rng.choice((6, 7, 8))
    share = Decimal(n) / 12
    executed = money(float(initial * share) * rng.uniform(0.85, 1.1))
    forecast = money(float(initial) * rng.uniform(0.95, 1.0))
    funds = (
        FundRowLite(
            Text("年度资金总额"),
            FundLine.TOTAL,
            Num(initial, f"{initial}"),
            Num(executed, f"{executed}"),
            None,
            Num(forecast, f"{forecast}"),
        ),
    )
    monitors = []
    for ind in spec.inds:
        missed = (
            ind.actual_number is not None
            and ind.number is not None
            and (
                (ind.op in "≥=" and ind.actual_number < ind.number)
                or (ind.op == "≤" and ind.actual_number > ind.number)
            )
        )
        if ind.unit == "%" or ind.number is None:
            progress = ind.target if not missed else f"{ind.actual_number}{ind.unit}"
        else:
            p = ind.number * share * Decimal(str(round(rng.uniform(0.9, 1.15), 2)))
            p = (
                p.to_integral_value(ROUND_CEILING)  # on track: whole items, rounded up
                if ind.number == ind.number.to_integral_value()
                else money(float(p))
            )
            progress = f"{p.normalize():f}{ind.unit}"
        monitors.append(
            MonitorIndicator(
                name=Text(_lc_variant(ind.name, len(monitors), rng)),
                level1=Text(ind.level1),
                level2=Text(ind.level2),
                target=parse_measure(ind.target),
                progress=parse_measure(progress),
                forecast=parse_measure(ind.target),
                likelihood=Likelihood.POSSIBLE if missed else Likelihood.CERTAIN,
                cause=Text("人员保障：专职人员不足，进度滞后") if missed else None,
                remedy=Text("调配人员，加快进度") if missed else None,
            )
        )
    monitoring = MonitoringTable(
        year=target.year,
        unit=target.unit,
        supervisor=target.supervisor,
        project=target.project,
        cutoff_month=n,
        funds=funds,
        indicators=tuple(monitors),
    )
    return target, monitoring


def _lc_rows(spec: Spec, want) -> list[int]:  # noqa: ANN001 - a predicate on IndSpec
    return [k for k, i in enumerate(spec.inds) if want(i)]


def _count_row(i: IndSpec) -> bool:
    return i.op == "≥" and i.unit not in ("%", "") and i.number is not None and i.number > 0


def _lc_plant(fault: str, spec: Spec, rng: random.Random):  # noqa: ANN202, C901
    """Plant ``fault`` into a fresh triple: (spec, target, monitoring, anchor) or None."""
    import dataclasses

    from jixiao.lifecycle.model import Likelihood, TargetIndicator
    from jixiao.model import Num, Text

    if fault == "over_target":  # the year-end actual twice the approved value
        rows = _lc_rows(spec, lambda i: _count_row(i) and i.score == i.weight)
        if not rows:
            return None
        ind = spec.inds[rng.choice(rows)]
        ind.actual_number = ind.number * 2
        ind.actual = f"{ind.actual_number.normalize():f}{ind.unit}"
    target, monitoring = _lc_stages(spec, rng)
    t_inds, m_inds = list(target.indicators), list(monitoring.indicators)
    pick = lambda rows: rng.choice(rows) if rows else None  # noqa: E731
    anchor = ""
    if fault == "approved_missing":
        from forms import CATALOGUE

        from jixiao.measure import parse_measure

        used = {i.name for i in spec.inds}
        row = rng.choice([r for r in CATALOGUE if r[2] not in used and "{" not in r[2]])
        t_inds.append(
            TargetIndicator(
                Text(row[2]),
                Text(row[0]),
                Text(row[1]),
                target=parse_measure(f"≥{row[5]}{row[3]}"),
                weight=Num(Decimal(5), "5"),
            )
        )
        anchor = row[2]
    elif fault == "added":
        k = pick(list(range(len(t_inds) - 1)))
        anchor = spec.inds[k].name  # the self-evaluation's row names it
        del t_inds[k], m_inds[k]
    elif fault == "weight_changed":
        k = pick(list(range(len(t_inds))))
        w = t_inds[k].weight.value + 5
        t_inds[k] = dataclasses.replace(t_inds[k], weight=Num(w, f"{w.normalize():f}"))
        anchor = spec.inds[k].name
    elif fault in ("lowered", "unit_changed"):
        k = pick(_lc_rows(spec, _count_row))
        if k is None:
            return None
        t = t_inds[k]
        if fault == "lowered":  # the approved value was higher than the self-evaluation's
            number = (t.target.number * Decimal("1.2")).to_integral_value() + 1
            text = f"{number}" if t.nature else f"≥{number}{t.unit}"
            new = dataclasses.replace(t.target, text=text, number=number)
        else:
            unit = "万" + t.unit if len(t.unit) == 1 else "个"
            text = (
                f"{t.target.number.normalize():f}"
                if t.nature
                else f"≥{t.target.number.normalize():f}{unit}"
            )
            new = dataclasses.replace(t.target, text=text, unit=unit)
            if t.measure_unit is not None:
                t = dataclasses.replace(t, measure_unit=Text(unit))
        t_inds[k] = dataclasses.replace(t, target=new)
        anchor = spec.inds[k].name
    elif fault == "over_target":
        anchor = next(
            i.name for i in spec.inds if i.actual_number == (i.number or 0) * 2 and i.number
        )
    elif fault == "certain_missed":
        k = pick([k for k, m in enumerate(m_inds) if m.likelihood == Likelihood.POSSIBLE])
        if k is None:
            return None
        m_inds[k] = dataclasses.replace(
            m_inds[k], likelihood=Likelihood.CERTAIN, cause=None, remedy=None
        )
        anchor = spec.inds[k].name
    elif fault == "impossible_full":
        k = pick([k for k, i in enumerate(spec.inds) if i.score == i.weight])
        m_inds[k] = dataclasses.replace(
            m_inds[k],
            likelihood=Likelihood.IMPOSSIBLE,
            cause=Text("经费保障：资金未到位"),
            remedy=Text("申请追加资金"),
        )
        anchor = spec.inds[k].name
    elif fault == "rectify_open":  # on a row whose self-evaluation says nothing of 整改
        k = pick([k for k, i in enumerate(spec.inds) if "整改" not in i.deviation])
        m_inds[k] = dataclasses.replace(
            m_inds[k], rectify=True, rectify_requirement=Text("9月底前完成整改")
        )
        anchor = m_inds[k].name.text
    elif fault == "funds":
        wrong = target.amount.value + money(rng.uniform(5, 50))
        target = dataclasses.replace(target, amount=Num(wrong, f"{wrong}"))
        anchor = f"{wrong}"
    elif fault == "monitor_missing":
        k = pick(list(range(len(m_inds))))
        anchor = t_inds[k].name.text  # the target table's row names it
        del m_inds[k]
    target = dataclasses.replace(target, indicators=tuple(t_inds))
    monitoring = dataclasses.replace(monitoring, indicators=tuple(m_inds))
    return spec, target, monitoring, anchor


def _names(anchor: str, finding) -> bool:  # noqa: ANN001 - a Finding
    """Whether a finding names the anchor as any stage may print it (numbered, spaced, a
    synonym): compared folded, or as printed for a figure."""
    from jixiao.lifecycle.matching import name_key

    text = f"{finding.message}{finding.expected}{finding.found}"
    key = name_key(anchor)
    return anchor in text or (bool(key) and key in name_key(text))


# fault → (code, the earlier document: "target" / "monitoring", the later: "evaluation" / "monitoring")
LIFECYCLE_FAULTS: dict[str, tuple[str, str, str]] = {
    "approved_missing": ("JX-L001", "target", "evaluation"),
    "added": ("JX-L002", "target", "evaluation"),
    "weight_changed": ("JX-L003", "target", "evaluation"),
    "lowered": ("JX-L004", "target", "evaluation"),
    "unit_changed": ("JX-L004", "target", "evaluation"),
    "over_target": ("JX-L005", "target", "evaluation"),
    "certain_missed": ("JX-L006", "monitoring", "evaluation"),
    "impossible_full": ("JX-L007", "monitoring", "evaluation"),
    "rectify_open": ("JX-L008", "monitoring", "evaluation"),
    "funds": ("JX-L009", "target", "evaluation"),
    "monitor_missing": ("JX-L010", "target", "monitoring"),
}


# every text layout of bench/grid_text.py and every file format the lifecycle writes
# (``--formats all``): txt is the writer's own tabbed text
LIFECYCLE_FORMATS = (
    "tabbed",
    "pipe",
    "spaced-line",
    "spaced-rows",
    "spaced-cols",
    "vertical",
    "other",
    "txt",
    "xlsx",
    "xls",
    "docx",
    "pdf",
)


def _lc_layout(grid, layout: str, path: str, rng: random.Random):  # noqa: ANN001, ANN202
    """A written grid printed in one text layout of bench/grid_text.py (vertical, other …)."""
    from pathlib import Path

    from grid_text import RENDER, rows_of_grid

    title, rows = rows_of_grid(grid)
    Path(path).write_text(RENDER[layout](title, rows, [], rng), encoding="utf-8")
    return Path(path)


def lifecycle_bench(
    n: int,
    seed: int,
    outdir: str,
    formats: tuple[str, ...] = ("txt",),
    collect: list | None = None,
) -> dict:
    """``n`` clean triples and ``n`` triples per fault, written, read back and checked
    (``collect``: a list that receives every finding, for tests of the messages)."""
    import re
    from pathlib import Path

    from forms import build, project
    from grid_text import RENDER

    import jixiao
    from jixiao.lifecycle.base import Stages
    from jixiao.lifecycle.checks import check_stages
    from jixiao.lifecycle.reader import read_stage_file
    from jixiao.lifecycle.writer import stage_grid, write_stage
    from jixiao.model import Severity
    from jixiao.writers import write_path
    from jixiao.writers.grid import build_grid

    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    if "all" in formats:
        formats = LIFECYCLE_FORMATS
    result: dict = {"seed": seed, "triples_per_fault": n, "formats": list(formats), "faults": {}}
    # per layout or format: triples (clean and faulty), faults found at both locations, false
    # errors on the clean ones
    per_format = {
        f: {"clean": 0, "false_errors": 0, "planted": 0, "found": 0, "found_at_both_locations": 0}
        for f in formats
    }
    false_errors: list[str] = []
    warnings: dict[str, int] = {}
    for fault in ("clean", *LIFECYCLE_FAULTS):
        planted = found = both = 0
        k = 0
        while planted < n and k < 5 * n:
            k += 1
            spec = project(rng, rng.choice((2022, 2023, 2024)))
            if fault == "clean":
                spec, target, monitoring = spec, *_lc_stages(spec, rng)
                anchor = ""
            else:
                done = _lc_plant(fault, spec, rng)
                if done is None:
                    continue
                spec, target, monitoring, anchor = done
            fmt = formats[planted % len(formats)]
            stem = out / f"{fault}_{planted:03d}"
            if fmt in RENDER:  # a text layout (vertical, other = run-together …): all three
                paths = {
                    "target": _lc_layout(stage_grid(target), fmt, f"{stem}_目标表.txt", rng),
                    "monitoring": _lc_layout(
                        stage_grid(monitoring), fmt, f"{stem}_监控表.txt", rng
                    ),
                    "evaluation": _lc_layout(
                        build_grid(build(spec)), fmt, f"{stem}_自评表.txt", rng
                    ),
                }
            else:
                paths = {
                    "target": write_stage(target, f"{stem}_目标表.{fmt}"),
                    "monitoring": write_stage(monitoring, f"{stem}_监控表.{fmt}"),
                    # the self-evaluation writer has no .xls: .xlsx beside the .xls tables
                    "evaluation": write_path(
                        build(spec), f"{stem}_自评表.{'xlsx' if fmt == 'xls' else fmt}"
                    ),
                }
            stages = Stages(
                read_stage_file(paths["target"])[0],
                read_stage_file(paths["monitoring"])[0],
                jixiao.read(paths["evaluation"]),
            )
            findings = check_stages(stages)
            if collect is not None:
                collect.extend(findings)
            planted += 1
            tally = per_format[fmt]
            if fault == "clean":
                errors = [f for f in findings if f.severity == Severity.ERROR]
                tally["clean"] += 1
                tally["false_errors"] += len(errors)
                false_errors += [f"{paths['evaluation']}: [{f.code}] {f.message}" for f in errors]
                for f in findings:
                    if f.severity == Severity.WARNING:
                        warnings[f.code] = warnings.get(f.code, 0) + 1
                continue
            code, earlier, later = LIFECYCLE_FAULTS[fault]
            hits = [f for f in findings if f.code == code and _names(anchor, f)]
            found += bool(hits)
            cited = re.compile(re.escape(str(paths[earlier])) + r":[^\s，。）]*\d")
            if fault == "added":  # the earlier document has no row for an added indicator
                cited = re.compile(re.escape(str(paths[earlier])))
            at_both = any(
                f.location is not None
                and f.location.source == str(paths[later])
                and (
                    f.location.line is not None
                    or f.location.cell is not None
                    or f.location.page is not None
                )
                and cited.search(f.message)
                for f in hits
            )
            both += at_both
            tally["planted"] += 1
            tally["found"] += bool(hits)
            tally["found_at_both_locations"] += at_both
            if not at_both and len(result.setdefault("missed", [])) < 20:
                result["missed"].append(f"{fault} [{fmt}] {anchor}: {paths[later]}")
        entry = {"triples": planted}
        if fault != "clean":
            entry |= {"found": found, "found_at_both_locations": both}
        result["faults"][fault] = entry
    result["per_format"] = per_format
    result["clean_false_errors"] = len(false_errors)
    result["clean_warnings"] = warnings
    result["false_error_examples"] = false_errors[:10]
    faulty = [v for f, v in result["faults"].items() if f != "clean"]
    result["planted"] = sum(v["triples"] for v in faulty)
    result["found"] = sum(v["found"] for v in faulty)
    result["found_at_both_locations"] = sum(v["found_at_both_locations"] for v in faulty)
    return result


if __name__ == "__main__":
    import argparse
    import json
    import sys
    import tempfile
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    parser = argparse.ArgumentParser(description="planted cross-stage faults in lifecycle triples")
    parser.add_argument("--lifecycle", type=int, default=20, metavar="N", help="triples per fault")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--formats",
        default="txt,xlsx,docx",
        help="txt,xlsx,xls,docx,pdf, or a text layout of bench/grid_text.py (vertical, other = "
        "run-together, pipe, spaced-rows …), or all (every layout and format, reported each "
        "apart under per_format; json: a generated model has no cells, so no locations to "
        "cite)",
    )
    parser.add_argument(
        "--out", default=None, help="folder for the written triples (default: temp)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        report = lifecycle_bench(
            args.lifecycle, args.seed, args.out or tmp, tuple(args.formats.split(","))
        )
    print(json.dumps(report, ensure_ascii=False, indent=2))
