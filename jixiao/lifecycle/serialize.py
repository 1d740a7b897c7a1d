"""Target and monitoring tables in the ``jixiao/1`` JSON contract (docs/json-format.md).

The document says what it is in ``kind``: ``project_target``, ``department_target`` or
``monitoring`` (a self-evaluation says ``project`` or ``department``, as before, so existing
consumers keep working: they skip kinds they do not know). Numbers are written as printed and
read back as ``Decimal``; every value read from a document carries its ``location``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.lifecycle.model import (
    Cause,
    Direction,
    FundRowLite,
    Likelihood,
    MonitorIndicator,
    MonitoringTable,
    Stage,
    TableKind,
    TargetIndicator,
    TargetTable,
)
from jixiao.measure import parse_measure
from jixiao.model import FundLine, Location, Measure, Num, Operator, Text
from jixiao.serialize import FORMAT, dump_value

STAGE_KINDS = {k.value for k in TableKind}


def _n(n: Num | None) -> Decimal | None:
    return n.value if n is not None else None


def _t(t: Text | None) -> str | None:
    return t.text if t is not None else None


def _loc(loc: Location | None) -> str | None:
    return str(loc) if loc is not None else None


def _m(m: Measure | None) -> str | None:
    return m.text if m is not None else None


def _fund(f: FundRowLite) -> dict[str, Any]:
    return {
        "label": f.label.text,
        "line": f.line.value if f.line else None,
        "budget": _n(f.budget),
        "executed": _n(f.executed),
        "rate": _n(f.rate),
        "forecast": _n(f.forecast),
        "location": _loc(f.location),
    }


def _target_indicator(i: TargetIndicator) -> dict[str, Any]:
    return {
        "level1": _t(i.level1),
        "level2": _t(i.level2),
        "name": i.name.text,
        "nature": i.nature.value if i.nature else None,
        "target": _m(i.target),
        "target_parsed": {
            "operator": i.operator.value if i.operator else None,
            "number": i.target.number if i.target else None,
            "unit": i.unit,
        },
        "measure_unit": _t(i.measure_unit),
        "weight": _n(i.weight),
        "direction": i.direction.value if i.direction else None,
        "standard": _t(i.standard),
        "explanation": _t(i.explanation),
        "previous": _t(i.previous),
        "core": i.core,
        "long_term": i.long_term,
        "location": _loc(i.location),
    }


def _monitor_indicator(i: MonitorIndicator) -> dict[str, Any]:
    return {
        "level1": _t(i.level1),
        "level2": _t(i.level2),
        "name": i.name.text,
        "target": _m(i.target),
        "progress": _m(i.progress),
        "forecast": _m(i.forecast),
        "likelihood": i.likelihood.value if i.likelihood else None,
        "cause": _t(i.cause),
        "cause_category": i.cause_category.value if i.cause_category else None,
        "remedy": _t(i.remedy),
        "rectify": i.rectify,
        "rectify_requirement": _t(i.rectify_requirement),
        "rectify_result": _t(i.rectify_result),
        "location": _loc(i.location),
    }


def stage_dict(stage: Stage) -> dict[str, Any]:
    """A target or monitoring table as the ``jixiao/1`` dict."""
    head: dict[str, Any] = {
        "format": FORMAT,
        "kind": stage.kind.value,
        "source": stage.source,
        "layout": stage.layout,
        "year": int(stage.year.value) if stage.year is not None else None,
        "unit": _t(stage.unit),
        "supervisor": _t(stage.supervisor),
        "project": _t(stage.project),
        "money_unit": stage.money_unit,
        "funds": [_fund(f) for f in stage.funds],
    }
    if isinstance(stage, MonitoringTable):
        return head | {
            "cutoff_month": stage.cutoff_month,
            "indicators": [_monitor_indicator(i) for i in stage.indicators],
            "cause": _t(stage.cause),
            "remedy": _t(stage.remedy),
            "notes": list(stage.notes),
        }
    return head | {
        "amount": _n(stage.amount),
        "goal": _t(stage.goal),
        "long_term_goal": _t(stage.long_term_goal),
        "duties": _t(stage.duties),
        "indicators": [_target_indicator(i) for i in stage.indicators],
        "revision": _t(stage.revision),
        "review": _t(stage.review),
        "notes": list(stage.notes),
    }


def dumps_stage(stage: Stage, indent: int | None = 2) -> str:
    return dump_value(stage_dict(stage), indent)


# -- back from a dict ----------------------------------------------------------------------------


def _text(value: Any, loc: Location | None = None) -> Text | None:
    return Text(str(value), loc) if value not in (None, "") else None


def _num(value: Any) -> Num | None:
    if value is None:
        return None
    d = Decimal(str(value))
    return Num(d, str(value))


def _measure(value: Any, loc: Location | None) -> Measure | None:
    return parse_measure(str(value), loc) if value not in (None, "") else None


def stage_from_dict(d: dict[str, Any]) -> Stage:
    """Inverse of :func:`stage_dict` (KeyError / ValueError on a malformed dict)."""
    kind = TableKind(d["kind"])
    funds = tuple(
        FundRowLite(
            label=Text(f["label"], Location.parse(f.get("location"))),
            line=FundLine(f["line"]) if f.get("line") else None,
            budget=_num(f.get("budget")),
            executed=_num(f.get("executed")),
            rate=_num(f.get("rate")),
            forecast=_num(f.get("forecast")),
            location=Location.parse(f.get("location")),
        )
        for f in d.get("funds", ())
    )
    year = d.get("year")
    common: dict[str, Any] = {
        "source": d.get("source", ""),
        "layout": d.get("layout"),
        "year": Num(Decimal(year), str(year)) if year is not None else None,
        "unit": _text(d.get("unit")),
        "supervisor": _text(d.get("supervisor")),
        "project": _text(d.get("project")),
        "money_unit": d.get("money_unit", "万元"),
        "funds": funds,
        "notes": tuple(d.get("notes", ())),
    }
    if kind == TableKind.MONITORING:
        inds = []
        for i in d.get("indicators", ()):
            loc = Location.parse(i.get("location"))
            inds.append(
                MonitorIndicator(
                    name=Text(i["name"], loc),
                    level1=_text(i.get("level1")),
                    level2=_text(i.get("level2")),
                    target=_measure(i.get("target"), loc),
                    progress=_measure(i.get("progress"), loc),
                    forecast=_measure(i.get("forecast"), loc),
                    likelihood=Likelihood(i["likelihood"]) if i.get("likelihood") else None,
                    cause=_text(i.get("cause")),
                    cause_category=Cause(i["cause_category"]) if i.get("cause_category") else None,
                    remedy=_text(i.get("remedy")),
                    rectify=i.get("rectify"),
                    rectify_requirement=_text(i.get("rectify_requirement")),
                    rectify_result=_text(i.get("rectify_result")),
                    location=loc,
                )
            )
        return MonitoringTable(
            cutoff_month=d.get("cutoff_month"),
            indicators=tuple(inds),
            cause=_text(d.get("cause")),
            remedy=_text(d.get("remedy")),
            **common,
        )
    targets = []
    for i in d.get("indicators", ()):
        loc = Location.parse(i.get("location"))
        target = _measure(i.get("target"), loc)
        parsed = i.get("target_parsed") or {}
        if target is not None and parsed.get("unit") and target.unit != parsed["unit"]:
            target = Measure(
                target.text, target.operator, target.number, parsed["unit"], target.period, loc
            )
        targets.append(
            TargetIndicator(
                name=Text(i["name"], loc),
                level1=_text(i.get("level1")),
                level2=_text(i.get("level2")),
                target=target,
                nature=Operator(i["nature"]) if i.get("nature") else None,
                measure_unit=_text(i.get("measure_unit")),
                weight=_num(i.get("weight")),
                direction=Direction(i["direction"]) if i.get("direction") else None,
                standard=_text(i.get("standard")),
                explanation=_text(i.get("explanation")),
                previous=_text(i.get("previous")),
                core=bool(i.get("core")),
                long_term=bool(i.get("long_term")),
                location=loc,
            )
        )
    return TargetTable(
        kind=kind,
        amount=_num(d.get("amount")),
        goal=_text(d.get("goal")),
        long_term_goal=_text(d.get("long_term_goal")),
        duties=_text(d.get("duties")),
        indicators=tuple(targets),
        revision=_text(d.get("revision")),
        review=_text(d.get("review")),
        **common,
    )
