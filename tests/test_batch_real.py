"""jixiao batch with the real readers, checks and scoring: the seed, the dev corpus, LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner

from jixiao.batch import run_batch
from jixiao.batch.journal import Journal
from jixiao.cli import main

ROOT = Path(__file__).parents[1]
SEED = ROOT / "examples" / "seed-2021-yuelu-fulian.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "raw"


def test_batch_command_on_the_seed_and_an_unreadable_file(tmp_path: Path) -> None:
    src = tmp_path / "材料"
    src.mkdir()
    shutil.copy(SEED, src / "岳麓区妇联.txt")
    (src / "空文件.txt").write_bytes(b"")
    out = tmp_path / "out"

    result = CliRunner().invoke(main, ["batch", str(src), "-o", str(out), "--jobs", "1"])

    assert result.exit_code == 0, result.output
    assert "读取 1 份，无法读取 1 份；错误" in result.output
    records = {r.path: r for r in Journal(out).latest()}
    seed, empty = records["材料/岳麓区妇联.txt"], records["材料/空文件.txt"]
    assert empty.status == "unreadable" and "空" in empty.reason
    assert seed.unit and "妇女联合会" in seed.unit and seed.year == 2021
    codes = {f.code for f in seed.findings}
    assert {
        "JX-B001",
        "JX-S001",
        "JX-C002",
        "JX-C007",
    } <= codes  # >100 %, 4 staff for 3 posts, 2020 in 2021, template text
    # weights 10 + 100 against a total of 100: no recomputed score, no grade, the reason kept
    assert seed.computed_score is None and seed.grade is None
    assert "分值合计 110" in seed.grade_note and seed.printed_score == 100
    check = (out / "checks/材料/岳麓区妇联.txt.check.txt").read_text(encoding="utf-8")
    assert "[JX-B001]" in check and check.rstrip().endswith("）")
    # the rate the form prints (106.87) beside the one computed from its figures (106.96)
    assert (seed.printed_rate, seed.rate) == (Decimal("106.87"), Decimal("106.96"))
    [row] = [
        r for r in openpyxl.load_workbook(out / "summary.xlsx")["汇总"].iter_rows(values_only=True)
        if r[-2] == "材料/岳麓区妇联.txt"
    ]  # fmt: skip
    assert row[7:9] == (106.87, 106.96) and row[6] == 212.64
    assert "汇总：2 份材料" in result.output and "含此前" not in result.output  # a fresh run
    ws = openpyxl.load_workbook(out / "summary.xlsx")["按规则统计"]
    titles = {row[0].value: row[2].value for row in ws.iter_rows(min_row=2)}
    assert titles["JX-B001"] == "执行率超过 100%"  # the catalogue's title, not an example message
    assert "岳麓区妇联" in "\n".join(
        c.text
        for t in docx.Document(str(out / "汇总报告.docx")).tables
        for r in t.rows
        for c in r.cells
    )


def test_the_summary_line_names_earlier_files_only_when_there_are_some(tmp_path: Path) -> None:
    first, second = tmp_path / "一批", tmp_path / "二批"
    for folder in (first, second):
        folder.mkdir()
    shutil.copy(SEED, first / "甲.txt")
    (second / "乙.txt").write_text(SEED.read_text(encoding="utf-8") + "\n补充说明。\n", "utf-8")
    out = tmp_path / "out"
    runs = [
        CliRunner().invoke(main, ["batch", str(folder), "-o", str(out), "--jobs", "1",
                                  "--no-report"])
        for folder in (first, second, first)
    ]  # fmt: skip
    assert all(r.exit_code == 0 for r in runs), [r.output for r in runs]
    assert "汇总：1 份材料" in runs[0].output and "含此前" not in runs[0].output
    assert "汇总（含此前在该文件夹审核的材料）：2 份材料" in runs[1].output
    assert "汇总（含此前在该文件夹审核的材料）：2 份材料" in runs[2].output  # 甲 again, 乙 earlier


def test_batch_and_compare_help_is_in_chinese() -> None:
    for command in ("batch", "compare"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0
    assert "批量审核" in CliRunner().invoke(main, ["batch", "--help"]).output


def test_batch_rejects_an_unknown_profile(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["batch", str(SEED), "-o", str(tmp_path / "out"), "--profile", "不存在的方案"]
    )
    assert result.exit_code == 2 and "jixiao:" in result.output


@pytest.mark.skipif(not CORPUS.exists(), reason="dev corpus not present")
def test_dev_corpus_is_read_without_a_program_error(tmp_path: Path) -> None:
    result = run_batch([CORPUS], tmp_path / "out", jobs=2, report=False)
    failed = [r for r in Journal(tmp_path / "out").latest() if r.status == "failed"]
    assert failed == []
    assert result.counts.read >= 7


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_opens_the_workbook_and_the_report(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED, src / "a.txt")
    run_batch([src], tmp_path / "out", jobs=1)
    profile = tmp_path / "lo-profile"
    for name in ("summary.xlsx", "汇总报告.docx"):
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(tmp_path / "pdf"),
                str(tmp_path / "out" / name),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        pdf = tmp_path / "pdf" / (Path(name).stem + ".pdf")
        assert pdf.exists() and pdf.stat().st_size > 1000
