"""How many text documents ``jixiao`` reads and checks per second on one core.

Reads each document from memory (``jixiao.read_text``) and runs every check
(``jixiao.check``), over and over for a few seconds, single process. Target: ≥ 200/s.

    .venv/bin/python bench/check_speed.py            # seed + dev corpus (if ../shared exists)
    .venv/bin/python bench/check_speed.py --seconds 10 FILE…
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

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
    documents = findings = 0
    start = time.perf_counter()
    while time.perf_counter() - start < args.seconds:
        for source, text in readable:
            findings += len(jixiao.check(jixiao.read_text(text, source), profile))
            documents += 1
    elapsed = time.perf_counter() - start
    print(f"{len(readable)} 份不同文档，{documents} 次读取+审核，用时 {elapsed:.2f} 秒")
    print(f"{documents / elapsed:.0f} 份/秒（单核，含读取）；平均每份 {findings / documents:.1f} 条问题")
    checks_only = 0
    evaluations = [jixiao.read_text(text, source) for source, text in readable]
    start = time.perf_counter()
    while time.perf_counter() - start < args.seconds / 2:
        for e in evaluations:
            jixiao.check(e, profile)
            checks_only += 1
    elapsed = time.perf_counter() - start
    print(f"仅审核：{checks_only / elapsed:.0f} 份/秒")


if __name__ == "__main__":
    main()
