"""The monitoring table on screen: pre-filled from the approved targets (the indicators and
their 年度指标值 are shown, not typed), the unit enters 1–N月 figures, forecasts, likelihood,
causes and measures. Stored as the ``jixiao/1`` monitoring dict of
:mod:`jixiao.lifecycle.serialize`."""

from __future__ import annotations

import copy
from typing import Any

from django.http import QueryDict

from jixiao import bounds
from jixiao.lifecycle.model import Likelihood
from jixiao.lifecycle.reader import cause_category
from jixiao.serialize import FORMAT
from jixiao_web.evaluations.layout import FORM_SOURCE, Parsed, parse_number
from jixiao_web.evaluations.screen import Row
from jixiao_web.stages import cell_maker
from jixiao_web.targets.services import target_text

FUND_COLUMNS = {"budget": "年初预算数", "executed": "1–N月执行数", "forecast": "全年预计执行数"}
SHOWN = {"level1": "一级指标", "level2": "二级指标", "name": "三级指标", "target": "年度指标值"}
TYPED = {
    "progress": "1–N月执行情况",
    "forecast": "全年预计完成情况",
    "likelihood": "完成目标可能性",
    "cause": "偏差原因",
    "remedy": "纠偏措施",
}
RECTIFY = {"rectify_requirement": "整改要求", "rectify_result": "整改结果"}  # shown once asked
LIKELIHOODS = tuple(x.value for x in Likelihood)


def prefilled(approved: dict[str, Any], cutoff_month: int) -> dict[str, Any]:
    """A monitoring table of the approved targets' project (annual indicators only)."""
    return {
        "format": FORMAT,
        "kind": "monitoring",
        "source": FORM_SOURCE,
        "year": approved.get("year"),
        "unit": approved.get("unit"),
        "project": approved.get("project"),
        "money_unit": approved.get("money_unit") or "万元",
        "cutoff_month": cutoff_month,
        "funds": [
            {"label": "年度资金总额", "line": "total", "budget": approved.get("amount"), "executed": None,
             "rate": None, "forecast": None}
        ],  # fmt: skip
        "indicators": [
            {
                "level1": row.get("level1"),
                "level2": row.get("level2"),
                "name": row.get("name") or "",
                "target": target_text(row) or None,
            }
            for row in approved.get("indicators") or []
            if not row.get("long_term")
        ],
        "notes": [],
    }


def located(data: dict[str, Any]) -> dict[str, Any]:
    d = copy.deepcopy(data)
    d["source"] = FORM_SOURCE
    for n, row in enumerate(d.get("funds") or [], start=1):
        row["location"] = f"{FORM_SOURCE}:资金表第{n}行"
    for n, row in enumerate(d.get("indicators") or [], start=1):
        row["location"] = f"{FORM_SOURCE}:指标表第{n}行"
    return d


def from_post(base: dict[str, Any], post: QueryDict) -> Parsed:
    """The typed fields onto a copy of the stored table (rows are the approved ones: none are
    added or removed here)."""
    d = copy.deepcopy(base)
    errors: dict[str, str] = {}
    typed: dict[str, str] = {}
    for i, row in enumerate(d.get("funds") or []):
        for col in ("executed", "forecast"):
            name = f"funds-{i}-{col}"
            if name not in post:
                continue
            text = post.get(name, "")
            try:
                value = parse_number(text)
            except ValueError:
                errors[name], typed[name] = f"“{text[:20]}”不是数字", text
                continue
            if (problem := bounds.MONEY.problem(value)) is not None:
                errors[name], typed[name] = problem, text
                continue
            row[col] = value
    for i, row in enumerate(d.get("indicators") or []):
        for col in (*TYPED, "rectify_result"):
            name = f"ind-{i}-{col}"
            if name in post:
                row[col] = bounds.clean_text(post.get(name, "").replace("\r\n", "\n")).strip() or None
        if row.get("likelihood") and row["likelihood"] not in LIKELIHOODS:
            errors[f"ind-{i}-likelihood"] = "应为 确定能、有可能 或 不可能"
            typed[f"ind-{i}-likelihood"] = row["likelihood"]
            row["likelihood"] = None
        category = cause_category(row.get("cause"))
        row["cause_category"] = category.value if category else None
    return Parsed(d, errors, typed)


def rows(
    data: dict[str, Any],
    by_row: dict[str, list[Any]],
    errors: dict[str, str] | None = None,
    typed: dict[str, str] | None = None,
) -> tuple[list[Row], list[Row]]:
    """The money rows and indicator rows for the template, with their findings."""
    cell = cell_maker(errors, typed, data.get("cutoff_month") or "N")

    funds = [
        Row(
            key=f"funds-{i}",
            label=f.get("label") or "",
            cells=[
                cell(f"funds-{i}-{c}", label, f.get(c), number=True, locked=c == "budget")
                for c, label in FUND_COLUMNS.items()
            ],
            findings=by_row.get(f"funds-{i}", []),
        )
        for i, f in enumerate(data.get("funds") or [])
    ]
    indicators = []
    asked = any(i.get("rectify") for i in data.get("indicators") or [])
    for i, ind in enumerate(data.get("indicators") or []):
        key = f"ind-{i}"
        cells = [cell(f"{key}-{c}", label, ind.get(c), locked=True) for c, label in SHOWN.items()]
        cells += [
            cell(f"{key}-{c}", label, ind.get(c), long=c in ("cause", "remedy"))
            for c, label in TYPED.items()
        ]
        cells[6].choices = "dl-likelihood"
        if asked:  # the bureau's requirements, and the unit's answers (on the rows asked)
            mine = bool(ind.get("rectify"))
            cells.append(cell(f"{key}-rectify_requirement", RECTIFY["rectify_requirement"],
                              ind.get("rectify_requirement"), locked=True))  # fmt: skip
            cells.append(cell(f"{key}-rectify_result", RECTIFY["rectify_result"], ind.get("rectify_result"),
                              long=mine, locked=not mine))  # fmt: skip
        indicators.append(Row(key=key, label=ind.get("name") or "", cells=cells, findings=by_row.get(key, [])))
    return funds, indicators
