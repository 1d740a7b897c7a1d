"""Which target table and monitoring table belong to a self-evaluation: same year, same
project (by name, fuzzily: numbering, codes such as “51000021R…-工资性支出”, spaces), same
unit — the batch's pairing of a folder of targets and monitoring tables with a region's
self-evaluations."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from jixiao.lifecycle.matching import similarity
from jixiao.lifecycle.model import Stage, TableKind
from jixiao.model import Evaluation, Kind, Num, Text

S = TypeVar("S", bound=Stage)

_CODE = re.compile(r"^[0-9A-Za-z]{6,}\s*[-－—_]\s*")  # 一体化 project codes before the name


def _name(t: Text | None) -> str:
    return _CODE.sub("", t.text).strip() if t is not None else ""


def _year(n: Num | None) -> int | None:
    return int(n.value) if n is not None else None


def affinity(evaluation: Evaluation, stage: Stage) -> float:
    """How well a stage fits a self-evaluation, 0 (not at all) to 2 (project and unit agree)."""
    return _affinity(
        _year(evaluation.year),
        evaluation.kind == Kind.DEPARTMENT,
        _name(evaluation.unit),
        _name(evaluation.project),
        stage,
    )


def _affinity(year: int | None, department: bool, unit: str, project: str, stage: Stage) -> float:
    sy = _year(stage.year)
    if year is not None and sy is not None and year != sy:
        return 0.0
    if department != (stage.kind == TableKind.DEPARTMENT_TARGET):
        return 0.0
    unit_fit = similarity(unit, _name(stage.unit)) if unit and stage.unit else 0.5
    if department:
        return 2 * unit_fit if unit_fit >= 0.8 else 0.0
    project_fit = similarity(project, _name(stage.project))
    if project_fit < 0.75:
        return 0.0
    return project_fit + unit_fit


def _best(scores: Sequence[tuple[float, S]]) -> S | None:
    best, best_score = None, 0.0
    for score, stage in scores:
        if score > best_score:
            best, best_score = stage, score
    return best


def find_stage(evaluation: Evaluation, stages: Sequence[S]) -> S | None:
    """The stage that fits best (ties: the first), or None when none fits."""
    return _best([(affinity(evaluation, s), s) for s in stages])


def find_stage_for(
    year: int | None, kind: str | None, unit: str | None, project: str | None, stages: Sequence[S]
) -> S | None:
    """:func:`find_stage` from what a batch record keeps of a self-evaluation (year, kind,
    unit, project), for the batch's pairing summary."""
    department = kind == Kind.DEPARTMENT.value
    unit_name = _name(Text(unit)) if unit else ""
    project_name = _name(Text(project)) if project else ""
    return _best([(_affinity(year, department, unit_name, project_name, s), s) for s in stages])
