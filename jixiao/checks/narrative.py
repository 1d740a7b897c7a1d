"""Checks of numbers and lists inside sentences: amounts stated as parts of a total, the
report's split of spending, list numbering."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from jixiao.checks.base import ARITHMETIC, Context, check
from jixiao.checks.consistency import current_figures
from jixiao.checks.fields import Field, all_fields
from jixiao.checks.numbers import fmt, places, sum_agrees
from jixiao.measure import parse_number
from jixiao.model import (
    Evaluation,
    Figure,
    FigureKey,
    Finding,
    FundLine,
    Num,
    Report,
    Section,
    Severity,
)

# -- amounts in sentences ----------------------------------------------------------------

_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(亿元|万元|千元|元)(?![/／])")
_CHANGE_BEFORE = re.compile(
    r"(?:增加|减少|增长|下降|上升|降低|节约|节省|超支|提高|同比|比上年|较上年|较去年|比去年|结余|结转)[^，,；;。]{0,4}$"
)
_SENTENCE = re.compile(r"[^。！!？?\n]+")
_TOTAL_WORD = re.compile(r"合计|共计|总计|累计|总额")


@dataclass(frozen=True)
class Amount:
    value: Decimal
    text: str
    start: int
    depth: int  # bracket depth at the amount


def _amounts(sentence: str) -> list[Amount]:
    out = []
    for m in _AMOUNT.finditer(sentence):
        before = sentence[: m.start()]
        if _CHANGE_BEFORE.search(before):
            continue
        value = parse_number(m.group(1) + (m.group(2) or ""))
        if value is None:
            continue
        depth = sum(before.count(c) for c in "(（") - sum(before.count(c) for c in ")）")
        out.append(Amount(value, m.group(0), m.start(), max(depth, 0)))
    return out


@dataclass(frozen=True)
class NarrativeSum:
    total: Amount
    parts: tuple[Amount, ...]
    sentence: str
    field: Field


def _sum_of(parts: tuple[Amount, ...]) -> Decimal:
    return sum((p.value for p in parts), Decimal(0))


def narrative_sums(field: Field) -> Iterator[NarrativeSum]:
    """Totals stated with their parts: “X万元。其中：a万元；b万元；c万元。” and
    “a万元，b万元，c万元，合计X万元”."""
    text = field.text
    sentences = [(m.group(0), m.start()) for m in _SENTENCE.finditer(text)]
    previous: list[Amount] = []
    for sentence, _ in sentences:
        amounts = _amounts(sentence)
        where = _top_level_find(sentence, "其中")
        if where >= 0:
            stop = _TOTAL_WORD.search(sentence, where)
            end = stop.start() if stop else len(sentence)
            before = [a for a in amounts if a.start < where and a.depth == 0]
            after = tuple(a for a in amounts if where < a.start < end and a.depth == 0)
            total = before[-1] if before else (previous[-1] if where <= 2 and previous else None)
            # “其中：基本支出a万元，包括人员经费x万元、公用经费y万元；项目支出b万元”: x and y
            # are parts of a, not of the total
            subs = _sub_parts(sentence, where + 2, end, after)
            top = tuple(a for a in after if not any(a in group for _, group in subs))
            if total is not None and len(top) >= 2:
                yield NarrativeSum(total, top, sentence, field)
            for owner, group in subs:
                if len(group) >= 2:
                    yield NarrativeSum(owner, group, sentence, field)
        for m in _TOTAL_WORD.finditer(sentence):
            parts = tuple(a for a in amounts if a.start < m.start() and a.depth == 0)
            after_total = [a for a in amounts if a.start >= m.end() and a.depth == 0]
            if len(parts) >= 2 and after_total and after_total[0].start - m.end() <= 12:
                yield NarrativeSum(after_total[0], parts, sentence, field)
                yield from _inner_sums(after_total[0], parts, amounts, sentence, field)
            break
        previous = [a for a in amounts if a.depth == 0]


_SUB_WORD = re.compile(r"包括|其中|含(?!量)")


def _sub_parts(
    sentence: str, start: int, end: int, amounts: tuple[Amount, ...]
) -> list[tuple[Amount, tuple[Amount, ...]]]:
    """The parts of a part: after a part's amount, 包括/其中/含 and the amounts up to the next
    semicolon (the next part begins after it), each group with its owner."""
    out: list[tuple[Amount, tuple[Amount, ...]]] = []
    for m in _SUB_WORD.finditer(sentence, start, end):
        owners = [a for a in amounts if a.start < m.start()]
        if not owners:
            continue
        stop = min((i for c in "；;" if (i := sentence.find(c, m.end(), end)) >= 0), default=end)
        group = tuple(a for a in amounts if m.end() <= a.start < stop)
        if group and not any(group[0] in g for _, g in out):
            out.append((owners[-1], group))
    return out


def _top_level_find(sentence: str, word: str) -> int:
    """Where ``word`` first occurs outside brackets, or -1."""
    start = 0
    while (i := sentence.find(word, start)) >= 0:
        before = sentence[:i]
        if sum(before.count(c) for c in "(（") <= sum(before.count(c) for c in ")）"):
            return i
        start = i + 1
    return -1


def _inner_sums(
    total: Amount, parts: tuple[Amount, ...], amounts: list[Amount], sentence: str, field: Field
) -> Iterator[NarrativeSum]:
    """“a万元(其中x万元)，b万元(其中y万元)，合计X万元(其中Z万元)”: x + y = Z as well."""

    def inner(outer: Amount) -> Amount | None:
        nxt = [a for a in amounts if a.start > outer.start and a.depth == 1]
        if nxt and sentence[outer.start + len(outer.text) : nxt[0].start].lstrip().startswith(
            ("(", "（")
        ):
            return nxt[0]
        return None

    inner_total = inner(total)
    inner_parts = [inner(p) for p in parts]
    if inner_total is not None and all(p is not None for p in inner_parts):
        yield NarrativeSum(
            inner_total, tuple(p for p in inner_parts if p is not None), sentence, field
        )


@check("JX-C010", Severity.ERROR, "文中分项金额之和与总额不符", ARITHMETIC + "（文中所列分项）")
def narrative_sum(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Where a sentence states a total and its parts (“共完成89.97万元。其中：30万元…；30万元…；
    29.99万元…”, or “…，合计6222.4万元”), the parts must add up to the total. Parts that
    exceed the total are an error; three or more parts falling just short of it (within
    10 %) a warning. Changes (同比增加 …) are not parts. The parts of a part (“其中：基本支出
    a万元，包括人员经费x万元、公用经费y万元；项目支出b万元”) add up to that part, not to the total.

    Example: 89.97万元 = 30 + 30 + 29.99 = 89.99万元.
    """
    for field in all_fields(evaluation):
        text = field.text
        if "元" not in text or ("其中" not in text and not _TOTAL_WORD.search(text)):
            continue
        for case in narrative_sums(field):
            parts = tuple(p.value for p in case.parts)
            total = case.total.value
            if sum_agrees(total, parts):
                continue
            s = _sum_of(case.parts)
            severity = None
            if s < total:
                if len(parts) < 3 or s < total * Decimal("0.9"):
                    continue
                severity = Severity.WARNING
            n = max(places(p) for p in parts)
            terms = " + ".join(fmt(p) for p in parts)
            yield narrative_sum.finding(
                f"{case.field.name}中“{case.sentence.strip()[:40]}…”：分项 {terms} = {fmt(s, n)}，与所述总额 {case.total.text} 不符",
                case.field.location,
                fmt(s, n),
                fmt(total),
                severity=severity,
            )


# -- the report's split of spending ------------------------------------------------------

_ECONOMIC = (
    FigureKey.WAGES,
    FigureKey.GOODS_SERVICES,
    FigureKey.SUBSIDIES,
    FigureKey.CAPITAL,
    FigureKey.OTHER_EXPENDITURE,
)
_TOTALS = (FigureKey.FINAL_ACCOUNTS, FigureKey.EXPENDITURE)


def _first(figures: list[Figure], key: FigureKey) -> Figure | None:
    return next((f for f in figures if f.key == key), None)


def _split_finding(
    check_,
    figures: list[Figure],
    part_keys: tuple[FigureKey, ...],
    total_keys: tuple[FigureKey, ...],
    what: str,
    min_parts: int,
    table_totals: tuple[Num, ...] = (),
) -> Iterator[Finding]:
    parts = [f for k in part_keys if (f := _first(figures, k)) is not None]
    if len(parts) < min_parts:
        return
    totals = [f for f in figures if f.key in total_keys]
    values = [p.value.value for p in parts]
    if not totals:
        # no total stated: the table's spending is the whole the split must add up to
        if table_totals and not any(sum_agrees(t.value, values) for t in table_totals):
            s = sum(values, Decimal(0))
            n = max(places(v) for v in values)
            yield check_.finding(
                f"报告中{what}："
                + " + ".join(f"{p.label} {fmt(p.value.value)}" for p in parts)
                + f" = {fmt(s, n)}，与表中支出 "
                + "、".join(t.text or fmt(t.value) for t in table_totals)
                + " 不符",
                parts[0].location,
                table_totals[0].text or fmt(table_totals[0].value),
                fmt(s, n),
            )
        return
    if any(sum_agrees(t.value.value, values) for t in totals):
        return
    first_part = min(parts, key=lambda f: _order(figures, f))
    preceding = [t for t in totals if _order(figures, t) <= _order(figures, first_part)]
    total = preceding[-1] if preceding else totals[0]
    s = sum(values, Decimal(0))
    n = max(places(v) for v in values)
    terms = " + ".join(f"{p.label} {fmt(p.value.value)}" for p in parts)
    yield check_.finding(
        f"报告中{what}：{terms} = {fmt(s, n)}，与{total.label} {fmt(total.value.value)} 不符",
        first_part.location or total.location,
        fmt(s, n),
        fmt(total.value.value),
    )


def _table_spending(evaluation: Evaluation) -> tuple[Num, ...]:
    """The amounts spent of the table's total rows (合计, 财政拨款, 支出)."""
    lines = (FundLine.TOTAL, FundLine.FISCAL, FundLine.EXPENDITURE)
    return tuple(r.actual for r in evaluation.funds if r.line in lines and r.actual is not None)


def _order(figures: list[Figure], f: Figure) -> int:
    return next(i for i, g in enumerate(figures) if g is f)


@check(
    "JX-A010",
    Severity.ERROR,
    "报告按经济分类的支出之和与决算支出不符",
    ARITHMETIC + "：工资福利 + 商品和服务 + 对个人和家庭的补助 + 资本性 + 其他支出 = 决算支出",
)
def economic_split(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """The report's split of spending by economic class must add up to the final accounts it
    states (or to the table's total spending).

    Example: 决算总支出 204.67 = 工资福利 127.63 + 商品和服务 67.29 + 对个人和家庭的补助 5.18 + 资本性 4.57 + 其他 0.
    """
    figures = current_figures(evaluation, context)
    yield from _split_finding(
        economic_split,
        figures,
        _ECONOMIC,
        _TOTALS,
        "按经济分类的支出",
        3,
        _table_spending(evaluation),
    )


@check(
    "JX-A011",
    Severity.ERROR,
    "报告中基本支出、项目支出之和与总支出不符",
    ARITHMETIC + "：基本支出 + 项目支出 = 支出合计；人员 + 公用 = 基本支出",
)
def report_split(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """The report's split of spending into 基本支出 + 项目支出 (or 人员经费 + 公用经费 +
    项目支出) must add up to the total spending it states, and 人员经费 + 公用经费 to its
    基本支出.

    Example: 支出 799.12 = 人员经费 434.89 + 公用经费 77.4 + 项目支出 286.83.
    """
    figures = current_figures(evaluation, context)
    keys = {f.key for f in figures}
    if FigureKey.BASIC in keys:
        yield from _split_finding(
            report_split,
            figures,
            (FigureKey.BASIC, FigureKey.PROJECT),
            _TOTALS,
            "基本支出与项目支出",
            2,
        )
        yield from _split_finding(
            report_split,
            figures,
            (FigureKey.PERSONNEL, FigureKey.PUBLIC),
            (FigureKey.BASIC,),
            "人员与公用经费",
            2,
        )
    else:
        yield from _split_finding(
            report_split,
            figures,
            (FigureKey.PERSONNEL, FigureKey.PUBLIC, FigureKey.PROJECT),
            _TOTALS,
            "人员、公用与项目支出",
            3,
        )


# -- list numbering ----------------------------------------------------------------------

_ARABIC_ITEM = re.compile(r"(\d{1,2})\s*[.、．](?![\d.])")
_ITEM_BEFORE = frozenset("。；;：:！!？? \t\n\r　")
_PAREN_ITEM = re.compile(r"[（(](\d{1,2})[)）]")
_CN_DIGITS = "一二三四五六七八九十"


def _dotted(n: int) -> str:
    return f"{n}."


def _bracketed(n: int) -> str:
    return f"({n})"


def _cn(n: int) -> str:
    """1 → 一、, 12 → 十二、 (headings)."""
    if n <= 10:
        return _CN_DIGITS[n - 1] + "、"
    return "十" + _CN_DIGITS[n - 11] + "、" if n < 20 else f"{n}、"


def _cn_number(text: str) -> int | None:
    if text in _CN_DIGITS:
        return _CN_DIGITS.index(text) + 1
    if len(text) == 2 and text[0] == "十":
        return 10 + _CN_DIGITS.index(text[1]) + 1
    return None


def numbering_faults(numbers: list[int]) -> list[tuple[int, str, int]]:
    """(index, "repeated" | "skipped", previous number) for the faults in runs starting at 1.

    After a repeated number the list may go on from either count (1 2 3 4 4 5 or
    1 2 2 4): neither is reported a second time.
    """
    faults: list[tuple[int, str, int]] = []
    prev: int | None = None
    after_repeat = False
    for i, n in enumerate(numbers):
        if n == 1:
            prev, after_repeat = 1, False
            continue
        if prev is None:
            continue
        if n == prev:
            faults.append((i, "repeated", prev))
            after_repeat = True
            continue
        if n == prev + 2 and not after_repeat:
            faults.append((i, "skipped", prev))
        elif n not in (prev + 1, prev + 2):
            prev = None
            continue
        prev, after_repeat = n, False
    return faults


def _describe(kind: str, previous: str, shown: str) -> str:
    if kind == "repeated":
        return f"“{shown}”出现两次"
    return f"跳号：“{previous}”之后是“{shown}”"


@check("JX-C011", Severity.INFO, "列表编号重复或跳号", "文字规范：条目编号应连续")
def list_numbering(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Numbered items in a text (1. 2. 3. / (1) (2)) and the report's section headings
    (一、二、三、) must run in order, without an item numbered twice or skipped.

    Example: 1.… 2.… 3.… 4.完成考核考评。4.对受理的投诉…处理。5.… — “4.” twice.
    """
    fields = list(all_fields(evaluation))
    if evaluation.duties is not None:
        fields.append(
            Field("部门职责", evaluation.duties.text, evaluation.duties.location, "duties")
        )
    for f in fields:
        text = f.text
        if not any(first in text for first in ("1.", "1、", "1．", "(1)", "（1）")):
            continue  # a numbered list starts at 1
        for pattern in (_ARABIC_ITEM, _PAREN_ITEM):
            matches = list(pattern.finditer(f.text))
            if pattern is _ARABIC_ITEM:
                matches = [
                    m for m in matches if m.start() == 0 or f.text[m.start() - 1] in _ITEM_BEFORE
                ]
            if len(matches) < 3:
                continue
            numbers = [int(m.group(1)) for m in matches]
            label = _dotted if pattern is _ARABIC_ITEM else _bracketed
            for i, kind, previous in numbering_faults(numbers):
                m = matches[i]
                yield list_numbering.finding(
                    f"{f.name}的条目编号{_describe(kind, label(previous), label(numbers[i]))}："
                    f"“{f.text[m.start() : m.start() + 20].strip()}…”",
                    f.location,
                    label(previous + 1),
                    label(numbers[i]),
                )
    report = evaluation.report
    if report is None:
        return
    for level in (1, 2):
        for run in _heading_runs(report, level):
            for i, kind, previous in numbering_faults([n for n, _ in run]):
                sec = run[i][1]
                shown = _cn(run[i][0])
                yield list_numbering.finding(
                    f"报告标题编号{_describe(kind, _cn(previous), shown)}：“{sec.heading.text.strip()[:20]}”",
                    sec.location or sec.heading.location,
                    _cn(previous + 1),
                    shown,
                )


_CN_HEADING = re.compile(r"\s*[（(]?([一二三四五六七八九十]{1,2})[)）、.．]")


def _heading_runs(report: Report, level: int) -> list[list[tuple[int, Section]]]:
    """The numbers of the report's headings at one level, in runs (a heading of a higher
    level starts a new run: （一）（二） restart under each 一、二、)."""
    runs: list[list[tuple[int, Section]]] = [[]]
    for s in report.sections:
        if s.level < level:
            runs.append([])
        elif s.level == level and (m := _CN_HEADING.match(s.heading.text)):
            n = _cn_number(m.group(1))
            if n is not None:
                runs[-1].append((n, s))
    return [r for r in runs if r]
