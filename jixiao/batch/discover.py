"""Find the files to review below the inputs (folders, single files, .zip archives)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from jixiao.batch.archive import JUNK_PARTS, Refusal, extract_once

TEXT_SUFFIXES = {".txt", ".text", ".csv", ".tsv", ".md", ".htm", ".html"}
OFFICE_SUFFIXES = {".docx", ".xlsx", ".xlsm", ".xls", ".doc", ".wps", ".et", ".pdf"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | OFFICE_SUFFIXES | {".json"}
# Files a unit may well submit that jixiao cannot read: listed as unreadable, with the reason.
UNSUPPORTED_HINTS = {
    ".jpg": "图片",
    ".jpeg": "图片",
    ".png": "图片",
    ".tif": "图片",
    ".tiff": "图片",
    ".bmp": "图片",
    ".ofd": "OFD 版式文件",
    ".rar": "RAR 压缩包",
    ".7z": "7z 压缩包",
    ".pptx": "演示文稿",
    ".ppt": "演示文稿",
}


@dataclass(frozen=True, slots=True)
class WorkItem:
    """A file to process: where it is on disk and how the reviewer knows it."""

    real: str
    display: str


def is_junk(name: str) -> bool:
    """Lock files, hidden files and system litter (never submissions)."""
    return name in JUNK_PARTS or name.startswith((".", "~$"))


def discover(inputs: list[Path], outdir: Path) -> Iterator[WorkItem | Refusal]:
    """Yield every file to process and every file refused, in a stable order."""
    extract_root = outdir / ".extracted"
    outdir_resolved = outdir.resolve()
    shown_roots: set[str] = set()
    for given in inputs:
        if not given.exists():
            yield Refusal(str(given), "文件或文件夹不存在")
            continue
        root_name = _unique(given.resolve().name or str(given), shown_roots)
        if given.is_file():
            yield from _one_file(given, root_name, extract_root)
            continue
        for dirpath, dirnames, filenames in os.walk(given):
            here = Path(dirpath)
            if here.resolve() == outdir_resolved or outdir_resolved in here.resolve().parents:
                dirnames[:] = []
                continue
            dirnames[:] = sorted(d for d in dirnames if not is_junk(d))
            for name in sorted(filenames):
                if is_junk(name):
                    continue
                path = here / name
                rel = path.relative_to(given).as_posix()
                yield from _one_file(path, f"{root_name}/{rel}", extract_root, walked=True)


def _one_file(
    path: Path, display: str, extract_root: Path, walked: bool = False
) -> Iterator[WorkItem | Refusal]:
    suffix = path.suffix.lower()
    if suffix == ".zip":
        digest = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:12]
        target = extract_root / f"{path.stem[:40]}-{digest}"
        extracted = extract_once(path, display, target)
        for real, shown in sorted(extracted.files, key=lambda pair: pair[1]):
            name = real.name
            if is_junk(name):
                continue
            if real.suffix.lower() in SUPPORTED_SUFFIXES:
                yield WorkItem(str(real), shown)
            elif real.suffix.lower() in UNSUPPORTED_HINTS:
                yield Refusal(shown, _unsupported(real.suffix.lower()))
        yield from extracted.refusals
        return
    if not walked or suffix in SUPPORTED_SUFFIXES:
        yield WorkItem(str(path), display)
    elif suffix in UNSUPPORTED_HINTS:
        yield Refusal(display, _unsupported(suffix))


def _unsupported(suffix: str) -> str:
    what = UNSUPPORTED_HINTS[suffix]
    return f"不支持的文件类型（{suffix}，{what}）：请提交 Word、Excel、PDF 或文本格式的自评材料"


def _unique(name: str, seen: set[str]) -> str:
    candidate, n = name, 2
    while candidate in seen:
        candidate = f"{name}({n})"
        n += 1
    seen.add(candidate)
    return candidate
