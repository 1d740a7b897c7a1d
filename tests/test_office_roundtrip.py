"""The writers' files read back by the office readers: read → write → read, same evaluation.

The writers (jixiao.writers) own the layout; this checks that what they write is read the
way it was meant — merged headers, formulas with cached values, the report after the table.
The PDF round trip runs LibreOffice and is the writers' to test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import jixiao

pytest.importorskip("jixiao.extract")
writers = pytest.importorskip("jixiao.writers")
from jixiao.serialize import to_dict  # noqa: E402

SEED = Path(__file__).parents[1] / "examples" / "seed-2021-yuelu-fulian.txt"
IGNORED = {"location", "source", "layout", "notes"}
REPORT_ONLY = {"report", "report_title", "figures", "missing"}


def content(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: content(v) for k, v in value.items() if k not in IGNORED}
    if isinstance(value, list):
        return [content(v) for v in value]
    return value


@pytest.fixture(scope="module")
def seed_evaluation() -> jixiao.Evaluation:
    return jixiao.read_text(SEED.read_text(encoding="utf-8"), "seed.txt")


def test_docx_round_trip(seed_evaluation: jixiao.Evaluation, tmp_path: Path) -> None:
    path = writers.write_path(seed_evaluation, tmp_path / "自评.docx")
    assert content(to_dict(jixiao.read(path))) == content(to_dict(seed_evaluation))


def test_xlsx_round_trip(seed_evaluation: jixiao.Evaluation, tmp_path: Path) -> None:
    # the .xlsx holds the table only (the report goes to the .docx)
    path = writers.write_path(seed_evaluation, tmp_path / "自评表.xlsx")
    back = {k: v for k, v in content(to_dict(jixiao.read(path))).items() if k not in REPORT_ONLY}
    seed = {k: v for k, v in content(to_dict(seed_evaluation)).items() if k not in REPORT_ONLY}
    assert back == seed
