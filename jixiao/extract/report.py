"""The 自评报告: its title, its sections by Chinese heading numbering, the figures in its sentences.

Headings are recognised by their numbering — ``第一部分`` (level 0, above ``一、``), ``一、`` (level 1), ``（一）``/``(一)`` (level 2),
``1.``/``1、`` (level 3), ``(1)`` (level 4) — and by their shape: a heading is short and is
not a sentence. A numbered line that carries a sentence or a figure (``1、收入:512.40万元。…``,
``1.完成…。2.做好…``) is a list item of the text, not a heading. A level-1 or level-2 heading
may run on into its text after a full stop or colon (``（一）部门整体支出概况。2021年…``).

A section's text is everything up to the next heading of the same or a higher level,
including its subsections, line by line as printed — so a check can look for template
instruction text or admitted problems in one place.

The title is the line ending in 报告 nearest before the first level-1 heading (web pages put
their own title and breadcrumbs higher up); a title split over two lines is joined
(“2021年度长沙市岳麓区妇女联合会单位部门” + “整体支出预算绩效自评报告”).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from jixiao.document import Paragraph
from jixiao.extract.prose_lines import FOOTER, ProseLine, is_noise, prose_lines
from jixiao.extract.report_figures import FIGURE, FigureHit, scan_figures
from jixiao.model import Figure, Location, Report, Section, Text

_ANY_YEAR = re.compile(r"(?:19|20)\d{2}")

_CN = "一二三四五六七八九十"
_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (0, re.compile(rf"^第[{_CN}]{{1,3}}(?:部分|章|篇)\s*[、.．:：]?\s*")),
    (1, re.compile(rf"^[{_CN}]{{1,3}}\s*[、.．]\s*")),
    (2, re.compile(rf"^[(（]\s*[{_CN}]{{1,3}}\s*[)）]\s*[、.．]?\s*")),
    (3, re.compile(r"^\d{1,2}\s*(?:[、．]|\.(?!\d))\s*")),
    (4, re.compile(r"^[(（]\s*\d{1,2}\s*[)）]\s*[、.．]?\s*")),
)
_HEAD_END = re.compile(r"[。；;！!？?:：]")
_COMMA = re.compile(r"[，,]")
_MAX_HEADING = 40
_MAX_COMMA_HEADING = 20
_MAX_LIST_HEADING = 30
_LIST_LEVEL = 3  # 1. and (1) items may be a list; 一、 and （一） are always headings

_TITLE = re.compile(r"^.{0,80}?报告书?\s*(?:\d{1,2}|[(（][^()（）]{0,16}[)）])?$")
# Weaker titles, used only where no line ends in 报告: 2021年度部门整体支出绩效自评情况说明.
_WEAK_TITLE = re.compile(
    r"^[^，,。；;]{4,60}?(?:情况说明|自评情况|评价情况|自评结果|评价结果|说明)$"
)
_TITLE_WORD = re.compile(r"绩效|自评|评价")
_TITLE_STEM = re.compile(r"\s*(?:\d{1,2}|[(（][^()（）]{0,16}[)）])$")
_SENTENCE_MARK = re.compile(r"[。，,；;：:!！?？|>]")
_TITLE_HEAD = re.compile(r"(?:19|20)\d{2}|单位$|部门$|支出$|整体$|项目$|年度$|预算$")
_MAX_TITLE_PART = 40
_TITLE_GAP = 3  # lines between the two halves of a split title


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str  # the heading as printed, numbering included
    rest: str  # text that runs on after it on the same line


def heading_of(line: ProseLine) -> Heading | None:
    """The heading a line opens with, or None when the line is text.

    The numbering decides the level; a paragraph the file's styles mark as a heading counts
    when it is unnumbered and shaped like one (Word files often style body text as headings).
    """
    text = line.text
    for level, marker in _MARKERS:
        m = marker.match(text)
        if not m:
            continue
        body = text[m.end() :]
        if not body or body[0].isdigit():
            return None
        end = _HEAD_END.search(body)
        head, rest = (body[: end.start()], body[end.end() :].strip()) if end else (body, "")
        if rest and level > 2:  # a list item with its sentence
            return None
        if not _heading_like(head, level):
            return None
        return Heading(level, text[: m.end()] + head.strip(), rest)
    if line.heading_level is not None and not _is_title(text):
        head = text.rstrip("。：:")
        if not _HEAD_END.search(head) and _heading_like(head, 1):
            return Heading(line.heading_level, text, "")
    return None


def _demote_lists(lines: list[ProseLine], headings: list[Heading | None]) -> list[Heading | None]:
    """Numbered items of a list are text, not headings: a run of two or more ``1.``/``(1)``
    lines with no text between them, or one right after a line that ends in a colon."""
    out = list(headings)
    n = len(lines)
    for i, h in enumerate(headings):
        if h is None or h.level < _LIST_LEVEL or h.rest:
            continue
        prev = headings[i - 1] if i > 0 else None
        nxt = headings[i + 1] if i + 1 < n else None
        in_run = (prev is not None and prev.level == h.level) or (
            nxt is not None and nxt.level == h.level
        )
        after_colon = i > 0 and prev is None and lines[i - 1].text.endswith(("：", ":"))
        if in_run or after_colon:
            out[i] = None
    return out


def _heading_like(head: str, level: int) -> bool:
    head = head.strip()
    if not head or FIGURE.search(head):
        return False
    limit = _MAX_HEADING if level <= 2 else _MAX_LIST_HEADING
    if len(head) > limit:
        return False
    return not (_COMMA.search(head) and len(head) > _MAX_COMMA_HEADING)


@dataclass(slots=True)
class _Open:
    level: int
    heading: Text
    lines: list[str] = field(default_factory=list)


# The figures of the last report read, with what the prose reader needs (see report_figures).
_last_hits: tuple[tuple[Figure, ...], list[FigureHit]] | None = None


def extract_report(paragraphs: Sequence[Paragraph], source: str) -> Report:
    """Title, sections and figures of the report in these paragraphs (an empty Report if none)."""
    return _read(paragraphs)[0]


def _read(paragraphs: Sequence[Paragraph]) -> tuple[Report, list[FigureHit]]:
    global _last_hits
    lines = prose_lines(paragraphs)
    headings = _demote_lists(lines, [heading_of(line) for line in lines])
    title, title_end = _title(lines, headings)
    stop = _report_end(lines, title, title_end)
    sections = _sections(lines, headings, title_end if title else 0, stop)
    hits = scan_figures(lines[:stop])
    figures = tuple(h.figure for h in hits)
    _last_hits = (figures, hits)
    return Report(title=title, sections=sections, figures=figures), hits


def figure_hits(report: Report, paragraphs: Sequence[Paragraph]) -> list[FigureHit]:
    """The figure hits behind ``report.figures`` (read again when not the last report read)."""
    last = _last_hits
    if last is not None and last[0] is report.figures:
        return last[1]
    return _read(paragraphs)[1]


def _title(lines: list[ProseLine], headings: list[Heading | None]) -> tuple[Text | None, int]:
    """The report title and the index after its last line."""
    first_heading = next((i for i, h in enumerate(headings) if h and h.level <= 1), len(lines))
    i = _pick_title(lines, headings, first_heading, _is_title)
    if i is None:
        i = _pick_title(lines, headings, first_heading, _is_weak_title)
    if i is None:
        return None, 0
    line = lines[i]
    if i > 0 and _joins(lines[i - 1], line):
        prev = lines[i - 1]
        return Text(prev.text + line.text, prev.location), i + 1
    return Text(line.text, line.location), i + 1


def _pick_title(
    lines: list[ProseLine],
    headings: list[Heading | None],
    first_heading: int,
    is_title: Callable[[str], bool],
) -> int | None:
    """The title line nearest before the first heading, else the first title line anywhere."""
    before = [i for i in range(first_heading) if headings[i] is None and is_title(lines[i].text)]
    if before:
        return before[-1]
    return next(
        (i for i in range(len(lines)) if headings[i] is None and is_title(lines[i].text)), None
    )


def _is_weak_title(text: str) -> bool:
    return bool(_WEAK_TITLE.match(text)) and _is_title(text + "报告")


def _is_title(text: str) -> bool:
    return (
        bool(_TITLE.match(text))
        and bool(_TITLE_WORD.search(text))
        and not is_noise(text)
        and "。" not in text
    )


def _joins(prev: ProseLine, line: ProseLine) -> bool:
    """Whether ``prev`` is the first half of a title split over two lines."""
    if len(prev.text) > _MAX_TITLE_PART or _SENTENCE_MARK.search(prev.text) or is_noise(prev.text):
        return False
    if prev.text.endswith(("报告", "表")) or heading_of(prev) is not None:
        return False
    if _gap(prev.location, line.location) > _TITLE_GAP:
        return False
    return bool(_TITLE_HEAD.search(prev.text)) and not _ANY_YEAR.search(line.text)


def _gap(a: Location, b: Location) -> int:
    if a.line is None or b.line is None:
        return 1
    return b.line - a.line


def _report_end(lines: list[ProseLine], title: Text | None, after: int) -> int:
    """Where the report ends: the page footer, or a second report of the same title (essay
    sites print several), else the end of the text."""
    stem = _TITLE_STEM.sub("", lines[after - 1].text) if title is not None else None
    for i in range(after, len(lines)):
        text = lines[i].text
        if FOOTER.search(text):
            return i
        if _same_title(text, lines[after - 1].text, stem):
            return i
    return len(lines)


def _same_title(text: str, title_line: str, stem: str | None) -> bool:
    """Another report's title line of the same stem (建设项目绩效自评报告2 after …报告1)."""
    return (
        stem is not None
        and text != title_line
        and _is_title(text)
        and _TITLE_STEM.sub("", text) == stem
    )


def _sections(
    lines: list[ProseLine], headings: list[Heading | None], start: int, stop: int
) -> tuple[Section, ...]:
    done: list[tuple[int, _Open]] = []  # (order, section)
    stack: list[_Open] = []
    for i in range(start, stop):
        line, heading = lines[i], headings[i]
        if heading is None:
            if is_noise(line.text):
                continue
            for s in stack:
                s.lines.append(line.text)
            continue
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        for s in stack:
            s.lines.append(line.text)
        opened = _Open(heading.level, Text(heading.text, line.location))
        done.append((i, opened))
        stack.append(opened)
        if heading.rest:
            opened.lines.append(heading.rest)
    return tuple(
        Section(
            heading=s.heading, text="\n".join(s.lines), level=s.level, location=s.heading.location
        )
        for _, s in done
    )
