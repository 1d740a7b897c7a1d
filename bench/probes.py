"""Probing the readers with invented forms of shapes real forms have (issue 9, part pb).

Usage::

    .venv/bin/python bench/probes.py [--only NAME,...] [--layouts pipe,tab,...] [--misses]

Each probe is one small invented form (invented units, projects, figures — never a line of a
corpus document) of a shape found in real 自评表: indicator tables without 一级/二级 columns, a
指标类型 column, 部门整体 forms with 年度主要任务 and 三公经费 rows, targets and actuals on two lines,
fund blocks with extra columns or rows, the form printed twice, an unrelated table first, the
indicator table before the fund block, a 备注 column at the end, blanks printed as ``/`` ``无``
``——`` ``nan`` ``None``, scores printed as ``10.00分``. Each is printed in five layouts — cells
joined by ``|`` (web tables), by tabs (Excel copies), by runs of spaces (``pdftotext -layout``),
and as .xlsx / .docx written directly with openpyxl / python-docx — read with ``jixiao.read``
and scored against its truth (written by hand below, in the corpus truth format) with
``bench.accuracy.score_document``. Prints field accuracy per probe and layout.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.accuracy import score_document  # noqa: E402
from jixiao import read  # noqa: E402
from jixiao.errors import ReadError  # noqa: E402

Block = str | list[list[str]]  # a line of text, or a table (rows of cells)
LAYOUTS = ("pipe", "tab", "wordcopy", "spaced", "barlines", "xlsx", "docx")


@dataclass(frozen=True)
class Probe:
    name: str
    what: str
    blocks: tuple[Block, ...]
    truth: dict[str, Any]
    merged: bool = False  # blank 一级/二级 cells under a label are merged cells in .xlsx/.docx


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def render_pipe(blocks: tuple[Block, ...]) -> str:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, str):
            out.append(b)
        else:
            out.extend("| " + " | ".join(row) + " |" for row in b)
    return "\n".join(out) + "\n"


def render_tab(blocks: tuple[Block, ...]) -> str:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, str):
            out.append(b)
        else:
            out.extend("\t".join(row) for row in b)
    return "\n".join(out) + "\n"


def render_wordcopy(blocks: tuple[Block, ...]) -> str:
    """A Word table copied as text: each cell on a line of its own after a tab (blank cells
    too), a blank line after each row."""
    out: list[str] = []
    for b in blocks:
        if isinstance(b, str):
            out.append(b)
            continue
        for row in b:
            out.extend("\t" + c.replace("\n", "") for c in row)
            out.append("")
    return "\n".join(out) + "\n"


_BAR_WRAP = 7  # characters a line of a narrow web-page column holds


def render_barlines(blocks: tuple[Block, ...]) -> str:
    """A web page's table copied cell by cell: each cell on lines of its own, a line holding
    only a bar after it (a blank cell: the bar alone), text cells longer than a narrow column
    wrapped over lines inside their cell (在编人员 / 控制率); lines after the first table
    are cells too, closed by a bar. The first cell is not wrapped: no bar above it tells its
    second line from the title lines before it (docs/readers.md, known limits)."""
    out: list[str] = []
    seen_table = False
    for b in blocks:
        if isinstance(b, str):
            out.append(b)
            if seen_table:
                out.append("|")
            continue
        for row in b:
            for c in row:
                text = c.replace("\n", "")
                if not seen_table:
                    seen_table = True
                    out.extend((text, "|"))
                    continue
                if len(text) > _BAR_WRAP and not any(ch.isdigit() for ch in text):
                    out.extend(text[k : k + _BAR_WRAP] for k in range(0, len(text), _BAR_WRAP))
                elif text:
                    out.append(text)
                out.append("|")
    return "\n".join(out) + "\n"


def render_spaced(blocks: tuple[Block, ...]) -> str:
    """``pdftotext -layout``: columns padded to their widest cell (CJK = 2 columns), 3 spaces
    between columns, blank cells as spaces."""
    out: list[str] = []
    for b in blocks:
        if isinstance(b, str):
            out.append(b)
            continue
        ncol = max(len(r) for r in b)
        widths = [
            max((_width(part) for r in b if c < len(r) for part in r[c].split("\n")), default=0)
            for c in range(ncol)
        ]
        for row in b:
            parts = [c.split("\n") for c in row]  # a cell wrapped inside: its lines, top-aligned
            for k in range(max(len(p) for p in parts)):
                cells = [
                    (p[k] if k < len(p) else "")
                    + " " * (widths[i] - _width(p[k] if k < len(p) else ""))
                    for i, p in enumerate(parts)
                ]
                out.append("   ".join(cells).rstrip())
    return "\n".join(out) + "\n"


def _merges(table: list[list[str]]) -> list[tuple[int, int, int]]:
    """(column, first row, last row) of each run of blank cells under a label in the first two
    columns of an indicator table's body (rows with a name in the third column)."""
    out = []
    for c in (0, 1):
        r = 1
        while r < len(table):
            if table[r][c] and r + 1 < len(table):
                end = r
                while (
                    end + 1 < len(table)
                    and not table[end + 1][c]
                    and len(table[end + 1]) > 2
                    and table[end + 1][2]
                    and (c == 1 or not table[end + 1][0])
                ):
                    end += 1
                if end > r:
                    out.append((c, r, end))
                r = end + 1
            else:
                r += 1
    return out


def write_xlsx(blocks: tuple[Block, ...], path: Path, merged: bool = False) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    r = 1
    for b in blocks:
        rows = [[b]] if isinstance(b, str) else b
        for row in rows:
            for c, v in enumerate(row, start=1):
                if v != "":
                    ws.cell(row=r, column=c, value=v)
            r += 1
        if merged and not isinstance(b, str):
            top = r - len(b)
            for c, first, last in _merges(b):
                ws.merge_cells(
                    start_row=top + first, start_column=c + 1, end_row=top + last, end_column=c + 1
                )
    wb.save(path)


def write_docx(blocks: tuple[Block, ...], path: Path, merged: bool = False) -> None:
    from docx import Document

    doc = Document()
    for b in blocks:
        if isinstance(b, str):
            doc.add_paragraph(b)
            continue
        ncol = max(len(r) for r in b)
        t = doc.add_table(rows=len(b), cols=ncol)
        for i, row in enumerate(b):
            for j, v in enumerate(row):
                t.cell(i, j).text = v
        if merged:
            for c, first, last in _merges(b):
                t.cell(first, c).merge(t.cell(last, c))
                t.cell(first, c).text = b[first][c]
    doc.save(path)


def materialise(p: Probe, layout: str, folder: Path) -> Path:
    if layout in ("xlsx", "docx"):
        path = folder / f"{p.name}.{layout}"
        (write_xlsx if layout == "xlsx" else write_docx)(p.blocks, path, p.merged)
        return path
    render: Callable[[tuple[Block, ...]], str] = {
        "pipe": render_pipe,
        "tab": render_tab,
        "wordcopy": render_wordcopy,
        "spaced": render_spaced,
        "barlines": render_barlines,  # cells parted by lines holding only a bar (rw2)
        "preview": _render_preview,  # not among LAYOUTS: asked for with --layouts preview
        "barcells": _render_bar_cells,  # not among LAYOUTS either (--layouts barcells)
    }[layout]
    path = folder / f"{p.name}-{layout}.txt"
    path.write_text(render(p.blocks), encoding="utf-8")
    return path


def _render_preview(blocks: tuple[Block, ...]) -> str:
    from bench.probes_real import render_preview

    return render_preview(blocks)


def _render_bar_cells(blocks: tuple[Block, ...]) -> str:
    from bench.probes_real import render_bar_cells

    return render_bar_cells(blocks)


# ---------------------------------------------------------------- the probes (all invented)

_FUND_HEAD = [
    "项目资金（万元）",
    "年初预算数",
    "全年预算数",
    "全年执行数",
    "分值",
    "执行率",
    "得分",
]
_FUNDS = [
    _FUND_HEAD,
    ["年度资金总额", "300", "320", "304", "10", "95%", "9.5"],
    ["其中：财政拨款", "300", "320", "304", "", "95%", ""],
    ["其他资金", "0", "0", "0", "", "", ""],
]
_FUNDS_TRUTH = [
    {
        "line": "年度资金总额",
        "initial_budget": 300,
        "budget": 320,
        "actual": 304,
        "rate_percent": 95,
        "weight": 10,
        "score": 9.5,
    },
    {
        "line": "财政拨款",
        "initial_budget": 300,
        "budget": 320,
        "actual": 304,
        "rate_percent": 95,
        "weight": None,
        "score": None,
    },
    {
        "line": "其他资金",
        "initial_budget": 0,
        "budget": 0,
        "actual": 0,
        "rate_percent": None,
        "weight": None,
        "score": None,
    },
]
_HEAD = (
    "2023年度项目支出绩效自评表",
    "项目名称：城区公共厕所改造提升工程",
    "主管部门：某某市城市管理局",
    "实施单位：某某市环境卫生管理处",
)
_DOC = {
    "kind": "project_table",
    "year": 2023,
    "project": "城区公共厕所改造提升工程",
    "department": "某某市环境卫生管理处",
}
# (name, target, actual, weight, score)
_ROWS = [
    ("改造公厕数量", "≥20座", "22座", 20, 20),
    ("改造验收合格率", "100%", "100%", 20, 20),
    ("完工时间", "2023年11月底前", "2023年12月", 10, 8),
    ("群众如厕环境改善", "明显改善", "明显改善", 20, 20),
    ("群众满意度", "≥90%", "93%", 20, 20),
]


def _inds(rows, **extra) -> list[dict[str, Any]]:
    return [
        {"name": n, "target": t, "actual": a, "weight": w, "score": s, **extra}
        for n, t, a, w, s in rows
    ]


def _truth(inds, funds=_FUNDS_TRUTH, total=(100, 97.5), **doc) -> dict[str, Any]:
    t = dict(_DOC)
    t.update(doc)
    t["funds"] = funds
    t["indicators"] = inds
    if total:
        t["total_weight"], t["total_score"] = total
    return t


def _no_levels() -> Probe:
    table = [["序号", "指标名称", "指标值", "实际完成值", "分值", "得分"]]
    table += [[str(i), n, t, a, str(w), str(s)] for i, (n, t, a, w, s) in enumerate(_ROWS, 1)]
    table.append(["总分", "", "", "", "100", "97.5"])
    return Probe(
        "no-levels",
        "序号|指标名称|指标值|实际完成值|分值|得分, no 一级/二级",
        (*_HEAD, _FUNDS, table),
        _truth(_inds(_ROWS)),
    )


def _only_level3() -> Probe:
    table = [["三级指标", "年度指标值", "实际完成值", "分值", "得分"]]
    table += [[n, t, a, str(w), str(s)] for n, t, a, w, s in _ROWS]
    table.append(["合计", "", "", "100", "97.5"])
    return Probe(
        "only-level3",
        "三级指标|年度指标值|实际完成值|分值|得分",
        (*_HEAD, _FUNDS, table),
        _truth(_inds(_ROWS)),
    )


_KINDS = ["数量", "质量", "时效", "成本", "满意度"]
_KIND_ROWS = [
    ("改造公厕数量", "≥20座", "22座", 20, 20),
    ("改造验收合格率", "100%", "100%", 20, 20),
    ("完工时间", "2023年11月底前", "2023年12月", 10, 8),
    ("单座改造成本", "≤15万元", "14.2万元", 20, 20),
    ("群众满意度", "≥90%", "93%", 20, 20),
]


def _kind_column() -> Probe:
    table = [["指标类型", "指标名称", "指标值", "实际完成值", "分值", "得分"]]
    table += [
        [k, n, t, a, str(w), str(s)] for k, (n, t, a, w, s) in zip(_KINDS, _KIND_ROWS, strict=True)
    ]
    table.append(["总分", "", "", "", "100", "97.5"])
    inds = [
        {"level2": k, "name": n, "target": t, "actual": a, "weight": w, "score": s}
        for k, (n, t, a, w, s) in zip(_KINDS, _KIND_ROWS, strict=True)
    ]
    return Probe(
        "kind-column",
        "指标类型 column (数量/质量/时效/成本) before the name",
        (*_HEAD, _FUNDS, table),
        _truth(inds),
    )


def _kind_level1_column() -> Probe:
    kinds = ["产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"]
    table = [["指标类型", "指标名称", "指标值", "实际完成值", "分值", "得分"]]
    table += [[k, n, t, a, str(w), str(s)] for k, (n, t, a, w, s) in zip(kinds, _ROWS, strict=True)]
    table.append(["总分", "", "", "", "100", "97.5"])
    inds = [
        {"level1": k, "name": n, "target": t, "actual": a, "weight": w, "score": s}
        for k, (n, t, a, w, s) in zip(kinds, _ROWS, strict=True)
    ]
    return Probe(
        "kind-level1",
        "指标类型 column holding 产出指标/效益指标 (the 一级)",
        (*_HEAD, _FUNDS, table),
        _truth(inds),
    )


def _levels_table(rows=_ROWS, extra_head=(), extra_cells=None) -> list[list[str]]:
    l1 = ["产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"]
    l2 = ["数量指标", "质量指标", "时效指标", "社会效益指标", "服务对象满意度指标"]
    table = [
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            *extra_head,
        ]
    ]
    for i, (n, t, a, w, s) in enumerate(rows):
        more = extra_cells[i] if extra_cells else []
        table.append([l1[i], l2[i], n, t, a, str(w), str(s), *more])
    table.append(["总分", "", "", "", "", "100", "97.5", *([""] * len(extra_head))])
    return table


def _level_truth(rows=_ROWS) -> list[dict[str, Any]]:
    l1 = ["产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"]
    l2 = ["数量指标", "质量指标", "时效指标", "社会效益指标", "服务对象满意度指标"]
    return [
        {
            "level1": l1[i],
            "level2": l2[i],
            "name": n,
            "target": t,
            "actual": a,
            "weight": w,
            "score": s,
        }
        for i, (n, t, a, w, s) in enumerate(rows)
    ]


def _remarks_column() -> Probe:
    cells = [["", ""], ["", ""], ["施工单位进场延迟", "加强进度调度"], ["", ""], ["", ""]]
    table = _levels_table(extra_head=("偏差原因分析", "备注"), extra_cells=cells)
    return Probe(
        "remarks-column",
        "偏差原因分析 and 备注 columns at the end",
        (*_HEAD, _FUNDS, table),
        _truth(_level_truth()),
    )


def _indicators_first() -> Probe:
    return Probe(
        "indicators-first",
        "the indicator table before the fund block",
        (*_HEAD, _levels_table(), _FUNDS),
        _truth(_level_truth()),
    )


def _contents_first() -> Probe:
    toc = [["目录", ""], ["一、项目支出绩效自评表", "1"], ["二、项目支出绩效自评报告", "3"]]
    return Probe(
        "contents-first",
        "a 目录 table before the form",
        (toc, *_HEAD, _FUNDS, _levels_table()),
        _truth(_level_truth()),
    )


def _accounts_first() -> Probe:
    acc = [
        ["2023年收入支出决算表", "", "", ""],
        ["项目", "年初结转和结余", "本年收入", "本年支出"],
        ["一般公共预算财政拨款", "12.5", "1,820.36", "1,790.11"],
        ["政府性基金预算财政拨款", "0", "200", "200"],
        ["合计", "12.5", "2,020.36", "1,990.11"],
    ]
    return Probe(
        "accounts-first",
        "a 收支决算表 before the form",
        (acc, *_HEAD, _FUNDS, _levels_table()),
        _truth(_level_truth()),
    )


def _blank_marks() -> Probe:
    funds = [
        _FUND_HEAD,
        ["年度资金总额", "300", "320", "304", "10", "95%", "9.5"],
        ["其中：财政拨款", "300", "320", "304", "/", "95%", "——"],
        ["其他资金", "无", "nan", "None", "/", "——", "/"],
    ]
    truth = [
        *_FUNDS_TRUTH[:2],
        {
            "line": "其他资金",
            "initial_budget": None,
            "budget": None,
            "actual": None,
            "rate_percent": None,
            "weight": None,
            "score": None,
        },
    ]
    return Probe(
        "blank-marks",
        "blanks printed as / 无 —— nan None",
        (*_HEAD, funds, _levels_table()),
        _truth(_level_truth(), funds=truth),
    )


def _score_marks() -> Probe:
    t = _levels_table()
    for row in t[1:-1]:
        row[5] = row[5] + ".00分"
        row[6] = row[6] + ".00分" if "." not in row[6] else row[6] + "分"
    return Probe(
        "score-marks",
        "weights and scores printed as 20.00分",
        (*_HEAD, _FUNDS, t),
        _truth(_level_truth()),
    )


def _twice() -> Probe:
    head2 = (
        "2023年度项目支出绩效自评表",
        "项目名称：背街小巷路灯更换项目",
        "主管部门：某某市城市管理局",
        "实施单位：某某市路灯管理所",
    )
    funds2 = [
        _FUND_HEAD,
        ["年度资金总额", "80", "80", "72", "10", "90%", "9"],
        ["其中：财政拨款", "80", "80", "72", "", "90%", ""],
        ["其他资金", "0", "0", "0", "", "", ""],
    ]
    rows2 = [
        ("更换路灯数量", "≥600盏", "640盏", 30, 30),
        ("亮灯率", "≥98%", "99%", 20, 20),
        ("完成时间", "2023年9月底前", "2023年9月", 10, 10),
        ("夜间出行安全改善", "有所改善", "有所改善", 20, 20),
        ("居民满意度", "≥90%", "95%", 10, 10),
    ]
    return Probe(
        "twice",
        "two projects' forms one after the other (the first is read)",
        (*_HEAD, _FUNDS, _levels_table(), *head2, funds2, _levels_table(rows2)),
        _truth(_level_truth()),
    )


def _two_lines() -> Probe:
    """Target and actual on two rows: a 指标值 row then a 完成值 row under one name."""
    table = [["一级指标", "二级指标", "三级指标", "", "指标内容", "分值", "得分"]]
    l1 = ["产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"]
    l2 = ["数量指标", "质量指标", "时效指标", "社会效益指标", "服务对象满意度指标"]
    for i, (n, t, a, w, s) in enumerate(_ROWS):
        table.append([l1[i], l2[i], n, "指标值", t, str(w), str(s)])
        table.append(["", "", "", "完成值", a, "", ""])
    table.append(["总分", "", "", "", "", "100", "97.5"])
    return Probe(
        "two-lines",
        "指标值 row then 完成值 row under each name",
        (*_HEAD, _FUNDS, table),
        _truth(_level_truth()),
    )


_MIXED_ROWS = [
    ("改造公厕数量", "20-25座", "22座", 20, 20),
    ("改造验收合格率", "95%-100%", "98%", 20, 20),
    ("完工时间", "2023年12月底前", "2023年12月20日", 10, 10),
    ("公厕运维成本下降", "≥2个百分点", "2.5%", 20, 20),
    ("群众满意度", "≥90%", "93%", 20, 20),
]


def _mixed_units() -> Probe:
    rows = _MIXED_ROWS
    t = _levels_table(rows)
    t[-1][-1] = "100"
    return Probe(
        "mixed-units",
        "ranges, dates, 个百分点 vs %",
        (*_HEAD, _FUNDS, t),
        _truth(_level_truth(rows), total=(100, 100)),
    )


def _extra_fund_columns() -> Probe:
    funds = [
        [
            "资金来源（万元）",
            "上年结转",
            "年初预算数",
            "追加（减）",
            "全年预算数",
            "全年执行数",
            "结余",
            "分值",
            "执行率",
            "得分",
        ],
        ["年度资金总额", "20", "300", "0", "320", "304", "16", "10", "95%", "9.5"],
        ["其中：财政拨款", "20", "300", "0", "320", "304", "16", "", "95%", ""],
        ["上级补助", "0", "0", "0", "0", "0", "0", "", "", ""],
        ["自筹资金", "0", "0", "0", "0", "0", "0", "", "", ""],
    ]
    truth = [
        dict(_FUNDS_TRUTH[0]),
        dict(_FUNDS_TRUTH[1]),
        {"line": "上级补助", "initial_budget": 0, "budget": 0, "actual": 0, "rate_percent": None},
        {"line": "自筹资金", "initial_budget": 0, "budget": 0, "actual": 0, "rate_percent": None},
    ]
    return Probe(
        "fund-columns",
        "fund block with 上年结转/追加/结余 columns and 上级补助/自筹 rows",
        (*_HEAD, funds, _levels_table()),
        _truth(_level_truth(), funds=truth),
    )


def _department() -> Probe:
    head = (
        "2023年度部门整体支出绩效自评表",
        "部门（单位）名称：某某县文化广电旅游体育局",
    )
    tasks = [
        ["年度主要任务", "任务名称", "主要内容", "预算数", "执行数"],
        ["", "公共文化服务", "开展送戏下乡、图书馆免费开放", "120", "118"],
        ["", "文物保护", "县级文物保护单位修缮", "80", "76"],
    ]
    funds = [
        ["年度预算执行情况（万元）", "年初预算数", "全年预算数", "全年执行数", "执行率"],
        ["年度资金总额", "1500", "1620", "1560", "96.3%"],
        ["按收入性质分：财政拨款", "1400", "1500", "1450", "96.67%"],
        ["其他资金", "100", "120", "110", "91.67%"],
        ["按支出性质分：基本支出", "900", "950", "940", "98.95%"],
        ["其中：人员经费", "700", "720", "720", "100%"],
        ["公用经费", "200", "230", "220", "95.65%"],
        ["项目支出", "600", "670", "620", "92.54%"],
        ["“三公”经费", "30", "30", "24", "80%"],
    ]
    goals = [
        ["年度总体目标", "实际完成情况"],
        ["完成全县公共文化服务体系建设任务", "已完成公共文化服务体系建设任务"],
    ]
    rows = [
        ("送戏下乡场次", "≥100场", "108场", 20, 20),
        ("文物修缮验收合格率", "100%", "100%", 20, 20),
        ("修缮完成时间", "2023年10月底前", "2023年10月", 10, 10),
        ("群众文化参与度", "明显提升", "明显提升", 20, 20),
        ("群众满意度", "≥90%", "92%", 20, 20),
    ]
    t = _levels_table(rows)
    t[-1][-1] = "100"
    truth_funds = [
        {
            "line": "年度资金总额",
            "initial_budget": 1500,
            "budget": 1620,
            "actual": 1560,
            "rate_percent": 96.3,
        },
        {
            "line": "财政拨款",
            "initial_budget": 1400,
            "budget": 1500,
            "actual": 1450,
            "rate_percent": 96.67,
        },
        {
            "line": "其他资金",
            "initial_budget": 100,
            "budget": 120,
            "actual": 110,
            "rate_percent": 91.67,
        },
        {
            "line": "基本支出",
            "initial_budget": 900,
            "budget": 950,
            "actual": 940,
            "rate_percent": 98.95,
        },
        {
            "line": "人员经费",
            "initial_budget": 700,
            "budget": 720,
            "actual": 720,
            "rate_percent": 100,
        },
        {
            "line": "公用经费",
            "initial_budget": 200,
            "budget": 230,
            "actual": 220,
            "rate_percent": 95.65,
        },
        {
            "line": "项目支出",
            "initial_budget": 600,
            "budget": 670,
            "actual": 620,
            "rate_percent": 92.54,
        },
        {"line": "三公经费", "initial_budget": 30, "budget": 30, "actual": 24, "rate_percent": 80},
    ]
    truth = {
        "kind": "dept_overall",
        "year": 2023,
        "department": "某某县文化广电旅游体育局",
        "funds": truth_funds,
        "indicators": _level_truth(rows),
        "total_weight": 100,
        "total_score": 100,
    }
    return Probe(
        "department",
        "部门整体: 年度主要任务, 基本/项目支出, 人员/公用经费, 三公经费",
        (*head, tasks, funds, goals, t),
        truth,
    )


def _grade_marks() -> Probe:
    """得分 printed as 满分 (= the weight) and blanks printed 0.00 in the fund block."""
    t = _levels_table()
    t[1][6] = "满分"
    t[2][6] = "满分"
    funds = [
        _FUND_HEAD,
        ["年度资金总额", "300", "320", "304", "10", "95%", "9.5"],
        ["其中：财政拨款", "300", "320", "304", "", "95%", ""],
        ["其他资金", "0.00", "0.00", "0.00", "", "0.00%", ""],
    ]
    truth = [
        *_FUNDS_TRUTH[:2],
        {
            "line": "其他资金",
            "initial_budget": 0,
            "budget": 0,
            "actual": 0,
            "rate_percent": 0,
            "weight": None,
            "score": None,
        },
    ]
    return Probe(
        "full-marks",
        "得分 printed 满分; zeros printed 0.00",
        (*_HEAD, funds, t),
        _truth(_level_truth(), funds=truth),
    )


def _fields_in_table() -> Probe:
    """Header fields in the table's own rows (项目名称 | X | 主管部门 | Y), 单位：万元 above."""
    head = (
        "2023年度项目支出绩效自评表",
        [
            ["项目名称", "城区公共厕所改造提升工程", "", "", "", "", ""],
            ["主管部门", "某某市城市管理局", "", "实施单位", "某某市环境卫生管理处", "", ""],
        ],
        "填报日期：2024年3月15日                         金额单位：万元",
    )
    return Probe(
        "fields-in-table",
        "项目名称/主管部门/实施单位 in table rows, 金额单位 line",
        (*head, _FUNDS, _levels_table()),
        _truth(_level_truth()),
    )


def _money_units() -> Probe:
    """A money target in 万元 and the actual in 元; percentages against 个百分点."""
    rows = [
        ("改造公厕数量", "≥20座", "22座", 20, 20),
        ("项目总成本", "≤320万元", "3040000元", 20, 20),
        ("完工时间", "2023年11月底前", "2023年12月", 10, 8),
        ("公厕运维成本下降", "≥2个百分点", "2.5个百分点", 20, 20),
        ("群众满意度", "≥90%", "93%", 20, 20),
    ]
    return Probe(
        "money-units",
        "万元 target vs 元 actual, 个百分点",
        (*_HEAD, _FUNDS, _levels_table(rows)),
        _truth(_level_truth(rows)),
    )


def _source_rows() -> Probe:
    """Fund rows by source: 中央补助, 省级补助, 市级配套, 县级配套 (no 财政拨款 row)."""
    funds = [
        _FUND_HEAD,
        ["年度资金总额", "300", "320", "304", "10", "95%", "9.5"],
        ["其中：中央补助资金", "200", "200", "190", "", "95%", ""],
        ["省级补助资金", "60", "60", "57", "", "95%", ""],
        ["市级配套资金", "40", "60", "57", "", "95%", ""],
    ]
    truth = [
        dict(_FUNDS_TRUTH[0]),
        {
            "line": "中央补助资金",
            "initial_budget": 200,
            "budget": 200,
            "actual": 190,
            "rate_percent": 95,
        },
        {
            "line": "省级补助资金",
            "initial_budget": 60,
            "budget": 60,
            "actual": 57,
            "rate_percent": 95,
        },
        {
            "line": "市级配套资金",
            "initial_budget": 40,
            "budget": 60,
            "actual": 57,
            "rate_percent": 95,
        },
    ]
    return Probe(
        "source-rows",
        "fund rows 中央补助/省级补助/市级配套",
        (*_HEAD, funds, _levels_table()),
        _truth(_level_truth(), funds=truth),
    )


def _staff_department() -> Probe:
    """部门整体 with 人员编制/实有人数 in one row and 部门名称 in a table cell."""
    head = (
        "2023年度部门整体支出绩效自评表",
        [
            ["部门名称", "某某县农业农村局", "", "", "", "", ""],
            ["人员编制数", "45", "", "实有人数", "42", "", ""],
        ],
    )
    funds = [
        ["项目", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "1200", "1300", "1261", "10", "97%", "9.7"],
        ["其中：财政拨款", "1200", "1300", "1261", "", "97%", ""],
        ["其他资金", "0", "0", "0", "", "", ""],
    ]
    t = _levels_table()
    truth_funds = [
        {
            "line": "年度资金总额",
            "initial_budget": 1200,
            "budget": 1300,
            "actual": 1261,
            "rate_percent": 97,
            "weight": 10,
            "score": 9.7,
        },
        {
            "line": "财政拨款",
            "initial_budget": 1200,
            "budget": 1300,
            "actual": 1261,
            "rate_percent": 97,
        },
    ]
    truth = {
        "kind": "dept_overall",
        "year": 2023,
        "department": "某某县农业农村局",
        "staff_authorized": 45,
        "staff_actual": 42,
        "funds": truth_funds,
        "indicators": _level_truth(),
        "total_weight": 100,
        "total_score": 97.5,
    }
    return Probe(
        "dept-staff", "部门名称 and 人员编制数/实有人数 in table rows", (*head, funds, t), truth
    )


def _unit_column() -> Probe:
    """A 计量单位 column and bare-number targets, an 指标方向 column."""
    table = [
        [
            "一级指标",
            "二级指标",
            "三级指标",
            "指标方向",
            "年度指标值",
            "计量单位",
            "实际完成值",
            "分值",
            "得分",
        ]
    ]
    l1 = ["产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"]
    l2 = ["数量指标", "质量指标", "时效指标", "社会效益指标", "服务对象满意度指标"]
    data = [
        ("改造公厕数量", "≥", "20", "座", "22", 20, 20),
        ("改造验收合格率", "=", "100", "%", "100", 20, 20),
        ("完工时间", "≤", "11", "月", "12", 10, 8),
        ("群众如厕环境改善", "定性", "明显改善", "", "明显改善", 20, 20),
        ("群众满意度", "≥", "90", "%", "93", 20, 20),
    ]
    for i, (n, op, t, u, a, w, s) in enumerate(data):
        table.append([l1[i], l2[i], n, op, t, u, a, str(w), str(s)])
    table.append(["总分", "", "", "", "", "", "", "100", "97.5"])
    inds = [
        {
            "level1": l1[i],
            "level2": l2[i],
            "name": n,
            "target": t,
            "actual": a,
            "weight": w,
            "score": s,
            **({"unit": u} if u else {}),
        }
        for i, (n, _op, t, u, a, w, s) in enumerate(data)
    ]
    return Probe(
        "unit-column",
        "指标方向 and 计量单位 columns, bare-number targets",
        (*_HEAD, _FUNDS, table),
        _truth(inds),
    )


def _tasks_department() -> Probe:
    """部门整体 with a 年度主要任务 table (任务名称 | 主要内容 | 预算数 | 执行数) first: its rows
    are fund rows named by the task."""
    p = _department()
    truth = dict(p.truth)
    truth["funds"] = [
        {"line": "公共文化服务", "budget": 120, "actual": 118},
        {"line": "文物保护", "budget": 80, "actual": 76},
        *p.truth["funds"],
    ]
    return Probe("dept-tasks", "年度主要任务 rows named by their 任务名称", p.blocks, truth)


def _merged_levels() -> Probe:
    """一级/二级 printed once over their rows (merged cells; blank below in text)."""
    t = _levels_table()
    for r in (2, 3):
        t[r][0] = ""
    return Probe(
        "merged-levels",
        "一级 merged over its rows (blank below in text)",
        (*_HEAD, _FUNDS, t),
        _truth(_level_truth()),
        merged=True,
    )


def _merged_kind() -> Probe:
    """Two 二级 rows under one merged 一级 and one merged 二级 over two rows, 计量单位."""
    rows = [
        ("改造公厕数量", "≥20座", "22座", 20, 20),
        ("新建公厕数量", "≥5座", "5座", 10, 10),
        ("改造验收合格率", "100%", "100%", 20, 20),
        ("群众如厕环境改善", "明显改善", "明显改善", 30, 30),
        ("群众满意度", "≥90%", "93%", 20, 17.5),
    ]
    t = _levels_table(rows)
    t[2][0], t[2][1] = "", ""
    t[3][0] = ""
    truth = _level_truth(rows)
    truth[1]["level2"] = "数量指标"
    truth[2]["level1"] = "产出指标"
    truth[2]["level2"] = "质量指标"
    for k, lv in ((3, ("效益指标", "社会效益指标")), (4, ("满意度指标", "服务对象满意度指标"))):
        truth[k]["level1"], truth[k]["level2"] = lv
    t[2][0] = ""
    t[3][1] = "质量指标"
    t[4][0], t[4][1] = "效益指标", "社会效益指标"
    t[5][0], t[5][1] = "满意度指标", "服务对象满意度指标"
    return Probe(
        "merged-l2",
        "一级 and 二级 merged over two rows each",
        (*_HEAD, _FUNDS, t),
        _truth(truth),
        merged=True,
    )


def _spaced_labels() -> Probe:
    """Header and field labels spread with spaces (Word's distributed alignment): 分  值."""
    t = _levels_table()
    t[0] = [
        "一 级 指 标",
        "二 级 指 标",
        "三 级 指 标",
        "年 度 指 标 值",
        "实 际 完 成 值",
        "分   值",
        "得   分",
    ]
    t[-1][0] = "总    分"
    funds = [list(r) for r in _FUNDS]
    funds[0] = [
        "项 目 资 金",
        "年 初 预 算 数",
        "全 年 预 算 数",
        "全 年 执 行 数",
        "分 值",
        "执 行 率",
        "得 分",
    ]
    head = (
        "2023年度项目支出绩效自评表",
        "项 目 名 称：城区公共厕所改造提升工程",
        "主 管 部 门：某某市城市管理局",
        "实 施 单 位：某某市环境卫生管理处",
    )
    return Probe(
        "spaced-labels",
        "labels spread with spaces (一 级 指 标, 分 值)",
        (*head, funds, t),
        _truth(_level_truth()),
    )


def _wrapped_header() -> Probe:
    """Header cells broken over two lines inside their cells (年度\n指标值)."""
    t = _levels_table()
    t[0] = [
        "一级\n指标",
        "二级\n指标",
        "三级\n指标",
        "年度\n指标值",
        "实际\n完成值",
        "分值",
        "得分",
    ]
    funds = [list(r) for r in _FUNDS]
    funds[0] = [
        "项目资金\n（万元）",
        "年初\n预算数",
        "全年\n预算数",
        "全年\n执行数",
        "分值",
        "执行率",
        "得分",
    ]
    return Probe(
        "wrapped-header",
        "header cells with a line break inside (年度↵指标值)",
        (*_HEAD, funds, t),
        _truth(_level_truth()),
    )


def _numbered_first() -> Probe:
    """A 序号 column before 一级指标."""
    t = _levels_table()
    t[0] = ["序号", *t[0]]
    for k, row in enumerate(t[1:-1], 1):
        row.insert(0, str(k))
    t[-1].insert(0, "")
    return Probe(
        "numbered-levels",
        "序号 | 一级指标 | 二级指标 | 三级指标 …",
        (*_HEAD, _FUNDS, t),
        _truth(_level_truth()),
    )


def _levels_in_one_cell() -> Probe:
    """一级 and 二级 in one cell: 产出指标-数量指标 / 产出指标（数量指标）."""
    l1 = ["产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"]
    l2 = ["数量指标", "质量指标", "时效指标", "社会效益指标", "服务对象满意度指标"]
    table = [["指标类别", "指标名称", "年度指标值", "实际完成值", "分值", "得分"]]
    for i, (n, t, a, w, sc) in enumerate(_ROWS):
        joined = f"{l1[i]}-{l2[i]}" if i % 2 == 0 else f"{l1[i]}（{l2[i]}）"
        table.append([joined, n, t, a, str(w), str(sc)])
    table.append(["总分", "", "", "", "100", "97.5"])
    return Probe(
        "levels-one-cell",
        "一级 and 二级 in one cell (产出指标-数量指标)",
        (*_HEAD, _FUNDS, table),
        _truth(_level_truth()),
    )


def _two_levels_named() -> Probe:
    """Only 一级 and 二级 columns, the 二级 holding the indicator's name."""
    l1 = ["产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"]
    table = [["一级指标", "二级指标", "年度指标值", "实际完成值", "分值", "得分"]]
    for i, (n, t, a, w, sc) in enumerate(_ROWS):
        table.append([l1[i], n, t, a, str(w), str(sc)])
    table.append(["总分", "", "", "", "100", "97.5"])
    inds = [
        {"level1": l1[i], "name": n, "target": t, "actual": a, "weight": w, "score": sc}
        for i, (n, t, a, w, sc) in enumerate(_ROWS)
    ]
    return Probe(
        "l2-is-name",
        "一级指标 | 二级指标 (the name) | 年度指标值 …",
        (*_HEAD, _FUNDS, table),
        _truth(inds),
    )


def _group_header() -> Probe:
    """A group row over the indicator header (绩效指标 | | | 完成情况 | | 评分 |)."""
    t = _levels_table()
    group = ["绩效指标", "", "", "指标完成情况", "", "评分", ""]
    return Probe(
        "group-header",
        "a group row over the indicator header",
        (*_HEAD, _FUNDS, [group, *t]),
        _truth(_level_truth()),
    )


def _category_in_name() -> Probe:
    """The 二级 written before the name in one cell (数量指标：改造公厕数量), no level columns."""
    l2 = ["数量指标", "质量指标", "时效指标", "社会效益指标", "服务对象满意度指标"]
    table = [["绩效指标", "年度指标值", "实际完成值", "分值", "得分"]]
    for i, (n, t, a, w, sc) in enumerate(_ROWS):
        table.append([f"{l2[i]}：{n}", t, a, str(w), str(sc)])
    table.append(["总分", "", "", "100", "97.5"])
    inds = [
        {"level2": l2[i], "name": n, "target": t, "actual": a, "weight": w, "score": sc}
        for i, (n, t, a, w, sc) in enumerate(_ROWS)
    ]
    return Probe(
        "category-in-name",
        "数量指标：改造公厕数量 in the name cell",
        (*_HEAD, _FUNDS, table),
        _truth(inds),
    )


def _page_break() -> Probe:
    """The indicator table broken over two pages: page furniture, the header printed again."""
    t = _levels_table()
    body = [*t[:4], ["第 1 页 共 2 页"], t[0], *t[4:]]
    return Probe(
        "page-break",
        "a page mark and the header repeated inside the indicator table",
        (*_HEAD, _FUNDS, body),
        _truth(_level_truth()),
    )


def _wrapped_names() -> Probe:
    """Long names and worded values wrapped inside their cells (a line break in the cell)."""
    rows = [
        ("改造城区主次干道沿线\n公共厕所数量", "≥20座", "22座", 20, 20),
        ("改造项目竣工验收\n合格率", "100%", "100%", 20, 20),
        ("完工时间", "2023年11月\n底前", "2023年12月", 10, 8),
        ("群众如厕环境改善", "明显改善", "明显改善", 20, 20),
        ("群众满意度", "≥90%", "93%", 20, 20),
    ]
    truth = _level_truth(
        [(n.replace("\n", ""), t.replace("\n", ""), a, w, sc) for n, t, a, w, sc in rows]
    )
    return Probe(
        "wrapped-names",
        "names and targets wrapped inside their cells",
        (*_HEAD, _FUNDS, _levels_table(rows)),
        _truth(truth),
    )


def _adjusted_budget() -> Probe:
    """A fund block with an adjustment column between the initial and the full-year budget."""
    funds = [
        [
            "项目资金（万元）",
            "年初预算数",
            "{adj}",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ],
        ["年度资金总额", "300", "20", "320", "304", "10", "95%", "9.5"],
        ["其中：财政拨款", "300", "20", "320", "304", "", "95%", ""],
        ["其他资金", "0", "0", "0", "0", "", "", ""],
    ]
    return Probe(
        "adjusted-budget",
        "年初预算数 | 调整预算数 | 全年预算数 | 全年执行数",
        (*_HEAD, funds, _levels_table()),
        _truth(_level_truth()),
    )


def _adjusted(word: str, name: str) -> Callable[[], Probe]:
    def make() -> Probe:
        p = _adjusted_budget()
        funds = [list(r) for r in p.blocks[len(_HEAD)]]
        funds[0][2] = word
        return Probe(
            name, f"年初预算数 | {word} | 全年预算数 …", (*_HEAD, funds, p.blocks[-1]), p.truth
        )

    return make


# header words real forms use for the same columns (one probe per set)
_SYNONYM_SETS = (
    ("一级指标", "具体指标", "预期值", "实际达到值", "标准分值", "自评分"),
    ("指标类别", "指标名称", "计划目标", "实际完成数", "满分值", "考核得分"),
    ("一级", "考核指标", "年度目标值", "完成数", "权重分", "评价得分"),
    ("一级指标", "三级指标名称", "指标目标值", "实际完成情况", "指标权重", "实际得分"),
)


def _synonyms(k: int) -> Callable[[], Probe]:
    def make() -> Probe:
        l1, name, target, actual, weight, score = _SYNONYM_SETS[k]
        t = _levels_table()
        t[0] = [l1, "二级指标", name, target, actual, weight, score]
        return Probe(
            f"synonyms-{k + 1}",
            "、".join(_SYNONYM_SETS[k]),
            (*_HEAD, _FUNDS, t),
            _truth(_level_truth()),
        )

    return make


def _chongqing_department() -> Probe:
    """重庆's 部门整体绩效自评表: 自评总分 among the fields, 年初/调整/全年 columns for the target
    and the actual, 得分系数(%) (the share of the points given), 是否核心指标 (issue 9, rw2)."""
    head = ("2023年度部门整体绩效自评表",)
    fields = [["主管部门", "某某区图书馆", "自评总分(分)", "96"]]
    table = [
        [
            "指标名称", "计量单位", "指标性质", "年初指标值", "调整指标值", "全年完成值",
            "得分系数(%)", "指标权重(分)", "指标得分(分)", "是否核心指标",
        ]
    ]  # fmt: skip
    data = [
        ("在职人员控制率", "%", "定量指标", "100%", "", "95%", "100%", 10, 10, "否"),
        ("预算执行率", "%", "定量指标", "90%", "", "96.5%", "100%", 20, 20, "是"),
        ("读者借阅人次", "人次", "定量指标", "30000人次", "28000人次", "27000人次", "80%", 20, 16, "是"),
        ("少儿阅读活动场次", "场", "定量指标", "40场", "", "44场", "100%", 30, 30, "是"),
        ("资金使用合规性", "", "定性指标", "合规", "", "合规", "100%", 20, 20, "否"),
    ]  # fmt: skip
    for n, u, nat, t0, t1, a, share, w, sc, core in data:
        table.append([n, u, nat, t0, t1, a, share, str(w), str(sc), core])
    inds = [
        {"name": n, "target": t1 or t0, "actual": a, "weight": w, "score": sc}
        for n, _u, _nat, t0, t1, a, _share, w, sc, _core in data
    ]
    truth = {"kind": "dept_overall", "year": 2023, "indicators": inds, "total_score": 96}
    return Probe(
        "chongqing-dept",
        "重庆 部门整体: 年初/调整指标值, 得分系数(%), 是否核心指标, 自评总分 in the fields",
        (*head, fields, table),
        truth,
    )


def _block_label_funds() -> Probe:
    """A 部门整体 fund block whose header starts with the block's label before the 资金来源
    column, the rows starting with their label (issue 9, rw2)."""
    head = ("部门整体支出绩效自评表", "部门(单位)名称：某某县水利工作站")
    funds = [
        ["部门(单位)总体资金(万元)", "资金来源", "年初预算数(A)", "全年执行数(B)", "分值(10分)", "得分", "得分计算方法"],
        ["年度资金总额", "810.40", "836.12", "10", "10", "执行率乘以分值"],
        ["基本支出", "520.10", "514.66", "", "", ""],
        ["项目支出", "290.30", "321.46", "", "", ""],
    ]  # fmt: skip
    table = [["一级指标", "二级指标", "三级指标", "年度指标值", "全年实际值", "分值", "得分"]]
    data = [
        ("产出指标", "数量指标", "河道巡查次数", "≥48次", "52次", 30, 30),
        ("产出指标", "质量指标", "水质达标率", "≥95%", "97%", 30, 30),
        ("效益指标", "社会效益指标", "防汛安全事故", "0起", "0起", 20, 20),
        ("满意度指标", "服务对象满意度指标", "沿河群众满意度", "≥90%", "93%", 10, 10),
    ]  # fmt: skip
    for l1, l2, n, t, a, w, sc in data:
        table.append([l1, l2, n, t, a, str(w), str(sc)])
    inds = [
        {"level1": l1, "level2": l2, "name": n, "target": t, "actual": a, "weight": w, "score": sc}
        for l1, l2, n, t, a, w, sc in data
    ]
    truth = {
        "kind": "dept_overall",
        "department": "某某县水利工作站",
        "funds": [
            {"line": "年度资金总额", "initial_budget": 810.40, "actual": 836.12, "weight": 10, "score": 10},
            {"line": "基本支出", "initial_budget": 520.10, "actual": 514.66},
            {"line": "项目支出", "initial_budget": 290.30, "actual": 321.46},
        ],
        "indicators": inds,
    }
    return Probe(
        "block-label-funds",
        "部门整体 fund header 部门(单位)总体资金 | 资金来源 | 年初预算数(A) | 全年执行数(B)",
        (*head, funds, table),
        truth,
    )


PROBES: tuple[Callable[[], Probe], ...] = (
    _no_levels,
    _only_level3,
    _kind_column,
    _kind_level1_column,
    _remarks_column,
    _indicators_first,
    _contents_first,
    _accounts_first,
    _blank_marks,
    _score_marks,
    _twice,
    _two_lines,
    _mixed_units,
    _extra_fund_columns,
    _department,
    _grade_marks,
    _fields_in_table,
    _money_units,
    _source_rows,
    _staff_department,
    _unit_column,
    _tasks_department,
    _merged_levels,
    _merged_kind,
    _spaced_labels,
    _wrapped_header,
    _numbered_first,
    _levels_in_one_cell,
    _two_levels_named,
    *(_synonyms(k) for k in range(len(_SYNONYM_SETS))),
    _group_header,
    _category_in_name,
    _page_break,
    _wrapped_names,
    _adjusted("调整预算数", "adjusted-1"),
    _adjusted("预算调整数", "adjusted-2"),
    _adjusted("调整数", "adjusted-3"),
    _chongqing_department,
    _block_label_funds,
)

# shapes seen in real published forms (bench/probes_real.py), invented forms of them
from bench.probes_real import REAL_SHAPES  # noqa: E402

PROBES = (*PROBES, *REAL_SHAPES)


def run(
    only: set[str] | None, layouts: tuple[str, ...], misses: bool
) -> dict[tuple[str, str], tuple[int, int]]:
    results: dict[tuple[str, str], tuple[int, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for make in PROBES:
            p = make()
            if only and p.name not in only:
                continue
            for layout in layouts:
                path = materialise(p, layout, folder)
                try:
                    e = read(path)
                except ReadError:
                    e = None
                fields = score_document(p.name, p.truth, e)
                right = sum(f.ok for f in fields)
                results[(p.name, layout)] = (right, len(fields))
                if misses:
                    for f in fields:
                        if not f.ok:
                            print(
                                f"  {p.name}/{layout}: {f.field}: expected {f.expected!r}, got {f.got!r}"
                            )
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", default="")
    ap.add_argument("--layouts", default=",".join(LAYOUTS))
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args(argv)
    only = set(args.only.split(",")) if args.only else None
    layouts = tuple(args.layouts.split(","))
    res = run(only, layouts, args.misses)
    names = list(dict.fromkeys(n for n, _ in res))
    print(f"{'probe':18}" + "".join(f"{lay:>9}" for lay in layouts))
    tot_r = tot_n = 0
    for n in names:
        cells = []
        for lay in layouts:
            r, c = res[(n, lay)]
            tot_r += r
            tot_n += c
            cells.append(f"{r / c if c else 0:9.3f}")
        print(f"{n:18}" + "".join(cells))
    print(f"all {tot_r}/{tot_n} = {tot_r / tot_n:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
