"""Checks made before a file reaches python-docx, openpyxl, xlrd or pdfplumber.

- zip packages (.docx/.xlsx): the central directory is read first; too many parts, too large
  a sum of uncompressed sizes or a suspicious compression ratio is a zip bomb and refused.
  Python's zipfile never returns more than a part's declared size, so the declared sizes
  bound memory. Every XML part is scanned for ``<!DOCTYPE``/``<!ENTITY`` (entity expansion,
  external entities): OOXML never needs a DTD, and lxml underneath would expand them.
- OLE compound files (.doc/.xls/.wps/.et and encrypted OOXML): the stream names tell the
  format and whether the file is password-protected.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from jixiao.errors import ReadError
from jixiao.readers.office import limits

_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_DTD_UTF16 = (
    "<!DOCTYPE".encode("utf-16-le"),
    "<!ENTITY".encode("utf-16-le"),
    "<!DOCTYPE".encode("utf-16-be"),
    "<!ENTITY".encode("utf-16-be"),
)
# a formula (<f>…</f> or <f …/>) directly followed by the end of its cell: no cached <v>
_FORMULA_WITHOUT_VALUE = re.compile(
    rb"(?:<f(?:\s[^>]*)?>[^<]*</f>|<f\s[^>]*/>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>"
)
_CELL = re.compile(rb"<(?:\w+:)?c[\s>]")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Za-z]{1,3}\d+(?::[A-Za-z]{1,3}\d+)?)\"")
# rows and columns hidden in the sheet (hidden="1"; a collapsed outline hides them the same way)
_ROW = re.compile(rb"<(?:\w+:)?row\s[^>]*>")
_COL = re.compile(rb"<(?:\w+:)?col\s[^>]*>")
_HIDDEN = re.compile(rb"\shidden=[\"'](?:1|true)[\"']")
_ATTR = {
    name: re.compile(rb"\s" + name + rb"=[\"'](\d{1,7})[\"']") for name in (b"r", b"min", b"max")
}


class OpenError(ReadError):
    """python-docx/openpyxl could not open a package that passed the checks (damaged or an
    unusual dialect such as Strict OOXML): LibreOffice may still open it."""


@dataclass(frozen=True, slots=True)
class Package:
    """What the zip directory and a scan of the XML parts tell about an OOXML package."""

    names: frozenset[str]
    kind: str  # "docx" / "xlsx" / "other"
    cells: int = 0  # <c> elements in all worksheets
    formulas_without_values: bool = False
    merges: dict[str, tuple[str, ...]] = field(default_factory=dict)  # sheet part → "A1:D1" ranges
    # sheet part → its hidden rows / columns (1-based)
    hidden_rows: dict[str, frozenset[int]] = field(default_factory=dict)
    hidden_cols: dict[str, frozenset[int]] = field(default_factory=dict)


def inspect_zip(path: Path) -> Package:
    """Check a zip package for bombs and DTDs; raise ReadError when it is hostile or broken."""
    source = str(path)
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise ReadError(source, "压缩包结构已损坏（文件可能不完整或被截断），无法打开") from exc
    except OSError as exc:
        raise ReadError(source, f"无法读取文件：{exc.strerror or exc}") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.MAX_ZIP_ENTRIES:
            raise ReadError(
                source,
                f"压缩包内文件过多（{len(infos)} 个，上限 {limits.MAX_ZIP_ENTRIES}），疑似恶意文件，已拒绝",
            )
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > limits.MAX_PART_BYTES:
                raise ReadError(
                    source,
                    f"压缩包内部件 {info.filename} 解压后过大（{info.file_size // 1024 // 1024} MB），疑似“压缩炸弹”，已拒绝",
                )
            if (
                info.file_size > limits.RATIO_MIN_BYTES
                and info.file_size > limits.MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
            ):
                ratio = info.file_size // max(info.compress_size, 1)
                raise ReadError(
                    source,
                    f"压缩包内部件 {info.filename} 压缩比异常（约 {ratio}:1），疑似“压缩炸弹”，已拒绝",
                )
        if total > limits.MAX_UNCOMPRESSED_BYTES:
            raise ReadError(
                source,
                f"压缩包解压后总大小过大（{total // 1024 // 1024} MB，上限 {limits.MAX_UNCOMPRESSED_BYTES // 1024 // 1024} MB），疑似“压缩炸弹”，已拒绝",
            )
        names = frozenset(i.filename for i in infos)
        kind = "other"
        if "word/document.xml" in names or any(n.startswith("word/") for n in names):
            kind = "docx"
        elif "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
            kind = "xlsx"
        cells = 0
        no_values = False
        merges: dict[str, tuple[str, ...]] = {}
        hidden_rows: dict[str, frozenset[int]] = {}
        hidden_cols: dict[str, frozenset[int]] = {}
        for info in infos:
            name = info.filename
            if not name.endswith((".xml", ".rels", ".vml")) or info.is_dir():
                continue
            try:
                data = zf.read(info)
            except (
                zipfile.BadZipFile,
                zlib.error,
                OSError,
                EOFError,
                ValueError,
                NotImplementedError,
            ) as exc:
                raise ReadError(source, f"压缩包内部件 {name} 已损坏，无法解压（{exc}）") from exc
            if _has_dtd(data):
                raise ReadError(
                    source,
                    f"文件内部 XML（{name}）含有 DTD/实体声明，可能是 XML 实体扩展攻击（XXE），已拒绝",
                )
            if kind == "xlsx" and name.startswith("xl/worksheets/"):
                cells += len(_CELL.findall(data))
                if cells > limits.MAX_SHEET_CELLS:
                    raise ReadError(
                        source,
                        f"工作表过大（超过 {limits.MAX_SHEET_CELLS} 个单元格），已拒绝；请只保留自评表所在的工作表",
                    )
                if b"mergeCell" in data:
                    merges[name] = tuple(m.decode("ascii").upper() for m in _MERGE.findall(data))
                if not no_values and b"<f" in data:
                    no_values = _FORMULA_WITHOUT_VALUE.search(data) is not None
                if b"hidden=" in data:
                    hidden_rows[name], hidden_cols[name] = _hidden(data)
        return Package(names, kind, cells, no_values, merges, hidden_rows, hidden_cols)


def _hidden(sheet: bytes) -> tuple[frozenset[int], frozenset[int]]:
    """The hidden rows and columns (1-based) a worksheet's XML declares."""
    rows: set[int] = set()
    cols: set[int] = set()
    for m in _ROW.finditer(sheet):
        tag = m.group(0)
        if _HIDDEN.search(tag) and (r := _ATTR[b"r"].search(tag)):
            rows.add(int(r.group(1)))
    for m in _COL.finditer(sheet):
        tag = m.group(0)
        lo, hi = _ATTR[b"min"].search(tag), _ATTR[b"max"].search(tag)
        if _HIDDEN.search(tag) and lo and hi:
            first, last = int(lo.group(1)), int(hi.group(1))
            cols.update(range(first, min(last, first + limits.MAX_SHEET_COLS) + 1))
    return frozenset(rows), frozenset(cols)


def _has_dtd(data: bytes) -> bool:
    if _DTD.search(data[:4096]) or (b"<!" in data and _DTD.search(data)):
        return True
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] in (b"<\x00?\x00", b"\x00<\x00?"):
        return any(marker in data for marker in _DTD_UTF16)
    return False


@dataclass(frozen=True, slots=True)
class Compound:
    """Stream names of an OLE compound file."""

    streams: frozenset[str]
    kind: str  # "xls" / "doc" / "encrypted" / "other"
    word_encrypted: bool = False


def inspect_ole(path: Path) -> Compound:
    """Read the directory of an OLE compound file (.doc/.xls/.wps/.et, encrypted OOXML)."""
    from xlrd.compdoc import CompDoc

    source = str(path)
    data = path.read_bytes()
    try:
        doc = CompDoc(data, logfile=_NullLog())
    except Exception as exc:  # CompDocError, IndexError, struct.error …: any parse failure
        raise ReadError(source, f"OLE 复合文档结构已损坏，无法打开（{exc}）") from exc
    streams = frozenset(d.name for d in doc.dirlist if d.etype == 2)
    lowered = {s.lower() for s in streams}
    if "encryptedpackage" in lowered or "encryptioninfo" in lowered:
        return Compound(streams, "encrypted")
    if "workbook" in lowered or "book" in lowered:
        return Compound(streams, "xls")
    if "worddocument" in lowered:
        encrypted = False
        try:
            wd = doc.get_named_stream("WordDocument")
            if wd is not None and len(wd) > 0x0B:
                encrypted = bool(wd[0x0B] & 0x01)  # FIB flags: fEncrypted
        except Exception:  # a damaged stream is judged later by LibreOffice
            encrypted = False
        return Compound(streams, "doc", encrypted)
    return Compound(streams, "other")


class _NullLog:
    def write(self, _: str) -> None:
        pass
