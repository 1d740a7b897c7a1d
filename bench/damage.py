"""Damage done to a written form the way real documents arrive damaged (issue 9, item 4).

A ``Form`` is a form as printed — its title, the rows of the official grid
(``grid_text.grid_rows``), the report lines — together with its truth in the shape of
``bench/accuracy.py`` (``accuracy.truth_of``). Each damage in ``DAMAGES`` takes a form and returns
the damaged form with the truth of what is still printed (a field that is no longer on the page is
not counted), or ``None`` where the form offers nothing to damage that way:

- ``no-header``: the column-label rows of the fund and indicator tables dropped;
- ``cut-start``: the excerpt starts inside the fund or indicator table (title and the rows before
  gone; an indicator's 一级/二级 count only when the row printing them is kept);
- ``cut-end``: the excerpt ends inside the fund or indicator table (total and report gone);
- ``row-breaks``: line breaks inside rows — a row's last cells continue on the next line, which
  then goes on with the next row (applies to the layouts that print a row per line);
- ``run-together``: adjacent value cells of a row written as one (``86.586.5100%``); the
  columns it ran over keep their places where a print has places (``GLUED``: space-aligned
  columns, a sheet's empty cells) — a PDF's figures stay where they were printed;
- ``ocr``: ``IO`` for 10, ``O`` for 0, ``l`` for 1 in figures, ``一``/``-`` for an empty cell, a
  page marker inside a long label;
- ``scrambled``: a row's labels printed after its values, or the label and value columns of two
  rows printed apart (labels, labels, values, values); a print placing text where it stands
  (spaced-cols, ``Form.placed``) keeps each cell in its column: the row's values line comes above
  its labels line;
- ``centred``: the text of a merged 一级/二级 cell printed on the middle row of its block (a PDF
  prints a merged cell's text at its vertical centre), so the rows above it belong to it too;
- ``level1-after``: the merged 一级 column printed after all the rows (a PDF giving a merged
  column's text last): the rows keep no 一级, and one line after them lists each 一级 with its
  points (``产出指标 (50 分)``), the sum of its rows' 分值;
- ``late-cells`` (``damage_late.py``): ``level1-after`` with the last block's 实际完成值, 分值
  and 得分 printed only after those labels (PDF text layouts);
- ``titles``: the 项目名称 / 主管部门 / 部门名称 rows gone, the year, unit and project told by the
  title line (``2022年度某某局某项目项目支出绩效自评表``) or only by the file's name;
- ``split-figures``: PDF text (the spaced layouts) where a row's last figures continue on a
  line of their own below it (``公车运行维护 11.86`` / ``12 9.84``), under their columns where
  the columns are aligned;
- ``wrapped`` (``damage_wrapped.py``): long text cells wrapped inside their cells at a width drawn
  per column — vertically centred (now and then top- or bottom-aligned) in the positional print
  (spaced-cols), consecutive lines in a print of one cell per line (vertical, column-major);
- ``missing-value``: a blank cell that vanished — the total fund row with 年初预算数 blank prints
  5 figures under 6 headings, an indicator with its 年度指标值 blank prints one value fewer.

The truth never holds the damage: an OCR'd ``IO`` still counts as 10 — the reader has to repair
it (or leave the field empty, which counts as a miss).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from accuracy import truth_of
from grid_text import grid_rows

from jixiao.model import Evaluation
from jixiao.textnorm import fold

Rows = list[list[str]]
# a column covered by a cell merged across it: no cell in text, an empty cell in a sheet
ACROSS = "\x00"
# a column whose value ran into the cell before it (run-together): no cell in a text of cells,
# an empty cell in a sheet, and its place kept in space-aligned columns (the figures of a PDF
# line stay where they were printed: the glued text spans the columns it covers)
GLUED = "\x01"
DOC_FIELDS = ("kind", "year", "department", "project", "staff_authorized", "staff_actual")
TOTAL_FIELDS = ("total_weight", "total_score")


@dataclass(frozen=True)
class Form:
    title: str
    rows: Rows
    report: list[str]
    truth: dict[str, Any]
    evaluation: Evaluation  # what was written, before any damage
    filename: str | None = None  # the file's name, where it tells something (a shared document)
    # the rows as a layout printing text where it stands on the page shows them (pdftotext
    # -layout: ``spaced-cols``), where a damage moved cells that such a print keeps in place
    placed: Rows | None = None


@dataclass(frozen=True)
class Plan:
    """Where the parts of a grid are: header rows, fund rows, indicator rows, the total row."""

    fund_header: int | None
    funds: list[int]  # row index of each fund row, in the order of truth["funds"]
    fund_values: int  # how many value columns end a fund row
    ind_header: int | None
    indicators: list[int]  # row index of each indicator row, in the order of truth["indicators"]
    total: int | None


def plan(rows: Rows, truth: dict[str, Any]) -> Plan | None:
    """The layout of ``rows``; ``None`` when the rows do not match the truth one to one."""
    keys = [[fold(c) for c in r] for r in rows]
    fund_header = next(
        (k for k, r in enumerate(keys) if r and "资金" in r[0] and "执行率" in "".join(r)), None
    )
    ind_header = next((k for k, r in enumerate(keys) if "一级指标" in r and "三级指标" in r), None)
    total = next((k for k, r in enumerate(keys) if r and r[0] in ("总分", "合计")), None)
    funds: list[int] = []
    fund_values = 0
    if fund_header is not None:
        header = [c for c in rows[fund_header] if c != ACROSS]
        fund_values = len(header) - 2  # after the section label and 项目
        end = next(
            (k for k in range(fund_header + 1, len(rows)) if keys[k] and keys[k][0]), len(rows)
        )
        funds = list(range(fund_header + 1, end))
    indicators: list[int] = []
    if ind_header is not None:
        end = total if total is not None else len(rows)
        indicators = [k for k in range(ind_header + 1, end) if len(rows[k]) >= 7]
    if len(funds) != len(truth["funds"]) or len(indicators) != len(truth["indicators"]):
        return None
    return Plan(fund_header, funds, fund_values, ind_header, indicators, total)


def form_of(e: Evaluation, report: list[str]) -> Form:
    title, rows = grid_rows(e, "", ACROSS)
    return Form(title, rows, report, truth_of(e), e)


def printed(rows: Rows, glued: bool = False) -> Rows:
    """The rows as a text layout prints them: no cell for a merged-across column, nor for a
    column whose value ran into the cell before it (kept as ``GLUED`` with ``glued``: a layout
    of aligned columns keeps its place)."""
    return [[c for c in r if c != ACROSS and (glued or c != GLUED)] for r in rows]


def _values(p: Plan, k: int, row: list[str]) -> range:
    """Indices of the value cells of row ``k`` (fund figures; indicator target … score)."""
    if k in p.funds:
        return range(len(row) - p.fund_values, len(row))
    return range(4, min(8, len(row)))


# -- the damages ---------------------------------------------------------------------------------


def d_none(f: Form, p: Plan, rng: random.Random) -> Form | None:
    return f


def d_no_header(f: Form, p: Plan, rng: random.Random) -> Form | None:
    drop = {p.fund_header, p.ind_header} - {None}
    if not drop:
        return None
    return replace(f, rows=[r for k, r in enumerate(f.rows) if k not in drop])


def _printed_levels(rows: Rows, p: Plan, first: int) -> list[tuple[bool, bool]]:
    """Per indicator: whether its 一级 and 二级 are printed at or after row ``first`` (a merged
    cell prints its text on its first row only)."""
    out = []
    at = [0, 0]
    for k in p.indicators:
        for j in (0, 1):
            if rows[k][1 + j]:
                at[j] = k
        out.append((at[0] >= first, at[1] >= first))
    return out


def d_cut_start(f: Form, p: Plan, rng: random.Random) -> Form | None:
    body = p.funds[1:] + p.indicators[1:]
    if not body:
        return None
    cut = rng.choice(body)
    truth = {k: v for k, v in f.truth.items() if k not in DOC_FIELDS}
    truth["funds"] = [t for t, k in zip(f.truth["funds"], p.funds, strict=True) if k >= cut]
    kept = []
    levels = _printed_levels(f.rows, p, cut)
    for t, k, (l1, l2) in zip(f.truth["indicators"], p.indicators, levels, strict=True):
        if k >= cut:
            gone = {n for n, printed in (("level1", l1), ("level2", l2)) if not printed}
            kept.append({n: v for n, v in t.items() if n not in gone})
    truth["indicators"] = kept
    return replace(f, title="", rows=f.rows[cut:], truth=truth)


def d_cut_end(f: Form, p: Plan, rng: random.Random) -> Form | None:
    body = p.funds[1:] + p.indicators[1:]
    if not body:
        return None
    cut = rng.choice(body)
    truth = {k: v for k, v in f.truth.items() if k not in TOTAL_FIELDS}
    truth["funds"] = [t for t, k in zip(f.truth["funds"], p.funds, strict=True) if k < cut]
    truth["indicators"] = [
        t for t, k in zip(f.truth["indicators"], p.indicators, strict=True) if k < cut
    ]
    return replace(f, rows=f.rows[:cut], report=[], truth=truth)


def d_row_breaks(f: Form, p: Plan, rng: random.Random) -> Form | None:
    start = p.fund_header if p.fund_header is not None else (p.ind_header or 0)
    end = p.total if p.total is not None else len(f.rows)
    out: Rows = []
    carry: list[str] = []
    for k, row in enumerate(printed(f.rows)):
        if start <= k < end and len(row) >= 3 and rng.random() < 0.6:
            t = rng.randint(1, len(row) - 2)
            out.append(carry + row[:-t])
            carry = row[-t:]
        else:
            out.append(carry + row)
            carry = []
    if carry:
        out.append(carry)
    return replace(f, rows=out)


def d_run_together(f: Form, p: Plan, rng: random.Random) -> Form | None:
    rows = [list(r) for r in f.rows]
    for k in p.funds + p.indicators:
        if rng.random() < 0.5:
            continue
        cols = [j for j in _values(p, k, rows[k]) if rows[k][j]]
        if len(cols) < 2:
            continue
        a = rng.randrange(len(cols) - 1)
        b = rng.randrange(a + 1, len(cols))
        lo, hi = cols[a], cols[b]
        # the covered columns keep their places (GLUED): a grid does not lose its columns
        glued = "".join(c for c in rows[k][lo : hi + 1] if c != ACROSS)
        rows[k][lo : hi + 1] = [glued] + [GLUED] * (hi - lo)
    return replace(f, rows=rows)


_OCR_DIGITS: tuple[tuple[str, str], ...] = (("10", "IO"), ("0", "O"), ("1", "l"))
_PAGE_MARKS = ("- 3 -", "第 2 页", "— 12 —", "第2页 共4页")
_EMPTY_MARKS = ("一", "-", "—")


def ocr_figure(cell: str, rng: random.Random) -> str:
    """One OCR confusion in a figure, at a random place where it can happen."""
    for old, new in rng.sample(_OCR_DIGITS, len(_OCR_DIGITS)):
        at = [m.start() for m in re.finditer(re.escape(old), cell)]
        if at:
            i = rng.choice(at)
            return cell[:i] + new + cell[i + len(old) :]
    return cell


def d_ocr(f: Form, p: Plan, rng: random.Random) -> Form | None:
    rows = [list(r) for r in f.rows]
    for k in p.funds + p.indicators:
        row = rows[k]
        for j in _values(p, k, row):
            if not row[j]:
                if rng.random() < 0.7:
                    row[j] = rng.choice(_EMPTY_MARKS)
            elif rng.random() < 0.3:
                row[j] = ocr_figure(row[j], rng)
        name = row[3] if k in p.indicators else ""
        if len(name) >= 8 and rng.random() < 0.2:
            cut = rng.randint(3, len(name) - 3)
            row[3] = f"{name[:cut]}\n{rng.choice(_PAGE_MARKS)}\n{name[cut:]}"
    return replace(f, rows=rows)


def d_scrambled(f: Form, p: Plan, rng: random.Random) -> Form | None:
    """A row's labels printed after its values, or two rows' labels, then their values — the
    order of a PDF's text boxes. A print that places text where it stands on the page (``placed``,
    pdftotext -layout) keeps every cell in its column: there a row comes as two lines, its
    values (on a higher baseline) above its labels, each under its own columns."""
    rows = [list(r) for r in f.rows]
    out: Rows = []
    placed: Rows = []
    k = 0
    body = set(p.funds + p.indicators)
    while k < len(rows):
        row = rows[k]
        if k not in body or rng.random() < 0.5:
            out.append(row)
            placed.append(row)
            k += 1
            continue
        first = _values(p, k, row).start
        if k + 1 in body and k in p.indicators and k + 1 in p.indicators and rng.random() < 0.5:
            nxt = rows[k + 1]
            out += [row[:first], nxt[:first], row[first:], nxt[first:]]
            placed += [*_apart(row, first), *_apart(nxt, first)]
            k += 2
            continue
        out.append(row[first:] + row[:first])
        placed += _apart(row, first)
        k += 1
    return replace(f, rows=out, placed=placed)


def _apart(row: list[str], first: int) -> Rows:
    """A row as two lines of a positional print: its values, then its labels, in their columns."""
    return [[""] * first + row[first:], row[:first] + [""] * (len(row) - first)]


def d_missing_value(f: Form, p: Plan, rng: random.Random) -> Form | None:
    rows = [list(r) for r in f.rows]
    e = f.evaluation
    funds, inds = list(e.funds), list(e.indicators)
    if funds and funds[0].initial_budget is not None:
        k = p.funds[0]
        del rows[k][len(rows[k]) - p.fund_values]  # 年初预算数 is the first figure
        funds[0] = replace(funds[0], initial_budget=None)
    targets = [i for i, ind in enumerate(inds) if ind.target is not None]
    if targets:
        i = rng.choice(targets)
        del rows[p.indicators[i]][4]
        inds[i] = replace(inds[i], target=None)
    if (funds, inds) == (list(e.funds), list(e.indicators)):
        return None
    e = replace(e, funds=tuple(funds), indicators=tuple(inds))
    return replace(f, rows=rows, truth=truth_of(e), evaluation=e)


def d_split_figures(f: Form, p: Plan, rng: random.Random) -> Form | None:
    """A row's last 1–3 figures printed on the next line by themselves (blank cells before them
    keep them under their columns in aligned text; a text of rows drops the blanks)."""
    rows = [list(r) for r in printed(f.rows)]
    out: Rows = []
    split = False
    body = set(p.funds + p.indicators)
    for k, row in enumerate(rows):
        values = [j for j in _values(p, k, f.rows[k]) if f.rows[k][j]] if k in body else []
        if len(values) < 2 or rng.random() < 0.5:
            out.append(row)
            continue
        t = rng.randint(1, min(3, len(values) - 1))
        kept = [j for j, c in enumerate(f.rows[k]) if c != ACROSS]
        while kept and not f.rows[k][kept[-1]]:
            kept.pop()  # a blank 偏差原因 at the end
        if kept[-t:] != values[-t:]:  # a text column ends the row: not figures
            out.append(row)
            continue
        row = row[: len(kept)]
        out += [row[:-t], [""] * (len(row) - t) + row[-t:]]
        split = True
    return replace(f, rows=out) if split else None


def d_centred(f: Form, p: Plan, rng: random.Random) -> Form | None:
    """Each merged 一级/二级 cell's text moved from the first row of its block to the middle
    one (either middle row of a block of even height), as a PDF prints a merged cell."""
    rows = [list(r) for r in f.rows]
    moves = []
    for col in (1, 2):
        blocks: list[list[int]] = []
        for k in p.indicators:
            if rows[k][col] or (col == 2 and rows[k][1]) or not blocks:
                blocks.append([k])
            else:
                blocks[-1].append(k)
        for block in blocks:
            n = len(block)
            mid = block[(n - 1) // 2 + (n % 2 == 0 and rng.random() < 0.5)]
            if mid != block[0] and rows[block[0]][col]:
                moves.append((col, block[0], mid))
    for col, first, mid in moves:
        rows[mid][col], rows[first][col] = rows[first][col], ""
    return replace(f, rows=rows) if moves else None


def d_level1_after(f: Form, p: Plan, rng: random.Random) -> Form | None:
    """The 一级 cells emptied on their rows and printed, each with its points (the sum of its
    rows' 分值), on one line after the last row."""
    rows = [list(r) for r in f.rows]
    labels: list[list[Any]] = []  # [text, points] per block, in order
    for k, ind in zip(p.indicators, f.truth["indicators"], strict=True):
        if rows[k][1]:
            labels.append([rows[k][1], 0])
            rows[k][1] = ""
        if not labels or ind.get("weight") is None:
            return None
        labels[-1][1] += ind["weight"]
    if len(labels) < 2:
        return None
    spaced = rng.random() < 0.5
    line = [
        "",
        *(
            f"{t} ({pts.normalize():f} 分)" if spaced else f"{t}（{pts.normalize():f}分）"
            for t, pts in labels
        ),
    ]
    last = p.indicators[-1]
    return replace(f, rows=[*rows[: last + 1], line, *rows[last + 1 :]])


# -- prose: the same facts in sentences (a report without the table) ------------------------------

_FUND_SENTENCES = (
    "{label}全年预算数{budget}万元，全年执行数{actual}万元，预算执行率{rate}%。",
    "{label}预算{budget}万元，实际支出{actual}万元，执行率为{rate}%。",
    "{label}全年预算{budget}万元，执行{actual}万元，执行率{rate}%。",
)


def prose(f: Form, rng: random.Random) -> tuple[str, dict[str, Any]]:
    """The form's header facts and fund rows told in sentences, and the truth of what they tell:
    the year, unit, project and staff, and each fund row named by its own label (budget, actual,
    rate; 年初预算数 where the form prints one). A department's total rows (``合计``) are told
    with the unit as subject and not counted: their label is not printed."""
    e = f.evaluation
    year = e.year.value if e.year else ""
    unit = e.unit.text if e.unit else "本单位"
    truth = {k: v for k, v in f.truth.items() if k in DOC_FIELDS}
    if e.kind.value == "department":
        lines = [f"{year}年度{unit}部门整体支出绩效自评报告", "一、部门基本情况"]
        duties = f"主要职责是{e.duties.text.rstrip('。')}。" if e.duties else ""
        lines.append(f"{unit}{duties}")
        if e.staff_authorized and e.staff_actual:
            lines[-1] += (
                f"本单位人员编制{e.staff_authorized.value}人，实有人数{e.staff_actual.value}人。"
            )
    else:
        project = e.project.text if e.project else ""
        lines = [f"{year}年度{project}项目支出绩效自评报告", "一、项目基本情况"]
        lines.append(f"{project}由{unit}负责实施。")
    lines.append("二、预算执行情况")
    sentences, funds = [], []
    seen: set[str] = set()
    for row, t in zip(e.funds, f.truth["funds"], strict=True):
        label = row.label.text
        if label in seen or not (row.budget and row.actual and row.rate):
            continue
        seen.add(label)
        counted = label != "合计"
        values = {"budget": row.budget.text, "actual": row.actual.text, "rate": row.rate.value}
        sentence = rng.choice(_FUND_SENTENCES).format(label=label if counted else unit, **values)
        if row.initial_budget is not None:
            sentence = f"{label}年初预算数{row.initial_budget.text}万元，" + sentence[len(label) :]
        sentences.append("其中" + sentence if len(sentences) == 1 else sentence)
        if counted:
            keys = ("line", "initial_budget", "budget", "actual", "rate_percent")
            funds.append({k: t[k] for k in keys if k in t})
    lines.append("".join(sentences))
    truth["funds"] = funds
    truth["indicators"] = []
    return "\n".join(lines) + "\n", truth


# -- column-major: PDF text of a table whose cells are separate text boxes ----------------------


def column_major(f: Form, rng: random.Random) -> str | None:
    """The form as PDF text whose indicator table came out column by column (each cell a text
    box of its own): the rows above it as spaced rows, then its first column, its second … — a
    column's header, then its printed cells one a line (a merged cell once, blank cells not at
    all; the total row's cells in their columns) —, then the rest as spaced rows. Half the time
    the table is broken over two pages, each page a block of columns under the header words
    again (a merged label printed again at the top of the page). None when the rows have no
    indicator header."""
    # a row whose values ran together is a row of fewer cells here (printed as spaced rows
    # after the columns): GLUED places are not kept
    rows = [[c for c in r if c != GLUED] for r in f.rows]
    head = next(
        (k for k, r in enumerate(rows) if any(fold(c) in ("三级指标", "指标名称") for c in r)), None
    )
    if head is None:
        return None
    width = len(rows[head])
    end = head + 1
    while end < len(rows) and len(rows[end]) == width:
        end += 1
    blocks = [rows[head:end]]
    if end - head >= 6 and rng.random() < 0.5:
        cut = rng.randint(head + 3, end - 2)
        # the page's first row repeats the labels merged over it
        above = _labels_above(rows, head, cut)
        top = [c or a for c, a in zip(rows[cut], above, strict=True)]
        blocks = [rows[head:cut], [rows[head], top, *rows[cut + 1 : end]]]
    lines = [f.title, ""]
    lines += ["   ".join(c for c in r if c and c != ACROSS) for r in rows[:head]]
    for block in blocks:
        for col in range(width):
            lines += [r[col] for r in block if r[col] and r[col] != ACROSS]
    lines += ["   ".join(c for c in r if c and c != ACROSS) for r in rows[end:]]
    return "\n".join(lines + [""] + f.report)


def _labels_above(rows: Rows, head: int, cut: int) -> list[str]:
    """For each of the first three columns (一级, 二级 …), the last label printed above row
    ``cut`` in the table; blank for the other columns."""
    out = [""] * len(rows[head])
    for col in range(1, min(3, len(out))):
        out[col] = next((rows[k][col] for k in range(cut - 1, head, -1) if rows[k][col]), "")
    return out


# -- base data: a department's funds as a 基础数据表 copied from a PDF -----------------------------


def base_data(f: Form, rng: random.Random) -> tuple[str, dict[str, Any]] | None:
    """A department form's fund rows printed the way a 部门整体支出绩效评价基础数据表 copied from
    a PDF prints them: the columns named only by year (last year's 决算数, this year's 预算数 and
    决算数), numbered rows and 其中 sub-rows, all on lines broken anywhere (a row's figures, and
    now and then a figure after its decimal point, continue on the next line). Last year's
    figure is blank for some rows, so those print two figures under three columns — their place
    is told by the parts adding up. The truth is each row's budget and spending; the table has no
    rate, weight or score."""
    e = f.evaluation
    if e.kind.value != "department" or e.year is None or not e.funds:
        return None
    year = int(e.year.value)
    rows = list(e.funds)
    prior = _prior_year(rows, rng)
    tokens = [f"{year - 1}年决算数", f"{year}年预算数", f"{year}年决算数"]
    heads = {"source": "资金来源:", "structure": "资金结构:"}
    group = None
    numbers: dict[int, int] = {}
    for k, row in enumerate(rows):
        if not (row.budget and row.actual):
            return None
        if row.group is not None and row.group.value != group:
            group = row.group.value
            tokens.append(heads.get(group, f"{group}:"))
        numbers[row.depth] = numbers.get(row.depth, 0) + 1
        for deeper in [d for d in numbers if d > row.depth]:
            del numbers[deeper]
        label = row.label.text
        if row.depth == 1:
            label = f"{numbers[1]}、{label}"
        elif row.depth >= 2 and numbers[row.depth] == 1:
            label = f"其中:{label}"
        tokens.append(label)
        if prior[k] is not None:
            tokens.append(f"{prior[k]:.2f}")
        tokens += [row.budget.text, row.actual.text]
    lines = ["附件3", "部门整体支出绩效评价基础数据表", "填报单位:  单位:万元"]
    line: list[str] = ["经费控制情况"]
    for tok in tokens:
        if re.fullmatch(r"\d+\.\d+", tok) and rng.random() < 0.05:
            head, tail = tok.split(".")
            line.append(head + ".")
            lines.append(" ".join(line))
            line = [tail]
            continue
        line.append(tok)
        if rng.random() < 0.2:
            lines.append(" ".join(line))
            line = []
    lines.append(" ".join(line))
    truth = {
        "funds": [{k: t[k] for k in ("line", "budget", "actual")} for t in f.truth["funds"]],
        "indicators": [],
    }
    return "\n\n".join(x for x in lines if x) + "\n", truth


def _prior_year(rows: list[Any], rng: random.Random) -> list[Any]:
    """Last year's spending per row: a leaf's drawn near this year's (blank now and then, at
    most one blank under a parent), a parent's the sum of its parts."""
    from decimal import Decimal

    out: list[Any] = [None] * len(rows)
    for k in range(len(rows) - 1, -1, -1):
        kids = [
            j
            for j in range(k + 1, len(rows))
            if rows[j].depth == rows[k].depth + 1
            and all(rows[m].depth > rows[k].depth for m in range(k + 1, j + 1))
        ]
        if kids:
            total = sum((out[j] or Decimal(0)) for j in kids)
            out[k] = total if total else None
        else:
            siblings_blank = any(
                out[j] is None
                for j in range(k + 1, len(rows))
                if rows[j].depth == rows[k].depth
                and all(rows[m].depth >= rows[k].depth for m in range(k + 1, j + 1))
            )
            # a row of zeros stays printed: 0 0 under three columns fits any of them
            if siblings_blank or not rows[k].budget.value or rng.random() >= 0.25:
                factor = Decimal(rng.randint(70, 120)) / 100
                out[k] = (rows[k].actual.value * factor).quantize(Decimal("0.01"))
    return out


_HEADER_FIELDS = {"项目名称", "主管部门", "部门(单位)名称", "部门单位名称", "单位名称"}


def d_titles(f: Form, p: Plan, rng: random.Random) -> Form | None:
    """The 项目名称 / 主管部门 / 部门名称 rows gone; the year, unit and project told by the title
    line or, in a document shared on a website, by the file's name."""
    e = f.evaluation
    rows = [r for r in f.rows if not (r and fold(r[0]) in _HEADER_FIELDS)]
    if len(rows) == len(f.rows) or e.unit is None or e.year is None:
        return None
    year, unit = e.year.value, e.unit.text
    what = "部门整体支出" if e.kind.value == "department" else "项目支出"
    named = f"{year}年度{unit}{e.project.text if e.project else ''}{what}绩效自评表"
    if rng.random() < 0.5:
        return replace(f, title=named, rows=rows)
    return replace(f, title=f"{what}绩效自评表", rows=rows, filename=f"{named}.txt")


Damage = Callable[[Form, Plan, random.Random], "Form | None"]
DAMAGES: dict[str, Damage] = {
    "none": d_none,
    "no-header": d_no_header,
    "cut-start": d_cut_start,
    "cut-end": d_cut_end,
    "row-breaks": d_row_breaks,
    "run-together": d_run_together,
    "ocr": d_ocr,
    "scrambled": d_scrambled,
    "missing-value": d_missing_value,
    "centred": d_centred,
    "level1-after": d_level1_after,
    "titles": d_titles,
    "split-figures": d_split_figures,
}
# the layouts where a damage changes nothing (a stream of cells has no row breaks) are skipped
ROWLESS = {"spaced-line", "vertical", "xlsx", "docx"}
from damage_late import d_late_cells  # noqa: E402  (it builds on level1-after)

DAMAGES["late-cells"] = d_late_cells
from damage_kv import d_kv_funds  # noqa: E402

DAMAGES["kv-funds"] = d_kv_funds

from damage_wrapped import d_wrapped  # noqa: E402

DAMAGES["wrapped"] = d_wrapped
from damage_probe import d_blank_marks, d_spread_labels  # noqa: E402

DAMAGES["spread-labels"] = d_spread_labels
DAMAGES["blank-marks"] = d_blank_marks

NOT_APPLICABLE = {("row-breaks", layout) for layout in ROWLESS}
# a row's labels printed after its values: a column-major print has no row order to scramble
NOT_APPLICABLE.add(("scrambled", "column-major"))
# the last rows' cells after the labels printed last: the shape of PDF text (damage_late.py)
NOT_APPLICABLE |= {
    ("late-cells", layout)
    for layout in ("tabbed", "pipe", "pipe-rowspan", "other", "column-major", "xlsx", "docx")
}
# figures continuing on a line of their own: the shape of PDF text, printed in the spaced layouts
NOT_APPLICABLE |= {
    ("split-figures", layout)
    for layout in ("tabbed", "pipe", "spaced-line", "vertical", "other", "xlsx", "docx")
}
# cells wrapped inside their cells: the shape of PDF text (damage_wrapped.py), kept by a print
# placing text where it stands (spaced-cols) or printing one cell a line (vertical, column-major)
NOT_APPLICABLE |= {
    ("wrapped", layout)
    for layout in (
        "tabbed",
        "pipe",
        "pipe-rowspan",
        "spaced-line",
        "spaced-rows",
        "other",
        "xlsx",
        "docx",
    )
}
