"""The free-text fields of an evaluation, each with its Chinese name and location."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from jixiao.checks.base import per_evaluation
from jixiao.model import Evaluation, Location


@dataclass(frozen=True)
class Field:
    name: str  # Chinese, for messages: “年度总体目标（全年完成情况）”, “报告 三、…”
    text: str
    location: Location | None
    kind: str  # goal / conclusion / problems / measures / reason / deviation / target / actual / extra / section


def table_fields(evaluation: Evaluation) -> Iterator[Field]:
    """Free text written into the table's cells."""
    e = evaluation
    for i, g in enumerate(e.goals, 1):
        suffix = f"{i}" if len(e.goals) > 1 else ""
        if g.planned is not None:
            yield Field(
                f"年度总体目标{suffix}（年初设定目标）",
                g.planned.text,
                g.planned.location,
                "goal_planned",
            )
        if g.achieved is not None:
            yield Field(
                f"年度总体目标{suffix}（全年完成情况）",
                g.achieved.text,
                g.achieved.location,
                "goal_achieved",
            )
    for row in e.funds:
        if row.reason is not None:
            yield Field(
                f"{row.label.text}（原因说明）",
                row.reason.text,
                row.reason.location or row.location,
                "reason",
            )
    for ind in e.indicators:
        for value, what, kind in (
            (ind.target, "指标值", "target"),
            (ind.actual, "完成值", "actual"),
            (ind.deviation, "偏差原因分析", "deviation"),
        ):
            if value is not None:
                where = value.location or ind.location
                yield Field(f"指标“{ind.name.text}”的{what}", value.text, where, kind)
    for label, text, kind in (
        ("评价结论", e.conclusion, "conclusion"),
        ("存在问题", e.problems, "problems"),
        ("改进措施", e.measures, "measures"),
    ):
        if text is not None:
            yield Field(label, text.text, text.location, kind)
    for label, text in e.extra:
        yield Field(label, text.text, text.location, "extra")


def report_fields(evaluation: Evaluation) -> Iterator[Field]:
    """The sections of the report."""
    if evaluation.report is None:
        return
    sections = evaluation.report.sections
    for k, s in enumerate(sections):
        yield Field(
            f"报告“{s.heading.text.strip()}”",
            _own_text(s.text, [t.text for t in sections[k + 1 :]]),
            s.location or s.heading.location,
            "section",
        )


def _own_text(text: str, later: list[str]) -> str:
    """A section's text without its sub-sections' (a heading's text holds theirs too): a
    sentence is checked, and a finding given, once — in the innermost section saying it."""
    for sub in later:
        if sub and sub in text:
            text = text.replace(sub, "")
    return text


@per_evaluation
def all_fields(evaluation: Evaluation) -> tuple[Field, ...]:
    """Every free-text field, table first, then the report's sections."""
    return (*table_fields(evaluation), *report_fields(evaluation))
