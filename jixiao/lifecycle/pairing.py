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
    ey, sy = _year(evaluation.year), _year(stage.year)
    if ey is not None and sy is not None and ey != sy:
        return 0.0
    department = evaluation.kind == Kind.DEPARTMENT
    if department != (stage.kind == TableKind.DEPARTMENT_TARGET):
        return 0.0
    unit = (
        similarity(_name(evaluation.unit), _name(stage.unit))
        if evaluation.unit and stage.unit
        else 0.5
    )
    if department:
        return 2 * unit if unit >= 0.8 else 0.0
    project = similarity(_name(evaluation.project), _name(stage.project))
    if project < 0.75:
        return 0.0
    return project + unit


def find_stage(evaluation: Evaluation, stages: Sequence[S]) -> S | None:
    """The stage that fits best (ties: the first), or None when none fits."""
    best, best_score = None, 0.0
    for stage in stages:
        score = affinity(evaluation, stage)
        if score > best_score:
            best, best_score = stage, score
    return best
