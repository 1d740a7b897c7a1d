"""``summary.xlsx``: one row per file, every finding, counts per check code.

Streamed row by row from the journal (:mod:`jixiao.batch.xlsx_stream`), so that 10,000 files
need no more memory than ten, several times faster than openpyxl's write-only mode
(bench/batch_bench.py). Filters, a frozen header and conditional colours make it usable
straight away; each sheet prints one A4 landscape page wide with its header row repeated on
every page. The summary prints its columns up to 状态 (an unreadable file named, with its reason,
under 主要问题); the file paths and links right of them are for the screen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from jixiao.batch.record import KIND_LABELS, SEVERITY_LABELS, STATUS_LABELS, FileRecord, Status
from jixiao.batch.stats import Stats
from jixiao.batch.xlsx_stream import LINK, MONEY, PERCENT, WRAP, Book, Sheet, column_letter

SUMMARY_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 5),
    ("单位", 20),
    ("类型", 9),
    ("项目名称", 16),
    ("年度", 6),
    ("全年预算数", 11),
    ("全年执行数（支出）", 11),
    ("执行率%（表中填报）", 9),
    ("执行率%（按执行数÷预算数计算）", 10),
    ("填报得分", 8),
    ("计算得分", 8),
    ("等级", 6),
    ("不评等级原因", 16),
    ("错误", 6),
    ("警告", 6),
    ("主要问题", 38),
    ("状态", 8),
    # for the screen only, right of the print area:
    ("无法读取原因", 24),
    ("文件", 36),
    ("审核明细", 26),
)
PRINTED_COLUMNS = 17  # 序号 … 状态: one A4 landscape page wide at about 75 %
MAIN_FINDINGS = 2  # findings named in 主要问题 (the rest counted)
FINDING_COLUMNS: tuple[tuple[str, float], ...] = (
    ("文件", 40),
    ("单位", 24),
    ("代码", 10),
    ("级别", 7),
    ("位置", 18),
    ("问题", 70),
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


def write_workbook(
    path: Path,
    records: Iterable[FileRecord],
    stats: Stats,
    rule_titles: dict[str, str] | None = None,
) -> None:
    """Stream ``records`` (sorted by path) into the workbook; ``stats`` are those of the same
    records, complete (the per-code and per-unit sheets come from them)."""
    book = Book()
    summary = book.sheet("汇总", SUMMARY_COLUMNS, frozen_cols=2, print_cols=PRINTED_COLUMNS)
    findings = book.sheet("问题明细", FINDING_COLUMNS)
    codes = book.sheet("按规则统计", CODE_COLUMNS)
    units = book.sheet("按单位汇总", UNIT_COLUMNS)
    n_rows = n_findings = 0
    for record in records:
        n_rows += 1
        summary.append(_summary_row(n_rows, record))
        for f in record.findings:
            n_findings += 1
            findings.append(
                [
                    record.path,
                    record.unit or "",
                    f.code,
                    SEVERITY_LABELS.get(f.severity, f.severity),
                    _place(f.location, record.path),
                    (f.message, WRAP),
                    f.expected,
                    f.found,
                ]
            )
    titles = rule_titles or {}
    for c in stats.codes_by_count():
        share = c.files / stats.read if stats.read else 0
        codes.append(
            [
                c.code,
                SEVERITY_LABELS.get(c.severity, c.severity),
                (titles.get(c.code) or c.message, WRAP),
                c.count,
                c.files,
                (round(share, 4), PERCENT),
            ]
        )
    _finish_summary(summary, n_rows)
    findings.autofilter(n_findings)
    codes.autofilter(len(stats.codes))
    for u in sorted(stats.units.values(), key=lambda u: (u.urgency, u.name)):
        units.append(
            [
                u.name,
                u.files,
                u.projects,
                (u.department_score, MONEY),
                (u.lowest_score, MONEY),
                u.errors,
                u.warnings,
            ]
        )
    units.autofilter(len(stats.units))
    if stats.units:
        end = len(stats.units) + 1
        units.when(f"F2:F{end}", "greaterThan", "0", "red")
        units.when(f"G2:G{end}", "greaterThan", "0", "yellow")
    if n_findings:
        end = n_findings + 1
        findings.when(f"D2:D{end}", "equal", '"错误"', "red")
        findings.when(f"D2:D{end}", "equal", '"警告"', "yellow")
    tmp = path.with_name(path.name + ".tmp")
    book.save(tmp)
    tmp.replace(path)


_LINE_COLUMN = re.compile(r"(?:^|(?<=\s))(\d+)(?::(\d+))?$")


def _place(location: str, path: str) -> str:
    """The place in the file, without the file's name (it has a column of its own; printed,
    a long path cut the place off): ``材料/甲.txt:12:5`` → 第12行第5列."""
    if not location.startswith(path + ":"):
        return location
    place = location[len(path) + 1 :]
    m = _LINE_COLUMN.search(place)
    if m:
        line = f"第{m[1]}行" + (f"第{m[2]}列" if m[2] else "")
        place = place[: m.start()] + line
    return place


def _summary_row(n: int, r: FileRecord) -> list[object]:
    ok = r.status == Status.OK
    return [
        n,
        (r.unit or ("" if not ok else "（未识别）"), WRAP),
        KIND_LABELS.get(r.kind or "", r.kind or ""),
        (r.project or "", WRAP),
        r.year,
        (r.budget, MONEY),
        (r.actual, MONEY),
        (r.printed_rate, MONEY),
        (r.rate, MONEY),
        (r.printed_score, MONEY),
        (r.computed_score, MONEY),
        r.grade or ("不评" if r.grade_note else ""),
        (r.grade_note, WRAP),
        r.errors if ok else None,
        r.warnings if ok else None,
        (r.main_findings(MAIN_FINDINGS) if ok else f"{r.path}：{r.reason}", WRAP),
        STATUS_LABELS[r.status],
        (r.reason, WRAP),
        (r.path, WRAP),
        (r.check_file, LINK, r.check_file),  # a link to the .check.txt, relative to the workbook
    ]


def _finish_summary(ws: Sheet, rows: int) -> None:
    ws.autofilter(rows)
    if not rows:
        return
    end = rows + 1
    col = {name: column_letter(i) for i, (name, _) in enumerate(SUMMARY_COLUMNS)}

    def area(name: str) -> str:
        return f"{col[name]}2:{col[name]}{end}"

    last = column_letter(len(SUMMARY_COLUMNS) - 1)
    ws.when_formula(f"A2:{last}{end}", f'${col["状态"]}2<>"已审核"', "grey")
    ws.when(area("错误"), "greaterThan", "0", "red")
    ws.when(area("警告"), "greaterThan", "0", "yellow")
    for name in ("执行率%（表中填报）", "执行率%（按执行数÷预算数计算）"):
        c = col[name]
        ws.when(area(name), "greaterThan", "100", "orange")
        ws.when_formula(area(name), f"AND(ISNUMBER(${c}2),${c}2<90)", "yellow")
    p, q = col["填报得分"], col["计算得分"]
    ws.when_formula(
        area("填报得分"), f"AND(ISNUMBER(${p}2),ISNUMBER(${q}2),ABS(${p}2-${q}2)>0.01)", "orange"
    )
    ws.colour_scale(area("计算得分"), ((60, "F8696B"), (80, "FFEB84"), (100, "63BE7B")))
    ws.when(area("等级"), "equal", '"优"', "green")
    ws.when(area("等级"), "equal", '"差"', "red")
    ws.when(area("等级"), "equal", '"中"', "yellow")
