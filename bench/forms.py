"""Realistic self-evaluations for the benchmark, built from a small mutable spec.

A :class:`Spec` holds the figures a unit would type (budgets, actuals, targets, scores);
:func:`build` derives everything a correct form computes (totals, rates, the execution
score, the total score) unless a fault overrides it, and returns the model
(:class:`~jixiao.model.Evaluation`) that the writers render in any format.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from jixiao.measure import parse_measure
from jixiao.model import (
    Evaluation,
    FundGroup,
    FundLine,
    FundRow,
    Goal,
    Indicator,
    Kind,
    Num,
    Report,
    Section,
    Text,
)

CENT = Decimal("0.01")
REGIONS = (
    "长沙市岳麓区",
    "长沙市天心区",
    "株洲市荷塘区",
    "湘潭市雨湖区",
    "衡阳市蒸湘区",
    "常德市武陵区",
    "成都市武侯区",
    "眉山市青神县",
    "宿州市萧县",
    "池州市贵池区",
    "宜昌市夷陵区",
    "保定市莲池区",
)
ORGS = (
    "妇女联合会",
    "档案馆",
    "科学技术局",
    "文化旅游体育局",
    "农业农村局",
    "司法局",
    "民政局",
    "卫生健康局",
    "机关事务服务中心",
    "总工会",
    "残疾人联合会",
    "城市管理局",
    "统计局",
    "审计局",
    "水利局",
    "自然资源局",
    "退役军人事务局",
    "医疗保障局",
    "市场监督管理局",
    "教育局",
)
PROJECTS = (
    "妇女儿童关爱服务经费",
    "档案数字化建设经费",
    "科技创新专项资金",
    "公共文化服务体系建设经费",
    "农村人居环境整治经费",
    "法律援助专项经费",
    "困难群众救助资金",
    "基本公共卫生服务项目",
    "机关运行保障经费",
    "职工帮扶专项资金",
    "残疾人康复服务经费",
    "城市环境卫生保洁经费",
)


def money(x: float) -> Decimal:
    return Decimal(str(x)).quantize(CENT, ROUND_HALF_UP)


def pct(actual: Decimal, budget: Decimal) -> Decimal:
    if budget == 0:
        return Decimal("0.00")
    return (actual / budget * 100).quantize(CENT, ROUND_HALF_UP)


@dataclass
class FundSpec:
    label: str
    line: FundLine
    group: FundGroup | None
    depth: int
    budget: Decimal
    actual: Decimal
    initial: Decimal | None = None
    rate_override: Decimal | None = None
    reason: str | None = None

    @property
    def rate(self) -> Decimal | None:
        if self.rate_override is not None:
            return self.rate_override
        return pct(self.actual, self.budget) if self.budget else None


@dataclass
class IndSpec:
    level1: str
    level2: str
    name: str
    target: str
    actual: str
    weight: Decimal
    score: Decimal
    deviation: str = ""
    op: str = "≥"  # how the target compares, for the planting of faults
    number: Decimal | None = None  # the target's number
    unit: str = ""
    actual_number: Decimal | None = None
    planted: bool = False  # already changed by a fault (one fault per indicator)


@dataclass
class Spec:
    kind: Kind
    year: int
    unit: str
    project: str = ""
    supervisor: str = ""
    duties: str = ""
    staff_authorized: int | None = None
    staff_actual: int | None = None
    funds: list[FundSpec] = field(default_factory=list)
    exec_weight: Decimal = Decimal(10)
    goals: tuple[str, str] = ("", "")
    inds: list[IndSpec] = field(default_factory=list)
    total_weight: Decimal = Decimal(100)
    total_score_override: Decimal | None = None
    sections: list[tuple[str, str]] = field(default_factory=list)
    report_title: str = ""
    problems: str = ""
    measures: str = ""

    def fund(self, line: FundLine, group: FundGroup | None = None) -> FundSpec:
        for f in self.funds:
            if f.line == line and (group is None or f.group == group):
                return f
        raise KeyError(line)

    def recompute_totals(self) -> None:
        """Totals as the sum of their parts (what a correct form prints)."""
        if self.kind == Kind.DEPARTMENT:
            src = [f for f in self.funds if f.group == FundGroup.SOURCE]
            st = {f.line: f for f in self.funds if f.group == FundGroup.STRUCTURE}
            for attr in ("budget", "actual"):
                setattr(src[0], attr, sum((getattr(f, attr) for f in src[1:]), Decimal(0)))
                setattr(
                    st[FundLine.BASIC],
                    attr,
                    getattr(st[FundLine.PERSONNEL], attr) + getattr(st[FundLine.PUBLIC], attr),
                )
                setattr(
                    st[FundLine.TOTAL],
                    attr,
                    getattr(st[FundLine.BASIC], attr) + getattr(st[FundLine.PROJECT], attr),
                )
        else:
            total, *parts = self.funds
            for attr in ("budget", "actual", "initial"):
                setattr(
                    total, attr, sum((getattr(f, attr) or Decimal(0) for f in parts), Decimal(0))
                )

    @property
    def main(self) -> FundSpec:
        return self.funds[0]

    @property
    def exec_score(self) -> Decimal:
        main = self.main
        if self.main.rate_override is not None or not main.budget:
            ratio = (main.rate or Decimal(0)) / 100
        else:
            ratio = main.actual / main.budget
        return (self.exec_weight * min(ratio, Decimal(1))).quantize(CENT, ROUND_HALF_UP)

    @property
    def total_score(self) -> Decimal:
        if self.total_score_override is not None:
            return self.total_score_override
        return self.exec_score + sum((i.score for i in self.inds), Decimal(0))


def _num(value: Decimal | None, unit: str | None = None, percent: bool = False) -> Num | None:
    if value is None:
        return None
    text = f"{value}%" if percent else _plain(value)
    return Num(value, text, "%" if percent else unit)


def _plain(value: Decimal) -> str:
    text = (
        format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    )
    return text


def build(spec: Spec) -> Evaluation:
    funds = []
    for i, f in enumerate(spec.funds):
        carries_score = i == 0 and spec.exec_weight > 0  # the framework's 预算执行率 is a row
        funds.append(
            FundRow(
                label=Text(f.label),
                line=f.line,
                group=f.group,
                depth=f.depth,
                initial_budget=_num(f.initial, "万元"),
                budget=_num(f.budget, "万元"),
                actual=_num(f.actual, "万元"),
                rate=_num(f.rate, percent=True),
                weight=_num(spec.exec_weight) if carries_score else None,
                score=_num(spec.exec_score) if carries_score else None,
                reason=Text(f.reason) if f.reason else None,
            )
        )
    indicators = tuple(
        Indicator(
            name=Text(i.name),
            level1=Text(i.level1),
            level2=Text(i.level2),
            target=parse_measure(i.target),
            actual=parse_measure(i.actual),
            weight=_num(i.weight),
            score=_num(i.score),
            deviation=Text(i.deviation) if i.deviation else None,
        )
        for i in spec.inds
    )
    report = None
    if spec.sections:
        report = Report(
            Text(spec.report_title),
            tuple(Section(Text(h), t, 2 if h.startswith("（") else 1) for h, t in spec.sections),
        )
    return Evaluation(
        kind=spec.kind,
        year=Num(Decimal(spec.year), str(spec.year)),
        unit=Text(spec.unit),
        supervisor=Text(spec.supervisor) if spec.supervisor else None,
        project=Text(spec.project) if spec.project else None,
        duties=Text(spec.duties) if spec.duties else None,
        staff_authorized=_num(Decimal(spec.staff_authorized), "人")
        if spec.staff_authorized is not None
        else None,
        staff_actual=_num(Decimal(spec.staff_actual), "人")
        if spec.staff_actual is not None
        else None,
        funds=tuple(funds),
        goals=(Goal(Text(spec.goals[0]), Text(spec.goals[1])),),
        indicators=indicators,
        total_weight=_num(spec.total_weight),
        total_score=_num(spec.total_score),
        report=report,
    )


# -- indicators ------------------------------------------------------------------------------

# (level1, level2, name, unit, op, low, high, integer)
CATALOGUE = (
    ("产出指标", "数量指标", "开展{topic}活动次数", "次", "≥", 4, 60, True),
    ("产出指标", "数量指标", "组织业务培训人次", "人次", "≥", 50, 2000, True),
    ("产出指标", "数量指标", "覆盖社区（村）数量", "个", "≥", 10, 200, True),
    ("产出指标", "数量指标", "发放宣传资料份数", "份", "≥", 500, 20000, True),
    ("产出指标", "数量指标", "完成{topic}检查次数", "次", "≥", 6, 48, True),
    ("产出指标", "质量指标", "资金使用合规率", "%", "=", 100, 100, True),
    ("产出指标", "质量指标", "项目验收合格率", "%", "≥", 90, 98, True),
    ("产出指标", "质量指标", "档案资料完整率", "%", "≥", 95, 100, True),
    ("产出指标", "时效指标", "服务事项按时办结率", "%", "≥", 90, 98, True),
    ("产出指标", "时效指标", "年度任务按期完成率", "%", "=", 100, 100, True),
    ("产出指标", "成本指标", "公用经费支出控制数", "万元", "≤", 10, 80, False),
    ("产出指标", "成本指标", "单次活动平均成本", "万元", "≤", 1, 5, False),
    ("效益指标", "社会效益指标", "受益群众人数", "人", "≥", 300, 30000, True),
    ("效益指标", "社会效益指标", "群众政策知晓率", "%", "≥", 80, 95, True),
    ("效益指标", "社会效益指标", "{topic}问题办结率", "%", "≥", 85, 98, True),
    ("效益指标", "经济效益指标", "带动就业人数", "人", "≥", 20, 500, True),
    ("效益指标", "可持续影响指标", "建立长效工作制度数量", "项", "≥", 2, 12, True),
    ("效益指标", "生态效益指标", "垃圾分类宣传覆盖户数", "户", "≥", 200, 8000, True),
)
# units of two characters and more that scans glue to the figure (万户, 万人次, 个工作日); the
# framework's forms draw from these too
CATALOGUE_UNITS = (
    ("产出指标", "数量指标", "惠及农户数量", "万户", "≥", 1, 30, True),
    ("产出指标", "数量指标", "线上服务访问量", "万人次", "≥", 2, 90, True),
    ("产出指标", "时效指标", "事项平均办理时限", "个工作日", "≤", 3, 15, True),
    ("效益指标", "社会效益指标", "群众咨询受理量", "万次", "≥", 1, 40, True),
)
SATISFACTION = ("满意度指标", "服务对象满意度指标", "服务对象满意度", "%", "≥", 85, 95, True)
LEVEL2_ORDER = (
    "数量指标",
    "质量指标",
    "时效指标",
    "成本指标",
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
    "服务对象满意度指标",
)
TOPICS = ("普法宣传", "安全生产", "志愿服务", "政策宣讲", "业务督导", "走访慰问", "信访维权")
# a target's comparison: a word or sign before the figure, or (None) one of the printed variants
# of jixiao.measure's operator table below, chosen by the figure so that the random draws — and
# every other field of the generated forms — stay as they were before the variants were taught
OP_WORDS = {"≥": ("≥", "不少于", "不低于", None), "≤": ("≤", "不超过", None), "=": ("=", "", "")}
OP_PRINTED = {
    "≥": (
        "≥{}",
        "大于等于{}",
        "≧{}",
        "不小于{}",
        "{}以上",
        "不得低于{}",
        "至少{}",
        "{}及以上",
        ">={}",
    ),
    "≤": ("≤{}", "不高于{}", "≦{}", "小于等于{}", "控制在{}以内", "{}以内", "不得超过{}"),
}


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` in multiples of 5 over ``parts`` positive parts."""
    units = total // 5
    cuts = sorted(rng.sample(range(1, units), parts - 1))
    return [(b - a) * 5 for a, b in zip([0, *cuts], [*cuts, units], strict=True)]


def _target_text(op: str, number: Decimal, unit: str, rng: random.Random) -> str:
    word = rng.choice(OP_WORDS[op])
    if word is None:
        printed = OP_PRINTED[op]
        return printed[int(number * 100) % len(printed)].format(f"{_plain(number)}{unit}")
    return f"{word}{_plain(number)}{unit}"


def make_indicator(row: tuple, weight: int, rng: random.Random, partial: bool) -> IndSpec:
    level1, level2, name, unit, op, low, high, integer = row
    name = name.format(topic=rng.choice(TOPICS))
    number = Decimal(rng.randint(low, high)) if integer else money(rng.uniform(low, high))
    w = Decimal(weight)
    if op == "≤":
        actual = money(float(number) * rng.uniform(0.8, 1.0))
        if integer:
            actual = actual.to_integral_value()
        score, deviation = w, ""
    elif op == "=" or not partial:
        upper = 1.0 if unit == "%" and number >= 95 or op == "=" else rng.uniform(1.0, 1.15)
        actual = Decimal(round(float(number) * upper)) if integer else money(float(number) * upper)
        if unit == "%":
            actual = min(actual, Decimal(100))
        actual = max(actual, number)
        score, deviation = w, ""
    else:  # partly achieved: scored in proportion, with a deviation analysis
        ratio = rng.uniform(0.8, 0.97)
        actual = Decimal(int(float(number) * ratio)) if integer else money(float(number) * ratio)
        score = (w * actual / number).quantize(CENT, ROUND_HALF_UP)
        deviation = rng.choice(
            (
                "受疫情影响部分活动延期，下一步将加快进度。",
                "因上级政策调整，部分任务顺延至下年度，已制定整改计划。",
                "前期调研不足，目标设定偏高，下年度将科学合理设置指标。",
            )
        )
    return IndSpec(
        level1,
        level2,
        name,
        _target_text(op, number, unit, rng),
        f"{_plain(actual)}{unit}",
        w,
        score,
        deviation,
        op,
        number,
        unit,
        actual,
    )


def make_indicators(rng: random.Random, catalogue: tuple = CATALOGUE) -> list[IndSpec]:
    output = [r for r in catalogue if r[0] == "产出指标"]
    benefit = [r for r in catalogue if r[0] == "效益指标"]
    rows = []
    picked = [
        rng.choice([r for r in output if r[1] == "数量指标"]),
        rng.choice([r for r in output if r[1] == "质量指标"]),
        rng.choice([r for r in output if r[1] == "时效指标"]),
    ]
    picked += rng.sample([r for r in output if r not in picked], rng.randint(1, 2))
    for row, w in zip(picked, _split(50, len(picked), rng), strict=True):
        rows.append((row, w))
    chosen = rng.sample(benefit, rng.randint(2, 3))
    for row, w in zip(chosen, _split(30, len(chosen), rng), strict=True):
        rows.append((row, w))
    rows.append((SATISFACTION, 10))
    rows.sort(key=lambda rw: (LEVEL2_ORDER.index(rw[0][1]),))
    rising = [i for i, (row, _) in enumerate(rows[:-1]) if row[4] == "≥"]
    partial = rng.sample(rising, min(len(rising), rng.randint(1, 2)))
    return [make_indicator(row, w, rng, i in partial) for i, (row, w) in enumerate(rows)]


# -- whole forms -------------------------------------------------------------------------------


def _goals(unit: str, rng: random.Random) -> tuple[str, str]:
    planned = rng.choice(
        (
            f"围绕全区中心工作，保障{unit}正常运转，完成年度重点工作任务，提升服务群众水平。",
            "加强预算管理，提高资金使用效益，按期完成各项业务工作，群众满意度达到90%以上。",
            "落实年度工作计划，规范财务管理，推进重点项目建设，确保各项指标全面完成。",
        )
    )
    achieved = rng.choice(
        (
            "全年各项重点工作均按计划推进，资金使用规范，主要绩效指标基本完成，服务对象满意度较高。",
            "年度目标基本实现：重点项目按期完成验收，财务管理进一步规范，群众获得感明显增强。",
            "按计划完成年度任务，预算执行进度符合要求，部分指标因客观原因略有偏差，已分析原因。",
        )
    )
    return planned, achieved


def department(rng: random.Random, year: int) -> Spec:
    region, org = rng.choice(REGIONS), rng.choice(ORGS)
    unit = f"{region}{org}"
    fiscal_b = money(rng.uniform(80, 3000))
    other_b = (
        money(float(fiscal_b) * rng.uniform(0, 0.2)) if rng.random() < 0.7 else Decimal("0.00")
    )
    total_b = fiscal_b + other_b
    personnel_b = money(float(total_b) * rng.uniform(0.35, 0.6))
    public_b = money(float(total_b) * rng.uniform(0.05, 0.15))
    project_b = total_b - personnel_b - public_b
    r = lambda: rng.uniform(0.9, 1.0)  # noqa: E731 - an execution ratio
    personnel_a = money(float(personnel_b) * rng.uniform(0.97, 1.0))
    public_a = money(float(public_b) * r())
    project_a = money(float(project_b) * r())
    total_a = personnel_a + public_a + project_a
    other_a = min(other_b, max(money(float(other_b) * r()), total_a - fiscal_b))
    fiscal_a = total_a - other_a
    S, T = FundGroup.SOURCE, FundGroup.STRUCTURE
    funds = [
        FundSpec("合计", FundLine.TOTAL, S, 0, total_b, total_a),
        FundSpec("财政拨款", FundLine.FISCAL, S, 1, fiscal_b, fiscal_a),
        FundSpec("其他资金", FundLine.OTHER, S, 1, other_b, other_a),
        FundSpec("合计", FundLine.TOTAL, T, 0, total_b, total_a),
        FundSpec("基本支出", FundLine.BASIC, T, 1, personnel_b + public_b, personnel_a + public_a),
        FundSpec("人员支出", FundLine.PERSONNEL, T, 2, personnel_b, personnel_a),
        FundSpec("公用支出", FundLine.PUBLIC, T, 2, public_b, public_a),
        FundSpec("项目支出", FundLine.PROJECT, T, 1, project_b, project_a),
    ]
    staff = rng.randint(3, 120)
    spec = Spec(
        kind=Kind.DEPARTMENT,
        year=year,
        unit=unit,
        duties=f"贯彻执行党和国家有关方针政策和法律法规，负责全区{org[:-1] if org.endswith('局') else org}相关工作的组织实施、监督管理和服务保障，完成区委、区政府交办的其他任务。",
        staff_authorized=staff,
        staff_actual=staff - rng.randint(0, max(1, staff // 10)),
        funds=funds,
        goals=_goals(unit, rng),
        inds=make_indicators(rng),
    )
    spec.sections = report_sections(spec, rng)
    spec.report_title = f"{year}年度{unit}部门整体支出绩效自评报告"
    return spec


def report_sections(spec: Spec, rng: random.Random) -> list[tuple[str, str]]:
    y = spec.year
    total, fiscal = spec.fund(FundLine.TOTAL, FundGroup.SOURCE), spec.fund(FundLine.FISCAL)
    basic, project = spec.fund(FundLine.BASIC), spec.fund(FundLine.PROJECT, FundGroup.STRUCTURE)
    personnel, public = spec.fund(FundLine.PERSONNEL), spec.fund(FundLine.PUBLIC)
    subsidies = money(float(personnel.actual) * rng.uniform(0.01, 0.05))
    capital = money(float(project.actual) * rng.uniform(0.0, 0.1))
    goods = total.actual - personnel.actual - subsidies - capital
    satisfaction = next((i for i in spec.inds if "满意度" in i.name), None)
    survey = (
        f"通过发放调查问卷{rng.randint(50, 500)}份，服务对象满意度为{satisfaction.actual}。"
        if satisfaction
        else ""
    )
    return [
        ("一、部门（单位）概况", ""),
        (
            "（一）部门（单位）基本情况",
            f"{spec.unit}为财政全额拨款单位，现有编制人数{spec.staff_authorized}人，实有在职人员{spec.staff_actual}人。",
        ),
        (
            "（二）部门（单位）整体支出规模、使用方向和主要内容、涉及范围等",
            f"{y}年部门预算为{total.budget}万元，其中财政拨款{fiscal.budget}万元。{y}年决算支出为{total.actual}万元，"
            f"其中工资福利支出{personnel.actual}万元、商品和服务支出{goods}万元、对个人和家庭的补助{subsidies}万元、资本性支出{capital}万元。"
            f"上述决算支出中基本支出{basic.actual}万元，项目支出{project.actual}万元。",
        ),
        ("二、部门（单位）整体支出管理及使用情况", ""),
        (
            "（一）基本支出",
            f"基本支出{basic.actual}万元，其中人员经费{personnel.actual}万元，公用经费{public.actual}万元，保障了机构正常运转。",
        ),
        (
            "（二）专项支出",
            f"项目支出{project.actual}万元，主要用于重点业务工作的开展，资金使用符合规定用途。",
        ),
        (
            "三、部门（单位）整体支出绩效情况",
            f"{y}年度预算执行率为{total.rate}%。全年{spec.inds[0].name}{spec.inds[0].actual}，{spec.inds[1].name}{spec.inds[1].actual}，各项工作有序推进。{survey}",
        ),
        (
            "四、存在的主要问题及原因分析",
            rng.choice(
                (
                    "绩效目标设置的科学性有待提高，个别指标量化不足。",
                    "预算编制的精细化程度不够，年中调整较多。",
                    "绩效管理专业人员不足，自评工作深度有待加强。",
                )
            ),
        ),
        (
            "五、下一步改进措施和有关建议",
            rng.choice(
                (
                    "加强与财政部门沟通，提升绩效目标编制质量。",
                    "完善内部绩效管理制度，开展业务培训。",
                    "强化预算执行监控，提高资金使用效益。",
                )
            ),
        ),
    ]


def project(rng: random.Random, year: int) -> Spec:
    region, org = rng.choice(REGIONS), rng.choice(ORGS)
    unit = f"{region}{org}"
    fiscal_b = money(rng.uniform(5, 800))
    carry_b = (
        money(float(fiscal_b) * rng.uniform(0, 0.15)) if rng.random() < 0.4 else Decimal("0.00")
    )
    other_b = (
        money(float(fiscal_b) * rng.uniform(0, 0.1)) if rng.random() < 0.3 else Decimal("0.00")
    )
    ratio = lambda: rng.uniform(0.9, 1.0)  # noqa: E731
    funds = [
        FundSpec("年度资金总额", FundLine.TOTAL, None, 0, Decimal(0), Decimal(0), Decimal(0)),
        FundSpec(
            "本年财政拨款",
            FundLine.FISCAL,
            None,
            1,
            fiscal_b,
            money(float(fiscal_b) * ratio()),
            fiscal_b,
        ),
        FundSpec(
            "上年结转资金",
            FundLine.CARRYOVER,
            None,
            1,
            carry_b,
            money(float(carry_b) * ratio()),
            carry_b,
        ),
        FundSpec(
            "其他资金", FundLine.OTHER, None, 1, other_b, money(float(other_b) * ratio()), other_b
        ),
    ]
    spec = Spec(
        kind=Kind.PROJECT,
        year=year,
        unit=unit,
        project=rng.choice(PROJECTS),
        supervisor=unit,
        funds=funds,
        goals=_goals(unit, rng),
        inds=make_indicators(rng),
    )
    satisfaction = spec.inds[-1]
    spec.goals = (
        spec.goals[0],
        spec.goals[1]
        + f"经发放调查问卷{rng.randint(30, 300)}份，服务对象满意度为{satisfaction.actual}。",
    )
    spec.recompute_totals()
    return spec


# -- the project framework (一级 项目决策 / 项目管理 / 项目产出 / 项目效益, 二级, 三级) -----------------

# (一级, 二级, name, what the unit writes as the finding): the decision and management parts,
# judged in words; the target column is left blank (—) or repeats the standard in words
FRAMEWORK_JUDGED = (
    ("项目决策", "项目立项", "立项依据充分性", "立项依据充分，符合发展规划"),
    ("项目决策", "项目立项", "立项程序规范性", "按规定程序申请设立"),
    ("项目决策", "绩效目标", "绩效目标合理性", "目标与实际工作内容相关"),
    ("项目决策", "绩效目标", "绩效指标明确性", "目标明确、细化、量化"),
    ("项目决策", "资金投入", "预算编制科学性", "预算编制经过论证"),
    ("项目管理", "财务管理", "资金使用合规性", "资金使用符合财经制度规定"),
    ("项目管理", "财务管理", "财务监控有效性", "建立财务监控机制"),
    ("项目管理", "项目实施", "管理制度健全性", "制定了相应的管理制度"),
    ("项目管理", "项目实施", "制度执行有效性", "严格执行相关管理制度"),
)
_FRAMEWORK_STANDARD = ("—", "—", "—", "完整", "规范")


def _judged(row: tuple[str, str, str, str], weight: int, rng: random.Random) -> IndSpec:
    level1, level2, name, finding = row
    w = Decimal(weight)
    score = w if rng.random() < 0.7 else w - 1
    target = rng.choice(_FRAMEWORK_STANDARD)
    return IndSpec(level1, level2, name, target, finding, w, score, op="定性")


def framework_indicators(spec: Spec, rng: random.Random) -> list[IndSpec]:
    """The indicators of the project framework: 项目决策 and 项目管理 judged in words (with
    预算执行率 as a 项目管理 row), then the 产出/效益 rows re-labelled as 二级 of 项目产出 /
    项目效益 (成本指标 and 满意度指标 are 二级 there)."""
    decision = rng.sample([r for r in FRAMEWORK_JUDGED if r[0] == "项目决策"], rng.randint(2, 3))
    management = rng.sample([r for r in FRAMEWORK_JUDGED if r[0] == "项目管理"], rng.randint(1, 2))
    rows = [
        _judged(r, w, rng) for r, w in zip(decision, _points(10, len(decision), rng), strict=True)
    ]
    main = spec.main
    rate = pct(main.actual, main.budget) if main.budget else Decimal(0)
    exec_w = Decimal(rng.choice((5, 10)))
    rows.append(
        IndSpec(
            "项目管理",
            "投入管理",
            "预算执行率",
            "100%",
            f"{_plain(rate)}%",
            exec_w,
            (exec_w * min(rate, Decimal(100)) / 100).quantize(CENT, ROUND_HALF_UP),
            op="=",
            number=Decimal(100),
            unit="%",
            actual_number=rate,
        )
    )
    rest = int(20 - exec_w)
    rows += [
        _judged(r, w, rng)
        for r, w in zip(management, _points(rest, len(management), rng), strict=True)
    ]
    later = make_indicators(rng, CATALOGUE + CATALOGUE_UNITS)
    for ind in later:
        if ind.level2 == "时效指标" and rng.random() < 0.5:
            # a deadline as the target, a month as the actual (2022年12月底前完成)
            ind.name, ind.op, ind.number, ind.unit, ind.actual_number = (
                "项目完成时间",
                "定性",
                None,
                "",
                None,
            )
            ind.target = f"{spec.year}年12月底前完成"
            ind.actual = f"{spec.year}年{rng.randint(9, 12)}月完成"
            ind.score, ind.deviation = ind.weight, ""
    output = [i for i in later if i.level1 == "产出指标"]
    benefit = [i for i in later if i.level1 != "产出指标"]
    for level1, points, part in (("项目产出", 40, output), ("项目效益", 30, benefit)):
        for ind, w in zip(part, _points(points, len(part), rng), strict=True):
            weight = Decimal(w)
            ind.score = (ind.score * weight / ind.weight).quantize(CENT, ROUND_HALF_UP)
            if ind.score == ind.score.to_integral_value():
                ind.score = ind.score.quantize(Decimal(1))
            ind.level1, ind.weight = level1, weight
            rows.append(ind)
    return rows


def _points(total: int, parts: int, rng: random.Random) -> list[int]:
    """``total`` points over ``parts`` whole parts of 2 points at least."""
    spare = total - 2 * parts
    cuts = sorted(rng.randint(0, spare) for _ in range(parts - 1))
    return [2 + b - a for a, b in zip([0, *cuts], [*cuts, spare], strict=True)]


def project_framework(rng: random.Random, year: int) -> Spec:
    """A project form of the common evaluation framework (一级 项目决策/项目管理/项目产出/
    项目效益 with 二级 and 三级 indicators), as several provinces print the self-evaluation;
    the fund row carries no points (预算执行率 is an indicator under 项目管理)."""
    spec = project(rng, year)
    spec.exec_weight = Decimal(0)
    spec.inds = framework_indicators(spec, rng)
    return spec
