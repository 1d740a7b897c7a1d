"""What the self-evaluation takes from the approved targets: the approved table of a unit's
form (for the cross-stage checks, JX-L…) and a new form's indicators pre-filled from it; and
what the target grid's indicator picker offers (the unit's, the bureau's, the region's and the
bundled indicators)."""

from __future__ import annotations

import copy
import logging
from decimal import Decimal, InvalidOperation
from typing import Any

from jixiao.lifecycle.library import (
    Suggestion,
    UsedIndicator,
    indicator_library,
    most_used,
    suggestions,
)
from jixiao.lifecycle.model import TargetTable
from jixiao.lifecycle.serialize import stage_from_dict
from jixiao.measure import parse_measure
from jixiao.serialize import loads
from jixiao_web.targets.models import LibraryEntry, Status, TargetDeclaration

log = logging.getLogger(__name__)

APPROVED_SOURCE = "批复的目标表"
OPERATOR_SIGNS = "≥≤=<>＞＜＝"


def approved_declaration(unit_id: int, year: int, kind: str, project: str = "") -> TargetDeclaration | None:
    """The unit's approved target table for the year and kind (and project), if any. A table
    under revision still counts with its last approved version."""
    return (
        TargetDeclaration.objects.select_related("round")
        .filter(
            unit_id=unit_id,
            round__year=year,
            round__kind=kind,
            project=project,
            status__in=(Status.APPROVED, Status.REVISING),
        )
        .exclude(approved_data="")
        .first()
    )


def previous_approved(d: TargetDeclaration) -> TargetDeclaration | None:
    """The same unit's approved targets of the year before (same kind and project)."""
    return approved_declaration(d.unit_id, d.round.year - 1, d.round.kind, d.project)


def earlier_indicator_names(d: TargetDeclaration, limit: int = 200) -> list[str]:
    """三级指标 names of the unit's approved tables of earlier years, newest first (offered
    beside the bundled library)."""
    names: list[str] = []
    earlier = TargetDeclaration.objects.filter(
        unit_id=d.unit_id, round__year__lt=d.round.year
    ).exclude(approved_data="").order_by("-round__year")[:20]
    for old in earlier:
        for row in (old.approved_content or {}).get("indicators") or []:
            if row.get("name") and row["name"] not in names:
                names.append(row["name"])
    return names[:limit]


def region_most_used(region_id: int, limit: int = 100, tables: int = 2000) -> tuple[UsedIndicator, ...]:
    """The region's most used indicators, counted from its approved target tables (the
    newest ``tables`` of them) by :func:`jixiao.lifecycle.library.most_used`."""
    approved = (
        TargetDeclaration.objects.filter(round__region_id=region_id)
        .exclude(approved_data="")
        .order_by("-round__year", "-id")
        .values_list("approved_data", flat=True)[:tables]
    )
    return most_used(((loads(a) or {}).get("indicators") or [] for a in approved), limit=limit)


def library_suggestions(d: TargetDeclaration) -> tuple[Suggestion, ...]:
    """What the target grid's picker offers a table, each name labelled by its source: the
    unit's own earlier indicators, the bureau's curated library, the region's most used, the
    bundled library."""
    region_id = d.round.region_id
    return suggestions(
        own=earlier_indicator_names(d),
        curated=[e.as_indicator() for e in LibraryEntry.objects.filter(region_id=region_id, retired=False)],
        region=region_most_used(region_id),
        bundled=indicator_library(),
    )


def approved_table(data: dict[str, Any]) -> TargetTable:
    """The approved table, each indicator located as ``批复的目标表:第3项`` (so that a
    cross-stage finding names the approved row, not a row of the form on screen)."""
    d = copy.deepcopy(data)
    d["source"] = APPROVED_SOURCE
    for n, row in enumerate(d.get("indicators") or [], start=1):
        row["location"] = f"{APPROVED_SOURCE}:第{n}项"
    table = stage_from_dict(d)
    assert isinstance(table, TargetTable)
    return table


def approved_table_of(submission: Any) -> TargetTable | None:
    """The approved targets a self-evaluation is checked against (None: none declared here)."""
    d = approved_declaration(
        submission.unit_id, submission.round.year, submission.round.kind, submission.project
    )
    try:
        content = d.approved_content if d else None
        return approved_table(content) if content else None
    except (ValueError, KeyError, TypeError, InvalidOperation):  # never take the form down
        log.exception("approved targets %s unreadable", d.pk if d else None)
        return None


def earlier_stages(submission: Any) -> dict[str, Any]:
    """``targets=`` the approved table and ``monitoring=`` the submitted monitoring table of
    the same unit, year and project (or 部门整体), for ``analyse(..., **earlier)``."""
    from jixiao_web.monitoring.services import monitoring_table_of

    return {"targets": approved_table_of(submission), "monitoring": monitoring_table_of(submission)}


def target_text(row: dict[str, Any]) -> str:
    """The 指标值 as the self-evaluation prints it: 指标性质, value and 度量单位 in one cell
    (``≥`` + ``150`` + ``次`` → ``≥150次``), unless the value already says them."""
    text = str(row.get("target") or "").strip()
    nature, unit = row.get("nature") or "", str(row.get("measure_unit") or "").strip()
    if not text:
        return ""
    parsed = parse_measure(text, None)
    if nature and nature != "定性" and text[0] not in OPERATOR_SIGNS:
        text = f"{nature}{text}"
    if unit and not parsed.unit and parsed.number is not None:
        text = f"{text}{unit}"
    return text


def prefill(content: dict[str, Any], approved: dict[str, Any]) -> dict[str, Any]:
    """A blank self-evaluation whose indicators are the approved ones (一级, 二级, name,
    指标性质, 指标值 with its unit, 权重 as 分值); 完成值 and 得分 are left for the unit."""
    out = copy.deepcopy(content)
    rows = []
    for row in approved.get("indicators") or []:
        if row.get("long_term"):
            continue  # 实施期 targets are not the year's
        weight = row.get("weight")
        rows.append(
            {
                "level1": row.get("level1"),
                "level2": row.get("level2"),
                "name": row.get("name") or "",
                "target": target_text(row) or None,
                "operator": row.get("nature"),
                "actual": None,
                "weight": Decimal(str(weight)) if weight is not None else None,
                "score": None,
            }
        )
    if rows:
        out["indicators"] = rows
    return out


def prefilled_content(user: Any, round: Any, project: str = "") -> dict[str, Any] | None:
    """A new form of ``round`` for the user's unit pre-filled from its approved targets (None
    when the unit has no approved targets for that year, kind and project)."""
    from jixiao_web.evaluations import layout

    m = getattr(user, "membership", None)
    if m is None or m.unit is None:
        return None
    project = project.strip()[:200] if round.kind == "project" else ""
    d = approved_declaration(m.unit_id, round.year, round.kind, project)
    if d is None or d.approved_content is None:
        return None
    return prefill(layout.blank(round.kind, round.year, m.unit.name), d.approved_content)
