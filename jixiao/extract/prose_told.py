"""Indicators told in sentences of many shapes.

Reports in sentences tell each indicator as a clause: its name, the target (after a target
word — 目标值, 年度目标, 计划, 指标值 — or a comparison — ≥, 不低于, 不少于 …), then what was
achieved (after 实际…, 完成值, 达到), perhaps with its points::

    数量指标：培训人次不少于500人次，实际完成520人次；道路养护里程≥120公里，实际完成值126公里。
    （1）数量指标
    ①新建村级服务站数量：目标值≥10个，实际完成10个，完成率100%。
    质量指标方面，设备完好率年度目标值不低于95%，实际达到97%（分值10分，得10分）。
    指标2：水质达标率（质量指标），指标值：≥95%，实际完成值：98%。

A clause is read only where the sentence ties every figure to its role: the name ends where a
target word, a comparison or a colon begins; the target is the text after it up to the next
comma; the achieved value follows an actual word; 分值/得分 give the points (kept only when
得分 ≤ 分值); 完成率 is no column and is passed over. A clause is an indicator only under a
二级 category — a lead (``数量指标：``, ``数量指标方面，``, ``在数量指标上，``), a bracket after
the name (``（数量指标）``) or a heading line naming it — so a sentence that merely mentions a
figure is not one. A name glued to a qualitative target (``群众生活条件明显改善，实际明显改善``)
is parted only when the achieved words repeat the target's end. The 一级 is the last heading
that names one (``（一）产出指标``, ``1.产出指标完成情况``); none is guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from jixiao.extract import vocab
from jixiao.extract.prose_indicators import NUMBERED
from jixiao.extract.prose_lines import ProseLine
from jixiao.measure import before_pattern, normalize_signs, parse_measure, parse_number
from jixiao.model import Indicator, Num, Text

_L2 = (
    r"(?:数量|质量|时效|进度|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|满意度)指标"
    # the benefit categories are named without 指标 too (社会效益：…满意度目标≥85%，实际88.6%)
    r"|(?:经济效益|社会效益|生态效益|可持续影响)(?!指标)"
)
_L1 = r"(?:产出|效益|满意度|成本)指标"
_LEVEL1_LINE = re.compile(
    NUMBERED + rf"(?P<l1>{_L1})(?:完成情况|方面)?(?:[(（]\d+分[)）])?\s*[。.:：]?\s*$"
)
_LEVEL1_LEAD = re.compile(NUMBERED + rf"(?P<l1>{_L1})(?:完成情况)?\s*[。.:：]\s*(?P<rest>.+)$")
_LEVEL2_LINE = re.compile(NUMBERED + rf"(?P<l2>{_L2})(?:完成情况|方面)?\s*[。.:：]?\s*$")
# a heading of a new part (一、 （一）) ends the 一级/二级 it named
_HIGHER_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十]{1,3}[)）])"
)
_LEAD = re.compile(
    NUMBERED + rf"(?:在)?(?P<l2>{_L2})(?:方面|上)?\s*(?:[：:，,]|(?=[“\"]))\s*(?P<rest>.+)$"
)
_MARK = re.compile(
    r"^\s*(?:[①②③④⑤⑥⑦⑧⑨⑩]|[(（]\d{1,2}[)）]|\d{1,2}[.、．](?!\d)|指标\d{1,2}[：:])\s*"
)
# a clause tied to the heading above it: a list item, a name with a colon, or a name with
# its category in brackets
_TIED = re.compile(
    r"^(?:[①②③④⑤⑥⑦⑧⑨⑩]|[(（]\d{1,2}[)）]|\d{1,2}[.、．](?!\d)|指标\d{1,2}[：:]"
    r"|[^，,；;。\d]{2,30}(?:[：:]|[(（](?:[^()（）]{2,10})指标[)）]|[“\"]))"
)
_INLINE_L2 = re.compile(rf"[(（](?P<l2>{_L2})[)）]")
_TARGET_WORD = (
    r"(?:年度目标值|年度指标值|年初目标值|目标值|指标值|计划值|预期目标|年度目标|计划|目标)"
    r"(?:为|是|[：:])?"
)
_OP = before_pattern()  # every comparison of jixiao.measure's table (the text is normalize_signs'd)
_NAME = r"(?P<name>[^\d，,；;。：:≥≤<>=（(]{2,30}?)"
# the head of a clause: name, then a colon / the target word / a comparison / a figure
_HEAD = re.compile(
    rf"^{_NAME}\s*(?:[：:]\s*(?:{_TARGET_WORD})?|{_TARGET_WORD}|(?={_OP})|(?=\d))\s*"
    rf"(?P<target>(?:{_OP}|\d)[^，,]*|[^\d，,]+)$"
)
_TARGET_LEAD = re.compile(rf"^{_TARGET_WORD}\s*(?P<v>\S.*)$")
_QUOTED = re.compile(r'^[“"](?P<name>[^”"]{2,30})[”"]\s*(?P<rest>\S.*)$')
_TARGET_BARE = re.compile(rf"^(?P<v>(?:{_OP}|\d)\S*)$")
_BARE_NAME = re.compile(r"^[^\d，,；;。：:≥≤<>=]{2,30}$")
_ACTUAL = re.compile(
    r"^(?:全年)?(?:实际(?:完成值|完成|达到|值)?|完成值|完成了|已完成)[^\d，,]{0,6}?(?:为|是|[：:])?\s*"
    r"(?P<v>\S.*)$"
)
_ACTUAL_FIRST = re.compile(
    rf"^{_NAME}(?:全年)?(?:实际(?:完成值|完成|达到|值)?|完成值)(?:为|是|[：:])?\s*(?P<v>\S.*)$"
)
_WEIGHT = re.compile(r"分值(?:为)?\s*(\d+(?:\.\d+)?)\s*分")
_SCORE = re.compile(r"(?:自评)?得(?:分)?(?:为)?\s*(\d+(?:\.\d+)?)\s*分")
_RATE = re.compile(r"^完成率")
# the verb between 实际 and the achieved figure (实际布防6架, 实际飞行时长909.93小时)
_VERB_BEFORE_FIGURE = re.compile(rf"^(?!{_OP})[\u4e00-\u9fff]{{1,6}}(?=\d)")
_POINTS_CHUNK = re.compile(r"^(?:分值|(?:自评)?得分|得\d)")
_CLAUSES = re.compile(r"[；;。]")


_SATISFACTION = "服务对象满意度指标"


def _category(name: str) -> str:
    """A 二级 category by its full name (社会效益 → 社会效益指标)."""
    return name if name.endswith("指标") else f"{name}指标"


def told_indicators(
    lines: Sequence[ProseLine], notes: list[str] | None = None
) -> tuple[Indicator, ...]:
    """Indicators told one to a clause under a 二级 category (see the module docstring);
    what a sentence leaves unclear is left out and, given ``notes``, said there."""
    out: list[Indicator] = []
    level1: Text | None = None
    level2_head: Text | None = None
    for line in lines:
        text = normalize_signs(line.text).strip()
        if (m := _LEVEL1_LEAD.match(text)) and _LEAD.match(m.group("rest")):
            # （一）产出指标。数量指标：… — the 一级 heading and its first category on one line
            level1, level2_head = Text(m.group("l1"), line.location), None
            text = m.group("rest")
        m = _LEVEL1_LINE.match(text)
        if m and not _second_level(m.group("l1"), level1):
            level1, level2_head = Text(m.group("l1"), line.location), None
            continue
        if m := _LEVEL2_LINE.match(text):
            level2_head = Text(_category(m.group("l2")), line.location)
            continue
        if _HIGHER_HEADING.match(text) and len(text) <= 30 and "，" not in text:
            level1 = level2_head = None
            continue
        lead = _LEAD.match(text)
        level2 = Text(_category(lead.group("l2")), line.location) if lead else level2_head
        if level2 is None and level1 is not None and level1.text == "满意度指标":
            # the framework has one category under 满意度指标: a clause under that heading is
            # of it (3.满意度指标 / 服务对象满意度：目标≥90%，实际95.2%)
            level2 = Text(_SATISFACTION, level1.location)
        rest = lead.group("rest") if lead else text
        for clause in _joined_fields(_CLAUSES.split(rest)):
            if not lead and not _TIED.match(clause.strip()):
                continue  # under a heading only an item (①…, 1.…) or a named clause (名称：…)
            ind = _clause(clause, level1, level2, line, notes)
            if ind is not None:
                out.append(ind)
    return tuple(out)


def _joined_fields(clauses: list[str]) -> list[str]:
    """Clauses parted by semicolons that are one indicator's fields (名称：指标值≥5个；实际完成值
    6个；分值10分): a clause starting with an actual or points word continues the one before."""
    out: list[str] = []
    for clause in clauses:
        c = clause.strip()
        if out and (_ACTUAL.match(c) or _POINTS_CHUNK.match(c) or _RATE.match(c)):
            out[-1] += "，" + c
        else:
            out.append(clause)
    return out


def _second_level(word: str, level1: Text | None) -> bool:
    """A category line under an open 一级 that is its 二级: 满意度指标 under 满意度指标,
    成本指标 under 产出指标."""
    if level1 is None:
        return False
    return word == level1.text or (word == "成本指标" and level1.text == "产出指标")


def _clause(
    clause: str,
    level1: Text | None,
    level2: Text | None,
    line: ProseLine,
    notes: list[str] | None = None,
) -> Indicator | None:
    clause = _MARK.sub("", clause.strip(), count=1)
    if not clause:
        return None
    inline = _INLINE_L2.search(clause)
    if inline:
        level2 = Text(inline.group("l2"), line.location)
        clause = clause[: inline.start()] + clause[inline.end() :]
    if level2 is None:
        return None
    # points, in brackets or as clauses of their own
    weight = _points(_WEIGHT, clause, line)
    score = _points(_SCORE, clause, line)
    clause = re.sub(r"[(（][^()（）]*分[^()（）]*(?:[)）]|$)", "", clause)  # (cut: no bracket)
    chunks = [c.strip() for c in re.split(r"[，,]", clause) if c.strip()]
    chunks = [c for c in chunks if not _POINTS_CHUNK.match(c)]  # read above, or cut off
    if not chunks:
        return None
    head = _HEAD.match(chunks[0])
    name_target: tuple[str, str] | None = None
    rest = chunks[1:]
    quoted = _QUOTED.match(chunks[0])
    reversed_ = _ACTUAL_FIRST.match(chunks[0])
    actual: str | None = None
    if reversed_ and rest and (t := _TARGET_LEAD.match(rest[0])):
        # 培训人次实际完成520人次，年度目标值≥500人次: what was achieved, then the target
        name_target, rest = (reversed_.group("name").strip(), t.group("v").strip()), rest[1:]
        actual = _VERB_BEFORE_FIGURE.sub("", reversed_.group("v").strip(), count=1)
    elif quoted:
        # 数量指标“培训人次”年度目标值≥500人次: the name in quotes, then its target
        t = _TARGET_LEAD.match(quoted.group("rest")) or _TARGET_BARE.match(quoted.group("rest"))
        if t is None:
            return None
        name_target = (quoted.group("name").strip(), t.group("v").strip())
    elif head:
        name_target = (head.group("name").strip(), head.group("target").strip())
    elif rest and (t := _TARGET_LEAD.match(rest[0])) and _BARE_NAME.match(chunks[0]):
        # 改造供水管网长度，指标值：≥12千米: the name alone, the target in its own clause
        name_target, rest = (chunks[0], t.group("v").strip()), rest[1:]
    for chunk in rest:
        if _RATE.match(chunk):
            continue
        a = _ACTUAL.match(chunk)
        if a is None or actual is not None:
            return None  # a clause the sentence does not tie to a column
        actual = _VERB_BEFORE_FIGURE.sub("", a.group("v").strip(), count=1)  # 实际布防6架
        if len(actual) < 2 and not actual.isdigit():
            actual = None  # 实际完 (a text cut inside the word): nothing achieved is told
    if name_target is None and actual is not None and not re.search(r"\d", actual):
        # 群众生活条件明显改善，实际明显改善: the target is the words the actual repeats
        glued = chunks[0]
        if glued.endswith(actual) and len(glued) - len(actual) >= 2:
            name_target = (glued[: -len(actual)], actual)
        elif notes is not None:
            notes.append(
                f"{line.location}：“{glued}”中指标名称与目标值连写，句子没有说明在哪里分开，未读取该指标"
            )
    if name_target is None:
        return None
    name, target = name_target
    if not vocab.is_level2(name) and (name.endswith(("指标",)) or len(name) < 2):
        return None
    if weight is not None and score is not None and not Decimal(0) <= score.value <= weight.value:
        if notes is not None:
            notes.append(
                f"{line.location}：指标“{name}”的得分 {score.text} 大于分值 {weight.text}，"
                "分值与得分未读取"
            )
        weight = score = None
    return Indicator(
        name=Text(name, line.location),
        level1=level1,
        level2=level2,
        target=parse_measure(target, line.location),
        actual=parse_measure(actual, line.location) if actual else None,
        weight=weight,
        score=score,
        location=line.location,
    )


def _points(pattern: re.Pattern[str], clause: str, line: ProseLine) -> Num | None:
    m = pattern.search(clause)
    if m is None:
        return None
    n = parse_number(m.group(1))
    return Num(n, m.group(1), None, line.location) if n is not None else None


# the whole project's score: 自评得分95分 / 综合得分为95.5分 / 绩效自评总分92分
_TOTAL_SCORE = re.compile(
    r"(?:自评|综合|评价|总)(?:得分|总分|评分)(?:为|是|[：:])?\s*(?P<n>\d+(?:\.\d+)?)\s*分"
)


def told_total_score(lines: Sequence[ProseLine]) -> Num | None:
    """The total score a sentence states (``经自评，该项目自评得分95分``); not in a line
    about an indicator (one naming 指标), and none when the text states two different ones."""
    found: list[Num] = []
    for line in lines:
        # 依照…绩效评价指标体系…，综合评分为N分: the framework is no indicator
        if "指标" in line.text.replace("指标体系", ""):
            continue
        for m in _TOTAL_SCORE.finditer(line.text):
            n = parse_number(m.group("n"))
            if n is not None and n <= 100:
                found.append(Num(n, m.group("n"), "分", line.location))
    if not found or len({n.value for n in found}) > 1:
        return None
    return found[0]
