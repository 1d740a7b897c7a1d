"""The form as rows and cells for the templates (values, input names, findings, comments)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jixiao.model import Finding
from jixiao_web.evaluations import layout
from jixiao_web.evaluations.analysis import Analysis


@dataclass
class Cell:
    name: str  # the input name
    label: str
    value: str
    number: bool = False
    long: bool = False
    error: str = ""
    choices: str = ""  # the id of the <datalist> the input suggests from
    optional: bool = False  # a column the official table lacks (a pasted block skips it)
    locked: bool = False  # shown, not typed (the year is the round's)


@dataclass
class Row:
    key: str  # "funds-0", "ind-3": the id prefix on screen and of comments
    label: str = ""
    group: str = ""
    group_span: int = 0  # rowspan of the group cell on the first row of a group, else 0
    depth: int = 0
    cells: list[Cell] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    comments: list[Any] = field(default_factory=list)
    line: Any = None  # the score sheet's line for this row (computed score, ratio, rule)
    evidence: list[Any] = field(default_factory=list)  # 佐证材料 attached to this row
    evidence_asked: bool = False  # the reviewer asked for evidence here (open opinion)
    evidence_needed: bool = False  # full marks, and the round's profile wants evidence for them
    monitoring: str = ""  # what the mid-year monitoring said of this indicator
    locked: bool = False  # an approved target's row: its names, value and weight stay


def _s(value: Any) -> str:
    return "" if value is None else str(value)


@dataclass
class Screen:
    kind: str
    header: list[Cell]
    funds: list[Row]
    fund_columns: dict[str, str]
    goals: list[Row]
    indicators: list[Row]
    total: list[Cell]
    report_title: Cell
    report: list[Row]
    general_comments: list[Any]
    choices: dict[str, list[str]] = field(default_factory=dict)  # the inputs' <datalist>s


def build(
    content: dict[str, Any],
    analysis: Analysis | None,
    comments: list[Any] | None = None,
    errors: dict[str, str] | None = None,
    typed: dict[str, str] | None = None,
) -> Screen:
    """``errors``: input name → message; ``typed``: the text typed in those inputs, shown
    instead of the stored value so that a rejected form is re-shown exactly as typed."""
    errors = errors or {}
    typed = typed or {}

    def _cell(name: str, label: str, value: Any, **kw: Any) -> Cell:
        shown = typed[name] if name in typed else _s(value)
        return Cell(name, label, shown, error=errors.get(name, ""), **kw)

    kind = content.get("kind") or "department"
    by_target: dict[str, list[Any]] = {}
    for c in comments or []:
        by_target.setdefault(c.target, []).append(c)
    by_row = analysis.by_row if analysis else {}

    header = [_cell("year", "年度", content.get("year"), number=True, locked=True)]
    for key, label in layout.header_text_fields(kind).items():
        header.append(
            _cell(
                key,
                label,
                content.get(key),
                long=key in ("duties", "conclusion", "problems", "measures"),
            )
        )
    if kind != "project":
        staff = content.get("staff") or {}
        header.append(_cell("staff_authorized", "人员编制", staff.get("authorized"), number=True))
        header.append(_cell("staff_actual", "实有人数", staff.get("actual"), number=True))

    columns = layout.fund_columns(kind)
    groups = {"source": "资金来源", "structure": "资金结构"}
    funds: list[Row] = []
    rows = content.get("funds") or []
    for i, f in enumerate(rows):
        key = f"funds-{i}"
        group = groups.get(f.get("group") or "", "")
        first = i == 0 or (rows[i - 1].get("group") != f.get("group"))
        span = sum(1 for r in rows if r.get("group") == f.get("group")) if first else 0
        funds.append(
            Row(
                key=key,
                label=f.get("label") or "",
                group=group,
                group_span=span,
                depth=int(f.get("depth") or 0),
                cells=[
                    _cell(f"{key}-{col}", label, f.get(col), number=True)
                    for col, label in columns.items()
                ],
                findings=by_row.get(key, []),
                comments=by_target.get(key, []),
                line=analysis.line_for(key) if analysis else None,
            )
        )

    goals = [
        Row(
            key=f"goals-{i}",
            cells=[
                _cell(f"goals-{i}-{c}", label, g.get(c), long=True)
                for c, label in layout.GOAL_COLUMNS.items()
            ],
            comments=by_target.get(f"goals-{i}", []),
        )
        for i, g in enumerate(content.get("goals") or [])
    ]

    indicators = []
    for i, ind in enumerate(content.get("indicators") or []):
        key = f"ind-{i}"
        cells = [
            _cell(
                f"{key}-{c}",
                label,
                ind.get(c),
                long=c in ("actual", "deviation", "name", "target"),
            )
            for c, label in layout.INDICATOR_TEXT.items()
            if c != "deviation"
        ]
        nature = _cell(f"{key}-nature", layout.NATURE_LABEL, layout.printed_nature(ind))
        nature.choices, nature.optional = "dl-nature", True
        cells.insert(3, nature)
        cells[0].choices, cells[1].choices = "dl-level1", "dl-level2"
        cells += [
            _cell(f"{key}-{c}", label, ind.get(c), number=True)
            for c, label in layout.INDICATOR_NUMBERS.items()
        ]
        cells.append(
            _cell(
                f"{key}-deviation",
                layout.INDICATOR_TEXT["deviation"],
                ind.get("deviation"),
                long=True,
            )
        )
        indicators.append(
            Row(
                key=key,
                label=ind.get("name") or "",
                cells=cells,
                findings=by_row.get(key, []),
                comments=by_target.get(key, []),
                line=analysis.line_for(key) if analysis else None,
            )
        )

    total = content.get("total") or {}
    total_cells = [
        _cell("total_weight", "总分·分值", total.get("weight"), number=True),
        _cell("total_score", "总分·得分", total.get("score"), number=True),
    ]
    report = [
        Row(
            key=f"report-{i}",
            label=s.get("heading") or "",
            depth=int(s.get("level") or 1),
            cells=[
                _cell(f"report-{i}-heading", "标题", s.get("heading")),
                _cell(f"report-{i}-text", "正文", s.get("text"), long=True),
            ],
            findings=by_row.get(f"report-{i}", []),
            comments=by_target.get(f"report-{i}", []),
        )
        for i, s in enumerate(content.get("report") or [])
    ]
    return Screen(
        kind=kind,
        header=header,
        funds=funds,
        fund_columns=columns,
        goals=goals,
        indicators=indicators,
        total=total_cells,
        report_title=_cell("report_title", "报告标题", content.get("report_title")),
        report=report,
        general_comments=by_target.get("", [])
        + [c for t, cs in by_target.items() if t in {h.name for h in header} for c in cs],
        choices=choices(content),
    )


def choices(content: dict[str, Any]) -> dict[str, list[str]]:
    """What the 一级/二级/指标性质 inputs suggest: the official names, then the form's own."""
    used = content.get("indicators") or []

    def merged(official: tuple[str, ...], key: str) -> list[str]:
        own = [str(i.get(key)) for i in used if i.get(key)]
        return list(dict.fromkeys([*official, *own]))

    return {
        "level1": merged(layout.LEVEL1_CHOICES, "level1"),
        "level2": merged(layout.LEVEL2_CHOICES, "level2"),
        "nature": list(layout.NATURES),
    }


def comment_targets(content: dict[str, Any]) -> list[tuple[str, str]]:
    """Where a reviewer can attach a comment: the whole form, a header field, a row."""
    out = [("", "整体意见")]
    kind = content.get("kind") or "department"
    out += [(k, v) for k, v in layout.header_text_fields(kind).items()]
    for i, f in enumerate(content.get("funds") or []):
        out.append((f"funds-{i}", f"资金第{i + 1}行 {f.get('label') or ''}"))
    for i, _ in enumerate(content.get("goals") or []):
        out.append((f"goals-{i}", f"总体目标{i + 1}"))
    for i, ind in enumerate(content.get("indicators") or []):
        out.append((f"ind-{i}", f"指标第{i + 1}行 {(ind.get('name') or '')[:30]}"))
    for i, s in enumerate(content.get("report") or []):
        out.append((f"report-{i}", f"报告 {(s.get('heading') or '')[:30]}"))
    return out
