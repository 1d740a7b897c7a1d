"""``jixiao check`` and ``jixiao rules``: output lines, exit codes, JSON shape."""

from __future__ import annotations

from pathlib import Path

from check_forms import FundLine, form, fund, ind, n
from click.testing import CliRunner

from jixiao.checks import CATALOGUE
from jixiao.cli import main
from jixiao.serialize import dumps, loads

SEED = Path(__file__).parents[1] / "examples" / "seed-2021-yuelu-fulian.txt"


def write(tmp_path: Path, evaluation, name: str = "e.json") -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(dumps(evaluation), encoding="utf-8")
    return path


def clean_form():  # type: ignore[no-untyped-def]
    return form(
        funds=[fund("合计", FundLine.TOTAL, "100", "95", "95%", weight="10", score="9.5")],
        indicators=[
            ind("培训人数", "≥50人", "52人", 20, 20, level2="数量指标"),
            ind("培训合格率", "≥95%", "96%", 15, 15, level2="质量指标"),
            ind("完成时间", "12月底前", "12月完成", 15, 15, level2="时效指标"),
            ind("就业率", "≥60%", "65%", 30, 30, level1="效益指标", level2="社会效益指标"),
            ind(
                "学员满意度",
                "≥90%",
                "95%",
                10,
                10,
                level1="满意度指标",
                level2="服务对象满意度指标",
                deviation="问卷调查200份，满意率95%",
            ),
        ],
        total_weight=n(100),
        total_score=n("99.5"),
    )


def test_seed_exit_1_with_errors_grouped() -> None:
    result = CliRunner().invoke(main, ["check", str(SEED)])
    assert result.exit_code == 1
    out = result.output
    assert out.index("错误（") < out.index("警告（") < out.index("提示（")
    assert f"{SEED}:25: [JX-A001] " in out and "（应为 198.98，实为 198.8）" in out


def test_clean_file_exit_0(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", str(write(tmp_path, clean_form()))])
    assert result.exit_code == 0, result.output
    assert "错误" not in result.output


def test_warnings_only_exit_0(tmp_path: Path) -> None:
    e = clean_form()
    e = type(e)(
        **{
            **{f: getattr(e, f) for f in e.__dataclass_fields__},
            "staff_authorized": n(3),
            "staff_actual": n(4),
        }
    )
    result = CliRunner().invoke(main, ["check", str(write(tmp_path, e))])
    assert result.exit_code == 0 and "[JX-S001]" in result.output


def test_unreadable_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = CliRunner().invoke(main, ["check", str(empty)])
    assert result.exit_code == 2 and "empty.txt" in result.output
    result = CliRunner().invoke(main, ["check", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2


def test_bad_profile_exit_2() -> None:
    result = CliRunner().invoke(main, ["check", str(SEED), "--profile", "no-such-profile"])
    assert result.exit_code == 2


def test_json_shape() -> None:
    result = CliRunner().invoke(main, ["check", str(SEED), "--json"])
    assert result.exit_code == 1
    data = loads(result.output)
    assert set(data) == {"evaluation", "score", "findings"}
    assert data["evaluation"]["format"] == "jixiao/1"
    assert "lines" in data["score"] and "total" in data["score"]
    first = data["findings"][0]
    assert set(first) == {"code", "severity", "location", "message", "expected", "found", "basis"}
    assert (first["code"], first["expected"], first["found"]) == ("JX-A001", "198.98", "198.8")


def test_rules_lists_every_check() -> None:
    result = CliRunner().invoke(main, ["rules"])
    assert result.exit_code == 0
    for c in CATALOGUE:
        assert c["code"] in result.output and c["title"] in result.output


def test_rules_json() -> None:
    result = CliRunner().invoke(main, ["rules", "--json"])
    data = loads(result.output)
    assert [d["code"] for d in data] == [c["code"] for c in CATALOGUE]
