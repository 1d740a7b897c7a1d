"""Facts stated in prose: unit, year, kind, project, staff, duties and the money in sentences.

For a report without a table (a 部门整体支出绩效评价报告 published as a web page, a project
report copied to an essay site) these are all there is; for a form with a report they fill
what the table lacks (the seed names its unit only in the report title). The extraction layer
merges them: table values win.

Where each fact comes from, most certain first:

- unit: a labelled field (``部门(单位)名称: X``, ``单位名称：X``, ``实施单位：X``); the report
  title before its first descriptive word (``2021年度长沙市岳麓区妇女联合会单位部门整体支出…``);
  a sentence ``X为财政全额拨款的行政单位``; the site's own name (``欢迎来到X网站``) when its
  short form is used in the text. A candidate must end like an organisation (局, 委员会, 中心,
  政协 …), so a region (某某市) or a pronoun (我局, 本单位) is never a unit.
- year: the title (``2021年度…``, ``某市2018年度部门整体支出``); a ``年度:`` field; else the
  year most sentences speak of (dates of writing such as 2020年03月15日 do not count).
- kind: 部门整体/整体支出 → department, 项目 → project (title first, then the report's numbered
  section headings — 一、项目基本情况 / 一、部门(单位)基本情况 — then the text).
- project: ``项目名称：X``; ``承担X项目实施任务`` and the like; the item of a grant sentence
  (``市财政下达市某某局某某工程建设经费260万元``), whose receiving 局/委/办公室 is the unit
  when nothing else names one.
- funds: every amount of money in the sentences, as a fund row labelled as printed, in the
  ``budget`` column when the sentence speaks of money approved or planned (预算, 批复, 计划,
  安排 …) and in ``actual`` otherwise; parts (其中 …) are depth 1 and, when their own label
  is ambiguous, prefixed with the subject of the figure they belong to (一期项目 + 设备购置).
  Amounts of another year than the one evaluated are left out. A label that starts with the
  unit's own name loses it (the row is the 经费). Spending parts listed after the budget
  parts under other words pair with them in order when both lists add up to the totals.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from jixiao.document import Paragraph
from jixiao.extract.prose_indicators import prose_fund_rows, prose_indicators
from jixiao.extract.prose_lines import ProseLine, evaluated_years, is_noise, prose_lines
from jixiao.extract.prose_money import (
    BARE_SPENT,
    TOTAL_LABEL,
    is_indicator_figure,
    is_source_part,
    is_total_words,
    named_budget,
    rate_agrees,
    spent_part_of,
)
from jixiao.extract.prose_stated import stated_rows
from jixiao.extract.prose_told import told_indicators, told_total_score
from jixiao.extract.report import figure_hits, heading_of
from jixiao.extract.report_figures import MONEY_UNITS, FigureHit
from jixiao.extract.vocab import ORG_ENDINGS
from jixiao.model import (
    Figure,
    FigureKey,
    FundLine,
    FundRow,
    Indicator,
    Kind,
    Location,
    Num,
    Report,
    Text,
)


@dataclass(frozen=True, slots=True)
class ProseFacts:
    """What the prose of a document states; every field optional."""

    kind: Kind | None = None
    year: Num | None = None
    unit: Text | None = None
    project: Text | None = None
    supervisor: Text | None = None
    staff_authorized: Num | None = None
    staff_actual: Num | None = None
    duties: Text | None = None
    funds: tuple[FundRow, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    stated: bool = False  # the indicators were stated field by field (prose_stated)
    total_score: Num | None = None  # 自评得分95分
    notes: tuple[str, ...] = ()  # what the sentences leave unclear, with its line
    evaluated: Text | None = (
        None  # the project the opening sentence names (某某局对…某某项目开展了绩效自评)
    )


_PRONOUN = re.compile(r"^(?:本|我|该|各|全|此|上述|所属)")
_MIN_UNIT, _MAX_UNIT = 3, 40

_UNIT_FIELD = re.compile(
    r"(?:(?:部门|单位)\s*(?:[(（]\s*(?:单位|部门)\s*[)）])?\s*名称|(?:填报|预算|项目实施|实施|项目)单位(?:名称)?)"
    r"\s*(?:[(（][^()（）]{1,6}[)）])?\s*[:：]\s*(?P<v>.*)$"
)
_SUPERVISOR_FIELD = re.compile(
    r"主管(?:部门|单位)\s*(?:名称)?\s*[:：]\s*(?P<v>.*)$"
    # in a sentence: 主管部门为县水利局。 (the value ends with the clause)
    r"|主管(?:部门|单位)(?:为|是)(?P<s>[^，,。；;：:\s]{2,30}?)(?=[，,。；;]|$)"
)
_PROJECT_FIELD = re.compile(r"项目名称\s*[:：]\s*(?P<v>.*)$")
_YEAR_FIELD = re.compile(r"(?:评价|预算|所属|绩效)?年度\s*[:：]\s*((?:19|20)\d{2})")
_FIELD_END = re.compile(r"\s{2,}|\t|\s+\S{1,8}[:：]|[(（](?:盖章|公章|章)[)）]")
_FIELD_LABEL_ONLY = re.compile(r"^(?:部门\s*[(（]\s*单位\s*[)）]|单位|部门)名称\s*[:：]?$")

_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_TITLE_LEAD = re.compile(r"^\s*(?:关于)?\s*(?:(?:19|20)\d{2}\s*年度?)?\s*(?:的)?")
_TITLE_CUT = re.compile(
    r"(?:单位|部门)*(?:[(（](?:单位|部门)[)）])?"
    r"(?:整体支出|整体|部门预算|部门支出|预算|决算|绩效|项目支出|支出|自评|评价|专项|关于|(?:19|20)\d{2})"
)
_SUBJECT = re.compile(
    r"^([^，,。；;：:、\s“”]{3,40}?)(?:为|是|系|属于|属)[^。；;]{0,24}?(?:单位|机构|部门)"
)
_IMPLEMENTER = re.compile(
    r"由(?P<v>[^，,。；;：:、\s“”]{3,30}?)(?:负责|牵头|组织|具体)?(?:实施|承担|执行)"
)
# the opening sentence of a self-evaluation: who evaluated what (某某局对2023年度某某项目开展了
# 绩效自评 / 某某局组织对…实施情况进行了绩效自评 / 某某局认真开展了2023年某某项目绩效自评工作)
_EVALUATOR = re.compile(
    r"(?:^|[，,：:])(?P<v>[^，,。；;：:、\s“”]{3,30}?)(?:组织|认真|及时|按要求)?"
    r"(?:对|开展了?)(?:(?:19|20)\d{2}年度?)(?P<p>[^，,。；;：:、\s“”]{4,40}?)"
    r"(?:实施情况|项目支出)?(?:开展了?|进行了?)?绩效自评"
)
_EVALUATOR_REACH = 90  # characters before 绩效自评: unit (≤ 30), year and project (≤ 40), words
_SITE = re.compile(r"欢迎(?:来到|访问|光临)(?P<v>[^!！,，。\s]{3,30}?)(?:门户)?(?:网站|网)")
_REGION = re.compile(r"^.+?(?:省|自治区|市|州|盟|地区|县|区|旗|镇|乡)")

_PROJECT_SENTENCE = re.compile(
    r"(?:承担|实施|负责|开展)(?:了|的)?(?P<v>[^，,。；;：:、\s“”]{4,60}?项目)(?=实施任务|建设任务|任务|的实施|系|，|,|。|$)"
)
# a region and the year before a project's name in a title (某某县2023年某某项目…)
_REGION_YEAR = re.compile(
    r"^\s*[\u4e00-\u9fff]{1,12}?(?:省|自治区|市|州|盟|县|区|旗)\s*(?=(?:19|20)\d{2}\s*年)"
)
_PROJECT_TITLE_CUT = re.compile(r"(?:支出)?(?:绩效|自评|评价)")
_MIN_PROJECT = 6
_MAX_HEADING = 30
_DEPARTMENT_WORD = re.compile(r"部门整体|整体支出|单位整体|部门支出")
_PROJECT_WORD = re.compile(r"项目")
# a report's own section headings say what it evaluates: 一、项目基本情况 / 一、部门(单位)基本情况
_PROJECT_HEADING = re.compile(r"^项目(?:基本情况|概况|简介|资金情况|绩效)")
_DEPARTMENT_HEADING = re.compile(
    r"^(?:部门|单位)(?:[(（](?:单位|部门)[)）])?(?:基本情况|概况|整体)"
)
# money granted to a named unit for a named item: 市财政下达市交通运输局某某工程建设经费260万元
# (only administrative endings: 某某馆/院/站 may begin the item's own name, 图书馆改造工程)
_GRANT_ORG = r"委员会|管委会|办公室|人民政府|局|委|厅"
_GRANT = re.compile(
    r"(?:下达|拨付|下拨|安排)(?:给)?(?P<org>[^，,。；;：:、\s“”\d]{2,20}?(?:" + _GRANT_ORG + r"))"
    r"(?P<name>[^，,。；;：:、\s“”\d]{4,40}?(?:经费|资金|项目|工程))"
    r"(?:预算)?\s*\d+(?:\.\d+)?\s*(?:万元|元|亿元)"
)

_STAFF_LABELS: tuple[tuple[re.Pattern[str], FigureKey], ...] = (
    (
        re.compile(r"^(?:人员编制|编制人数|核定编制|编制数|编制)\s*[:：]?\s*(\d+)?\s*人?$"),
        FigureKey.STAFF_AUTHORIZED,
    ),
    (
        re.compile(r"^(?:实有人数|在职人数|实际人数|在职人员|实有人员)\s*[:：]?\s*(\d+)?\s*人?$"),
        FigureKey.STAFF_ACTUAL,
    ),
)
_BARE_COUNT = re.compile(r"^(\d+)\s*人?$")
_DUTIES = re.compile(
    r"^(?:部门职责|单位职责|职能职责概述|职能职责|部门主要职责|主要职责|主要职能|部门职能|单位职能)"
    r"\s*(?:是|为|包括|有)?\s*[:：]?\s*(?P<v>.*)$"
)
_MIN_DUTIES = 10
_HEADING_NUMBER = re.compile(
    r"^(?:第[一二三四五六七八九十]+(?:部分|章)|[(（]?[一二三四五六七八九十\d]{1,3}[)）]?)[、.．\s]*"
)
_DUTIES_HEADING = re.compile(
    r"^(?:部门|单位|机构)?(?:主要|基本)?(?:职能职责|职责职能|职能|职责)(?:概述|及机构设置)?[。：:]?$"
)

_LINE_OF: dict[FigureKey, FundLine] = {
    FigureKey.INCOME: FundLine.INCOME,
    FigureKey.FISCAL_INCOME: FundLine.FISCAL,
    FigureKey.EXPENDITURE: FundLine.EXPENDITURE,
    FigureKey.FINAL_ACCOUNTS: FundLine.EXPENDITURE,
    FigureKey.BUDGET: FundLine.TOTAL,
    FigureKey.CARRYOVER: FundLine.CARRYOVER,
    FigureKey.BASIC: FundLine.BASIC,
    FigureKey.PROJECT: FundLine.PROJECT,
    FigureKey.PERSONNEL: FundLine.PERSONNEL,
    FigureKey.PUBLIC: FundLine.PUBLIC,
}
_ITEM_LINES: tuple[tuple[re.Pattern[str], FundLine], ...] = (
    (re.compile(r"^(?:年度|项目)?资金总额$|^(?:项目)?总资金$"), FundLine.TOTAL),
    (re.compile(r"^其他资金$"), FundLine.OTHER),
    (re.compile(r"^单位(?:自有)?资金$"), FundLine.UNIT_FUNDS),
    (re.compile(r"财政专户"), FundLine.SPECIAL_ACCOUNT),
    (re.compile(r"^(?:本年|当年)?财政资金$"), FundLine.FISCAL),
)
_INITIAL = re.compile(r"年初(?:预算|批复|安排)")


def extract_prose(paragraphs: Sequence[Paragraph], report: Report, source: str) -> ProseFacts:
    """The facts the paragraphs state (see the module docstring for where each comes from)."""
    all_lines = prose_lines(paragraphs)
    lines = [line for line in all_lines if not is_noise(line.text)]
    title = report.title
    kind = _kind(title, lines)
    year = _year(title, lines)
    hits = figure_hits(report, paragraphs)
    unit = _unit(title, lines, all_lines)
    project = _field(lines, _PROJECT_FIELD)
    if project is None and kind != Kind.DEPARTMENT:
        project = _project_sentence(lines) or _evaluated_project(lines)
    # 下达某某局某某经费260万元: the unit receiving the money, the item it is for
    wanted = unit is None or (project is None and kind != Kind.DEPARTMENT)
    if wanted and (grant := _grant(lines)):
        unit = unit or grant[0]
        project = project or (grant[1] if kind != Kind.DEPARTMENT else None)
    if project is None and kind != Kind.DEPARTMENT:
        project = _project_heading(lines) or _project_from_title(title, lines)
    stated_funds, stated_indicators = stated_rows(lines)
    notes: list[str] = []
    sentence_indicators = _longer(told_indicators(lines, notes), prose_indicators(lines))
    return ProseFacts(
        kind=kind,
        year=year,
        unit=unit,
        project=project,
        supervisor=_field(lines, _SUPERVISOR_FIELD),
        staff_authorized=_staff(hits, lines, FigureKey.STAFF_AUTHORIZED),
        staff_actual=_staff(hits, lines, FigureKey.STAFF_ACTUAL),
        duties=_duties(lines) or _duties_section(report),
        funds=_longer(stated_funds, prose_fund_rows(lines))
        or _funds(hits, int(year.value) if year else None, unit, notes),
        indicators=_longer(stated_indicators, sentence_indicators),
        stated=bool(stated_indicators) and len(stated_indicators) >= len(sentence_indicators),
        total_score=told_total_score(lines),
        evaluated=_evaluated_project(lines),
        notes=tuple(dict.fromkeys(notes)),
    )


def _longer(stated: tuple, other: tuple) -> tuple:
    """Rows stated field by field (prose_stated) unless the other reading finds more."""
    return stated if len(stated) >= len(other) else other


# -- kind, year --------------------------------------------------------------------------


def _kind(title: Text | None, lines: list[ProseLine]) -> Kind | None:
    if title is not None:
        if _DEPARTMENT_WORD.search(title.text):
            return Kind.DEPARTMENT
        if _PROJECT_WORD.search(title.text):
            return Kind.PROJECT
    if kind := _kind_of_headings(lines):
        return kind
    for line in lines:
        if _DEPARTMENT_WORD.search(line.text):
            return Kind.DEPARTMENT
    for line in lines:
        if _PROJECT_FIELD.search(line.text) or _PROJECT_SENTENCE.search(line.text):
            return Kind.PROJECT
    return None


def _kind_of_headings(lines: list[ProseLine]) -> Kind | None:
    """The first numbered heading naming 项目… or 部门(单位)… (a sentence elsewhere may
    mention 部门整体支出 in passing: 部门整体支出和项目支出绩效自评工作)."""
    for line in lines:
        m = _HEADING_NUMBER.match(line.text)
        if not m or not m.end() or len(line.text) > _MAX_HEADING:
            continue
        rest = line.text[m.end() :]
        if _PROJECT_HEADING.match(rest):
            return Kind.PROJECT
        if _DEPARTMENT_HEADING.match(rest):
            return Kind.DEPARTMENT
    return None


def _year(title: Text | None, lines: list[ProseLine]) -> Num | None:
    if title is not None and (m := _TITLE_YEAR.search(title.text)):
        return Num(Decimal(m.group(1)), m.group(1), None, title.location)
    for line in lines:
        if m := _YEAR_FIELD.search(line.text):
            return Num(Decimal(m.group(1)), m.group(1), None, line.location)
    counts: Counter[int] = Counter()
    first: dict[int, Location] = {}
    for line in lines:
        for y in evaluated_years(line.text):
            counts[y] += 1
            first.setdefault(y, line.location)
    if not counts:
        return None
    best = max(counts.values())
    year = next(y for y in first if counts[y] == best)  # first in the text among the most frequent
    return Num(Decimal(year), str(year), None, first[year])


# -- unit, project, supervisor, duties ---------------------------------------------------


def _unit(title: Text | None, lines: list[ProseLine], all_lines: list[ProseLine]) -> Text | None:
    for i, line in enumerate(lines):
        if m := _UNIT_FIELD.search(line.text):
            value = _field_value(m.group("v"))
            if not value and _FIELD_LABEL_ONLY.match(line.text) and i + 1 < len(lines):
                value = _field_value(lines[i + 1].text)
            if value and _plausible_name(value, strict=False):
                return Text(value, line.location)
    if title is not None:
        rest = _TITLE_LEAD.sub("", title.text)
        cut = _TITLE_CUT.search(rest)
        name = rest[: cut.start()] if cut else ""
        if _plausible_name(name):
            return Text(name, title.location)
    for line in lines:
        if (m := _SUBJECT.match(line.text)) and _plausible_name(m.group(1)):
            return Text(m.group(1), line.location)
    for line in lines:
        if (m := _IMPLEMENTER.search(line.text)) and _plausible_name(m.group("v")):
            return Text(m.group("v"), line.location)
    for line in lines:
        if (m := _evaluator(line.text)) and _plausible_name(m.group("v")):
            return Text(m.group("v"), line.location)
    for line in all_lines:
        if (m := _SITE.search(line.text)) and _plausible_name(m.group("v")):
            name = m.group("v")
            region = _REGION.match(name)
            short = name[region.end() :] if region else name
            if short and any(short in other.text for other in lines):
                return Text(name, line.location)
    return None


def _plausible_name(name: str, strict: bool = True) -> bool:
    name = name.strip()
    if not _MIN_UNIT <= len(name) <= _MAX_UNIT or _PRONOUN.match(name):
        return False
    if any(ch in name for ch in "，,。；;：:"):
        return False
    return not strict or name.endswith(ORG_ENDINGS)


def _field_value(raw: str) -> str:
    value = raw.strip()
    if m := _FIELD_END.search(value):
        value = value[: m.start()]
    value = value.strip(" ：:")
    if value.startswith(("万元", "元")):
        return ""
    return value


def _field(lines: list[ProseLine], pattern: re.Pattern[str]) -> Text | None:
    for line in lines:
        m = pattern.search(line.text)
        if m is None:
            continue
        raw = m.group("v") if m.group("v") is not None else m.groupdict().get("s")
        if raw and (value := _field_value(raw)):
            return Text(value, line.location)
    return None


def _project_sentence(lines: list[ProseLine]) -> Text | None:
    for line in lines:
        if m := _PROJECT_SENTENCE.search(line.text):
            return Text(m.group("v"), line.location)
    return None


def _evaluator(text: str) -> re.Match[str] | None:
    """The opening sentence's evaluator and project, looked for only just before 绩效自评 (a
    long line is not searched from every position)."""
    at = text.find("绩效自评")
    if at < 0:
        return None
    start = max(0, at - _EVALUATOR_REACH)
    return _EVALUATOR.search(text[start : at + 4])


def _evaluated_project(lines: list[ProseLine]) -> Text | None:
    """The project the opening sentence says was evaluated (某某局对2023年度某某项目开展了
    绩效自评): a name ending like a project or a fund."""
    for line in lines:
        m = _evaluator(line.text)
        if m and _plausible_name(m.group("v")):
            name = m.group("p")
            if name.endswith(("项目", "资金", "经费", "工程")) and not _GENERIC_FUND.match(name):
                return Text(name, line.location)
    return None


def _grant(lines: list[ProseLine]) -> tuple[Text, Text] | None:
    """The unit and the item of the first grant sentence (``下达某某局某某经费260万元``):
    the unit receiving the money is the one reporting on it."""
    for line in lines:
        if (m := _GRANT.search(line.text)) and _plausible_name(m.group("org")):
            return Text(m.group("org"), line.location), Text(m.group("name"), line.location)
    return None


_FUND_HEADING = re.compile(
    r"^一[、.．]\s*(?P<v>[^\d，,。；;：:]{4,40}?(?:资金|经费|工程)(?:[(（][^()（）]{2,30}[)）])?)$"
)
_GENERIC_FUND = re.compile(r"^(?:项目|部门|预算|资金|财政|专项|年度|本级|整体)")


def _project_heading(lines: list[ProseLine]) -> Text | None:
    """A report on one fund whose first numbered part is that fund's name (``一、某某补助资金
    (某某经费)``): the name, only when no other part is numbered ``一、`` (one fund reported)."""
    found = [
        (m, line)
        for line in lines
        if (heading := heading_of(line)) is not None
        and heading.level == 1
        and (m := _FUND_HEADING.match(heading.text.strip()))
    ]
    firsts = [line for line in lines if re.match(r"^一[、.．]", line.text)]
    if len(found) != 1 or len(firsts) != 1:
        return None
    m, line = found[0]
    name = m.group("v").strip()
    return None if _GENERIC_FUND.match(name) else Text(name, line.location)


def _project_from_title(title: Text | None, lines: list[ProseLine]) -> Text | None:
    """关于2020年度农村公路养护专项资金项目支出绩效自评的报告 → 农村公路养护专项资金项目;
    the 项目 is the one of 项目支出 (档案数字化建设经费) where the text names it without."""
    if title is None:
        return None
    rest = _TITLE_LEAD.sub("", _REGION_YEAR.sub("", title.text))
    cut = _PROJECT_TITLE_CUT.search(rest)
    name = rest[: cut.start()] if cut else ""
    if len(name) >= _MIN_PROJECT and name.endswith(("项目", "资金", "工程", "经费")):
        short = name[: -len("项目")]
        if (
            name.endswith("项目")
            and rest[len(name) :].startswith("支出")
            and short.endswith(("资金", "工程", "经费"))
        ):
            bare = re.compile(re.escape(short) + "(?!项目)")
            if any(bare.search(line.text) for line in lines):
                return Text(short, title.location)
        return Text(name, title.location)
    return None


def _duties(lines: list[ProseLine]) -> Text | None:
    for i, line in enumerate(lines):
        m = _DUTIES.match(line.text)
        if not m:
            continue
        value = m.group("v").strip()
        if value and len(value) >= _MIN_DUTIES:
            return Text(value, line.location)
        if not value and i + 1 < len(lines):
            nxt = lines[i + 1]
            if (
                len(nxt.text) >= _MIN_DUTIES
                and heading_of(nxt) is None
                and not _DUTIES.match(nxt.text)
            ):
                return Text(nxt.text, nxt.location)
    return None


def _duties_section(report: Report) -> Text | None:
    """The text of a section headed 部门职责 / 主要职能 / 职能职责 (numbering aside)."""
    for section in report.sections:
        heading = _HEADING_NUMBER.sub("", section.heading.text)
        if _DUTIES_HEADING.match(heading) and len(section.text) >= _MIN_DUTIES:
            return Text(section.text, section.location)
    return None


# -- staff -------------------------------------------------------------------------------


def _staff(hits: list[FigureHit], lines: list[ProseLine], key: FigureKey) -> Num | None:
    matching = [hit for hit in hits if hit.figure.key == key]
    whole = [hit for hit in matching if not hit.part]  # 在职12人（其中行政编制8人）: 8 is a part
    if whole or matching:
        return (whole or matching)[0].figure.value
    for i, line in enumerate(lines):
        for pattern, label_key in _STAFF_LABELS:
            if label_key != key or not (m := pattern.match(line.text)):
                continue
            if m.group(1):
                return Num(Decimal(m.group(1)), m.group(1), "人", line.location)
            if i + 1 < len(lines) and (n := _BARE_COUNT.match(lines[i + 1].text)):
                return Num(Decimal(n.group(1)), n.group(1), "人", lines[i + 1].location)
    return None


# -- funds -------------------------------------------------------------------------------


def _fund_line(key: FigureKey, label: str) -> FundLine | None:
    """What a fund row of prose means: from the figure's key, or for an item from its words."""
    if key in _LINE_OF:
        return _LINE_OF[key]
    if key == FigureKey.ITEM:
        for pattern, line in _ITEM_LINES:
            if pattern.search(label):
                return line
    return None


def _owner_subject(hit: FigureHit, parent: FigureHit | None) -> bool:
    """Whether a part (其中 …) belongs to an earlier figure of its sentence that names a subject."""
    return (
        hit.part
        and parent is not None
        and parent is not hit
        and parent.sentence_index == hit.sentence_index
        and bool(parent.subject)
    )


_RATE_WORDS = ("执行率", "执行进度")  # 预算执行率 / 预算执行进度
# 资金支付率 / 资金使用率: the execution rate told in other words, taken only where 执行数 ÷ 预算数
# gives it (a 支付率 may be of the money arrived, not of the budget)
_PAID_RATE_WORDS = ("支付率", "使用率")


def _rate_in_sentence(
    hits: list[FigureHit],
    hit: FigureHit,
    budget: Num | None = None,
    notes: list[str] | None = None,
) -> Num | None:
    """The 执行率 stated in the same sentence as a spent figure, or in the next sentence when
    that one states no money and the rate is 执行数 ÷ 预算数 (prose_money.rate_agrees)."""
    for other in hits:
        if other.sentence_index != hit.sentence_index or other.figure.value.unit != "%":
            continue
        if other.figure.label.endswith(_RATE_WORDS):
            return other.figure.value
        if (
            _told_after(other.figure, _PAID_RATE_WORDS)
            and budget is not None
            and rate_agrees(other.figure.value.value, hit.figure.value.value, budget.value)
        ):
            return other.figure.value  # 资金支付率: the execution rate where the figures give it
    if budget is None:
        return None
    nxt = [other for other in hits if other.sentence_index == hit.sentence_index + 1]
    rates = [o for o in nxt if o.figure.value.unit == "%" and o.figure.label.endswith(_RATE_WORDS)]
    if len(rates) == 1 and not any(o.figure.value.unit in MONEY_UNITS for o in nxt):
        rate = rates[0].figure.value
        if rate_agrees(rate.value, hit.figure.value.value, budget.value):
            return rate
        _rate_note(notes, rate, hit.figure.value, budget)
    return None


# the year's money left unspent (结余资金17.5万元); 上年结余 is a source of the budget (its own row)
_BALANCE = re.compile(r"(?:项目|年度|本年|当年)?(?:资金)?结余(?:资金|金额|额)?")


def _clause_before(figure: Figure) -> str:
    """The words of the figure's clause before it (年初预算安排资金 of “该项目年初预算安排资金650万元”;
    the label keeps 资金 only, its verb 安排 cut)."""
    sentence, printed = figure.sentence, figure.value.text
    if not printed:  # (an empty pattern matches everywhere: the plain search)
        return _clause_before_plain(figure)
    # the places the figure is printed, not right after a digit or a point (as
    # ``(?<![\d.])`` + the figure, searched left to right without overlaps), and the words
    # before each back to the last clause mark: no pattern made for each figure
    at = sentence.find(printed)
    while at >= 0:
        if at and (sentence[at - 1] == "." or sentence[at - 1].isdecimal()):
            at = sentence.find(printed, at + 1)
            continue
        before = sentence[:at]
        cut = max(before.rfind(mark) for mark in _CLAUSE_MARKS)
        clause = before[cut + 1 :]
        if figure.label in clause:
            return clause
        at = sentence.find(printed, at + len(printed))
    return ""


_CLAUSE_MARKS = "，,；;。：:"


def _clause_before_plain(figure: Figure) -> str:
    """``_clause_before`` by its definition (the figure's places by pattern)."""
    clauses = [
        re.split(r"[，,；;。：:]", figure.sentence[: m.start()])[-1]
        for m in re.finditer(rf"(?<![\d.]){re.escape(figure.value.text)}", figure.sentence)
    ]
    for clause in clauses:
        if figure.label in clause:
            return clause
    return ""


def _told_after(figure: Figure, words: tuple[str, ...]) -> bool:
    """The figure is printed right after one of ``words`` (资金支付率97.51%, 支付率为97.51%):
    the label alone may have lost the word's verb (支付)."""
    return any(
        f"{w}{sep}{figure.value.text}" in figure.sentence
        for w in words
        for sep in ("", "为", "达", "达到", "是")
    )


def _rate_note(notes: list[str] | None, rate: Num, spent: Num, budget: Num) -> None:
    if notes is not None and budget.value:
        computed = (spent.value / budget.value * 100).quantize(Decimal("0.01"))
        notes.append(
            f"{rate.location}：执行率 {rate.text} 与 执行数 {spent.text} ÷ 预算数 {budget.text}"
            f"（{computed}%）不符，没有作为该资金行的执行率读取"
        )


def _funds(
    hits: list[FigureHit],
    year: int | None,
    unit: Text | None = None,
    notes: list[str] | None = None,
) -> tuple[FundRow, ...]:
    rows: list[FundRow] = []
    seen: set[tuple[str, Decimal]] = set()
    parent: FigureHit | None = None
    depths: dict[str, int] = {}  # the rows so far: a part named after one goes under it
    whole_at = 0  # the last row that is no part
    plain_rows: set[int] = set()  # rows no word marks as planned or spent
    for hit in hits:
        figure = hit.figure
        if figure.value.unit not in MONEY_UNITS or is_indicator_figure(figure.label):
            continue
        if not hit.part:
            parent = hit
        if year is not None and figure.year is not None and figure.year != year:
            continue
        label = figure.label
        if unit is not None and label.startswith(unit.text) and len(label) > len(unit.text) + 3:
            label = label[len(unit.text) :]  # 市交通运输局某某经费: the row is the 经费
        if (
            _owner_subject(hit, parent)
            and not is_source_part(label)
            and parent is not None
            and not label.startswith(parent.subject)
        ):
            label = parent.subject + label
        spending_only = (
            BARE_SPENT.fullmatch(figure.label)
            or (is_total_words(figure.label) and not hit.budget and not hit.plain)
            # 共完成投资955.6万元 (the label keeps 投资 only: its verb 完成 says spent)
            or (figure.label in ("投资", "投资额") and not hit.budget and not hit.plain)
        )  # 累计支付资金110万元 (the verb is not part of the label)
        if spending_only and not hit.part and rows:
            whole = rows[whole_at]
            if whole.budget is None and whole.actual is not None and whole_at in plain_rows:
                # 共投入资金120万元 … 实际支出110万元: the money put in was the budget
                whole = _plain_as_budget(rows, whole_at, plain_rows)
            if whole.budget is not None and whole.actual is None:
                # 预算10441万元 … 实际执行9265万元，执行率88.74%: the spending of the budget above
                rate = _rate_in_sentence(hits, hit, whole.budget, notes)
                rows[whole_at] = replace(whole, actual=figure.value, rate=rate)
                continue
        elif not hit.part and rows and spent_part_of(figure.label) is not None:
            # 调整后预算为2310.5万元，财政拨款支出2298.14万元，预算执行率为99.47%: a spending
            # named by its fund, right after a budget without one, is that budget's spending
            # where the rate told with it is 执行数 ÷ 预算数
            whole = rows[whole_at]
            if whole.budget is not None and whole.actual is None:
                rate = _rate_in_sentence(hits, hit, whole.budget, notes)
                if rate is not None and rate_agrees(
                    rate.value, figure.value.value, whole.budget.value
                ):
                    rows[whole_at] = replace(whole, actual=figure.value, rate=rate)
                    continue
        if _BALANCE.fullmatch(figure.label):
            continue  # 结余资金17.5万元: the year's remainder, no row (追加 figures are not
            # figures at all: report_figures leaves them out with the other changes)
        initial = bool(_INITIAL.search(figure.label) or _INITIAL.search(_clause_before(figure)))
        # 预算10441万元。其中，中央资金8353万元: the parts of a budget are budgets
        budget = hit.budget or (hit.part and hit.plain and parent is not None and parent.budget)
        if (label, figure.value.value) in seen:
            continue
        seen.add((label, figure.value.value))
        depth = 0
        if hit.part:
            owners = [k for k in depths if hit.owner.endswith(k)] if hit.owner else []
            depth = depths[max(owners, key=len)] + 1 if owners else 1
        depths.setdefault(label, depth)
        if depth == 0:
            whole_at = len(rows)
        if hit.plain and not budget:
            plain_rows.add(len(rows))
        rows.append(
            FundRow(
                label=Text(label, figure.location),
                line=_fund_line(figure.key, figure.label),
                depth=depth,
                initial_budget=figure.value if budget and initial else None,
                budget=figure.value if budget and not initial else None,
                actual=None if budget else figure.value,
                location=figure.location,
            )
        )
    rows = _name_total(_spent_by_name(_pair_spent_parts(_initial_with_budget(rows))))
    return tuple(_rates_after_spending(rows, hits, notes))


def _rates_after_spending(
    rows: list[FundRow], hits: list[FigureHit], notes: list[str] | None = None
) -> list[FundRow]:
    """中央资金支出75万元，执行率93.75%: a rate right after a spending figure (same sentence,
    no other figure between) is the rate of the row that figure's spending went to, when
    执行数 ÷ 预算数 gives it."""
    out = list(rows)
    for before, hit in itertools.pairwise(hits):
        rate = hit.figure.value
        if (
            rate.unit != "%"
            or not hit.figure.label.endswith(_RATE_WORDS)
            or before.sentence_index != hit.sentence_index
            or before.figure.value.unit not in MONEY_UNITS
        ):
            continue
        for k, row in enumerate(out):
            if row.actual is not before.figure.value or row.rate is not None or row.budget is None:
                continue
            if rate_agrees(rate.value, row.actual.value, row.budget.value):
                out[k] = replace(row, rate=rate)
            else:
                _rate_note(notes, rate, row.actual, row.budget)
    return out


def _initial_with_budget(rows: list[FundRow]) -> list[FundRow]:
    """年初预算500万元，调整后预算550万元: a row holding only the 年初预算 followed by a budget
    of the same sentence are one row (its 年初预算数 and 全年预算数)."""
    out: list[FundRow] = []
    for row in rows:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.initial_budget is not None
            and prev.budget is None
            and prev.actual is None
            and row.budget is not None
            and row.initial_budget is None
            and row.depth == prev.depth
            and row.location == prev.location
        ):
            out[-1] = replace(row, initial_budget=prev.initial_budget)
            continue
        out.append(row)
    return out


def _plain_as_budget(rows: list[FundRow], at: int, plain_rows: set[int]) -> FundRow:
    """The plain whole at ``at`` and its plain parts moved from 执行 to 预算."""
    k = at
    while k < len(rows) and (k == at or rows[k].depth > rows[at].depth):
        if k in plain_rows and rows[k].budget is None:
            rows[k] = replace(rows[k], budget=rows[k].actual, actual=None)
            plain_rows.discard(k)
        k += 1
    return rows[at]


def _name_total(rows: list[FundRow]) -> list[FundRow]:
    """The first budget told without a fund's name (项目预算资金, 共下达资金) is the form's
    年度资金总额 row."""
    for i, row in enumerate(rows):
        if row.depth == 0 and row.budget is not None:
            if is_total_words(row.label.text):
                rows[i] = replace(
                    row, label=Text(TOTAL_LABEL, row.label.location), line=FundLine.TOTAL
                )
            elif name := named_budget(row.label.text):
                rows[i] = replace(row, label=Text(name, row.label.location))
            break
    return rows


def _spent_by_name(rows: list[FundRow]) -> list[FundRow]:
    """A spending part named after a budget part (中央补助资金 80万元 … 中央补助资金使用75万元):
    its spending, tied by the name; the budget part must have no spending yet and the name
    only one budget part."""
    out = list(rows)
    dropped: set[int] = set()
    for k, row in enumerate(out):
        if row.depth == 0 or row.budget is not None or row.actual is None:
            continue
        name = spent_part_of(row.label.text)
        if not name:
            continue
        owners = [
            j
            for j in range(k)
            if j not in dropped
            and out[j].label.text == name
            and out[j].budget is not None
            and out[j].depth == row.depth
        ]
        if len(owners) == 1 and out[owners[0]].actual is None:
            out[owners[0]] = replace(out[owners[0]], actual=row.actual)
            dropped.add(k)
    return [r for k, r in enumerate(out) if k not in dropped]


def _pair_spent_parts(rows: list[FundRow]) -> list[FundRow]:
    """Spending parts listed after the budget parts, under other words (预算…其中，中央资金
    8353万元，省级配套资金2088万元 … 执行9265万元。其中中央补助经费执行7177万元，省级财政
    配套资金执行2088万元): when as many spending parts as budget parts follow one total and
    they add up to its spending, the n-th spending is the n-th budget part's."""
    out = list(rows)
    i = 0
    while i < len(out):
        whole = out[i]
        j = i + 1
        while j < len(out) and out[j].depth > whole.depth:
            j += 1
        if whole.budget is not None and whole.actual is not None:
            kids = [k for k in range(i + 1, j) if out[k].depth == whole.depth + 1]
            budgets = [k for k in kids if out[k].budget is not None and out[k].actual is None]
            spent = [k for k in kids if out[k].actual is not None and out[k].budget is None]
            if (
                len(budgets) == len(spent) >= 2
                and max(budgets) < min(spent)
                and sum(out[k].actual.value for k in spent) == whole.actual.value  # type: ignore[union-attr, misc]
                and sum(out[k].budget.value for k in budgets) == whole.budget.value  # type: ignore[union-attr, misc]
            ):
                for b, a in zip(budgets, spent, strict=True):
                    out[b] = replace(out[b], actual=out[a].actual)
                dropped = set(spent)
                out = [r for k, r in enumerate(out) if k not in dropped]
        i += 1
    return out
