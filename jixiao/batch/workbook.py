"""``summary.xlsx``: one row per file, every finding, counts per check code.

Written in openpyxl's write-only mode, row by row from the journal, so that 10,000 files
need no more memory than ten. Filters, a frozen header and conditional colours make it
usable straight away by a reviewer.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.formatting.rule import CellIsRule, ColorScaleRule, FormulaRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from jixiao.batch.record import KIND_LABELS, SEVERITY_LABELS, STATUS_LABELS, FileRecord, Status
from jixiao.batch.stats import Stats

SUMMARY_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 6),
    ("单位", 28),
    ("类型", 9),
    ("项目名称", 22),
    ("年度", 7),
    ("全年预算数", 12),
    ("全年执行数", 12),
    ("执行率(%)", 10),
    ("填报得分", 9),
    ("计算得分", 9),
    ("等级", 6),
    ("错误", 6),
    ("警告", 6),
    ("主要问题", 60),
    ("状态", 9),
    ("无法读取原因", 36),
    ("文件", 48),
    ("审核明细", 30),
)
FINDING_COLUMNS: tuple[tuple[str, float], ...] = (
    ("文件", 40),
    ("单位", 24),
    ("代码", 10),
    ("级别", 7),
    ("位置", 28),
    ("问题", 60),
    ("应为", 16),
    ("实为", 16),
)
CODE_COLUMNS: tuple[tuple[str, float], ...] = (
    ("代码", 10),
    ("级别", 7),
    ("规则 / 示例", 70),
    ("出现次数", 10),
    ("涉及文件数", 11),
    ("占已读取文件", 12),
)

UNIT_COLUMNS: tuple[tuple[str, float], ...] = (
    ("单位", 32),
    ("材料份数", 9),
    ("其中项目表", 10),
    ("部门整体得分", 12),
    ("最低得分", 10),
    ("错误", 7),
    ("警告", 7),
)

HEADER_FILL = PatternFill("solid", start_color="1F4E78")
HEADER_FONT = Font(bold=True, color="FFFFFF")
RED = PatternFill("solid", start_color="FFC7CE", end_color="FFC7CE")
YELLOW = PatternFill("solid", start_color="FFEB9C", end_color="FFEB9C")
GREEN = PatternFill("solid", start_color="C6EFCE", end_color="C6EFCE")
GREY = PatternFill("solid", start_color="D9D9D9", end_color="D9D9D9")
ORANGE = PatternFill("solid", start_color="F8CBAD", end_color="F8CBAD")
LINK_FONT = Font(color="0563C1", underline="single")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")


def write_workbook(
    path: Path,
    records: Iterable[FileRecord],
    stats: Stats,
    rule_titles: dict[str, str] | None = None,
) -> None:
    """Stream ``records`` (sorted by path) into the workbook; ``stats`` is filled on the way."""
    wb = Workbook(write_only=True)
    summary = _sheet(wb, "汇总", SUMMARY_COLUMNS)
    findings = _sheet(wb, "问题明细", FINDING_COLUMNS)
    codes = _sheet(wb, "按规则统计", CODE_COLUMNS)
    units = _sheet(wb, "按单位汇总", UNIT_COLUMNS)
    n_rows = n_findings = 0
    for record in records:
        stats.add(record)
        n_rows += 1
        summary.append(_summary_row(summary, n_rows, record))
        for f in record.findings:
            n_findings += 1
            findings.append(
                [
                    record.path,
                    record.unit or "",
                    f.code,
                    SEVERITY_LABELS.get(f.severity, f.severity),
                    f.location,
                    _cell(findings, f.message, WRAP),
                    f.expected,
                    f.found,
                ]
            )
    titles = rule_titles or {}
    for c in stats.codes_by_count():
        share = c.files / stats.read if stats.read else 0
        share_cell = _cell(codes, share)
        share_cell.number_format = "0.0%"
        codes.append(
            [
                c.code,
                SEVERITY_LABELS.get(c.severity, c.severity),
                _cell(codes, titles.get(c.code) or c.message, WRAP),
                c.count,
                c.files,
                share_cell,
            ]
        )
    _finish_summary(summary, n_rows)
    _finish(findings, FINDING_COLUMNS, n_findings)
    _finish(codes, CODE_COLUMNS, len(stats.codes))
    for u in sorted(stats.units.values(), key=lambda u: (u.urgency, u.name)):
        units.append(
            [
                u.name,
                u.files,
                u.projects,
                _number(units, u.department_score),
                _number(units, u.lowest_score),
                u.errors,
                u.warnings,
            ]
        )
    _finish(units, UNIT_COLUMNS, len(stats.units))
    if stats.units:
        end = len(stats.units) + 1
        units.conditional_formatting.add(
            f"F2:F{end}", CellIsRule(operator="greaterThan", formula=["0"], fill=RED)
        )
        units.conditional_formatting.add(
            f"G2:G{end}", CellIsRule(operator="greaterThan", formula=["0"], fill=YELLOW)
        )
    if n_findings:
        findings.conditional_formatting.add(
            f"D2:D{n_findings + 1}", CellIsRule(operator="equal", formula=['"错误"'], fill=RED)
        )
        findings.conditional_formatting.add(
            f"D2:D{n_findings + 1}", CellIsRule(operator="equal", formula=['"警告"'], fill=YELLOW)
        )
    tmp = path.with_name(path.name + ".tmp")
    wb.save(tmp)
    tmp.replace(path)


def _sheet(wb: Workbook, title: str, columns: tuple[tuple[str, float], ...]) -> WriteOnlyWorksheet:
    ws = wb.create_sheet(title)
    ws.freeze_panes = "A2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = "1:1"
    for index, (_, width) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    header = []
    for name, _ in columns:
        cell = WriteOnlyCell(ws, value=name)
        cell.fill = HEADER_FILL
        cell.font = HEADER_FONT
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header.append(cell)
    ws.append(header)
    return ws


def _cell(
    ws: WriteOnlyWorksheet, value: object, alignment: Alignment | None = None
) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=value)
    if alignment is not None:
        cell.alignment = alignment
    return cell


def _number(ws: WriteOnlyWorksheet, value: object, fmt: str = "#,##0.00") -> WriteOnlyCell | None:
    if value is None:
        return None
    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = fmt
    return cell


def _summary_row(ws: WriteOnlyWorksheet, n: int, r: FileRecord) -> list[object]:
    ok = r.status == Status.OK
    return [
        n,
        r.unit or ("" if not ok else "（未识别）"),
        KIND_LABELS.get(r.kind or "", r.kind or ""),
        r.project or "",
        r.year,
        _number(ws, r.budget),
        _number(ws, r.actual),
        _number(ws, r.rate),
        _number(ws, r.printed_score),
        _number(ws, r.computed_score),
        r.grade or "",
        r.errors if ok else None,
        r.warnings if ok else None,
        _cell(ws, r.main_findings(), WRAP),
        STATUS_LABELS[r.status],
        _cell(ws, r.reason, WRAP),
        r.path,
        _link(ws, r.check_file),
    ]


def _link(ws: WriteOnlyWorksheet, relative: str) -> WriteOnlyCell | str:
    """A clickable link to the file's ``.check.txt`` (relative to the workbook)."""
    if not relative:
        return ""
    cell = WriteOnlyCell(ws, value=relative)
    cell.hyperlink = relative
    cell.font = LINK_FONT
    return cell


def _finish(ws: WriteOnlyWorksheet, columns: tuple[tuple[str, float], ...], rows: int) -> None:
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last}{max(rows, 1) + 1}"


def _finish_summary(ws: WriteOnlyWorksheet, rows: int) -> None:
    _finish(ws, SUMMARY_COLUMNS, rows)
    if not rows:
        return
    end = rows + 1
    add = ws.conditional_formatting.add
    add(f"A2:R{end}", FormulaRule(formula=['$O2<>"已审核"'], fill=GREY))
    add(f"L2:L{end}", CellIsRule(operator="greaterThan", formula=["0"], fill=RED))
    add(f"M2:M{end}", CellIsRule(operator="greaterThan", formula=["0"], fill=YELLOW))
    add(f"H2:H{end}", CellIsRule(operator="greaterThan", formula=["100"], fill=ORANGE))
    add(f"H2:H{end}", FormulaRule(formula=["AND(ISNUMBER($H2),$H2<90)"], fill=YELLOW))
    add(
        f"I2:I{end}",
        FormulaRule(formula=["AND(ISNUMBER($I2),ISNUMBER($J2),ABS($I2-$J2)>0.01)"], fill=ORANGE),
    )
    add(
        f"J2:J{end}",
        ColorScaleRule(
            start_type="num",
            start_value=60,
            start_color="F8696B",
            mid_type="num",
            mid_value=80,
            mid_color="FFEB84",
            end_type="num",
            end_value=100,
            end_color="63BE7B",
        ),
    )
    add(f"K2:K{end}", CellIsRule(operator="equal", formula=['"优"'], fill=GREEN))
    add(f"K2:K{end}", CellIsRule(operator="equal", formula=['"差"'], fill=RED))
    add(f"K2:K{end}", CellIsRule(operator="equal", formula=['"中"'], fill=YELLOW))
