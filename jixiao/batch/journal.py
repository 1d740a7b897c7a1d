"""The journal: one JSON line per reviewed file, appended as results arrive.

It is the batch's only state. Outputs are rebuilt from it (at the end, or after Ctrl-C),
and a second run reads it to skip files already reviewed (same sha256, same profile, same
other options: the lifecycle tables given).
A line cut short by an interruption is dropped when the journal is reopened.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from jixiao.batch.record import FileRecord, Status
from jixiao.serialize import dump_value, loads

JOURNAL_NAME = "journal.jsonl"
SYNC_EVERY = 200  # fsync after this many records (flush after each)
# A journal up to this size is read once for the outputs and its records kept (about 6,000
# files' records: some tens of MB); a longer one is read line by line, twice.
KEEP_BYTES = 8 * 1024 * 1024


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

    def done(self, profile: str, options: str = "") -> Done:
        """Contents already reviewed with this profile and these options (failures are
        retried), and the paths recorded for them."""
        # the last record of each content at each path decides: a file reviewed with the
        # tables, then without them, is not taken for done when the tables are given again
        last: dict[tuple[str, str], tuple[int, bool]] = {}
        for offset, record in self._scan():
            if record.sha256:
                last[(record.sha256, record.path)] = (
                    offset,
                    record.profile == profile
                    and record.options == options
                    and record.status != Status.FAILED,
                )
        offsets: dict[str, int] = {}
        paths: set[tuple[str, str]] = set()
        for (sha, path), (offset, same) in last.items():
            if same:
                offsets[sha] = offset
                paths.add((sha, path))
        return Done(self.path, offsets, paths)

    def done_hashes(self, profile: str, options: str = "") -> frozenset[str]:
        return frozenset(self.done(profile, options).offsets)

    def latest(self) -> Iterator[FileRecord]:
        """The last record of every path, sorted by path; read lazily (memory stays flat)."""
        return self.read_at(self.latest_offsets())

    def latest_records(self, max_bytes: int = KEEP_BYTES) -> list[FileRecord] | None:
        """The records :meth:`latest` yields, read in one pass and kept in memory — or None
        when the journal is longer than ``max_bytes`` (then read it lazily, twice if need be).

        A path's last line decides, as in :meth:`latest_offsets`: when that line is whole
        JSON naming its path but no record, the path has no record (not an earlier one)."""
        try:
            if self.path.stat().st_size > max_bytes:
                return None
        except FileNotFoundError:
            return []
        last: dict[str, FileRecord | None] = {}
        with self.path.open("rb") as fh:
            for line in fh:
                if not line.endswith(b"\n"):
                    continue  # cut short by an interruption
                try:
                    data = loads(line.decode("utf-8"))
                except (ValueError, UnicodeDecodeError):
                    data = None
                path = data.get("path") if isinstance(data, dict) else _path_of(line)
                if not isinstance(path, str):
                    continue
                try:
                    last[path] = FileRecord.from_json(data)  # type: ignore[arg-type]
                except (ValueError, KeyError, TypeError, AttributeError):
                    last[path] = None
        return [record for _, record in sorted(last.items()) if record is not None]

    def latest_offsets(self) -> list[int]:
        """Where the last record of every path starts, in the order of the paths: read once,
        then :meth:`read_at` as often as needed. Only each line's path is parsed here."""
        offsets: dict[str, int] = {}
        if not self.path.exists():
            return []
        with self.path.open("rb") as fh:
            offset = 0
            for line in fh:
                path = _path_of(line)
                if path is not None:
                    offsets[path] = offset
                offset += len(line)
        return [offsets[path] for path in sorted(offsets)]

    def read_at(self, offsets: list[int]) -> Iterator[FileRecord]:
        """The records that start at ``offsets`` (a line that does not parse is skipped)."""
        if not offsets:
            return
        with self.path.open("rb") as fh:
            for offset in offsets:
                fh.seek(offset)
                record = _parse(fh.readline())
                if record is not None:
                    yield record

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


class Done:
    """What an earlier run reviewed: sha256 → the journal line of its record."""

    def __init__(self, path: Path, offsets: dict[str, int], paths: set[tuple[str, str]]) -> None:
        self.path = path
        self.offsets = offsets
        self.paths = paths

    @property
    def hashes(self) -> frozenset[str]:
        return frozenset(self.offsets)

    def known(self, sha: str, path: str) -> bool:
        return (sha, path) in self.paths

    def record(self, sha: str) -> FileRecord | None:
        offset = self.offsets.get(sha)
        if offset is None:
            return None
        with self.path.open("rb") as fh:
            fh.seek(offset)
            return _parse(fh.readline())


def _path_of(line: bytes) -> str | None:
    """The ``path`` of a complete journal line (the standard library's parser: numbers are
    not needed here, only the line's validity and its path)."""
    if not line.endswith(b"\n"):
        return None
    try:
        path = json.loads(line)["path"]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return None
    return path if isinstance(path, str) else None


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
