"""Reading speed: text documents per second on one core.

Usage::

    python bench/read_speed.py ../shared/corpus/dev/raw ../shared/seed [--seconds 5]

Reads every ``*.txt`` under the given directories (or the given files) in memory, then calls
``jixiao.read_text`` on them in a loop for ``--seconds`` seconds in this one process and
reports documents per second of this process's CPU time (``time.process_time``; wall-clock
figures drop when other jobs share the core, so both are printed). Documents that are not self-evaluations (ReadError) count too:
refusing them is part of the work. The slowest document is the one whose fastest reading took
longest (a single slow reading is as often another job taking the core).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import contextlib

from jixiao import read_text  # noqa: E402
from jixiao.errors import ReadError  # noqa: E402
from jixiao.readers import decode_text  # noqa: E402


def load(paths: list[Path]) -> list[tuple[str, str]]:
    docs = []
    for p in paths:
        files = sorted(p.rglob("*.txt")) if p.is_dir() else [p]
        for f in files:
            docs.append((str(f), decode_text(f.read_bytes(), str(f))))
    return docs


def clear_caches() -> None:
    """Empty every functools cache in jixiao (label keys, classifications, splits)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("jixiao") and module is not None:
            for obj in vars(module).values():
                if callable(getattr(obj, "cache_clear", None)):
                    obj.cache_clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="文本读取速度（份/秒，单核）")
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument(
        "--cold",
        action="store_true",
        help="每份文档前清空 jixiao 的缓存（模拟从未见过的文档）",
    )
    args = parser.parse_args(argv)
    docs = load(args.paths)
    if not docs:
        print("没有找到 .txt 文件", file=sys.stderr)
        return 2
    for source, text in docs:  # warm up (imports, caches of the first pass are not the point)
        with contextlib.suppress(ReadError):
            read_text(text, source)
    count = 0
    chars = 0
    cpu = 0.0
    fastest: dict[str, float] = {}  # each document's fastest reading (the others were disturbed)
    start = time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        for source, text in docs:
            if args.cold:
                clear_caches()
            t0 = time.process_time()
            with contextlib.suppress(ReadError):
                read_text(text, source)
            took = time.process_time() - t0
            cpu += took
            fastest[source] = min(took, fastest.get(source, took))
            count += 1
            chars += len(text)
    elapsed = time.perf_counter() - start
    print(f"{len(docs)} 份文档，{count} 次读取，墙钟 {elapsed:.2f} 秒，CPU {cpu:.2f} 秒")
    slowest = max(fastest, key=fastest.__getitem__)
    print(f"最慢的一份：{slowest}，{fastest[slowest] * 1000:.1f} 毫秒（各次读取中最快的一次）")
    print(
        f"速度（按本进程 CPU 时间，单核）：{count / cpu:.0f} 份/秒，{chars / cpu / 1e6:.2f} 百万字符/秒"
    )
    print(f"速度（按墙钟，机器忙时偏低）：{count / elapsed:.0f} 份/秒")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
