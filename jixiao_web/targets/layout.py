"""The target table (绩效目标表) on screen: its fields, input names, how a POST becomes the
``jixiao/1`` dict of :mod:`jixiao.lifecycle.serialize`, and its rows for the template.

The indicator grid uses the self-evaluation's conventions (``ind-<i>-<column>``,
``ind-<i>-origin``, ``ind-<i>-delete``, ``ind-count``), so that the same spreadsheet script
(``grid.js``) and live analysis (``app.js``) serve both forms.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from django.http import QueryDict

from jixiao import bounds
from jixiao.lifecycle.library import Suggestion, indicator_library
from jixiao.serialize import FORMAT
from jixiao_web.evaluations import layout as evaluation_layout
from jixiao_web.evaluations.layout import FORM_SOURCE, Parsed, parse_number, rows_from_post
from jixiao_web.evaluations.screen import Cell, Row
from jixiao_web.stages import cell_maker

KINDS = {"project": "project_target", "department": "department_target"}

HEADER = {"project": "项目名称", "amount": "年度预算金额（万元）", "goal": "年度绩效目标"}
DEPARTMENT_HEADER = {"duties": "部门职能概述", "amount": "年度预算金额（万元）", "goal": "年度绩效目标"}
COLUMNS = {
    "level1": "一级指标",
    "level2": "二级指标",
    "name": "三级指标",
    "nature": "指标性质",
    "target": "指标值",
    "measure_unit": "度量单位",
    "weight": "权重",
    "explanation": "指标解释",
}
LONG = {"name", "target", "explanation", "goal", "duties"}


def header_fields(kind: str) -> dict[str, str]:
    return DEPARTMENT_HEADER if kind == "department_target" else HEADER


def blank(round_kind: str, year: int, unit: str, project: str = "") -> dict[str, Any]:
    """An empty target table of a round's kind, with one indicator row per 一级指标."""
    rows = [("产出指标", "数量指标"), ("效益指标", "社会效益指标"), ("满意度指标", "服务对象满意度指标")]
    return {
        "format": FORMAT,
        "kind": KINDS[round_kind],
        "source": FORM_SOURCE,
        "year": year,
        "unit": unit,
        "project": project or None,
        "money_unit": "万元",
        "funds": [],
        "indicators": [
            {"level1": a, "level2": b, "name": "", "target": None, "weight": None} for a, b in rows
        ],
    }


def located(data: dict[str, Any]) -> dict[str, Any]:
    """A copy whose indicators are located at their form row (``表单:指标表第3行``), so that
    a JX-T finding is shown beside its row, like the self-evaluation's."""
    d = copy.deepcopy(data)
    d["source"] = FORM_SOURCE
    for n, row in enumerate(d.get("indicators") or [], start=1):
        row["location"] = f"{FORM_SOURCE}:指标表第{n}行"
    return d


def from_post(base: dict[str, Any], post: QueryDict) -> Parsed:
    """Apply the posted fields onto a copy of the stored table (fields not posted are kept)."""
    d = copy.deepcopy(base)
    errors: dict[str, str] = {}
    typed: dict[str, str] = {}

    def number(name: str, current: Any, bound: bounds.Bound) -> Any:
        if name not in post:
            return current
        text = post.get(name, "")
        try:
            value = parse_number(text)
        except ValueError:
            errors[name] = f"“{text[:20]}”不是数字"
        else:
            if (problem := bound.problem(value)) is None:
                return value
            errors[name] = problem
        typed[name] = text
        return current

    def text(name: str, current: Any) -> Any:
        if name not in post:
            return current
        return bounds.clean_text(post.get(name, "").replace("\r\n", "\n")).strip() or None

    for key in header_fields(d.get("kind") or ""):
        if key == "amount":
            d["amount"] = number("amount", d.get("amount"), bounds.MONEY)
        elif key != "project":  # the project is named when the table is started
            d[key] = text(key, d.get(key))

    def indicator(post: QueryDict, p: str, row: dict[str, Any], num: Any) -> dict[str, Any]:
        for col in COLUMNS:
            if col == "weight":
                row[col] = num(f"{p}-weight", row.get(col), bounds.POINTS)
            else:
                row[col] = text(f"{p}-{col}", row.get(col))
        row["name"] = row.get("name") or ""
        nature = row.get("nature") or ""
        nature = evaluation_layout._NATURE_SPELLINGS.get(nature, nature)
        row["nature"] = nature if nature in evaluation_layout.NATURES else None
        row.pop("target_parsed", None)  # read again from what was typed
        return row

    d["indicators"] = rows_from_post(post, "ind", d.get("indicators") or [], indicator, number)
    return Parsed(d, errors, typed)


def rows(
    data: dict[str, Any],
    by_row: dict[str, list[Any]],
    errors: dict[str, str] | None = None,
    typed: dict[str, str] | None = None,
) -> tuple[list[Cell], list[Row]]:
    """The header cells and indicator rows of the table, with each row's findings."""
    cell = cell_maker(errors, typed)
    header = [
        cell(k, label, data.get(k), long=k in LONG, number=k == "amount", locked=k == "project")
        for k, label in header_fields(data.get("kind") or "").items()
    ]
    out = []
    for i, ind in enumerate(data.get("indicators") or []):
        key = f"ind-{i}"
        cells = [
            cell(f"{key}-{c}", label, ind.get(c), long=c in LONG, number=c == "weight")
            for c, label in COLUMNS.items()
        ]
        for c, dl in zip(cells[:4], ("dl-level1", "dl-level2", "dl-library", "dl-nature"), strict=True):
            c.choices = dl
        out.append(Row(key=key, label=ind.get("name") or "", cells=cells, findings=by_row.get(key, [])))
    return header, out


def choices(suggested: Sequence[Suggestion] = ()) -> dict[str, list[Any]]:
    """The inputs' suggestions: official 一级/二级 names (and those of the suggestions), the
    三级 names with their sources (:func:`jixiao.lifecycle.library.suggestions`), 指标性质."""
    library = [*indicator_library(), *suggested]
    return {
        "level1": list(dict.fromkeys([*evaluation_layout.LEVEL1_CHOICES, *(e.level1 for e in library if e.level1)])),
        "level2": list(dict.fromkeys([*evaluation_layout.LEVEL2_CHOICES, *(e.level2 for e in library if e.level2)])),
        "library": list(suggested),
        "nature": list(evaluation_layout.NATURES),
    }


def flatten(d: dict[str, Any]) -> dict[str, str]:
    """Every visible value keyed by a Chinese label, for the audit log's count of changes."""
    out = {label: str(d.get(k) or "") for k, label in header_fields(d.get("kind") or "").items()}
    for n, ind in enumerate(d.get("indicators") or [], start=1):
        for col, label in COLUMNS.items():
            out[f"指标第{n}行·{label}"] = "" if ind.get(col) is None else str(ind.get(col))
    return out


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """The labels of the fields that differ."""
    a, b = flatten(old), flatten(new)
    return [k for k in dict.fromkeys([*a, *b]) if a.get(k, "") != b.get(k, "")]
