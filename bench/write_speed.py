"""How long writing the seed's table (.xlsx) and report (.docx) takes. Target: ≤ 300 ms.

    .venv/bin/python bench/write_speed.py [--repeat 20]

Reads the seed once (not timed), then times write_xlsx + write_docx (table and the seed's
own report, what ``jixiao convert x.docx`` writes) and, separately, the drafted report
(``jixiao report``, with scoring). Prints the median and the worst run in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import jixiao
from jixiao.writers.docx import write_docx, write_report_docx
from jixiao.writers.xlsx import write_xlsx

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed-2021-yuelu-fulian.txt"
TARGET_MS = 300.0


def _time(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - start) * 1000)
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    evaluation = jixiao.read(SEED)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)

        def both() -> None:
            write_xlsx(evaluation, out / "表.xlsx")
            write_docx(evaluation, out / "表.docx")

        def draft() -> None:
            write_report_docx(evaluation, out / "报告.docx", score_sheet=jixiao.score(evaluation))

        both()  # warm imports and the template cache
        results = {
            "xlsx + docx": _time(both, args.repeat),
            "drafted report": _time(draft, args.repeat),
        }
    for name, runs in results.items():
        print(
            f"{name:15s} median {statistics.median(runs):6.1f} ms   worst {max(runs):6.1f} ms   ({len(runs)} runs)"
        )
    median = statistics.median(results["xlsx + docx"])
    print(f"target ≤ {TARGET_MS:.0f} ms: {'met' if median <= TARGET_MS else 'NOT met'}")


if __name__ == "__main__":
    main()
