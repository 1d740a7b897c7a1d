"""The checker: a catalogue of documented checks with stable codes, run like a linter.

- :data:`CHECKS` — the registry (a tuple of :class:`Check`), in running order;
- :data:`CATALOGUE` — code, severity, title, basis and description of each, for
  ``jixiao rules`` and docs/checks.md;
- :func:`run_checks` — every check on one evaluation → findings sorted by severity, then
  location.

Each check is a plain function ``(evaluation, context) -> Iterable[Finding]``; findings are
values. A check that fails on unexpected input does not stop the others: the failure
becomes a finding of its own (JX-X000) so it is seen, not hidden.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from jixiao.checks.base import Check, Context
from jixiao.checks.registry import CHECKS
from jixiao.model import Evaluation, Finding, Location, Severity

if TYPE_CHECKING:
    from jixiao.profiles import Profile

__all__ = ["CATALOGUE", "CHECKS", "Check", "Context", "catalogue", "finding_dict", "run_checks"]

SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def catalogue() -> tuple[dict[str, str], ...]:
    """Every check as a plain dict: code, severity, family, title, basis, explanation (Chinese),
    description (English), example — the self-evaluation's, then the lifecycle's (target
    tables, monitoring, across stages: :mod:`jixiao.lifecycle.checks`)."""
    from jixiao.lifecycle.checks import LIFECYCLE_CHECKS

    return tuple(
        {
            "code": c.code,
            "severity": c.severity.value,
            "family": c.family,
            "title": c.title,
            "basis": c.basis,
            "explanation": c.explanation,
            "description": c.description,
            "example": c.example,
        }
        for c in (*CHECKS, *LIFECYCLE_CHECKS)
    )


def __getattr__(name: str) -> Any:
    """``CATALOGUE`` is built on first use: the lifecycle checks it lists import this package."""
    if name == "CATALOGUE":
        value = catalogue()
        globals()["CATALOGUE"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run_checks(evaluation: Evaluation, profile: Profile | str | None = None) -> tuple[Finding, ...]:
    """Run every check of the catalogue; findings sorted by severity, then location."""
    from jixiao.profiles import load_profile

    context = Context(evaluation, load_profile(profile))
    findings: list[Finding] = []
    for c in CHECKS:
        try:
            findings.extend(c(evaluation, context))
        except Exception as exc:  # noqa: BLE001 - one faulty check must not hide the others
            findings.append(
                Finding(
                    code="JX-X000",
                    severity=Severity.INFO,
                    message=f"审核规则 {c.code} 未能完成（{type(exc).__name__}: {exc}），请向维护者报告",
                    location=Location(evaluation.source),
                    basis="内部错误",
                )
            )
    return tuple(sorted(findings, key=sort_key))


def sort_key(f: Finding) -> tuple[Any, ...]:
    return (SEVERITY_ORDER[f.severity], *location_key(f.location), f.code)


_A1 = re.compile(r"^(?P<sheet>.*!)?(?P<col>[A-Z]{1,3})(?P<row>\d+)$")


def location_key(loc: Location | None) -> tuple[Any, ...]:
    """Top to bottom: by source, page, the block's place in the document (a Word file's
    tables and paragraphs in reading order), line and column, then cell — A1 cells by row,
    then column; “表1 第4行第5列” by its numbers; without the block order (a location read
    back from JSON) a Word document's tables before its paragraphs (“段落14”), as a form's
    report follows its table."""
    if loc is None:
        return (1, "", 0, 0, 0, 0, ())
    cell_text = loc.cell or ""
    m = _A1.match(cell_text)
    if m:
        col = 0
        for ch in m.group("col"):
            col = col * 26 + ord(ch) - 64
        cell: tuple[Any, ...] = (m.group("sheet") or "", int(m.group("row")), col)
    else:
        parts = tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", cell_text))
        cell = (1 if cell_text.startswith("段落") else 0, *parts)
    return (0, loc.source, loc.page or 0, loc.order or 0, loc.line or 0, loc.column or 0, cell)


def finding_dict(f: Finding) -> dict[str, Any]:
    """A finding as the JSON shape of ``jixiao check --json``."""
    out: dict[str, Any] = {
        "code": f.code,
        "severity": f.severity.value,
        "location": str(f.location.without_column()) if f.location is not None else None,
        "message": f.message,
        "expected": f.expected,
        "found": f.found,
        "basis": f.basis,
    }
    if f.location is not None and f.location.column is not None:
        out["column"] = f.location.column  # in a long line: the character, a key of its own
    return out


def finding_text(
    where: str, code: str, message: str, expected: str | None, found: str | None
) -> str:
    """``location: [CODE] message（应为 X，实为 Y）`` — how ``jixiao check`` and the batch's
    ``.check.txt`` files print a finding."""
    values = []
    if expected:
        values.append(f"应为 {expected}")
    if found:
        values.append(f"实为 {found}")
    tail = f"（{'，'.join(values)}）" if values else ""
    return f"{where}: [{code}] {message}{tail}"
