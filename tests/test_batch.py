"""Batch review: outputs, unreadable files, archives, resume and interruption.

The real readers and checks are exercised in test_batch_real.py; here a tiny stand-in
format (key=value lines) keeps each test about the batch itself.
"""

from __future__ import annotations

import dataclasses
import io
import os
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest

from jixiao.batch import Engine, FileRecord, Status, build_outputs, run_batch
from jixiao.batch.journal import Journal
from jixiao.errors import ReadError
from jixiao.measure import parse_measure
from jixiao.model import (
    Evaluation,
    Finding,
    FundGroup,
    FundLine,
    FundRow,
    Indicator,
    Kind,
    Num,
    Severity,
    Text,
)
from jixiao.serialize import loads

# -- a stand-in for read / check / score ---------------------------------------------------


def fake_read(path: Path) -> Evaluation:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("单位="):
        raise ReadError(str(path), "不是自评表")
    fields = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    budget, actual = Decimal(fields["预算"]), Decimal(fields["执行"])
    return Evaluation(
        kind=Kind.DEPARTMENT,
        source=str(path),
        unit=Text(fields["单位"]),
        year=Num(Decimal(fields["年度"]), fields["年度"]),
        funds=(
            FundRow(
                Text("合计"),
                FundLine.TOTAL,
                FundGroup.SOURCE,
                budget=Num(budget),
                actual=Num(actual),
            ),
        ),
        total_score=Num(Decimal(fields["得分"])),
    )


def fake_check(e: Evaluation, profile: str | None) -> tuple[Finding, ...]:
    row = e.funds[0]
    found = []
    if row.actual and row.budget and row.actual.value > row.budget.value:
        found.append(Finding("T-EXEC", Severity.ERROR, "执行率超过100%"))
    if e.total_score and e.total_score.value < 80:
        found.append(Finding("T-LOW", Severity.WARNING, "得分偏低"))
    return tuple(found)


def fake_score(e: Evaluation, profile: str | None) -> dict[str, object]:
    total = e.total_score.value if e.total_score else None
    return {"total": total, "grade": "优" if total and total >= 90 else "良"}


ENGINE = Engine(read=fake_read, check=fake_check, score=fake_score)


def form(unit: str, budget: str, actual: str, score: str, year: str = "2021") -> str:
    return f"单位={unit}\n年度={year}\n预算={budget}\n执行={actual}\n得分={score}\n"


def make_inputs(root: Path) -> Path:
    src = root / "材料"
    src.mkdir()
    (src / "甲.txt").write_text(form("甲单位", "100", "95", "92"), encoding="utf-8")
    (src / "乙.txt").write_text(form("乙单位", "100", "120", "75"), encoding="utf-8")
    (src / "坏文件.txt").write_text("这不是自评表", encoding="utf-8")
    (src / "~$甲.docx").write_bytes(b"lock file, never a submission")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("街道/丙/丙.txt", form("丙单位", "50", "50", "98"))
        zf.writestr("../../逃逸.txt", form("逃逸", "1", "1", "1"))
    (src / "汇总.zip").write_bytes(buf.getvalue())
    return src


def summary_rows(outdir: Path) -> list[dict[str, object]]:
    wb = openpyxl.load_workbook(outdir / "summary.xlsx")
    ws = wb["汇总"]
    header = [c.value for c in ws[1]]
    return [
        dict(zip(header, (c.value for c in row), strict=True)) for row in ws.iter_rows(min_row=2)
    ]


# -- tests ---------------------------------------------------------------------------------


def test_small_batch_writes_every_output(tmp_path: Path) -> None:
    src = make_inputs(tmp_path)
    out = tmp_path / "out"

    result = run_batch([src], out, ENGINE, jobs=2)

    assert (
        result.counts.read,
        result.counts.unreadable,
        result.counts.errors,
        result.counts.warnings,
    ) == (3, 2, 1, 1)
    rows = {r["文件"]: r for r in summary_rows(out)}
    assert set(rows) == {
        "材料/甲.txt",
        "材料/乙.txt",
        "材料/坏文件.txt",
        "材料/汇总.zip!/街道/丙/丙.txt",
        "材料/汇总.zip!/../../逃逸.txt",
    }
    assert rows["材料/乙.txt"]["执行率%（按执行数÷预算数计算）"] == 120
    assert rows["材料/乙.txt"]["错误"] == 1 and rows["材料/乙.txt"]["计算得分"] == 75
    assert "T-EXEC" in rows["材料/乙.txt"]["主要问题"]
    assert rows["材料/坏文件.txt"]["状态"] == "无法读取"
    assert "不是自评表" in rows["材料/坏文件.txt"]["无法读取原因"]
    assert "路径穿越" in rows["材料/汇总.zip!/../../逃逸.txt"]["无法读取原因"]
    assert not (tmp_path / "逃逸.txt").exists() and not (out / "逃逸.txt").exists()

    wb = openpyxl.load_workbook(out / "summary.xlsx")
    assert wb["汇总"].freeze_panes == "C2" and wb["汇总"].auto_filter.ref == "A1:T6"
    ws = wb["汇总"]  # A4 one page wide up to 状态, the header row repeated on every page
    assert int(ws.page_setup.paperSize) == 9 and ws.print_title_rows.replace("$", "") == "1:1"
    assert ws.print_area.replace("$", "") == "'汇总'!A1:Q6" and ws.page_setup.fitToWidth == 1
    assert ws.cell(1, 17).value == "状态" and ws.print_title_cols is None
    assert "不是自评表" in rows["材料/坏文件.txt"]["主要问题"]  # printed: the reason in 主要问题
    codes = {row[0].value: row[3].value for row in wb["按规则统计"].iter_rows(min_row=2)}
    assert codes == {"T-EXEC": 1, "T-LOW": 1}
    assert wb["问题明细"].max_row == 3
    units = [[c.value for c in row] for row in wb["按单位汇总"].iter_rows(min_row=2)]
    assert [u[0] for u in units] == [
        "乙单位",
        "甲单位",
        "丙单位",
    ]  # errors first, then the lowest score
    assert units[0][1:] == [
        1,
        0,
        75,
        75,
        1,
        1,
    ]  # files, project tables, department score, lowest, errors, warnings
    link = next(
        row[19] for row in wb["汇总"].iter_rows(min_row=2) if row[18].value == "材料/乙.txt"
    )
    target = link.hyperlink.target  # relative to the workbook
    assert target == "checks/材料/乙.txt.check.txt" and (out / target).exists()

    data = loads((out / "findings.json").read_text(encoding="utf-8"))
    assert data["format"] == "jixiao-batch/1" and len(data["files"]) == 5
    check = (out / "checks/材料/乙.txt.check.txt").read_text(encoding="utf-8")
    assert check.splitlines() == [
        "错误（1）",
        "  ?: [T-EXEC] 执行率超过100%",
        "",
        "警告（1）",
        "  ?: [T-LOW] 得分偏低",
        "",
        "材料/乙.txt: 共 2 条（错误 1，警告 1）",
    ]
    assert "无法审核" in (out / "checks/材料/坏文件.txt.check.txt").read_text(encoding="utf-8")
    assert (out / "checks/材料/汇总.zip/街道/丙/丙.txt.check.txt").exists()

    report = docx.Document(str(out / "汇总报告.docx"))
    text = "\n".join(p.text for p in report.paragraphs)
    assert "本次共审核材料 5 份，成功读取 3 份" in text
    assert len(report.inline_shapes) >= 3  # score, grade and execution charts
    # the unit reports' style, not Word's default: A4, page numbers, 黑体 headings in black
    section = report.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert "PAGE" in section.footer.paragraphs[0]._p.xml
    heading = report.styles["Heading 1"]
    assert heading.font.color.rgb in (None, docx.shared.RGBColor(0, 0, 0))
    assert heading.element.rPr.rFonts.get(docx.oxml.ns.qn("w:eastAsia")) == "黑体"


def test_resume_skips_files_already_done(tmp_path: Path) -> None:
    src = make_inputs(tmp_path)
    out = tmp_path / "out"
    run_batch([src], out, ENGINE, jobs=1, report=False)
    lines_before = (out / "journal.jsonl").read_text(encoding="utf-8").count("\n")
    (src / "丁.txt").write_text(form("丁单位", "10", "9", "91"), encoding="utf-8")

    again = run_batch([src], out, ENGINE, jobs=1, report=False)

    assert again.counts.skipped == 5  # 甲, 乙, 丙, 坏文件 by content; the refused zip entry by name
    assert (again.counts.read, again.counts.unreadable) == (1, 0)  # only 丁 is new
    assert len(summary_rows(out)) == 6
    lines_after = (out / "journal.jsonl").read_text(encoding="utf-8").count("\n")
    assert lines_after == lines_before + 1


def test_interrupted_journal_rebuilds_consistent_outputs(tmp_path: Path) -> None:
    src = make_inputs(tmp_path)
    out = tmp_path / "out"
    run_batch([src], out, ENGINE, jobs=1, report=False)
    journal = out / "journal.jsonl"
    lines = journal.read_text(encoding="utf-8").splitlines(keepends=True)
    journal.write_text(
        "".join(lines[:2]) + lines[2][: len(lines[2]) // 2], encoding="utf-8"
    )  # cut mid-line

    build_outputs(out, report=False)
    assert len(summary_rows(out)) == 2

    resumed = run_batch([src], out, ENGINE, jobs=1, report=False)
    assert len(summary_rows(out)) == 5
    assert resumed.counts.files + resumed.counts.skipped == 5
    assert all(
        line.endswith("}\n")
        for line in journal.read_text(encoding="utf-8").splitlines(keepends=True)
    )


def test_a_file_that_breaks_the_reader_is_recorded_not_fatal(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(form("甲单位", "100", "95", "92"), encoding="utf-8")
    (src / "b.txt").write_text(
        form("乙单位", "x", "1", "1"), encoding="utf-8"
    )  # Decimal("x") raises

    result = run_batch([src], tmp_path / "out", ENGINE, jobs=1, report=False)

    assert (result.counts.read, result.counts.failed) == (1, 1)
    row = next(r for r in summary_rows(tmp_path / "out") if r["文件"] == "in/b.txt")
    assert row["状态"] == "处理出错" and "InvalidOperation" in row["无法读取原因"]


def test_failed_files_are_retried_on_resume(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "b.txt").write_text(form("乙单位", "x", "1", "1"), encoding="utf-8")
    run_batch([src], tmp_path / "out", ENGINE, jobs=1, report=False)

    again = run_batch([src], tmp_path / "out", ENGINE, jobs=1, report=False)

    assert again.counts.skipped == 0 and again.counts.failed == 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_empty_input_folder_gives_empty_outputs(tmp_path: Path, jobs: int) -> None:
    (tmp_path / "in").mkdir()
    result = run_batch([tmp_path / "in"], tmp_path / "out", ENGINE, jobs=jobs)
    assert result.counts.files == 0
    assert summary_rows(tmp_path / "out") == []
    assert "本次共审核材料 0 份" in "\n".join(
        p.text for p in docx.Document(str(tmp_path / "out/汇总报告.docx")).paragraphs
    )


def test_journal_keeps_the_last_record_per_path(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    path = src / "a.txt"
    path.write_text(form("甲单位", "100", "95", "92"), encoding="utf-8")
    run_batch([src], tmp_path / "out", ENGINE, jobs=1, report=False)
    path.write_text(form("甲单位", "100", "130", "92"), encoding="utf-8")  # corrected resubmission

    run_batch([src], tmp_path / "out", ENGINE, jobs=1, report=False)

    (row,) = summary_rows(tmp_path / "out")
    assert row["错误"] == 1 and row["执行率%（按执行数÷预算数计算）"] == 130
    assert len(list(Journal(tmp_path / "out").latest())) == 1


def test_check_file_lines_are_those_of_jixiao_check() -> None:
    from jixiao.batch.record import FindingRow
    from jixiao.batch.worker import format_finding
    from jixiao.cli.check_cmd import finding_line
    from jixiao.model import Location

    finding = Finding(
        "JX-A004", Severity.ERROR, "执行率不符", Location("表.txt", line=12), "95.00%", "96.00%"
    )
    row = FindingRow("JX-A004", "error", "执行率不符", "表.txt:12", "95.00%", "96.00%")

    assert format_finding(row) == finding_line(finding)


def interrupting_read(path: Path) -> Evaluation:
    if path.name == "乙.txt":
        raise KeyboardInterrupt  # Ctrl-C while this file is being read
    return fake_read(path)


def test_ctrl_c_leaves_consistent_outputs_and_the_next_run_resumes(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name, unit in (("甲.txt", "甲单位"), ("乙.txt", "乙单位"), ("丙.txt", "丙单位")):
        (src / name).write_text(form(unit, "100", "95", "92"), encoding="utf-8")
    out = tmp_path / "out"

    stopped = run_batch(
        [src], out, Engine(read=interrupting_read, check=fake_check, score=fake_score), jobs=1
    )

    assert stopped.interrupted and stopped.counts.files == 1  # 丙 (sorted first), then 乙 stops it
    assert [r["单位"] for r in summary_rows(out)] == ["丙单位"]
    assert len(docx.Document(str(out / "汇总报告.docx")).paragraphs) > 3

    resumed = run_batch([src], out, ENGINE, jobs=1)

    assert (resumed.counts.skipped, resumed.counts.read) == (1, 2)
    assert sorted(r["单位"] for r in summary_rows(out)) == ["丙单位", "乙单位", "甲单位"]


def test_ctrl_c_in_the_pool_keeps_what_was_running(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(40):
        (src / f"{i:02d}.txt").write_text(form(f"单位{i}", "100", "95", "92"), encoding="utf-8")
    out = tmp_path / "out"
    calls = []

    def ctrl_c_once(result: object) -> None:
        calls.append(result)
        if len(calls) == 1:
            raise KeyboardInterrupt

    stopped = run_batch([src], out, ENGINE, jobs=2, on_result=ctrl_c_once, report=False)

    journaled = len(list(Journal(out).latest()))
    assert stopped.interrupted and 1 <= journaled < 40
    assert len(summary_rows(out)) == journaled
    resumed = run_batch([src], out, ENGINE, jobs=2, report=False)
    assert resumed.counts.skipped == journaled and resumed.counts.read == 40 - journaled
    assert len(summary_rows(out)) == 40


def test_output_folder_inside_the_input_is_not_read_again(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(form("甲单位", "100", "95", "92"), encoding="utf-8")
    run_batch([src], src / "结果", ENGINE, jobs=1, report=False)

    again = run_batch([src], src / "结果", ENGINE, jobs=1, report=False)

    assert again.counts.files == 0 and again.counts.skipped == 1
    assert [r["文件"] for r in summary_rows(src / "结果")] == ["in/a.txt"]


def test_restart_forgets_earlier_results(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(form("甲单位", "100", "95", "92"), encoding="utf-8")
    run_batch([src], tmp_path / "out", ENGINE, jobs=1, report=False)

    again = run_batch([src], tmp_path / "out", ENGINE, jobs=1, report=False, restart=True)

    assert (again.counts.read, again.counts.skipped) == (1, 0)
    assert len(list(Journal(tmp_path / "out").latest())) == 1


def test_a_batch_can_run_outside_the_main_thread(tmp_path: Path) -> None:
    import threading

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(form("甲单位", "100", "95", "92"), encoding="utf-8")
    results = []
    thread = threading.Thread(
        target=lambda: results.append(
            run_batch([src], tmp_path / "out", ENGINE, jobs=1, report=False)
        )
    )
    thread.start()
    thread.join()
    assert results and results[0].counts.read == 1


def test_a_renamed_file_is_listed_under_its_new_name_without_a_second_review(
    tmp_path: Path,
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(form("乙单位", "100", "120", "92"), encoding="utf-8")
    run_batch([src], tmp_path / "out", ENGINE, jobs=1, report=False)
    (src / "a.txt").rename(src / "乙单位自评表.txt")

    again = run_batch([src], tmp_path / "out", ENGINE, jobs=1, report=False)

    assert (again.counts.read, again.counts.skipped) == (0, 1)
    rows = {r["文件"]: r for r in summary_rows(tmp_path / "out")}
    assert set(rows) == {
        "in/a.txt",
        "in/乙单位自评表.txt",
    }  # earlier results are kept (--restart forgets them)
    assert rows["in/乙单位自评表.txt"]["错误"] == 1
    assert "T-EXEC" in (tmp_path / "out/checks/in/乙单位自评表.txt.check.txt").read_text(
        encoding="utf-8"
    )


def test_report_lists_the_largest_score_differences(tmp_path: Path) -> None:
    from jixiao.batch.stats import Stats

    stats = Stats()
    for n, (printed, computed) in enumerate((("90", "90"), ("95", "80.5"), ("88", "87"))):
        stats.add(
            FileRecord(
                f"{n}.txt",
                str(n),
                Status.OK,
                unit=f"单位{n}",
                printed_score=Decimal(printed),
                computed_score=Decimal(computed),
            )
        )

    assert stats.score_mismatch == 2
    assert [(unit, printed - computed) for unit, printed, computed, _ in stats.largest_gaps] == [
        ("单位1", Decimal("14.5")),
        ("单位2", Decimal("1")),
    ]


def crashing_read(path: Path) -> Evaluation:
    if path.name == "崩溃.txt":
        os._exit(
            3
        )  # a reader that takes its process down (a segfault in a C library, the OOM killer)
    return fake_read(path)


def test_a_file_that_kills_its_worker_is_the_only_one_marked(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(12):
        (src / f"{i:02d}.txt").write_text(form(f"单位{i}", "100", "95", "92"), encoding="utf-8")
    (src / "崩溃.txt").write_text(form("坏单位", "100", "95", "92"), encoding="utf-8")

    result = run_batch(
        [src],
        tmp_path / "out",
        Engine(read=crashing_read, check=fake_check, score=fake_score),
        jobs=2,
        report=False,
    )

    assert (result.counts.read, result.counts.failed) == (12, 1)
    (crashed,) = [r for r in summary_rows(tmp_path / "out") if r["状态"] == "处理出错"]
    assert crashed["文件"] == "in/崩溃.txt" and "进程异常退出" in crashed["无法读取原因"]


def test_a_form_with_blank_results_has_no_computed_score() -> None:
    # execution 10 of 10 computed, both indicators blank: 10 is not the form's score
    from jixiao.batch.engine import score_summary
    from jixiao.scoring import score_evaluation

    funds = (FundRow(Text("总额"), budget=Num(Decimal(100), "100"), actual=Num(Decimal(100), "100"),
                     weight=Num(Decimal(10), "10")),)  # fmt: skip
    blank = tuple(
        Indicator(
            Text(name),
            Text("产出指标"),
            target=parse_measure("100%"),
            weight=Num(Decimal(w), str(w)),
        )  # fmt: skip
        for name, w in (("覆盖率", 60), ("保障率", 30))
    )
    sheet = score_evaluation(Evaluation(kind=Kind.PROJECT, funds=funds, indicators=blank))
    assert sheet.computed_total == Decimal("10.00")
    assert score_summary(sheet) == (None, None)
    # execution only: weights of 10 against a total of 100 are no score either
    alone = score_evaluation(Evaluation(kind=Kind.PROJECT, funds=funds))
    assert score_summary(alone) == (None, None) and "合计 10" in alone.grade_reason
    filled = tuple(
        dataclasses.replace(i, actual=parse_measure("50%"), score=Num(Decimal(1), "1"))
        for i in blank
    )
    full = score_evaluation(Evaluation(kind=Kind.PROJECT, funds=funds, indicators=filled))
    total, grade = score_summary(full)
    assert total is not None and grade == "差"


def test_the_summary_takes_spending_not_income_from_a_prose_report() -> None:
    """A report that states 收入 and 支出 (no 资金总额 row): the summary's 全年执行数 is the
    spending; a form with only 财政拨款收入 gives none rather than the income."""
    from decimal import Decimal

    from jixiao.batch.worker import _main_fund
    from jixiao.model import Evaluation, FundLine, FundRow, Kind, Num, Text

    def row(label: str, line: FundLine, actual: str, depth: int = 0) -> FundRow:
        return FundRow(Text(label), line, depth=depth, actual=Num(Decimal(actual), actual))

    income = row("收入", FundLine.INCOME, "612.5")
    fiscal = row("财政拨款收入", FundLine.FISCAL, "600.5", 1)
    spending = row("支出", FundLine.EXPENDITURE, "630.25")
    form = Evaluation(kind=Kind.DEPARTMENT, unit=Text("某单位"), funds=(income, fiscal, spending))
    assert _main_fund(form) is spending
    no_spending = Evaluation(kind=Kind.DEPARTMENT, unit=Text("某单位"), funds=(income, fiscal))
    assert _main_fund(no_spending) is None
