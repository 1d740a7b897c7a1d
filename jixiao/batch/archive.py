"""Safe extraction of .zip submissions.

A bureau receives archives made on Windows (file names in GBK without the UTF-8 flag),
archives with folders inside, and occasionally hostile ones. Every entry is checked before
a byte is written: no absolute paths, no ``..`` (zip-slip), no links or devices, limits on
the number of entries, on the unpacked size and on the compression ratio (zip bombs).
Refused entries are reported, never silently dropped.
"""

from __future__ import annotations

import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

MAX_ENTRIES = 20_000
MAX_TOTAL_BYTES = 2 * 1024**3  # unpacked size of one archive (nested ones included)
MAX_ENTRY_BYTES = 200 * 1024**2
MAX_RATIO = 200  # unpacked ÷ packed, for entries above RATIO_FLOOR
RATIO_FLOOR = 1024**2
MAX_DEPTH = 3  # archives inside archives
CHUNK = 1024 * 1024

JUNK_PARTS = {"__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini"}


@dataclass(frozen=True, slots=True)
class Refusal:
    """An entry (or a whole archive) that was not extracted, and why (in Chinese)."""

    display: str
    reason: str


@dataclass(slots=True)
class Extracted:
    """What came out of an archive: (real path, display path) pairs and refusals."""

    files: list[tuple[Path, str]] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)


MARKER = ".jixiao-extracted.json"


def extract_once(archive: Path, display: str, target: Path) -> Extracted:
    """Extract unless the same archive (size, modification time) was extracted there before:
    a second run of the batch does not unpack a large archive again."""
    import json

    stat_ = archive.stat()
    stamp = f"{stat_.st_size}:{stat_.st_mtime_ns}:{display}"
    marker = target / MARKER
    try:
        saved = json.loads(marker.read_text(encoding="utf-8"))
        if saved.get("stamp") == stamp:
            files = [(target / rel, shown) for rel, shown in saved["files"]]
            if all(real.exists() for real, _ in files):
                return Extracted(files, [Refusal(d, r) for d, r in saved["refusals"]])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    if target.exists():
        import shutil

        shutil.rmtree(target, ignore_errors=True)
    out = extract_zip(archive, display, target)
    record = {
        "stamp": stamp,
        "files": [[real.relative_to(target).as_posix(), shown] for real, shown in out.files],
        "refusals": [[r.display, r.reason] for r in out.refusals],
    }
    target.mkdir(parents=True, exist_ok=True)
    marker.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return out


class _Budget:
    def __init__(self) -> None:
        self.entries = 0
        self.bytes = 0


def entry_name(info: zipfile.ZipInfo) -> str:
    """The entry's name, decoding GBK names written without the UTF-8 flag."""
    name = info.filename
    if info.flag_bits & 0x800:
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return name


def safe_parts(name: str) -> tuple[str, ...] | None:
    """The entry's path components, or None when it would escape the target folder."""
    name = name.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return None
    parts = PurePosixPath(name).parts
    if any(p in ("..", "") for p in parts):
        return None
    return tuple(p for p in parts if p != ".")


def _is_link_or_special(info: zipfile.ZipInfo) -> bool:
    """Unix archives record the file type: anything but a plain file or folder is refused."""
    if info.create_system != 3:
        return False
    kind = stat.S_IFMT(info.external_attr >> 16)
    return bool(kind) and kind not in (stat.S_IFREG, stat.S_IFDIR)


def extract_zip(
    archive: Path, display: str, target: Path, depth: int = 0, budget: _Budget | None = None
) -> Extracted:
    """Extract ``archive`` below ``target``; nested .zip files are opened in turn."""
    budget = budget or _Budget()
    out = Extracted()
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        out.refusals.append(Refusal(display, f"压缩包已损坏或不是 zip 格式：{exc}"))
        return out
    with zf:
        for info in zf.infolist():
            name = entry_name(info)
            shown = f"{display}!/{name}"
            if info.is_dir():
                continue
            parts = safe_parts(name)
            if parts is None:
                out.refusals.append(
                    Refusal(
                        shown, "压缩包条目路径不安全（绝对路径或含“..”，疑似路径穿越），已拒绝解压"
                    )
                )
                continue
            if any(p in JUNK_PARTS or p.startswith("._") for p in parts):
                continue
            if _is_link_or_special(info):
                out.refusals.append(Refusal(shown, "压缩包条目是链接或特殊文件，已拒绝解压"))
                continue
            budget.entries += 1
            if budget.entries > MAX_ENTRIES:
                out.refusals.append(
                    Refusal(display, f"压缩包条目过多（超过 {MAX_ENTRIES} 个），其余条目未解压")
                )
                break
            if info.file_size > MAX_ENTRY_BYTES:
                out.refusals.append(
                    Refusal(shown, f"条目过大（{info.file_size // 1024**2} MB），已拒绝解压")
                )
                continue
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            ):
                out.refusals.append(Refusal(shown, "压缩比异常（疑似“压缩炸弹”），已拒绝解压"))
                continue
            dest = target.joinpath(*parts)
            try:
                written = _copy_limited(zf, info, dest, budget)
            except _TooLarge as exc:
                dest.unlink(missing_ok=True)
                out.refusals.append(Refusal(shown, str(exc)))
                continue
            except (
                zipfile.BadZipFile,
                OSError,
                RuntimeError,
                NotImplementedError,
                EOFError,
            ) as exc:
                dest.unlink(missing_ok=True)
                reason = (
                    "条目已加密，无法解压" if "encrypted" in str(exc) else f"条目无法解压：{exc}"
                )
                out.refusals.append(Refusal(shown, reason))
                continue
            if written and dest.suffix.lower() == ".zip":
                if depth + 1 >= MAX_DEPTH:
                    out.refusals.append(Refusal(shown, f"压缩包嵌套超过 {MAX_DEPTH} 层，未再解压"))
                    continue
                inner = extract_zip(
                    dest, shown, dest.with_name(dest.name + ".d"), depth + 1, budget
                )
                out.files.extend(inner.files)
                out.refusals.extend(inner.refusals)
                continue
            out.files.append((dest, shown))
    return out


class _TooLarge(Exception):
    pass


def _copy_limited(zf: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path, budget: _Budget) -> bool:
    """Stream one entry to disk, stopping at the declared size and the archive budget."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    size = 0
    with zf.open(info) as src, dest.open("wb") as dst:
        while chunk := src.read(CHUNK):
            size += len(chunk)
            budget.bytes += len(chunk)
            if size > info.file_size or size > MAX_ENTRY_BYTES:
                raise _TooLarge("条目实际大小与声明不符（疑似“压缩炸弹”），已拒绝解压")
            if budget.bytes > MAX_TOTAL_BYTES:
                raise _TooLarge(f"压缩包解压后超过 {MAX_TOTAL_BYTES // 1024**3} GB，已停止解压")
            dst.write(chunk)
    return True
