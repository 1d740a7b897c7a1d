"""Self-evaluation forms "by other hands": an independent generator, read back and scored.

Usage::

    .venv/bin/python bench/other_hands_text.py [-n 300] [--seed 7] [--out DIR] [--misses K] [--shapes new]

Why: the readers were tuned on forms printed by ``bench/forms.py``; the hidden real documents
are printed by other people. This generator shares no code with bench/forms.py,
bench/grid_text.py or bench/damage.py. It invents 项目支出 and 部门整体 self-evaluation forms
(invented units, projects and figures; consistent arithmetic: 执行率 = 执行数 ÷ 全年预算数,
资金得分 = 分值 × 执行率 capped at 分值, 得分 ≤ 分值, 分值 adding up to 100) and prints them the
ways real government pages and PDF copies do, each variation drawn independently:

- ``layout``: ``tab`` (cells joined by tabs), ``pipe`` (markdown ``| a | b |``), ``ascii``
  (``+----+`` borders), ``cell_lines`` (one cell per line, a blank line between rows, blank cells
  as a full-width space — CMS copies), ``spaced`` (runs of spaces, blank cells gone — PDF text),
  ``column_major`` (PDF text: the indicator table printed a whole column before the next),
  ``html`` (tab-joined cells with ``&nbsp;`` remnants for blank cells and padding);
- ``vocab``: the header synonyms real forms use (年度指标值/目标值/计划值/预期目标/年初目标值,
  实际完成值/完成值/实际值/全年实际值/全年完成情况, 分值/权重/标准分, 得分/自评得分/评分/实际得分,
  一级指标/一级, 偏差原因分析及改进措施/未完成原因…, 年初预算数/预算数/全年预算数/执行数/实际支出…);
- ``order``: the column orders that exist (分值 before the 指标值; 执行率 before or after 分值;
  no 年初预算数 column; a 计量单位 column after the 指标 name);
- ``excerpt``: whole form, cut at the top (no title or header lines), cut at the bottom (the last
  indicator rows and the total row gone), without the fund block;
- ``hierarchy``: 一级 + 二级 + 三级 (产出/效益/满意度指标), 二级 + 三级 only, the 10号 framework
  (项目决策/项目过程/项目产出/项目效益);
- details: ``≥90%`` vs ``90%以上`` vs ``不低于90%``; ``一``/``/``/``—``/blank for empty cells;
  分值 in the 一级 label ``产出指标(50分)``; merged cells printed once or repeated; a 合计/总分 row.

Truth is written in the corpus truth format (``raw/NNN.txt`` + ``truth/NNN.json`` under
``--out``, a temporary folder by default), so ``bench/accuracy.py DIR`` scores the same
set; this script scores it with accuracy's ``score_document`` and prints field accuracy overall,
per layout and per variation.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import simplejson  # noqa: E402

from bench.accuracy import FieldResult, score_document  # noqa: E402
from bench.other_hands_more import MORE_SHAPES, render_more  # noqa: E402
from bench.other_hands_shapes import NEW_SHAPES, prepare, render_shape  # noqa: E402
from jixiao import read  # noqa: E402
from jixiao.errors import ReadError  # noqa: E402

LAYOUTS = ("tab", "pipe", "ascii", "cell_lines", "spaced", "column_major", "html")
EXCERPTS = ("whole", "cut_top", "cut_bottom", "no_funds")
HIERARCHIES = ("three", "two", "framework10")

# invented place names (syllables), bureaus and works
_PLACE_A = "岚栎沅澄禾枫萍溆芷琮"
_PLACE_B = "溪川原坪桥岭泽湾浦陵"
_BUREAUS = (
    "农业农村局",
    "水利局",
    "卫生健康局",
    "教育局",
    "民政局",
    "文化和旅游局",
    "自然资源局",
    "交通运输局",
    "住房和城乡建设局",
    "林业局",
    "市场监督管理局",
)
_WORKS = (
    ("高标准农田建设", "亩"),
    ("农村饮水安全巩固提升", "处"),
    ("乡村道路硬化", "公里"),
    ("困难群众临时救助", "人次"),
    ("基层医疗设备购置", "台"),
    ("中小学校舍维修", "所"),
    ("河道清淤整治", "公里"),
    ("村级文化广场建设", "个"),
    ("森林防火宣传", "场"),
    ("食品安全抽检", "批次"),
)

# header synonyms real forms print
V_TARGET = ("年度指标值", "目标值", "计划值", "预期目标", "年初目标值", "年度目标值")
V_ACTUAL = ("实际完成值", "完成值", "实际值", "全年实际值", "全年完成情况", "实际完成情况")
V_WEIGHT = ("分值", "权重", "标准分")
V_SCORE = ("得分", "自评得分", "评分", "实际得分")
V_L1 = ("一级指标", "一级")
V_L2 = ("二级指标", "二级")
V_L3 = ("三级指标", "指标名称", "三级")
V_REASON = ("偏差原因分析及改进措施", "未完成原因", "偏差原因分析", "备注")
V_INIT = ("年初预算数", "年初预算", "年初数")
V_BUDGET = ("全年预算数", "调整后预算数", "全年预算")
V_SPENT = ("全年执行数", "执行数", "实际支出", "实际执行数")
V_RATE = ("执行率", "预算执行率")
V_TOTAL_LINE = ("年度资金总额", "资金总额")
V_GRAND = ("总分", "合计")
EMPTY_MARKS = ("", "一", "/", "—")

_COMMON = {
    "产出指标": {
        "数量指标": "count",
        "质量指标": "pct",
        "时效指标": "time",
        "成本指标": "cost",
    },
    "效益指标": {
        "社会效益指标": "word",
        "经济效益指标": "pct",
        "可持续影响指标": "word",
    },
    "满意度指标": {"服务对象满意度指标": "sat"},
}
_FRAMEWORK10 = {
    "项目决策": {"项目立项": "word", "绩效目标": "word", "资金投入": "word"},
    "项目过程": {"资金管理": "pct", "组织实施": "word"},
    "项目产出": {"产出数量": "count", "产出质量": "pct", "产出时效": "time", "产出成本": "cost"},
    "项目效益": {"项目效益": "sat"},
}
_NAMES = {
    "count": ("完成{w}数量", "覆盖{w}范围", "{w}受益规模"),
    "pct": ("{w}验收合格率", "{w}达标率", "资金拨付及时率"),
    "time": ("{w}完成时间", "资金下达时限"),
    "cost": ("{w}单位成本", "{w}成本控制"),
    "word": ("{w}群众生活条件", "{w}长效管护机制", "立项依据充分性", "绩效目标合理性"),
    "sat": ("受益群众满意度", "服务对象满意率"),
}
_WORD_TARGETS = ("有效改善", "明显提升", "逐步完善", "持续发挥作用", "充分")


@dataclass
class Ind:
    level1: str
    level2: str
    name: str
    target: str  # template: "{u}" where the unit is printed unless the form has a unit column
    actual: str
    weight: Decimal
    score: Decimal
    unit: str = ""  # only when the form has a 计量单位 column


@dataclass
class Form:
    kind: str  # "project" | "dept"
    year: int
    department: str
    supervisor: str
    project: str
    funds: list[tuple[str, Decimal | None, Decimal, Decimal, Decimal | None, Decimal | None]]
    indicators: list[Ind]
    variation: dict[str, str] = field(default_factory=dict)


def _d(x: float | int | str, places: str = "0.01") -> Decimal:
    return Decimal(str(x)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def _plain(x: Decimal) -> str:
    """A figure as forms print it: no trailing zeros after the point."""
    s = format(x.normalize(), "f")
    return s


def _target(rng: random.Random, kind: str, unit: str, style: str) -> tuple[str, str, str]:
    """(target template, actual template, bare unit) for one indicator; ``{u}`` marks where the
    unit is printed (dropped when the form has a 计量单位 column)."""
    if kind == "count":
        n = rng.choice((12, 30, 45, 120, 260, 1500))
        got = n + rng.choice((0, 0, 3, 10))
        t = {"ge": f"≥{n}{{u}}", "above": f"{n}{{u}}以上", "notless": f"不低于{n}{{u}}"}[style]
        return t, f"{got}{{u}}", unit
    if kind in ("pct", "sat"):
        n = rng.choice((85, 90, 95, 98, 100)) if kind == "pct" else rng.choice((85, 90, 95))
        got = min(100, n + rng.choice((0, 1, 2, 3)))
        t = {"ge": f"≥{n}{{u}}", "above": f"{n}{{u}}以上", "notless": f"不低于{n}{{u}}"}[style]
        return t, f"{got}{{u}}", "%"
    if kind == "time":
        m = rng.choice((6, 10, 11, 12))
        t = {"ge": f"≤{m}{{u}}", "above": f"{m}{{u}}底前", "notless": f"不晚于{m}{{u}}"}[style]
        return t, f"{m}{{u}}", "月"
    if kind == "cost":
        n = rng.choice((50, 80, 120, 300))
        t = {"ge": f"≤{n}{{u}}", "above": f"{n}{{u}}以内", "notless": f"不超过{n}{{u}}"}[style]
        return t, f"{n - rng.choice((0, 2, 5))}{{u}}", "万元"
    w = rng.choice(_WORD_TARGETS)
    return w, w, ""


def make_form(rng: random.Random) -> Form:
    kind = "dept" if rng.random() < 0.3 else "project"
    place = rng.choice(_PLACE_A) + rng.choice(_PLACE_B) + rng.choice(("县", "区"))
    bureau = rng.choice(_BUREAUS)
    supervisor = place + bureau
    department = (
        supervisor
        if rng.random() < 0.5
        else place + rng.choice(_PLACE_A) + rng.choice(("镇人民政府", "乡人民政府", "街道办事处"))
    )
    work, work_unit = rng.choice(_WORKS)
    year = rng.choice(range(2019, 2025))
    project = f"{year}年{place}{work}项目"
    hierarchy = "three" if kind == "dept" else rng.choice(HIERARCHIES)
    frame = _FRAMEWORK10 if hierarchy == "framework10" else _COMMON
    target_style = rng.choice(("ge", "above", "notless"))
    # indicators: weights 90 over the indicators (10 to the funds), integers
    picks: list[tuple[str, str, str]] = []
    for l1, l2s in frame.items():
        for l2, k in rng.sample(list(l2s.items()), k=min(len(l2s), rng.choice((1, 2, 2, 3)))):
            picks.extend((l1, l2, k) for _ in range(rng.choice((1, 1, 2))))
    weights = [Decimal(90 // len(picks))] * len(picks)
    weights[0] += 90 - sum(weights)
    inds: list[Ind] = []
    used: set[str] = set()
    for (l1, l2, k), wt in zip(picks, weights, strict=True):
        for _ in range(20):
            name = rng.choice(_NAMES[k]).format(w=work)
            if name not in used:
                break
        else:
            name = f"{work}{l2}{len(used) + 1}"
        used.add(name)
        target, actual, unit = _target(rng, k, work_unit, target_style)
        score = (
            wt
            if rng.random() < 0.75
            else _d(wt * Decimal(rng.choice(("0.5", "0.8", "0.9"))), "0.1")
        )
        inds.append(Ind(l1, l2, name, target, actual, wt, score, unit))
    # funds: (label, initial, budget, spent, weight, score)
    budget = _d(rng.uniform(20, 900))
    initial = (
        budget if rng.random() < 0.5 else _d(budget * Decimal(rng.choice(("0.8", "0.9", "1.1"))))
    )
    spent = budget if rng.random() < 0.4 else _d(budget * Decimal(str(rng.uniform(0.7, 1.0))))
    fund_score = min(Decimal(10), _d(Decimal(10) * spent / budget))
    total_label = rng.choice(V_TOTAL_LINE)
    if kind == "dept":
        parts = (("基本支出", Decimal("0.6")), ("项目支出", Decimal("0.4")))
    else:
        parts = (("其中：当年财政拨款", Decimal("0.7")), ("上年结转资金", Decimal("0.3")))
    funds = [(total_label, initial, budget, spent, Decimal(10), fund_score)]
    bi = initial
    bb, bs = budget, spent
    for i, (label, share) in enumerate(parts):
        last = i == len(parts) - 1
        pi = bi if last else _d(initial * share)
        pb = bb if last else _d(budget * share)
        ps = bs if last else _d(spent * share)
        bi, bb, bs = bi - pi, bb - pb, bs - ps
        funds.append((label, pi, pb, ps, None, None))
    if kind == "project":
        funds.append(("其他资金", Decimal(0), Decimal(0), Decimal(0), None, None))
    return Form(kind, year, department, supervisor, project, funds, inds)


# ---- printing: a form becomes rows of cells, then text in one layout ----


@dataclass
class Printed:
    rows: list[list[str]]
    table_start: int  # first row of the indicator table (its header)
    truth: dict
    keys: list[str] = field(default_factory=list)  # the indicator table's columns after the first


def _pct(spent: Decimal, budget: Decimal) -> str:
    if budget == 0:
        return "0%" if spent == 0 else ""
    return f"{(spent / budget * 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}%"


def print_form(f: Form, rng: random.Random) -> Printed:
    v = f.variation
    empty = v["empty"] = rng.choice(EMPTY_MARKS)
    excerpt = v["excerpt"] = rng.choice(EXCERPTS)
    v["hierarchy"] = (
        "framework10"
        if f.indicators[0].level1 == "项目决策"
        else rng.choice(("three", "three", "two"))
    )
    merged = v["merged"] = rng.choice(("once", "repeat"))
    l1_points = v["l1_points"] = rng.choice(("no", "no", "yes"))
    unit_col = v["unit_col"] = rng.choice(("no", "no", "yes"))
    ind_order = v["ind_order"] = rng.choice(("target_first", "target_first", "weight_first"))
    reason_col = rng.random() < 0.7
    fund_order = v["fund_order"] = rng.choice(("weight_rate", "rate_weight", "no_initial"))
    vocab = {
        "target": rng.choice(V_TARGET),
        "actual": rng.choice(V_ACTUAL),
        "weight": rng.choice(V_WEIGHT),
        "score": rng.choice(V_SCORE),
        "l1": rng.choice(V_L1),
        "l2": rng.choice(V_L2),
        "l3": rng.choice(V_L3),
        "reason": rng.choice(V_REASON),
        "init": rng.choice(V_INIT),
        "budget": rng.choice(V_BUDGET),
        "spent": rng.choice(V_SPENT),
        "rate": rng.choice(V_RATE),
    }
    for role in ("target", "actual", "weight", "score", "l1", "init", "budget", "spent"):
        v[f"vocab_{role}"] = vocab[role]
    two = v["hierarchy"] == "two"
    rows: list[list[str]] = []
    title = "部门整体支出绩效自评表" if f.kind == "dept" else "项目支出绩效自评表"
    truth: dict = {"kind": "dept_table" if f.kind == "dept" else "project_table"}
    if excerpt != "cut_top":
        rows.append([rng.choice((f"{f.year}年度{title}", f"{title}（{f.year}年度）"))])
        truth["year"] = f.year
        if f.kind == "project":
            rows.append(["项目名称", f.project])
            rows.append(["主管部门", f.supervisor, "实施单位", f.department])
            truth["project"] = f.project
        else:
            rows.append(["部门（单位）名称", f.department])
        truth["department"] = f.department
    # fund block
    if excerpt != "no_funds":
        cols = ["init", "budget", "spent", "weight", "rate", "score"]
        if fund_order == "rate_weight":
            cols = ["init", "budget", "spent", "rate", "weight", "score"]
        elif fund_order == "no_initial":
            cols = ["budget", "spent", "rate", "weight", "score"]
        head = "部门整体资金（万元）" if f.kind == "dept" else "项目资金（万元）"
        rows.append([head, ""] + [vocab[c] for c in cols])
        truth["funds"] = []
        for label, init, budget, spent, wt, sc in f.funds:
            vals = {
                "init": _plain(init) if init is not None else empty,
                "budget": _plain(budget),
                "spent": _plain(spent),
                "weight": _plain(wt) if wt is not None else empty,
                "rate": _pct(spent, budget) or empty,
                "score": _plain(sc) if sc is not None else empty,
            }
            rows.append(["", label] + [vals[c] for c in cols])
            t = {"line": label}
            if "init" in cols:
                t["initial_budget"] = init
            t.update(budget=budget, actual=spent, weight=wt, score=sc)
            rate = _pct(spent, budget)
            t["rate_percent"] = Decimal(rate.rstrip("%")) if rate else None
            truth["funds"].append(t)
    # the goal rows (text, not scored)
    rows.append(["年度总体目标", "预期目标", "实际完成情况"])
    rows.append(["", "按期完成年度建设任务，资金使用规范。", "已按期完成，资金使用规范。"])
    # indicator table
    table_start = len(rows)
    keys = ([] if two else ["l1"]) + ["l2", "l3"] + (["unit"] if unit_col == "yes" else [])
    keys += (
        ["weight", "target", "actual", "score"]
        if ind_order == "weight_first"
        else ["target", "actual", "weight", "score"]
    )
    if reason_col:
        keys.append("reason")
    header = {**vocab, "unit": rng.choice(("计量单位", "度量单位"))}
    rows.append(["绩效指标"] + [header[k] for k in keys])
    inds = f.indicators
    if excerpt == "cut_bottom":
        inds = inds[: max(2, len(inds) - rng.choice((1, 2)))]
    l1_weight: Counter[str] = Counter()
    for i in f.indicators:
        l1_weight[i.level1] += int(i.weight)
    truth["indicators"] = []
    prev = ("", "")
    for ind in inds:
        l1 = f"{ind.level1}（{l1_weight[ind.level1]}分）" if l1_points == "yes" else ind.level1
        printed_unit = "" if unit_col == "yes" else ind.unit
        target = ind.target.format(u=printed_unit)
        actual = ind.actual.format(u=printed_unit)
        cell = {
            "l1": l1 if merged == "repeat" or ind.level1 != prev[0] else "",
            "l2": ind.level2 if merged == "repeat" or (ind.level1, ind.level2) != prev else "",
            "l3": ind.name,
            "unit": ind.unit if unit_col == "yes" else "",
            "target": target,
            "actual": actual,
            "weight": _plain(ind.weight),
            "score": _plain(ind.score),
            "reason": "" if ind.score == ind.weight else "部分任务延后",
        }
        prev = (ind.level1, ind.level2)
        rows.append(["", *(cell[k] for k in keys)])  # under the merged 绩效指标 cell
        t = {}
        if not two:
            t["level1"] = l1
        t.update(
            level2=ind.level2,
            name=ind.name,
            target=target,
            actual=actual,
            weight=ind.weight,
            score=ind.score,
        )
        if unit_col == "yes":
            t["unit"] = ind.unit or None
        truth["indicators"].append(t)
    if excerpt != "cut_bottom":
        total_score = sum((i.score for i in f.indicators), Decimal(0)) + f.funds[0][5]
        grand = [""] * (len(keys) + 1)
        grand[0] = rng.choice(V_GRAND)
        grand[keys.index("weight") + 1] = "100"
        grand[keys.index("score") + 1] = _plain(total_score)
        rows.append(grand)
        truth["total_weight"] = Decimal(100)
        truth["total_score"] = total_score
    return Printed(rows, table_start, truth, keys)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, w: int) -> str:
    return s + " " * (w - _width(s))


def render(p: Printed, layout: str, rng: random.Random) -> str:
    rows = p.rows
    if layout == "tab":
        return "\n".join("\t".join(r) for r in rows) + "\n"
    if layout == "pipe":
        lines = []
        for n, r in enumerate(rows):
            lines.append("| " + " | ".join(r) + " |")
            if n == 0:
                lines.append("|" + "---|" * len(r))
        return "\n".join(lines) + "\n"
    if layout == "ascii":
        ncol = max(len(r) for r in rows)
        full = [r + [""] * (ncol - len(r)) for r in rows]
        widths = [max(_width(r[c]) for r in full) + 2 for c in range(ncol)]
        border = "+" + "+".join("-" * w for w in widths) + "+"
        lines = [border]
        for r in full:
            lines.append(
                "|" + "|".join(_pad(" " + c, w) for c, w in zip(r, widths, strict=True)) + "|"
            )
            lines.append(border)
        return "\n".join(lines) + "\n"
    if layout == "cell_lines":
        return "\n\n".join("\n".join(c or "\u3000" for c in r) for r in rows) + "\n"
    if layout == "spaced":
        return (
            "\n".join(
                " " * rng.choice((0, 2)) + (" " * rng.choice((2, 3, 5))).join(c for c in r if c)
                for r in rows
            )
            + "\n"
        )
    if layout == "html":

        def cell(c: str) -> str:
            if not c:
                return "&nbsp;"
            return c + ("&nbsp;" if rng.random() < 0.3 else "")

        return "\n".join("\t".join(cell(c) for c in r) for r in rows) + "\n"
    if layout == "column_major":
        head = rows[: p.table_start]
        table = rows[p.table_start :]
        out = ["   ".join(c for c in r if c) for r in head]
        ncol = max(len(r) for r in table)
        for c in range(ncol):
            out.extend(r[c] for r in table if c < len(r) and r[c])
        return "\n".join(out) + "\n"
    raise ValueError(layout)


DIMENSIONS = (
    "layout",
    "excerpt",
    "hierarchy",
    "merged",
    "l1_points",
    "unit_col",
    "ind_order",
    "fund_order",
    "empty",
    "vocab_target",
    "vocab_actual",
    "vocab_weight",
    "vocab_score",
    "vocab_l1",
    "vocab_init",
    "vocab_budget",
    "vocab_spent",
    # --shapes more
    "base",
    "numbering",
    "levels",
    "rate_form",
    "weight_form",
    "unit_line",
    "cut",
)


def build(n: int, seed: int, out: Path, shapes: str = "old") -> list[tuple[str, dict]]:
    """Write n forms to out/raw + out/truth; returns (id, variation) pairs. ``shapes="new"``
    prints them in the new shapes of bench/other_hands_shapes.py instead of the seven layouts,
    ``shapes="more"`` in the third batch of bench/other_hands_more.py (the default run is
    unchanged, draw for draw)."""
    rng = random.Random(seed)
    (out / "raw").mkdir(parents=True, exist_ok=True)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    made = []
    for k in range(n):
        f = make_form(rng)
        p = print_form(f, rng)
        doc = f"{k:03d}"
        if shapes == "new":
            layout = f.variation["layout"] = NEW_SHAPES[k % len(NEW_SHAPES)]
            second = None
            if layout == "two_forms":
                second = print_form(make_form(rng), rng)
            text = render_shape(prepare(p, p.keys), f, layout, rng, second)
        elif shapes == "more":
            layout = f.variation["layout"] = MORE_SHAPES[k % len(MORE_SHAPES)]
            text = render_more(p, f, layout, rng)
        else:
            layout = f.variation["layout"] = LAYOUTS[k % len(LAYOUTS)]
            text = render(p, layout, rng)
        (out / "raw" / f"{doc}.txt").write_text(text, encoding="utf-8")
        truth = {"id": doc, **p.truth}
        if shapes == "new" and "indicators" in truth:
            truth["indicator_count"] = len(truth["indicators"])  # no rows of another form
        if shapes == "more" and "indicators" in truth and layout != "cut_mid":
            truth["indicator_count"] = len(truth["indicators"])  # no furniture read as rows
        (out / "truth" / f"{doc}.json").write_text(
            simplejson.dumps(truth, ensure_ascii=False, indent=1, use_decimal=True),
            encoding="utf-8",
        )
        made.append((doc, dict(f.variation)))
    return made


def evaluate(
    out: Path, made: list[tuple[str, dict]]
) -> tuple[list[int], dict[tuple[str, str], list[int]], Counter[str], dict[str, str]]:
    """Read and score the written forms: [right, counted] overall and per (dimension, value),
    the missed fields by layout and kind, and one example of each."""
    per: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    miss_kinds: Counter[str] = Counter()
    example: dict[str, str] = {}
    total = [0, 0]
    for doc, variation in made:
        truth = simplejson.loads(
            (out / "truth" / f"{doc}.json").read_text(encoding="utf-8"), use_decimal=True
        )
        try:
            e = read(out / "raw" / f"{doc}.txt")
        except ReadError:
            e = None
        fields = score_document(doc, truth, e)
        if "indicator_count" in truth:
            got = len(e.indicators) if e is not None else None
            fields.append(FieldResult(doc, "indicator_count", truth["indicator_count"], got))
        if "money_unit" in truth:
            got = e.money_unit if e is not None else None
            fields.append(FieldResult(doc, "money_unit", truth["money_unit"], got))
        ok = sum(f.ok for f in fields)
        total[0] += ok
        total[1] += len(fields)
        for dim, val in variation.items():
            per[(dim, val)][0] += ok
            per[(dim, val)][1] += len(fields)
        for f in fields:
            if not f.ok:
                what = (
                    f.field.split("[")[0] + "." + f.field.rsplit(".", 1)[-1]
                    if "[" in f.field
                    else f.field
                )
                kind = f"{variation['layout']}:{what}"
                miss_kinds[kind] += 1
                example.setdefault(kind, f"{doc} {f.field}: 期望 {f.expected!r}，读到 {f.got!r}")
    return total, per, miss_kinds, example


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="他人手笔的自评表：独立生成、读取、评分")
    ap.add_argument("-n", type=int, default=280)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, help="写出 raw/ + truth/ 的目录（默认临时目录）")
    ap.add_argument("--misses", type=int, default=0, help="列出前 K 类错误字段及一个例子")
    ap.add_argument(
        "--shapes",
        choices=("old", "new", "more"),
        default="old",
        help="old：七种版式（默认）；new：新形状（CSV、两张表、页眉页脚、全角空格、等级、两行表头、"
        "带“分”的分数、无外侧竖线、连写、叙述）；more：网页摘录的第三批（markdown、网页页面内容、"
        "空格的各种写法、以元为单位、编号、每行重复的一级二级、执行率与权重的写法、单空格 PDF 文本、"
        "从单元格中间截断、HTML 字符引用）",
    )
    args = ap.parse_args(argv)
    tmp = None
    out = args.out
    if out is None:
        tmp = tempfile.TemporaryDirectory()
        out = Path(tmp.name)
    made = build(args.n, args.seed, out, args.shapes)
    total, per, miss_kinds, example = evaluate(out, made)
    print(f"总计\t{total[0]}/{total[1]}\t{total[0] / total[1]:.3f}")
    for dim in DIMENSIONS:
        print(f"{dim}:")
        for key in sorted(k for k in per if k[0] == dim):
            r, t = per[key]
            print(f"  {key[1] or '(空白)'}\t{r}/{t}\t{r / t:.3f}")
    for kind, count in miss_kinds.most_common(args.misses):
        print(f"  ✗ {count}\t{kind}\t例 {example[kind]}")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
