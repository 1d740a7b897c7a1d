"""No document crashes (issue 9): generated forms, damaged the ways of bench/damage.py, printed in
every text layout or written to .xlsx/.docx/.json, then their bytes cut or overwritten — and the
.xls/.pdf/.doc fixtures with their bytes damaged — are read to an Evaluation or refused with a
ReadError; ``jixiao parse`` then prints one Chinese line naming the file and exits 2.

LibreOffice is kept out (``JIXIAO_SOFFICE`` pointing nowhere): a package python-docx/openpyxl
cannot open is refused at once instead of being converted, which keeps the test fast."""

from __future__ import annotations

import importlib
import os
import random
import sys
import tempfile
from functools import cache
from pathlib import Path
from unittest import mock

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao import read
from jixiao.cli import main
from jixiao.errors import ReadError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
damage = importlib.import_module("damage")
forms = importlib.import_module("forms")
grid_text = importlib.import_module("grid_text")
robustness = importlib.import_module("layout_robustness")

FIXTURES = {"xls": "xls-basic.xls", "pdf": "pdf-seed.pdf", "doc": "doc-basic.doc"}
FORMATS = [*grid_text.RENDER, "prose", "xlsx", "docx", "json", *FIXTURES]


@cache
def base_forms() -> list[tuple[damage.Form, damage.Plan]]:
    rng = random.Random(5)
    out = []
    for e in (forms.build(forms.department(rng, 2022)), forms.build(forms.project(rng, 2023))):
        form = damage.form_of(e, robustness.report_lines(e))
        where = damage.plan(form.rows, form.truth)
        assert where is not None
        out.append((form, where))
    return out


def document(fmt: str, form: damage.Form, tmp: Path, rng: random.Random) -> bytes:
    """The bytes of ``form`` in format ``fmt`` (a fixture for .xls/.pdf/.doc)."""
    if fmt in FIXTURES:
        return (ROOT / "tests" / "data" / FIXTURES[fmt]).read_bytes()
    if fmt == "prose":
        return damage.prose(form, rng)[0].encode("utf-8")
    if fmt in grid_text.RENDER:
        text = grid_text.RENDER[fmt](form.title, damage.printed(form.rows), form.report, rng)
        return text.encode(rng.choice(("utf-8", "gb18030")))
    if fmt == "json":
        from jixiao.serialize import dumps

        return dumps(form.evaluation).encode("utf-8")
    path = robustness.write_office(form.title, form.rows, form.report, tmp / f"f.{fmt}")
    return path.read_bytes()


def spoil(data: bytes, how: str, at: float, junk: bytes) -> bytes:
    k = int(len(data) * at)
    if how == "cut":
        return data[:k]
    if how == "overwrite":
        return data[:k] + junk + data[k + len(junk) :]
    if how == "insert":
        return data[:k] + junk + data[k:]
    return data


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    which=st.integers(0, 1),
    damage_name=st.sampled_from(list(damage.DAMAGES)),
    fmt=st.sampled_from(FORMATS),
    how=st.sampled_from(("none", "cut", "overwrite", "insert")),
    at=st.floats(0, 1),
    junk=st.binary(min_size=1, max_size=64),
    seed=st.integers(0, 2**16),
)
def test_no_document_crashes(which, damage_name, fmt, how, at, junk, seed):
    form, where = base_forms()[which]
    damaged = damage.DAMAGES[damage_name](form, where, random.Random(seed)) or form
    if fmt == "prose":  # a report in sentences tells the whole form
        damaged = form
    suffix = {"prose": "txt", "json": "json"}.get(fmt, fmt if fmt in FIXTURES else "txt")
    suffix = fmt if fmt in ("xlsx", "docx") else suffix
    with tempfile.TemporaryDirectory() as tmp, mock.patch.dict(os.environ, JIXIAO_SOFFICE="/无"):
        data = spoil(document(fmt, damaged, Path(tmp), random.Random(seed)), how, at, junk)
        path = Path(tmp) / f"表.{suffix}"
        path.write_bytes(data)
        try:
            read(path)
        except ReadError:
            result = CliRunner().invoke(main, ["parse", str(path)])
            assert result.exit_code == 2, result.output
            lines = (result.stderr if hasattr(result, "stderr") else result.output).splitlines()
            lines = [ln for ln in lines if ln.strip()]
            assert len(lines) == 1 and str(path) in lines[0], lines
            assert any("\u4e00" <= ch <= "\u9fff" for ch in lines[0].replace(str(path), ""))
