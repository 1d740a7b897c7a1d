"""Office files through the whole reader: the same Evaluation as the seed's text.

The seed (examples/seed-2021-yuelu-fulian.txt) is Word's text export of a department table
and its report. tests/data/docx-seed.docx is that seed as a Word document and
tests/data/xlsx-dept-official.xlsx its table typed into Excel in the official layout; both
must give the seed's evaluation, compared by content (locations, source, layout aside).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from office_helpers import DATA

import jixiao

pytest.importorskip("jixiao.extract")
from jixiao.serialize import to_dict  # noqa: E402

SEED = Path(__file__).parents[1] / "examples" / "seed-2021-yuelu-fulian.txt"
IGNORED = {"location", "source", "layout", "notes"}
REPORT_ONLY = {"report", "report_title", "figures", "unit", "missing"}  # not in a table-only file


def content(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: content(v) for k, v in value.items() if k not in IGNORED}
    if isinstance(value, list):
        return [content(v) for v in value]
    return value


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    return content(to_dict(jixiao.read_text(SEED.read_text(encoding="utf-8"), "seed.txt")))


def test_seed_docx_reads_as_the_seed_text(seed: dict[str, Any]) -> None:
    evaluation = jixiao.read(DATA / "docx-seed.docx")
    assert evaluation.layout == "docx"
    assert content(to_dict(evaluation)) == seed


def test_official_xlsx_reads_as_the_seed_table(seed: dict[str, Any]) -> None:
    evaluation = jixiao.read(DATA / "xlsx-dept-official.xlsx")
    got = content(to_dict(evaluation))
    expected = {k: v for k, v in seed.items() if k not in REPORT_ONLY}
    assert {k: v for k, v in got.items() if k not in REPORT_ONLY} == expected
    assert len(evaluation.indicators) == 15
    assert str(evaluation.funds[0].rate) == "106.87%"


def test_locations_point_into_the_office_files() -> None:
    evaluation = jixiao.read(DATA / "xlsx-dept-official.xlsx")
    total = evaluation.funds[0]
    assert total.budget is not None and total.budget.location is not None
    assert total.budget.location.cell == "部门整体支出绩效自评表!E5"
    docx_eval = jixiao.read(DATA / "docx-seed.docx")
    first = docx_eval.indicators[0]
    assert first.location is not None and first.location.cell is not None
    assert first.location.cell.startswith("表1 第15行")


def test_seed_pdf_reads_as_the_seed_text(seed: dict[str, Any]) -> None:
    # pdf-seed.pdf is docx-seed.docx printed by LibreOffice: rows broken over pages, headers
    # repeated, page numbers in the footer. One space is lost: it stood where a line wraps in
    # a narrow cell (“岳麓女性” 微信公众号), and PDFs do not print spaces at line ends.
    got = content(to_dict(jixiao.read(DATA / "pdf-seed.pdf")))
    sustainable = next(i for i in seed["indicators"] if i["level2"] == "可持续影响指标")
    assert "“岳麓女性” 微信公众号" in sustainable["target"]
    expected = dict(seed)
    expected["indicators"] = [
        {**i, "target": i["target"].replace("” 微信", "”微信")} if i is sustainable else i
        for i in seed["indicators"]
    ]
    assert got == expected
