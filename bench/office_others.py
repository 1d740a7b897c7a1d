"""Office forms made by other hands: field accuracy on .xlsx/.docx written cell by cell with
openpyxl / python-docx in layouts jixiao's writers never make (issue 9, item 6; target ≥ 0.98).

Usage::

    .venv/bin/python bench/office_others.py [-n 40] [--seed 7] [--misses K]

Forms: ``n`` department and ``n`` project forms of ``bench/forms.py`` (seeded). Each is written in
every layout of ``LAYOUTS``:

- ``clerk``: extra rows above the title (附件2, 填报单位 … 单位：万元), 指标性质 / 指标值 / 度量单位
  in their own columns with the operator typed as a clerk types it (≧ ≥ ＞＝ ═ ＝ ≦ …), rates
  stored as fractions under ``0.00%``, a hidden helper column (得分 × 10) before 得分, a hidden
  sheet holding last year's draft;
- ``score-first``: 分值 before 年度指标值 (the Anhui/Sichuan order), 预算数(A)/执行数(B)/执行率(B/A)
  headers, weights stored as fractions shown in percent (``0%``), a hidden row holding a
  withdrawn indicator;
- ``merged``: a section title merged across the table, 一级/二级 merged down, the fund labels
  merged over two columns, the total row merged across up to its figures;
- ``two-row-header``: headers over two rows (预算执行情况 over 预算/执行/执行率, 年度指标值 over
  指标性质/指标值/度量单位, the other labels merged down), every figure typed as text.

Written to .xlsx and to .docx (the same grid as a Word table, merges made with python-docx;
hidden helper columns have no Word counterpart and hidden rows are ``w:trPr/w:hidden``).
Read with ``jixiao.read``; scored by ``bench/accuracy.py`` (``score_document`` against the truth of
the printed form: with a 指标性质 / 度量单位 column, ``target`` is the 指标值 cell alone, as the
corpus truth files have it).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import forms  # noqa: E402
from accuracy import score_document, truth_of  # noqa: E402

from jixiao import read  # noqa: E402
from jixiao.errors import ReadError  # noqa: E402
from jixiao.model import Evaluation, Indicator, Kind, Operator  # noqa: E402

# how clerks type each operator in a 指标性质 column
OPERATOR_TYPED: dict[Operator, tuple[str, ...]] = {
    Operator.GE: ("≥", "≧", "＞＝", ">="),
    Operator.LE: ("≤", "≦", "＜＝", "<="),
    Operator.EQ: ("=", "═", "＝", "﹦"),
    Operator.GT: (">", "＞"),
    Operator.LT: ("<", "＜"),
}


@dataclass
class C:
    """One cell: its value (text or number), number format, spans."""

    value: Any = None
    fmt: str | None = None
    rows: int = 1
    cols: int = 1


@dataclass
class Sheet:
    title: str
    rows: list[list[C]] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)  # 0-based
    hidden_cols: set[int] = field(default_factory=set)  # 0-based
    above: list[str] = field(default_factory=list)  # lines above the table (Word: paragraphs)

    def add(self, *cells: C | str | Decimal | None) -> None:
        self.rows.append([c if isinstance(c, C) else C(c) for c in cells])


def _text(n: Any) -> str:
    return "" if n is None else str(n)


def _num(x: Any) -> Decimal | None:
    return None if x is None else x.value


def _percent(value: Decimal | None, places: int = 2) -> C:
    if value is None:
        return C()
    return C(value / 100, "0." + "0" * places + "%" if places else "0%")


def _split_measure(ind: Indicator) -> tuple[str | None, str, str | None, str]:
    """(operator, 指标值, 度量单位, 实际完成值) of an indicator printed with its own columns."""
    t, a = ind.target, ind.actual
    if t is None or t.number is None:
        return None, t.text if t else "", None, a.text if a else ""
    actual = a.text if a else ""
    if a is not None and a.number is not None and (a.unit or "") == (t.unit or ""):
        actual = _plain(a.number)
    return t.operator.value if t.operator else None, _plain(t.number), t.unit, actual


def _plain(d: Decimal) -> str:
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _header(e: Evaluation, s: Sheet) -> None:
    if e.kind == Kind.PROJECT:
        s.add("项目名称", e.project.text if e.project else "")
        s.add("主管部门", e.supervisor.text if e.supervisor else "", "实施单位", e.unit.text)
    else:
        s.add("部门（单位）名称", e.unit.text if e.unit else "")
        s.add("人员编制", _num(e.staff_authorized), "实有人数", _num(e.staff_actual))


def _title(e: Evaluation) -> str:
    what = "部门整体支出" if e.kind == Kind.DEPARTMENT else "项目支出"
    return f"{e.year.value if e.year else ''}年度{what}绩效自评表"


def layout_clerk(e: Evaluation, rng: random.Random) -> tuple[Sheet, dict[str, Any]]:
    s = Sheet("自评表", above=["附件2", _title(e), f"填报单位：{e.unit.text}    单位：万元"])
    truth = truth_of(e)
    _header(e, s)
    project = e.kind == Kind.PROJECT
    s.add("资金情况", "项目", *(["年初预算数"] if project else []), "全年预算数", "全年执行数")
    s.rows[-1] += [C("执行率"), C("分值"), C("得分")]
    for f in e.funds:
        initial = [_num(f.initial_budget)] if project else []
        s.add("", f.label.text, *initial, _num(f.budget), _num(f.actual))
        s.rows[-1] += [_percent(_num(f.rate)), C(_num(f.weight)), C(_num(f.score))]
    head = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值"]
    s.add(*head, "分值", "得分×10", "得分", "偏差原因分析")
    helper = len(s.rows[-1]) - 3
    s.hidden_cols.add(helper)
    for ind, t in zip(e.indicators, truth["indicators"], strict=True):
        op, target, unit, actual = _split_measure(ind)
        typed = rng.choice(OPERATOR_TYPED[Operator(op)]) if op in OPERATOR_TYPED else op
        score = _num(ind.score)
        s.add(ind.level1.text if ind.level1 else "", ind.level2.text if ind.level2 else "")
        s.rows[-1] += [C(ind.name.text), C(typed), C(target), C(unit), C(actual)]
        s.rows[-1] += [C(_num(ind.weight)), C(score * 10 if score is not None else None)]
        s.rows[-1] += [C(score), C(ind.deviation.text if ind.deviation else "")]
        t.update(target=target, actual=actual)
        if "unit" in t:
            t["unit"] = unit
    s.add("总分", *[""] * 6, _num(e.total_weight), "", _num(e.total_score))
    return s, truth


def layout_score_first(e: Evaluation, rng: random.Random) -> tuple[Sheet, dict[str, Any]]:
    s = Sheet("Sheet1", above=[_title(e)])
    truth = truth_of(e)
    _header(e, s)
    project = e.kind == Kind.PROJECT
    s.add("项目", *(["年初预算数"] if project else []), "预算数(A)", "执行数(B)", "执行率(B/A)")
    s.rows[-1] += [C("分值"), C("得分")]
    places = rng.choice((1, 2))  # rates shown to one decimal: the truth is what is shown
    for f, t in zip(e.funds, truth["funds"], strict=True):
        initial = [_num(f.initial_budget)] if project else []
        s.add(f.label.text, *initial, _num(f.budget), _num(f.actual))
        s.rows[-1] += [_percent(_num(f.rate), places)]
        s.rows[-1] += [_percent(_num(f.weight), 0), C(_num(f.score))]
        if t.get("rate_percent") is not None:
            t["rate_percent"] = t["rate_percent"].quantize(
                Decimal(1).scaleb(-places), ROUND_HALF_UP
            )
    s.add("一级指标", "二级指标", "三级指标", "分值", "年度指标值", "实际完成值", "得分")
    for k, ind in enumerate(e.indicators):
        s.add(ind.level1.text if ind.level1 else "", ind.level2.text if ind.level2 else "")
        s.rows[-1] += [C(ind.name.text), _percent(_num(ind.weight), 0)]
        s.rows[-1] += [
            C(ind.target.text if ind.target else ""),
            C(ind.actual.text if ind.actual else ""),
        ]
        s.rows[-1] += [C(_num(ind.score))]
        if k == 0:
            s.add("产出指标", "数量指标", "已撤销的指标", "5%", "≥1次", "0次", 0)
            s.hidden_rows.add(len(s.rows) - 1)
    s.add("合计", "", "", _percent(_num(e.total_weight), 0), "", "", _num(e.total_score))
    return s, truth


def layout_merged(e: Evaluation, rng: random.Random) -> tuple[Sheet, dict[str, Any]]:
    s = Sheet("绩效自评", above=[])
    truth = truth_of(e)
    width = 8
    s.add(C(_title(e), cols=width))
    _header(e, s)
    project = e.kind == Kind.PROJECT
    s.add(C("项目资金情况（万元）", cols=width))
    labels = ["年初预算数"] if project else []
    labels += ["全年预算数", "全年执行数", "执行率", "分值", "得分"]
    s.add(C("资金项目", cols=2), None, *labels)
    for f in e.funds:
        initial = [_num(f.initial_budget)] if project else []
        s.add(C(f.label.text, cols=2), None, *initial, _num(f.budget), _num(f.actual))
        s.rows[-1] += [_percent(_num(f.rate)), C(_num(f.weight)), C(_num(f.score))]
    s.add(C("绩效指标", cols=width))
    s.add(
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"
    )
    first = len(s.rows)
    for ind in e.indicators:
        s.add(ind.level1.text if ind.level1 else "", ind.level2.text if ind.level2 else "")
        s.rows[-1] += [C(ind.name.text), C(ind.target.text if ind.target else "")]
        s.rows[-1] += [C(ind.actual.text if ind.actual else ""), C(_num(ind.weight))]
        s.rows[-1] += [C(_num(ind.score)), C(ind.deviation.text if ind.deviation else "")]
    for col in (0, 1):  # merge runs of the same 一级 / 二级 down
        k = first
        while k < len(s.rows):
            end = k + 1
            same = s.rows[k][col].value
            while (
                end < len(s.rows)
                and s.rows[end][col].value == same
                and (col == 0 or s.rows[end][0].value == s.rows[k][0].value)
            ):
                end += 1
            if end - k > 1:
                s.rows[k][col].rows = end - k
                for r in range(k + 1, end):
                    s.rows[r][col] = C()
            k = end
    s.add(C("总分", cols=5), None, None, None, None, _num(e.total_weight), _num(e.total_score), "")
    return s, truth


def layout_two_row_header(e: Evaluation, rng: random.Random) -> tuple[Sheet, dict[str, Any]]:
    """Headers over two rows (a group label merged over its columns, the others merged down) and
    every figure typed as text (``'198.80``), as a form copied in from another program."""
    s = Sheet("Sheet1", above=[_title(e)])
    truth = truth_of(e)
    _header(e, s)
    project = e.kind == Kind.PROJECT
    money = (["年初预算数"] if project else []) + ["全年预算数", "全年执行数"]
    s.add(C("项目", rows=2), C("预算执行情况（万元）", cols=len(money) + 1))
    s.rows[-1] += [C()] * len(money) + [C("分值", rows=2), C("得分", rows=2)]
    s.add(C(), *money, "执行率", C(), C())
    for f in e.funds:
        figures = ([f.initial_budget] if project else []) + [f.budget, f.actual, f.rate]
        figures += [f.weight, f.score]
        s.add(f.label.text, *(C(x.text if x else "", "@") for x in figures))
    s.add(
        C("一级指标", rows=2),
        C("二级指标", rows=2),
        C("三级指标", rows=2),
        C("年度指标值", cols=3),
        C(),
        C(),
        C("实际完成值", rows=2),
        C("分值", rows=2),
        C("得分", rows=2),
    )
    s.add(C(), C(), C(), "指标性质", "指标值", "度量单位", C(), C(), C())
    for ind, t in zip(e.indicators, truth["indicators"], strict=True):
        op, target, unit, actual = _split_measure(ind)
        s.add(ind.level1.text if ind.level1 else "", ind.level2.text if ind.level2 else "")
        s.rows[-1] += [C(ind.name.text), C(op), C(target, "@"), C(unit), C(actual, "@")]
        s.rows[-1] += [C(x.text if x else "", "@") for x in (ind.weight, ind.score)]
        t.update(target=target, actual=actual)
        if "unit" in t:
            t["unit"] = unit
    s.add("总分", "", "", "", "", "", "", _text(_num(e.total_weight)), _text(_num(e.total_score)))
    return s, truth


LAYOUTS: dict[str, Callable[[Evaluation, random.Random], tuple[Sheet, dict[str, Any]]]] = {
    "clerk": layout_clerk,
    "score-first": layout_score_first,
    "merged": layout_merged,
    "two-row-header": layout_two_row_header,
}


# -- writing -----------------------------------------------------------------------------------


def _shown(cell: C) -> str:
    """The text a cell shows (what a Word table holds)."""
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, Decimal) and cell.fmt:
        places = len(cell.fmt.split(".")[1].rstrip("%")) if "." in cell.fmt else 0
        return (
            f"{(v * 100).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)}%"  # as Excel rounds
        )
    return _text(v)


def write_xlsx(s: Sheet, path: Path, draft: Sheet | None) -> Path:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = s.title
    for line in s.above:
        ws.append([line])
    top = len(s.above) + 1
    for r, row in enumerate(s.rows):
        for c, cell in enumerate(row):
            if cell.value is None or cell.value == "":
                continue
            out = ws.cell(top + r, c + 1, value := cell.value)
            if isinstance(value, str) and value.startswith("="):
                out.data_type = "s"  # typed as text (=100%), not a formula
            if cell.fmt:
                out.number_format = cell.fmt
        for c, cell in enumerate(row):
            if cell.rows > 1 or cell.cols > 1:
                ws.merge_cells(
                    start_row=top + r,
                    start_column=c + 1,
                    end_row=top + r + cell.rows - 1,
                    end_column=c + cell.cols,
                )
    for r in s.hidden_rows:
        ws.row_dimensions[top + r].hidden = True
    for c in s.hidden_cols:
        ws.column_dimensions[get_column_letter(c + 1)].hidden = True
    if draft is not None:  # last year's draft, hidden
        hidden = wb.create_sheet("上年底稿")
        for row in draft.rows:
            hidden.append([cell.value for cell in row])
        hidden.sheet_state = "hidden"
    wb.save(path)
    return path


def write_docx(s: Sheet, path: Path) -> Path:
    import docx
    from docx.oxml import OxmlElement

    d = docx.Document()
    for line in s.above:
        d.add_paragraph(line)
    keep = [c for c in range(max(len(r) for r in s.rows)) if c not in s.hidden_cols]
    table = d.add_table(rows=len(s.rows), cols=len(keep))
    for r, row in enumerate(s.rows):
        cells = table.rows[r].cells
        for j, c in enumerate(keep):
            if c < len(row) and row[c].value not in (None, ""):
                cells[j].text = _shown(row[c])
        for j, c in enumerate(keep):
            cell = row[c] if c < len(row) else C()
            if cell.rows > 1 or cell.cols > 1:
                last = min(j + cell.cols - 1, len(keep) - 1)
                cells[j].merge(table.rows[r + cell.rows - 1].cells[last])
        if r in s.hidden_rows:
            table.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:hidden"))
    d.save(str(path))
    return path


# -- the run -----------------------------------------------------------------------------------


def run(n: int, seed: int) -> tuple[dict[str, list[int]], dict[str, list[str]]]:
    rng = random.Random(seed)
    score: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: dict[str, list[str]] = defaultdict(list)
    evaluations = []
    for i in range(n):
        year = rng.randint(2019, 2024)
        evaluations.append((f"dept{i}", forms.build(forms.department(rng, year))))
        evaluations.append((f"proj{i}", forms.build(forms.project(rng, year))))
    with tempfile.TemporaryDirectory() as tmp:
        for k, (name, e) in enumerate(evaluations):
            draft = evaluations[k - 1][1]  # another form, in the hidden sheet
            for layout, build in LAYOUTS.items():
                lrng = random.Random(f"{seed}/{name}/{layout}")
                sheet, truth = build(e, lrng)
                draft_sheet, _ = build(draft, lrng)
                for suffix in ("xlsx", "docx"):
                    path = Path(tmp) / f"{name}-{layout}.{suffix}"
                    if suffix == "xlsx":
                        write_xlsx(sheet, path, draft_sheet if layout == "clerk" else None)
                    else:
                        write_docx(sheet, path)
                    try:
                        got = read(path)
                    except ReadError:
                        got = None
                    key = f"{suffix} {layout}"
                    for f in score_document(name, truth, got):
                        score[key][0] += f.ok
                        score[key][1] += 1
                        if not f.ok:
                            misses[key].append(f"{name}: {f.field}: {f.expected!r} → {f.got!r}")
    return score, misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="他人制作的 Excel/Word 自评表：字段读取准确率")
    parser.add_argument("-n", type=int, default=40, help="部门、项目表各生成几份")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--misses", type=int, default=0, help="每种版式列出前 K 个未读对的字段")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    score, misses = run(args.n, args.seed)
    right = sum(r for r, _ in score.values())
    counted = sum(c for _, c in score.values())
    for key in sorted(score):
        r, c = score[key]
        print(f"{key:18} {r:6}/{c:<6} {r / c:.3f}")
    print(f"{'all':18} {right:6}/{counted:<6} {right / max(counted, 1):.3f}")
    docs = 2 * args.n * len(LAYOUTS) * 2
    print(f"{docs} documents, {time.perf_counter() - started:.0f} s")
    for key in sorted(misses) if args.misses else ():
        print(f"\n== {key}: {len(misses[key])} misses")
        for m in misses[key][: args.misses]:
            print("  " + m[:220])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
