"""The ``score-sheet`` layout of the damage harness: a department form's indicators printed as a
评分表 / 得分表 whose labels carry their points (issue 9, rw2).

Real 部门整体 evaluations publish, instead of (or after) the self-evaluation form, a scoring
sheet: 一级, 二级 and 三级 each with its points in brackets (``制度建设(12分)``), then either only
the score (a 得分表, copied from a PDF: labels and scores run on lines broken anywhere, words
broken by spaces — ``一级指 标``, ``履职保 障(30 分)``) or the 三级's points as a cell of its own,
two criteria cells (指标解释, 计分标准) and the score (a 评分表 copied from a web page one cell per
paragraph, header words broken over paragraphs — ``自评`` / ``得分``), or a web page's grid
whose levels each have a 名称 and a 权重(%) column, the first row of a group holding all three
levels, a 扣分说明 cell before the score. The points of a 一级 or
二级 are the sums of the 三级 points under it, as the form's own arithmetic has them. Only forms
whose names are labels (short, without sentence punctuation) are printed: a scoring sheet's
names are the framework's. The truth is each indicator's 一级, 二级, name, points and score.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal
from typing import Any

_SENTENCE = re.compile(r"[,，;；。:：=%()（）<>≤≥＞＜、\s]")


def _spaced(word: str, rng: random.Random) -> str:
    """A word with a space at a random place now and then (PDF text: ``履职保 障``)."""
    if len(word) < 3 or rng.random() < 0.6:
        return word
    k = rng.randrange(1, len(word))
    return word[:k] + " " + word[k:]


def _plain(d: Decimal) -> str:
    return format(d.normalize(), "f") if d == d.to_integral() else str(d)


def score_sheet(f: Any, rng: random.Random) -> tuple[str, dict[str, Any]] | None:
    """The form's indicators as a scoring sheet (text, truth), or None for a project form or
    one whose indicators lack levels, points or scores, or whose names are sentences."""
    e = f.evaluation
    if e.kind.value != "department" or len(e.indicators) < 3:
        return None
    inds = e.indicators
    for i in inds:
        if not (i.level1 and i.level2 and i.weight and i.score):
            return None
        if len(i.name.text) > 20 or _SENTENCE.search(i.name.text) or i.name.text[:1].isdigit():
            return None
    l1_points: dict[str, Decimal] = {}
    l2_points: dict[tuple[str, str], Decimal] = {}
    for i in inds:
        l1_points[i.level1.text] = l1_points.get(i.level1.text, Decimal(0)) + i.weight.value
        key = (i.level1.text, i.level2.text)
        l2_points[key] = l2_points.get(key, Decimal(0)) + i.weight.value
    truth = {
        "kind": "dept_table",
        "indicators": [
            {
                "level1": i.level1.text,
                "level2": i.level2.text,
                "name": i.name.text,
                "weight": float(i.weight.value),
                "score": float(i.score.value),
            }
            for i in inds
        ],
    }
    year = int(e.year.value) if e.year else 2023
    shape = rng.choice((_pdf_sheet, _paragraph_sheet, _grid_sheet))
    return shape(inds, l1_points, l2_points, year, rng), truth


def _points(label: str, points: Decimal, rng: random.Random, gap: bool) -> str:
    space = " " if gap and rng.random() < 0.5 else ""
    return f"{_spaced(label, rng) if gap else label}({_plain(points)}{space}分)"


def _pdf_sheet(inds, l1_points, l2_points, year: int, rng: random.Random) -> str:
    """A 得分表 copied from a PDF: one stream of tokens on lines broken anywhere."""
    head = [_spaced(w, rng) for w in ("一级指标", "二级指标", "三级指标")] + ["得分"]
    tokens = [f"{year} 年部门整体支出绩效评价得分表", *head]
    l1 = l2 = None
    for i in inds:
        if i.level1.text != l1:
            l1, l2 = i.level1.text, None
            tokens.append(_points(l1, l1_points[l1], rng, gap=True))
        if i.level2.text != l2:
            l2 = i.level2.text
            tokens.append(_points(l2, l2_points[(l1, l2)], rng, gap=True))
        tokens.append(_points(i.name.text, i.weight.value, rng, gap=True))
        tokens.append(_plain(i.score.value))
    lines: list[str] = []
    line: list[str] = []
    for tok in tokens:
        line.append(tok)
        if rng.random() < 0.3:
            lines.append(" ".join(line))
            line = []
    lines.append(" ".join(line))
    return "\n".join(x for x in lines if x) + "\n"


def _paragraph_sheet(inds, l1_points, l2_points, year: int, rng: random.Random) -> str:
    """A 评分表 copied from a web page one cell per paragraph, header words broken over
    paragraphs, the 三级's points a cell of its own, two criteria cells, the score, a blank
    remark."""
    cells = [f"{year}年度部门整体支出绩效评价评分表", "绩效指标", "指标分值", "指标解释", "计分标准"]
    cells += ["自评", "得分"] if rng.random() < 0.5 else ["自评得分"]
    cells.append("备注")
    for word in ("一级", "二级", "三级"):
        cells += [word, "指标"] if rng.random() < 0.5 else [word + "指标"]
    l1 = l2 = None
    for i in inds:
        if i.level1.text != l1:
            l1, l2 = i.level1.text, None
            cells.append(_points(l1, l1_points[l1], rng, gap=False))
        if i.level2.text != l2:
            l2 = i.level2.text
            cells.append(_points(l2, l2_points[(l1, l2)], rng, gap=False))
        w = _plain(i.weight.value)
        cells += [
            i.name.text,
            w,
            f"评价{i.name.text}的完成情况。",
            f"完成年度目标的,得{w}分,否则酌情扣分。",
            _plain(i.score.value),
            " ",
        ]
    return "\n\n".join(cells) + "\n"


def _grid_sheet(inds, l1_points, l2_points, year: int, rng: random.Random) -> str:
    """A 评分表 as a web page's grid copied with bars: 名称 | 权重(%) for each level, a row
    starting a 一级 or 二级 holding those cells too, 扣分说明 before the score."""
    rows = [
        [f"{year}年度部门整体支出绩效评价评分表"],
        ["评价指标", "指标说明", "评分标准", "扣分说明", "得分"],
        ["一级指标", "二级指标", "三级指标"],
        ["名称", "权重(%)", "名称", "权重(%)", "名称", "权重(%)"],
    ]
    l1 = l2 = None
    for i in inds:
        row: list[str] = []
        if i.level1.text != l1:
            l1, l2 = i.level1.text, None
            row += [l1, _plain(l1_points[l1])]
        if i.level2.text != l2:
            l2 = i.level2.text
            row += [l2, _plain(l2_points[(l1, l2)])]
        lost = i.score.value < i.weight.value
        row += [
            i.name.text,
            _plain(i.weight.value),
            f"考核{i.name.text}的完成情况。",
            f"完成年度目标的,得{_plain(i.weight.value)}分。",
            "未全部完成" if lost else "",
            _plain(i.score.value),
        ]
        rows.append(row)
    width = max(len(r) for r in rows) + 1
    return "\n".join(
        " | ".join(r) + " | " + "|" * (width - len(r) - 1) for r in rows
    ) + "\n"
