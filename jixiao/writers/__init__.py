"""Writers: an :class:`~jixiao.model.Evaluation` → the official forms.

- ``.xlsx`` — the 自评表 in the official layout, with formulas (:mod:`.xlsx`)
- ``.docx`` — the table as a Word table, then the report when there is one (:mod:`.docx`);
  :func:`write_report_docx` drafts the 自评报告 from the data
- ``.pdf`` — the same through LibreOffice, Chinese fonts mapped onto Noto CJK (:mod:`.pdf`)
- ``.json`` — the ``jixiao/1`` contract (:mod:`jixiao.serialize`)
- ``.txt`` — tabbed text as Word exports a form, like the seed (:mod:`.text`)

The table's layout lives in one place (:mod:`.grid`); every format renders that grid.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from jixiao.errors import JixiaoError
from jixiao.model import Evaluation
from jixiao.writers.docx import write_docx, write_report_docx, write_table_docx

if TYPE_CHECKING:
    from jixiao.writers.xlsx import write_xlsx


def __getattr__(name: str) -> Any:
    # openpyxl (and the numpy it loads) only where an .xlsx is written: the batch's summary
    # report, a .docx, imports this package without them
    if name == "write_xlsx":
        from jixiao.writers.xlsx import write_xlsx

        return write_xlsx
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FORMATS",
    "WriteError",
    "write_docx",
    "write_path",
    "write_report_docx",
    "write_table_docx",
    "write_xlsx",
]

FORMATS = {
    ".xlsx": "Excel 自评表（含公式）",
    ".docx": "Word：自评表 + 自评报告",
    ".pdf": "PDF：自评表 + 自评报告",
    ".json": "JSON（jixiao/1）",
    ".txt": "制表符分隔的文本（同样表）",
}


class WriteError(JixiaoError):
    """The output cannot be written (unknown format, unwritable place): Chinese message."""


def write_path(evaluation: Evaluation, path: str | Path) -> Path:
    """Write ``evaluation`` in the format named by the extension of ``path``."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        known = "、".join(FORMATS)
        raise WriteError(f"{path}: 不支持的输出格式“{suffix or '（无扩展名）'}”，可用：{known}")
    if not path.parent.exists():
        raise WriteError(f"{path}: 输出目录不存在")
    try:
        if suffix == ".xlsx":
            from jixiao.writers.xlsx import write_xlsx

            return write_xlsx(evaluation, path)
        if suffix == ".docx":
            return write_docx(evaluation, path)
        if suffix == ".pdf":
            from jixiao.writers.pdf import write_pdf

            return write_pdf(evaluation, path)
        if suffix == ".json":
            from jixiao.serialize import dumps

            path.write_text(dumps(evaluation) + "\n", encoding="utf-8")
            return path
        from jixiao.writers.text import write_text

        return write_text(evaluation, path)
    except OSError as exc:
        raise WriteError(f"{path}: 无法写入（{exc.strerror or exc}）") from exc
