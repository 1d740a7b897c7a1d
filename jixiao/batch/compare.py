"""Two years side by side: what changed per unit between two batch output folders.

Units are matched by normalised name (and, for project tables, by project name): score,
execution rate, findings repeated (same check code both years) and targets lowered (the
same indicator, a lower target for a ≥ / > indicator — the classic way to “improve”).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from jixiao.batch.export import FINDINGS_FORMAT
from jixiao.batch.journal import Journal
from jixiao.batch.names import normalise_indicator, normalise_unit
from jixiao.batch.record import KIND_LABELS, FileRecord, Status
from jixiao.errors import JixiaoError
from jixiao.serialize import loads

RISING = {"≥", ">"}


@dataclass(frozen=True, slots=True)
class Side:
    """What is kept of one year's file for the comparison."""

    path: str
    unit: str
    year: int | None
    score: Decimal | None
    rate: Decimal | None
    codes: frozenset[str]
    # indicator name → (operator, number, unit, target as printed)
    targets: dict[str, tuple[str | None, Decimal | None, str | None, str]]
    files: int = 1  # files of this unit (and project) in that year's output; the first is compared


@dataclass(frozen=True, slots=True)
class ComparedUnit:
    unit: str
    kind: str
    project: str
    old: Side | None
    new: Side | None
    repeated: tuple[str, ...]  # check codes found both years
    lowered: tuple[str, ...]  # “indicator：≥95% → ≥90%”

    @property
    def score_change(self) -> Decimal | None:
        if self.old and self.new and self.old.score is not None and self.new.score is not None:
            return self.new.score - self.old.score
        return None

    @property
    def rate_change(self) -> Decimal | None:
        if self.old and self.new and self.old.rate is not None and self.new.rate is not None:
            return self.new.rate - self.old.rate
        return None

    @property
    def presence(self) -> str:
        text = "两年均有" if self.old and self.new else "仅上年" if self.old else "仅本年"
        extra = [
            f"{year}有 {side.files} 份，取第一份"
            for year, side in (("上年", self.old), ("本年", self.new))
            if side is not None and side.files > 1
        ]
        return text + (f"（{'；'.join(extra)}）" if extra else "")


def load_records(outdir: Path) -> Iterator[FileRecord]:
    """The records of a batch folder: its journal, else its findings.json."""
    if not outdir.is_dir():
        problem = "不是文件夹" if outdir.exists() else "不存在"
        raise JixiaoError(f"{outdir}: {problem}（应为 jixiao batch 的输出文件夹）")
    journal = Journal(outdir)
    if journal.path.exists():
        yield from journal.latest()
        return
    findings = outdir / "findings.json"
    if not findings.exists():
        raise JixiaoError(
            f"{outdir}: 不是批量审核的输出文件夹（没有 journal.jsonl 或 findings.json）"
        )
    try:
        data = loads(findings.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise JixiaoError(f"{findings}: 无法读取：{exc}") from exc
    if data.get("format") != FINDINGS_FORMAT:
        raise JixiaoError(f"{findings}: 不是 {FINDINGS_FORMAT} 格式")
    for entry in data.get("files") or []:
        yield FileRecord.from_json(entry)


def _side(r: FileRecord) -> Side:
    targets = {}
    for t in r.targets:
        key = normalise_indicator(t.name)
        if key and key not in targets:
            targets[key] = (t.operator, t.number, t.unit, t.text)
    return Side(
        r.path,
        r.unit or "",
        r.year,
        r.score,
        r.rate if r.rate is not None else r.printed_rate,  # computed, else as printed
        frozenset(f.code for f in r.findings),
        targets,
    )


def _index(outdir: Path) -> dict[tuple[str, str, str], tuple[FileRecord, Side]]:
    index: dict[tuple[str, str, str], tuple[FileRecord, Side]] = {}
    for r in load_records(outdir):
        if r.status != Status.OK or not r.unit:
            continue
        key = (
            normalise_unit(r.unit),
            r.kind or "",
            normalise_unit(r.project) if r.kind == "project" else "",
        )
        if key not in index:  # several submissions of one unit: the first by path
            index[key] = (r, _side(r))
        else:
            first, side = index[key]
            index[key] = (first, replace(side, files=side.files + 1))
    return index


def lowered_targets(old: Side, new: Side) -> tuple[str, ...]:
    """Indicators present both years whose ≥ target went down (same unit of measure)."""
    out = []
    for name, (op, number, unit, text) in new.targets.items():
        before = old.targets.get(name)
        if before is None or number is None or before[1] is None:
            continue
        if op not in RISING or before[0] not in RISING or (unit or "") != (before[2] or ""):
            continue
        if number < before[1]:
            out.append(f"{name}：{before[3]} → {text}")
    return tuple(out)


def compare_outputs(old_dir: Path, new_dir: Path) -> list[ComparedUnit]:
    """Every unit of either year, units present both years first, by name."""
    old = _index(old_dir)
    new = _index(new_dir)
    rows = []
    for key in sorted(set(old) | set(new), key=lambda k: (not (k in old and k in new), k)):
        o = old.get(key)
        n = new.get(key)
        record = n[0] if n else o[0] if o else None
        assert record is not None
        os_, ns = (o[1] if o else None), (n[1] if n else None)
        repeated = tuple(sorted(os_.codes & ns.codes)) if os_ and ns else ()
        lowered = lowered_targets(os_, ns) if os_ and ns else ()
        rows.append(
            ComparedUnit(
                record.unit or "",
                KIND_LABELS.get(record.kind or "", record.kind or ""),
                record.project or "",
                os_,
                ns,
                repeated,
                lowered,
            )
        )
    return rows


def main_year(outdir: Path) -> int | None:
    """The year most of a batch output's files are of (None where no file states one)."""
    years = Counter(r.year for r in load_records(outdir) if r.year is not None)
    return years.most_common(1)[0][0] if years else None


def year_warning(old_dir: Path, new_dir: Path) -> str | None:
    """A warning in Chinese where the two folders are not an earlier and a later year."""
    old, new = main_year(old_dir), main_year(new_dir)
    if old is None or new is None:
        return None
    if old == new:
        return f"注意：两个文件夹的材料都是 {old} 年度，对比的不是两个年度（是否选错了文件夹？）"
    if old > new:
        return (
            f"注意：上年文件夹是 {old} 年度，晚于本年文件夹的 {new} 年度（两个文件夹是否放反了？）"
        )
    return None
