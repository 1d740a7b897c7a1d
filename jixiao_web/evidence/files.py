"""What an evidence file may be: PDF, images and Office documents, within a size limit, whose
content is what its name says, and which passes the same hostile-file checks as an import
(zip bombs and XML entities in .docx/.xlsx, the OLE directory of .doc/.xls:
``jixiao.readers.office.safety``)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import IO

from jixiao.errors import ReadError

# suffix → (kind, what the first bytes must be)
KINDS: dict[str, tuple[str, tuple[bytes, ...]]] = {
    ".pdf": ("pdf", (b"%PDF-",)),
    ".png": ("image", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image", (b"\xff\xd8\xff",)),
    ".jpeg": ("image", (b"\xff\xd8\xff",)),
    ".gif": ("image", (b"GIF87a", b"GIF89a")),
    ".docx": ("office", (b"PK\x03\x04",)),
    ".xlsx": ("office", (b"PK\x03\x04",)),
    ".pptx": ("office", (b"PK\x03\x04",)),
    ".doc": ("office", (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)),
    ".xls": ("office", (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)),
    ".wps": ("office", (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)),
    ".et": ("office", (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)),
}
CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
}
# the part a genuine OOXML package of each kind has
_OOXML_PART = {".docx": "word/", ".xlsx": "xl/", ".pptx": "ppt/"}
MAX_IMAGE_PIXELS = 60_000_000  # a 7,000 × 8,000 scan; more is a decompression bomb


class Refused(ValueError):
    """The file is not accepted; the message (Chinese) names the file and the problem."""


def check(name: str, size: int, chunks: IO[bytes], limit: int) -> str:
    """The file's kind ("pdf", "image", "office") or :class:`Refused`. ``chunks`` is read from
    the start; the caller rewinds it."""
    suffix = Path(name).suffix.lower()
    if suffix not in KINDS:
        allowed = "、".join(KINDS)
        raise Refused(
            f"{name}：不支持的文件类型“{suffix or '无扩展名'}”，佐证材料可以是：{allowed}"
        )
    if size == 0:
        raise Refused(f"{name}：文件是空的")
    if size > limit:
        raise Refused(
            f"{name}：文件过大（{size // 1024 // 1024} MB，上限 {limit // 1024 // 1024} MB）"
        )
    kind, magics = KINDS[suffix]
    head = chunks.read(16)
    if not any(head.startswith(m) for m in magics):
        raise Refused(f"{name}：文件内容与扩展名“{suffix}”不符（可能已损坏或被改名），已拒绝")
    if kind == "office" or kind == "image":
        chunks.seek(0)
        with tempfile.NamedTemporaryFile(suffix=suffix) as tmp:
            for block in iter(lambda: chunks.read(1 << 20), b""):
                tmp.write(block)
            tmp.flush()
            _deep_check(Path(tmp.name), name, suffix)
    return kind


def _deep_check(path: Path, name: str, suffix: str) -> None:
    from jixiao.readers.office.safety import inspect_ole, inspect_zip

    try:
        if suffix in _OOXML_PART:
            package = inspect_zip(path)
            if not any(n.startswith(_OOXML_PART[suffix]) for n in package.names):
                raise Refused(f"{name}：不是有效的 {suffix} 文件（缺少文档内容），已拒绝")
        elif suffix in (".doc", ".xls", ".wps", ".et"):
            compound = inspect_ole(path)
            if compound.kind == "encrypted":
                raise Refused(f"{name}：文件有密码保护，审核人无法打开，请去掉密码后再上传")
        else:
            _check_image(path, name)
    except ReadError as exc:
        raise Refused(f"{name}：{getattr(exc, 'message', exc)}") from exc


def _check_image(path: Path, name: str) -> None:
    from PIL import Image

    try:
        with Image.open(path) as img:
            width, height = img.size
            if width * height > MAX_IMAGE_PIXELS:
                raise Refused(f"{name}：图片像素过多（{width}×{height}），疑似恶意文件，已拒绝")
            img.verify()
    except Refused:
        raise
    except Exception as exc:  # PIL raises many kinds for a broken image
        raise Refused(f"{name}：图片已损坏，无法打开（{type(exc).__name__}）") from exc
