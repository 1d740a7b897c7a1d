"""PDF of the table and the report, through LibreOffice (see :mod:`jixiao.writers.soffice`).

The .docx written by :func:`jixiao.writers.docx.write_docx` (table in A4 landscape, then the
report in A4 portrait) is converted in a private temporary profile with a time limit. The
fonts it names (宋体, 仿宋_GB2312, 黑体, 楷体_GB2312) are mapped onto Noto CJK, so the PDF
carries real Chinese glyphs (simplified forms) on machines without Windows fonts.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from jixiao.model import Evaluation, Report
from jixiao.writers.docx import write_docx, write_report_docx
from jixiao.writers.soffice import DEFAULT_TIMEOUT, convert


def docx_to_pdf(source: Path, target: Path, timeout: float = DEFAULT_TIMEOUT) -> Path:
    """Convert an office file to ``target`` (.pdf) with LibreOffice."""
    with tempfile.TemporaryDirectory(prefix="jixiao-pdf-") as tmp:
        produced = convert(source, "pdf", Path(tmp), timeout=timeout)
        shutil.move(str(produced), target)
    return target


def write_pdf(
    evaluation: Evaluation,
    path: str | Path,
    report: Report | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Path:
    """The table (and the evaluation's report, or ``report``) as one PDF."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="jixiao-pdf-") as tmp:
        source = write_docx(evaluation, Path(tmp) / "form.docx", report)
        return docx_to_pdf(source, path, timeout)


def write_report_pdf(
    evaluation: Evaluation, path: str | Path, timeout: float = DEFAULT_TIMEOUT, **kwargs: object
) -> Path:
    """Only the report (drafted when the evaluation has none) as PDF."""
    path = Path(path)
    with tempfile.TemporaryDirectory(prefix="jixiao-pdf-") as tmp:
        source = write_report_docx(evaluation, Path(tmp) / "report.docx", **kwargs)  # type: ignore[arg-type]
        return docx_to_pdf(source, path, timeout)
