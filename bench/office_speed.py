"""How long reading an office form takes (target: ≤ 50 ms for a two-page .docx or .xlsx).

Run: .venv/bin/python bench/office_speed.py [files…]

For each file: the first call (imports of python-docx/openpyxl/pdfplumber included), then
the median and worst wall time and the median CPU time of N warm calls, for the reader alone (file → Document) and for the
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


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, float, float]:
    """First call, then median and worst wall time and median CPU time of warm calls (ms)."""
    start = time.perf_counter()
    fn()
    first = (time.perf_counter() - start) * 1000
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return first, statistics.median(wall), max(wall), statistics.median(cpu)


def main(argv: list[str]) -> None:
    files = [Path(a) for a in argv] or DEFAULT
    try:
        import jixiao

        full: Callable[[Path], object] | None = jixiao.read
        import jixiao.extract  # noqa: F401
    except ImportError:
        full = None
    print(
        f"{'file':36} {'step':7} {'first':>7} {'median':>7} {'max':>7} {'cpu':>7}  (ms; {RUNS} warm runs)"
    )
    for path in files:
        first, median, worst, cpu = timed(lambda p=path: read_office(p), RUNS)
        print(f"{path.name:36} {'reader':7} {first:7.1f} {median:7.1f} {worst:7.1f} {cpu:7.1f}")
        if full is not None:
            first, median, worst, cpu = timed(lambda p=path: full(p), RUNS)
            print(f"{'':36} {'read()':7} {first:7.1f} {median:7.1f} {worst:7.1f} {cpu:7.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
