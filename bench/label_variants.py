"""Self-evaluation forms printed with the labels of the official and regional templates.

Usage::

    .venv/bin/python bench/label_variants.py [-n 8] [--seed 11] [--out DIR] [--misses K] [--sets a,b]

Why: a reader that meets a header, a fund row, a field or a category label it does not know
loses the whole table. The 项目支出/部门整体支出绩效自评表 of 财预〔2020〕10号, the core-indicator
guide of 财预〔2021〕101号 and the provinces' own forms print the same things under other labels
(全年预算数 / 调整后预算数 / 年度预算数, 实际完成值 / 完成值 / 实际完成数, 分值 / 权重 / 指标权重 …).

This generator shares no code with jixiao's writers, bench/forms.py or the other-hands
generators. Each **variant set** below is one template's vocabulary (the labels it prints for
the fields, the fund table's columns and rows, the goal block, the indicator table's columns and
categories, the total row); a form is printed with exactly one set, values invented (consistent
arithmetic: 执行率 = 执行数 ÷ 预算数, 得分 ≤ 分值, 分值 adding up to 100), in one of the text
layouts (tab-joined, pipe, spaced PDF text, one cell per line, cells run together). Field accuracy is printed per
variant set and per layout, scored with bench/accuracy.py's ``score_document``.

Sources of the sets (labels only; the texts themselves are not in the project): the 10号
project form, the 部门整体 form of the central departments' final accounts, 101号's cost
indicators as a 一级, the 四川 form (报表编号 510000), the 湖南 部门整体 form (the seed's
shape), an 安徽 county's copy of the 10号 form; the other sets gather variants seen in regional
forms whose templates were not found in full (marked ``attested=False``): they test the reader
on wordings, not a claim about a province's form.
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

from bench.accuracy import score_document  # noqa: E402
from jixiao import read  # noqa: E402
from jixiao.errors import ReadError  # noqa: E402

LAYOUTS = ("tab", "pipe", "spaced", "cell_lines", "run_together")


@dataclass(frozen=True)
class VariantSet:
    """One template's labels. Fund columns list (role, label) in printed order; roles:
    init, budget, spent, rate, weight, score. Indicator columns likewise: l1, l2, l3, nature,
    target, unit, actual, weight, score, reason."""

    name: str
    source: str
    attested: bool
    kind: str  # "project" | "dept"
    title: str
    # (field, label): project, supervisor, unit, staff_a, staff_b
    fields: tuple[tuple[str, str], ...]
    fund_section: str
    fund_cols: tuple[tuple[str, str], ...]
    fund_rows: tuple[tuple[str, str], ...]  # (share or "total" or "group", label)
    goal: tuple[str, str, str]  # section, planned, achieved
    ind_section: str
    ind_cols: tuple[tuple[str, str], ...]
    frame: dict[str, dict[str, str]]  # 一级 -> 二级 -> kind of indicator
    grand: str
    l1_points: bool = False


_C10 = {
    "产出指标": {"数量指标": "count", "质量指标": "pct", "时效指标": "time", "成本指标": "cost"},
    "效益指标": {"社会效益指标": "word", "经济效益指标": "pct", "可持续影响指标": "word"},
    "满意度指标": {"服务对象满意度指标": "sat"},
}
_F10 = (
    ("total", "年度资金总额"),
    ("0.7", "其中：当年财政拨款"),
    ("0.3", "上年结转资金"),
    ("0", "其他资金"),
)
_H10 = (
    ("init", "年初预算数"),
    ("budget", "全年预算数"),
    ("spent", "全年执行数"),
    ("weight", "分值"),
    ("rate", "执行率"),
    ("score", "得分"),
)
_I10 = (
    ("l1", "一级指标"),
    ("l2", "二级指标"),
    ("l3", "三级指标"),
    ("target", "年度指标值"),
    ("actual", "实际完成值"),
    ("weight", "分值"),
    ("score", "得分"),
    ("reason", "偏差原因分析及改进措施"),
)
_PROJECT_FIELDS = (("project", "项目名称"), ("supervisor", "主管部门"), ("unit", "实施单位"))

SETS: tuple[VariantSet, ...] = (
    VariantSet(
        "cz10-project", "财预〔2020〕10号 附件 项目支出绩效自评表", True, "project",
        "项目支出绩效自评表", _PROJECT_FIELDS, "项目资金（万元）", _H10, _F10,
        ("年度总体目标", "预期目标", "实际完成情况"), "绩效指标", _I10, _C10, "总分",
    ),
    VariantSet(
        "central-dept", "中央部门整体支出绩效自评表（部门决算）", True, "dept",
        "部门整体支出绩效自评表", (("unit", "部门（单位）名称"),), "部门整体资金（万元）",
        _H10,
        (("total", "年度资金总额"), ("group", "按收入性质分"), ("0.8", "一般公共预算财政拨款"),
         ("0.1", "政府性基金预算财政拨款"), ("0.1", "单位资金")),
        ("年度总体目标", "预期目标", "实际完成情况"), "年度绩效指标",
        (("l1", "一级指标"), ("l2", "二级指标"), ("l3", "三级指标"), ("target", "年度指标值"),
         ("actual", "全年实际值"), ("weight", "分值"), ("score", "得分"),
         ("reason", "偏差原因分析及改进措施")),
        _C10, "总分",
    ),
    VariantSet(
        "cz101-cost", "财预〔2021〕101号 核心绩效指标（成本指标为一级）", True, "project",
        "项目支出绩效自评表", _PROJECT_FIELDS, "项目资金（万元）", _H10, _F10,
        ("年度总体目标", "预期目标", "实际完成情况"), "绩效指标",
        (("l1", "一级指标"), ("l2", "二级指标"), ("l3", "三级指标"), ("nature", "指标性质"),
         ("target", "指标值"), ("unit", "度量单位"), ("actual", "实际完成值"), ("weight", "权重"),
         ("score", "得分"), ("reason", "偏差原因分析及改进措施")),
        {
            "产出指标": {"数量指标": "count", "质量指标": "pct", "时效指标": "time"},
            "成本指标": {"经济成本指标": "cost", "社会成本指标": "word", "生态环境成本指标": "word"},
            "效益指标": {"社会效益指标": "word", "生态效益指标": "word"},
            "满意度指标": {"服务对象满意度指标": "sat"},
        },
        "总分",
    ),
    VariantSet(
        "sichuan", "四川 部门预算项目支出绩效自评表（报表编号 510000）", True, "project",
        "部门预算项目支出绩效自评表",
        (("project", "项目名称"), ("supervisor", "主管部门"), ("unit", "实施单位（盖章）")),
        "预算执行情况（10分）",
        (("init", "年初预算"), ("budget", "调整后预算数"), ("spent", "预算执行数"),
         ("rate", "预算执行率"), ("weight", "权重"), ("score", "得分")),
        (("total", "总额"), ("0.8", "其中：财政资金"), ("0.1", "财政专户管理资金"),
         ("0.1", "单位资金"), ("0", "其他资金")),
        ("项目基本情况", "项目年度目标", "年度目标完成情况"), "绩效指标（90分）",
        (("l1", "一级指标"), ("l2", "二级指标"), ("l3", "三级指标"), ("nature", "指标性质"),
         ("target", "指标值"), ("unit", "度量单位"), ("actual", "完成值"), ("weight", "权重"),
         ("score", "得分"), ("reason", "未完成原因分析")),
        _C10, "合计",
    ),
    VariantSet(
        "hunan-dept", "湖南 部门整体支出绩效自评表（样例的表式）", True, "dept",
        "部门整体支出绩效自评表", (("unit", "部门（单位）名称"),), "整体资金（万元）",
        (("budget", "全年预算数"), ("spent", "全年执行数"), ("rate", "执行率"),
         ("weight", "分值"), ("score", "得分")),
        (("group", "资金来源"), ("total", "合计"), ("0.9", "（1）财政拨款"), ("0.1", "（2）其他资金")),
        ("年度总体目标", "年初设定目标", "全年完成情况"), "绩效指标", _I10, _C10, "总分",
    ),
    VariantSet(
        "anhui-county", "安徽 县级的 10号 表（年度资金总额：、本年财政拨款）", True, "project",
        "项目支出绩效自评表", _PROJECT_FIELDS, "项目资金（万元）", _H10,
        (("total", "年度资金总额："), ("0.7", "其中：本年财政拨款"), ("0.3", "上年结转资金"),
         ("0", "其他资金")),
        ("年度总体目标", "预期目标", "实际完成情况"), "绩效指标", _I10, _C10, "总分", True,
    ),
    VariantSet(
        "ab-columns", "（A）（B）（B/A）标注的列（多地 10号 表的填法）", False, "project",
        "项目支出绩效自评表", (("project", "项目名称"), ("supervisor", "项目主管部门"),
                       ("unit", "项目实施单位")),
        "项目资金（万元）",
        (("init", "年初预算数"), ("budget", "全年预算数（A）"), ("spent", "全年执行数（B）"),
         ("weight", "分值"), ("rate", "执行率（B/A）"), ("score", "得分")),
        _F10, ("年度总体目标", "预期目标", "实际完成情况"), "绩效指标",
        (("l1", "一级指标"), ("l2", "二级指标"), ("l3", "三级指标"), ("target", "年度指标值（A）"),
         ("actual", "实际完成值（B）"), ("weight", "分值"), ("score", "得分"),
         ("reason", "偏差原因分析及改进措施")),
        _C10, "总分",
    ),
    VariantSet(
        "weights-a", "地方表：调整后预算、实际支出数、指标权重、自评得分", False, "project",
        "项目支出绩效自评表", (("project", "项目名称"), ("supervisor", "主管单位"),
                       ("unit", "项目承担单位")),
        "预算资金情况（万元）",
        (("init", "年初预算安排"), ("budget", "调整预算数"), ("spent", "实际支出数"),
         ("rate", "支出率"), ("weight", "权重分"), ("score", "自评分")),
        (("total", "资金总额"), ("0.5", "中央补助资金"), ("0.3", "省级资金"), ("0.2", "市县资金")),
        ("年度总体目标", "年度目标", "总体目标完成情况"), "绩效指标完成情况",
        (("l1", "一级指标"), ("l2", "二级指标"), ("l3", "三级指标"), ("target", "绩效目标值"),
         ("actual", "实际完成数"), ("weight", "指标权重"), ("score", "自评得分"),
         ("reason", "偏差原因")),
        _C10, "合计",
    ),
    VariantSet(
        "weights-b", "地方表：预算数/执行数、标准分值、评价得分、受益对象满意度", False, "project",
        "项目支出绩效自评表", (("project", "项目名称"), ("supervisor", "主管部门名称"),
                       ("unit", "实施单位名称")),
        "项目预算执行情况（万元）",
        (("budget", "预算数"), ("spent", "执行数"), ("rate", "执行率"), ("weight", "标准分值"),
         ("score", "评价得分")),
        (("total", "合计"), ("0.6", "上级补助资金"), ("0.3", "本级资金"), ("0.1", "自筹资金")),
        ("年度总体目标", "年初设定目标", "年度总体目标完成情况"), "绩效指标",
        (("l1", "一级指标"), ("l2", "二级指标"), ("l3", "三级指标"), ("target", "目标值"),
         ("actual", "实际达到值"), ("weight", "标准分值"), ("score", "评价得分"),
         ("reason", "未完成原因及改进措施")),
        {
            "产出指标": {"数量指标": "count", "质量指标": "pct", "时效指标": "time"},
            "效益指标": {"社会效益指标": "word", "持续影响指标": "word"},
            "满意度指标": {"受益对象满意度指标": "sat"},
        },
        "总分",
    ),
    VariantSet(
        "weights-c", "地方表：项目单位、批复预算、决算支出、权数、实得分", False, "project",
        "项目绩效自评表", (("project", "项目名称"), ("supervisor", "主管预算单位"),
                     ("unit", "项目单位")),
        "资金执行情况（万元）",
        (("budget", "预算批复数"), ("spent", "决算支出"), ("rate", "执行率（%）"),
         ("weight", "权数"), ("score", "实得分")),
        (("total", "资金总额"), ("0.8", "财政资金"), ("0.2", "其他资金")),
        ("年度总体目标", "预期目标", "目标完成情况"), "绩效指标",
        (("l1", "一级指标"), ("l2", "二级指标"), ("l3", "三级指标"), ("target", "年度目标值"),
         ("actual", "实际完成指标值"), ("weight", "权数"), ("score", "实得分"),
         ("reason", "偏差原因分析")),
        _C10, "合计",
    ),
    VariantSet(
        "weights-d", "地方表：计划完成值、实现值、分值权重、考核得分", False, "project",
        "项目支出绩效自评表", (("project", "项目名称"), ("supervisor", "项目主管单位"),
                       ("unit", "项目执行单位")),
        "项目资金执行情况（万元）",
        (("init", "年初预算数"), ("budget", "全年预算数"), ("spent", "累计支出"),
         ("rate", "资金执行率"), ("weight", "分值权重"), ("score", "考核得分")),
        (("total", "年度资金总额"), ("0.9", "本级财政资金"), ("0.1", "其他资金")),
        ("年度总体目标", "预期目标", "实际完成情况"), "绩效指标",
        (("l1", "一级指标"), ("l2", "二级指标"), ("l3", "三级指标"), ("target", "计划完成值"),
         ("actual", "实现值"), ("weight", "分值权重"), ("score", "考核得分"),
         ("reason", "偏差原因分析及改进措施")),
        {
            "产出指标": {"数量指标": "count", "质量指标": "pct", "时效指标": "time"},
            "效益指标": {"社会效益指标": "word", "生态效益指标": "word"},
            "满意度指标": {"公众满意度指标": "sat"},
        },
        "总分",
    ),
    VariantSet(
        "dept-budget-kinds", "部门整体：一般公共预算、政府性基金、国有资本经营预算", False, "dept",
        "部门整体支出绩效自评表", (("unit", "预算部门"), ("staff_a", "人员编制数"),
                         ("staff_b", "年末实有人数")),
        "部门资金（万元）",
        (("init", "年初预算数"), ("budget", "全年预算数"), ("spent", "全年执行数"),
         ("rate", "执行率"), ("weight", "分值"), ("score", "得分")),
        (("total", "合计"), ("0.7", "一般公共预算"), ("0.2", "政府性基金预算"),
         ("0.1", "国有资本经营预算")),
        ("年度总体目标", "年初设定目标", "全年完成情况"), "绩效指标",
        (("l1", "一级指标"), ("l2", "二级指标"), ("l3", "三级指标"), ("target", "年度指标值"),
         ("actual", "实际完成值"), ("weight", "分值"), ("score", "得分"),
         ("reason", "偏差原因分析及改进措施")),
        _C10, "总分",
    ),
    VariantSet(
        "extra-columns", "地方表：多出的说明列（指标解释、数据来源）与（A）（B）（C）标注", False,
        "project", "项目支出绩效自评表", _PROJECT_FIELDS, "项目资金（万元）", _H10, _F10,
        ("年度总体目标", "预期目标", "实际完成情况"), "绩效指标",
        (("l1", "一级指标"), ("l2", "二级指标"), ("l3", "三级指标"), ("explain", "指标解释"),
         ("target", "年度目标值（A）"), ("actual", "实际完成情况（B）"),
         ("weight", "分值"), ("score", "自评得分（C）"), ("source", "数据来源"),
         ("reason", "偏差原因及改进措施")),
        _C10, "总分",
    ),
    VariantSet(
        "dept-two-blocks", "部门整体：按收入性质分与按支出性质分两块、一般公共预算资金", False, "dept",
        "部门整体支出绩效自评表", (("unit", "部门（单位）名称"), ("staff_a", "编制人数"),
                         ("staff_b", "实有人数")),
        "年度预算执行情况（万元）",
        (("init", "年初预算数"), ("budget", "全年预算数"), ("spent", "全年执行数"),
         ("weight", "分值"), ("rate", "执行率"), ("score", "得分")),
        (("group", "按收入性质分"), ("total", "合计"), ("0.8", "一般公共预算资金"),
         ("0.2", "政府性基金"), ("group", "按支出性质分"), ("total2", "合计"),
         ("0.6", "基本支出"), ("0.4", "项目支出")),
        ("年度总体目标", "年初设定目标", "全年完成情况"), "绩效指标", _I10, _C10, "总分",
    ),
)  # fmt: skip

SET_NAMES = tuple(s.name for s in SETS)

# invented places, bureaus and works
_PLACE_A = "澜栩沐岷洹汀湄漾璟瑜"
_PLACE_B = "江坪塘岗屿洲坝渡湖冈"
_BUREAUS = (
    "农业农村局",
    "水务局",
    "卫生健康委员会",
    "教育局",
    "民政局",
    "生态环境局",
    "应急管理局",
)
_WORKS = (
    ("灌区渠系改造", "公里"),
    ("农村公厕改建", "座"),
    ("老年助餐服务", "人次"),
    ("村卫生室设备配置", "台"),
    ("校园安防升级", "所"),
    ("山洪灾害预警", "处"),
)
_NAMES = {
    "count": ("完成{w}数量", "{w}覆盖村数", "{w}惠及人数"),
    "pct": ("{w}验收合格率", "{w}达标率", "资金使用合规率"),
    "time": ("{w}完工时间", "资金拨付时限"),
    "cost": ("{w}成本控制", "{w}单位造价"),
    "word": ("{w}群众生活改善", "{w}长效运行机制", "{w}环境影响"),
    "sat": ("受益群众满意度", "服务对象满意率"),
}
_WORDS = ("明显改善", "逐步健全", "持续发挥", "有效提升")


def _d(x: float | str | Decimal, places: str = "0.01") -> Decimal:
    return Decimal(str(x)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def _plain(x: Decimal) -> str:
    return format(x.normalize(), "f")


@dataclass
class Ind:
    level1: str
    level2: str
    name: str
    op: str  # ≥ ≤ = or 定性
    figure: str  # the bare target figure (or words)
    got: str
    unit: str
    weight: Decimal
    score: Decimal


@dataclass
class Printed:
    rows: list[list[str]]
    truth: dict = field(default_factory=dict)


def _indicator(rng: random.Random, kind: str, unit: str) -> tuple[str, str, str, str]:
    """(op, target figure, actual figure, unit)."""
    if kind == "count":
        n = rng.choice((8, 20, 36, 150, 1200))
        return "≥", str(n), str(n + rng.choice((0, 2, 5))), unit
    if kind in ("pct", "sat"):
        n = rng.choice((85, 90, 95, 100)) if kind == "pct" else rng.choice((85, 90))
        return "≥", str(n), str(min(100, n + rng.choice((0, 1, 3)))), "%"
    if kind == "time":
        m = rng.choice((9, 10, 12))
        return "≤", str(m), str(m - rng.choice((0, 1))), "月"
    if kind == "cost":
        n = rng.choice((60, 90, 240))
        return "≤", str(n), str(n - rng.choice((0, 3))), "万元"
    w = rng.choice(_WORDS)
    return "定性", w, w, ""


def make_form(vs: VariantSet, rng: random.Random) -> Printed:
    place = rng.choice(_PLACE_A) + rng.choice(_PLACE_B) + rng.choice(("县", "区", "市"))
    bureau = place + rng.choice(_BUREAUS)
    unit_name = (
        bureau
        if vs.kind == "dept" or rng.random() < 0.5
        else (place + rng.choice(_PLACE_A) + rng.choice(("镇人民政府", "街道办事处", "水务站")))
    )
    work, work_unit = rng.choice(_WORKS)
    year = rng.choice(range(2020, 2026))
    project = f"{place}{work}项目"
    truth: dict = {"kind": "dept_table" if vs.kind == "dept" else "project_table", "year": year}
    rows: list[list[str]] = [
        [f"{vs.title}（{year}年度）" if rng.random() < 0.5 else f"{year}年度{vs.title}"]
    ]
    staff = rng.choice((12, 25, 40))
    for fname, label in vs.fields:
        value = {
            "project": project,
            "supervisor": bureau,
            "unit": unit_name,
            "staff_a": str(staff),
            "staff_b": str(staff - rng.choice((0, 1, 2))),
        }[fname]
        rows.append([label, value])
        key = {"project": "project", "unit": "department", "staff_a": "staff_authorized",
               "staff_b": "staff_actual"}.get(fname)  # fmt: skip
        if key:
            truth[key] = int(value) if fname.startswith("staff") else value
    # funds
    budget = _d(rng.uniform(30, 800))
    init = budget if rng.random() < 0.5 else _d(budget * Decimal(rng.choice(("0.9", "1.1"))))
    spent = budget if rng.random() < 0.4 else _d(budget * Decimal(str(rng.uniform(0.75, 1.0))))
    fund_score = min(Decimal(10), _d(Decimal(10) * spent / budget))
    roles = [r for r, _ in vs.fund_cols]
    rows.append([vs.fund_section, ""] + [label for _, label in vs.fund_cols])
    truth["funds"] = []
    left = [init, budget, spent]
    blocks: list[list[tuple[str, str]]] = [[]]
    for s, lab in vs.fund_rows:
        if s == "total2":
            blocks.append([])
        elif s not in ("total", "group"):
            blocks[-1].append((s, lab))
    parts = blocks[0]
    for share, label in vs.fund_rows:
        if share == "group":
            rows.append([label])
            continue
        if share in ("total", "total2"):
            if share == "total2":
                parts = blocks[1]
                left = [init, budget, spent]
            w_t = Decimal(10) if share == "total" else None
            s_t = fund_score if share == "total" else None
            vals = (init, budget, spent, w_t, s_t)
        else:
            last = (share, label) == next(p for p in reversed(parts) if p[0] != "0")
            if share == "0":
                vals3 = (Decimal(0), Decimal(0), Decimal(0))
            elif last:
                vals3 = tuple(left)  # type: ignore[assignment]
            else:
                vals3 = tuple(_d(x * Decimal(share)) for x in (init, budget, spent))  # type: ignore[assignment]
                left = [a - b for a, b in zip(left, vals3, strict=True)]
            vals = (*vals3, None, None)
        i0, b0, s0, w0, c0 = vals
        rate = f"{(s0 / b0 * 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}%" if b0 else ""
        cell = {
            "init": _plain(i0),
            "budget": _plain(b0),
            "spent": _plain(s0),
            "rate": rate or "/",
            "weight": _plain(w0) if w0 is not None else "/",
            "score": _plain(c0) if c0 is not None else "/",
        }
        rows.append(["", label] + [cell[r] for r in roles])
        t: dict = {"line": label}
        if "init" in roles:
            t["initial_budget"] = i0
        t.update(budget=b0, actual=s0)
        t["rate_percent"] = Decimal(rate.rstrip("%")) if rate else None
        if "weight" in roles:
            t["weight"] = w0
        if "score" in roles:
            t["score"] = c0
        truth["funds"].append(t)
    section, planned, achieved = vs.goal
    rows.append([section, planned, achieved])
    rows.append(["", "按计划完成年度任务，资金按规定使用。", "年度任务已完成，资金使用合规。"])
    # indicators
    picks: list[tuple[str, str, str]] = []
    for l1, l2s in vs.frame.items():
        chosen = rng.sample(list(l2s.items()), k=min(len(l2s), rng.choice((1, 2, 2))))
        picks.extend((l1, l2, k) for l2, k in chosen)
    weights = [Decimal(90 // len(picks))] * len(picks)
    weights[0] += 90 - sum(weights)
    inds: list[Ind] = []
    used: set[str] = set()
    for (l1, l2, k), wt in zip(picks, weights, strict=True):
        name = rng.choice(_NAMES[k]).format(w=work)
        if name in used:
            name = f"{work}第{len(used) + 1}项工作"
        used.add(name)
        op, fig, got, unit = _indicator(rng, k, work_unit)
        score = wt if rng.random() < 0.7 else _d(wt * Decimal(rng.choice(("0.6", "0.9"))), "0.1")
        inds.append(Ind(l1, l2, name, op, fig, got, unit, wt, score))
    cols = [r for r, _ in vs.ind_cols]
    split = "nature" in cols  # the operator and the unit have their own columns
    rows.append([vs.ind_section] + [label for _, label in vs.ind_cols])
    l1_weight: Counter[str] = Counter()
    for i in inds:
        l1_weight[i.level1] += int(i.weight)
    truth["indicators"] = []
    prev = ("", "")
    for ind in inds:
        l1 = f"{ind.level1}（{l1_weight[ind.level1]}分）" if vs.l1_points else ind.level1
        if split:
            target = ind.figure
            actual = ind.got
        else:
            pre = {"≥": "≥", "≤": "≤", "=": "=", "定性": ""}[ind.op]
            target = f"{pre}{ind.figure}{ind.unit}"
            actual = f"{ind.got}{ind.unit}"
        cell = {
            "l1": l1 if ind.level1 != prev[0] else "",
            "l2": ind.level2 if (ind.level1, ind.level2) != prev else "",
            "l3": ind.name,
            "nature": ind.op,
            "target": target,
            "unit": ind.unit,
            "actual": actual,
            "weight": _plain(ind.weight),
            "score": _plain(ind.score),
            "reason": "" if ind.score == ind.weight else "部分工作受天气影响延后",
            "explain": f"反映{ind.name[:4]}情况",
            "source": rng.choice(("验收报告", "统计台账", "问卷调查")),
        }
        prev = (ind.level1, ind.level2)
        rows.append([""] + [cell[c] for c in cols])
        t = {"level1": l1, "level2": ind.level2, "name": ind.name, "target": target,
             "actual": actual, "weight": ind.weight, "score": ind.score}  # fmt: skip
        if split:
            t["op"] = ind.op
            t["unit"] = ind.unit or None
        truth["indicators"].append(t)
    total_score = sum((i.score for i in inds), Decimal(0)) + fund_score
    grand = [vs.grand] + [""] * len(cols)
    grand[cols.index("weight") + 1] = "100"
    grand[cols.index("score") + 1] = _plain(total_score)
    rows.append(grand)
    truth["total_weight"] = Decimal(100)
    truth["total_score"] = total_score
    return Printed(rows, truth)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def render(rows: list[list[str]], layout: str, rng: random.Random) -> str:
    if layout == "tab":
        return "\n".join("\t".join(r) for r in rows) + "\n"
    if layout == "pipe":
        out = []
        for n, r in enumerate(rows):
            out.append("| " + " | ".join(r) + " |")
            if n == 0:
                out.append("|" + "---|" * len(r))
        return "\n".join(out) + "\n"
    if layout == "spaced":
        return "\n".join((" " * rng.choice((2, 4))).join(c for c in r if c) for r in rows) + "\n"
    if layout == "cell_lines":
        return "\n\n".join("\n".join(c or "\u3000" for c in r) for r in rows) + "\n"
    if layout == "run_together":  # document-sharing sites: each row's cells glued together
        return "\n".join("".join(r) for r in rows) + "\n"
    raise ValueError(layout)


def build(n: int, seed: int, out: Path, names: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """n forms per variant set and layout under out/raw + out/truth: (doc, set, layout)."""
    rng = random.Random(seed)
    (out / "raw").mkdir(parents=True, exist_ok=True)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    made = []
    k = 0
    for vs in SETS:
        if vs.name not in names:
            continue
        for layout in LAYOUTS:
            for _ in range(n):
                p = make_form(vs, rng)
                doc = f"{k:04d}"
                k += 1
                (out / "raw" / f"{doc}.txt").write_text(render(p.rows, layout, rng), "utf-8")
                (out / "truth" / f"{doc}.json").write_text(
                    simplejson.dumps({"id": doc, **p.truth}, ensure_ascii=False, indent=1,
                                     use_decimal=True),
                    "utf-8",
                )  # fmt: skip
                made.append((doc, vs.name, layout))
    return made


def evaluate(out: Path, made: list[tuple[str, str, str]]):
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses: Counter[str] = Counter()
    example: dict[str, str] = {}
    for doc, name, layout in made:
        truth = simplejson.loads(
            (out / "truth" / f"{doc}.json").read_text("utf-8"), use_decimal=True
        )
        try:
            e = read(out / "raw" / f"{doc}.txt")
        except ReadError:
            e = None
        except Exception:  # noqa: BLE001 - a crash is counted (every field missed), not fatal
            e = None
            per["crashes"][0] += 1
        fields = score_document(doc, truth, e)
        ok = sum(f.ok for f in fields)
        for key in ("all", f"set:{name}", f"layout:{layout}", f"cell:{name}/{layout}"):
            per[key][0] += ok
            per[key][1] += len(fields)
        for f in fields:
            if not f.ok:
                what = (
                    f.field.split("[")[0] + "." + f.field.rsplit(".", 1)[-1]
                    if "[" in f.field
                    else f.field
                )
                kind = f"{name}/{layout}:{what}"
                misses[kind] += 1
                example.setdefault(kind, f"{doc} {f.field}: 期望 {f.expected!r}，读到 {f.got!r}")
    return per, misses, example


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="官方与地方表样的标签写法：生成、读取、评分")
    ap.add_argument("-n", type=int, default=8, help="每个写法组、每种版式的表数")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--misses", type=int, default=0)
    ap.add_argument("--sets", default=",".join(SET_NAMES))
    ap.add_argument("--cells", action="store_true", help="也打印每个写法组 × 版式")
    args = ap.parse_args(argv)
    names = tuple(s for s in args.sets.split(",") if s)
    tmp = None
    out = args.out
    if out is None:
        tmp = tempfile.TemporaryDirectory()
        out = Path(tmp.name)
    made = build(args.n, args.seed, out, names)
    per, misses, example = evaluate(out, made)

    def line(key: str, label: str) -> None:
        r, t = per[key]
        print(f"{label}\t{r}/{t}\t{r / t:.3f}")

    line("all", "总计")
    print(f"崩溃 crashes\t{per['crashes'][0]}")
    print("写法组 variant sets:")
    for vs in SETS:
        if vs.name in names:
            line(f"set:{vs.name}", f"  {vs.name}{'' if vs.attested else '*'}")
    print("版式 layouts:")
    for layout in LAYOUTS:
        line(f"layout:{layout}", f"  {layout}")
    if args.cells:
        for vs in SETS:
            for layout in LAYOUTS:
                if f"cell:{vs.name}/{layout}" in per:
                    line(f"cell:{vs.name}/{layout}", f"  {vs.name}/{layout}")
    for kind, count in misses.most_common(args.misses):
        print(f"  ✗ {count}\t{kind}\t例 {example[kind]}")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
