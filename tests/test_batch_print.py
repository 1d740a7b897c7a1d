"""Batch outputs printed: long texts wrap into rows as high as they need (LibreOffice does
not size such rows itself and printed them cut), compare.xlsx one A4 page wide at a readable
size, summary.xlsx one page wide up to 状态 (file paths for the screen only); the summary report
counts the files not graded."""

from __future__ import annotations

import re
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from jixiao.batch.compare import ComparedUnit, Side
from jixiao.batch.compare_output import COLUMNS, write_compare
from jixiao.batch.record import FileRecord, FindingRow, Status
from jixiao.batch.stats import Stats
from jixiao.batch.workbook import PRINTED_COLUMNS, SUMMARY_COLUMNS, write_workbook
from jixiao.batch.xlsx_stream import LINE_HEIGHT, column_letter, text_lines, wrapped_height
from jixiao.writers import soffice


def test_text_lines_counts_chinese_characters_double_and_line_breaks() -> None:
    assert text_lines("单位", 10) == 1
    assert text_lines("某某市某某区机关事务服务中心", 10) >= 3  # 14 characters, 28 units
    assert text_lines("abcdefgh", 10) == 1
    assert text_lines("一\n二\n三", 30) == 3
    assert wrapped_height([("短", 20), ("", 5)]) is None
    assert wrapped_height([("很长的问题描述" * 20, 20)]) == 10 * LINE_HEIGHT  # capped


def _record(n: int, message: str) -> FileRecord:
    return FileRecord(
        path=f"in/{n:02d}.txt",
        sha256=str(n),
        status=Status.OK,
        kind="department",
        unit=f"某某市某某区机关事务服务中心{n}",
        computed_score=Decimal("90"),
        findings=(FindingRow("JX-A001", "error", message),),
    )


def _sheet_xml(path: Path, number: int) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read(f"xl/worksheets/sheet{number}.xml").decode("utf-8")


def _summary(tmp_path: Path, records: list[FileRecord]) -> Path:
    stats = Stats()
    for r in records:
        stats.add(r)
    out = tmp_path / "summary.xlsx"
    write_workbook(out, records, stats)
    return out


def test_summary_rows_with_long_text_are_high_enough(tmp_path: Path) -> None:
    records = [_record(1, "短"), _record(2, "资金合计与分项之和不符：" * 8)]
    out = _summary(tmp_path, records)
    xml = _sheet_xml(out, 1)
    heights = {int(r): float(h) for r, h in re.findall(r'<row r="(\d+)" ht="([\d.]+)"', xml)}
    width = dict(SUMMARY_COLUMNS)["主要问题"]
    assert heights[3] >= text_lines(records[1].main_findings(2), width) * LINE_HEIGHT
    assert heights[2] > LINE_HEIGHT  # the unit's name wraps to two lines
    # the header row is as high as the longest wrapped column name, not a fixed height
    names = max(text_lines(name, w - 1) for name, w in SUMMARY_COLUMNS)
    assert names >= 3 and heights[1] == names * LINE_HEIGHT
    assert openpyxl.load_workbook(out)["汇总"].cell(3, 2).value == records[1].unit


def test_summary_prints_its_columns_up_to_status_one_page_wide(tmp_path: Path) -> None:
    many = replace(
        _record(1, "第一条"),
        findings=tuple(FindingRow(f"JX-A00{k}", "error", f"第{k}条问题") for k in range(1, 5)),
    )
    unreadable = FileRecord(
        path="in/扫描件.pdf",
        sha256="x",
        status=Status.UNREADABLE,
        reason="PDF 中没有文字（扫描件）",
    )
    out = _summary(tmp_path, [many, unreadable])
    ws = openpyxl.load_workbook(out)["汇总"]
    printed = [c.value for c in ws[1]][:PRINTED_COLUMNS]
    assert printed[-1] == "状态" and "文件" not in printed and "审核明细" not in printed
    assert ws.print_area.replace("$", "") == f"'汇总'!A1:{column_letter(PRINTED_COLUMNS - 1)}3"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0 and ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows.replace("$", "") == "1:1" and ws.print_title_cols is None
    # one A4 landscape page (about 150 characters at 100 %) at no less than about 75 %
    assert sum(w for _, w in SUMMARY_COLUMNS[:PRINTED_COLUMNS]) <= 200
    main = ws.cell(2, printed.index("主要问题") + 1).value
    assert "第1条问题" in main and "第2条问题" in main and "第3条问题" not in main
    assert main.endswith("等共 4 条")
    reason = ws.cell(3, printed.index("主要问题") + 1).value  # printed: which file, and why
    assert reason == "in/扫描件.pdf：PDF 中没有文字（扫描件）"
    assert ws.freeze_panes == "C2"  # on the screen 序号 and 单位 stay in view


@pytest.mark.skipif(soffice.find_soffice() is None, reason="LibreOffice not installed")
def test_summary_printed_by_libreoffice_keeps_the_screen_columns_off_paper(
    tmp_path: Path,
) -> None:
    records = [_record(n, "资金合计与分项之和不符") for n in range(1, 31)]
    pdf = soffice.convert(_summary(tmp_path, records), "pdf", tmp_path)
    with pdfplumber.open(pdf) as doc:
        texts = [page.extract_text() or "" for page in doc.pages]
    summary_pages = [t for t in texts if "序号" in t]
    assert 1 <= len(summary_pages) <= 3  # 30 rows, every printed column on each page
    for text in summary_pages:
        assert "主要问题" in text and "状态" in text
        assert "审核明细" not in text and "in/01.txt" not in text


def _side(path: str, score: str) -> Side:
    return Side(path, "单位", 2024, Decimal(score), Decimal("95"), frozenset(), {})


def test_compare_prints_one_page_wide_at_a_readable_size(tmp_path: Path) -> None:
    lowered = tuple(f"指标{i}：目标由 ≥95% 调低为 ≥80%" for i in range(4))
    rows = [
        ComparedUnit("某某市某某区机关事务服务中心", "部门整体", "", _side("a/1.txt", "90"),
                     _side("b/1.txt", "85"), ("JX-A001", "JX-B002"), lowered),
        ComparedUnit("短名单位", "部门整体", "", _side("a/2.txt", "90"), _side("b/2.txt", "91"),
                     (), ()),
    ]  # fmt: skip
    out = tmp_path / "compare.xlsx"
    write_compare(out, rows)
    ws = openpyxl.load_workbook(out).active
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    # one page wide at about 80 %: A4 landscape holds about 130 characters at 100 %
    assert sum(width for _, width in COLUMNS) <= 180
    assert ws.row_dimensions[2].height >= 4 * LINE_HEIGHT  # four lowered targets, one a line
    assert ws.row_dimensions[3].height is None
    assert ws.cell(2, 12).alignment.wrap_text and ws.cell(2, 1).alignment.wrap_text
    assert ws.print_title_rows == "$1:$1"


def test_the_summary_report_counts_the_files_it_does_not_grade(tmp_path: Path) -> None:
    from docx import Document

    from jixiao.batch.report import write_report

    graded = replace(_record(1, "短"), grade="优", printed_score=Decimal("95"))
    ungraded = replace(
        _record(2, "短"), computed_score=None, grade_note="各分行分值合计 110，与总分值 100 不符"
    )
    stats = Stats()
    for r in (graded, ungraded):
        stats.add(r)
    assert stats.ungraded == 1 and sum(stats.grades.values()) == 1
    out = tmp_path / "汇总报告.docx"
    write_report(out, stats, {})
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "另有 1 份材料的总分无法按评分规则复算，不评等级" in text
    assert "汇总、问题明细、按规则统计、按单位汇总四张表" in text  # as many as summary.xlsx has


def test_findings_sheet_gives_the_place_without_the_file_name(tmp_path: Path) -> None:
    """问题明细 has a 文件 column: 位置 says where in the file, which a long path cut off."""
    rows = (
        FindingRow("JX-A001", "error", "合计不符", "in/某某区/01.txt:12:5"),
        FindingRow("JX-A002", "error", "分值不符", "in/某某区/01.txt:第2页 表1 30"),
        FindingRow("JX-A003", "warning", "目标空白", "in/某某区/01.txt:表1 B7"),
        FindingRow("JX-A004", "warning", "另一份", "in/别的.txt:3"),
    )
    record = replace(_record(1, "短"), path="in/某某区/01.txt", findings=rows)
    ws = openpyxl.load_workbook(_summary(tmp_path, [record]))["问题明细"]
    assert [ws.cell(r, 5).value for r in range(2, 6)] == [
        "第12行第5列",
        "第2页 表1 第30行",
        "表1 B7",
        "in/别的.txt:3",
    ]
    assert ws.cell(2, 1).value == "in/某某区/01.txt"
