"""Files out: one evaluation through ``jixiao.writers`` (xlsx/docx/pdf), the round overview as
.xlsx (openpyxl), the evaluation as ``jixiao/1`` JSON."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jixiao.model import Evaluation

FORMATS = {
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel 自评表"),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word 自评表及报告",
    ),
    "pdf": ("application/pdf", "PDF"),
}


def attachment(name: str, fallback: str) -> str:
    """The Content-Disposition of a download named in Chinese (RFC 6266): an ASCII fallback
    and the UTF-8 name with every byte escaped — the header stays ASCII, and a "/" in a
    unit's or round's name cannot become a path separator in the saved file's name."""
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


class ExportUnavailable(Exception):
    """The writer for this format is not installed (yet)."""


def _writer() -> Any:
    try:
        from jixiao.writers import write_path
    except ImportError as exc:
        raise ExportUnavailable("writers") from exc
    return write_path


def export_bytes(evaluation: Evaluation, fmt: str, cache_key: str | None = None) -> bytes:
    """The evaluation written in ``fmt`` (raises ExportUnavailable when no writer).

    With a ``cache_key`` (for data that no longer changes) the file is kept in the data
    directory and served from there next time.
    """
    if fmt not in FORMATS:
        raise ExportUnavailable(fmt)
    cached = _cache_path(cache_key, fmt) if cache_key else None
    if cached is not None and cached.exists():
        return cached.read_bytes()
    write_path = _writer()
    with tempfile.TemporaryDirectory(prefix="jixiao-export-") as tmp:
        path = Path(write_path(evaluation, Path(tmp) / f"export.{fmt}"))
        data = path.read_bytes()
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(data)
        partial.replace(cached)  # atomic: a reader never sees half a file
    return data


def _cache_path(key: str, fmt: str) -> Path:
    from django.conf import settings

    return settings.DATA_DIR / "exports" / f"{key}.{fmt}"


def overview_xlsx(title: str, rows: Iterable[dict[str, Any]]) -> bytes:
    """The overview table as .xlsx (rows keyed by their Chinese column headings)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    rows = list(rows)
    columns = list(rows[0]) if rows else []
    ws.append(columns)
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for r in rows:
        ws.append([r.get(c) for c in columns])
    for row in ws.iter_rows():
        for cell in row:
            # openpyxl makes any text starting with "=" a formula: names typed by people
            # (a unit's project, a round's title) must stay text, never run in Excel
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"
    for col, width in zip(
        "ABCDEFGHIJKL", (30, 24, 12, 10, 10, 10, 8, 6, 10, 6, 6, 18), strict=True
    ):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A3"
    out = BytesIO()
    wb.save(out)
    return out.getvalue()
