"""Indicator checks (JX-I…): measurable targets, honest actuals, scores that follow from them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.checks.base import REG_10, REG_101, Context, check, first_location
from jixiao.checks.compare import (
    COUNT_UNITS,
    MONEY_UNITS,
    annual_pair,
    grade_words,
    is_bounded_rate,
    is_rate_named,
    is_satisfaction,
    level1_key,
    level2_key,
    met,
)
from jixiao.checks.fields import all_fields
from jixiao.checks.numbers import HUNDRED, fmt, pct
from jixiao.checks.texts import (
    describes_survey,
    is_measurable,
    is_template_instruction,
    says_nothing,
)
from jixiao.measure import before_pattern
from jixiao.model import Evaluation, Finding, Indicator, Operator, Severity
from jixiao.scoring.units import convert, same_unit


def _score_location(ind: Indicator):
    return first_location(ind.score.location if ind.score else None, ind.location)


def _actual_location(ind: Indicator):
    return first_location(ind.actual.location if ind.actual else None, ind.location)


def _target_location(ind: Indicator):
    return first_location(ind.target.location if ind.target else None, ind.location)


@check(
    "JX-I001",
    Severity.WARNING,
    "指标值不可衡量（口号式目标）",
    REG_101 + "：绩效指标应细化、量化，可衡量、可考核",
)
def unmeasurable_target(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """A target (年度指标值) must state something that can be verified: a number with a unit,
    a count, a time limit, or a standard or graded result (合格, 达标, 按规定, 无事故, 达成 …).
    A target with none of these is a slogan.

    Example: 年度指标值 “围绕‘帮扶’用气力” — no number, unit or standard.
    """
    for ind in evaluation.indicators:
        target = ind.target
        if target is None or is_measurable(target.text, target):
            continue
        yield unmeasurable_target.finding(
            f"指标“{ind.name.text}”的指标值没有数量、单位、时限或可核验的标准，无法据以评价",
            _target_location(ind),
            "可衡量的指标值（如 ≥50个、100%、12月底前、验收合格）",
            target.text,
        )


@check(
    "JX-I002",
    Severity.WARNING,
    "定量指标的完成值为文字",
    REG_10 + "：自评应填写实际完成值，与指标值对比",
)
def textual_actual(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Where the target is a number, the actual value must be a number too, not “已完成” or
    “达成预期指标”.

    Example: 指标值 ≥95%, 完成值 “已完成”.
    """
    for ind in evaluation.indicators:
        target, actual = ind.target, ind.actual
        if target is None or actual is None or not target.is_quantitative or actual.is_quantitative:
            continue
        if re.search(r"\d", actual.text):
            continue  # a sentence with figures: compared by hand
        yield textual_actual.finding(
            f"指标“{ind.name.text}”指标值为 {target.text}，完成值却是文字“{actual.text}”，无法计算完成程度",
            _actual_location(ind),
            f"数值（与 {target.text} 同单位）",
            actual.text,
        )


# a comparison of jixiao.measure's table in any printed form (not 达到 or 等于, which state a
# result: 实际达到98%; nor =, which an actual may carry: =98%), or a bound word first
_COMPARISON_START = re.compile(
    rf"^\s*(?:{before_pattern(printed=True, exclude=('达到', '等于', '='))}|以上|以内)"
)


@check(
    "JX-I003",
    Severity.WARNING,
    "完成值照抄指标值（带比较符号）",
    REG_10 + "：实际完成值应为实际达到的数值",
)
def copied_actual(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """An actual value that carries a comparison (“≥90%”, “不低于95%”) is a copy of the target,
    not a measured value.

    Example: 指标值 ≥266米, 完成值 ≥266米.
    """
    for ind in evaluation.indicators:
        actual = ind.actual
        if actual is None or not _COMPARISON_START.match(actual.text):
            continue
        same = ind.target is not None and re.sub(r"\s", "", ind.target.text) == re.sub(
            r"\s", "", actual.text
        )
        yield copied_actual.finding(
            f"指标“{ind.name.text}”的完成值“{actual.text}”带比较符号"
            + ("，与指标值完全相同，系照抄指标值" if same else "，不是实际完成的数值"),
            _actual_location(ind),
            "实际完成的数值",
            actual.text,
        )


@check(
    "JX-I004", Severity.ERROR, "未完成指标却得满分", REG_10 + "：未完成的指标按完成比例或等级扣分"
)
def missed_full_marks(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """An indicator whose actual value misses the target (by its operator), or whose actual
    states 部分完成 / 未完成, cannot score its full weight.

    Example: 指标值 ≥95%, 完成值 90%, 分值 10, 得分 10.
    """
    profile = context.profile
    for ind in evaluation.scored_indicators:
        if ind.score is None or ind.weight is None or ind.score.value != ind.weight.value:
            continue  # below the weight: not full marks; above it: JX-A005
        verdict = met(ind, profile)
        if verdict is False:
            assert ind.target is not None and ind.actual is not None
            yield missed_full_marks.finding(
                f"指标“{ind.name.text}”指标值 {ind.target.text}，完成值 {ind.actual.text}，未达到目标却得满分 {ind.score.text}",
                _score_location(ind),
                f"<{ind.weight.text}",
                ind.score.text,
            )
        elif verdict is None and ind.actual is not None and not ind.actual.is_quantitative:
            grade = grade_words(ind.actual.text, profile)
            if grade in ("partial", "failed"):
                word = "部分完成" if grade == "partial" else "未完成"
                yield missed_full_marks.finding(
                    f"指标“{ind.name.text}”完成值“{ind.actual.text}”为{word}，却得满分 {ind.score.text}",
                    _score_location(ind),
                    f"<{ind.weight.text}",
                    ind.score.text,
                )


@check("JX-I005", Severity.WARNING, "已完成指标却被扣分", REG_10 + "：完成年度指标值的得满分")
def met_points_lost(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """An indicator whose actual value meets the target should score its full weight.

    Example: 指标值 98%, 完成值 98%, 分值 20, 得分 19.6 (20 × 98% used as the score).
    """
    profile = context.profile
    for ind in evaluation.scored_indicators:
        if ind.score is None or met(ind, profile) is not True:
            continue
        assert ind.target is not None and ind.actual is not None
        a = ind.actual
        weight = ind.weight.value if ind.weight is not None else _weight_behind(ind)
        if weight is None or ind.score.value >= weight:
            continue
        hint = ""
        if (
            a.number is not None
            and a.unit == "%"
            and weight * a.number / HUNDRED == ind.score.value
        ):
            hint = f"：得分 = {fmt(weight)} × {a.text}，误把完成值当作得分比例"
        shown = (
            ind.weight.text
            if ind.weight is not None
            else f"{fmt(weight)}（表中未列分值，由得分 ÷ 完成值推算）"
        )
        yield met_points_lost.finding(
            f"指标“{ind.name.text}”指标值 {ind.target.text}，完成值 {a.text}，已达到目标，"
            f"得分 {ind.score.text} 低于分值 {shown}{hint}",
            _score_location(ind),
            fmt(weight),
            ind.score.text,
        )


def _weight_behind(ind: Indicator) -> Decimal | None:
    """Where the form prints no weight: a score that is a whole weight times the percentage
    achieved (19.6 = 20 × 98%) reveals the weight."""
    a, score = ind.actual, ind.score
    if (
        a is None
        or score is None
        or a.unit != "%"
        or a.number is None
        or not 0 < a.number < HUNDRED
    ):
        return None
    weight = score.value * HUNDRED / a.number
    return weight if weight == weight.to_integral_value() and weight > score.value else None


@check(
    "JX-I007",
    Severity.WARNING,
    "完成值远超指标值（目标可能偏低）",
    REG_10 + "：超额完成较多的，应分析目标设定是否偏低，可适度调减分值",
)
def over_achieved(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """An actual value at or above the profile's threshold (130 % by default) of a `≥`/`=`
    target suggests the target was set too low, and needs an explanation: silent where the
    偏差原因分析 column gives one.

    Example: 指标值 12次, 完成值 96次 (800 %), 偏差原因 blank.
    """
    threshold = context.profile.over_achievement_percent
    for ind in evaluation.indicators:
        if ind.target is None or ind.actual is None:
            continue
        if ind.deviation is not None and not says_nothing(ind.deviation.text):
            continue  # explained
        if (ind.operator or Operator.EQ) not in (Operator.GE, Operator.GT, Operator.EQ):
            continue
        pair = annual_pair(ind.target, ind.actual)
        if pair is None or pair[0] <= 0:
            continue
        t, a = pair
        ratio = a / t * HUNDRED
        if ratio >= threshold:
            yield over_achieved.finding(
                f"指标“{ind.name.text}”完成值 {ind.actual.text} 为指标值 {ind.target.text} 的 {pct(ratio, 0)}"
                f"（≥{fmt(threshold)}%），指标值可能设定偏低，应说明原因",
                _actual_location(ind),
                f"低于 {fmt(t * threshold / HUNDRED)}{ind.actual.unit or ''}，或说明原因",
                ind.actual.text,
            )


@check(
    "JX-I008",
    Severity.WARNING,
    "缺少评分方案要求的指标类别",
    REG_10 + "：产出、效益、满意度指标；" + REG_101,
)
def missing_categories(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """The indicators must cover the 一级 categories the profile requires (产出, 效益, 满意度 —
    and 成本 under 101号), and within each the required 二级 categories (数量, 质量, 时效 …).
    When the document is truncated this is reported as information only.

    Example: no 满意度指标 at all; 产出指标 without 质量指标.
    """
    profile = context.profile
    inds = evaluation.indicators
    if not inds or not profile.level1:
        return
    severity = Severity.INFO if evaluation.missing else None
    location = inds[0].location
    # a 二级 named like a 一级 of this profile (10号's 成本指标 under 产出, checked by 101号)
    # shows that category is there
    present1 = {level1_key(i, profile) for i in inds} | {level2_key(i, profile) for i in inds}
    present2 = {(level1_key(i, profile), level2_key(i, profile)) for i in inds}
    from jixiao.profiles.profile import category_key

    for category in profile.level1:
        key = category_key(category.name)
        if key not in present1:
            if category.required:
                yield missing_categories.finding(
                    f"缺少一级指标“{category.name}”（评分方案：{profile.title}）",
                    location,
                    category.name,
                    "无",
                    severity=severity,
                )
            continue
        for name in category.required_level2:
            if (key, category_key(name)) not in present2:
                yield missing_categories.finding(
                    f"一级指标“{category.name}”下缺少二级指标“{name}”（评分方案：{profile.title}）",
                    location,
                    name,
                    "无",
                    severity=severity,
                )


_INPUT_NAME = re.compile(
    r"预算执行|资金到位|资金拨付|资金支付|资金使用率|资金执行|支出进度|支付进度|投入资金|资金投入|经费投入|"
    r"人员配备|配备人员|工作人员数|在职人数|编制人数|人员数量"
)


@check(
    "JX-I009",
    Severity.WARNING,
    "投入类指标（资金、人员）作为产出指标",
    REG_101 + "：产出指标反映提供的产品和服务，资金与人员是投入",
)
def input_as_output(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Money spent and staff assigned are inputs, not outputs: an 产出 indicator (other than a
    成本 indicator) measured in money or named for budget execution or staffing.

    Example: 产出指标/数量指标 “资金拨付率 100%”; 数量指标 “投入资金 50万元”.
    """
    profile = context.profile
    for ind in evaluation.indicators:
        if level1_key(ind, profile) != "产出" or "成本" in level2_key(ind, profile):
            continue
        unit = ind.unit
        if unit in MONEY_UNITS or _INPUT_NAME.search(ind.name.text):
            yield input_as_output.finding(
                f"产出指标“{ind.name.text}”（{ind.target.text if ind.target else ''}）衡量的是资金或人员投入，"
                "不是提供的产品或服务",
                ind.location,
                "产出（产品、服务的数量、质量、时效）",
                ind.name.text,
            )


@check(
    "JX-I010", Severity.WARNING, "满意度无调查依据", REG_10 + "：满意度应通过问卷、访谈等调查取得"
)
def satisfaction_without_survey(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """A satisfaction indicator with an actual value needs the survey behind it (问卷, 调查,
    回访, 测评 …) described somewhere: in the indicator, its deviation column or the report.

    Example: 全区妇女满意度 满意度100%, and no survey mentioned anywhere.
    """
    profile = context.profile
    sats = [
        i for i in evaluation.indicators if is_satisfaction(i, profile) and i.actual is not None
    ]
    if not sats:
        return
    if any(
        describes_survey(f.text) and not is_template_instruction(f.text)
        for f in all_fields(evaluation)
    ):
        return
    for ind in sats:
        own = " ".join(
            t
            for t in (
                ind.name.text,
                ind.actual.text if ind.actual else "",
                ind.deviation.text if ind.deviation else "",
            )
            if t
        )
        if describes_survey(own) or re.search(r"问卷|调查|回访|测评", own):
            continue
        assert ind.actual is not None
        yield satisfaction_without_survey.finding(
            f"指标“{ind.name.text}”完成值 {ind.actual.text}，但表中和报告中都没有说明满意度调查（问卷、回访等）的方式和样本",
            _actual_location(ind),
            "调查方式、样本数量与结果",
            ind.actual.text,
        )


@check("JX-I011", Severity.ERROR, "比率超过 100%", "算术：合格率、覆盖率、满意度等比率不超过 100%")
def rate_above_hundred(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """A rate that cannot exceed 100 % (合格率, 覆盖率, 满意度, 签约率 … — not 增长率 or
    完成率) printed above 100 %.

    Example: 验收合格率 完成值 105%.
    """
    for ind in evaluation.indicators:
        if not is_bounded_rate(ind):
            continue
        for m, what in ((ind.target, "指标值"), (ind.actual, "完成值")):
            if m is not None and m.number is not None and m.unit == "%" and m.number > HUNDRED:
                yield rate_above_hundred.finding(
                    f"指标“{ind.name.text}”是比率，{what} {m.text} 超过 100%",
                    first_location(m.location, ind.location),
                    "≤100%",
                    m.text,
                )


@check(
    "JX-I012",
    Severity.WARNING,
    "比率类指标以人数、个数计量",
    REG_101 + "：度量单位应与指标含义一致",
)
def rate_counted(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """An indicator named as a rate (…率, 比例, 占比) whose target or actual is a head-count or
    a number of items instead of a percentage.

    Example: 家庭医生签约率 指标值 24694人, 完成值 22584人.
    """
    for ind in evaluation.indicators:
        if not is_rate_named(ind) or "满意度" in ind.name.text and "率" not in ind.name.text:
            continue
        units = [m.unit for m in (ind.target, ind.actual) if m is not None and m.number is not None]
        counted = [u for u in units if u in COUNT_UNITS]
        if counted:
            shown = " / ".join(m.text for m in (ind.target, ind.actual) if m is not None)
            yield rate_counted.finding(
                f"指标“{ind.name.text}”是比率，却以“{counted[0]}”计量（{shown}）",
                _target_location(ind),
                "%",
                counted[0],
            )


@check(
    "JX-I013",
    Severity.WARNING,
    "扣分或未完成却无偏差原因分析",
    REG_10 + "：未完成目标或偏离较大的，应分析原因并提出改进措施",
)
def missing_deviation(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Where an indicator scores below its weight or misses its target, the column
    偏差原因分析及改进措施 (未完成原因分析) must say why. Up to two such indicators are
    reported one by one; three or more in one finding, at the first, naming them all.

    Example: 分值 2, 得分 1.4, 偏差原因分析 blank.
    """
    profile = context.profile
    lacking: list[tuple[Indicator, str]] = []
    for ind in evaluation.scored_indicators:
        below = (
            ind.score is not None and ind.weight is not None and ind.score.value < ind.weight.value
        )
        missed = met(ind, profile) is False
        if not (below or missed):
            continue
        if ind.deviation is not None and not says_nothing(ind.deviation.text):
            continue
        why = (
            f"得分 {ind.score.text} 低于分值 {ind.weight.text}"  # type: ignore[union-attr]
            if below
            else f"完成值 {ind.actual.text if ind.actual else ''} 未达到指标值 {ind.target.text if ind.target else ''}"
        )
        lacking.append((ind, why))
    if len(lacking) >= _GROUPED:
        first = lacking[0][0]
        names = "、".join(f"“{ind.name.text}”" for ind, _ in lacking)
        yield missing_deviation.finding(
            f"{len(lacking)} 项指标扣分或未完成，但没有偏差原因分析和改进措施：{names}",
            first_location(first.deviation.location if first.deviation else None, first.location),
            "偏差原因及改进措施",
            f"{len(lacking)} 项空白",
        )
        return
    for ind, why in lacking:
        yield missing_deviation.finding(
            f"指标“{ind.name.text}”{why}，但没有偏差原因分析和改进措施",
            first_location(ind.deviation.location if ind.deviation else None, ind.location),
            "偏差原因及改进措施",
            ind.deviation.text if ind.deviation and ind.deviation.text else "空白",
        )


_GROUPED = 3  # from this many indicators on, one finding lists them all


@check(
    "JX-I014",
    Severity.INFO,
    "一级指标分值与评分方案不同",
    REG_10 + "：产出 50、效益 30、满意度 10、预算执行 10（特殊情况可适当调整）",
)
def level1_weights(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Where the profile fixes the weight of a 一级 category, the indicators under it should
    add up to that weight; and the funds row should carry the profile's execution weight.

    The category sums are not held against a report told in sentences with no table: it
    names the indicators it chooses to, not all.

    Example: 产出指标 weights add to 70 while the profile says 50.
    """
    profile = context.profile
    sums: dict[str, Decimal] = {}
    first: dict[str, Indicator] = {}
    told = evaluation.layout == "prose"  # (the layout of a document with no table)
    for ind in () if told else evaluation.scored_indicators:
        if ind.weight is None:
            continue
        category = profile.find_level1(
            ind.level1.text if ind.level1 else None
        ) or profile.level1_of_level2(ind.level2.text if ind.level2 else None)
        if category is None or category.weight is None:
            continue
        sums[category.name] = sums.get(category.name, Decimal(0)) + ind.weight.value
        first.setdefault(category.name, ind)
    funds = [r.weight for r in evaluation.funds if r.weight is not None and r.depth == 0]
    if funds and evaluation.scored_indicators and funds[0].value != profile.funds_weight:
        yield level1_weights.finding(
            f"预算执行分值 {funds[0].text}，评分方案“{profile.title}”为 {fmt(profile.funds_weight)}",
            funds[0].location,
            fmt(profile.funds_weight),
            funds[0].text,
        )
    for category in profile.level1:
        if (
            category.name in sums
            and category.weight is not None
            and sums[category.name] != category.weight
        ):
            yield level1_weights.finding(
                f"{category.name}分值合计 {fmt(sums[category.name])}，评分方案“{profile.title}”为 {fmt(category.weight)}",
                first[category.name].location,
                fmt(category.weight),
                fmt(sums[category.name]),
            )


@check("JX-I015", Severity.WARNING, "指标值与完成值单位不一致", REG_101 + "：度量单位应一致")
def unit_mismatch(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Target and actual must be in the same unit to be compared (人 vs 人次, 个 vs 万元).

    Example: 指标值 ≥50个, 完成值 30万元.
    """
    for ind in evaluation.indicators:
        t, a = ind.target, ind.actual
        if t is None or a is None or t.number is None or a.number is None:
            continue
        if (
            t.unit
            and a.unit
            and not same_unit(t.unit, a.unit)
            and convert(a.number, a.unit, t.unit) is None
        ):
            yield unit_mismatch.finding(
                f"指标“{ind.name.text}”指标值 {t.text} 与完成值 {a.text} 单位不同（{t.unit} / {a.unit}），无法比较",
                _actual_location(ind),
                t.unit,
                a.unit,
            )


@check(
    "JX-I006",
    Severity.WARNING,
    "得分与计分规则不符",
    REG_10 + "：定量指标按完成比例计分，定性指标按达成档次（80%–100% / 60%–80% / 0–60%）计分",
)
def score_off_rule(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """The printed score of an indicator must follow from its target and actual by the
    profile's rules (proportional for quantitative indicators, bands for qualitative ones),
    as computed by jixiao.scoring. Cases already reported by JX-I004/JX-I005 are left out.

    Example: 指标值 3807人, 完成值 3224人, 分值 2: 2 × 3224 ÷ 3807 = 1.69, printed 1.9.
    """
    from jixiao.checks.numbers import score_agrees
    from jixiao.scoring import Status, indicator_score

    profile = context.profile
    for ind in evaluation.scored_indicators:
        if ind.score is None or ind.weight is None or ind.score.value > ind.weight.value:
            continue  # above the weight: JX-A005
        verdict = met(ind, profile)
        full = ind.score.value >= ind.weight.value
        if (verdict is False and full) or (verdict is True and not full):
            continue  # JX-I004 / JX-I005
        grade = grade_words(ind.actual.text, profile) if ind.actual is not None else None
        if full and (verdict is True or grade == "achieved"):
            continue  # full marks for a target met: nothing to recompute
        quantitative = ind.target is not None and ind.target.is_quantitative
        if verdict is None and grade is None and not quantitative:
            continue  # a qualitative actual without a grade word: not computable
        line = indicator_score(ind, profile)
        if line.status != Status.DIFFERS or line.printed is None:
            continue
        if line.computed is not None:
            if score_agrees(line.printed, line.computed, profile.tolerance):
                continue
            message = f"指标“{ind.name.text}”得分 {ind.score.text}，按规则 {line.rule}，应为 {fmt(line.computed)}"
            expected = fmt(line.computed)
        elif line.band is not None:
            if grade in ("partial", "failed") and full:
                continue  # JX-I004
            message = f"指标“{ind.name.text}”得分 {ind.score.text} 不在应得档次内：{line.rule}"
            low, high = fmt(line.band.low), fmt(line.band.high)
            expected = f"{low}–{high}" if line.band.high_inclusive else f"≥{low} 且 <{high}"
        else:
            continue
        yield score_off_rule.finding(message, _score_location(ind), expected, ind.score.text)


def sub_item_groups(evaluation: Evaluation) -> Iterator[tuple[Indicator, tuple[Indicator, ...]]]:
    """Each weighted indicator with the 其中 rows that follow it."""
    parent: Indicator | None = None
    subs: list[Indicator] = []
    for ind in (*evaluation.indicators, None):
        if ind is not None and ind.sub_item:
            if parent is not None:
                subs.append(ind)
            continue
        if parent is not None and subs:
            yield parent, tuple(subs)
        parent, subs = ind, []


@check(
    "JX-I016",
    Severity.WARNING,
    "不同单位的数量相加",
    "算术：只有同一单位的数量才能相加（只与头不能合计为只）",
)
def mixed_units_summed(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """An indicator whose value is the sum of its 其中 rows while those rows are counted in
    different units (只 and 头, 人 and 人次): the total has no meaning in either unit.

    Example: 补助家畜家禽养殖数量 192只 = 其中羊 180只 + 其中猪 12头.
    """
    for parent, subs in sub_item_groups(evaluation):
        for column, what in (("target", "指标值"), ("actual", "完成值")):
            top = getattr(parent, column)
            parts = [getattr(s, column) for s in subs]
            if (
                top is None
                or top.number is None
                or any(p is None or p.number is None for p in parts)
            ):
                continue
            units = {top.unit, *(p.unit for p in parts)} - {None}
            if len(units) < 2 or all(
                convert(Decimal(1), u, top.unit or u) is not None for u in units
            ):
                continue
            if sum((p.number for p in parts), Decimal(0)) != top.number:
                continue
            odd = next(p for p in parts if p.unit != top.unit)
            yield mixed_units_summed.finding(
                f"指标“{parent.name.text}”的{what} {top.text} 由其中各项相加而来，但各项单位不同（"
                + "、".join(p.text for p in parts)
                + "）",
                first_location(odd.location, parent.location),
                f"同一单位（{top.unit}）",
                odd.text,
            )
            break


@check("JX-I017", Severity.WARNING, "同一指标重复填列", REG_101 + "：指标应各不相同，不重复计分")
def duplicate_indicator(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """The same 三级指标 (same name under the same 二级指标 and goal) listed twice with a
    weight: its points are counted twice.

    Example: 数量指标 “培训人数 ≥50人” on two rows, 10 points each.
    """
    seen: dict[tuple[str, str, int | None], Indicator] = {}
    for ind in evaluation.scored_indicators:
        name = re.sub(r"\s+", "", ind.name.text)
        if not name or ind.weight is None:
            continue
        key = (name, level2_key(ind, context.profile), ind.goal_index)
        first = seen.get(key)
        if first is None:
            seen[key] = ind
            continue
        yield duplicate_indicator.finding(
            f"指标“{ind.name.text}”重复填列（前一次在 {first.location or '前文'}），分值重复计算",
            ind.location,
            "各不相同的指标",
            ind.name.text,
        )


_COPY_MIN = 8  # characters of a target that, repeated in the actual, are a copy and not chance


@check(
    "JX-I018",
    Severity.WARNING,
    "完成值照抄指标值",
    REG_10 + "：完成值应写实际完成的结果，不能照抄年度指标值",
)
def actual_copies_target(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """A target written in words (no number to compare) that the actual repeats word for word
    — alone or followed by a description — states the plan again instead of the result.
    A number equal to its target (“100%” / “100%”) is a result and is not reported.

    Example: 指标值 “为扩大垃圾分类宣传力度，了解垃圾分类知识认知度”, 完成值 the same words
    followed by “，区妇联组织各街道（镇）妇联开展垃圾分类活动…”.
    """
    for ind in evaluation.scored_indicators:
        if ind.target is None or ind.actual is None or ind.target.number is not None:
            continue
        target = re.sub(r"[\s，,。.；;：:、“”\"'‘’]", "", ind.target.text)
        actual = re.sub(r"[\s，,。.；;：:、“”\"'‘’]", "", ind.actual.text)
        if len(target) < _COPY_MIN or re.search(r"\d", target) or not actual.startswith(target):
            continue
        yield actual_copies_target.finding(
            f"指标“{ind.name.text}”的完成值照抄了指标值“{ind.target.text.strip()[:30]}”，"
            "应写实际完成的结果",
            first_location(ind.actual.location, ind.location),
            "实际完成的结果",
            ind.actual.text.strip()[:40],
        )
