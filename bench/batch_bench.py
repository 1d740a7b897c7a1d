"""Benchmark of ``jixiao batch``: planted faults reported, files per second, peak memory.

    .venv/bin/python bench/batch_bench.py [--n 1000] [--speed-n 600] [--jobs 2] [--workdir DIR]

1. Generates N mixed files (bench/generate.py) and runs the batch on them: the fraction of
   planted faults reported, per fault and per format. A fault counts only when a finding of
   one of its check codes names the planted place (the indicator, the changed figure, the
   report's heading: ``faults.reports``); ``fraction_code_anywhere`` is the looser count (any
   finding of the code anywhere in the file) for comparison. Also: how often each code fires
   on files where no fault of that code was planted, and errors raised on clean files.
2. Generates text-only and .docx/.xlsx-only sets and times the batch on each (files/s).
3. Samples the memory of the batch, its workers and any LibreOffice they start (peak of
   the summed PSS: shared pages counted once).
Targets (issue #5): ≥ 95 % reported; ≥ 200 files/s text; ≥ 30 files/s .docx/.xlsx; 10,000
files within 1 GB (``--memory-n 10000``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import faults  # noqa: E402
import generate  # noqa: E402

from jixiao.batch import run_batch  # noqa: E402
from jixiao.batch.journal import Journal  # noqa: E402

TEXT_MIX = {"tabbed": 2, "pipe": 1, "spaced": 1}
OFFICE_MIX = {"docx": 1, "xlsx": 1}


class MemorySampler:
    """Peak of the summed memory (PSS) of this process and its descendants (Linux /proc)."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> MemorySampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(_rss(pid) for pid in _tree(os.getpid())))
            self._stop.wait(self.interval)


def _tree(pid: int) -> list[int]:
    out = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                for child in fh.read().split():
                    out += _tree(int(child))
    except OSError:
        pass
    return out


def _rss(pid: int) -> int:
    """Proportional set size (shared pages divided among the processes sharing them)."""
    for name, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            with open(name) as fh:
                for line in fh:
                    if line.startswith(key):
                        return int(line.split()[1]) * 1024
        except OSError:
            continue
    return 0


@dataclass
class Run:
    seconds: float  # end to end
    processing: float  # from the start to the last file reviewed
    files: int
    skipped: int  # files whose result was copied from an earlier run, not reviewed
    peak: int  # bytes
    cpu: float  # CPU seconds spent reviewing (workers, and the parent until the last file)
    load: float  # load average of the machine when the run started

    def figures(self, jobs: int) -> dict[str, object]:
        cores = min(jobs, os.cpu_count() or 1)
        return {
            "files": self.files,
            "skipped_as_already_reviewed": self.skipped,
            "seconds": round(self.seconds, 2),
            "files_per_second": round(self.files / self.seconds, 1),
            "files_per_second_processing": round(self.files / self.processing, 1)
            if self.processing > 0
            else None,
            "outputs_seconds": round(self.seconds - self.processing, 2),
            "cpu_ms_per_file": round(self.cpu / self.files * 1000, 1) if self.files else None,
            # what the same work gives on an otherwise idle machine with this many cores
            "files_per_second_idle_estimate": round(self.files / (self.cpu / cores), 1)
            if self.cpu
            else None,
            "load_average_at_start": round(self.load, 1),
            "peak_memory_mb": round(self.peak / 1024**2),
        }


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _batch(files: Path, out: Path, jobs: int) -> Run:
    shutil.rmtree(out, ignore_errors=True)
    last = [0.0, 0.0]

    def on_result(_: object) -> None:
        last[0] = time.perf_counter()
        last[1] = _cpu(resource.RUSAGE_SELF)

    load = os.getloadavg()[0]
    self_before, children_before = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    with MemorySampler() as mem:
        started = time.perf_counter()
        result = run_batch([files], out, jobs=jobs, on_result=on_result, report=True)
        seconds = time.perf_counter() - started
    cpu = (last[1] - self_before) + (_cpu(resource.RUSAGE_CHILDREN) - children_before)
    counts = result.counts
    return Run(seconds, last[0] - started, counts.files, counts.skipped, mem.peak, cpu, load)


def detection(workdir: Path, n: int, seed: int, jobs: int) -> dict[str, object]:
    gen = workdir / "mixed"
    manifest = _manifest(gen)
    if manifest is None or manifest["n"] != n or manifest["seed"] != seed:
        shutil.rmtree(gen, ignore_errors=True)
        manifest = generate.generate(gen, n, seed, generate.DEFAULT_MIX)
    out = workdir / "mixed-out"
    run = _batch(gen / "files", out, jobs)
    records = {r.path.split("/", 1)[1]: r for r in Journal(out).latest()}
    per_fault: dict[str, Counter[str]] = defaultdict(Counter)
    per_format: dict[str, Counter[str]] = defaultdict(Counter)
    missed_examples: dict[str, list[str]] = defaultdict(list)
    clean_errors: Counter[str] = Counter()
    unreadable: Counter[str] = Counter()
    anywhere = 0
    planted_codes = {c for e in manifest["files"] for f in e["faults"] for c in f["codes"]}
    stray: Counter[str] = Counter()  # files where the code fires though none of its faults is
    without: Counter[str] = Counter()  # files where no fault of the code was planted
    for entry in manifest["files"]:
        record = records.get(entry["path"])
        findings = record.findings if record else ()
        codes = {f.code for f in findings}
        if record is None or not record.read_ok:
            unreadable[entry["format"]] += 1
        if not entry["faults"] and record is not None:
            clean_errors.update(f.code for f in findings if f.severity == "error")
        here = {c for f in entry["faults"] for c in f["codes"]}
        for code in planted_codes - here:
            without[code] += 1
            stray[code] += code in codes
        for fault in entry["faults"]:
            anywhere += bool(codes & set(fault["codes"]))
            hit = any(
                f.code in fault["codes"]
                and faults.reports(fault["anchors"], f.message, f.expected, f.found)
                for f in findings
            )
            per_fault[fault["fault"]]["hit" if hit else "miss"] += 1
            per_format[entry["format"]]["hit" if hit else "miss"] += 1
            if not hit and len(missed_examples[fault["fault"]]) < 3:
                missed_examples[fault["fault"]].append(f"{entry['path']}: {fault['detail']}")
    hits = sum(c["hit"] for c in per_fault.values())
    total = sum(c["hit"] + c["miss"] for c in per_fault.values())
    return {
        "planted": total,
        "reported": hits,
        "fraction": round(hits / total, 4) if total else None,
        "fraction_code_anywhere": round(anywhere / total, 4) if total else None,
        "per_fault": {
            k: f"{v['hit']}/{v['hit'] + v['miss']}" for k, v in sorted(per_fault.items())
        },
        "per_format": {
            k: f"{v['hit']}/{v['hit'] + v['miss']}" for k, v in sorted(per_format.items())
        },
        "missed_examples": dict(missed_examples),
        "code_fires_without_its_fault": {
            c: f"{stray[c]}/{without[c]}" for c in sorted(planted_codes) if stray[c]
        },
        "unreadable": dict(unreadable),
        "errors_on_clean_files": dict(clean_errors.most_common()),
        "clean_files": sum(1 for e in manifest["files"] if not e["faults"]),
        **run.figures(jobs),
    }


def _manifest(gen: Path) -> dict[str, Any] | None:
    """The manifest of files generated earlier, if it records the anchors this bench needs."""
    try:
        manifest: dict[str, Any] = json.loads((gen / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if any("anchors" not in f for e in manifest["files"] for f in e["faults"]):
        return None
    return manifest


def speed(
    workdir: Path, name: str, mix: dict[str, int], n: int, seed: int, jobs: int
) -> dict[str, object]:
    gen = workdir / name
    if not (gen / "manifest.json").exists():
        generate.generate(gen, n, seed, mix)
    return _batch(gen / "files", workdir / f"{name}-out", jobs).figures(jobs)


def main() -> None:
    parser = argparse.ArgumentParser(description="jixiao batch 基准测试")
    parser.add_argument("--n", type=int, default=1000, help="混合格式文件数（检出率）")
    parser.add_argument(
        "--speed-n", type=int, default=600, help="测速文件数（文本、docx/xlsx 各一组）"
    )
    parser.add_argument(
        "--memory-n", type=int, default=0, help="内存测试文件数（文本，如 10000；0 为不测）"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--workdir", type=Path, default=None, help="保留生成的文件（默认临时目录，结束后删除）"
    )
    parser.add_argument(
        "--only",
        choices=("detection", "speed", "text", "memory"),
        default=None,
        help="只测一项（text：只测文本组的速度与写汇总输出的时间）",
    )
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="jixiao-bench-"))
    results: dict[str, object] = {"jobs": args.jobs, "cpus": os.cpu_count()}
    try:
        if args.only in (None, "detection"):
            results["detection"] = detection(workdir, args.n, args.seed, args.jobs)
            print(
                json.dumps({"detection": results["detection"]}, ensure_ascii=False, indent=1),
                flush=True,
            )
        if args.only in (None, "speed", "text"):
            results["text"] = speed(
                workdir, "text", TEXT_MIX, args.speed_n, args.seed + 1, args.jobs
            )
            print(json.dumps({"text": results["text"]}, ensure_ascii=False), flush=True)
        if args.only in (None, "speed"):
            results["office"] = speed(
                workdir, "office", OFFICE_MIX, args.speed_n // 3, args.seed + 2, args.jobs
            )
            print(json.dumps({"office": results["office"]}, ensure_ascii=False), flush=True)
        if args.memory_n or args.only == "memory":
            results["memory"] = speed(
                workdir, "memory", TEXT_MIX, args.memory_n or 10000, args.seed + 3, args.jobs
            )
            print(json.dumps({"memory": results["memory"]}, ensure_ascii=False), flush=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
