"""Speed of the report and prose readers alone (extract_report + extract_prose).

    .venv/bin/python bench/report_speed.py [DIR ...]

DIR holds *.txt documents (default: ../shared/corpus/dev/raw and ../shared/seed). Prints
documents per second on one core, then the time for hostile inputs (one very long sentence
with many figures, a very long line without punctuation, many short sections), which must
stay linear in the length of the text.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jixiao.document import Paragraph  # noqa: E402
from jixiao.extract.prose import extract_prose  # noqa: E402
from jixiao.extract.report import extract_report  # noqa: E402
from jixiao.model import Location  # noqa: E402
from jixiao.readers.text import parse_text  # noqa: E402

ROUNDS = 50


def _paragraphs(path: Path) -> list[Paragraph]:
    document = parse_text(path.read_text(encoding="utf-8"), str(path))
    return [b for b in document.blocks if isinstance(b, Paragraph)]


def main(argv: list[str]) -> None:
    shared = ROOT.parent / "shared"
    dirs = [Path(a) for a in argv] or [shared / "corpus" / "dev" / "raw", shared / "seed"]
    files = sorted(f for d in dirs if d.is_dir() for f in d.glob("*.txt"))
    if not files:
        sys.exit("没有找到 .txt 文档")
    docs = [(str(f), _paragraphs(f)) for f in files]
    start = time.perf_counter()
    for _ in range(ROUNDS):
        for source, paragraphs in docs:
            extract_prose(paragraphs, extract_report(paragraphs, source), source)
    elapsed = time.perf_counter() - start
    n = ROUNDS * len(docs)
    print(
        f"报告/文字读取：{n / elapsed:.0f} 份/秒（{len(docs)} 份 × {ROUNDS} 轮，{elapsed:.2f} 秒）"
    )
    hostile = {
        "一句话 20000 个数字": "2021年甲项资金1万元，" * 20000,
        "无标点长行 90 万字": "甲乙丙" * 300000 + "1万元",
        "20000 个章节": "一、标题\n2021年支出1万元。\n" * 20000,
    }
    for name, text in hostile.items():
        paragraphs = [Paragraph(text, Location("h", line=1))]
        start = time.perf_counter()
        extract_prose(paragraphs, extract_report(paragraphs, "h"), "h")
        print(f"{name}（{len(text)} 字）：{time.perf_counter() - start:.2f} 秒")


if __name__ == "__main__":
    main(sys.argv[1:])
