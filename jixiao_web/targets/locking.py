"""A self-evaluation started from the approved targets keeps them: each approved indicator's
一级/二级/三级指标, 指标性质, 指标值 (with its 度量单位) and 权重 are shown but cannot be changed
or deleted, in the browser and on the server, unless a revision of the targets was approved
(the declaration is then 修订中). An imported file is matched against the approved rows
(:func:`jixiao.lifecycle.matching.match_indicators`, as the cross-stage checks match them): the
file gives 完成值, 得分 and 偏差原因; the approved rows keep their locked columns."""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from jixiao_web.targets.models import Status
from jixiao_web.targets.services import approved_declaration, prefill

LOCKED = ("level1", "level2", "name", "target", "operator", "weight")
LOCKED_CELLS = ("level1", "level2", "name", "target", "nature", "weight")  # the inputs on screen
FROM_FILE = ("actual", "score", "deviation")

Key = tuple[str, ...]


def row_key(row: dict[str, Any]) -> Key:
    """The locked columns of a row, compared as printed (``10`` and ``10.0`` are one 权重)."""
    out = [str(row.get(c) or "").strip() for c in LOCKED[:-1]]
    weight = row.get("weight")
    try:
        w = "" if weight is None else format(Decimal(str(weight)).normalize(), "f")
    except InvalidOperation:
        w = str(weight)
    return (*out, w)


def approved_rows(submission: Any) -> list[dict[str, Any]] | None:
    """The approved rows a form started from the targets must keep (None: nothing locked —
    not started from the targets, no approved table, or a revision was approved)."""
    if not getattr(submission, "from_targets", False):
        return None
    d = approved_declaration(
        submission.unit_id, submission.round.year, submission.round.kind, submission.project
    )
    if d is None or d.status == Status.REVISING or not d.approved_content:
        return None
    return prefill({}, d.approved_content).get("indicators") or []


def locked_rows(submission: Any, content: dict[str, Any]) -> set[int]:
    """Which rows of ``content`` are locked (their key is an approved row's)."""
    rows = approved_rows(submission)
    if not rows:
        return set()
    keys = Counter(row_key(r) for r in rows)
    out = set()
    for i, row in enumerate(content.get("indicators") or []):
        k = row_key(row)
        if keys[k] > 0:
            keys[k] -= 1
            out.add(i)
    return out


def refusal(submission: Any, old: dict[str, Any], new: dict[str, Any]) -> str | None:
    """Why ``new`` may not replace ``old`` (None: it may): an approved row the form held is
    changed in a locked column or deleted. Rows that already differed from the approved table
    (e.g. the table was revised after the form was started) are not held to it."""
    rows = approved_rows(submission)
    if not rows:
        return None
    keys = Counter(row_key(r) for r in rows)
    held = Counter(row_key(r) for r in old.get("indicators") or []) & keys
    missing = held - Counter(row_key(r) for r in new.get("indicators") or [])
    if not missing:
        return None
    names = "、".join(f"“{k[2]}”" for k in missing)
    return (
        f"未保存：指标{names}取自批复的目标表，其一级、二级、三级指标、指标性质、指标值、"
        "度量单位和权重不能修改或删除；如需修改，请先申请修订批复的目标。"
    )


@dataclass
class ImportPlan:
    """How an imported file's rows meet the approved targets."""

    matched: list[tuple[str, str, str]] = field(default_factory=list)  # approved, file, how
    missing: list[str] = field(default_factory=list)  # approved rows the file lacks
    added: list[str] = field(default_factory=list)  # file rows never approved
    locked: bool = False  # the form keeps the approved columns (content below is merged)
    content: dict[str, Any] | None = None

    @property
    def any(self) -> bool:
        return bool(self.matched or self.missing or self.added)


def plan_import(submission: Any, content: dict[str, Any]) -> ImportPlan:
    """Match the file's indicators (``content``) against the approved targets. For a locked form
    the returned content keeps the approved rows' locked columns and takes 完成值, 得分 and 偏差
    原因 from the matched file rows; approved rows the file lacks stay with blanks, file rows
    never approved are added after them (the cross-stage checks then report them)."""
    from jixiao.lifecycle.matching import match_indicators
    from jixiao_web.evaluations.analysis import evaluation_of

    d = approved_declaration(
        submission.unit_id, submission.round.year, submission.round.kind, submission.project
    )
    if d is None or not d.approved_content:
        return ImportPlan(content=content)
    approved = prefill({}, d.approved_content).get("indicators") or []
    file_rows = content.get("indicators") or []
    try:
        a = list(evaluation_of({**content, "indicators": approved}).indicators)
        b = list(evaluation_of(content).indicators)
    except (ValueError, KeyError, TypeError, InvalidOperation):
        return ImportPlan(content=content)
    ia, ib = {id(x): i for i, x in enumerate(a)}, {id(x): i for i, x in enumerate(b)}
    plan = ImportPlan(locked=approved_rows(submission) is not None)
    merged: list[dict[str, Any]] = []
    for m in match_indicators(a, b):
        if m.earlier is not None and m.later is not None:
            how = m.shown.rsplit("（", 1)[-1].rstrip("）")
            plan.matched.append((m.earlier.name.text, m.later.name.text, how))
            row = copy.deepcopy(approved[ia[id(m.earlier)]])
            for c in FROM_FILE:
                row[c] = file_rows[ib[id(m.later)]].get(c)
            merged.append(row)
        elif m.earlier is not None:
            plan.missing.append(m.earlier.name.text)
            merged.append(copy.deepcopy(approved[ia[id(m.earlier)]]))
        elif m.later is not None:
            plan.added.append(m.later.name.text)
            merged.append(file_rows[ib[id(m.later)]])
    plan.content = {**content, "indicators": merged} if plan.locked else content
    return plan
