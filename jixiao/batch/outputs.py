"""Rebuild every output of a batch folder from its journal (after a run, or after Ctrl-C)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jixiao.batch.export import FindingsWriter, tee
from jixiao.batch.journal import Journal
from jixiao.batch.record import FileRecord
from jixiao.batch.stats import Stats
from jixiao.batch.workbook import write_workbook

SUMMARY_XLSX = "summary.xlsx"
FINDINGS_JSON = "findings.json"
REPORT_DOCX = "汇总报告.docx"


def build_outputs(outdir: Path, profile: str = "", report: bool = True) -> tuple[Stats, list[Path]]:
    """summary.xlsx, findings.json and 汇总报告.docx from the journal.

    The records are needed twice: for the region's statistics, then for the workbook and
    findings.json — while a forked process draws the charts and writes the report from those
    statistics, on the other core. A journal of up to ``KEEP_BYTES`` is read once and its
    records kept; a longer one is read twice, streaming (memory stays flat however many files).
    """
    journal = Journal(outdir)
    kept = journal.latest_records()
    offsets = journal.latest_offsets() if kept is None else []

    def records() -> Iterable[FileRecord]:
        return kept if kept is not None else journal.read_at(offsets)

    stats = Stats()
    for record in records():
        stats.add(record)
    titles = rule_titles()
    writer = _start_report(outdir / REPORT_DOCX, stats, titles) if report else None
    with FindingsWriter(outdir / FINDINGS_JSON, profile) as findings:
        write_workbook(outdir / SUMMARY_XLSX, tee(records(), findings), stats, titles)
    written = [outdir / SUMMARY_XLSX, outdir / FINDINGS_JSON]
    if writer is not None:
        _finish_report(writer, outdir / REPORT_DOCX, stats, titles)
        written.append(outdir / REPORT_DOCX)
    return stats, written


def _start_report(path: Path, stats: Stats, titles: dict[str, str]) -> Any:
    """Write the report in a forked process (Linux); None where fork is not available: the
    report is then written after the workbook, in this process."""
    path.unlink(missing_ok=True)  # a report left by an earlier run is no sign of success
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    process = multiprocessing.get_context("fork").Process(
        target=_write_report, args=(path, stats, titles), daemon=True
    )
    process.start()
    return process


def _write_report(path: Path, stats: Stats, titles: dict[str, str]) -> None:
    from jixiao.batch.report import write_report  # python-docx is imported in the child

    write_report(path, stats, titles)


def _finish_report(process: Any, path: Path, stats: Stats, titles: dict[str, str]) -> None:
    if process is not None:
        process.join()
        if process.exitcode == 0 and path.exists():
            return
    _write_report(path, stats, titles)  # no fork, or the child failed: here, visibly


def rule_titles() -> dict[str, str]:
    """{code: title} from the checks catalogue, where it is installed."""
    try:
        from jixiao.checks import CATALOGUE
    except ImportError:
        return {}
    titles: dict[str, str] = {}
    for entry in CATALOGUE:  # dicts: code, severity, family, title, basis, description
        code, title = entry.get("code"), entry.get("title")
        if code and title:
            titles[str(code)] = str(title)
    return titles
