"""Checks of a target table alone (JX-T…): what a reviewer rejects before the budget is approved
(88号 第二十五条; 包头 2023: “指标性质、方向、数值、单位正确，权重合理”)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.checks.compare import COUNT_UNITS, MONEY_UNITS, level1_key, level2_key
from jixiao.checks.numbers import fmt
from jixiao.checks.texts import is_measurable
from jixiao.lifecycle.base import REG_10, REG_88, StageContext, Stages, lifecycle_check, shown
from jixiao.lifecycle.matching import name_key
from jixiao.lifecycle.model import Direction, TargetIndicator, TargetTable
from jixiao.model import Finding, Location, Operator, Severity
from jixiao.profiles.profile import category_key


def _loc(ind: TargetIndicator):  # noqa: ANN202 - Location | None
    return ind.target.location if ind.target and ind.target.location else ind.location


def _tables(stages: Stages) -> Iterator[TargetTable]:
    if stages.targets is not None:
        yield stages.targets


@lifecycle_check(
    "JX-T001",
    Severity.ERROR,
    "指标值无法衡量（口号）",
    REG_88,
    "targets",
    "指标值应可衡量：有数量和单位、时限，或可核验的标准（合格、达标、按规定、无事故等）。"
    "“围绕民生下功夫”一类口号无法在年底据以评价，审核时应退回修改。",
)
def slogan_value(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """A target value must be measurable: a number with a unit, a time limit, or a standard to
    verify; a slogan cannot be evaluated at the year end.

    Example: 指标值 “围绕民生下功夫” for 服务水平.
    """
    for table in _tables(stages):
        for ind in table.indicators:
            if ind.target is None or is_measurable(ind.target.text, ind.target):
                continue
            yield slogan_value.finding(
                f"指标“{ind.name.text}”的指标值“{ind.target.text}”没有数量、单位、时限或可核验的标准",
                _loc(ind),
                "可衡量的指标值（如 ≥50个、100%、12月底前、验收合格）",
                ind.target.text,
            )


_RATE_WORD = re.compile(r"率|度|比例|占比|比重|指数|百分")


@lifecycle_check(
    "JX-T002",
    Severity.WARNING,
    "笼统的名称配百分比",
    REG_88,
    "targets",
    "指标名称是一句口号（“维护社会稳定”“促进经济发展”），指标值却是百分比：说不清是什么的百分之几，"
    "年底无法核实。应改为可统计的比率（如“村组干部报酬按时发放率 100%”）。",
)
def vague_percent(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """A percentage needs a rate to be a percentage of: a name without 率/度/比例/占比 (a slogan
    such as 维护社会稳定) with a % value cannot be verified.

    Example: 三级指标 “维护社会稳定”, 指标值 ≥95%.
    """
    for table in _tables(stages):
        for ind in table.indicators:
            if ind.unit != "%" or not ind.name.text or _RATE_WORD.search(ind.name.text):
                continue
            yield vague_percent.finding(
                f"指标“{ind.name.text}”不是比率，却以百分比（{shown(ind)}）为指标值",
                _loc(ind),
                "可统计的比率名称（…率、…度、…比例）",
                ind.name.text,
            )


_PER = re.compile(r"^[\u4e00-\u9fff]+/[年月日天次]$")


@lifecycle_check(
    "JX-T003",
    Severity.WARNING,
    "不合理的度量单位",
    REG_88,
    "targets",
    "度量单位应与指标相称：时效指标用日期、天数或及时率，质量指标用合格率、达标率等。"
    "“按时发放 ≥1 人/年”“维持时效 ≥1 年”这类值（一人、一件、一年即算完成）无法说明是否做到了，审核时应退回。",
)
def impossible_unit(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """The unit must fit the indicator: a bound of at most 1 of a per-period unit (“按时发放
    ≥1 人/年”), or a 质量 / 时效 indicator met by one person, item or year, says nothing.

    Example: 质量指标 “按时发放” ≥ 1 人/年.
    """
    profile = context.profile
    for table in _tables(stages):
        for ind in table.indicators:
            unit = ind.unit or ""
            number = ind.target.number if ind.target else None
            if number is None or number > 1:
                continue
            key2 = level2_key(ind, profile)  # type: ignore[arg-type]
            # “≥1 人/年”: at least one of something per year is no target; nor is a 质量 or
            # 时效 indicator met by one person, one item or one year
            odd = bool(_PER.match(unit)) or (
                key2 in {"质量", "时效"} and (unit in COUNT_UNITS or unit in {"年", "个月"})
            )
            if not odd:
                continue
            yield impossible_unit.finding(
                f"{ind.level2.text if ind.level2 else '指标'}“{ind.name.text}”的度量单位“{unit}”不合理",
                _loc(ind),
                "与指标相称的单位（%、天、日期、合格/达标）",
                f"{ind.target.text if ind.target else ''} {unit}".strip(),
            )


@lifecycle_check(
    "JX-T004",
    Severity.WARNING,
    "各项目指标雷同（套用模板）",
    REG_88,
    "targets",
    "同一批次中，一个项目的指标与另一个项目的指标名称和指标值大半相同，多半是套用了模板，"
    "没有结合项目内容设置。审核时应要求按项目实际重新设置。",
)
def boilerplate(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """Half or more of a project's indicators (name and value) repeat another project's in the
    same file or batch: the same boilerplate on every project.

    Example: two projects both with 人民群众满意度 ≥95%, 促进经济发展 ≥95%, 保护生态环境 ≥95%.
    """
    for table in _tables(stages):
        mine = {
            (name_key(i.name.text), i.target.text if i.target else "") for i in table.indicators
        }
        if len(mine) < 3:
            continue
        for other in stages.siblings:
            if other is table or other.project == table.project and other.source == table.source:
                continue
            theirs = {
                (name_key(i.name.text), i.target.text if i.target else "") for i in other.indicators
            }
            shared = mine & theirs
            if len(shared) >= 3 and 2 * len(shared) >= len(mine):
                other_name = other.project.text if other.project else other.source
                yield boilerplate.finding(
                    f"项目“{table.project.text if table.project else table.source}”的 {len(shared)} 项指标"
                    f"与“{other_name}”（{other.source}）相同，疑似套用模板",
                    table.indicators[0].location,
                    "结合本项目设置的指标",
                    "、".join(sorted(k for k, _ in shared)[:5]),
                )
                break


@lifecycle_check(
    "JX-T005",
    Severity.ERROR,
    "缺少三级指标名称",
    REG_88,
    "targets",
    "每一行指标都应有具体的三级指标名称；只写一级、二级（“数量指标 88 100”）无法说明要完成什么。",
)
def missing_name(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """Every indicator row needs its 三级 name; a row with only 一级/二级 and a value says
    nothing about what is to be done.

    Example: 产出指标 | 数量指标 | (blank) | 88.
    """
    profile = context.profile
    for table in _tables(stages):
        for ind in table.indicators:
            name = ind.name.text.strip()
            # a 三级 name may repeat its category's words (服务对象满意度 under 服务对象满意度指标);
            # a category's own name (数量指标) in its place is no 三级 name
            if name and not (
                name.endswith("指标")
                and category_key(name) in {level1_key(ind, profile), level2_key(ind, profile)}  # type: ignore[arg-type]
            ):
                continue
            yield missing_name.finding(
                f"{ind.level2.text if ind.level2 else '一行指标'}没有三级指标名称",
                ind.location,
                "具体的三级指标名称",
                name or "空白",
            )


@lifecycle_check(
    "JX-T006",
    Severity.ERROR,
    "指标值疑似分值",
    REG_88,
    "targets",
    "指标值只有一个不带单位的数字，且等于权重或为 100、88 一类分数：多半把分值、得分填进了指标值。"
    "指标值应是要完成的数量或标准（如 ≥230人、100%）。",
)
def score_as_value(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """A bare number without unit or 度量单位 that equals the weight, or a table whose values
    are all bare numbers up to 100, is a score typed where the target value belongs.

    Example: 数量指标 88, 质量指标 88, 时效指标 88 (no unit).
    """
    for table in _tables(stages):
        bare = [
            i
            for i in table.indicators
            if i.target is not None
            and i.target.number is not None
            and not i.unit
            and i.nature in (None, Operator.EQ)
            and i.target.number <= 100
        ]
        everywhere = len(bare) >= 3 and len(bare) * 2 >= len(table.indicators)
        for ind in bare:
            if not everywhere and (ind.weight is None or ind.weight.value != ind.target.number):  # type: ignore[union-attr]
                continue
            yield score_as_value.finding(
                f"指标“{ind.name.text or (ind.level2.text if ind.level2 else '')}”的指标值“{ind.target.text}”"  # type: ignore[union-attr]
                "没有单位，疑似分值",
                _loc(ind),
                "带度量单位的指标值",
                ind.target.text,  # type: ignore[union-attr]
            )


@lifecycle_check(
    "JX-T007",
    Severity.WARNING,
    "缺少效益或满意度指标",
    REG_88,
    "targets",
    "绩效目标应覆盖产出、效益和满意度（按评分方案的一级指标）；只有产出指标的目标表无法反映资金使用的效果。",
)
def missing_coverage(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """The indicators must cover every required 一级 of the profile (产出, 效益, 满意度; 成本
    under 101号). A 一级 printed with no indicator under it does not count.

    Example: a target table with 产出指标 only.
    """
    profile = context.profile
    for table in _tables(stages):
        if not table.indicators or not profile.level1:
            continue
        present = {level1_key(i, profile) for i in table.indicators if i.name.text}  # type: ignore[arg-type]
        present |= {level2_key(i, profile) for i in table.indicators if i.name.text}  # type: ignore[arg-type]
        for category in profile.level1:
            if category.required and category_key(category.name) not in present:
                yield missing_coverage.finding(
                    f"目标表缺少一级指标“{category.name}”下的指标（评分方案：{profile.title}）",
                    table.indicators[0].location,
                    category.name,
                    "无",
                )


@lifecycle_check(
    "JX-T008",
    Severity.ERROR,
    "权重之和不对",
    REG_10,
    "targets",
    "目标表列出权重时，各指标权重之和应等于绩效指标的总分值（默认 90 分，另 10 分留给预算执行率；"
    "见评分方案 lifecycle.target_weights）。",
)
def weight_sum(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """Where weights are given, they add up to the profile's indicator points (90 by default:
    10 are left for budget execution in the self-evaluation).

    Example: weights 10 + 20 + 10 + 10 + 10 = 60.
    """
    expected = context.profile.target_weight_total
    for table in _tables(stages):
        weights = [i.weight.value for i in table.indicators if i.weight is not None]
        if len(weights) < 2:
            continue
        total = sum(weights, Decimal(0))
        if total != expected:
            yield weight_sum.finding(
                f"各指标权重之和为 {fmt(total)}，应为 {fmt(expected)}",
                table.indicators[0].location,
                fmt(expected),
                fmt(total),
            )


_LESS_IS_BETTER = re.compile(r"投诉|事故|差错|发生率|下降|降低|减少|控制|成本|不超|损失|违规|延误")


@lifecycle_check(
    "JX-T009",
    Severity.WARNING,
    "指标性质与指标值或方向不一致",
    REG_88,
    "targets",
    "指标性质（≥ ≤ = 定性）应与指标值和指标方向一致：≥ 配正向、≤ 配反向；定性指标不写数字，"
    "数值指标不标“定性”；指标值中写的符号应与指标性质一列相同。",
)
def nature_mismatch(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """指标性质 must agree with the value and the direction: ≥/> with 正向, ≤/< with 反向; 定性
    without a number; a symbol printed in the value equal to the 指标性质 column.

    Example: 指标性质 ≤ with 指标方向 正向.
    """
    for table in _tables(stages):
        for ind in table.indicators:
            problem = None
            nature, target = ind.nature, ind.target
            if nature is not None and target is not None:
                printed = target.text.strip()
                symbol = next(
                    (
                        op
                        for op in Operator
                        if op != Operator.QUALITATIVE and printed.startswith(op.value)
                    ),
                    None,
                )
                if nature == Operator.QUALITATIVE and target.number is not None:
                    problem = "指标性质为定性，指标值却是数字"
                elif symbol is not None and symbol != nature:
                    problem = f"指标性质为“{nature.value}”，指标值写的是“{symbol.value}”"
            op = ind.operator
            if ind.direction == Direction.POSITIVE and op in (Operator.LE, Operator.LT):
                problem = f"指标性质为“{op.value}”，指标方向却是正向"
            elif ind.direction == Direction.NEGATIVE and op in (Operator.GE, Operator.GT):
                problem = f"指标性质为“{op.value}”，指标方向却是反向"
            if problem:
                yield nature_mismatch.finding(
                    f"指标“{ind.name.text}”：{problem}",
                    _loc(ind),
                    "一致的指标性质、指标值与方向",
                    f"{op.value if op else ''} {target.text if target else ''} {ind.direction.value if ind.direction else ''}".strip(),
                )


@lifecycle_check(
    "JX-T010",
    Severity.WARNING,
    "成本指标没有金额",
    REG_88,
    "targets",
    "成本指标应以金额（元、万元）或单位成本（元/人）表示，并不超过项目预算；"
    "“控制在预算内”“合理”一类写法无法核对。",
)
def cost_without_money(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """A 成本 indicator states an amount (元, 万元) or a unit cost (元/人); words such as 控制在预算内
    cannot be compared with the money spent.

    Example: 成本指标 “办公经费” 指标值 “合理控制”.
    """
    profile = context.profile
    for table in _tables(stages):
        for ind in table.indicators:
            keys = {level1_key(ind, profile), level2_key(ind, profile)}  # type: ignore[arg-type]
            if not any("成本" in k for k in keys) or not ind.name.text:
                continue
            unit = ind.unit or ""
            if unit in MONEY_UNITS or unit in {"万", "%"} or unit.startswith(("元/", "万元/")):
                continue
            yield cost_without_money.finding(
                f"成本指标“{ind.name.text}”没有以金额表示",
                _loc(ind),
                "金额（元、万元）或单位成本（元/人）",
                ind.target.text if ind.target else "空白",
            )


@lifecycle_check(
    "JX-T011",
    Severity.ERROR,
    "指标值空白",
    REG_88,
    "targets",
    "每一项指标都应填写指标值；空白的指标值在自评时无从对照。",
)
def blank_value(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """Every indicator with a name has a target value.

    Example: 三级指标 “培训人数”, 指标值 blank.
    """
    for table in _tables(stages):
        for ind in table.indicators:
            if ind.name.text and ind.target is None:
                yield blank_value.finding(
                    f"指标“{ind.name.text}”没有填写指标值", ind.location, "指标值", "空白"
                )


@lifecycle_check(
    "JX-T012",
    Severity.WARNING,
    "未读到绩效指标",
    REG_88,
    "targets",
    "目标表中没有读到任何绩效指标：表可能不完整，或指标表的表头（一级指标、三级指标、指标值等）没有"
    "读出。请核对原件，或另存为 Excel / Word 后再审核；其他规则因此无从核对。",
)
def no_indicators(stages: Stages, context: StageContext) -> Iterator[Finding]:
    """A target table in which no indicator was read: incomplete, or its indicator header not
    recognised; every other check has nothing to look at.

    Example: a target table with its header fields only.
    """
    for table in _tables(stages):
        if not table.indicators:
            yield no_indicators.finding(
                "目标表中没有读到绩效指标", Location(table.source), "绩效指标表", "无"
            )


TARGET_CHECKS = (
    slogan_value,
    vague_percent,
    impossible_unit,
    boilerplate,
    missing_name,
    score_as_value,
    missing_coverage,
    weight_sum,
    nature_mismatch,
    cost_without_money,
    blank_value,
    no_indicators,
)
