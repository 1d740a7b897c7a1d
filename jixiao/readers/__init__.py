"""Readers: a file → a neutral :class:`~jixiao.document.Document` → an :class:`Evaluation`.

``read_path`` checks the file (exists, not empty, not too large, not binary garbage),
picks the reader by content and extension, and hands the document to the one extraction
layer (:mod:`jixiao.extract`). Every failure is a :class:`ReadError` in Chinese naming
the file; nothing else escapes.
"""

from __future__ import annotations

import re
from pathlib import Path

from jixiao.document import Document
from jixiao.errors import ReadError
from jixiao.model import Evaluation

MAX_TEXT_BYTES = 20 * 1024 * 1024  # a self-evaluation in plain text is far below this
MAX_OFFICE_BYTES = 50 * 1024 * 1024  # compressed size of an office file / PDF

TEXT_SUFFIXES = {".txt", ".text", ".csv", ".tsv", ".md", ".htm", ".html", ""}
OFFICE_SUFFIXES = {
    ".docx",
    ".docm",
    ".dotx",
    ".xlsx",
    ".xlsm",
    ".xls",
    ".doc",
    ".dot",
    ".wps",
    ".wpt",
    ".et",
    ".rtf",
    ".odt",
    ".ods",
    ".pdf",
}
JSON_SUFFIXES = {".json"}


def read_path(path: Path) -> Evaluation:
    """Read any supported file into an Evaluation (raises ReadError)."""
    if path.suffix.lower() in JSON_SUFFIXES:
        _checked_size(path)
        return _read_json(path)
    return extract_document(load_document(path))


def load_document(path: Path) -> Document:
    """Any supported file but JSON → the neutral Document (raises ReadError): the one place
    that refuses missing, empty, oversized and undecodable files, for every kind of table."""
    source = str(path)
    size = _checked_size(path)
    if path.suffix.lower() in OFFICE_SUFFIXES or _looks_like_office(_head(path)):
        if size > MAX_OFFICE_BYTES:
            raise ReadError(
                source,
                f"文件过大（{size // 1024 // 1024} MB，上限 {MAX_OFFICE_BYTES // 1024 // 1024} MB）",
            )
        return read_office_document(path)
    if size > MAX_TEXT_BYTES:
        raise ReadError(
            source,
            f"文本文件过大（{size // 1024 // 1024} MB，上限 {MAX_TEXT_BYTES // 1024 // 1024} MB）",
        )
    return _text_document(decode_text(path.read_bytes(), source), source)


def _checked_size(path: Path) -> int:
    """The size of a file that exists, is a file and is not empty (else ReadError)."""
    source = str(path)
    if not path.exists():
        raise ReadError(source, "文件不存在")
    if path.is_dir():
        raise ReadError(source, "这是一个文件夹，不是文件（批量处理请用 jixiao batch）")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(source, f"无法读取文件：{exc.strerror or exc}") from exc
    if size == 0:
        raise ReadError(source, "文件是空的")
    return size


def _text_document(text: str, source: str) -> Document:
    from jixiao.readers.text import parse_text

    if not text.strip():
        raise ReadError(source, "文件是空的（只有空白）")
    return parse_text(text, source)


def read_string(text: str, source: str = "<文本>") -> Evaluation:
    """Read plain text in any layout (tabbed, pipe, spaced, vertical, run-together, prose)."""
    return extract_document(_text_document(text, source))


def extract_document(document: Document) -> Evaluation:
    """The one extraction layer: labels in cells and paragraphs → the model, whose numbers
    are then held to :mod:`jixiao.bounds`. A figure read out of bounds (a score of 202010100
    cut from run-together text) is not a figure the form printed for that field: it is left
    blank with a reading note naming the field, and the rest of the document stays read."""
    from jixiao.bounds import may_violate, violations
    from jixiao.extract import extract
    from jixiao.serialize import to_dict

    evaluation = extract(document)
    if not may_violate(evaluation):  # nearly every document: no dict built
        return evaluation
    data = to_dict(evaluation)
    if found := violations(data):
        evaluation = _without(data, found)
    return evaluation


def _without(data: dict, found: list) -> Evaluation:  # type: ignore[type-arg]
    """The evaluation with each out-of-bounds value blanked (overlong text cut) and noted."""
    from jixiao.bounds import MAX_TEXT
    from jixiao.serialize import from_dict

    notes = list(data.get("notes") or [])
    for v in found:
        *parents, last = v.path
        holder = data
        for key in parents:
            holder = holder[key]
        if isinstance(holder[last], str):
            holder[last] = holder[last][:MAX_TEXT]
            notes.append(f"{v.place}：{v.message}，只保留前 {MAX_TEXT} 字")
        else:
            holder[last] = None
            notes.append(f"{v.place}：读到的数值{v.message}，不像表中印出的数，已留空")
    data["notes"] = notes
    return from_dict(data)


def read_office_document(path: Path) -> Document:
    """An office file or PDF → Document (see :mod:`jixiao.readers.office`)."""
    try:
        from jixiao.readers.office import read_office, repair_ocr_cells
    except ImportError as exc:  # pragma: no cover - only while the office readers are absent
        raise ReadError(str(path), "暂不支持此文件格式") from exc
    return repair_ocr_cells(read_office(path))


def decode_text(data: bytes, source: str) -> str:
    """Bytes of a text file → str: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030.

    Binary data (NUL bytes, undecodable) is refused with a ReadError.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReadError(source, "UTF-16 文本无法解码，文件可能已损坏") from exc
    if b"\x00" in data[:65536]:
        raise ReadError(
            source, "这是二进制文件，不是文本（如为 Word/Excel/PDF，请使用正确的扩展名）"
        )
    data = _drop_cut_utf8_tail(data)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_control(text):
            break
        return text
    raise ReadError(source, "无法识别的文本编码或二进制内容（支持 UTF-8、GBK/GB18030、UTF-16）")


def _drop_cut_utf8_tail(data: bytes) -> bytes:
    """A file cut in the middle of a UTF-8 character (a truncated download) loses that
    character only: drop an incomplete multi-byte sequence at the very end."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start]
    return data


def _mostly_control(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    bad = len(_CONTROL_OR_PRIVATE.findall(sample))
    return bad / len(sample) > 0.05


# control characters other than tab, line feed, vertical tab, form feed and carriage return,
# and the private use area (what binary data decoded as text is full of)
_CONTROL_OR_PRIVATE = re.compile("[\x00-\x08\x0e-\x1f\ue000-\uf8ff]")


def _head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(8)


def _looks_like_office(head: bytes) -> bool:
    return head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF", b"{\\rtf"))


def _read_json(path: Path) -> Evaluation:
    from jixiao.bounds import OutOfBounds
    from jixiao.serialize import from_dict, loads

    source = str(path)
    try:
        data = loads(path.read_text(encoding="utf-8-sig"))
        return from_dict(data)
    except OutOfBounds as exc:
        raise ReadError(source, str(exc)) from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise ReadError(source, f"不是有效的 jixiao JSON：{exc}") from exc
