"""``jixiao convert`` and ``jixiao report``: formats by extension, one Chinese line and exit 2
on bad input."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner
from writers_samples import department

from jixiao.cli import main
from jixiao.serialize import dumps, loads


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    path = tmp_path / "表.json"
    path.write_text(dumps(department()), encoding="utf-8")
    return path


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args))


def test_convert_by_extension(source: Path, tmp_path: Path) -> None:
    result = _run("convert", str(source), str(tmp_path / "out.xlsx"))
    assert result.exit_code == 0, result.output
    assert "已写出" in result.output
    ws = openpyxl.load_workbook(tmp_path / "out.xlsx").active
    assert ws["A1"].value == "2021年度部门整体支出绩效自评表"
    assert _run("convert", str(source), str(tmp_path / "out.docx")).exit_code == 0
    assert docx.Document(str(tmp_path / "out.docx")).tables
    assert _run("convert", str(source), str(tmp_path / "out.txt")).exit_code == 0
    assert "\t资金来源" in (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert _run("convert", str(source), str(tmp_path / "out.json")).exit_code == 0
    assert loads((tmp_path / "out.json").read_text(encoding="utf-8"))["total"]["score"] == 95


def test_convert_refuses_unknown_format_and_missing_input(source: Path, tmp_path: Path) -> None:
    result = _run("convert", str(source), str(tmp_path / "out.odt"))
    assert result.exit_code == 2
    assert "不支持的输出格式" in result.output and ".xlsx" in result.output
    assert len(result.output.strip().splitlines()) == 1
    result = _run("convert", str(tmp_path / "没有.txt"), str(tmp_path / "out.xlsx"))
    assert result.exit_code == 2
    assert "文件不存在" in result.output and "没有.txt" in result.output
    assert "Traceback" not in result.output


def test_convert_refuses_missing_output_folder(source: Path, tmp_path: Path) -> None:
    result = _run("convert", str(source), str(tmp_path / "无此目录" / "out.xlsx"))
    assert result.exit_code == 2
    assert "输出目录不存在" in result.output


def test_report_drafts_the_docx(source: Path, tmp_path: Path) -> None:
    target = tmp_path / "报告.docx"
    result = _run("report", str(source), "-o", str(target))
    assert result.exit_code == 0, result.output
    doc = docx.Document(str(target))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "一、部门（单位）概况" and len(headings) == 5
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "全年预算数198.8万元" in text
    assert "自评总分95分（满分100分）" in text


def test_report_default_name_and_wrong_suffix(source: Path, tmp_path: Path) -> None:
    assert _run("report", str(source)).exit_code == 0
    assert (tmp_path / "表_自评报告.docx").exists()
    result = _run("report", str(source), "-o", str(tmp_path / "报告.xlsx"))
    assert result.exit_code == 2 and "只能写成 .docx 或 .pdf" in result.output


def test_report_keeps_an_existing_report_unless_redrafted(tmp_path: Path) -> None:
    from writers_samples import with_report

    source = tmp_path / "有报告.json"
    source.write_text(dumps(with_report(department())), encoding="utf-8")
    kept, drafted = tmp_path / "kept.docx", tmp_path / "drafted.docx"
    result = _run("report", str(source), "-o", str(kept))
    assert result.exit_code == 0 and "已有自评报告，按原文写出" in result.output
    assert "--redraft" in result.output  # it says how to draft anew
    result = _run("report", str(source), "-o", str(drafted), "--redraft")
    assert result.exit_code == 0 and "按原文写出" not in result.output

    def level1(path: Path) -> list[str]:
        return [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Heading 1"]

    assert level1(kept) == ["一、部门（单位）概况"]
    assert len(level1(drafted)) == 5


def test_an_empty_profile_file_is_refused(source: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("# 只有注释\n\n", encoding="utf-8")
    result = _run("score", str(source), "--profile", str(empty))
    assert result.exit_code == 2 and "文件是空的" in result.output


def test_score_says_why_a_total_is_not_graded(tmp_path: Path) -> None:
    from dataclasses import replace
    from decimal import Decimal

    from jixiao.model import Num

    over = replace(department(), total_weight=Num(Decimal(90), "90"))  # weights add to 110
    path = tmp_path / "超.json"
    path.write_text(dumps(over), encoding="utf-8")
    result = _run("score", str(path))
    assert result.exit_code == 0, result.output
    assert "不评等级：各计分行分值合计 110，与总分分值 90 不符" in result.output
    data = loads(_run("score", str(path), "--json").output)
    assert data["total"]["computed_grade"] is None and data["total"]["computable"] is False
