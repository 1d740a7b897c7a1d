"""The development corpus: every inconsistency its truth files list, where the text shows it,
is reported by the check that covers it (docs/checks.md, “开发语料中的问题”).

The corpus is read from ../shared; the tests are skipped where it is absent. Where the reader
does not yet extract the part of the form a check needs, the test is skipped and says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import jixiao
from jixiao.model import Evaluation, Finding

RAW = Path(__file__).parents[1].parent / "shared" / "corpus" / "dev" / "raw"

pytestmark = pytest.mark.skipif(not RAW.is_dir(), reason="../shared/corpus not present")


def check(name: str) -> tuple[Evaluation, tuple[Finding, ...]]:
    try:
        evaluation = jixiao.read(RAW / f"{name}.txt")
    except jixiao.ReadError as exc:
        pytest.skip(f"reader cannot read {name} yet: {exc}")
    return evaluation, jixiao.check(evaluation)


def codes(findings: tuple[Finding, ...]) -> set[str]:
    return {f.code for f in findings}


def test_001_blank_results_and_unexplained_adjustment() -> None:
    _, found = check("001")
    assert {"JX-M001", "JX-M002", "JX-B003", "JX-C007"} <= codes(found)
    [b003] = [f for f in found if f.code == "JX-B003"]
    assert (b003.expected, b003.found) == ("238.93 或说明调整原因", "251.89")
    # the 原因 cell holds only the template's instruction
    assert any(f.code == "JX-C007" and "原因" in f.message for f in found)
    # a complete form is not reported truncated (issue 12: JX-M003 on 001)
    assert "JX-M003" not in codes(found)


def test_002_zero_total_narrative_sum_and_cost() -> None:
    _, found = check("002")
    assert {"JX-B004", "JX-C010", "JX-C006"} <= codes(found)
    [c010] = [f for f in found if f.code == "JX-C010"]
    assert (c010.expected, c010.found) == ("89.99", "89.97")
    [c006] = [f for f in found if f.code == "JX-C006"]
    assert (c006.expected, c006.found) == ("89.974", "90")


def test_003_item_numbered_twice() -> None:
    _, found = check("003")
    # in the report and in the 年度主要工作内容 cell (a label wrapped over two lines, read since
    # wrapped labels are joined): the same list, numbered 4. twice, in both places
    assert [f.found for f in found if f.code == "JX-C011"] == ["4.", "4."]


def test_006_verified_sums_raise_nothing() -> None:
    _, found = check("006")
    assert not {"JX-A011", "JX-C001", "JX-C010"} & codes(found)


def test_010_met_but_points_lost() -> None:
    e, found = check("010")
    if not e.indicators:
        pytest.skip("reader does not yet extract indicators from run-together text (010)")
    assert any(f.code == "JX-I005" and f.found == "19.6" for f in found)


def test_012_scores_not_proportional_and_rate_in_heads() -> None:
    e, found = check("012")
    if not e.indicators:
        pytest.skip("reader does not yet extract 012's indicators")
    off = {f.message.split("”")[0].split("“")[-1] for f in found if f.code == "JX-I006"}
    assert {
        "高血压规范管理数",
        "高血压随访控制数",
        "糖尿病规范管理数",
        "严重精神障碍患者管理数",
    } <= off
    assert any(f.code == "JX-I012" and "签约率" in f.message for f in found)


def test_012_reading_errors_do_not_become_findings() -> None:
    """Issue 12: a word of the header read as an indicator (“年度”) gave findings about it."""
    e, found = check("012")
    assert not any(i.name.text.strip() in ("年度", "年度指标值") for i in e.indicators)
    assert not [f.message for f in found if "“年度”" in f.message or "“年度指标值”" in f.message]


def test_one_line_documents_locate_findings_by_column() -> None:
    """Issue 12: 002, 012 and 017 are each a page flattened into one line; a finding names the
    column where its cell starts, not just “:1”."""
    for name in ("002", "012", "017"):
        _, found = check(name)
        located = [f.location for f in found if f.location is not None and f.location.line]
        assert located and all(loc.column for loc in located), name


def test_012_initial_budget_zero() -> None:
    e, found = check("012")
    if not any(r.initial_budget is not None for r in e.funds):
        pytest.skip("reader does not yet extract 012's scrambled funds cells")
    assert "JX-B003" in codes(found)


def test_016_sub_row_weight_and_mixed_units() -> None:
    _, found = check("016")
    assert {"JX-A008", "JX-I016", "JX-C005"} <= codes(found)


def test_017_weights_and_copied_actuals() -> None:
    e, found = check("017")
    if not e.indicators:
        pytest.skip("reader does not yet extract indicators from run-together text (017)")
    assert {"JX-A007", "JX-I003", "JX-I014"} <= codes(found)
