"""Running aggregates over the journal, for the workbook's counts sheet and the report.

Only counters and a few hundred rows are held, whatever the number of files.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.batch.names import normalise_unit
from jixiao.batch.record import FileRecord, Status

SCORE_BANDS = (
    (Decimal(90), "90 分及以上"),
    (Decimal(80), "80–89.99 分"),
    (Decimal(60), "60–79.99 分"),
    (Decimal(0), "60 分以下"),
)
RATE_BANDS = (
    (Decimal("100.005"), "超过 100%"),
    (Decimal(100), "100%"),
    (Decimal(90), "90%–99.99%"),
    (Decimal(60), "60%–89.99%"),
    (Decimal(0), "60% 以下"),
)
GRADES = ("优", "良", "中", "差")
MAX_LISTED = 200


@dataclass(slots=True)
class CodeCount:
    code: str
    severity: str
    message: str  # the first message seen, as an example
    count: int = 0
    files: int = 0


@dataclass(slots=True)
class UnitTotals:
    """One unit's files taken together (a department table and its project tables)."""

    name: str  # as first printed
    files: int = 0
    projects: int = 0
    department_score: Decimal | None = None
    lowest_score: Decimal | None = None
    errors: int = 0
    warnings: int = 0

    def add(self, r: FileRecord) -> None:
        self.files += 1
        self.errors += r.errors
        self.warnings += r.warnings
        if r.kind == "project":
            self.projects += 1
        score = r.score
        if score is not None:
            if r.kind == "department" and self.department_score is None:
                self.department_score = score
            if self.lowest_score is None or score < self.lowest_score:
                self.lowest_score = score

    @property
    def urgency(self) -> tuple[int, Decimal, int]:
        return (
            -self.errors,
            self.lowest_score if self.lowest_score is not None else Decimal(100),
            -self.warnings,
        )


@dataclass(order=True, slots=True)
class Priority:
    """Sort key for “look at these first”: most errors, then lowest score, then most warnings."""

    key: tuple[int, Decimal, int]
    path: str = field(compare=False)
    unit: str = field(compare=False)
    errors: int = field(compare=False)
    warnings: int = field(compare=False)
    score: Decimal | None = field(compare=False)
    printed: Decimal | None = field(compare=False)
    grade: str | None = field(compare=False)
    main: str = field(compare=False)


@dataclass(slots=True)
class Stats:
    files: int = 0
    read: int = 0
    unreadable: int = 0
    failed: int = 0
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    units: dict[str, UnitTotals] = field(default_factory=dict)  # by normalised name
    years: Counter[int] = field(default_factory=Counter)
    scores: list[float] = field(default_factory=list)  # for the histogram only
    score_bands: Counter[str] = field(default_factory=Counter)
    score_mismatch: int = 0  # printed ≠ computed
    grades: Counter[str] = field(default_factory=Counter)
    ungraded: int = 0  # files read whose total cannot be recomputed: no grade (grade_note says why)
    rates: list[float] = field(default_factory=list)  # for the histogram only
    rate_bands: Counter[str] = field(default_factory=Counter)
    codes: dict[str, CodeCount] = field(default_factory=dict)
    clean_files: int = 0
    unreadable_list: list[tuple[str, str]] = field(default_factory=list)
    _top: list[Priority] = field(default_factory=list)
    _gaps: list[tuple[tuple[Decimal, str], str, Decimal, Decimal, str]] = field(
        default_factory=list
    )
    top_n: int = 20

    def add(self, r: FileRecord) -> None:
        self.files += 1
        if r.status != Status.OK:
            if r.status == Status.UNREADABLE:
                self.unreadable += 1
            else:
                self.failed += 1
            if len(self.unreadable_list) < MAX_LISTED:
                self.unreadable_list.append((r.path, r.reason))
            return
        self.read += 1
        self.errors += r.errors
        self.warnings += r.warnings
        self.infos += r.infos
        self.kinds[r.kind or "?"] += 1
        if r.unit:
            key = normalise_unit(r.unit)
            totals = self.units.get(key)
            if totals is None:
                totals = self.units[key] = UnitTotals(r.unit)
            totals.add(r)
        if r.year:
            self.years[r.year] += 1
        score = r.score
        if score is not None:
            self.scores.append(float(score))
            self.score_bands[_band(score, SCORE_BANDS)] += 1
        if (
            r.computed_score is not None
            and r.printed_score is not None
            and abs(r.computed_score - r.printed_score) > Decimal("0.01")
        ):
            self.score_mismatch += 1
            gap = (abs(r.computed_score - r.printed_score), r.path)
            listed = (gap, r.unit or "（未识别单位）", r.printed_score, r.computed_score, r.path)
            if len(self._gaps) < self.top_n:
                heapq.heappush(self._gaps, listed)
            elif listed[0] > self._gaps[0][0]:
                heapq.heapreplace(self._gaps, listed)
        if r.grade:
            self.grades[r.grade] += 1
        elif r.grade_note:
            self.ungraded += 1
        rate = r.rate if r.rate is not None else r.printed_rate  # computed, else as printed
        if rate is not None:
            self.rates.append(float(rate))
            self.rate_bands[_band(rate, RATE_BANDS)] += 1
        seen: set[str] = set()
        for f in r.findings:
            entry = self.codes.get(f.code)
            if entry is None:
                entry = self.codes[f.code] = CodeCount(f.code, f.severity, f.message)
            entry.count += 1
            if f.code not in seen:
                entry.files += 1
                seen.add(f.code)
        if not r.findings:
            self.clean_files += 1
        self._push(r)

    def _push(self, r: FileRecord) -> None:
        if r.errors == 0 and r.warnings == 0:
            return
        score = r.score if r.score is not None else Decimal(100)
        # heapq keeps the smallest at [0]: store the “least urgent first” ordering.
        item = Priority(
            (r.errors, -score, r.warnings),
            r.path,
            r.unit or "（未识别单位）",
            r.errors,
            r.warnings,
            r.computed_score,
            r.printed_score,
            r.grade,
            r.main_findings(2),
        )
        if len(self._top) < self.top_n:
            heapq.heappush(self._top, item)
        elif item > self._top[0]:
            heapq.heapreplace(self._top, item)

    @property
    def top(self) -> list[Priority]:
        """The files to look at first, most urgent first."""
        return sorted(self._top, reverse=True)

    @property
    def largest_gaps(self) -> list[tuple[str, Decimal, Decimal, str]]:
        """(unit, printed, computed, path) where the printed score is furthest from the rules."""
        return [
            (unit, printed, computed, path)
            for _, unit, printed, computed, path in sorted(self._gaps, reverse=True)
        ]

    def codes_by_count(self) -> list[CodeCount]:
        return sorted(self.codes.values(), key=lambda c: (-c.files, -c.count, c.code))


def _band(value: Decimal, bands: tuple[tuple[Decimal, str], ...]) -> str:
    for floor, label in bands:
        if value >= floor:
            return label
    return bands[-1][1]
