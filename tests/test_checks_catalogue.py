"""The catalogue itself: stable codes, documented, tested both ways, robust runner."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from check_forms import FundLine, form, fund, ind

import jixiao.checks as checks
from jixiao.checks import CATALOGUE, CHECKS, run_checks
from jixiao.model import Evaluation, Severity

ROOT = Path(__file__).parents[1]

# Every code ever committed. A code may not disappear or change meaning: add new ones here.
COMMITTED = [
    "JX-A001",
    "JX-A002",
    "JX-A003",
    "JX-A004",
    "JX-A005",
    "JX-A006",
    "JX-A007",
    "JX-A008",
    "JX-A009",
    "JX-A010",
    "JX-A011",
    "JX-A012",
    "JX-A013",
    "JX-B001",
    "JX-B002",
    "JX-B003",
    "JX-B004",
    "JX-B005",
    "JX-I001",
    "JX-I002",
    "JX-I003",
    "JX-I004",
    "JX-I005",
    "JX-I006",
    "JX-I007",
    "JX-I008",
    "JX-I009",
    "JX-I010",
    "JX-I011",
    "JX-I012",
    "JX-I013",
    "JX-I014",
    "JX-I015",
    "JX-I016",
    "JX-I017",
    "JX-C001",
    "JX-C002",
    "JX-C003",
    "JX-C004",
    "JX-C005",
    "JX-C006",
    "JX-C007",
    "JX-C008",
    "JX-C009",
    "JX-C010",
    "JX-C011",
    "JX-C012",
    "JX-C013",
    "JX-C014",
    "JX-C015",
    "JX-S001",
    "JX-M001",
    "JX-M002",
    "JX-M003",
    "JX-M004",
    "JX-M005",
    "JX-M006",
    "JX-M007",
    "JX-M008",
    "JX-M009",
]


def test_codes_are_unique_well_formed_and_never_removed() -> None:
    codes = [c.code for c in CHECKS]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"JX-[ABICSM]\d{3}", c) for c in codes)
    assert set(COMMITTED) <= set(codes)


def test_every_check_has_title_basis_description_example() -> None:
    for c in CATALOGUE:
        assert re.search(r"[\u4e00-\u9fff]", c["title"]), c
        assert c["basis"] and c["description"] and c["example"] and c["explanation"], c
        assert c["severity"] in {"error", "warning", "info"}


def test_every_check_is_documented() -> None:
    doc = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    for c in CATALOGUE:
        assert f"#### {c['code']} {c['title']}" in doc, f"{c['code']} missing from docs/checks.md"


def test_docs_catalogue_is_up_to_date() -> None:
    from jixiao.checks.catalogue_md import MARKER, render

    doc = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert doc.split(MARKER)[1] == render().split(MARKER)[1], (
        "docs/checks.md is behind the code: run python -m jixiao.checks.catalogue_md docs/checks.md"
    )


def test_every_check_has_a_firing_and_a_silent_test() -> None:
    sources = "\n".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_checks_*.py")
    )
    for c in CATALOGUE:
        assert re.search(rf'fires\(\s*"{c["code"]}"', sources), f"no test where {c['code']} fires"
        assert re.search(rf'silent\(\s*"{c["code"]}"', sources), (
            f"no test where {c['code']} stays silent"
        )


def test_findings_sorted_by_severity_then_location() -> None:
    e = form(
        staff_authorized=None,
        funds=[fund("合计", FundLine.TOTAL, "10", "12", "120%", weight="10", row=9)],
        indicators=[
            ind("甲", "≥5人", "6人", 60, 70, row=3),
            ind("乙", "围绕中心用气力", "好", 30, 30, row=1),
        ],
    )
    found = run_checks(e)
    order = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
    keys = [
        (order[f.severity], f.location.line if f.location and f.location.line else 0) for f in found
    ]
    assert keys == sorted(keys)


def test_spreadsheet_cells_sort_by_row_then_column() -> None:
    from jixiao.checks import location_key
    from jixiao.model import Location

    cells = ["S!G5", "S!E18", "S!F3", "S!AA3"]
    ordered = sorted(cells, key=lambda c: location_key(Location("x.xlsx", cell=c)))
    assert ordered == ["S!F3", "S!AA3", "S!G5", "S!E18"]


def test_a_failing_check_is_reported_not_fatal(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(evaluation, context):  # type: ignore[no-untyped-def]
        raise ValueError("boom")

    bad = checks.Check("JX-A999", Severity.ERROR, "坏规则", "测试", broken, "算术")
    monkeypatch.setattr(checks, "CHECKS", (bad, *CHECKS[:1]))
    found = run_checks(form())
    assert [f.code for f in found] == ["JX-X000"] and "JX-A999" in found[0].message


def test_run_checks_is_deterministic() -> None:
    def e() -> Evaluation:
        return form(
            indicators=[ind("甲", "≥5人", "4人", 10, 10), ind("乙", "聚焦中心下功夫", "好", 10, 10)]
        )

    first = run_checks(e())

    assert {"JX-I001", "JX-I004"} <= {f.code for f in first}
    assert run_checks(e()) == first


def test_word_tables_sort_before_paragraphs() -> None:
    from jixiao.checks import location_key
    from jixiao.model import Location

    cells = ["段落14", "表2 第1行第1列", "段落3", "表1 第10行第2列", "表1 第9行第2列"]
    ordered = sorted(cells, key=lambda c: location_key(Location("x.docx", cell=c)))
    assert ordered == ["表1 第9行第2列", "表1 第10行第2列", "表2 第1行第1列", "段落3", "段落14"]
