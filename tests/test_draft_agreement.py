"""The drafter and the checker read the drafted report the same way.

For every development document and the seed: draft a report from the table, write table and
report as one text (as a unit would hand them in), read it back and check it. No finding may
come from the draft itself — every finding must also be raised on the table alone — except
JX-C016, the 【待填写：…】 marks the draft leaves for the unit by design.

The corpus is read from ../shared (from the main checkout, or from a worktree under wt/);
the test is skipped where it is absent.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

import jixiao
from jixiao.checks import run_checks
from jixiao.model import Finding
from jixiao.writers.draft import draft_report
from jixiao.writers.grid import build_grid
from jixiao.writers.text import report_text, table_text

ROOT = Path(__file__).resolve().parents[1]
SHARED = next(
    (p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()), None
)
DOCUMENTS = (
    sorted((SHARED / "corpus" / "dev" / "raw").glob("*.txt"))
    + sorted((SHARED / "seed").glob("*.txt"))
    if SHARED is not None
    else []
)


def _key(f: Finding) -> tuple[str, str | None, str | None]:
    return f.code, f.expected, f.found


@pytest.mark.skipif(not DOCUMENTS, reason="../shared is absent")
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_draft_raises_no_finding_of_its_own(path: Path) -> None:
    table_only = replace(jixiao.read(path), report=None)
    table = table_text(build_grid(table_only))
    known = Counter(
        _key(f)
        for f in (*run_checks(table_only), *run_checks(jixiao.read_text(table, "table.txt")))
    )
    draft = draft_report(table_only, jixiao.score(table_only))
    handed_in = jixiao.read_text(table + "\n\n" + report_text(draft), "handed-in.txt")
    assert handed_in.report is not None and len(handed_in.report.sections) >= 5
    own = [
        f"{f.code} {f.message}"
        for f in run_checks(handed_in)
        if f.code != "JX-C016" and known[_key(f)] == 0
    ]
    assert own == []


@pytest.mark.skipif(not DOCUMENTS, reason="../shared is absent")
def test_placeholders_of_the_draft_are_findings() -> None:
    """What the draft leaves to the unit is an error until it is written (JX-C016)."""
    seed = next(p for p in DOCUMENTS if p.parent.name == "seed")
    table_only = replace(jixiao.read(seed), report=None)
    text = table_text(build_grid(table_only)) + "\n\n" + report_text(draft_report(table_only))
    found = [f for f in run_checks(jixiao.read_text(text, "r.txt")) if f.code == "JX-C016"]
    assert found and all(f.severity.value == "error" for f in found)
    assert any("改进措施" in f.message for f in found)


_DOUBLED = ("万元万元", "其中其中", "其中：其中", "项目项目", "（默认）", "分值—分")


@pytest.mark.skipif(not DOCUMENTS, reason="../shared is absent")
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_draft_says_each_thing_once(path: Path) -> None:
    """No sentence of the draft is repeated (in two sections or twice in one, as 一（二） and 二
    did, and the problems listed twice), and no word is doubled by joining a printed label or
    amount to the draft's own words."""
    table_only = replace(jixiao.read(path), report=None)
    text = report_text(draft_report(table_only, jixiao.score(table_only)))
    assert [d for d in _DOUBLED if d in text] == []
    sentences = [
        s.strip()
        for s in re.split(r"[。\n]", text)
        if len(s.strip()) > 8
        and "【待填写" not in s
        and not s.strip().startswith(("（", "一", "二", "三", "四", "五"))
    ]
    repeated = sorted({s for s, n in Counter(sentences).items() if n > 1})
    assert repeated == []
