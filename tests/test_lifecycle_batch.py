"""``jixiao batch --targets DIR --monitoring DIR``: the target and monitoring tables of a folder
paired with the batch's self-evaluations by unit, project and year, and the cross-stage
findings in findings.json and in summary.xlsx's counts per code."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from jixiao.cli import main

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import faults  # noqa: E402
import forms  # noqa: E402

from jixiao.lifecycle.writer import write_stage  # noqa: E402
from jixiao.writers.text import evaluation_text  # noqa: E402


def _region(tmp_path: Path) -> tuple[Path, Path, Path, str]:
    """Three projects; in the second one an approved indicator's weight is changed in the
    self-evaluation (JX-L003). The folders are written in another order than the projects."""
    rng = random.Random(11)
    evals, targets, monitors = (tmp_path / d for d in ("自评", "目标", "监控"))
    for d in (evals, targets, monitors):
        d.mkdir()
    anchor = ""
    for k in range(3):
        spec = forms.project(rng, 2023)
        spec.project = f"{spec.project}{k}"
        if k == 1:
            spec, target, monitoring, anchor = faults._lc_plant("weight_changed", spec, rng)
        else:
            target, monitoring = faults._lc_stages(spec, rng)
        write_stage(target, targets / f"目标{2 - k}.txt")
        write_stage(monitoring, monitors / f"监控{(k + 1) % 3}.xlsx")
        (evals / f"自评{k}.txt").write_text(evaluation_text(forms.build(spec)), encoding="utf-8")
    return evals, targets, monitors, anchor


def test_batch_with_targets_and_monitoring(tmp_path: Path) -> None:
    evals, targets, monitors, anchor = _region(tmp_path)
    out = tmp_path / "输出"
    result = CliRunner().invoke(
        main,
        [
            "batch",
            str(evals),
            "-o",
            str(out),
            "-j",
            "1",
            "--no-report",
            "--targets",
            str(targets),
            "--monitoring",
            str(monitors),
        ],  # fmt: skip
    )
    assert result.exit_code == 0, result.output
    assert "目标表 3 份、监控表 3 份" in result.output
    data = json.loads((out / "findings.json").read_text())
    records = {Path(r["path"]).stem: r for r in data["files"]}
    cross = {
        stem: [f for f in r["findings"] if f["code"].startswith("JX-L")]
        for stem, r in records.items()
    }
    assert not cross["自评0"] and not cross["自评2"], cross
    (weight,) = [f for f in cross["自评1"] if f["code"] == "JX-L003"]
    # both documents named: the self-evaluation's row, the paired target table's file and row
    assert "自评1.txt" in weight["location"] and "目标1.txt:" in weight["message"]
    assert anchor.replace(" ", "")[:4] in weight["message"].replace(" ", "")
    book = load_workbook(out / "summary.xlsx", read_only=True)
    codes = [row[0] for row in book["按规则统计"].iter_rows(min_row=2, values_only=True)]
    assert "JX-L003" in codes


def test_batch_without_targets_has_no_cross_stage_findings(tmp_path: Path) -> None:
    evals, _, _, _ = _region(tmp_path)
    out = tmp_path / "输出"
    result = CliRunner().invoke(
        main, ["batch", str(evals), "-o", str(out), "-j", "1", "--no-report"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "findings.json").read_text())
    assert not [f for r in data["files"] for f in r["findings"] if f["code"].startswith("JX-L")]


def test_batch_with_targets_applies_the_over_achievement_reduction(tmp_path: Path) -> None:
    rng = random.Random(3)
    while (done := faults._lc_plant("over_target", forms.project(rng, 2023), rng)) is None:
        pass
    spec, target, _, _ = done
    evals, targets = tmp_path / "自评", tmp_path / "目标"
    evals.mkdir()
    targets.mkdir()
    (evals / "自评.txt").write_text(evaluation_text(forms.build(spec)), encoding="utf-8")
    write_stage(target, targets / "目标.txt")
    profile = tmp_path / "deduct.toml"
    profile.write_text(
        '[profile]\nname = "deduct"\ntitle = "扣减"\nextends = "cz2020-10"\n\n'
        "[lifecycle]\nover_target_deduct_percent = 20\n",
        encoding="utf-8",
    )
    scores = []
    for extra in ([], ["--targets", str(targets)]):
        out = tmp_path / f"输出{len(extra)}"
        args = ["batch", str(evals), "-o", str(out), "-j", "1", "--no-report", "-p", str(profile)]
        result = CliRunner().invoke(main, [*args, *extra])
        assert result.exit_code == 0, result.output
        (record,) = json.loads((out / "findings.json").read_text())["files"]
        scores.append(record["computed_score"])
    ind = next(i for i in spec.inds if i.actual_number == 2 * i.number)
    assert round(scores[0] - scores[1], 2) == round(float(ind.weight) / 5, 2)


def _batch(evals: Path, out: Path, *extra: str) -> tuple[str, dict[str, dict]]:
    result = CliRunner().invoke(
        main, ["batch", str(evals), "-o", str(out), "-j", "1", "--no-report", *extra]
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "findings.json").read_text())
    return result.output, {Path(r["path"]).stem: r for r in data["files"]}


def _codes(record: dict) -> set[str]:
    return {f["code"] for f in record["findings"]}


def test_a_resumed_batch_reviews_again_what_other_lifecycle_options_would_change(
    tmp_path: Path,
) -> None:
    evals, targets, monitors, _ = _region(tmp_path)
    out = tmp_path / "输出"
    lifecycle = ("--targets", str(targets), "--monitoring", str(monitors))
    output, records = _batch(evals, out)
    assert "JX-L003" not in _codes(records["自评1"])
    # resumed with the tables, without --restart: every file is reviewed again
    output, records = _batch(evals, out, *lifecycle)
    assert "已跳过" not in output, output
    assert "JX-L003" in _codes(records["自评1"])
    # the same options again: nothing to review
    output, _ = _batch(evals, out, *lifecycle)
    assert "已跳过以前审核过的 3 份" in output, output
    # a target table edited: its contents' hash changes the options
    edited = targets / "目标1.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    output, records = _batch(evals, out, *lifecycle)
    assert "已跳过" not in output, output
    # and back without the tables: reviewed again, no cross-stage finding left
    output, records = _batch(evals, out)
    assert "已跳过" not in output, output
    assert not [c for r in records.values() for c in _codes(r) if c.startswith("JX-L")]


def test_unpaired_self_evaluations_and_unused_tables_are_counted_and_listed(
    tmp_path: Path,
) -> None:
    evals, targets, monitors, _ = _region(tmp_path)
    rng = random.Random(5)
    alone = forms.project(rng, 2023)
    alone.project = "乡村道路养护独立项目"
    (evals / "自评9.txt").write_text(evaluation_text(forms.build(alone)), encoding="utf-8")
    other = forms.project(rng, 2023)
    other.project = "城区绿化补植另一个项目"
    target, _ = faults._lc_stages(other, rng)
    write_stage(target, targets / "目标9.txt")
    out = tmp_path / "输出"
    output, _ = _batch(evals, out, "--targets", str(targets), "--monitoring", str(monitors))
    assert "自评表 4 份，其中 1 份未找到配对的绩效目标表" in output, output
    assert "未被任何自评表使用的目标表 1 份、监控表 0 份" in output, output
    listed = (out / "配对情况.txt").read_text(encoding="utf-8")
    assert "自评9.txt" in listed and "目标9.txt" in listed
    assert "自评1.txt" not in listed and "目标1.txt" not in listed
