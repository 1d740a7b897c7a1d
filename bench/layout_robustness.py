"""Layout robustness: the same evaluations written in every layout, read back, compared.

Usage::

    .venv/bin/python bench/layout_robustness.py [-n 6] [--seed 1] [--no-office] [--misses K]
    .venv/bin/python bench/layout_robustness.py --damage [-n 50] [--seed 1] [--misses K]

Evaluations: the seed as read (``examples/seed-2021-yuelu-fulian.txt``) and ``n`` generated
department and ``n`` project forms (``bench/forms.py``), and ``n // 2`` project forms of the
framework with three levels (一级 项目决策/项目管理/项目产出/项目效益). Each is laid out as the official grid
(``jixiao.writers.grid``) and rendered as text in every layout of ../shared/corpus/README.md —
``tabbed`` (``jixiao.writers.text``, like the seed), ``pipe``, ``pipe-rowspan`` (a web table
flattened with its row spans: no cell for a merged one), ``spaced-line`` (the whole table
on one line, single spaces), ``spaced-rows`` (one row per line, cells joined by runs of
spaces, as bench/generate.py writes), ``spaced-cols`` (space-aligned columns as ``pdftotext -layout``
prints them, long cells wrapped onto following lines), ``vertical`` (one cell per line, blank
lines between), ``other`` (cells run together, one row per line) — with the report after the
table, and written to .xlsx/.docx by ``jixiao.writers``. Every text layout is also read under
each mutation real documents show (see ``MUTATIONS``).

Score: ``jixiao.serialize.to_dict`` of the written evaluation and of the one read back are
flattened to leaves (funds, indicators and report sections matched by position; the keys
source, layout, location, notes, missing and format dropped). A leaf counts when either side
is non-null; it is right when both are equal — texts after ``textnorm.fold`` (NFKC, simplified,
no whitespace), numbers as Decimal. Under ``truncate`` only the leaves whose printed value is in
the kept text count. The table prints, per layout and mutation, fields right / counted.

``--damage``: the forms damaged the ways real documents are (``bench/damage.py``: headers
dropped, cut at either end, row breaks moved, cells run together, OCR confusions, reading order
scrambled, a value missing, titles, a row's figures continuing on the next line), each printed in
every text layout and written cell by cell to .xlsx/.docx, read, and scored field by field exactly
as ``bench/accuracy.py`` scores the corpus (its ``score_document`` against ``truth_of`` the written
form); a table of field accuracy per damage × layout. Undamaged forms are also told in sentences
(``prose``) and a department's funds printed as a 基础数据表 copied from a PDF (``base-data``:
year-named columns, numbered and 其中 rows, lines broken anywhere). ``-n 50`` reads about 7,800
documents.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


import forms  # noqa: E402
import zhconv  # noqa: E402
from grid_text import EXTRA_RENDER, RENDER, Rows, grid_rows  # noqa: E402

from jixiao import read, read_text  # noqa: E402
from jixiao.errors import ReadError  # noqa: E402
from jixiao.model import Evaluation, Text  # noqa: E402
from jixiao.serialize import to_dict  # noqa: E402
from jixiao.textnorm import fold  # noqa: E402

SEED = Path(__file__).resolve().parents[1] / "examples" / "seed-2021-yuelu-fulian.txt"
DROP = {"source", "layout", "location", "column", "locations", "notes", "missing", "format", "figures"}


def report_lines(e: Evaluation) -> list[str]:
    if e.report is None or not (e.report.sections or e.report.title is not None):
        return []
    from jixiao.writers.draft import report_for
    from jixiao.writers.text import report_text

    return [ln for ln in report_text(report_for(e)).split("\n") if ln.strip()]


# -- mutations --------------------------------------------------------------------------------
# A model mutation changes the evaluation (the expectation changes with it); a row mutation
# changes the printed grid only; a cell mutation each cell's text before rendering; a text
# mutation the rendered text.


def m_blank_middle(e: Evaluation, rng: random.Random) -> Evaluation:
    """Blank cells in the middle of rows: an indicator's actual or target, a fund's actual."""
    inds = list(e.indicators)
    for k in rng.sample(range(len(inds)), min(2, len(inds))):
        field = rng.choice(("actual", "target"))
        inds[k] = replace(inds[k], **{field: None})
    funds = list(e.funds)
    if len(funds) > 1:
        k = rng.randrange(1, len(funds))
        funds[k] = replace(funds[k], actual=None, rate=None)
    blank_total = rng.random() < 0.5  # 总分: the 分值 cell left blank
    return replace(
        e,
        indicators=tuple(inds),
        funds=tuple(funds),
        total_weight=None if blank_total else e.total_weight,
    )


def m_nature_unit(e: Evaluation, rng: random.Random) -> Evaluation:
    """指标性质 and 度量单位 printed in their own columns."""
    inds = tuple(
        replace(
            i,
            nature=i.target.operator if i.target else None,
            measure_unit=Text(i.target.unit) if i.target and i.target.unit else None,
        )
        for i in e.indicators
    )
    return replace(e, indicators=inds)


def _indicator_header(rows: Rows) -> int | None:
    for k, cells in enumerate(rows):
        keys = [fold(c) for c in cells]
        if "分值" in keys and any("指标值" in c for c in keys):
            return k
    return None


def m_score_first(rows: Rows, rng: random.Random) -> Rows:
    """分值 before 年度指标值 (Anhui/Sichuan column order) in the indicator block."""
    h = _indicator_header(rows)
    if h is None:
        return rows
    header = rows[h]
    wi = [fold(c) for c in header].index("分值")
    ti = next(k for k, c in enumerate(header) if "指标值" in fold(c))
    out = [list(r) for r in rows]
    for r in out[h:]:
        if len(r) == len(header):
            r.insert(ti, r.pop(wi))
    return out


def m_repeat_header(rows: Rows, rng: random.Random) -> Rows:
    """The indicator header printed again mid-table (a new page)."""
    h = _indicator_header(rows)
    if h is None:
        return rows
    end = next((k for k in range(h + 1, len(rows)) if "总分" in "".join(rows[k])), len(rows))
    if end - h < 3:
        return rows
    at = rng.randrange(h + 2, end)
    return rows[:at] + [list(rows[h])] + rows[at:]


SYNONYMS = {
    "全年预算数": ("预算数(A)", "调整后预算数", "年度预算数", "全年预算数(A)"),
    "全年执行数": ("执行数(B)", "全年执行数(B)", "预算执行数"),
    "执行率": ("执行率(B/A)", "预算执行率"),
    "分值": ("权重", "分值"),
    "年度指标值": ("指标值", "年度指标值(A)", "目标值"),
    "实际完成值": ("全年实际值", "完成值", "实际完成值(B)"),
    "偏差原因分析及改进措施": ("未完成原因分析", "偏差原因分析及改进措施"),
}


def m_synonyms(rows: Rows, rng: random.Random) -> Rows:
    """Column labels printed with their synonyms (one choice per document)."""
    pick = {k: rng.choice(v) for k, v in SYNONYMS.items()}
    return [[pick.get(c, c) for c in cells] for cells in rows]


_FULL = str.maketrans("0123456789.%()-:,", "０１２３４５６７８９．％（）－：，")


def t_fullwidth(text: str, rng: random.Random) -> str:
    return text.translate(_FULL)


def t_traditional(text: str, rng: random.Random) -> str:
    return zhconv.convert(text, "zh-hant")


def t_strip_trailing(text: str, rng: random.Random) -> str:
    """Trailing whitespace stripped by an editor: a tabbed blank cell becomes an empty line."""
    return "\n".join(ln.rstrip() for ln in text.split("\n"))


def t_truncate(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    return "\n".join(lines[: rng.randrange(len(lines) // 3, len(lines))])


MODEL_MUT = {"blank-middle": m_blank_middle, "nature-unit": m_nature_unit}
ROW_MUT = {"score-first": m_score_first, "repeat-header": m_repeat_header, "synonyms": m_synonyms}
CELL_MUT = {"fullwidth": t_fullwidth, "traditional": t_traditional}
TEXT_MUT = {
    "strip-trail": t_strip_trailing,
    "truncate": t_truncate,
}
MUTATIONS = ("none", *MODEL_MUT, *ROW_MUT, *CELL_MUT, *TEXT_MUT)

# -- comparison -------------------------------------------------------------------------------


def leaves(d: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(d, dict):
        for k, v in d.items():
            if k not in DROP:
                yield from leaves(v, f"{path}.{k}" if path else k)
    elif isinstance(d, list):
        for i, v in enumerate(d):
            yield from leaves(v, f"{path}[{i}]")
    else:
        yield path, d


def _same(a: Any, b: Any, text_norm: Callable[[str], str]) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, int | Decimal | float) or isinstance(b, int | Decimal | float):
        try:
            return Decimal(str(a)) == Decimal(str(b))
        except InvalidOperation:
            return False
    return text_norm(str(a)) == fold(str(b))


def complete_items(expected: dict[str, Any], kept: str) -> set[str]:
    """Under truncation: the list items (``indicators[3]``) wholly inside the kept text — the
    next item's name (or the block's closing label) is found after theirs — and the scalar
    texts found in it."""
    keep: set[str] = set()
    closing = {"funds": "年度总体目标", "indicators": "总分", "goals": "绩效指标", "report": ""}
    ident = {"funds": "label", "indicators": "name", "goals": "planned", "report": "heading"}
    for block, key in ident.items():
        items = expected.get(block) or []
        pos = 0
        found = []
        for item in items:
            at = kept.find(fold(str(item.get(key) or "")) or "\0", pos)
            if at < 0:
                break
            found.append(at)
            pos = at + 1
        for i in range(len(found)):
            nxt = i + 1 < len(found) or (closing[block] and kept.find(closing[block], pos) >= 0)
            if nxt:
                keep.add(f"{block}[{i}]")
    if "总分" in kept and kept.rfind("总分") < len(kept) - 40:
        keep.add("total")
    for k, v in expected.items():
        if isinstance(v, str | int) and fold(str(v)) in kept:
            keep.add(k)
        if isinstance(v, dict):
            keep.update(f"{k}.{kk}" for kk, vv in v.items() if vv is not None and str(vv) in kept)
    return keep


def compare(
    expected: Evaluation,
    got: Evaluation | None,
    text_norm: Callable[[str], str] = fold,
    kept: str | None = None,
) -> tuple[int, int, list[str]]:
    expd = to_dict(expected)
    exp = dict(leaves(expd))
    act = dict(leaves(to_dict(got))) if got is not None else {}
    keep = complete_items(expd, fold(kept)) if kept is not None else None
    right = counted = 0
    misses = []
    for key in exp.keys() | act.keys():
        a, b = exp.get(key), act.get(key)
        if a is None and b is None:
            continue
        if a == "" and key.startswith("report[") and key.endswith(".text"):
            continue  # a heading whose text is its subsections: a reader may keep them under it
        if keep is not None and (
            a is None or not any(key == k or key.startswith(k + ".") for k in keep)
        ):
            continue
        counted += 1
        if _same(a, b, text_norm):
            right += 1
        else:
            misses.append(f"{key}: {a!r} → {b!r}")
    return right, counted, sorted(misses)


# -- the run ----------------------------------------------------------------------------------


def evaluations(n: int, seed: int) -> list[tuple[str, Evaluation]]:
    rng = random.Random(seed)
    out = [("seed", read(SEED))]
    for i in range(n):
        year = rng.randint(2019, 2024)
        out.append((f"dept{i}", forms.build(forms.department(rng, year))))
        out.append((f"proj{i}", forms.build(forms.project(rng, year))))
    # the project framework's three levels (项目决策/项目管理/项目产出/项目效益): a generator of
    # its own, so that the forms above stay the same for a seed
    frame = random.Random(seed * 1009 + 10)
    for i in range(max(1, n // 2)):
        year = frame.randint(2019, 2024)
        out.append((f"frame{i}", forms.build(forms.project_framework(frame, year))))
    return out


def _trad_norm(text: str) -> str:
    return fold(zhconv.convert(text, "zh-hant"))


def run(n: int, seed: int, office: bool) -> tuple[dict, dict]:
    rng = random.Random(seed)
    score: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, base in evaluations(n, seed):
        for mut in MUTATIONS:
            e = MODEL_MUT[mut](base, rng) if mut in MODEL_MUT else base
            title, rows = grid_rows(e, "")
            if mut in ROW_MUT:
                rows = ROW_MUT[mut](rows, rng)
            report = report_lines(e)
            if mut in CELL_MUT:  # before rendering: columns stay aligned as a printer aligns them
                f = CELL_MUT[mut]
                title, report = f(title, rng), [f(ln, rng) for ln in report]
                rows = [[f(c, rng) for c in cells] for cells in rows]
            for layout, render in RENDER.items():
                text = render(title, rows, report, rng)
                if mut in TEXT_MUT:
                    text = TEXT_MUT[mut](text, rng)
                try:
                    got = read_text(text, f"{name}-{layout}-{mut}.txt")
                except ReadError:
                    got = None
                norm = _trad_norm if mut == "traditional" else fold
                r, c, miss = compare(e, got, norm, text if mut == "truncate" else None)
                score[(layout, mut)][0] += r
                score[(layout, mut)][1] += c
                misses[(layout, mut)] += [f"{name}: {m}" for m in miss]
        if office:
            from jixiao.writers import write_path

            with tempfile.TemporaryDirectory() as tmp:
                for suffix in ("xlsx", "docx"):
                    path = write_path(base, Path(tmp) / f"{name}.{suffix}")
                    try:
                        got = read(path)
                    except ReadError:
                        got = None
                    # a spreadsheet holds the table only: the report is not written to it
                    expected = replace(base, report=None) if suffix == "xlsx" else base
                    r, c, miss = compare(expected, got)
                    score[(suffix, "none")][0] += r
                    score[(suffix, "none")][1] += c
                    misses[(suffix, "none")] += [f"{name}: {m}" for m in miss]
    return score, misses


# -- damage (issue 9): every layout under every damage of bench/damage.py, scored by accuracy.py --


def write_office(title: str, rows: Rows, report: list[str], path: Path) -> Path:
    """Damaged rows written cell by cell with openpyxl / python-docx (no jixiao writer: the
    writers would print the model, not the damage); a merged-across column is an empty cell."""
    from damage import ACROSS, GLUED

    if path.suffix == ".xlsx":
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append([title])
        for cells in rows:
            ws.append([c.replace(ACROSS, "").replace(GLUED, "") for c in cells] or [""])
            for cell in ws[ws.max_row]:
                if cell.data_type == "f":
                    cell.data_type = "s"  # typed as text (=100%), not a formula
        wb.save(path)
        return path
    import docx

    doc = docx.Document()
    if title:
        doc.add_paragraph(title)
    table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for cells, row in zip(rows, table.rows, strict=True):
        for text, cell in zip(cells, row.cells, strict=False):
            cell.text = text.replace(ACROSS, "").replace(GLUED, "")
    for line in report:
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


def damage_run(
    n: int,
    seed: int,
    layouts: list[str] | None = None,
    forms_named: str = "",
    damages: list[str] | None = None,
) -> tuple[dict[tuple[str, str], list[int]], dict[tuple[str, str], list[str]]]:
    """Right/counted fields per (layout, damage) over the seed and ``n`` department and ``n``
    project forms (and ``n // 2`` of the project framework); each damage is drawn once per form
    and printed in every layout; ``forms_named``: only the forms whose name starts so (``frame``;
    ``seed,dept,proj`` for the forms before the framework's were added); ``damages``: only these
    damages (all when empty). Under the key ``("documents", "")`` the count of documents read."""
    from accuracy import score_document
    from damage import (
        DAMAGES,
        NOT_APPLICABLE,
        base_data,
        column_major,
        form_of,
        plan,
        printed,
        prose,
    )
    from damage_sheet import score_sheet

    layouts = layouts or [
        *RENDER, "column-major", "prose", "base-data", "score-sheet", "xlsx", "docx"
    ]  # fmt: skip
    score: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses: dict[tuple[str, str], list[str]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for name, base in evaluations(n, seed):
            if not name.startswith(tuple(forms_named.split(","))):
                continue
            form = form_of(base, report_lines(base))
            where = plan(form.rows, form.truth)
            if where is None:
                continue
            for dname, damage in DAMAGES.items():
                if damages and dname not in damages:
                    continue
                # one generator per form and damage, one per layout: adding a layout or a damage
                # leaves the others' documents as they were
                damaged = damage(form, where, random.Random(f"{seed}/{name}/{dname}"))
                if damaged is None:
                    continue
                for layout in layouts:
                    if (dname, layout) in NOT_APPLICABLE or (
                        layout in ("prose", "base-data", "score-sheet") and dname != "none"
                    ):
                        continue
                    rng = random.Random(f"{seed}/{name}/{dname}/{layout}")
                    made = base_data(damaged, rng) if layout == "base-data" else None
                    if layout == "score-sheet":
                        made = score_sheet(damaged, rng)
                    if layout in ("base-data", "score-sheet") and made is None:
                        continue  # a project form has no 基础数据表 and no 评分表
                    columns = column_major(damaged, rng) if layout == "column-major" else None
                    if layout == "column-major" and columns is None:
                        continue  # no indicator table left to print by columns
                    doc = Path(damaged.filename or f"{name}-{dname}-{layout}.txt").stem
                    score[("documents", "")][0] += 1
                    truth = damaged.truth
                    try:
                        if made is not None:
                            text, truth = made
                            got = read_text(text, doc + ".txt")
                        elif columns is not None:
                            got = read_text(columns, doc + ".txt")
                        elif layout == "prose":
                            text, truth = prose(damaged, rng)
                            got = read_text(text, doc + ".txt")
                        elif layout in RENDER or layout in EXTRA_RENDER:
                            positional = layout == "spaced-cols" and damaged.placed
                            rows = printed(
                                damaged.placed if positional else damaged.rows,
                                glued=layout == "spaced-cols",
                            )
                            render = RENDER.get(layout) or EXTRA_RENDER[layout]
                            text = render(damaged.title, rows, damaged.report, rng)
                            got = read_text(text, doc + ".txt")
                        else:
                            path = Path(tmp) / f"{name}-{dname}" / f"{doc}.{layout}"
                            path.parent.mkdir(exist_ok=True)
                            got = read(write_office(damaged.title, damaged.rows, [], path))
                    except ReadError:
                        got = None
                    for f in score_document(doc, truth, got):
                        cell = score[(layout, dname)]
                        cell[0] += f.ok
                        cell[1] += 1
                        if not f.ok:
                            misses[(layout, dname)].append(
                                f"{name}: {f.field}: {f.expected!r} → {f.got!r}"
                            )
    return score, misses


def print_damage_table(score: dict, damages: list[str], layouts: list[str]) -> None:
    """Fields right / counted per damage (rows) and layout (columns), totals last."""
    print("damage".ljust(14) + "".join(c[:11].rjust(12) for c in layouts) + "all".rjust(8))
    for row in [*damages, "all"]:
        cells, tr, tc = [], 0, 0
        for col in layouts:
            keys = [(col, d) for d in damages] if row == "all" else [(col, row)]
            r = sum(score[k][0] for k in keys if k in score)
            c = sum(score[k][1] for k in keys if k in score)
            tr, tc = tr + r, tc + c
            cells.append(f"{r / c:.3f}".rjust(12) if c else "-".rjust(12))
        print(row.ljust(14) + "".join(cells) + f"{tr / max(tc, 1):.3f}".rjust(8))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="版式稳健性：同一份自评表写成各种版式再读回")
    parser.add_argument("-n", type=int, default=6, help="部门、项目表各生成几份")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-office", action="store_true", help="不测 .xlsx/.docx")
    parser.add_argument("--misses", type=int, default=0, help="每格列出前 K 个未读对的字段")
    parser.add_argument(
        "--damage", action="store_true", help="损坏测试：各版式 × 各损坏方式（bench/damage.py）"
    )
    parser.add_argument(
        "--forms", default="", help="只测名称以此开头的表（seed、dept、proj、frame，逗号分隔）"
    )
    parser.add_argument(
        "--layouts", default="", help="损坏测试只测这些版式（逗号分隔，如 spaced-line,other）"
    )
    parser.add_argument(
        "--damages", default="", help="损坏测试只用这些损坏方式（逗号分隔，如 ocr,cut-start）"
    )
    args = parser.parse_args(argv)
    if args.damage:
        from damage import DAMAGES

        layouts = [
            *RENDER,
            "column-major",
            "prose",
            "base-data",
            "score-sheet",
            *([] if args.no_office else ["xlsx", "docx"]),
        ]
        wanted = [x for x in args.layouts.split(",") if x]
        chosen = [x for x in args.damages.split(",") if x]
        layouts += [x for x in EXTRA_RENDER if x in wanted]  # measured only when asked for
        unknown = sorted(set(wanted) - set(layouts)) + sorted(set(chosen) - set(DAMAGES))
        if unknown:
            parser.error(f"未知的版式或损坏方式：{'、'.join(unknown)}")
        layouts = [x for x in layouts if not wanted or x in wanted]
        started = time.perf_counter()
        score, misses = damage_run(args.n, args.seed, layouts, args.forms, chosen)
        print_damage_table(score, [d for d in DAMAGES if not chosen or d in chosen], layouts)
        docs = score[("documents", "")][0]
        print(f"{docs} documents, {time.perf_counter() - started:.0f} s")
        _print_misses(misses, args.misses)
        return 0
    score, misses = run(args.n, args.seed, not args.no_office)
    layouts = [*RENDER, *([] if args.no_office else ["xlsx", "docx"])]
    print("layout".ljust(12) + "".join(m[:11].rjust(12) for m in MUTATIONS) + "  all".rjust(8))
    for layout in layouts:
        cells, tr, tc = [], 0, 0
        for mut in MUTATIONS:
            r, c = score.get((layout, mut), (0, 0))
            tr, tc = tr + r, tc + c
            cells.append(f"{r / c:.3f}".rjust(12) if c else "-".rjust(12))
        print(layout.ljust(12) + "".join(cells) + f"{tr / max(tc, 1):.3f}".rjust(8))
    _print_misses(misses, args.misses)
    return 0


def _print_misses(misses: dict[tuple[str, str], list[str]], k: int) -> None:
    for key in sorted(misses) if k else ():
        if misses[key]:
            print(f"\n== {key[0]} / {key[1]}: {len(misses[key])} misses")
            for m in misses[key][:k]:
                print("  " + m[:220])


if __name__ == "__main__":
    raise SystemExit(main())
