"""Two years side by side (jixiao compare) on two tiny batch outputs."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from jixiao.batch.compare import compare_outputs
from jixiao.batch.journal import Journal
from jixiao.batch.record import FileRecord, FindingRow, Status, TargetRow
from jixiao.cli import main


def record(
    path: str, unit: str, score: str, rate: str, codes: list[str], targets: list[TargetRow]
) -> FileRecord:
    return FileRecord(
        path=path,
        sha256=path,
        status=Status.OK,
        kind="department",
        unit=unit,
        computed_score=Decimal(score),
        rate=Decimal(rate),
        findings=tuple(FindingRow(c, "error", "问题") for c in codes),
        targets=tuple(targets),
    )


def write(outdir: Path, records: list[FileRecord]) -> Path:
    with Journal(outdir) as journal:
        for r in records:
            journal.append(r)
    return outdir


def target(name: str, op: str, number: str, unit: str = "%") -> TargetRow:
    return TargetRow(name, op, Decimal(number), unit, f"{op}{number}{unit}")


def two_years(tmp_path: Path) -> tuple[Path, Path]:
    old = write(
        tmp_path / "2021",
        [
            record(
                "a.txt",
                "长沙市岳麓区妇女联合会",
                "95",
                "98",
                ["JX-A001", "JX-C003"],
                [target("指标1：服务满意度", "≥", "95"), target("培训次数", "≥", "12", "次")],
            ),
            record("b.txt", "岳麓区档案馆", "88", "91", [], []),
        ],
    )
    new = write(
        tmp_path / "2022",
        [
            record(
                "x.txt",
                "長沙市岳麓區婦女聯合會（本级）",
                "90.5",
                "101.5",
                ["JX-A001"],
                [target("服务满意度", "≥", "90"), target("培训次数", "≥", "12", "次")],
            ),
            record("y.txt", "岳麓区科技局", "80", "70", [], []),
        ],
    )
    return old, new


def test_units_are_matched_by_normalised_name(tmp_path: Path) -> None:
    old, new = two_years(tmp_path)

    rows = compare_outputs(old, new)

    assert [(u.unit, u.presence) for u in rows] == [
        ("長沙市岳麓區婦女聯合會（本级）", "两年均有"),
        ("岳麓区档案馆", "仅上年"),
        ("岳麓区科技局", "仅本年"),
    ]
    fulian = rows[0]
    assert fulian.score_change == Decimal("-4.5") and fulian.rate_change == Decimal("3.5")
    assert fulian.repeated == ("JX-A001",)
    assert fulian.lowered == ("服务满意度：≥95% → ≥90%",)


def test_a_lower_target_for_a_le_indicator_is_not_a_lowering(tmp_path: Path) -> None:
    old = write(
        tmp_path / "old",
        [record("a", "甲单位", "90", "90", [], [target("成本", "≤", "30", "万元")])],
    )
    new = write(
        tmp_path / "new",
        [record("a", "甲单位", "90", "90", [], [target("成本", "≤", "25", "万元")])],
    )
    assert compare_outputs(old, new)[0].lowered == ()


def test_a_target_in_another_unit_is_not_a_lowering(tmp_path: Path) -> None:
    # 12 万元 this year against 20,000 元 last year: not comparable, so not “lowered”
    old = write(
        tmp_path / "old",
        [record("a", "甲单位", "90", "90", [], [target("培训经费", "≥", "20000", "元")])],
    )
    new = write(
        tmp_path / "new",
        [record("a", "甲单位", "90", "90", [], [target("培训经费", "≥", "12", "万元")])],
    )
    assert compare_outputs(old, new)[0].lowered == ()


def test_compare_command_writes_a_workbook(tmp_path: Path) -> None:
    old, new = two_years(tmp_path)
    out = tmp_path / "对比.xlsx"

    result = CliRunner().invoke(main, ["compare", str(old), str(new), "-o", str(out)])

    assert result.exit_code == 0, result.output
    assert (
        "两年均有 1 个，仅上年 1 个，仅本年 1 个；得分下降 1 个，问题重复出现 1 个，目标调低 1 个"
        in result.output
    )
    ws = openpyxl.load_workbook(out)["年度对比"]
    assert ws["A2"].value == "長沙市岳麓區婦女聯合會（本级）" and ws["G2"].value == -4.5
    assert ws["L2"].value == "服务满意度：≥95% → ≥90%"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.page_setup.fitToWidth == 1 and ws.print_title_rows.replace("$", "") == "1:1"


def test_compare_refuses_a_folder_that_is_not_a_batch_output(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    result = CliRunner().invoke(main, ["compare", str(tmp_path / "a"), str(tmp_path / "b")])
    assert result.exit_code == 2 and "不是批量审核的输出文件夹" in result.output


def test_several_files_of_one_unit_are_counted(tmp_path: Path) -> None:
    old = write(
        tmp_path / "old",
        [record("a", "甲单位", "90", "95", [], []), record("b", "甲单位", "70", "95", [], [])],
    )
    new = write(tmp_path / "new", [record("a", "甲单位", "92", "95", [], [])])

    (unit,) = compare_outputs(old, new)

    assert (
        unit.score_change == Decimal("2") and unit.presence == "两年均有（上年有 2 份，取第一份）"
    )


def test_compare_notices_two_folders_of_the_same_year(tmp_path: Path) -> None:
    from dataclasses import replace

    a = write(tmp_path / "a", [replace(record("a.txt", "甲单位", "90", "95", [], []), year=2021)])
    b = write(tmp_path / "b", [replace(record("b.txt", "甲单位", "92", "96", [], []), year=2021)])
    result = CliRunner().invoke(main, ["compare", str(a), str(b)])
    assert result.exit_code == 0 and "都是 2021 年度" in result.output
    c = write(tmp_path / "c", [replace(record("c.txt", "甲单位", "92", "96", [], []), year=2020)])
    result = CliRunner().invoke(main, ["compare", str(a), str(c)])
    assert "放反" in result.output
    old, new = two_years(tmp_path)  # no years stated: nothing to say
    assert "注意" not in CliRunner().invoke(main, ["compare", str(old), str(new)]).output
