"""How many text documents ``jixiao`` reads and checks per second on one core.

Reads each document from memory (``jixiao.read_text``) and runs every check
(``jixiao.check``), over and over for a few seconds, single process. Target: ≥ 200/s.
Rates are per second of CPU time of this process (``time.process_time``), so that other
load on the machine does not count; wall-clock rates are printed beside them.

The same few documents come round again and again, so the readers' caches (label
classifications, splits of figure runs) hit far more often than on a batch of documents never
seen before. Both figures are printed: ``重复`` as looped, and ``清空缓存`` with every jixiao
cache emptied before each document (a lower bound: real batches share their labels).

    .venv/bin/python bench/check_speed.py            # seed + dev corpus (if ../shared exists)
    .venv/bin/python bench/check_speed.py --seconds 10 FILE…
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from read_speed import clear_caches

import jixiao
from jixiao.profiles import load_profile

ROOT = Path(__file__).resolve().parents[1]
DEFAULTS = [ROOT / "examples" / "seed-2021-yuelu-fulian.txt"]
CORPUS = ROOT.parent / "shared" / "corpus" / "dev" / "raw"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    files = args.files or DEFAULTS + (sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [])
    texts = [(str(p), p.read_text(encoding="utf-8")) for p in files]
    profile = load_profile(None)
    readable = []
    for source, text in texts:  # warm up; skip what cannot be read
        try:
            jixiao.check(jixiao.read_text(text, source), profile)
            readable.append((source, text))
        except jixiao.ReadError:
            pass
    for label, cold in (("重复", False), ("清空缓存", True)):
        documents = findings = 0
        wall, cpu = time.perf_counter(), time.process_time()
        while time.process_time() - cpu < args.seconds:
            for source, text in readable:
                if cold:
                    clear_caches()
                findings += len(jixiao.check(jixiao.read_text(text, source), profile))
                documents += 1
        cpu_s, wall_s = time.process_time() - cpu, time.perf_counter() - wall
        print(
            f"[{label}] {len(readable)} 份不同文档，{documents} 次读取+审核，"
            f"CPU {cpu_s:.2f} 秒（墙钟 {wall_s:.2f} 秒）"
        )
        print(
            f"[{label}] 读取+审核：{documents / cpu_s:.0f} 份/CPU秒（墙钟 {documents / wall_s:.0f} 份/秒）；"
            f"平均每份 {findings / documents:.1f} 条问题"
        )
    checks_only = 0
    evaluations = [jixiao.read_text(text, source) for source, text in readable]
    cpu = time.process_time()
    while time.process_time() - cpu < args.seconds / 2:
        for e in evaluations:
            jixiao.check(e, profile)
            checks_only += 1
    print(f"仅审核：{checks_only / (time.process_time() - cpu):.0f} 份/CPU秒")


if __name__ == "__main__":
    main()
