"""The outputs read a short journal once and keep its records: the same records, and the
same outputs, as reading it twice line by line."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.batch import build_outputs
from jixiao.batch.journal import Journal
from jixiao.batch.record import FileRecord, FindingRow, Status


def _rec(path: str, errors: int, score: str | None = None) -> FileRecord:
    findings = tuple(
        FindingRow(
            "JX-A001", "error", f"{path} 合计数与分项之和不符 {i}", f"{path}:{i + 3}", "10", "9"
        )
        for i in range(errors)
    )
    return FileRecord(
        path,
        f"{abs(hash(path)):064x}"[:64],
        Status.OK,
        unit=f"{path[:2]}单位",
        kind="project",
        year=2023,
        budget=Decimal("100.00"),
        actual=Decimal("95.5"),
        rate=Decimal("95.50"),
        computed_score=Decimal(score) if score else None,
        errors=errors,
        findings=findings,
        check_file=f"checks/{path}.check.txt",
    )


def _journal(out: Path) -> None:
    """Paths out of order, one path reviewed twice, a line cut short, lines that are JSON
    but no record (one of them a path's last line), a line that is no JSON."""
    with Journal(out) as j:
        j.append(_rec("乙.txt", 1, "80"))
        j.append(_rec("甲.txt", 2, "70"))
        j.append(_rec("乙.txt", 0, "90"))  # reviewed again: this one counts
        j.append(_rec("丙.txt", 0))
        j.append(_rec("丁.txt", 3, "60"))
    with (out / "journal.jsonl").open("a", encoding="utf-8") as fh:
        fh.write('{"path": "丙.txt", "status": "no such status"}\n')  # 丙's last line: no record
        fh.write('{"path": "戊.txt", "budget": NaN}\n')  # JSON to some parsers only
        fh.write("[1, 2]\n")
        fh.write("not json\n")
        fh.write('{"path": "己.txt", "sha256": "')  # cut short


def test_records_read_once_are_the_records_read_lazily(tmp_path: Path) -> None:
    _journal(tmp_path)
    journal = Journal(tmp_path)
    kept = journal.latest_records()
    assert kept == list(journal.latest())
    assert [r.path for r in kept] == ["丁.txt", "乙.txt", "甲.txt"]
    assert kept[1].computed_score == Decimal("90")
    assert journal.latest_records(max_bytes=10) is None  # too long: read lazily
    assert Journal(tmp_path / "none").latest_records() == []


def _xlsx_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if not n.startswith("docProps/")}


def test_outputs_are_the_same_from_kept_and_from_streamed_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    once, twice = tmp_path / "once", tmp_path / "twice"
    for out in (once, twice):
        _journal(out)
    build_outputs(once, "cz2020-10", report=False)
    original = Journal.latest_records
    monkeypatch.setattr(Journal, "latest_records", lambda self, max_bytes=0: original(self, 0))
    build_outputs(twice, "cz2020-10", report=False)
    assert (once / "findings.json").read_bytes() == (twice / "findings.json").read_bytes()
    assert b"\xe4\xb9\x99.txt" in (once / "findings.json").read_bytes()  # 乙
    assert _xlsx_parts(once / "summary.xlsx") == _xlsx_parts(twice / "summary.xlsx")
