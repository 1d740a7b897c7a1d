"""The JSON contract ``jixiao/1`` (docs/json-format.md): Evaluation ⇄ plain dict ⇄ JSON text.

Numbers are written exactly as printed: 198.8 stays 198.8, a printed 100.00% is the JSON
number 100.00. Read back with :func:`loads`, numbers become ``Decimal`` again, so that
``from_dict(to_dict(e))`` keeps every value (and its location) intact.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import simplejson

from jixiao import bounds
from jixiao.model import (
    Evaluation,
    Figure,
    FigureKey,
    FundGroup,
    FundLine,
    FundRow,
    Goal,
    Indicator,
    Kind,
    Location,
    Measure,
    Num,
    Operator,
    Report,
    Section,
    Signature,
    Text,
)

FORMAT = "jixiao/1"


# -- to dict -----------------------------------------------------------------------------


def _num(n: Num | None) -> Decimal | None:
    return n.value if n is not None else None


def _int_or_num(n: Num | None) -> Decimal | int | None:
    if n is None:
        return None
    return int(n.value) if n.value == n.value.to_integral_value() else n.value


def _text(t: Text | None) -> str | None:
    return t.text if t is not None else None


def _where(loc: Location | None) -> dict[str, Any]:
    """``location`` as ``文件:行号`` (the shape old consumers split) and, in a long line, the
    character ``column`` in a key of its own."""
    if loc is None:
        return {"location": None}
    if loc.column is None:
        return {"location": str(loc)}
    return {"location": str(loc.without_column()), "column": loc.column}


def to_dict(e: Evaluation) -> dict[str, Any]:
    """The evaluation as the ``jixiao/1`` dict (Decimal numbers, str texts, None blanks)."""
    return {
        "format": FORMAT,
        "kind": e.kind.value,
        "year": _int_or_num(e.year),
        "unit": _text(e.unit),
        "supervisor": _text(e.supervisor),
        "project": _text(e.project),
        "staff": {
            "authorized": _int_or_num(e.staff_authorized),
            "actual": _int_or_num(e.staff_actual),
        },
        "duties": _text(e.duties),
        "money_unit": e.money_unit,
        "funds": [
            {
                "label": f.label.text,
                "group": f.group.value if f.group else None,
                "line": f.line.value if f.line else None,
                "depth": f.depth,
                "initial_budget": _num(f.initial_budget),
                "budget": _num(f.budget),
                "actual": _num(f.actual),
                "rate": _num(f.rate),
                "weight": _num(f.weight),
                "score": _num(f.score),
                "reason": _text(f.reason),
                **_where(f.location),
            }
            for f in e.funds
        ],
        "goals": [{"planned": _text(g.planned), "achieved": _text(g.achieved)} for g in e.goals],
        "indicators": [
            {
                "level1": _text(i.level1),
                "level2": _text(i.level2),
                "name": i.name.text,
                "operator": i.operator.value if i.operator else None,
                "target": i.target.text if i.target else None,
                "unit": i.unit,
                "actual": i.actual.text if i.actual else None,
                "weight": _num(i.weight),
                "score": _num(i.score),
                "deviation": _text(i.deviation),
                "sub_item": i.sub_item,
                "goal_index": i.goal_index,
                **_where(i.location),
            }
            for i in e.indicators
        ],
        "total": {"weight": _num(e.total_weight), "score": _num(e.total_score)},
        "conclusion": _text(e.conclusion),
        "problems": _text(e.problems),
        "measures": _text(e.measures),
        "signatures": [{"role": s.role, "name": _text(s.name)} for s in e.signatures],
        "fill_date": _text(e.fill_date),
        "report": (
            [
                {"heading": s.heading.text, "text": s.text, "level": s.level, **_where(s.location)}
                for s in e.report.sections
            ]
            if e.report
            else []
        ),
        "report_title": _text(e.report.title) if e.report else None,
        "figures": (
            [
                {
                    "label": f.label,
                    "key": f.key.value,
                    "value": f.value.value,
                    "unit": f.value.unit,
                    "year": f.year,
                    "sentence": f.sentence,
                    **_where(f.location),
                }
                for f in e.report.figures
            ]
            if e.report
            else []
        ),
        "extra": [{"label": k, "text": v.text} for k, v in e.extra],
        "source": e.source,
        "layout": e.layout,
        "missing": list(e.missing),
        "notes": list(e.notes),
    }


def dumps(e: Evaluation, indent: int | None = 2) -> str:
    """The evaluation as ``jixiao/1`` JSON text."""
    return dump_value(to_dict(e), indent=indent)


# Built once (``simplejson.dumps``/``loads`` with these options build a new one per call, as
# the library's cached default has other options); like that default, shared by threads.
_ONE_LINE = simplejson.JSONEncoder(ensure_ascii=False, use_decimal=True)
_DECODER = simplejson.JSONDecoder(parse_float=Decimal)


def dump_value(value: Any, indent: int | None = 2) -> str:
    """Any JSON-able value with Decimals written exactly as printed (used by score/check too)."""
    if indent is None:  # a journal line, a record of findings.json
        return _ONE_LINE.encode(value)
    return simplejson.dumps(value, ensure_ascii=False, indent=indent, use_decimal=True)


def loads(text: str) -> Any:
    """Parse JSON text; numbers become Decimal (exact), never float."""
    return _DECODER.decode(text)


# -- from dict ---------------------------------------------------------------------------


def _d(value: Any) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(str(value))


def _n(value: Any, unit: str | None = None, loc: Location | None = None, pct: bool = False) -> Num | None:
    d = _d(value)
    if d is None:
        return None
    return Num(d, f"{d}%" if pct else str(d), "%" if pct else unit, loc)


def _t(value: Any, loc: Location | None = None) -> Text | None:
    return Text(str(value), loc) if value is not None else None


def _measure(text: Any, loc: Location | None) -> Measure | None:
    from jixiao.measure import parse_measure

    return parse_measure(text, loc) if text is not None else None


def from_dict(d: dict[str, Any]) -> Evaluation:
    """Rebuild an Evaluation from a ``jixiao/1`` dict (as produced by :func:`to_dict`).

    Raises ValueError when it is not ``jixiao/1`` data, :class:`jixiao.bounds.OutOfBounds`
    (a ValueError) when a number or text is out of bounds."""
    if d.get("format") != FORMAT:
        raise ValueError(f"不是 {FORMAT} 格式的数据（format = {d.get('format')!r}）")
    bounds.require(d)  # before anything computes with a number (raises bounds.OutOfBounds)
    source = d.get("source") or ""
    money_unit = d.get("money_unit") or "万元"
    funds = []
    for f in d.get("funds") or []:
        loc = Location.parse(f.get("location"), f.get("column"))
        funds.append(
            FundRow(
                label=Text(f.get("label") or "", loc),
                line=FundLine(f["line"]) if f.get("line") else None,
                group=FundGroup(f["group"]) if f.get("group") else None,
                depth=int(f.get("depth") or 0),
                initial_budget=_n(f.get("initial_budget"), money_unit, loc),
                budget=_n(f.get("budget"), money_unit, loc),
                actual=_n(f.get("actual"), money_unit, loc),
                rate=_n(f.get("rate"), loc=loc, pct=True),
                weight=_n(f.get("weight"), loc=loc),
                score=_n(f.get("score"), loc=loc),
                reason=_t(f.get("reason"), loc),
                location=loc,
            )
        )
    indicators = []
    for i in d.get("indicators") or []:
        loc = Location.parse(i.get("location"), i.get("column"))
        target = _measure(i.get("target"), loc)
        op = i.get("operator")
        nature = Operator(op) if op and (target is None or target.operator != Operator(op)) else None
        unit = i.get("unit")
        measure_unit = Text(unit, loc) if unit and (target is None or target.unit != unit) else None
        indicators.append(
            Indicator(
                name=Text(i.get("name") or "", loc),
                level1=_t(i.get("level1"), loc),
                level2=_t(i.get("level2"), loc),
                target=target,
                actual=_measure(i.get("actual"), loc),
                nature=nature,
                measure_unit=measure_unit,
                weight=_n(i.get("weight"), loc=loc),
                score=_n(i.get("score"), loc=loc),
                deviation=_t(i.get("deviation"), loc),
                sub_item=bool(i.get("sub_item")),
                goal_index=i.get("goal_index"),
                location=loc,
            )
        )
    sections = tuple(
        Section(
            heading=Text(s.get("heading") or "", Location.parse(s.get("location"), s.get("column"))),
            text=s.get("text") or "",
            level=int(s.get("level") or 1),
            location=Location.parse(s.get("location"), s.get("column")),
        )
        for s in d.get("report") or []
    )
    figures = tuple(
        Figure(
            label=f.get("label") or "",
            value=_n(f.get("value"), f.get("unit")) or Num(Decimal(0)),
            key=FigureKey(f.get("key") or "item"),
            year=f.get("year"),
            sentence=f.get("sentence") or "",
            location=Location.parse(f.get("location"), f.get("column")),
        )
        for f in d.get("figures") or []
    )
    report = None
    if sections or figures or d.get("report_title"):
        report = Report(title=_t(d.get("report_title")), sections=sections, figures=figures)
    staff = d.get("staff") or {}
    total = d.get("total") or {}
    return Evaluation(
        kind=Kind(d.get("kind") or "department"),
        source=source,
        layout=d.get("layout"),
        year=_n(d.get("year")),
        unit=_t(d.get("unit")),
        supervisor=_t(d.get("supervisor")),
        project=_t(d.get("project")),
        duties=_t(d.get("duties")),
        staff_authorized=_n(staff.get("authorized"), "人"),
        staff_actual=_n(staff.get("actual"), "人"),
        money_unit=money_unit,
        funds=tuple(funds),
        goals=tuple(Goal(_t(g.get("planned")), _t(g.get("achieved"))) for g in d.get("goals") or []),
        indicators=tuple(indicators),
        total_weight=_n(total.get("weight")),
        total_score=_n(total.get("score")),
        conclusion=_t(d.get("conclusion")),
        problems=_t(d.get("problems")),
        measures=_t(d.get("measures")),
        signatures=tuple(Signature(s.get("role") or "", _t(s.get("name"))) for s in d.get("signatures") or []),
        fill_date=_t(d.get("fill_date")),
        extra=tuple((x.get("label") or "", Text(x.get("text") or "")) for x in d.get("extra") or []),
        report=report,
        missing=tuple(d.get("missing") or ()),
        notes=tuple(d.get("notes") or ()),
    )
