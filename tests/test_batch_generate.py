"""The benchmark generator (bench/generate.py): clean forms are clean, planted faults vary."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))

import faults  # noqa: E402
import forms  # noqa: E402
import generate  # noqa: E402

import jixiao  # noqa: E402
from jixiao.checks import CATALOGUE  # noqa: E402
from jixiao.writers.text import evaluation_text  # noqa: E402


@pytest.mark.parametrize("seed", range(6))
def test_a_clean_form_adds_up_and_raises_no_error(seed: int) -> None:
    rng = random.Random(seed)
    spec = forms.department(rng, 2022) if seed % 2 else forms.project(rng, 2022)

    e = jixiao.read_text(evaluation_text(forms.build(spec)), "clean.txt")

    assert jixiao.score(e).computed_total == spec.total_score
    assert [f.code for f in jixiao.check(e) if f.severity == "error"] == []


def test_every_fault_maps_to_codes_of_the_catalogue() -> None:
    known = {c["code"] for c in CATALOGUE}
    for name, (_, codes, _, _) in faults.FAULTS.items():
        resolved = faults.resolve_codes(codes)
        assert resolved and set(resolved) <= known, name


def test_generated_files_and_manifest(tmp_path: Path) -> None:
    manifest = generate.generate(
        tmp_path / "a", 12, seed=3, mix={"tabbed": 1, "pipe": 1, "json": 1}
    )
    other = generate.generate(tmp_path / "b", 12, seed=4, mix={"tabbed": 1, "pipe": 1, "json": 1})

    files = manifest["files"]
    assert len(files) == 12 and all((tmp_path / "a" / "files" / f["path"]).exists() for f in files)
    assert json.loads((tmp_path / "a" / "manifest.json").read_text(encoding="utf-8"))["n"] == 12
    details = [x["detail"] for f in files for x in f["faults"]]
    # values drawn at random, not copied: most descriptions differ
    assert len(details) >= 10 and len(set(details)) >= 0.8 * len(details)
    assert details != [x["detail"] for f in other["files"] for x in f["faults"]]
    assert all(x["anchors"] for f in files for x in f["faults"])


def test_a_fault_counts_only_when_the_finding_names_its_place() -> None:
    anchors = ["“档案资料完整率”"]

    right = ("指标“档案资料完整率”得分 26 超过分值 25", "≤25", "26")
    elsewhere = ("指标“受益群众人数”得分 12 超过分值 10", "≤10", "12")

    assert faults.reports(anchors, *right)
    assert not faults.reports(anchors, *elsewhere)
    # a whole-table fault: the finding must state the wrong sum
    assert faults.reports(
        ["分值合计", "95"], "分值合计 95（预算执行 10 + 绩效指标 85）", "100", "95"
    )
    assert not faults.reports(["分值合计", "95"], "分值合计 90", "100", "90")


@pytest.mark.parametrize("seed", range(2))
@pytest.mark.parametrize("name", sorted(faults.FAULTS))
def test_each_fault_is_reported_at_its_place(name: str, seed: int) -> None:
    rng = random.Random(f"{name}-{seed}")
    spec = forms.department(rng, 2022)
    [fault] = generate.plant(spec, "tabbed", rng, [name])
    text = generate.render_text(forms.build(spec), "tabbed", rng)

    found = jixiao.check(jixiao.read_text(text, "planted.txt"))

    assert any(
        f.code in fault["codes"]
        and faults.reports(fault["anchors"], f.message, f.expected or "", f.found or "")
        for f in found
    ), (fault, [(f.code, f.message) for f in found])
