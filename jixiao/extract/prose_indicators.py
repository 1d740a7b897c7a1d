"""Indicators stated in sentences: ``数量指标：布防飞机数量≥6架，实际布防6架；…``.

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
from jixiao.measure import normalize_signs, parse_measure
from jixiao.model import Indicator, Text

_LEVEL2_LEAD = re.compile(
    r"^\s*(?:[(（]?\d{1,2}[)）.、]\s*)?"
    r"(?P<l2>(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度)指标)"
    r"\s*[:：]\s*(?P<rest>.+)$"
)
_LEVEL1_HEAD = re.compile(
    r"^\s*(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）.、]\s*)?"
    r"(?P<l1>产出指标|效益指标|满意度指标|成本指标)(?:[(（]\d+分[)）])?\s*[。.:：]?\s*$"
)
# a figure and what follows it up to the end of the clause (its unit: 架, 小时, 次/10万公顷)
_FIGURE = r"\d+(?:\.\d+)?[^，,；;。\d≥≤<>=（(]{0,8}"
_OP = r"(?:≥|≤|>|<|=|不低于|不少于|不高于|不超过|低于|高于|大于|小于|达到)"
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
