"""What the batch keeps of one file: a small, picklable, JSON-able summary.

Workers send a :class:`FileRecord` back instead of the whole :class:`~jixiao.model.Evaluation`,
and the journal stores one record per line, so that memory stays flat however many files a
region submits. Money and rates stay ``Decimal`` (written exactly by simplejson).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """How the processing of one file ended."""

    OK = "ok"  # read, checked and scored
    UNREADABLE = "unreadable"  # ReadError: the reason is for the submitter
    FAILED = "failed"  # an unexpected error in jixiao itself (a defect to report)


STATUS_LABELS = {Status.OK: "已审核", Status.UNREADABLE: "无法读取", Status.FAILED: "处理出错"}
KIND_LABELS = {"department": "部门整体", "project": "项目支出"}
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True, slots=True)
class FindingRow:
    """One finding, flattened to text."""

    code: str
    severity: str  # error / warning / info
    message: str
    location: str = ""
    expected: str = ""
    found: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "location": self.location,
            "expected": self.expected,
            "found": self.found,
        }

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its values (a worker sends every record to the batch's process): the
        dataclass default — a state list built from ``fields()`` and set back field by
        field — costs several times more."""
        return FindingRow, (
            self.code,
            self.severity,
            self.message,
            self.location,
            self.expected,
            self.found,
        )

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> FindingRow:
        return cls(
            str(d.get("code") or ""),
            str(d.get("severity") or "info"),
            str(d.get("message") or ""),
            str(d.get("location") or ""),
            str(d.get("expected") or ""),
            str(d.get("found") or ""),
        )


@dataclass(frozen=True, slots=True)
class TargetRow:
    """An indicator's name and target, kept for the year-on-year comparison."""

    name: str
    operator: str | None  # ≥ > = ≤ < 定性
    number: Decimal | None
    unit: str | None
    text: str

    def to_json(self) -> list[Any]:
        return [self.name, self.operator, self.number, self.unit, self.text]

    def __reduce__(self) -> tuple[Any, ...]:
        return TargetRow, (self.name, self.operator, self.number, self.unit, self.text)

    @classmethod
    def from_json(cls, row: list[Any]) -> TargetRow:
        name, operator, number, unit, text = (list(row) + [None] * 5)[:5]
        return cls(
            str(name or ""),
            operator,
            Decimal(str(number)) if number is not None else None,
            unit,
            str(text or ""),
        )


@dataclass(frozen=True, slots=True)
class FileRecord:
    """The batch's summary of one input file."""

    path: str  # as the reviewer knows it: 材料/甲单位.docx, 汇总.zip!/乙/表.txt
    sha256: str
    status: Status
    reason: str = ""  # why it could not be read (Chinese), for UNREADABLE / FAILED
    profile: str = ""
    kind: str | None = None
    unit: str | None = None
    project: str | None = None
    year: int | None = None
    money_unit: str = "万元"
    budget: Decimal | None = None
    actual: Decimal | None = None
    rate: Decimal | None = None  # execution rate in percent, actual ÷ budget
    printed_score: Decimal | None = None
    computed_score: Decimal | None = None
    grade: str | None = None
    grade_note: str = ""  # why the computed total is not graded (the score sheet's reason)
    printed_rate: Decimal | None = None  # the execution rate the form prints, in percent
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    findings: tuple[FindingRow, ...] = ()
    targets: tuple[TargetRow, ...] = ()
    check_file: str = ""  # relative to the output folder
    seconds: float = 0.0
    layout: str | None = None
    options: str = ""  # Engine.options of the run that reviewed it

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its values in field order, the status as its text (an enum member is
        pickled by a lookup of its own)."""
        values = [getattr(self, name) for name in _RECORD_FIELDS]
        values[_STATUS_AT] = self.status.value
        return _record, tuple(values)

    @property
    def read_ok(self) -> bool:
        return self.status == Status.OK

    @property
    def score(self) -> Decimal | None:
        """The computed score where there is one, else the printed one."""
        return self.computed_score if self.computed_score is not None else self.printed_score

    def main_findings(self, limit: int = 3) -> str:
        """The first findings (errors first), for one cell of the summary."""
        order = {"error": 0, "warning": 1, "info": 2}
        ranked = sorted(self.findings, key=lambda f: order.get(f.severity, 3))
        parts = [f"{f.code} {f.message}" for f in ranked[:limit]]
        if len(ranked) > limit:
            parts.append(f"等共 {len(ranked)} 条")
        return "；".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "status": self.status.value,
            "reason": self.reason,
            "profile": self.profile,
            "kind": self.kind,
            "unit": self.unit,
            "project": self.project,
            "year": self.year,
            "money_unit": self.money_unit,
            "budget": self.budget,
            "actual": self.actual,
            "rate": self.rate,
            "printed_score": self.printed_score,
            "computed_score": self.computed_score,
            "grade": self.grade,
            "grade_note": self.grade_note,
            "printed_rate": self.printed_rate,
            "errors": self.errors,
            "warnings": self.warnings,
            "infos": self.infos,
            "findings": [f.to_json() for f in self.findings],
            "targets": [t.to_json() for t in self.targets],
            "check_file": self.check_file,
            "seconds": round(self.seconds, 4),
            "layout": self.layout,
            "options": self.options,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> FileRecord:
        def dec(key: str) -> Decimal | None:
            value = d.get(key)
            if value is None or isinstance(value, Decimal):  # as parsed (exact): no text round trip
                return value
            return Decimal(str(value))

        year = d.get("year")
        return cls(
            path=str(d["path"]),
            sha256=str(d.get("sha256") or ""),
            status=Status(d.get("status") or "failed"),
            reason=str(d.get("reason") or ""),
            profile=str(d.get("profile") or ""),
            kind=d.get("kind"),
            unit=d.get("unit"),
            project=d.get("project"),
            year=int(year) if year is not None else None,
            money_unit=str(d.get("money_unit") or "万元"),
            budget=dec("budget"),
            actual=dec("actual"),
            rate=dec("rate"),
            printed_score=dec("printed_score"),
            computed_score=dec("computed_score"),
            grade=d.get("grade"),
            grade_note=str(d.get("grade_note") or ""),
            printed_rate=dec("printed_rate"),
            errors=int(d.get("errors") or 0),
            warnings=int(d.get("warnings") or 0),
            infos=int(d.get("infos") or 0),
            findings=tuple(FindingRow.from_json(f) for f in d.get("findings") or ()),
            targets=tuple(TargetRow.from_json(t) for t in d.get("targets") or ()),
            check_file=str(d.get("check_file") or ""),
            seconds=float(d.get("seconds") or 0.0),
            layout=d.get("layout"),
            options=str(d.get("options") or ""),
        )


_RECORD_FIELDS = tuple(f.name for f in fields(FileRecord))
_STATUS_AT = _RECORD_FIELDS.index("status")


def _record(*values: Any) -> FileRecord:
    """A record from its pickled values (:meth:`FileRecord.__reduce__`)."""
    fields_ = list(values)
    fields_[_STATUS_AT] = Status(fields_[_STATUS_AT])
    return FileRecord(*fields_)


@dataclass(slots=True)
class Counts:
    """Running totals for the closing line."""

    files: int = 0
    read: int = 0
    unreadable: int = 0
    failed: int = 0
    skipped: int = 0  # already done in an earlier run (same content)
    errors: int = 0
    warnings: int = 0

    def add(self, record: FileRecord) -> None:
        self.files += 1
        if record.status == Status.OK:
            self.read += 1
        elif record.status == Status.UNREADABLE:
            self.unreadable += 1
        else:
            self.failed += 1
        self.errors += record.errors
        self.warnings += record.warnings
