"""Probes of shapes seen in real published 自评表 (issue 9, part rw1): invented forms only.

Each builder returns a :class:`bench.probes.Probe` of one shape (the words, units and figures
are invented; no line of a real page):

- ``title-column``: the indicator header starts with the table's tall title cell
  (``绩效指标（90分）``) while the rows under it start one column left, padded at the end;
- ``numbered-parts``: an indicator numbered ``一、`` broken down on the rows under it into parts
  numbered ``1、`` ``2、`` whose 分值 and 得分 add up to its own;
- ``template-rows``: the template's empty rows (``指标2：`` / ``……``) kept under each indicator;
- ``folded-header``: the two rows of the indicator header printed on one line, the
  ``年度指标值`` span first and ``指标性质 | 指标值 | 度量单位`` after the label columns.

``bench/probes.py`` appends ``REAL_SHAPES`` to its probes. The helpers are imported when a
probe is built (``bench/probes.py`` imports this module at its end).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_L1 = ["产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"]
_L2 = ["数量指标", "质量指标", "时效指标", "社会效益指标", "服务对象满意度指标"]


def _title_column() -> Any:
    from bench.probes import _FUNDS, _HEAD, _ROWS, Probe, _level_truth, _truth

    head = ["绩效指标（90分）", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"]
    table = [[*head, "分值", "得分"]]
    for i, (n, t, a, w, s) in enumerate(_ROWS):
        table.append([_L1[i], _L2[i], n, t, a, str(w), str(s), ""])
    table.append(["总分", "", "", "", "", "100", "97.5", ""])
    return Probe(
        "title-column",
        "绩效指标（90分） | 一级指标 | … header; rows one column left, padded",
        (*_HEAD, _FUNDS, table),
        _truth(_level_truth()),
    )


_PARTS = [
    ("一、改造公厕数量", "≥20座", "22座", 20, 20),
    ("1、新建公厕", "≥8座", "9座", 8, 8),
    ("2、改建公厕", "≥12座", "13座", 12, 12),
]


def _numbered_parts() -> Any:
    from bench.probes import _FUNDS, _HEAD, _ROWS, Probe, _truth

    table = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]]
    truth: list[dict[str, Any]] = []
    for k, (n, t, a, w, s) in enumerate(_PARTS):
        first = k == 0
        table.append([_L1[0] if first else "", _L2[0] if first else "", n, t, a, str(w), str(s)])
        truth.append(
            {"level1": _L1[0], "level2": _L2[0], "name": n, "target": t, "actual": a}
            | {"weight": w, "score": s}
        )
    for i, (n, t, a, w, s) in enumerate(_ROWS[1:], 1):
        table.append([_L1[i], _L2[i], n, t, a, str(w), str(s)])
        truth.append(
            {"level1": _L1[i], "level2": _L2[i], "name": n, "target": t, "actual": a}
            | {"weight": w, "score": s}
        )
    table.append(["总分", "", "", "", "", "100", "97.5"])
    return Probe(
        "numbered-parts",
        "一、 indicator with its 1、 2、 parts (points adding up) on the rows under it",
        (*_HEAD, _FUNDS, table),
        _truth(truth),
    )


def _template_rows() -> Any:
    from bench.probes import _FUNDS, _HEAD, _ROWS, Probe, _level_truth, _truth

    table = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]]
    for i, (n, t, a, w, s) in enumerate(_ROWS):
        table.append([_L1[i], _L2[i], f"指标1：{n}", t, a, str(w), str(s)])
        table.append(["", "", "指标2：", "", "", "", ""])
        table.append(["", "", "……", "", "", "", ""])
    table.append(["总分", "", "", "", "", "100", "97.5"])
    truth = _level_truth()
    for ind in truth:
        ind["name"] = f"指标1：{ind['name']}"
    return Probe(
        "template-rows",
        "the template's empty rows (指标2： / ……) under each indicator",
        (*_HEAD, _FUNDS, table),
        _truth(truth),
    )


# (name, 指标性质, 指标值, 度量单位, 实际完成值, 分值, 得分)
_MEASURED = [
    ("改造公厕数量", "≥", "20", "座", "22", 20, 20),
    ("改造验收合格率", "=", "100", "%", "100", 20, 20),
    ("完工及时率", "≥", "95", "%", "96", 10, 8),
    ("公厕日均服务人次", "≥", "300", "人次", "320", 20, 20),
    ("群众满意度", "≥", "90", "%", "93", 20, 20),
]


def _folded_header() -> Any:
    from bench.probes import _FUNDS, _HEAD, Probe, _truth

    table = [
        ["绩效指标", "年度指标值", "实际完成值", "分值", "得分", "一级指标", "二级指标", "三级指标"]
        + ["指标性质", "指标值", "度量单位"]
    ]
    truth: list[dict[str, Any]] = []
    for i, (n, op, v, unit, a, w, s) in enumerate(_MEASURED):
        table.append([_L1[i], _L2[i], n, op, v, unit, a, str(w), str(s), "", ""])
        truth.append(
            {"level1": _L1[i], "level2": _L2[i], "name": n, "op": op, "target": v}
            | {"unit": unit, "actual": a, "weight": w, "score": s}
        )
    table.append(["总分", "", "", "", "", "", "", "100", "97.5", "", ""])
    return Probe(
        "folded-header",
        "two header rows on one line: 年度指标值 span first, 指标性质|指标值|度量单位 last",
        (*_HEAD, _FUNDS, table),
        _truth(truth),
    )


REAL_SHAPES: tuple[Callable[[], Any], ...] = (
    _title_column,
    _numbered_parts,
    _template_rows,
    _folded_header,
)


def render_preview(blocks: tuple[Any, ...]) -> str:
    """A document-sharing site's preview of the form: every cell run together (no separator),
    a narrow cell's wrap shown as one space (a cell of seven or more characters is wrapped after
    its fourth), the whole cut into chunks of 150–230 characters numbered ``1、`` ``2、`` at the
    start of their lines — cuts anywhere, inside names and figures too."""
    cells: list[str] = []
    for b in blocks:
        rows = [[b]] if isinstance(b, str) else b
        for row in rows:
            for c in row:
                c = c.replace("\n", "")
                if len(c) >= 7 and not any(ch.isdigit() for ch in c[:5]):
                    c = c[:4] + " " + c[4:]
                cells.append(c)
    text = "".join(cells)
    out: list[str] = []
    at, k = 0, 0
    while at < len(text):
        size = 150 + (k * 37) % 81  # drawn the same way every run
        out.append(f"{k + 1}、{text[at : at + size]}")
        at += size
        k += 1
    return "\n".join(out) + "\n"


def render_bar_cells(blocks: tuple[Any, ...]) -> str:
    """A web page's table printed a cell per line: a row's first cell at the start of a line,
    each of its other cells on an indented line led by a bar, the closing bar on the last."""
    out: list[str] = []
    for b in blocks:
        if isinstance(b, str):
            out.append(b)
            continue
        for row in b:
            cells = [c.replace("\n", "") for c in row]
            out.append(cells[0])
            out.extend("        | " + c for c in cells[1:])
            out.append("        | |")
    return "\n".join(out) + "\n"
