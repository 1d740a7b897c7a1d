"""``findings.json``: every file's record (summary values and findings), written as a stream."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from jixiao.batch.record import FileRecord
from jixiao.serialize import dump_value

FINDINGS_FORMAT = "jixiao-batch/1"


class FindingsWriter:
    """Writes ``{"format": …, "files": [record, …]}`` one record at a time."""

    def __init__(self, path: Path, profile: str) -> None:
        self.path = path
        self.tmp = path.with_name(path.name + ".tmp")
        self.profile = profile
        self._fh: IO[str] | None = None
        self._first = True

    def __enter__(self) -> FindingsWriter:
        self._fh = self.tmp.open("w", encoding="utf-8")
        profile = dump_value(self.profile or None)
        self._fh.write(
            f'{{\n  "format": "{FINDINGS_FORMAT}",\n  "profile": {profile},\n  "files": ['
        )
        return self

    def write(self, record: FileRecord) -> None:
        assert self._fh is not None
        self._fh.write(
            ("\n    " if self._first else ",\n    ") + dump_value(record.to_json(), indent=None)
        )
        self._first = False

    def __exit__(self, exc_type: object, *rest: object) -> None:
        assert self._fh is not None
        self._fh.write("\n  ]\n}\n")
        self._fh.close()
        if exc_type is None:
            self.tmp.replace(self.path)
        else:
            self.tmp.unlink(missing_ok=True)


def tee(records: Iterable[FileRecord], writer: FindingsWriter) -> Iterator[FileRecord]:
    for record in records:
        writer.write(record)
        yield record
