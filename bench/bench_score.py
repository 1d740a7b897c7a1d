"""Scoring speed: documents scored per second on one core (target: ≥ 200 documents/s
including reading and checking; scoring itself must take a small part of that).

    .venv/bin/python bench/bench_score.py [FILE ...]   # default: examples/*.txt
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import jixiao
from jixiao.profiles import load_profile
from jixiao.scoring import score_evaluation


def main(paths: list[Path]) -> None:
    profile = load_profile(None)
    evaluations = [jixiao.read(p) for p in paths]
    rounds = max(1, 2000 // len(evaluations))
    start = time.perf_counter()
    for _ in range(rounds):
        for e in evaluations:
            score_evaluation(e, profile)
    elapsed = time.perf_counter() - start
    n = rounds * len(evaluations)
    print(f"score only: {n} documents in {elapsed:.2f} s = {n / elapsed:.0f} documents/s")

    start = time.perf_counter()
    n = 0
    while time.perf_counter() - start < 3:
        for p in paths:
            score_evaluation(jixiao.read(p), profile)
            n += 1
    elapsed = time.perf_counter() - start
    print(f"read + score: {n} documents in {elapsed:.2f} s = {n / elapsed:.0f} documents/s")


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]] or sorted(Path("examples").glob("*.txt"))
    main(args)
