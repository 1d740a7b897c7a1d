"""Backup and restore of the whole web application: one zip archive holding the database
(``data.json``, Django's dumpdata) and every stored file (imported uploads, and the media
files of any app that keeps files through Django's storage, e.g. evidence).

A restore validates the whole archive before it touches anything, replaces the data in one
transaction, and leaves the database exactly as it was on any failure. Files are written only
after the data is committed, never over an existing file, and only under their own folder.
Plain JSON backups of earlier versions (data only) are still accepted.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from jixiao_web import files

DATA = "data.json"
EXCLUDED = ["contenttypes", "auth.permission", "sessions"]  # rebuilt by migrate / transient
_MEMBER = re.compile(r"(uploads|media|evidence)/([^/\\]+(?:/[^/\\]+)*)")


class BackupError(Exception):
    """A backup cannot be made or restored: the message (Chinese) says why."""


@dataclass
class Summary:
    objects: int = 0
    files: int = 0
    bytes: int = 0
    missing: list[str] = field(default_factory=list)  # uploads recorded but not on disk
    skipped: list[str] = field(default_factory=list)  # files of the archive not restored


def file_roots() -> dict[str, Path]:
    """The folders whose files belong in a backup, by their name inside the archive."""
    from django.conf import settings
    from django.core.files.storage import FileSystemStorage, storages

    roots = {"uploads": Path(settings.UPLOAD_DIR)}
    media = getattr(settings, "MEDIA_ROOT", "")
    if media:
        roots["media"] = Path(media)
    if "evidence" in settings.STORAGES:
        evidence = storages["evidence"]
        if isinstance(evidence, FileSystemStorage):  # shared storage is backed up by its owner
            roots["evidence"] = Path(evidence.location)
    return roots


def make(target: Path) -> Summary:
    """Write the archive to ``target`` (which must not exist)."""
    from django.core.management import call_command

    from jixiao_web.evaluations.models import Upload

    out = io.StringIO()
    call_command("dumpdata", exclude=EXCLUDED, natural_foreign=True, indent=1, stdout=out)
    data = out.getvalue()
    summary = Summary(objects=len(json.loads(data)))
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "x", zipfile.ZIP_DEFLATED) as z:
        z.writestr(DATA, data)
        for name, root in file_roots().items():
            if not root.is_dir():
                continue
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                z.write(path, f"{name}/{path.relative_to(root).as_posix()}")
                summary.files += 1
                summary.bytes += path.stat().st_size
    partial.rename(target)
    uploads = file_roots()["uploads"]
    summary.missing = [
        f"{u.name}（{u.stored}）"
        for u in Upload.objects.all()
        if not (uploads / u.stored).is_file()
    ]
    return summary


@dataclass
class Archive:
    data: str  # the dumpdata JSON
    files: dict[str, bytes]  # "uploads/<name>" → content


def read(path: Path) -> Archive:
    """The archive (or an older plain-JSON backup), wholly read and checked: JSON that
    parses to a list of records, and file names that stay inside their folder."""
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as z:
                names = z.namelist()
                if DATA not in names:
                    raise BackupError(f"{path}: 不是 jixiao 备份（缺少 {DATA}）")
                data = z.read(DATA).decode("utf-8")
                files = {}
                for name in names:
                    if name == DATA or name.endswith("/"):
                        continue
                    if not _MEMBER.fullmatch(name) or ".." in name.split("/"):
                        raise BackupError(f"{path}: 备份中有不允许的文件路径：{name}")
                    files[name] = z.read(name)
        else:
            data = path.read_text(encoding="utf-8-sig")
            files = {}
    except (zipfile.BadZipFile, EOFError, OSError, UnicodeDecodeError, KeyError) as exc:
        raise BackupError(f"{path}: 备份文件已损坏或不完整（{exc}）") from exc
    try:
        records = json.loads(data)
    except ValueError as exc:
        raise BackupError(
            f"{path}: 备份文件已损坏或不完整（JSON 第 {getattr(exc, 'lineno', '?')} 行）"
        ) from exc
    if not isinstance(records, list) or not all(
        isinstance(r, dict) and "model" in r and "fields" in r for r in records
    ):
        raise BackupError(f"{path}: 不是 jixiao 备份（应为 dumpdata 记录的列表）")
    if not records:  # loaddata would only warn (RuntimeWarning) and do nothing
        raise BackupError(f"{path}: 备份文件中没有任何数据，未恢复")
    return Archive(data, files)


def restore(archive: Archive, *, replace: bool) -> Summary:
    """Load the archive in one transaction (first emptying the database when ``replace``);
    any failure leaves the database as it was. Then write the files that are not there yet."""
    from django.core.management import call_command
    from django.db import transaction

    with tempfile.TemporaryDirectory() as tmp:
        fixture = Path(tmp) / "jixiao-backup.json"
        fixture.write_text(archive.data, encoding="utf-8")
        try:
            with transaction.atomic():
                if replace:
                    call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", str(fixture), verbosity=0)
        except Exception as exc:  # bad record, broken reference: nothing was changed
            message = str(exc).replace(str(fixture), "备份").strip()
            raise BackupError(f"恢复失败，数据库保持原样：{message[:500]}") from exc
    summary = Summary(objects=len(json.loads(archive.data)))
    roots = file_roots()
    for name, content in archive.files.items():
        folder, _, rest = name.partition("/")
        target = roots[folder] / rest if folder in roots else None
        if target is None or target.exists():  # no such folder here, or already there
            summary.skipped.append(name)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        with files.open_private(target) as out:
            out.write(content)
        summary.files += 1
        summary.bytes += len(content)
    return summary
