"""``jixiao parse``: summary, JSON, and bad input (one Chinese line on stderr, exit 2)."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from jixiao.cli import main
from jixiao.serialize import loads

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed-2021-yuelu-fulian.txt"


@pytest.fixture
def runner():
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:  # click ≥ 8.2 keeps stderr apart already
        return CliRunner()


def test_summary_in_chinese(runner):
    result = runner.invoke(main, ["parse", str(SEED)])
    assert result.exit_code == 0, result.output
    assert "长沙市岳麓区妇女联合会" in result.stdout
    assert "绩效指标（15 项）" in result.stdout


def test_json_contract(runner):
    result = runner.invoke(main, ["parse", str(SEED), "--json"])
    assert result.exit_code == 0
    data = loads(result.stdout)
    assert data["format"] == "jixiao/1" and data["kind"] == "department" and data["year"] == 2021
    assert data["staff"] == {"authorized": 3, "actual": 4}
    assert str(data["funds"][0]["budget"]) == "198.8" and str(data["funds"][0]["rate"]) == "106.87"
    assert (
        len(data["indicators"]) == 15 and len([s for s in data["report"] if s["level"] == 1]) == 5
    )


def _bad(runner, path: Path) -> str:
    result = runner.invoke(main, ["parse", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0]
    return lines[0]


def test_missing_file(runner, tmp_path):
    assert "不存在" in _bad(runner, tmp_path / "无此文件.txt")


def test_empty_file(runner, tmp_path):
    p = tmp_path / "空.txt"
    p.write_bytes(b"")
    assert "空" in _bad(runner, p)


def test_whitespace_only(runner, tmp_path):
    p = tmp_path / "白.txt"
    p.write_text(" \n\t\n", encoding="utf-8")
    assert "空" in _bad(runner, p)


def test_binary_file(runner, tmp_path):
    p = tmp_path / "图.txt"
    p.write_bytes(bytes(range(256)) * 8)
    assert "二进制" in _bad(runner, p)


def test_not_a_self_evaluation(runner, tmp_path):
    p = tmp_path / "菜谱.txt"
    p.write_text("番茄炒蛋\n鸡蛋两个，番茄一个。\n先炒蛋，再炒番茄。\n", encoding="utf-8")
    assert "不是绩效自评表或自评报告" in _bad(runner, p)


def test_gbk_text_is_read(runner, tmp_path):
    p = tmp_path / "gbk.txt"
    p.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    result = runner.invoke(main, ["parse", str(p), "--json"])
    assert result.exit_code == 0 and loads(result.stdout)["unit"] == "长沙市岳麓区妇女联合会"
