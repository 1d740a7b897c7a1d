"""Year, unit and kind from titles: ``2021年度…自评表``, ``(2023年度)``, a report title
``2021年度长沙市岳麓区妇女联合会单位部门整体支出预算绩效自评报告``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import PurePath

from jixiao.extract.vocab import ORG_ENDINGS, TOWNSHIP_ENDINGS
from jixiao.model import Kind, Location, Num, Text
from jixiao.textnorm import clean, fold

_UNIT_BAD_CHAR = re.compile(r"[\d!！:：>，,。;；]")
_SPACES = re.compile(r"\s+")
_LEADING_ITEM_NUMBER = re.compile(r"^\d{1,2}[、.](?!\d)")
_YEAR_IN_TITLE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?:\s*年度?)?(?!\d)")

_YEAR_DU = re.compile(r"((?:19|20)\d{2})\s*年度")
_YEAR_TITLE = re.compile(r"((?:19|20)\d{2})\s*年?[^\d。，,；;]{0,24}?(?:绩效|自评|评价|决算|预算)")
# a template whose 年 is printed as a dash and whose year's digits are spaced apart
# (``20 16 -度部门整体支出``): only in a short title line naming the evaluation
_YEAR_GARBLED_DU = re.compile(
    r"(?<![\d.])((?:19|20)\s?\d{2})\s*[-－—_]?\s*度(?=[^\d。，,；;]{0,24}(?:绩效|自评|评价|支出|决算|预算))"
)
_YEAR_AFTER_TITLE = re.compile(
    r"(?:自评表|自评报告|评价报告|绩效报告|评分表)\s*[(（]\s*((?:19|20)\d{2})\s*年度?\s*[)）]"
)
_BOOK_TITLE = re.compile(r"《([^《》]{4,80})》")
_FILE_SUFFIX = re.compile(r"\.(?:docx?|xlsx?|pdf|wps|et)$|[(（]\d+页[^)）]*[)）]$", re.IGNORECASE)
_TITLE_WORDS = re.compile(r"自评表|自评报告|评价报告|评分表|绩效报告|目标表|自评$")
_UNIT_IN_TITLE = re.compile(
    r"^(?P<unit>.+?)(?:单位部门|部门单位|单位|部门)?"
    r"(?:整体支出|项目支出|部门整体|预算绩效|绩效自评|绩效评价|预算支出|支出绩效)"
)
_NOT_UNIT = re.compile(r"^(部门|单位|本单位|本部门|我单位|我局|项目|年度|关于|附件\d*[:：]?)$")


def find_year(texts: Iterable[Text]) -> Num | None:
    """The evaluated year: the first ``YYYY年度``, or the year in brackets after a title
    (``…自评表(2021年)``); else a year just before 绩效/自评 in a title, or a title's
    ``20 16 -度`` whose 年 the template printed as a dash."""
    items = list(texts)
    for t in items:
        text = clean(t.text)
        m = _YEAR_DU.search(text) or _YEAR_AFTER_TITLE.search(text)
        if m:
            return Num(Decimal(m.group(1)), m.group(1), None, t.location)
    for t in items:
        folded = clean(t.text)
        if len(folded) > 120:
            continue
        m = _YEAR_TITLE.search(folded) or _YEAR_GARBLED_DU.search(folded)
        if m:
            digits = _SPACES.sub("", m.group(1))
            return Num(Decimal(digits), m.group(1), None, t.location)
    return None


def title_candidates(texts: list[Text]) -> list[Text]:
    """Titles, with a title wrapped over two short lines joined into one."""
    out: list[Text] = []
    for i, t in enumerate(texts):
        s = clean(t.text).strip()
        if len(s) > 80:
            # a document-sharing site names the file in 《》: 《某某局2021年度…自评表.docx》由会员分享
            for m in _BOOK_TITLE.finditer(s[:400]):
                name = _FILE_SUFFIX.sub("", m.group(1)).strip()
                if _TITLE_WORDS.search(name):
                    out.append(Text(name, t.location))
                    break
            continue
        if _TITLE_WORDS.search(s):
            out.append(Text(s, t.location))
        elif i + 1 < len(texts) and _next_line(t, texts[i + 1]):
            nxt = clean(texts[i + 1].text).strip()
            if len(s) + len(nxt) <= 80 and _TITLE_WORDS.search(nxt) and not _TITLE_WORDS.search(s):
                out.append(Text(s + nxt, t.location))
    return out


def _next_line(first: Text, second: Text) -> bool:
    """Whether ``second`` follows ``first`` within three lines of the same file (a title's two
    halves, perhaps with blank lines between; the texts of a table's cells and the paragraphs
    are listed one after the other, so neighbours in the list may lie far apart). Without line
    numbers: assumed."""
    a, b = first.location, second.location
    if a is None or b is None or a.line is None or b.line is None or a.source != b.source:
        return True
    return 0 <= b.line - a.line <= 3


_UNIT_ENDINGS = ORG_ENDINGS + TOWNSHIP_ENDINGS


def _plausible_unit(unit: str) -> bool:
    return (
        3 <= len(unit) <= 40
        and not _NOT_UNIT.match(unit)
        and not _UNIT_BAD_CHAR.search(unit)
        and unit.endswith(_UNIT_ENDINGS)
    )


def file_title(source: str) -> Text | None:
    """The file's name as a title when it names the form (``2022年度某局某项目项目支出绩效自评表.txt``,
    as a document shared on a website arrives); a name like ``106.txt`` is none."""
    name = PurePath(source.replace("\\", "/")).name
    stem = _FILE_SUFFIX.sub("", re.sub(r"\.(?:txt|html?)$", "", name, flags=re.IGNORECASE)).strip()
    if not stem or not _TITLE_WORDS.search(stem):
        return None
    return Text(clean(stem), Location(source, None))


# words that end a unit's name for sure (a 科 or 学 inside 科学技术局 or 大学 does not)
_STRONG_UNIT_ENDINGS = re.compile(
    r"委员会|办公室|联合会|中心|医院|学校|大学|人民政府|街道办事处|局|馆|院|厅|站|队|所|会|署|社|校"
)
_NOT_PROJECT = re.compile(r"^(?:部门|单位|本级|整体|年度|预算)")
_PROJECT_IN_TITLE = re.compile(r"(?:项目支出|项目)?(?:预算)?(?:绩效自评|自评|绩效评价|绩效)")


def _plausible_project(project: str) -> bool:
    return (
        4 <= len(project) <= 40
        and not _UNIT_BAD_CHAR.search(project)
        and not _NOT_PROJECT.match(project)
    )


def unit_and_project(titles: list[Text]) -> tuple[Text, Text] | None:
    """A project form's title naming both, run together
    (``2022年度池州市贵池区档案馆残疾人康复服务经费项目支出绩效自评表``): the unit ends at the
    first word that surely ends a unit's name, the project is the rest up to 项目支出/绩效自评.
    Only a project title (``项目``, no ``整体``); None when the split is not clear."""
    for t in titles:
        s = _LEADING_ITEM_NUMBER.sub("", _SPACES.sub("", t.text))
        if "整体" in s or "项目" not in s:
            continue
        year = _YEAR_IN_TITLE.search(s)
        if year:
            before = s[: year.start()].strip("(（)）:：、 ")
            s = s[year.end() :]
            if _plausible_unit(before):
                m = _PROJECT_IN_TITLE.search(s)
                project = s[: m.start()] if m else ""
                if _plausible_project(project):
                    return Text(before, t.location), Text(project, t.location)
                continue
        m = _PROJECT_IN_TITLE.search(s)
        if not m:
            continue
        named = s[: m.start()]
        for e in _STRONG_UNIT_ENDINGS.finditer(named):
            unit, project = named[: e.end()], named[e.end() :]
            if len(unit) < 4:
                continue
            if _plausible_unit(unit) and _plausible_project(project):
                return Text(unit, t.location), Text(project, t.location)
            break
    return None


def unit_from_title(titles: list[Text]) -> Text | None:
    """The unit named in a title: ``2021年度XX单位部门整体支出预算绩效自评报告`` or
    ``XX局2022年度项目支出绩效自评表``. Only a name ending like a unit (局, 中心, 联合会 …)."""
    for t in titles:
        s = _SPACES.sub("", t.text)
        s = _LEADING_ITEM_NUMBER.sub("", s)
        year = _YEAR_IN_TITLE.search(s)
        candidates = []
        if year:
            candidates.append(s[: year.start()].strip("(（)）:：、 "))
            s = s[year.end() :]
        m = _UNIT_IN_TITLE.match(s)
        if m:
            candidates.insert(0, m.group("unit").strip("(（)）:：、 "))
        for unit in candidates:
            if _plausible_unit(unit):
                return Text(unit, t.location)
    return None


def detect_kind(
    titles: list[Text],
    fields: dict[str, Text],
    has_staff: bool,
    has_groups: bool,
    cells: Sequence[Text] = (),
) -> Kind:
    """项目 vs 部门整体: a 项目名称 field wins; then the first title; then what the form holds
    (an excerpt without its title: the fund block labelled 项目资金 is a project's)."""
    if "project" in fields:
        return Kind.PROJECT
    for t in titles:
        s = fold(t.text)
        if "整体" in s:
            return Kind.DEPARTMENT
        if "项目" in s:
            return Kind.PROJECT
    if has_staff or has_groups or "duties" in fields:
        return Kind.DEPARTMENT
    if "supervisor" in fields or any(fold(c.text).startswith("项目资金") for c in cells):
        return Kind.PROJECT
    return Kind.DEPARTMENT
