"""What an import must ask before it replaces a form: does the file fit the round (year, kind),
and would it overwrite what the unit has typed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jixiao_web.evaluations import layout

KIND_WORDS = {"department": "部门整体支出绩效自评表", "project": "项目支出绩效自评表"}


@dataclass
class RoundFit:
    refusal: str = ""  # the file cannot go into this round at all
    questions: list[str] = field(default_factory=list)  # the user must confirm these
    year: int | None = None  # the file's year where it differs from the round's


def round_fit(content: dict[str, Any], year: int, kind: str, name: str) -> RoundFit:
    """Compare an imported form with its round: a kind that differs is refused (a department
    table cannot become a project table without losing rows); a year that differs is asked."""
    fit = RoundFit()
    got = content.get("kind") or "department"
    if got != kind:
        fit.refusal = (
            f"{name} 是{KIND_WORDS.get(got, got)}，本轮次填报的是{KIND_WORDS.get(kind, kind)}，"
            "不能导入；请在对应类型的评价轮次中导入。"
        )
        return fit
    file_year = content.get("year")
    if file_year is not None and str(file_year) != str(year):
        fit.year = int(file_year) if str(file_year).isdigit() else None
        fit.questions.append(
            f"{name} 的年度是 {file_year}，本轮次是 {year} 年度。确认后按 {year} 年度导入"
            f"（表中年度改为 {year}，历史版本中记录此项更改）。"
        )
    return fit


def has_typed_content(
    current: dict[str, Any], kind: str, year: int, unit: str, project: str
) -> bool:
    """Whether the form holds anything beyond the blank form it started as."""
    blank = layout.blank(kind, year, unit)
    if project:
        blank["project"] = project
    return not layout.same(blank, current)
