"""The 10号 reduction for a target set too low, applied in scoring when the target table is
given: ``jixiao score 自评表 --targets 目标表`` with ``lifecycle.over_target_deduct_percent``
(off by default), the deduction on the indicator's score line with its rule."""

from __future__ import annotations

import json
import random
import sys
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from jixiao.cli import main

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import faults  # noqa: E402
import forms  # noqa: E402

from jixiao.lifecycle.scoring import score_with_targets  # noqa: E402
from jixiao.lifecycle.writer import write_stage  # noqa: E402
from jixiao.scoring import score_evaluation  # noqa: E402
from jixiao.writers.text import evaluation_text  # noqa: E402

PROFILE = """[profile]
name = "deduct"
title = "10号 + 超额完成扣减"
extends = "cz2020-10"

[lifecycle]
over_target_deduct_percent = {percent}
"""


def _triple(tmp_path: Path, fault: str | None = "over_target") -> tuple[Path, Path, str]:
    """A self-evaluation whose actual is twice an approved target (or a clean one) and its
    target table, written as text."""
    rng = random.Random(3)
    while True:
        spec = forms.project(rng, 2023)
        if fault is None:
            target, _ = faults._lc_stages(spec, rng)
            anchor = ""
            break
        done = faults._lc_plant(fault, spec, rng)
        if done is not None:
            spec, target, _, anchor = done
            break
    evaluation = tmp_path / "自评表.txt"
    evaluation.write_text(evaluation_text(forms.build(spec)), encoding="utf-8")
    return evaluation, write_stage(target, tmp_path / "目标表.txt"), anchor


def _profile(tmp_path: Path, percent: int) -> Path:
    path = tmp_path / f"deduct{percent}.toml"
    path.write_text(PROFILE.format(percent=percent), encoding="utf-8")
    return path


def _score(*args: str) -> dict:
    result = CliRunner().invoke(main, ["score", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_score_with_targets_deducts_and_shows_the_rule(tmp_path: Path) -> None:
    evaluation, target, anchor = _triple(tmp_path)
    profile = str(_profile(tmp_path, 20))
    plain = _score(str(evaluation), "--profile", profile)
    reduced = _score(str(evaluation), "--profile", profile, "--targets", str(target))
    (line,) = [x for x in reduced["lines"] if "10号文扣减" in x["rule"]]
    assert line["item"].replace(" ", "") == anchor.replace(" ", "")
    weight = Decimal(str(line["weight"]))
    before = next(x for x in plain["lines"] if x["item"] == line["item"])
    assert Decimal(str(before["computed"])) - Decimal(str(line["computed"])) == weight / 5
    assert f"{target}:" in line["rule"] and "200%" in line["rule"]
    assert (
        Decimal(str(plain["total"]["computed"])) - Decimal(str(reduced["total"]["computed"]))
        == weight / 5
    )
    text = CliRunner().invoke(
        main, ["score", str(evaluation), "--profile", profile, "--targets", str(target)]
    )
    assert "按 10号文扣减" in text.output and "超额完成扣减" in text.output


def test_no_deduction_by_default_or_without_over_achievement(tmp_path: Path) -> None:
    evaluation, target, _ = _triple(tmp_path)
    plain = _score(str(evaluation))
    assert _score(str(evaluation), "--targets", str(target)) == plain  # default profile: off
    clean_dir = tmp_path / "clean"
    clean_dir.mkdir()
    evaluation, target, _ = _triple(clean_dir, fault=None)
    profile = str(_profile(tmp_path, 20))
    assert _score(str(evaluation), "--profile", profile, "--targets", str(target)) == _score(
        str(evaluation), "--profile", profile
    )


def test_api_matches_the_cli_and_never_goes_below_zero(tmp_path: Path) -> None:
    import jixiao
    from jixiao.lifecycle import read_stage_file

    evaluation, target, _ = _triple(tmp_path)
    e = jixiao.read(evaluation)
    (t,) = read_stage_file(target)
    sheet = score_with_targets(e, t, _profile(tmp_path, 100))
    (line,) = [x for x in sheet.lines if "10号文扣减" in x.rule]
    assert line.computed == 0
    assert score_with_targets(e, None, _profile(tmp_path, 100)) == score_evaluation(
        e, _profile(tmp_path, 100)
    )


def test_a_target_table_for_another_project_is_refused(tmp_path: Path) -> None:
    from jixiao.lifecycle import read_stage_file

    evaluation, target, _ = _triple(tmp_path)
    (t,) = read_stage_file(target)
    folder = tmp_path / "目标"
    folder.mkdir()
    for k in range(2):  # a folder of two tables for other projects: paired, none fits
        (folder / f"{k}.txt").write_text(
            target.read_text(encoding="utf-8").replace(t.project.text, f"乡村道路养护工程{k}"),
            encoding="utf-8",
        )
    result = CliRunner().invoke(main, ["score", str(evaluation), "--targets", str(folder)])
    assert result.exit_code == 2 and "没有与" in result.output
