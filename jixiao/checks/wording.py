"""Checks of what the text says (JX-C…): template instructions left in place, problems and
measures left empty, full marks while the report admits shortcomings."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.checks.base import REG_10, TEMPLATE_NOTE, Context, check, first_location
from jixiao.checks.fields import all_fields
from jixiao.checks.texts import (
    PLACEHOLDER,
    admits_shortcoming,
    is_template_instruction,
    placeholders,
    says_nothing,
)
from jixiao.model import Evaluation, Finding, Kind, Location, Report, Section, Severity

_NOTE_LABEL = re.compile(r"注|说明|备注|填表|填报要求")


@check(
    "JX-C007",
    Severity.ERROR,
    "模板说明文字未替换",
    TEMPLATE_NOTE + "：模板中的填写说明应替换为实际内容",
)
def template_text(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """A cell or report section that still holds the template's instruction (“对照年度目标，
    说明…(100字以内)”, “总结归纳本部门…等方面”) instead of content.

    Example: 报告 三、部门整体支出绩效情况 reads “总结归纳本部门预算支出的绩效目标完成情况…”.
    """
    for f in all_fields(evaluation):
        if f.kind == "extra" and _NOTE_LABEL.search(f.name):
            continue
        if is_template_instruction(f.text):
            shown = re.sub(r"\s+", " ", f.text.strip())
            yield template_text.finding(
                f"{f.name}仍是模板的填写说明，未填写实际内容",
                f.location,
                "实际内容",
                f"“{shown[:40]}{'…' if len(shown) > 40 else ''}”",
            )


@check(
    "JX-C016",
    Severity.ERROR,
    "待填写标记未替换",
    TEMPLATE_NOTE + "：起草稿中的【待填写：…】应由单位替换为实际内容后再提交",
)
def placeholder_left(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """A fill-in mark (【待填写：偏差原因】, as ``jixiao report`` drafts them) still in a cell
    or a report section: the text was never written. One finding per field, naming its marks.

    Example: 报告 五、下一步改进措施 reads “【待填写：针对上述问题提出下一步改进措施和有关建议】”.
    """
    fields = all_fields(evaluation)
    for i, f in enumerate(fields):
        own = f.text
        if f.kind == "section":  # a heading's text holds its sub-sections': count them there
            for later in fields[i + 1 :]:
                if later.kind == "section" and later.text and later.text in own:
                    own = own.replace(later.text, "")
        marks = placeholders(own)
        if not marks:
            continue
        shown = "、".join(dict.fromkeys(marks))
        yield placeholder_left.finding(
            f"{f.name}仍有 {len(marks)} 处待填写标记：{shown[:80]}",
            f.location,
            "实际内容",
            shown[:40],
        )


def section_body(report: Report, index: int) -> str:
    """A section's own text with the text of its sub-sections."""
    sections = report.sections
    head = sections[index]
    parts = [head.text]
    for s in sections[index + 1 :]:
        if s.level <= head.level:
            break
        parts.append(s.heading.text)
        parts.append(s.text)
    return "\n".join(p for p in parts if p)


def ends_cut_off(report: Report) -> bool:
    """Whether the report stops mid-sentence (a web excerpt cut off): its last text does not
    end with a sentence mark."""
    last = report.sections[-1] if report.sections else None
    if last is None:
        return False
    text = (last.text or last.heading.text).rstrip()
    return bool(text) and text[-1] not in '。！？!?；;…）)”"’'


def _sections_about(report: Report | None, pattern: str) -> Iterator[tuple[Section, str]]:
    if report is None:
        return
    for i, s in enumerate(report.sections):
        if re.search(pattern, s.heading.text):
            yield s, section_body(report, i)


_PROBLEMS = r"问题|不足"
_MEASURES = r"措施|建议|改进|整改"


def _problem_texts(evaluation: Evaluation) -> Iterator[tuple[str, str, Location | None]]:
    if evaluation.problems is not None:
        yield "存在问题", evaluation.problems.text, evaluation.problems.location
    for s, body in _sections_about(evaluation.report, _PROBLEMS):
        yield f"报告“{s.heading.text.strip()}”", body, s.location or s.heading.location


@check(
    "JX-C008",
    Severity.WARNING,
    "存在问题或改进措施为空、“暂无”",
    REG_10 + "：自评应分析存在的问题及原因，提出改进措施",
)
def nothing_to_improve(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """The problems (存在问题) and measures (改进措施) must say something: a blank, “无” or
    “暂无” there is not a self-evaluation. Template instructions are JX-C007's.

    A department's report without any part on problems or on measures is reported too.

    Example: 存在问题 “暂无”; 改进措施 “无”.
    """
    items: list[tuple[str, str, Location | None]] = list(_problem_texts(evaluation))
    if evaluation.measures is not None:
        items.append(("改进措施", evaluation.measures.text, evaluation.measures.location))
    for s, body in _sections_about(evaluation.report, _MEASURES):
        if not re.search(_PROBLEMS, s.heading.text):
            items.append(
                (f"报告“{s.heading.text.strip()}”", body, s.location or s.heading.location)
            )
    for name, text, location in items:
        if is_template_instruction(text) or not says_nothing(text):
            continue
        shown = text.strip() or "空白"
        yield nothing_to_improve.finding(
            f"{name}为“{shown}”，未分析问题或提出措施",
            location,
            "具体的问题分析或改进措施",
            shown,
        )
    report = evaluation.report
    if report is None or len(report.sections) < 3 or evaluation.kind != Kind.DEPARTMENT:
        return
    if evaluation.missing or ends_cut_off(report):
        return  # the parts may be in what was cut off
    headings = " ".join(sec.heading.text for sec in report.sections)
    for pattern, part, present in (
        (_PROBLEMS, "存在的问题及原因分析", evaluation.problems is not None),
        (_MEASURES, "改进措施和建议", evaluation.measures is not None),
    ):
        if not present and not re.search(pattern, headings):
            yield nothing_to_improve.finding(
                f"自评报告没有“{part}”部分",
                report.sections[-1].location or report.sections[-1].heading.location,
                part,
                "缺少",
            )


@check(
    "JX-C009", Severity.WARNING, "全部满分却自述存在不足", REG_10 + "：评分应与自评发现的问题相符"
)
def full_marks_with_gaps(evaluation: Evaluation, context: Context) -> Iterator[Finding]:
    """Every indicator at its full weight while the problems (or the report's section on
    problems) admit a gap or shortcoming: the scores do not reflect what the unit says.

    Example: 15 indicators all at full marks; 四、存在的主要问题 “…还有一定差距”.
    """
    scored = [
        i for i in evaluation.scored_indicators if i.weight is not None and i.score is not None
    ]
    if len(scored) < 3 or any(i.score.value < i.weight.value for i in scored):  # type: ignore[union-attr]
        return
    for name, text, location in _problem_texts(evaluation):
        text = PLACEHOLDER.sub("", text)  # a mark still to be filled in admits nothing
        if is_template_instruction(text):
            continue
        word = admits_shortcoming(text)
        if word is None:
            continue
        sentence = next((s for s in re.split(r"[。；;\n]", text) if word in s), text)
        yield full_marks_with_gaps.finding(
            f"{len(scored)} 项指标全部满分，而{name}承认“{sentence.strip()[:40]}”",
            first_location(
                location, evaluation.total_score.location if evaluation.total_score else None
            ),
            "与所述问题相应的扣分",
            "全部满分",
        )
        return
