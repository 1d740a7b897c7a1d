"""Consistency checks (JX-C…): the report against the table, years, unit names, copies."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.checks.base import REG_10, Context, check, first_location
from jixiao.checks.fields import all_fields
from jixiao.checks.numbers import fmt, ulp
from jixiao.checks.texts import plain_label
from jixiao.model import Evaluation, Figure, FigureKey, Finding, FundLine, Kind, Num, Severity, Text
from jixiao.scoring.units import convert

_MONEY = frozenset({"元", "千元", "万元", "亿元"})


def _named_rows_values(evaluation: Evaluation, figure: Figure) -> list[Num]:
    """The amounts of the fund rows the figure's own words name (“其他资金全年预算数…”,
    “财政拨款…，全年执行数…” in one sentence): the figure may be that row's.

    Only money figures, and only rows named in the figure's label or in its sentence up to
    the figure."""
    if figure.key in (FigureKey.STAFF_AUTHORIZED, FigureKey.STAFF_ACTUAL):
        return []
    sentence = figure.sentence or ""
    cut = sentence.find(figure.value.text) if figure.value.text else -1
    words = figure.label + (sentence[:cut] if cut >= 0 else sentence)
    words = re.sub(r"\s", "", words)
    out: list[Num] = []
    for row in evaluation.funds:
        label = plain_label(row.label.text)
        if len(label) >= 2 and label in words:
            out += [n for n in (row.budget, row.actual, row.initial_budget) if n is not None]
    return out


def _candidates(evaluation: Evaluation, key: FigureKey) -> list[tuple[str, Num]]:
    """The table's values a report figure of this meaning may repeat."""
    e = evaluation
    out: list[tuple[str, Num]] = []

    def add(lines: tuple[FundLine, ...], columns: tuple[str, ...]) -> None:
        for row in e.funds:
            if row.line in lines:
                for column in columns:
                    n = getattr(row, column)
                    if n is not None:
                        out.append((f"{row.label.text}{_COLUMN_NAMES[column]}", n))

    if key == FigureKey.BUDGET:
        add((FundLine.TOTAL, FundLine.FISCAL), ("budget", "initial_budget"))
    elif key in (FigureKey.FINAL_ACCOUNTS, FigureKey.EXPENDITURE):
        add((FundLine.TOTAL, FundLine.FISCAL, FundLine.EXPENDITURE), ("actual",))
    elif key == FigureKey.INCOME:
        add((FundLine.INCOME,), ("actual", "budget"))
    elif key == FigureKey.FISCAL_INCOME:
        add((FundLine.FISCAL,), ("budget", "actual", "initial_budget"))
    elif key in _LINE_OF:
        add((_LINE_OF[key],), ("actual", "budget"))
        if key == FigureKey.PROJECT and e.kind == Kind.PROJECT:
            add((FundLine.TOTAL,), ("actual", "budget"))
    elif key == FigureKey.STAFF_AUTHORIZED and e.staff_authorized is not None:
        out.append(("人员编制", e.staff_authorized))
    elif key == FigureKey.STAFF_ACTUAL and e.staff_actual is not None:
        out.append(("实有人数", e.staff_actual))
    return out


_COLUMN_NAMES = {"budget": "全年预算数", "initial_budget": "年初预算数", "actual": "全年执行数"}
_LINE_OF = {
    FigureKey.BASIC: FundLine.BASIC,
    FigureKey.PROJECT: FundLine.PROJECT,
    FigureKey.PERSONNEL: FundLine.PERSONNEL,
    FigureKey.PUBLIC: FundLine.PUBLIC,
}
_KEY_NAMES = {
    FigureKey.BUDGET: "预算",
    FigureKey.FINAL_ACCOUNTS: "决算支出",
    FigureKey.EXPENDITURE: "支出",
    FigureKey.FISCAL_INCOME: "财政拨款",
    FigureKey.INCOME: "收入",
    FigureKey.BASIC: "基本支出",
    FigureKey.PROJECT: "项目支出",
    FigureKey.PERSONNEL: "人员支出",
    FigureKey.PUBLIC: "公用支出",
    FigureKey.STAFF_AUTHORIZED: "编制人数",
    FigureKey.STAFF_ACTUAL: "实有人数",
}


def _in_table_unit(figure: Figure, money_unit: str) -> Decimal | None:
    unit = figure.value.unit
    if unit in _MONEY and unit != money_unit:
        return convert(figure.value.value, unit, money_unit)
    return figure.value.value


def _agrees(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= max(Decimal("0.01"), ulp(a) / 2, ulp(b) / 2)


def current_figures(evaluation: Evaluation, context: Context) -> list[Figure]:
    if evaluation.report is None:
        return []
    year = context.year
    return [
        f for f in evaluation.report.figures if f.year is None or year is None or f.year == year
    ]


@check(
    "JX-C001",
    Severity.ERROR,
    "报告中的数字与表中不一致",
    "一致性：自评报告所述预算、决算、基本/项目支出、人员数应与自评表一致",
)
def report_vs_table(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """A figure the report states about the evaluated year (预算, 决算支出, 基本支出, 项目支出,
    人员/公用支出, 编制 and 实有人数) must equal the table's value of the same meaning
    (any of the rows it may refer to: 合计, 财政拨款, 年初 or 全年预算).

    Example: the report says 基本支出 139.73万元, the table 基本支出 执行数 139.37.
    """
    seen: set[tuple[FigureKey, Decimal]] = set()
    for figure in current_figures(evaluation, context):
        if figure.key not in _KEY_NAMES:
            continue
        candidates = _candidates(evaluation, figure.key)
        if not candidates:
            continue
        v = _in_table_unit(figure, evaluation.money_unit)
        if v is None or (figure.key, v) in seen:
            continue
        seen.add((figure.key, v))
        if any(_agrees(v, n.value) for _, n in candidates):
            continue
        if any(_agrees(v, n.value) for n in _named_rows_values(evaluation, figure)):
            continue  # “其他资金全年预算数24.24万元”: the row the sentence names
        table = "、".join(f"{label} {n.text or fmt(n.value)}" for label, n in candidates[:4])
        shown = figure.value.text or fmt(figure.value.value)
        unit = figure.value.unit or ""
        if unit and not shown.endswith(unit):
            shown += unit
        yield report_vs_table.finding(
            f"报告称{figure.label or _KEY_NAMES[figure.key]} {shown}，表中为 {table}",
            first_location(figure.location, figure.value.location),
            candidates[0][1].text or fmt(candidates[0][1].value),
            figure.value.text or fmt(figure.value.value),
            severity=Severity.WARNING if figure.key == FigureKey.BUDGET else None,
        )


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_RANGE = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-—–~～至到]\s*((?:19|20)\d{2})")
_COMPARISON = re.compile(
    r"较|比|同比|相比|与|自|从|截至|截止|以来|上年|去年|往年|历年|连续|累计|至今|起"
)


_YEAR_DIGITS = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_CLAUSE_END = re.compile(r"[，,。；;：:\n]")
_STATED = re.compile(
    r"共|完成|实现|开展|举办|召开|培训|发放|建成|拨付|落实|争取|支出|收入|决算|执行|经费|资金|累计|全年|达到"
)
_QUANTITY = re.compile(
    r"\d+(?:\.\d+)?\s*(?:%|万元|亿元|元|[个次项件场人户家所篇期批台套辆座名份条处])"
)
_FUTURE = re.compile(r"将|计划|拟|力争|预计|争取|继续|进一步|目标|规划")
_PLAN_SECTION = re.compile(r"措施|建议|计划|下一步|打算|展望|思路")


def _stray_years(text: str, year: int, *, statements_only: bool = False) -> list[tuple[int, str]]:
    """Years other than ``year`` spoken of as the time of a statement — not a comparison
    (较2020年), a span (2021-2025年), a date (2022年3月10日) or a plan (2022年将…).

    In a cell that holds the evaluated year's values any earlier year is stray; in running
    text (``statements_only``) only a clause that states a result with a quantity
    (“2019年共完成重点项目14个”), earlier or later.
    """
    if all(int(y) == year for y in _YEAR_DIGITS.findall(text)):
        return []
    covered: set[int] = set()
    for m in _RANGE.finditer(text):
        covered.update(range(m.start(), m.end()))
    found = []
    for m in _YEAR.finditer(text):
        y = int(m.group(1))
        if y == year or m.start() in covered or (y > year and not statements_only):
            continue
        before = text[max(0, m.start() - 6) : m.start()]
        after = text[m.end() : m.end() + 4]
        if _COMPARISON.search(before) or re.match(
            r"\s*(?:度)?\s*(?:以来|至今|起|底|末|\d{1,2}\s*月)", after
        ):
            continue
        clause = _CLAUSE_END.split(text[m.end() :], maxsplit=1)[0]
        if statements_only and not (_STATED.search(clause) and _QUANTITY.search(clause)):
            continue
        if _FUTURE.search(clause) or _COMPARISON.search(clause[:8]):
            continue
        sentence = re.split(r"[。；;\n]", text[m.start() :])[0]
        found.append((y, sentence[:40]))
    return found


@check(
    "JX-C002", Severity.WARNING, "本年度的陈述中出现其他年度", "一致性：自评反映评价年度的执行情况"
)
def other_year(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Actual values, achievements and the report's statements describe the evaluated year;
    another year there (not a comparison such as 较2020年, a span, a date or a plan) is
    another year's text left in place.

    Example: in a 2021 evaluation, 实际完成值 “2020年‘三公’经费支出合计0.00万元”; in the
    report “2019年共完成重点项目14个”.
    """
    year = context.year
    if year is None:
        return
    for f in all_fields(evaluation):
        if f.kind in ("actual", "goal_achieved", "conclusion", "deviation"):
            strays = _stray_years(f.text, year)
        elif f.kind == "section" and not _PLAN_SECTION.search(f.name):
            strays = _stray_years(f.text, year, statements_only=True)
        else:
            continue
        for y, sentence in strays:
            yield other_year.finding(
                f"{f.name}写的是 {y} 年（“{sentence}”），而评价年度为 {year} 年",
                f.location,
                f"{year}年",
                f"{y}年",
            )


_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")


@check(
    "JX-C003",
    Severity.WARNING,
    "年度前后不一致",
    "一致性：表、报告标题与填报日期的年度应对应评价年度",
)
def year_mismatch(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """The report title's year must be the evaluated year, and the form cannot be filled in
    before the evaluated year has begun.

    Example: table 2021年度, report title 2020年度…自评报告; 填报日期 2020年3月 for 2021.
    """
    year = context.year
    if year is None:
        return
    report = evaluation.report
    if report is not None and report.title is not None:
        m = _TITLE_YEAR.search(report.title.text)
        if m and int(m.group(1)) != year and not _RANGE.search(report.title.text):
            yield year_mismatch.finding(
                f"报告标题“{report.title.text.strip()}”的年度为 {m.group(1)} 年，自评表为 {year} 年",
                report.title.location,
                f"{year}年",
                f"{m.group(1)}年",
            )
    date = evaluation.fill_date
    if (
        date is not None
        and (m := re.search(r"((?:19|20)\d{2})\s*[年\-./]", date.text))
        and int(m.group(1)) < year
    ):
        yield year_mismatch.finding(
            f"填报日期 {date.text} 早于评价年度 {year} 年",
            date.location,
            f"{year}年之后",
            date.text,
            severity=Severity.ERROR,
        )


_NAME_NOISE = re.compile(r"[\s（）()【】\[\]:：、，,。·\-—]|盖章|公章|本级|（本级）")
_TITLE_TAIL = re.compile(
    r"(?:单位)?(?:部门)?(?:整体支出|项目支出|部门整体|预算绩效|绩效自评|绩效评价|自评报告|绩效报告|单位部门|部门单位).*$"
)


def _unit_from_title(title: str) -> str:
    text = re.sub(r"\s+", "", title)
    text = re.sub(r"^.*?(?:19|20)\d{2}\s*年度?", "", text, count=1)
    return _TITLE_TAIL.sub("", text)


def _fold_name(name: str) -> str:
    return _NAME_NOISE.sub("", name)


def _common_run(a: str, b: str) -> int:
    best = 0
    for i in range(len(a)):
        for j in range(len(b)):
            k = 0
            while i + k < len(a) and j + k < len(b) and a[i + k] == b[j + k]:
                k += 1
            best = max(best, k)
    return best


def same_unit_name(a: str, b: str) -> bool:
    """Whether two printed unit names name the same unit: one contains the other, or they
    share a run of characters covering most of the shorter (岳麓区妇联 / 长沙市岳麓区妇女联合会)."""
    fa, fb = _fold_name(a), _fold_name(b)
    if not fa or not fb or fa in fb or fb in fa:
        return True
    shorter = min(len(fa), len(fb))
    return _common_run(fa, fb) / shorter >= 0.6


# “岳麓区妇女联合会为财政全额拨款的行政单位”: a unit introduced at the start of a sentence.
_UNIT_IN_TEXT = re.compile(
    r"(?:^|[。\n])\s*([\u4e00-\u9fff（）()]{3,30}?(?:局|委员会|委|办公室|办|联合会|协会|会|院|中心|站|所|队|馆|政府|学校|医院|卫生院))"
    r"(?:为|是|系|属于)(?:财政|全额|差额|自收|参照|公益|行政|事业|一级|二级|正科|副科|正处|副处|县级|市级)"
)
_UNIT_LABEL = re.compile(
    r"单位名称|部门名称|部门[（(]单位[)）]名称|单位[（(]部门[)）]名称|填报单位|实施单位"
)


@check(
    "JX-C004", Severity.WARNING, "单位名称前后不一致", "一致性：表、报告标题和表头的单位名称应一致"
)
def unit_names(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """The unit named in the header, in the report's title and in other labelled fields
    (单位名称, 实施单位 …) must be the same unit (abbreviations such as 妇联 are accepted).
    A project report's title that names the project is not compared.

    Example: 单位名称 岳麓区妇女联合会, report title 2021年度岳麓区残疾人联合会…自评报告.
    """
    names: list[tuple[str, Text]] = []
    if evaluation.unit is not None and evaluation.unit.text.strip():
        names.append(("单位名称", evaluation.unit))
    report = evaluation.report
    if report is not None and report.title is not None:
        from_title = _unit_from_title(report.title.text)
        if len(from_title) >= 3 and not _names_the_project(evaluation, from_title):
            names.append(("报告标题", Text(from_title, report.title.location)))
    for label, text in evaluation.extra:
        if _UNIT_LABEL.search(label) and text.text.strip():
            names.append((label, text))
    if report is not None:
        for section in report.sections:
            m = _UNIT_IN_TEXT.search(section.text)
            if m:
                names.append(("报告正文", Text(m.group(1), section.location)))
                break
    if len(names) < 2:
        return
    base_label, base = names[0]
    reported: set[str] = set()
    for label, other in names[1:]:
        if same_unit_name(base.text, other.text) or other.text in reported:
            continue
        reported.add(other.text)
        yield unit_names.finding(
            f"{label}为“{other.text.strip()}”，而{base_label}为“{base.text.strip()}”",
            first_location(other.location, base.location),
            base.text.strip(),
            other.text.strip(),
        )


def _names_the_project(evaluation: Evaluation, title: str) -> bool:
    """A project report's title names the project (“…补贴到户项目支出绩效自评报告”), not
    the unit."""
    if evaluation.project is None:
        return False
    project = _fold_text(evaluation.project.text).removesuffix("项目")
    return len(project) >= 2 and project in _fold_text(title)


def _fold_text(text: str) -> str:
    return re.sub(r"[\s，,。.；;：:、“”\"'‘’]", "", text)


@check(
    "JX-C005", Severity.WARNING, "完成情况照抄年度目标", REG_10 + "：对照年度目标说明实际完成情况"
)
def goal_copied(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """The achieved column of the overall goal (全年完成情况 / 实际完成情况) must describe what
    was done, not repeat the planned goal word for word.

    Example: 年初设定目标 and 完成情况 both “落实39户特色种养业奖补政策，增加脱贫户家庭收入”.
    """
    for g in evaluation.goals:
        if g.planned is None or g.achieved is None:
            continue
        p, a = _fold_text(g.planned.text), _fold_text(g.achieved.text)
        if p and p == a:
            yield goal_copied.finding(
                f"年度总体目标的完成情况与年初目标一字不差（“{g.achieved.text.strip()[:40]}”），未说明实际完成情况",
                first_location(g.achieved.location, g.planned.location),
                "实际完成情况",
                g.achieved.text.strip()[:60],
            )


_TOTAL_COST = re.compile(
    r"总成本|总投资|投资总额|资金总额|预算总额|总费用|总经费|项目成本|项目资金|项目经费|成本总额"
)


@check(
    "JX-C006",
    Severity.WARNING,
    "成本指标完成值与资金执行数不符",
    "一致性：成本指标的实际值应与预算执行数一致",
)
def cost_vs_execution(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """An indicator of the project's total cost (项目总成本, 计划总投资 …) in money must state
    the amount actually spent, as the funds table's 全年执行数 does.

    Example: 项目总成本 ≤90万元, 完成值 90, while 全年执行数 is 89.974.
    """
    from jixiao.scoring import execution_row

    row = execution_row(evaluation)
    if row is None or row.actual is None:
        return
    spent = row.actual.value
    if spent == 0:
        spent_alt = [
            r.actual.value for r in evaluation.funds if r.actual is not None and r.actual.value
        ]
        if not spent_alt:
            return
        spent = max(spent_alt)
    for ind in evaluation.indicators:
        actual = ind.actual
        if actual is None or actual.number is None or not _TOTAL_COST.search(ind.name.text):
            continue
        unit = actual.unit or ind.unit
        if unit not in _MONEY:
            continue
        v = (
            convert(actual.number, unit, evaluation.money_unit)
            if unit != evaluation.money_unit
            else actual.number
        )
        if v is None or abs(v - spent) <= Decimal("0.01"):
            continue
        yield cost_vs_execution.finding(
            f"指标“{ind.name.text}”完成值 {actual.text}，而资金表全年执行数为 {fmt(spent)}",
            first_location(actual.location, ind.location),
            fmt(spent),
            actual.text,
        )
