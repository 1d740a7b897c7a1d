"""What a pool worker does with one file: hash, read, check, score, write ``.check.txt``,
and send back a small :class:`FileRecord` (never the whole Evaluation)."""

from __future__ import annotations

import hashlib
import os
import re
import signal
import threading
import time
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from types import FrameType

from jixiao.batch.discover import WorkItem
from jixiao.batch.engine import Engine, score_summary
from jixiao.batch.record import FileRecord, FindingRow, Status, TargetRow
from jixiao.checks import finding_text
from jixiao.errors import ReadError
from jixiao.model import Evaluation, Finding, FundGroup, FundLine, FundRow, Kind

CHECKS_DIR = "checks"
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file whose content was already reviewed in an earlier run."""

    display: str
    sha256: str


@dataclass(slots=True)
class _State:
    engine: Engine
    outdir: Path
    done: frozenset[str]


_STATE: _State | None = None


class _Timeout(Exception):
    pass


def init_worker(engine: Engine, outdir: str, done: frozenset[str]) -> None:
    """Pool initializer: Ctrl-C is handled by the parent alone."""
    global _STATE
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _STATE = _State(engine, Path(outdir), done)


def process_chunk(items: list[WorkItem]) -> list[FileRecord | Skipped]:
    assert _STATE is not None, "init_worker was not called"
    return [process_one(item, _STATE.engine, _STATE.outdir, _STATE.done) for item in items]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def process_one(
    item: WorkItem, engine: Engine, outdir: Path, done: frozenset[str] = frozenset()
) -> FileRecord | Skipped:
    """Review one file; every failure becomes a record, nothing escapes."""
    started = time.perf_counter()
    real = Path(item.real)
    profile = engine.profile or ""
    check_rel = check_file_name(item.display)
    try:
        sha = file_sha256(real)
    except OSError as exc:
        reason = f"无法打开文件：{exc.strerror or exc}"
        record = FileRecord(
            item.display, "", Status.UNREADABLE, reason, profile, check_file=check_rel
        )
        return _finish(record, outdir, started)
    if sha in done:
        return Skipped(item.display, sha)
    try:
        with _deadline(engine.timeout):
            evaluation = engine.read(real)
            findings = tuple(engine.check(evaluation, engine.profile))
            sheet = engine.score(evaluation, engine.profile) if engine.score else None
        record = summarise(evaluation, findings, sheet, item, sha, profile)
    except ReadError as exc:
        reason = _display(exc.message, item)
        if exc.location:
            reason = f"{reason}（位置：{exc.location}）"
        record = FileRecord(item.display, sha, Status.UNREADABLE, reason, profile)
    except _Timeout:
        reason = f"处理超时（超过 {engine.timeout:g} 秒），请人工审核并向开发者反馈此文件"
        record = FileRecord(item.display, sha, Status.FAILED, reason, profile)
    except Exception as exc:  # a defect in jixiao must not stop a region's batch
        reason = f"处理出错（程序缺陷，请反馈）：{type(exc).__name__}: {_display(str(exc), item)}"
        record = FileRecord(item.display, sha, Status.FAILED, reason, profile)
    return _finish(record, outdir, started, check_rel)


def _finish(
    record: FileRecord, outdir: Path, started: float, check_file: str | None = None
) -> FileRecord:
    """Write the record's ``.check.txt``; the record with its file name and time (one copy)."""
    check_file = record.check_file if check_file is None else check_file
    write_check_file(outdir / check_file, record)  # (its text does not name the check file)
    return _with(record, check_file=check_file, seconds=time.perf_counter() - started)


def _with(record: FileRecord, **changes: object) -> FileRecord:
    from dataclasses import replace

    return replace(record, **changes)  # type: ignore[arg-type]


class _deadline:
    """SIGALRM-based time limit for one file (best effort; Unix, main thread only)."""

    def __init__(self, seconds: float) -> None:
        usable = (
            hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        )
        self.seconds = seconds if usable else 0

    def __enter__(self) -> None:
        if self.seconds > 0:
            self.previous = signal.signal(signal.SIGALRM, self._raise)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def __exit__(self, *exc: object) -> None:
        if self.seconds > 0:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)

    @staticmethod
    def _raise(signum: int, frame: FrameType | None) -> None:
        raise _Timeout


def _display(text: str, item: WorkItem) -> str:
    """Name the file as the reviewer knows it (not the extraction folder)."""
    return text.replace(item.real, item.display) if item.real != item.display else text


def summarise(
    evaluation: Evaluation,
    findings: tuple[Finding, ...],
    sheet: object,
    item: WorkItem,
    sha: str,
    profile: str,
) -> FileRecord:
    """The small record the batch keeps of one evaluation."""
    rows = tuple(
        FindingRow(
            code=f.code,
            severity=str(f.severity.value if hasattr(f.severity, "value") else f.severity),
            message=_display(f.message, item),
            location=_display(str(f.location), item) if f.location is not None else "",
            expected=f.expected or "",
            found=f.found or "",
        )
        for f in findings
    )
    rows = tuple(sorted(rows, key=lambda r: SEVERITY_ORDER.get(r.severity, 3)))
    computed, grade = score_summary(sheet)
    fund = _main_fund(evaluation)
    budget = fund.budget.value if fund and fund.budget else None
    actual = fund.actual.value if fund and fund.actual else None
    rate = None  # computed from the row's figures; the printed one is kept beside it
    if budget is not None and actual is not None and budget > 0:
        rate = (actual / budget * 100).quantize(Decimal("0.01"), ROUND_HALF_UP)
    printed_rate = fund.rate.value if fund and fund.rate else None
    year = evaluation.year.value if evaluation.year else None
    return FileRecord(
        path=item.display,
        sha256=sha,
        status=Status.OK,
        profile=profile,
        kind=evaluation.kind.value,
        unit=_clean(evaluation.unit.text) if evaluation.unit else None,
        project=_clean(evaluation.project.text) if evaluation.project else None,
        year=int(year) if year is not None and year == year.to_integral_value() else None,
        money_unit=evaluation.money_unit,
        budget=budget,
        actual=actual,
        rate=rate,
        printed_score=evaluation.total_score.value if evaluation.total_score else None,
        computed_score=computed,
        grade=grade,
        grade_note=str(getattr(sheet, "grade_reason", "") or ""),
        printed_rate=printed_rate,
        errors=sum(1 for r in rows if r.severity == "error"),
        warnings=sum(1 for r in rows if r.severity == "warning"),
        infos=sum(1 for r in rows if r.severity == "info"),
        findings=rows,
        targets=tuple(
            TargetRow(
                name=_clean(i.name.text),
                operator=i.operator.value if i.operator else None,
                number=i.target.number if i.target else None,
                unit=i.unit,
                text=i.target.text if i.target else "",
            )
            for i in evaluation.scored_indicators
        ),
        layout=evaluation.layout,
    )


def _main_fund(evaluation: Evaluation) -> FundRow | None:
    """The row whose budget and execution the bureau looks at: the grand total; in a prose
    report that states 收入 and 支出, the spending (never the income)."""
    if evaluation.kind == Kind.DEPARTMENT:
        row = evaluation.fund(FundLine.TOTAL, FundGroup.SOURCE)
        if row is not None:
            return row
    for line in (FundLine.TOTAL, FundLine.EXPENDITURE):
        if (row := evaluation.fund(line)) is not None:
            return row
    fiscal = evaluation.fund(FundLine.FISCAL)
    income = evaluation.fund(FundLine.INCOME)
    return None if fiscal is not None and income is not None else fiscal  # 财政拨款收入


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_UNSAFE = re.compile(r'[<>:"\\|?*\x00-\x1f]')


def check_file_name(display: str) -> str:
    """``checks/<display path>.check.txt`` with the archive marker and unsafe characters removed."""
    parts = [p for p in display.replace("!/", "/").split("/") if p not in ("", ".", "..")]
    safe = [_UNSAFE.sub("_", p)[:120] for p in parts] or ["_"]
    return "/".join([CHECKS_DIR, *safe[:-1], safe[-1] + ".check.txt"])


def format_finding(row: FindingRow, source: str = "?") -> str:
    """A finding as ``jixiao check`` prints it (one without a location placed at ``source``)."""
    return finding_text(row.location or source, row.code, row.message, row.expected, row.found)


def check_text(record: FileRecord) -> str:
    """The content of ``<file>.check.txt``: what ``jixiao check`` prints for the file."""
    from jixiao.batch.record import SEVERITY_LABELS

    if record.status != Status.OK:
        return f"{record.path}: 无法审核：{record.reason}\n"
    if not record.findings:
        return f"{record.path}: 未发现问题\n"
    lines = []
    counts = []
    for severity in ("error", "warning", "info"):
        group = [f for f in record.findings if f.severity == severity]
        if not group:
            continue
        label = SEVERITY_LABELS[severity]
        counts.append(f"{label} {len(group)}")
        lines.append(f"{label}（{len(group)}）")
        lines += ["  " + format_finding(f) for f in group]
        lines.append("")
    lines.append(f"{record.path}: 共 {len(record.findings)} 条（{'，'.join(counts)}）")
    return "\n".join(lines) + "\n"


def write_check_file(path: Path, record: FileRecord) -> None:
    """Written beside, then renamed over the old one (never half a file); with plain ``os``
    calls, as ``Path.write_text`` builds a text stream per file (same bytes: its newline is
    ``os.linesep``)."""
    tmp = str(path) + ".tmp"
    data = check_text(record).replace("\n", os.linesep).encode("utf-8")
    try:
        _write_bytes(tmp, data)
    except FileNotFoundError:  # the folder's first file: mkdir once, not for every file
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_bytes(tmp, data)
    os.replace(tmp, path)


def _write_bytes(name: str, data: bytes) -> None:
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)
