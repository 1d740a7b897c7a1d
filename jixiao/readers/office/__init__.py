"""Office files and PDFs → :class:`~jixiao.document.Document`.

:func:`read_office` decides by content first (zip package with ``word/`` or ``xl/``, OLE
compound file, ``%PDF``), then by extension, checks the file against the limits in
:mod:`.limits` (:mod:`.safety`), and hands it to one reader:

- .docx → :mod:`.docx` (python-docx)
- .xlsx/.xlsm → :mod:`.xlsx` (openpyxl)
- .xls/.et (BIFF) → :mod:`.xls` (xlrd)
- .pdf → :mod:`.pdf` (pdfplumber)
- .doc/.wps, other formats LibreOffice opens → :mod:`.convert` then the .docx/.xlsx reader

Every failure is a :class:`~jixiao.errors.ReadError` in Chinese naming the file.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from jixiao.document import Block, Cell, Document, Paragraph, Table
from jixiao.errors import ReadError
from jixiao.model import Location
from jixiao.readers.office import limits
from jixiao.textnorm import drop_page_marks, ocr_note, repair_ocr

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PDF_MAGIC = b"%PDF"
# pictures saved (or renamed) under an office extension: photos of a printed form
IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
}

WORD_SUFFIXES = {".docx", ".docm", ".dotx", ".doc", ".dot", ".wps", ".wpt", ".rtf", ".odt"}
SHEET_SUFFIXES = {".xlsx", ".xlsm", ".xltx", ".xls", ".et", ".ett", ".ods"}

__all__ = ["read_office", "repair_ocr_cells"]


def read_office(path: Path) -> Document:
    """Read a .docx/.xlsx/.xls/.pdf/.doc/.wps/.et file into a Document (raises ReadError)."""
    path = Path(path)
    source = str(path)
    try:
        size = path.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            mb = limits.MAX_FILE_BYTES // 1024 // 1024
            raise ReadError(source, f"文件过大（{size // 1024 // 1024} MB，上限 {mb} MB）")
        with path.open("rb") as fh:
            head = fh.read(1024)
    except FileNotFoundError as exc:
        raise ReadError(source, "文件不存在") from exc
    except PermissionError as exc:
        raise ReadError(source, "没有读取此文件的权限") from exc
    except OSError as exc:
        raise ReadError(source, f"无法读取文件：{exc.strerror or exc}") from exc
    if not head:
        raise ReadError(source, "文件是空的")
    suffix = path.suffix.lower()
    if head.startswith(ZIP_MAGIC) or (
        head.startswith(b"PK") and suffix in (".docx", ".xlsx", ".xlsm")
    ):
        return _read_zip(path, suffix)
    if head.startswith(OLE_MAGIC):
        return _read_ole(path, suffix)
    if PDF_MAGIC in head:
        from jixiao.readers.office.pdf import read_pdf

        doc = read_pdf(path)
        return (
            doc
            if suffix == ".pdf"
            else _noted(doc, f"扩展名为 {suffix or '（无）'}，但内容是 PDF，已按 PDF 读取")
        )
    picture = next((name for magic, name in IMAGE_MAGIC.items() if head.startswith(magic)), None)
    if picture is not None:
        raise ReadError(
            source,
            f"这是一张图片（{picture}），不是 Word/Excel/PDF 文档；"
            "拍照或扫描的表格需先做文字识别（OCR），或取得原始电子文件",
        )
    if suffix in (".docx", ".xlsx", ".xlsm"):
        raise ReadError(
            source, f"扩展名为 {suffix}，但内容不是 Office 文档（文件可能已损坏，或只是改了扩展名）"
        )
    if suffix == ".pdf":
        raise ReadError(source, "扩展名为 .pdf，但内容不是 PDF 文件（缺少 %PDF 文件头）")
    if suffix in WORD_SUFFIXES | SHEET_SUFFIXES:
        # RTF, HTML or XML saved under an office extension (common for “Excel” exports)
        return _read_converted(path, "xlsx" if suffix in SHEET_SUFFIXES else "docx")
    raise ReadError(source, "无法识别的文件格式（支持 .docx .xlsx .xls .doc .wps .et .pdf）")


def repair_ocr_cells(doc: Document) -> Document:
    """OCR misreadings repaired in every cell and paragraph (a PDF's text layer from a scan,
    a scanned form saved as Word or Excel): ``IO`` → 10, ``1O`` → 10, ``万兀`` → 万元, as in
    text files (:func:`jixiao.textnorm.repair_ocr`), each cell on its own; a reading note says
    what was repaired and where first. Page marks a page break left inside a cell go too."""
    repaired: list[str] = []
    first: list[Location] = []
    changed = False

    def fix(text: str, where: Location) -> str:
        nonlocal changed
        out, done = repair_ocr(drop_page_marks(text))
        if done:
            repaired.extend(done)
            first.append(where)
        changed = changed or out != text
        return out

    def cell(c: Cell) -> Cell:
        text = fix(c.text, c.location) if c.text else c.text
        return c if text == c.text else replace(c, text=text)

    blocks: list[Block] = []
    for b in doc.blocks:
        if isinstance(b, Table):
            blocks.append(replace(b, rows=tuple(tuple(cell(c) for c in row) for row in b.rows)))
        elif isinstance(b, Paragraph):
            blocks.append(replace(b, text=fix(b.text, b.location)))
        else:  # pragma: no cover - a Document holds tables and paragraphs only
            blocks.append(b)
    if not changed:
        return doc
    notes = (*doc.notes, ocr_note(repaired, _place(first[0]))) if repaired else doc.notes
    return replace(doc, blocks=tuple(blocks), notes=notes)


def _place(where: Location) -> str:
    text = str(where)
    return text[len(where.source) + 1 :] if where.source and text.startswith(where.source) else text


def _noted(doc: Document, note: str) -> Document:
    return replace(doc, notes=(*doc.notes, note))


def _read_zip(path: Path, suffix: str) -> Document:
    from jixiao.readers.office.safety import OpenError, inspect_zip

    source = str(path)
    package = inspect_zip(path)
    if package.kind == "docx":
        from jixiao.readers.office.docx import read_docx

        try:
            doc = read_docx(path)
        except OpenError as exc:
            doc = _through_libreoffice(path, "docx", exc)
        if suffix in SHEET_SUFFIXES:
            doc = _noted(doc, f"扩展名为 {suffix}，但内容是 Word 文档，已按 Word 读取")
        return doc
    if package.kind == "xlsx":
        from jixiao.readers.office.xlsx import read_xlsx

        try:
            doc = read_xlsx(path, package)
        except OpenError as exc:
            doc = _through_libreoffice(path, "xlsx", exc)
        if suffix in WORD_SUFFIXES:
            doc = _noted(doc, f"扩展名为 {suffix}，但内容是 Excel 工作簿，已按 Excel 读取")
        return doc
    if "mimetype" in package.names and suffix in (".odt", ".ods", ".wps", ".et"):
        return _read_converted(path, "xlsx" if suffix in SHEET_SUFFIXES else "docx")
    raise ReadError(source, "这是一个压缩包，但不是 Word（.docx）或 Excel（.xlsx）文档")


def _through_libreoffice(path: Path, target: str, error: ReadError) -> Document:
    """A package python-docx/openpyxl cannot open (Strict OOXML, slightly damaged): let
    LibreOffice open and re-save it; when that fails too, the first error stands."""
    from jixiao.readers.office.convert import find_soffice

    if find_soffice() is None:
        raise error
    try:
        doc = _read_converted(path, target)
    except ReadError:
        raise error from None
    return replace(doc, layout=target)


def _read_ole(path: Path, suffix: str) -> Document:
    from jixiao.readers.office.safety import inspect_ole

    source = str(path)
    compound = inspect_ole(path)
    if compound.kind == "encrypted":
        raise ReadError(
            source,
            "文件已加密（设置了打开密码），无法读取；请在 Word/Excel/WPS 中取消密码后另存再读取",
        )
    if compound.kind == "xls":
        from jixiao.readers.office.xls import read_xls

        return read_xls(path)
    if compound.kind == "doc":
        if compound.word_encrypted:
            raise ReadError(
                source, "Word 文档已加密（设置了打开密码），无法读取；请取消密码后另存再读取"
            )
        return _read_converted(path, "docx")
    return _read_converted(path, "xlsx" if suffix in SHEET_SUFFIXES else "docx")


def _read_converted(path: Path, target: str) -> Document:
    from jixiao.readers.office.convert import converted
    from jixiao.readers.office.safety import inspect_zip

    source = str(path)
    what = "表格" if target == "xlsx" else "文档"
    with converted(path, target, source=source, what=what) as out:
        package = inspect_zip(out)
        data = out.read_bytes()
        if target == "xlsx":
            from jixiao.readers.office.xlsx import read_xlsx

            doc = read_xlsx(out, package, source=source, data=data)
        else:
            from jixiao.readers.office.docx import read_docx

            doc = read_docx(out, source=source, data=data)
    layout = path.suffix.lower().lstrip(".") or target
    return replace(
        doc, layout=layout, notes=(*doc.notes, f"已通过 LibreOffice 转换为 .{target} 后读取")
    )
