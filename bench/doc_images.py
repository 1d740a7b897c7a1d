"""Render every kind of document jixiao writes to PNG pictures in docs/images, to look at.

    PYTHONPATH=$PWD .venv/bin/python bench/doc_images.py [--out docs/images]

From the example form (examples/seed-2021-yuelu-fulian.txt) and from generated forms only
(bench/generate.py), never from the corpus: the official table (first page and a continuation
page, header and 一级/二级 repeated), the drafted report (first two pages), and of a batch of 40
generated files the summary report (first three pages), summary.xlsx (the first printed page
of 汇总 and of 问题明细) and compare.xlsx (the same files as two years). ``--only batch``: the
batch outputs alone.
Needs LibreOffice and pdftoppm (poppler-utils). Takes about a minute.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import generate  # noqa: E402

import jixiao  # noqa: E402
from jixiao.batch import run_batch  # noqa: E402
from jixiao.batch.compare import compare_outputs  # noqa: E402
from jixiao.batch.compare_output import write_compare  # noqa: E402
from jixiao.writers import soffice  # noqa: E402
from jixiao.writers.docx import write_report_docx, write_table_docx  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-2021-yuelu-fulian.txt"
DPI = 60


def pages(pdf: Path, out: Path, name: str, first: int, last: int) -> list[Path]:
    """Pages ``first``…``last`` of ``pdf`` as ``name-<n>.png`` (``name.png`` for one page)."""
    made = []
    for n in range(first, last + 1):
        target = out / (f"{name}.png" if first == last else f"{name}-{n}.png")
        stem = target.with_suffix("")
        subprocess.run(
            ["pdftoppm", "-r", str(DPI), "-png", "-singlefile", "-f", str(n), "-l", str(n),
             str(pdf), str(stem)],
            check=True,
        )  # fmt: skip
        made.append(target)
    return made


def first_page_with(pdf: Path, *words: str) -> int:
    """The number of the first page of ``pdf`` whose text holds every one of ``words``."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        for n, page in enumerate(doc.pages, start=1):
            text = page.extract_text() or ""
            if all(w in text for w in words):
                return n
    raise SystemExit(f"{pdf}: no page holds {words}")


def to_pdf(source: Path, work: Path) -> Path:
    return soffice.convert(source, "pdf", work)


def _shift_year(journal: Path) -> None:
    """Every record one year later (the comparison pairs the same units across two years)."""
    lines = []
    for line in journal.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if isinstance(record.get("year"), int):
            record["year"] += 1
        lines.append(json.dumps(record, ensure_ascii=False))
    journal.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description="把 jixiao 生成的各类文档渲染成 PNG 图片")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--only", choices=("batch",), default=None, help="只生成批量审核输出的图片")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="jixiao-images-") as tmp:
        work = Path(tmp)
        if args.only is None:
            seed = jixiao.read(SEED)
            table = to_pdf(write_table_docx(seed, work / "table.docx"), work)
            made += pages(table, out, "department-table", 1, 1)
            made += pages(table, out, "department-table-continued", 2, 2)
            drafted = replace(seed, report=None)
            report = write_report_docx(
                drafted, work / "report.docx", score_sheet=jixiao.score(drafted)
            )
            made += pages(to_pdf(report, work), out, "report-first-page", 1, 1)
            made += pages(to_pdf(report, work), out, "report-drafted", 2, 2)
        generated = work / "generated"
        generate.generate(generated, 40, 11, {"tabbed": 2, "pipe": 1, "docx": 1})
        batch_out = work / "batch"
        run_batch([generated / "files"], batch_out, jobs=2)
        summary_report = to_pdf(batch_out / "汇总报告.docx", work)
        made += pages(summary_report, out, "batch-report", 1, 3)
        summary = to_pdf(batch_out / "summary.xlsx", work)
        made += pages(summary, out, "batch-summary-xlsx", 1, 1)
        findings = first_page_with(summary, "代码", "级别", "应为", "实为")  # the sheet 问题明细
        made += pages(summary, out, "batch-summary-xlsx-findings", findings, findings)
        again = work / "batch-next-year"  # the same files reviewed again: a second year
        run_batch([generated / "files"], again, jobs=2, report=False)
        _shift_year(again / "journal.jsonl")
        write_compare(work / "compare.xlsx", compare_outputs(batch_out, again))
        made += pages(to_pdf(work / "compare.xlsx", work), out, "batch-compare-xlsx", 1, 1)
    for path in made:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
