"""Rebuild every output of a batch folder from its journal (after a run, or after Ctrl-C)."""

from __future__ import annotations

from pathlib import Path

from jixiao.batch.export import FindingsWriter, tee
from jixiao.batch.journal import Journal
from jixiao.batch.stats import Stats
from jixiao.batch.workbook import write_workbook

SUMMARY_XLSX = "summary.xlsx"
FINDINGS_JSON = "findings.json"
REPORT_DOCX = "汇总报告.docx"


def build_outputs(outdir: Path, profile: str = "", report: bool = True) -> tuple[Stats, list[Path]]:
    """summary.xlsx and findings.json in one pass over the journal, then 汇总报告.docx."""
    stats = Stats()
    journal = Journal(outdir)
    titles = rule_titles()
    with FindingsWriter(outdir / FINDINGS_JSON, profile) as writer:
        write_workbook(outdir / SUMMARY_XLSX, tee(journal.latest(), writer), stats, titles)
    written = [outdir / SUMMARY_XLSX, outdir / FINDINGS_JSON]
    if report:
        from jixiao.batch.report import write_report

        write_report(outdir / REPORT_DOCX, stats, titles)
        written.append(outdir / REPORT_DOCX)
    return stats, written


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
