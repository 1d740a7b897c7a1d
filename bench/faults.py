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
from decimal import Decimal
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
