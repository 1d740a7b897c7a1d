"""How long reading an office form takes (target: ≤ 50 ms for a two-page .docx or .xlsx).

Run: .venv/bin/python bench/office_speed.py [files…]

For each file: the first call (imports of python-docx/openpyxl/pdfplumber included), then
the median and worst of N warm calls, for the reader alone (file → Document) and for the
whole of ``jixiao.read`` (file → Evaluation, extraction included, when jixiao.extract is
present). Default files: the seed as .docx, the seed's table typed into .xlsx, the .xls and
the two-page PDF from tests/data.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jixiao.readers.office import read_office  # noqa: E402

DATA = ROOT / "tests" / "data"
DEFAULT = [
    DATA / "docx-seed.docx",
    DATA / "xlsx-dept-official.xlsx",
    DATA / "xls-basic.xls",
    DATA / "pdf-two-pages-repeated-header.pdf",
]
RUNS = 30


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, float]:
    start = time.perf_counter()
    fn()
    first = (time.perf_counter() - start) * 1000
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return first, statistics.median(samples), max(samples)


def main(argv: list[str]) -> None:
    files = [Path(a) for a in argv] or DEFAULT
    try:
        import jixiao

        full: Callable[[Path], object] | None = jixiao.read
        import jixiao.extract  # noqa: F401
    except ImportError:
        full = None
    print(f"{'file':40} {'step':8} {'first':>8} {'median':>8} {'max':>8}   (ms, {RUNS} warm runs)")
    for path in files:
        first, median, worst = timed(lambda p=path: read_office(p), RUNS)
        print(f"{path.name:40} {'reader':8} {first:8.1f} {median:8.1f} {worst:8.1f}")
        if full is not None:
            first, median, worst = timed(lambda p=path: full(p), RUNS)
            print(f"{'':40} {'read()':8} {first:8.1f} {median:8.1f} {worst:8.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
