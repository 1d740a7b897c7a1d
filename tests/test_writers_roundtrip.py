"""Round trip: read → write → read gives the same evaluation (the ``jixiao/1`` dict without
source, layout, locations and the reader's own diagnoses), for the seed and for generated
variants (project table with 指标性质/度量单位, many decimals, blank cells)."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from writers_samples import department, project, split_by_goal

import jixiao
from jixiao.model import Evaluation, Num
from jixiao.serialize import to_dict
from jixiao.writers import write_path
from jixiao.writers.soffice import find_soffice

SEED = Path(__file__).parents[1] / "examples" / "seed-2021-yuelu-fulian.txt"

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("jixiao.extract") is None
    or importlib.util.find_spec("jixiao.readers.office") is None,
    reason="readers not installed",
)

# what the reader derives rather than reads: where it read, and what it noticed
DERIVED = ("source", "layout", "notes", "missing")


def content(e: Evaluation, *, report: bool = True) -> dict[str, Any]:
    def strip(x: Any) -> Any:
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items() if k != "location"}
        if isinstance(x, list):
            return [strip(v) for v in x]
        return x

    d = strip(to_dict(e))
    for key in DERIVED:
        d.pop(key)
    if not report:
        for key in ("report", "report_title", "figures"):
            d.pop(key)
    return d


def _round_trip(e: Evaluation, tmp_path: Path, suffix: str) -> Evaluation:
    return jixiao.read(write_path(e, tmp_path / f"out{suffix}"))


@pytest.fixture(scope="module")
def seed() -> Evaluation:
    return jixiao.read(SEED)


@pytest.mark.parametrize("suffix", [".json", ".txt", ".docx"])
def test_seed_round_trips_with_its_report(seed: Evaluation, tmp_path: Path, suffix: str) -> None:
    back = _round_trip(seed, tmp_path, suffix)
    assert content(back) == content(seed)
    assert seed.report is not None and len(seed.report.sections) == 9


def test_seed_round_trips_through_xlsx(seed: Evaluation, tmp_path: Path) -> None:
    """An .xlsx holds the table only: everything but the report comes back."""
    back = _round_trip(seed, tmp_path, ".xlsx")
    assert content(back, report=False) == content(seed, report=False)
    assert (
        back.funds[0].budget is not None and back.funds[0].budget.text == "198.8"
    )  # the fault survives


@pytest.mark.slow
@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice not installed")
def test_seed_round_trips_through_pdf(seed: Evaluation, tmp_path: Path) -> None:
    """The table comes back whole from the PDF; of the report, the title and the sections
    (wrapped lines of a PDF are the reader's business and are not compared here)."""
    back = _round_trip(seed, tmp_path, ".pdf")
    assert content(back, report=False) == content(seed, report=False)
    assert back.report is not None and seed.report is not None
    assert str(back.report.title) == str(seed.report.title)
    level1 = [s.heading.text for s in seed.report.sections if s.level == 1]
    assert [s.heading.text for s in back.report.sections if s.level == 1] == level1


VARIANTS = {
    "department": department,
    "project with 指标性质/度量单位": project,
    "many decimals": lambda: replace(
        department(),
        staff_actual=Num(Decimal("4"), "4", "人"),
        funds=tuple(
            replace(
                f,
                budget=Num(
                    f.budget.value + Decimal("0.000123"), str(f.budget.value + Decimal("0.000123"))
                ),
            )
            if f.budget is not None
            else f
            for f in department().funds
        ),
    ),
    "blank cells": lambda: replace(department(), duties=None, total_score=None, goals=()),
    "split by 年度绩效目标": split_by_goal,
}


@pytest.mark.parametrize("suffix", [".txt", ".xlsx", ".docx", ".json"])
@pytest.mark.parametrize("name", list(VARIANTS))
def test_generated_variants_round_trip(name: str, suffix: str, tmp_path: Path) -> None:
    e = VARIANTS[name]()
    back = _round_trip(e, tmp_path, suffix)
    assert content(back) == content(e)
    # the printed text of money survives, not only its value
    assert [str(f.budget) for f in back.funds] == [str(f.budget) for f in e.funds]
