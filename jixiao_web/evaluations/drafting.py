"""The report drafted from the table, by the writers' colleague's ``jixiao.writers`` (when present)."""

from __future__ import annotations

import importlib
from dataclasses import replace
from typing import Any

from jixiao.serialize import to_dict
from jixiao_web.evaluations.analysis import evaluation_of

_CANDIDATES = (("jixiao.writers.draft", "draft_report"),)


def drafter() -> Any:
    for module, name in _CANDIDATES:
        try:
            fn = getattr(importlib.import_module(module), name, None)
        except ImportError:
            continue
        if callable(fn):
            return fn
    return None


def draft_sections(content: dict[str, Any]) -> tuple[str | None, list[dict[str, Any]]] | None:
    """Report title and sections drafted from the form data, as ``jixiao/1`` dicts (None: no drafter)."""
    fn = drafter()
    if fn is None:
        return None
    evaluation = evaluation_of(content)
    result = fn(evaluation)
    report = getattr(result, "report", result)  # an Evaluation or a Report
    if report is None:
        return None, []
    d = to_dict(replace(evaluation, report=report))
    return d.get("report_title"), d["report"]
