"""Generate realistic self-evaluations with planted faults, in every supported format.

    .venv/bin/python bench/generate.py OUTDIR -n 1000 [--seed 1] [--mix tabbed=20,pipe=10,...]

Department tables with their report and project tables, figures drawn at random (seeded):
a clean form is built first (totals add up, rates right, scores within weights), then 0–3
faults from every check family are planted (bench/faults.py). Formats: text (tabbed, pipe,
spaced; on request every other text layout of ``grid_text.RENDER``: spaced-line, spaced-cols,
vertical, other), .docx (table + report) and .xlsx through ``jixiao.writers``, .json (jixiao/1),
and a few .xls / .doc / .pdf converted by LibreOffice. The files go to ``OUTDIR/files/``;
``OUTDIR/manifest.json`` records, per file (path relative to ``files/``), its format, kind and
every planted fault with the check codes that report it and the anchors (indicator name,
changed figure, heading) a finding must name to count as reporting it.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import faults  # noqa: E402
import forms  # noqa: E402
from grid_text import RENDER, grid_rows  # noqa: E402

from jixiao.model import Evaluation, Kind  # noqa: E402

DEFAULT_MIX = {
    "tabbed": 18,
    "pipe": 11,
    "spaced": 11,
    "docx": 25,
    "xlsx": 25,
    "json": 2,
    "xls": 3,
    "doc": 3,
    "pdf": 2,
}
# the other text layouts of grid_text.RENDER: only when asked for (--mix vertical=1,…)
MORE_TEXT = ("spaced-line", "spaced-cols", "vertical", "other")
TEXT_LAYOUTS = ("tabbed", "pipe", "spaced", *MORE_TEXT)
WITH_REPORT = {*TEXT_LAYOUTS, "docx", "doc", "pdf", "json"}
SUFFIX = {
    **dict.fromkeys(TEXT_LAYOUTS, ".txt"),
    "docx": ".docx",
    "xlsx": ".xlsx",
    "json": ".json",
    "xls": ".xls",
    "doc": ".doc",
    "pdf": ".pdf",
}
CONVERTED_FROM = {"xls": "xlsx", "doc": "docx", "pdf": "docx"}
# scenario faults first: they recompute totals, which would hide an arithmetic fault planted before
ORDER = ("execution_over_100", "low_execution")
EXCLUSIVE = {frozenset(("execution_over_100", "low_execution"))}


def report_text(e: Evaluation) -> str:
    if e.report is None:
        return ""
    from jixiao.writers.draft import report_for
    from jixiao.writers.text import report_text as render

    return "\n\n" + render(report_for(e))


def render_text(e: Evaluation, layout: str, rng: random.Random) -> str:
    if layout == "tabbed":
        from jixiao.writers.text import evaluation_text

        return evaluation_text(e)
    title, rows = grid_rows(e)
    if layout in MORE_TEXT:
        report = [ln for ln in report_text(e).split("\n") if ln.strip()]
        return RENDER[layout](title, rows, report, rng)
    lines = [title, ""]
    for cells in rows:
        if layout == "pipe":
            lines.append("| " + " | ".join(cells) + " |")
        else:
            gap = " " * rng.randint(2, 6)
            lines.append(gap.join(c for c in cells if c))
    return "\n".join(lines) + report_text(e)


def _choose(spec: forms.Spec, fmt: str, rng: random.Random) -> list[str]:
    applicable = [
        name
        for name, (_, _, needs_report, department_only) in faults.FAULTS.items()
        if (not needs_report or fmt in WITH_REPORT)
        and (not department_only or spec.kind == Kind.DEPARTMENT)
    ]
    k = rng.choices((0, 1, 2, 3), weights=(8, 40, 35, 17))[0]
    chosen: list[str] = []
    for name in rng.sample(applicable, len(applicable)):
        if len(chosen) == k:
            break
        if any(frozenset((name, other)) in EXCLUSIVE for other in chosen):
            continue
        chosen.append(name)
    return chosen


def plant(
    spec: forms.Spec, fmt: str, rng: random.Random, chosen: list[str] | None = None
) -> list[dict[str, object]]:
    """Plant 0–3 faults drawn at random (or the ``chosen`` ones) in ``spec``."""
    if chosen is None:
        chosen = _choose(spec, fmt, rng)
    chosen = sorted(chosen, key=lambda n: (n not in ORDER, n))
    planted = []
    rewritten = False
    for name in chosen:
        if name not in ORDER and not rewritten and spec.sections:
            spec.sections = forms.report_sections(spec, rng)  # the report states the final figures
            rewritten = True
        planter, codes, _, _ = faults.FAULTS[name]
        done = planter(spec, rng)
        if done is not None:
            planted.append(
                {
                    "fault": name,
                    "codes": faults.resolve_codes(codes),
                    "detail": done.detail,
                    "anchors": list(done.anchors),
                }
            )
    if not rewritten and spec.sections:
        spec.sections = forms.report_sections(spec, rng)
    return planted


def generate(outdir: Path, n: int, seed: int, mix: dict[str, int]) -> dict[str, object]:
    outdir.mkdir(parents=True, exist_ok=True)
    from jixiao.serialize import dumps
    from jixiao.writers import write_docx, write_xlsx

    formats, weights = zip(*mix.items(), strict=True)
    entries = []
    pending: dict[str, list[tuple[Path, Path]]] = {}  # target format → (source, final path)
    staging = Path(tempfile.mkdtemp(prefix="jixiao-gen-"))
    started = time.perf_counter()
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        fmt = rng.choices(formats, weights=weights)[0]
        year = rng.randint(2019, 2024)
        spec = forms.department(rng, year) if rng.random() < 0.6 else forms.project(rng, year)
        planted = plant(spec, fmt, rng)
        e = forms.build(spec)
        kind = "部门" if spec.kind == Kind.DEPARTMENT else "项目"
        name = f"{i:05d}-{kind}-{fmt}{SUFFIX[fmt]}"
        sub = outdir / "files" / spec.unit[:3]
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / name
        if fmt in TEXT_LAYOUTS:
            path.write_text(
                render_text(e, fmt, rng) + "\n",
                encoding=rng.choice(("utf-8", "utf-8", "utf-8", "gb18030")),
            )
        elif fmt == "docx":
            write_docx(e, path)
        elif fmt == "xlsx":
            write_xlsx(e, path)
        elif fmt == "json":
            path.write_text(dumps(e) + "\n", encoding="utf-8")
        else:
            source = staging / fmt / (path.stem + "." + CONVERTED_FROM[fmt])
            source.parent.mkdir(exist_ok=True)
            (write_xlsx if CONVERTED_FROM[fmt] == "xlsx" else write_docx)(e, source)
            pending.setdefault(fmt, []).append((source, path))
        entries.append(
            {
                "path": str(path.relative_to(outdir / "files")),
                "format": fmt,
                "kind": spec.kind.value,
                "unit": spec.unit,
                "year": year,
                "faults": planted,
            }
        )
    for fmt, pairs in pending.items():
        _convert(fmt, pairs)
    shutil.rmtree(staging, ignore_errors=True)
    manifest = {
        "seed": seed,
        "n": n,
        "mix": mix,
        "seconds": round(time.perf_counter() - started, 1),
        "files": entries,
    }
    (outdir / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return manifest


def _convert(fmt: str, pairs: list[tuple[Path, Path]]) -> None:
    """One LibreOffice run per format; the converted file is moved to its final place."""
    workdir = pairs[0][0].parent
    profile = Path(tempfile.mkdtemp(prefix="jixiao-lo-"))
    cmd = [
        "soffice",
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        fmt,
        "--outdir",
        str(workdir / "out"),
        *(str(s) for s, _ in pairs),
    ]
    subprocess.run(cmd, check=False, capture_output=True, timeout=60 + 10 * len(pairs))
    shutil.rmtree(profile, ignore_errors=True)
    for source, final in pairs:
        converted = workdir / "out" / (source.stem + "." + fmt)
        if converted.exists():
            shutil.move(converted, final)
        else:
            print(f"转换失败：{source.name} → .{fmt}", file=sys.stderr)


def _mix(text: str | None) -> dict[str, int]:
    if not text:
        return DEFAULT_MIX
    out = {}
    for part in text.split(","):
        name, _, weight = part.partition("=")
        if name not in SUFFIX:
            raise SystemExit(f"未知格式：{name}（可用：{'、'.join(SUFFIX)}）")
        out[name] = int(weight or 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="生成带预设错误的自评材料（基准测试用）")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("-n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mix", help="格式权重，如 tabbed=1,docx=1（默认混合全部格式）")
    args = parser.parse_args()
    manifest = generate(args.outdir, args.n, args.seed, _mix(args.mix))
    planted = sum(len(f["faults"]) for f in manifest["files"])  # type: ignore[arg-type, union-attr]
    print(
        f"生成 {args.n} 份，预设错误 {planted} 处，用时 {manifest['seconds']} 秒 → {args.outdir}/manifest.json"
    )


if __name__ == "__main__":
    main()
