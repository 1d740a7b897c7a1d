"""Every command of the ``jixiao`` group: its ``--help``, and bad input as one Chinese line.

A failure is one line on stderr naming the file and the problem, exit status 2, never a
traceback — for every file command and every kind of bad input a user really has.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from openpyxl import Workbook

from jixiao.cli import main

SEED = Path(__file__).parents[1] / "examples" / "seed-2021-yuelu-fulian.txt"
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), prog_name="jixiao")


def one_chinese_line(result: Result, *names: str) -> str:
    """The stderr of a failed command: one line, in Chinese, naming what it should."""
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert CHINESE.search(lines[0]) and "Traceback" not in result.output, lines[0]
    for name in names:
        assert name in lines[0], lines[0]
    return lines[0]


# -- --help -------------------------------------------------------------------------------


def test_every_command_has_a_chinese_help() -> None:
    group = run("--help")
    assert group.exit_code == 0 and CHINESE.search(group.output)
    names = main.list_commands(None)  # type: ignore[arg-type]
    assert {"parse", "score", "check", "rules", "convert", "report", "batch", "compare"} <= set(
        names
    )
    for name in names:
        result = run(name, "--help")
        assert result.exit_code == 0, (name, result.output)
        assert f"jixiao {name}" in result.output and CHINESE.search(result.output), name
        assert name in group.output


# -- bad files ----------------------------------------------------------------------------


def _empty(tmp: Path) -> Path:
    path = tmp / "空.txt"
    path.write_bytes(b"")
    return path


def _binary(tmp: Path) -> Path:
    path = tmp / "bin.txt"
    path.write_bytes(bytes(range(256)) * 20)
    return path


def _png_as_docx(tmp: Path) -> Path:
    path = tmp / "图片.docx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 200)
    return path


def _truncated_xlsx(tmp: Path) -> Path:
    whole = tmp / "whole.xlsx"
    book = Workbook()
    book.active.append(["部门整体支出绩效自评表", 2021])  # type: ignore[union-attr]
    book.save(whole)
    data = whole.read_bytes()
    path = tmp / "截断.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def _huge_text(tmp: Path) -> Path:
    path = tmp / "巨大.txt"
    path.write_text("合计 100 200\n" * 1_800_000, encoding="utf-8")  # 21.6 MB
    return path


def _folder(tmp: Path) -> Path:
    path = tmp / "文件夹"
    path.mkdir()
    return path


def _missing(tmp: Path) -> Path:
    return tmp / "没有这个文件.txt"


BAD_FILES: dict[str, Callable[[Path], Path]] = {
    "missing": _missing,
    "folder": _folder,
    "empty": _empty,
    "binary": _binary,
    "png-renamed-docx": _png_as_docx,
    "truncated-xlsx": _truncated_xlsx,
    "huge-text": _huge_text,
}


@pytest.mark.parametrize("kind", BAD_FILES)
@pytest.mark.parametrize("command", ["parse", "score", "check", "convert", "report"])
def test_bad_file_is_one_chinese_line_naming_it(command: str, kind: str, tmp_path: Path) -> None:
    bad = BAD_FILES[kind](tmp_path)
    extra = [str(tmp_path / "out.xlsx")] if command == "convert" else []
    if command == "report":
        extra = ["-o", str(tmp_path / "报告.docx")]
    one_chinese_line(run(command, str(bad), *extra), bad.name)


@pytest.mark.parametrize("command", ["score", "check", "convert"])
def test_reader_bug_is_one_line_not_a_traceback(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: object) -> None:
        raise KeyError("w:tbl")

    monkeypatch.setattr("jixiao.read", broken)
    extra = [str(tmp_path / "out.json")] if command == "convert" else []
    line = one_chinese_line(run(command, str(SEED), *extra), SEED.name)
    assert "内部错误" in line


# -- bad profiles -------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["score", "check", "report", "batch"])
def test_unknown_and_invalid_profile(command: str, tmp_path: Path) -> None:
    bad_toml = tmp_path / "坏方案.toml"
    bad_toml.write_text("[weights\nfunds = 10\n", encoding="utf-8")
    extra = ["-o", str(tmp_path / "out")] if command in ("report", "batch") else []
    line = one_chinese_line(run(command, str(SEED), "--profile", "没有这个方案", *extra))
    assert "没有这个方案" in line and "cz2020-10" in line
    line = one_chinese_line(run(command, str(SEED), "-p", str(bad_toml), *extra), "坏方案.toml")
    assert "TOML" in line
    assert not (tmp_path / "out").exists()


# -- usage mistakes -----------------------------------------------------------------------


def test_usage_mistakes_are_one_chinese_line() -> None:
    assert "缺少参数 FILE" in one_chinese_line(run("check"), "jixiao check")
    assert "没有选项 --bogus" in one_chinese_line(run("score", "--bogus", str(SEED)))
    line = one_chinese_line(run("batch", "-j", "0", str(SEED), "-o", "x"), "--jobs")
    assert "超出允许范围" in line
    assert "多余的参数：b" in one_chinese_line(run("check", "a", "b"))
    assert "缺少取值" in one_chinese_line(run("score", str(SEED), "-p"))


# -- batch and compare --------------------------------------------------------------------


def test_batch_missing_input_refused_before_any_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    one_chinese_line(run("batch", str(tmp_path / "没有"), "-o", str(out)), "没有", "不存在")
    assert not out.exists()


def test_batch_empty_folder_says_nothing_was_found(tmp_path: Path) -> None:
    result = run("batch", str(_folder(tmp_path)), "-o", str(tmp_path / "out"), "--no-report")
    assert result.exit_code == 0 and "没有找到自评材料" in result.stderr


def test_compare_missing_folder(tmp_path: Path) -> None:
    other = _folder(tmp_path)
    one_chinese_line(run("compare", str(tmp_path / "上年"), str(other)), "上年", "不存在")


def test_findings_without_location_are_placed_at_the_file(tmp_path: Path) -> None:
    # a JSON evaluation carries no locations: the finding names the file, not “?”
    from jixiao.model import Evaluation, Kind, Num
    from jixiao.serialize import dumps

    staff = {"staff_authorized": Num(Decimal(3), "3"), "staff_actual": Num(Decimal(4), "4")}
    path = tmp_path / "表.json"
    path.write_text(dumps(Evaluation(kind=Kind.DEPARTMENT, **staff)), encoding="utf-8")
    out = run("check", str(path)).output
    assert f"  {path}: [JX-S001] 实有人数 4 超过人员编制 3" in out and "?:" not in out
