"""The journal: one JSON line per reviewed file, appended as results arrive.

It is the batch's only state. Outputs are rebuilt from it (at the end, or after Ctrl-C),
and a second run reads it to skip files already reviewed (same sha256, same profile).
A line cut short by an interruption is dropped when the journal is reopened.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from jixiao.batch.record import FileRecord, Status
from jixiao.serialize import dump_value, loads

JOURNAL_NAME = "journal.jsonl"
SYNC_EVERY = 200  # fsync after this many records (flush after each)


class Journal:
    """Append-only JSON-lines file of :class:`FileRecord`."""

    def __init__(self, outdir: Path) -> None:
        self.path = outdir / JOURNAL_NAME
        self._fh: IO[str] | None = None
        self._unsynced = 0

    # -- writing ------------------------------------------------------------------------

    def __enter__(self) -> Journal:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _drop_partial_tail(self.path)
        self._fh = self.path.open("a", encoding="utf-8")
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def append(self, record: FileRecord) -> None:
        assert self._fh is not None, "journal not open"
        self._fh.write(dump_value(record.to_json(), indent=None) + "\n")
        self._fh.flush()
        self._unsynced += 1
        if self._unsynced >= SYNC_EVERY:
            os.fsync(self._fh.fileno())
            self._unsynced = 0

    def close(self) -> None:
        if self._fh is not None:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()
            self._fh = None

    # -- reading ------------------------------------------------------------------------

    def done_hashes(self, profile: str) -> frozenset[str]:
        """Contents already reviewed with this profile (failures are retried)."""
        done = set()
        for _, record in self._scan():
            if record.sha256 and record.profile == profile and record.status != Status.FAILED:
                done.add(record.sha256)
        return frozenset(done)

    def latest(self) -> Iterator[FileRecord]:
        """The last record of every path, sorted by path; read lazily (memory stays flat)."""
        offsets: dict[str, int] = {}
        for offset, record in self._scan():
            offsets[record.path] = offset
        if not offsets:
            return
        with self.path.open("rb") as fh:
            for path in sorted(offsets):
                fh.seek(offsets[path])
                latest = _parse(fh.readline())
                if latest is not None:
                    yield latest

    def _scan(self) -> Iterator[tuple[int, FileRecord]]:
        if not self.path.exists():
            return
        with self.path.open("rb") as fh:
            offset = 0
            for line in fh:
                record = _parse(line)
                if record is not None:
                    yield offset, record
                offset += len(line)


def _parse(line: bytes) -> FileRecord | None:
    if not line.endswith(b"\n"):
        return None  # cut short by an interruption
    try:
        return FileRecord.from_json(loads(line.decode("utf-8")))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None


def _drop_partial_tail(path: Path) -> None:
    """Cut a last line that an interruption left without its newline."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb+") as fh:
        fh.seek(-1, os.SEEK_END)
        if fh.read(1) == b"\n":
            return
        size = fh.seek(0, os.SEEK_END)
        step = 65536
        pos = size
        while pos > 0:
            start = max(0, pos - step)
            fh.seek(start)
            block = fh.read(pos - start)
            cut = block.rfind(b"\n")
            if cut >= 0:
                fh.truncate(start + cut + 1)
                return
            pos = start
        fh.truncate(0)
