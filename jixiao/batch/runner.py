"""The batch run: discover → process in a pool → journal → outputs.

Work items sent to the pool are paths; what comes back is a small :class:`FileRecord`.
Each record is appended to the journal as it arrives, so that Ctrl-C (or a crash) loses
nothing already done: the outputs are rebuilt from the journal, and the next run skips
every content already reviewed.
"""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, CancelledError, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path

from jixiao.batch.archive import Refusal
from jixiao.batch.discover import TEXT_SUFFIXES, WorkItem, discover
from jixiao.batch.engine import Engine, api_read
from jixiao.batch.journal import Done, Journal
from jixiao.batch.outputs import build_outputs
from jixiao.batch.record import Counts, FileRecord, Status
from jixiao.batch.stats import Stats
from jixiao.batch.worker import (
    Skipped,
    check_file_name,
    init_worker,
    process_chunk,
    process_one,
    write_check_file,
)

Advance = Callable[[FileRecord | Skipped], None]


@dataclass(slots=True)
class BatchResult:
    outdir: Path
    counts: Counts  # this run
    stats: Stats  # the whole output (journal), as written to the summary
    seconds: float
    interrupted: bool = False
    outputs: list[Path] = field(default_factory=list)


def run_batch(
    inputs: list[Path],
    outdir: Path,
    engine: Engine | None = None,
    jobs: int | None = None,
    on_start: Callable[[int], None] | None = None,
    on_result: Advance | None = None,
    restart: bool = False,
    report: bool = True,
) -> BatchResult:
    """Review every file below ``inputs``; write the outputs into ``outdir``."""
    engine = engine or Engine()
    started = time.perf_counter()
    outdir.mkdir(parents=True, exist_ok=True)
    if restart:
        _clear(outdir)
    journal = Journal(outdir)
    previous = journal.done(engine.profile or "", engine.options)
    done = previous.hashes
    counts = Counts()
    interrupted = False
    try:
        found = list(discover(inputs, outdir))
    except KeyboardInterrupt:  # while walking folders or unpacking archives
        found, interrupted = [], True
    if on_start:
        on_start(len(found))

    def accept(result: FileRecord | Skipped) -> None:
        if isinstance(result, Skipped):
            counts.skipped += 1
            if not previous.known(result.sha256, result.display):
                _record_copy(result, previous, journal, outdir)
        else:
            if result.options != engine.options:
                result = replace(result, options=engine.options)
            journal.append(result)
            counts.add(result)
        if on_result:
            on_result(result)

    with journal:
        try:
            items: list[WorkItem] = []
            for entry in found:
                if isinstance(entry, Refusal):
                    accept(_refused(entry, engine, outdir, done))
                else:
                    items.append(entry)
            workers = max(1, jobs or os.cpu_count() or 1)
            if workers == 1 or len(items) <= 1:
                for item in items:
                    accept(process_one(item, engine, outdir, done))
            else:
                # One small text file reviewed here first (jixiao's own readers: pure Python): the
                # regular expressions and tables they build on first use are then inherited by
                # every forked worker, not built again in each of them.
                first = next((i for i in items if _small_text(i)), None)
                if first is not None and engine.read is api_read:
                    accept(process_one(first, engine, outdir, done))
                    items = [i for i in items if i is not first]
                _run_pool(items, engine, outdir, done, workers, accept)
        except KeyboardInterrupt:
            interrupted = True
    stats, outputs = build_outputs(outdir, engine.profile or "", report=report)
    return BatchResult(outdir, counts, stats, time.perf_counter() - started, interrupted, outputs)


def _record_copy(skipped: Skipped, previous: Done, journal: Journal, outdir: Path) -> None:
    """Content reviewed before under another name (renamed, moved, or submitted twice):
    listed under its present name too, without reviewing it again."""
    earlier = previous.record(skipped.sha256)
    if earlier is None:
        return
    check_file = check_file_name(skipped.display)
    renamed = tuple(
        replace(
            f,
            location=f.location.replace(earlier.path, skipped.display),
            message=f.message.replace(earlier.path, skipped.display),
        )
        for f in earlier.findings
    )
    record = replace(
        earlier, path=skipped.display, check_file=check_file, seconds=0.0, findings=renamed
    )
    write_check_file(outdir / check_file, record)
    journal.append(record)
    previous.paths.add((skipped.sha256, skipped.display))


def _refused(
    refusal: Refusal, engine: Engine, outdir: Path, done: frozenset[str]
) -> FileRecord | Skipped:
    """A file refused before reading (unsafe archive entry, unsupported type); recorded once."""
    key = hashlib.sha256(f"refused\0{refusal.display}\0{refusal.reason}".encode()).hexdigest()
    if key in done:
        return Skipped(refusal.display, key)
    check_file = check_file_name(refusal.display)
    record = FileRecord(
        refusal.display,
        key,
        Status.UNREADABLE,
        refusal.reason,
        engine.profile or "",
        check_file=check_file,
    )
    write_check_file(outdir / record.check_file, record)
    return record


SMALL_TEXT = 256 * 1024  # text files below this size go to the pool in small groups


def _chunks(items: list[WorkItem], workers: int) -> Iterator[list[WorkItem]]:
    """Small text files in groups (less overhead), office files and PDFs one by one
    (seconds each: the progress bar and Ctrl-C stay responsive)."""
    size = max(1, min(8, len(items) // (workers * 8)))
    group: list[WorkItem] = []
    for item in items:
        if _small_text(item):
            group.append(item)
            if len(group) == size:
                yield group
                group = []
        else:
            yield [item]
    if group:
        yield group


def _small_text(item: WorkItem) -> bool:
    return Path(item.real).suffix.lower() in TEXT_SUFFIXES and _size(item.real) < SMALL_TEXT


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _run_pool(
    items: list[WorkItem],
    engine: Engine,
    outdir: Path,
    done: frozenset[str],
    workers: int,
    accept: Callable[[FileRecord | Skipped], None],
) -> None:
    """Keep a bounded window of chunks in flight; survive a worker that dies."""
    pending: deque[tuple[list[WorkItem], bool]] = deque(
        (chunk, False) for chunk in _chunks(items, workers)
    )
    window = workers * 4
    # Forked workers share the parent's objects; frozen, the workers' garbage collector never
    # walks them (less work, and fewer shared pages copied).
    gc.collect()
    gc.freeze()
    try:
        _pool_rounds(pending, engine, outdir, done, workers, accept, window)
    finally:
        gc.unfreeze()


def _pool_rounds(
    pending: deque[tuple[list[WorkItem], bool]],
    engine: Engine,
    outdir: Path,
    done: frozenset[str],
    workers: int,
    accept: Callable[[FileRecord | Skipped], None],
    window: int,
) -> None:
    while pending:
        executor = ProcessPoolExecutor(
            workers, initializer=init_worker, initargs=(engine, str(outdir), done)
        )
        in_flight: dict[Future[list[FileRecord | Skipped]], tuple[list[WorkItem], bool]] = {}
        broken: list[tuple[list[WorkItem], bool]] = []
        try:
            while pending or in_flight:
                while _can_submit(pending, in_flight, window, broken):
                    chunk = pending.popleft()
                    in_flight[executor.submit(process_chunk, chunk[0])] = chunk
                if not in_flight:
                    break
                finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in finished:
                    chunk = in_flight.pop(future)
                    try:
                        results = future.result()
                    except BrokenProcessPool:
                        broken.append(chunk)
                        continue
                    for result in results:
                        accept(result)
                if broken:
                    broken.extend(in_flight.values())
                    in_flight.clear()
                    break
        except KeyboardInterrupt:
            _drain(executor, in_flight, accept)
            raise
        except BaseException:
            executor.shutdown(wait=False, cancel_futures=True)
            raise
        executor.shutdown(wait=not broken, cancel_futures=True)
        for chunk_items, retried in broken:
            if retried:  # it broke the pool while alone in flight
                for item in chunk_items:
                    reason = "处理此文件时进程异常退出（可能是文件损坏或内存不足），请人工审核并向开发者反馈"
                    record = FileRecord(
                        item.display,
                        "",
                        Status.FAILED,
                        reason,
                        engine.profile or "",
                        check_file=check_file_name(item.display),
                    )
                    write_check_file(outdir / record.check_file, record)
                    accept(record)
            else:
                # Retry every file of a broken chunk on its own: only the culprit fails twice.
                pending.extendleft(([item], True) for item in reversed(chunk_items))


def _drain(
    executor: ProcessPoolExecutor,
    in_flight: dict[Future[list[FileRecord | Skipped]], tuple[list[WorkItem], bool]],
    accept: Callable[[FileRecord | Skipped], None],
) -> None:
    """Ctrl-C: cancel what has not started, keep the results of what is running.

    A second Ctrl-C stops at once (the journal stays consistent either way)."""
    try:
        for future in in_flight:
            future.cancel()
        for future in in_flight:
            if future.cancelled():
                continue
            try:
                results = future.result()
            except (BrokenProcessPool, CancelledError):
                continue
            for result in results:
                accept(result)
    finally:
        executor.shutdown(wait=False, cancel_futures=True)


def _can_submit(
    pending: deque[tuple[list[WorkItem], bool]],
    in_flight: dict[Future[list[FileRecord | Skipped]], tuple[list[WorkItem], bool]],
    window: int,
    broken: list[tuple[list[WorkItem], bool]],
) -> bool:
    """Suspects (files of a chunk that broke the pool) run alone, so that a second break is theirs."""
    if not pending or broken:
        return False
    if not in_flight:
        return True
    if pending[0][1] or any(retried for _, retried in in_flight.values()):
        return False
    return len(in_flight) < window


def _clear(outdir: Path) -> None:
    """Start over: forget the journal and the per-file outputs (other files are left alone)."""
    (outdir / "journal.jsonl").unlink(missing_ok=True)
    for name in ("checks", ".extracted"):
        shutil.rmtree(outdir / name, ignore_errors=True)
