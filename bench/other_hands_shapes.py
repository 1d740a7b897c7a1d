"""New shapes for ``bench/other_hands_text.py --shapes new``: the printings the ~30 real
documents we lack are known to use and the seven first layouts do not cover.

Each shape takes the printed rows of one invented form (``Printed``) and gives the text and
the truth as a person would type it from that text. Like the rest of the generator this shares
no code with jixiao's writers or bench/forms.py / grid_text.py / damage.py.

- ``csv`` / ``semicolon``: a spreadsheet saved as text (the csv module; rows padded to the
  widest row, cells quoted when they hold the separator, or every cell quoted);
- ``two_forms``: two projects' forms one after the other (tab-joined); the first is the truth;
- ``furniture``: tab rows with page furniture between them (``第 2 页``, ``共 3 页 第 2 页``, a
  running header line and the indicator header printed again on the next page);
- ``fullwidth``: cells parted by one full-width space (U+3000), blank cells as nothing;
- ``grades``: the 得分 column holds a grade (优/良/中/差): no score figure can be read;
- ``two_row_header``: spaced PDF text whose header cells wrap onto a second line;
- ``score_fen``: 分值 and 得分 written with their unit (``20分``);
- ``pipe_bare``: ``a | b | c`` without the outer bars;
- ``run_together``: each row's cells glued together (document-sharing sites);
- ``prose``: the form told in sentences under descriptive labels.
"""

from __future__ import annotations

import copy
import csv
import io
import random
import unicodedata
from decimal import Decimal
from typing import Any

NEW_SHAPES = (
    "csv",
    "semicolon",
    "two_forms",
    "furniture",
    "fullwidth",
    "grades",
    "two_row_header",
    "score_fen",
    "pipe_bare",
    "run_together",
    "prose",
)


def _tab(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(r) for r in rows) + "\n"


def _separated(rows: list[list[str]], sep: str, rng: random.Random) -> str:
    ncol = max(len(r) for r in rows)
    buf = io.StringIO()
    quoting = rng.choice((csv.QUOTE_MINIMAL, csv.QUOTE_MINIMAL, csv.QUOTE_ALL))
    w = csv.writer(buf, delimiter=sep, quoting=quoting, lineterminator="\n")
    for r in rows:
        w.writerow(r + [""] * (ncol - len(r)))
    return buf.getvalue()


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, w: int) -> str:
    return s + " " * (w - _width(s))


def _split_cell(s: str) -> tuple[str, str]:
    if len(s) < 4:
        return s, ""
    k = (len(s) + 1) // 2
    return s[:k], s[k:]


def _aligned(rows: list[list[str]], wrap_header: int) -> str:
    """Columns of spaces (PDF text with its layout); the header row at ``wrap_header`` has its
    long cells wrapped onto a second line under their first half."""
    ncol = max(len(r) for r in rows)
    full = [r + [""] * (ncol - len(r)) for r in rows]
    widths = [0] * ncol
    for n, r in enumerate(full):
        for c, cell in enumerate(r):
            first = _split_cell(cell)[0] if n == wrap_header else cell
            widths[c] = max(widths[c], _width(first) + 3)
    out = []
    for n, r in enumerate(full):
        if n == wrap_header:
            halves = [_split_cell(c) for c in r]
            out.append("".join(_pad(h[0], w) for h, w in zip(halves, widths, strict=True)))
            out.append("".join(_pad(h[1], w) for h, w in zip(halves, widths, strict=True)))
        elif len([c for c in r if c]) <= 1:
            out.append("".join(c for c in r))
        else:
            out.append("".join(_pad(c, w) for c, w in zip(r, widths, strict=True)).rstrip())
    return "\n".join(ln.rstrip() for ln in out) + "\n"


def _column(p: Any, word_sets: tuple[tuple[str, ...], ...]) -> int | None:
    """The column of the indicator header row holding one of the words."""
    head = p.rows[p.table_start]
    for words in word_sets:
        for c, cell in enumerate(head):
            if cell in words:
                return c
    return None


def render_shape(p: Any, f: Any, shape: str, rng: random.Random, second: Any = None) -> str:
    """The text of one form in a new shape; ``p.truth`` is changed where the shape loses a
    field (a grade where the score was)."""
    rows = [list(r) for r in p.rows]
    if shape == "csv":
        return _separated(rows, ",", rng)
    if shape == "semicolon":
        return _separated(rows, ";", rng)
    if shape == "two_forms":
        return _tab(rows) + "\n" + _tab(second.rows)
    if shape == "furniture":
        out: list[list[str]] = []
        page = 1
        pages = 2 + len(rows) // 12
        running = rng.choice(("绩效自评表", f"{f.year}年度绩效自评", "财政支出绩效自评材料"))
        head = rows[p.table_start]
        for n, r in enumerate(rows):
            out.append(r)
            if n > p.table_start and n < len(rows) - 1 and (n - p.table_start) % 6 == 0:
                page += 1
                mark = rng.choice((f"第 {page} 页", f"共 {pages} 页 第 {page} 页", f"- {page} -"))
                out.extend([[mark], [running], head])
        return _tab(out)
    if shape == "fullwidth":
        return "\n".join("\u3000".join(c for c in r if c) for r in rows) + "\n"
    if shape == "grades":
        col = p.truth_score_col
        grades = {1: "优", 2: "良", 3: "中", 4: "差"}
        for n in range(p.table_start + 1, len(rows)):
            r = rows[n]
            if col < len(r) and r[col]:
                t = p.truth_score_row.get(n)
                if t is None:  # the total row: its score is no figure either
                    r[col] = ""
                    continue
                share = t[0] / t[1] if t[1] else Decimal(1)
                r[col] = grades[
                    1 if share >= Decimal("0.9") else 2 if share >= Decimal("0.8") else 3
                ]
        for t in p.truth.get("indicators", []):
            t["score"] = None
        p.truth.pop("total_score", None)
        return _tab(rows)
    if shape == "two_row_header":
        return _aligned(rows, p.table_start)
    if shape == "score_fen":
        for c in p.weight_score_cols:
            for r in rows[p.table_start + 1 :]:
                if c < len(r) and r[c] and r[c][0].isdigit():
                    r[c] = r[c] + "分"
        return _tab(rows)
    if shape == "pipe_bare":
        lines = []
        for n, r in enumerate(rows):
            lines.append(" | ".join(r))
            if n == 0:
                lines.append("|".join("---" for _ in r))
        return "\n".join(lines) + "\n"
    if shape == "run_together":
        return "\n".join("".join(r) for r in rows) + "\n"
    if shape == "prose":
        return _prose(p, f, rng)
    raise ValueError(shape)


def _prose(p: Any, f: Any, rng: random.Random) -> str:
    """The form told in sentences; the truth keeps what the sentences tie to a label."""
    truth: dict = {"kind": p.truth["kind"], "year": f.year}
    dept = f.kind == "dept"
    title = "部门整体支出绩效自评报告" if dept else "项目支出绩效自评报告"
    lines = [f"{f.year}年度{f.department if dept else f.project}{title}"]
    lines.append(rng.choice(("一、基本情况", "一、项目概况")))
    if dept:
        lines.append(f"部门（单位）名称：{f.department}")
    else:
        lines.append(f"项目名称：{f.project}")
        lines.append(f"主管部门：{f.supervisor}")
        lines.append(f"实施单位：{f.department}")
        truth["project"] = f.project
    truth["department"] = f.department
    lines.append("二、资金使用情况")
    label, init, budget, spent, _wt, _sc = f.funds[0]
    rate = (spent / budget * 100).quantize(Decimal("0.01")) if budget else Decimal(0)
    say = rng.choice(("为", "", "是"))
    lines.append(
        f"{label}：年初预算数{say}{_plain(init)}万元，全年预算数{say}{_plain(budget)}万元，"
        f"全年执行数{say}{_plain(spent)}万元，执行率{_plain(rate)}%。"
    )
    truth["funds"] = [
        {
            "line": label,
            "initial_budget": init,
            "budget": budget,
            "actual": spent,
            "rate_percent": rate,
        }
    ]
    lines.append("三、绩效指标完成情况")
    truth["indicators"] = []
    heads = "一二三四五六"
    l1_seen: list[str] = []
    for t in p.truth.get("indicators", []):
        ind = next(i for i in f.indicators if i.name == t["name"])
        if ind.level1 not in l1_seen:
            l1_seen.append(ind.level1)
            lines.append(f"（{heads[len(l1_seen) - 1]}）{ind.level1}")
        target = ind.target.format(u=ind.unit)
        actual = ind.actual.format(u=ind.unit)
        lines.append(
            f"{ind.level2}：{ind.name}，年度指标值{target}，实际完成值{actual}，"
            f"分值{_plain(ind.weight)}分，得分{_plain(ind.score)}分。"
        )
        truth["indicators"].append(
            {
                "level2": ind.level2,
                "name": ind.name,
                "target": target,
                "actual": actual,
                "weight": ind.weight,
                "score": ind.score,
            }
        )
    lines.append("四、下一步工作")
    lines.append("继续加强项目管理，提高资金使用效益。")
    p.truth = truth
    return "\n".join(lines) + "\n"


def _plain(x: Decimal) -> str:
    return format(x.normalize(), "f")


def prepare(p: Any, keys: list[str]) -> Any:
    """Remember where the 分值/得分 columns and the indicator scores are (for grades, 20分)."""
    p.truth = copy.deepcopy(p.truth)
    head = p.rows[p.table_start]
    p.truth_score_col = 1 + keys.index("score")
    p.weight_score_cols = (1 + keys.index("weight"), 1 + keys.index("score"))
    p.truth_score_row = {}
    inds = p.truth.get("indicators", [])
    for k, t in enumerate(inds):
        p.truth_score_row[p.table_start + 1 + k] = (t["score"], t["weight"])
    del head
    return p
