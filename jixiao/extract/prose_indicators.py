"""Indicators and fund rows stated in sentences.

Indicators: ``数量指标：布防飞机数量≥6架，实际布防6架；…``.

Reports without a table give their indicators under a category label, one clause each: a
name, a comparison and the target, then what was achieved (``实际…``, ``完成…``, ``达到…``).
The 一级指标 is the last heading that names one (``（1）产出指标``). Only clauses after such a
category label that start with a name and a comparison-led target are read (the achieved
figure where the clause states it): a sentence that only mentions a figure is not an
indicator. Weights and scores are not stated in such sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jixiao.extract import vocab
from jixiao.extract.prose_lines import ProseLine
from jixiao.extract.vocab import fund_depth, fund_line
from jixiao.measure import before_pattern, normalize_signs, parse_measure, parse_number
from jixiao.model import FundRow, Indicator, Location, Num, Text

_LEVEL2_LEAD = re.compile(
    r"^\s*(?:[(（]?\d{1,2}[)）.、]\s*)?"
    r"(?P<l2>(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度)指标)"
    r"\s*[:：]\s*(?P<rest>.+)$"
)
# a heading's number (一、 （二） 3.), if it has one
NUMBERED = r"^\s*(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）.、]\s*)?"


def level1_heading(words: str) -> re.Pattern[str]:
    """A heading line naming one of ``words`` (alternatives) as the 一级指标 of what follows,
    with its points if printed (``（一）产出指标（50分）``)."""
    return re.compile(NUMBERED + rf"(?P<l1>{words})" + r"(?:[(（]\d+分[)）])?\s*[。.:：]?\s*$")


_LEVEL1_HEAD = level1_heading("产出指标|效益指标|满意度指标|成本指标")
# a figure and what follows it up to the end of the clause (its unit: 架, 小时, 次/10万公顷)
_FIGURE = r"\d+(?:\.\d+)?[^，,；;。\d≥≤<>=（(]{0,8}"
_OP = before_pattern()  # every comparison of jixiao.measure's table (the text is normalize_signs'd)
_CLAUSE = re.compile(
    rf"^(?P<name>[^，,；;：:。≥≤<>=]{{2,40}}?)\s*(?P<target>{_OP}\s*{_FIGURE})"
    rf"(?:\s*[，,]\s*(?:实际|完成|达到|全年)[^\d，,；;。]{{0,16}}?(?P<actual>{_FIGURE}))?"
    r"\s*(?:[，,（(]|$)"
)
_SPLIT = re.compile(r"[；;。]")


def prose_indicators(lines: Sequence[ProseLine]) -> tuple[Indicator, ...]:
    """Indicators stated as ``<category>：<name><op><target>，实际<actual>；…`` sentences."""
    out: list[Indicator] = []
    level1: Text | None = None
    for line in lines:
        text = normalize_signs(line.text)
        head = _LEVEL1_HEAD.match(text)
        if head:
            level1 = Text(head.group("l1"), line.location)
            continue
        m = _LEVEL2_LEAD.match(text)
        if not m:
            continue
        level2 = Text(m.group("l2"), line.location)
        l1 = level1
        if l1 is None and vocab.is_level1(m.group("l2")):
            l1 = Text(m.group("l2"), line.location)
        for clause in _SPLIT.split(m.group("rest")):
            c = _CLAUSE.match(clause.strip())
            if not c:
                continue
            target = parse_measure(c.group("target"), line.location)
            actual = parse_measure(c.group("actual"), line.location) if c.group("actual") else None
            out.append(
                Indicator(
                    name=Text(c.group("name").strip(), line.location),
                    level1=l1,
                    level2=level2,
                    target=target,
                    actual=actual,
                    location=line.location,
                )
            )
    return tuple(out)


# -- fund rows in sentences: <label>（年初预算数X万元，）全年预算数Y万元，执行数Z万元，执行率R% --

_MONEY = r"(\d+(?:,\d{3})*(?:\.\d+)?)\s*万元"
_FUND_SENTENCE = re.compile(
    r"^(?:其中[:：，,]?)?(?P<label>[^，,。；;：:\d]{2,30}?)"
    rf"(?:年初预算数?(?:为)?{_MONEY}[，,]\s*)?"
    rf"(?:全年|调整后)?预算(?:数|资金)?(?:为|共)?{_MONEY}[，,]\s*"
    rf"(?:全年|实际)?(?:执行数?|支出|执行金额)(?:为|了)?{_MONEY}[，,]\s*"
    r"(?:预算)?执行率(?:为|达)?(?P<rate>\d+(?:\.\d+)?)\s*[%％]"
)


def prose_fund_rows(lines: Sequence[ProseLine]) -> tuple[FundRow, ...]:
    """Fund rows told one to a sentence: a label, then the budget, the spending and the rate
    (``其他资金全年预算数74.15万元，全年执行数69.94万元，预算执行率94.32%``). The rate is read as
    printed; the sentence names each figure, so no arithmetic has to tell them apart."""
    rows: list[FundRow] = []
    for line in lines:
        for sentence in _SENTENCE_END.split(line.text):
            m = _FUND_SENTENCE.match(sentence.strip())
            if not m:
                continue
            label = m.group("label").strip()
            line_kind = fund_line(label)
            initial, budget, actual = (_money(m.group(k), line.location) for k in (2, 3, 4))
            rate = parse_number(m.group("rate"))
            rows.append(
                FundRow(
                    label=Text(label, line.location),
                    line=line_kind,
                    depth=fund_depth(line_kind) if rows else 0,
                    initial_budget=initial,
                    budget=budget,
                    actual=actual,
                    rate=Num(rate, m.group("rate") + "%", "%", line.location)
                    if rate is not None
                    else None,
                    location=line.location,
                )
            )
    return tuple(rows)


_SENTENCE_END = re.compile(r"[。；;]")


def _money(printed: str | None, location: Location | None) -> Num | None:
    if printed is None:
        return None
    value = parse_number(printed)
    return Num(value, printed, "万元", location) if value is not None else None
