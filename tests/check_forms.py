"""Tiny builders for the check tests: a form in a few lines, right above the assertion.

``n("106.87%")`` is a printed number; ``fund(...)`` a funds row; ``ind(...)`` an indicator;
``form(...)`` an Evaluation (2021, department, source ``t.txt``). ``fires(code, e)`` runs
one check and returns its findings; ``silent(code, e)`` asserts it finds nothing.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.checks import CHECKS, Context
from jixiao.measure import parse_measure
from jixiao.model import (
    Evaluation,
    Figure,
    FigureKey,
    Finding,
    FundGroup,
    FundLine,
    FundRow,
    Goal,
    Indicator,
    Kind,
    Location,
    Num,
    Report,
    Section,
    Text,
)
from jixiao.profiles import load_profile

SOURCE = "t.txt"


def at(line: int | None) -> Location | None:
    return Location(SOURCE, line) if line is not None else None


def n(printed: str | int | None, line: int | None = None) -> Num | None:
    if printed is None:
        return None
    text = str(printed)
    unit = "%" if text.endswith("%") else None
    return Num(Decimal(text.rstrip("%")), text, unit, at(line))


def t(text: str | None, line: int | None = None) -> Text | None:
    return Text(text, at(line)) if text is not None else None


def fund(
    label: str,
    line: FundLine,
    budget: str | None = None,
    actual: str | None = None,
    rate: str | None = None,
    *,
    group: FundGroup | None = None,
    depth: int = 0,
    initial: str | None = None,
    weight: str | None = None,
    score: str | None = None,
    reason: str | None = None,
    row: int | None = None,
) -> FundRow:
    return FundRow(
        label=Text(label, at(row)),
        line=line,
        group=group,
        depth=depth,
        initial_budget=n(initial, row),
        budget=n(budget, row),
        actual=n(actual, row),
        rate=n(rate, row),
        weight=n(weight, row),
        score=n(score, row),
        reason=t(reason, row),
        location=at(row),
    )


def ind(
    name: str,
    target: str | None = None,
    actual: str | None = None,
    weight: str | int | None = None,
    score: str | int | None = None,
    *,
    level1: str = "产出指标",
    level2: str = "数量指标",
    deviation: str | None = None,
    sub_item: bool = False,
    row: int | None = None,
) -> Indicator:
    return Indicator(
        name=Text(name, at(row)),
        level1=Text(level1),
        level2=Text(level2),
        target=parse_measure(target, at(row)),
        actual=parse_measure(actual, at(row)),
        weight=n(weight, row),
        score=n(score, row),
        deviation=t(deviation, row),
        sub_item=sub_item,
        location=at(row),
    )


def section(heading: str, text: str = "", level: int = 1, row: int | None = None) -> Section:
    return Section(Text(heading, at(row)), text, level, at(row))


def figure(
    label: str,
    value: str,
    key: FigureKey,
    *,
    year: int | None = None,
    sentence: str = "",
    row: int | None = None,
) -> Figure:
    unit = "人" if key in (FigureKey.STAFF_ACTUAL, FigureKey.STAFF_AUTHORIZED) else "万元"
    return Figure(
        label,
        Num(Decimal(value), value, unit, at(row)),
        key,
        year,
        sentence or label + value,
        at(row),
    )


def report(
    *sections: Section, figures: tuple[Figure, ...] = (), title: str | None = None
) -> Report:
    return Report(t(title, 1), tuple(sections), figures)


def form(**fields: object) -> Evaluation:
    values: dict[str, object] = {
        "kind": Kind.DEPARTMENT,
        "source": SOURCE,
        "year": Num(Decimal(2021), "2021"),
    }
    values.update(fields)
    for key in ("funds", "indicators", "goals"):
        if key in values:
            values[key] = tuple(values[key])  # type: ignore[arg-type]
    return Evaluation(**values)  # type: ignore[arg-type]


def goal(planned: str | None, achieved: str | None, row: int | None = None) -> Goal:
    return Goal(t(planned, row), t(achieved, row))


def fires(code: str, evaluation: Evaluation, profile: str | None = None) -> list[Finding]:
    """The findings of one check; asserts there is at least one."""
    found = run_one(code, evaluation, profile)
    assert found, f"{code} did not fire"
    return found


def silent(code: str, evaluation: Evaluation, profile: str | None = None) -> None:
    found = run_one(code, evaluation, profile)
    assert not found, f"{code} fired: {[f.message for f in found]}"


def run_one(code: str, evaluation: Evaluation, profile: str | None = None) -> list[Finding]:
    check = next(c for c in CHECKS if c.code == code)
    return list(check(evaluation, Context(evaluation, load_profile(profile))))


__all__ = ["FigureKey", "FundGroup", "FundLine", "Kind"]
