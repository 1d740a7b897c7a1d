"""Project self-evaluation reports told in sentences, "by other hands": generated, read back, scored.

Usage::

    .venv/bin/python bench/other_hands_prose.py [-n 240] [--seed 11] [--out DIR] [--misses K]

Why: many 自评报告 a finance bureau receives tell the form's figures in sentences, following
the official outline (一、项目概况 … 二、绩效目标及实现情况 …) with descriptive text between. This
generator shares no code with jixiao's writers or the other generators (bench/forms.py,
bench/damage.py, bench/other_hands_*.py). It invents a project report — unit, project, year,
funds split by source, indicators — and tells the same facts in many phrasings, each drawn
independently:

- ``title``: the year, unit and project in the title; a region instead of the unit in the
  title (the unit named in the opening sentence); a 关于…的报告 title; the unit never named
  (我局, 本单位: the truth says no unit, so a guess counts as a miss);
- ``unit``: amounts in 万元, 元 or 亿元, printed with or without thousands separators, the
  unit kept as printed (the truth keeps the printed number);
- ``budget``: the budget sentence (预算资金X万元 / 年度预算X万元 / 下达资金 / 批复 / 安排 …),
  split by source (其中中央资金Y万元、省级资金Z万元…, or the parts in brackets) or not;
- ``spend``: the spending sentence (截至12月31日，实际支出X万元，预算执行率R% / 累计支付 /
  已执行 …), the rate told in the same or its own sentence, or not told; spending by source;
  a 资金到位率 sentence (到位 is no column of the form: never a figure to read);
- ``indicators``: sentences under 数量指标：…, lists numbered 1. / （1） / ①, one sentence an
  indicator naming its category, ``指标N：名称（类别），指标值：…`` fields, names in quotes,
  fields parted by semicolons, the achieved value before the target, the 一级 heading and
  the first category on one line; 完成率 (not a column), points and scores where told;
- ``score``: the total score (自评得分95分) told or not;
- ``cut``: the text cut off mid-sentence near the end (the truth keeps what was printed whole);
- ``print``: as typed, lines broken at a PDF page's width, ASCII punctuation, a space between a
  figure and its unit, blank lines between paragraphs (web pages), paragraphs indented with
  full-width spaces, page marks between lines (— 2 —, 第2页).

The truth is what a person reading the sentences would write down (the conventions of
../shared/corpus/dev2's truths): the total of a budget told without a fund's name is the row
``年度资金总额``, a named fund is its own name; parts as printed; rates as printed; targets with
their comparison as printed; an indicator's 一级 only where the text names it. Figures of other
kinds (到位资金, 同比增加, 完成率) are not fields. It is scored with ``bench/accuracy.py``'s
``score_document`` and printed overall and per variation.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import simplejson  # noqa: E402

from bench.accuracy import score_document  # noqa: E402
from jixiao import read  # noqa: E402
from jixiao.errors import ReadError  # noqa: E402

# -- invented names -----------------------------------------------------------------------

_PLACES = ("青川", "临泽", "安远", "石门", "宁南", "会泽", "永平", "桐梓", "兴和", "黎平", "宜良")
_LEVELS = ("县", "市", "区")
_UNITS = (
    "水务局",
    "农业农村局",
    "交通运输局",
    "卫生健康局",
    "教育体育局",
    "林业和草原局",
    "文化和旅游局",
    "民政局",
    "人力资源和社会保障局",
    "乡村振兴服务中心",
    "疾病预防控制中心",
    "住房和城乡建设局",
)
_PROJECTS = (
    "农村饮水安全巩固提升项目",
    "高标准农田建设项目",
    "农村公路养护专项资金",
    "基层医疗卫生机构能力提升项目",
    "义务教育薄弱环节改善项目",
    "森林防火专项经费",
    "公共文化服务体系建设资金",
    "困难群众救助补助资金",
    "就业创业补助资金",
    "村级便民服务站建设项目",
    "城镇老旧小区改造项目",
    "重大传染病防控经费",
)
_SOURCES = (
    ("中央资金", "中央财政资金", "中央补助资金", "中央转移支付资金"),
    ("省级资金", "省级财政资金", "省级补助资金", "省级配套资金"),
    ("市级资金", "市级配套资金", "市级财政资金"),
    ("县级资金", "县级配套资金", "本级财政资金"),
)

# (二级, 一级, name, unit, quantitative)
_INDICATORS: tuple[tuple[str, str, str, str, bool], ...] = (
    ("数量指标", "产出指标", "培训人次", "人次", True),
    ("数量指标", "产出指标", "新建村级服务站数量", "个", True),
    ("数量指标", "产出指标", "道路养护里程", "公里", True),
    ("数量指标", "产出指标", "改造供水管网长度", "千米", True),
    ("数量指标", "产出指标", "受助困难群众人数", "人", True),
    ("质量指标", "产出指标", "工程验收合格率", "%", True),
    ("质量指标", "产出指标", "设备完好率", "%", True),
    ("质量指标", "产出指标", "水质达标率", "%", True),
    ("时效指标", "产出指标", "资金拨付及时率", "%", True),
    ("时效指标", "产出指标", "项目完工时间", "月", True),
    ("成本指标", "产出指标", "单位养护成本", "万元/公里", True),
    ("社会效益指标", "效益指标", "受益群众人数", "人", True),
    ("社会效益指标", "效益指标", "群众生活条件", "", False),
    ("经济效益指标", "效益指标", "带动农户增收", "元", True),
    ("生态效益指标", "效益指标", "森林覆盖率", "%", True),
    ("可持续影响指标", "效益指标", "长效管护机制", "", False),
    ("满意度指标", "满意度指标", "受益群众满意度", "%", True),
    ("服务对象满意度指标", "满意度指标", "服务对象满意度", "%", True),
)
_QUALITATIVE = ("明显改善", "逐步健全", "有效提升", "持续改善")

_FILLER = (
    "项目实施严格执行财务管理制度，做到专款专用。",
    "我单位高度重视绩效自评工作，成立了以主要负责同志为组长的自评工作小组。",
    "自评工作按照“谁使用、谁负责”的原则组织开展，对照年初绩效目标逐项核实。",
    "项目的实施有效改善了群众生产生活条件，社会反响良好。",
    "资金使用过程中未发现截留、挤占、挪用等问题。",
    "下一步，我们将进一步加强项目管理，提高资金使用效益。",
    "通过查阅资料、实地查看、座谈了解等方式收集佐证材料。",
    "项目建设期间共召开调度会议6次，解决实际问题11个。",
)


def _q(x: Decimal, places: str = "0.01") -> Decimal:
    return x.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def _plain(x: Decimal) -> str:
    s = format(x, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


def _grouped(x: Decimal) -> str:
    whole, _, frac = _plain(x).partition(".")
    g = f"{int(whole):,}"
    return g + ("." + frac if frac else "")


@dataclass
class Doc:
    """One report: its lines, the truth, the variations drawn."""

    rng: random.Random
    lines: list[str] = field(default_factory=list)
    # each printed piece with the facts it states: (text, [(setter, ...)]); joined per line
    truth: dict[str, Any] = field(default_factory=dict)
    variation: dict[str, str] = field(default_factory=dict)


class Writer:
    """Pieces of text, each carrying the truth it states; cut keeps only whole pieces' facts."""

    def __init__(self) -> None:
        self.pieces: list[tuple[str, list[Any]]] = []  # text, facts (callables on the truth)

    def put(self, text: str, *facts: Any) -> None:
        self.pieces.append((text, list(facts)))

    def newline(self) -> None:
        self.pieces.append(("\n", []))

    def render(self, cut_at: int | None) -> tuple[str, list[Any]]:
        """The text (cut inside piece ``cut_at`` if given) and the facts of whole pieces."""
        out: list[str] = []
        facts: list[Any] = []
        for i, (text, f) in enumerate(self.pieces):
            if cut_at is not None and i == cut_at:
                out.append(text[: max(1, len(text) // 2)] if text != "\n" else "")
                break
            out.append(text)
            facts.extend(f)
        return "".join(out), facts


# -- amounts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Money:
    unit: str  # 万元 / 元 / 亿元
    grouped: bool

    def show(self, x: Decimal) -> str:
        return (_grouped(x) if self.grouped else _plain(x)) + self.unit


def _amounts(rng: random.Random, unit: str, n_parts: int) -> tuple[Decimal, list[Decimal]]:
    """A total and its parts (adding up exactly) in the printed unit."""
    if unit == "元":
        parts = [Decimal(rng.randrange(50_000, 3_000_000)) for _ in range(n_parts)]
        if rng.random() < 0.3:
            parts = [p + Decimal(rng.randrange(0, 100)) / 100 for p in parts]
    elif unit == "亿元":
        parts = [Decimal(rng.randrange(10, 300)) / 100 for _ in range(n_parts)]
    else:
        parts = [Decimal(rng.randrange(500, 90_000)) / 100 for _ in range(n_parts)]
        if rng.random() < 0.4:
            parts = [_q(p, "1") for p in parts]
    return sum(parts, Decimal(0)), parts


def _spent(rng: random.Random, budget: Decimal, unit: str) -> Decimal:
    share = Decimal(rng.choice((100, 100, 99, 97, 95, 92, 88, 85))) / 100
    if share == 1:
        return budget
    less = Decimal(rng.randrange(0, 90)) / (100 if unit != "亿元" else 10_000)
    return max(Decimal("0.01"), min(budget, _q(budget * share - less, "0.01")))


# -- the report ---------------------------------------------------------------------------


def make(rng: random.Random) -> tuple[str, dict[str, Any], dict[str, str]]:
    year = rng.randrange(2019, 2025)
    place = rng.choice(_PLACES) + rng.choice(_LEVELS)
    unit_name = place + rng.choice(_UNITS)
    project = rng.choice(_PROJECTS)
    var: dict[str, str] = {}
    truth: dict[str, Any] = {
        "kind": "project_table",
        "year": year,
        "department": unit_name,
        "project": project,
        "funds": [],
        "indicators": [],
    }
    w = Writer()

    # title and opening
    var["title"] = rng.choice(("unit", "region", "about", "unnamed"))
    if var["title"] == "unnamed":
        # the unit calls itself 我局 / 我中心 only: a reader writes no unit down
        truth["department"] = None
        unit_name = rng.choice(("我局", "我单位", "我中心", "本单位"))
    tail = rng.choice(("绩效自评报告", "项目支出绩效自评报告", "支出绩效自评报告"))
    if project.endswith("项目") and tail.startswith("项目"):
        tail = tail[2:]
    if var["title"] == "unit":
        w.put(f"{unit_name}{year}年度{project}{tail}")
    elif var["title"] in ("region", "unnamed"):
        w.put(f"{place}{year}年{project}{tail}")
    else:
        w.put(f"关于{year}年度{project}绩效自评情况的报告")
    w.newline()
    if rng.random() < 0.5:
        w.put(
            rng.choice(("发布时间：", "来源："))
            + f"{year + 1}-0{rng.randrange(1, 7)}-1{rng.randrange(9)}"
        )
        w.newline()
    w.put(
        rng.choice(
            (
                f"根据预算绩效管理有关要求，{unit_name}对{year}年度{project}开展了绩效自评，现将有关情况报告如下：",
                f"为加强财政资金管理，提高资金使用效益，{unit_name}组织对{year}年度{project}实施情况进行了绩效自评。",
                f"按照财政部门统一部署，{unit_name}认真开展了{year}年{project}绩效自评工作，具体情况如下。",
            )
        )
    )
    w.newline()
    sub = rng.choice(("（{}）", "{}."))
    w.put(rng.choice(("一、项目概况", "一、项目基本情况", "一、基本情况")))
    w.newline()
    w.put(sub.format(_sub(sub, 1)) + "项目基本情况")
    w.newline()
    w.put(rng.choice(_FILLER))
    w.newline()

    # funds
    w.put(sub.format(_sub(sub, 2)) + rng.choice(("资金投入和使用情况", "项目资金情况")))
    w.newline()
    var["unit"] = rng.choice(("万元", "万元", "元", "亿元"))
    money = Money(var["unit"], var["unit"] == "元" and rng.random() < 0.5)
    n_parts = rng.choice((0, 2, 2, 3))
    budget, parts = _amounts(rng, var["unit"], max(1, n_parts))
    sources = [rng.choice(s) for s in rng.sample(_SOURCES[: max(2, n_parts)], max(1, n_parts))]
    sources.sort(key=lambda s: [g for g, grp in enumerate(_SOURCES) if s in grp][0])
    var["parts"] = str(n_parts)
    named = rng.random() < 0.25 and project.endswith(("资金", "经费"))
    total_label = project if named else "年度资金总额"
    total: dict[str, Any] = {"line": total_label}
    truth["funds"].append(total)

    def setter(row: dict[str, Any], key: str, value: Decimal) -> Any:
        return lambda: row.__setitem__(key, value)

    var["budget"] = rng.choice(
        ("预算资金", "年度预算", "下达", "批复", "安排", "共投入", "年初+调整", "预算安排")
    )
    b = money.show(budget)
    if named:
        budget_text = rng.choice(
            (
                f"{year}年共投入{project}预算{b}",
                f"{year}年{project}预算资金{b}",
                f"{year}年下达{project}{b}",
            )
        )
        var["budget"] = "named"
    elif var["budget"] == "预算资金":
        budget_text = f"该项目{year}年度预算资金{b}"
    elif var["budget"] == "年度预算":
        budget_text = rng.choice((f"项目年度预算{b}", f"{year}年度全年预算数为{b}"))
    elif var["budget"] == "下达":
        budget_text = rng.choice((f"{year}年共下达项目资金{b}", f"上级财政累计下达资金{b}"))
    elif var["budget"] == "批复":
        budget_text = f"{year}年财政批复项目预算{b}"
    elif var["budget"] == "安排":
        budget_text = rng.choice((f"{year}年度共安排资金{b}", f"本年度安排项目资金{b}"))
    elif var["budget"] == "预算安排":
        budget_text = rng.choice((f"{year}年预算安排{b}", f"项目全年预算安排资金{b}"))
    elif var["budget"] == "年初+调整":
        initial = budget - (budget / 10 if var["unit"] != "元" else _q(budget / 10, "1"))
        initial = _q(initial, "0.01")
        w.put(
            rng.choice(
                (
                    f"{year}年年初预算{money.show(initial)}，",
                    f"项目年初预算数为{money.show(initial)}，",
                    f"该项目年初预算安排资金{money.show(initial)}，",
                )
            ),
            setter(total, "initial_budget", initial),
        )
        if rng.random() < 0.3:  # the supplement told too: a change, no row of the form
            w.put(f"年中追加预算{money.show(_q(budget - initial, '0.01'))}，")
        budget_text = rng.choice((f"调整后预算{b}", f"全年预算数为{b}", f"年中追加后全年预算{b}"))
    else:
        budget_text = f"{year}年共投入资金{b}"
    w.put(budget_text, setter(total, "budget", budget))
    part_rows: list[dict[str, Any]] = []
    if n_parts:
        bracket = rng.random() < 0.25  # 预算120万元（其中：中央资金80万元，省级资金40万元）
        var["parts_in"] = "brackets" if bracket else "sentence"
        w.put("（其中：" if bracket else rng.choice(("，其中", "。其中：", "，其中：", "。其中，")))
        joiner = rng.choice(("、", "，", "；"))
        for i, (src, amount) in enumerate(zip(sources, parts, strict=True)):
            row: dict[str, Any] = {"line": src}
            part_rows.append(row)
            truth["funds"].append(row)
            w.put(
                (joiner if i else "") + f"{src}{money.show(amount)}", setter(row, "budget", amount)
            )
        if bracket:
            w.put("）")
    w.put("。")
    w.newline()
    if rng.random() < 0.6:
        var["arrival"] = "yes"
        w.put(
            rng.choice(
                (
                    f"截至{year}年12月31日，项目资金已全部到位，资金到位率100%。",
                    f"到位资金{b}，资金到位率为100%。",
                    f"{b}资金全部拨付到位，到位率100%。",
                )
            )
        )
        w.newline()
    else:
        var["arrival"] = "no"

    spent_total = Decimal(0)
    spent_parts = []
    for amount in parts[: max(1, n_parts)]:
        s = _spent(rng, amount, var["unit"])
        spent_parts.append(s)
        spent_total += s
    if not n_parts:
        spent_total = spent_parts[0]
    rate = _q(spent_total / budget * 100)
    var["spend"] = rng.choice(
        (
            "截至",
            "累计支付",
            "已执行",
            "实际支出",
            "支出为",
            "共支出",
            "使用资金",
            "完成支出",
            "全年实际",
            "完成投资",
        )
    )
    sp = money.show(spent_total)
    lead = rng.choice((f"截至{year}年12月31日，", "截至12月31日，", f"截至{year}年底，", ""))
    spend_text = {
        "截至": f"{lead}实际支出{sp}",
        "累计支付": f"{lead}累计支付资金{sp}",
        "已执行": f"{lead}项目资金已执行{sp}",
        "实际支出": f"{lead}项目实际支出{sp}",
        "支出为": f"{lead}全年执行数为{sp}",
        "共支出": f"{lead}全年共支出{sp}",
        "使用资金": f"{lead}实际使用资金{sp}",
        "完成支出": f"{lead}已完成支出{sp}",
        "全年实际": f"{lead}{rng.choice(('全年', '本年', '年度'))}实际支出{sp}",
        "完成投资": f"{lead}项目{rng.choice(('共', '累计', ''))}完成投资{sp}",
    }[var["spend"]]
    var["rate"] = rng.choice(("same", "same", "own", "none", "first"))
    rate_word = rng.choice(("预算执行率", "执行率", "资金执行率", "预算执行进度", "资金支付率"))
    if var["rate"] == "first":
        # 截至12月31日，预算执行率95%，实际支出114万元
        w.put(f"{lead}{rate_word}为{_plain(rate)}%，", setter(total, "rate_percent", rate))
        spend_text = spend_text[len(lead) :]
    w.put(spend_text, setter(total, "actual", spent_total))
    if var["rate"] == "same":
        w.put(
            f"，{rate_word}{rng.choice(('', '为', '达'))}{_plain(rate)}%",
            setter(total, "rate_percent", rate),
        )
    w.put("。")
    if var["rate"] == "own":
        w.put(f"{rate_word}为{_plain(rate)}%。", setter(total, "rate_percent", rate))
    w.newline()
    if n_parts and rng.random() < 0.6:
        part_rates = rng.random() < 0.4  # 中央资金支出75万元，执行率93.75%；…
        var["spent_parts"] = "with_rates" if part_rates else "yes"
        w.put("其中，")
        for i, (src, row, s, b_part) in enumerate(
            zip(sources, part_rows, spent_parts, parts, strict=True)
        ):
            verb = rng.choice(("支出", "执行", "使用"))
            w.put(
                ("；" if part_rates and i else "，" if i else "") + f"{src}{verb}{money.show(s)}",
                setter(row, "actual", s),
            )
            if part_rates:
                r = _q(s / b_part * 100)
                w.put(f"，执行率{_plain(r)}%", setter(row, "rate_percent", r))
        w.put("。")
        w.newline()
    else:
        var["spent_parts"] = "no"
    if rng.random() < 0.4:
        w.put(
            f"与上年相比，项目资金同比增加{money.show(parts[0] / 10 if var['unit'] != '元' else _q(parts[0] / 10))}。"
        )
        w.newline()
    w.put(rng.choice(_FILLER))
    w.newline()

    # indicators
    w.put(
        rng.choice(("二、绩效目标及实现情况", "二、项目绩效目标完成情况", "二、绩效指标完成情况"))
    )
    w.newline()
    w.put(sub.format(_sub(sub, 1)) + rng.choice(("项目绩效目标", "总体目标完成情况")))
    w.newline()
    w.put(rng.choice(_FILLER))
    w.newline()
    w.put(sub.format(_sub(sub, 2)) + rng.choice(("绩效指标完成情况", "各项指标完成情况")))
    w.newline()
    chosen = rng.sample(_INDICATORS, rng.randrange(3, 8))
    chosen.sort(key=lambda t: ("产出指标", "效益指标", "满意度指标").index(t[1]))
    inline_l1 = rng.random() < 0.3
    style = rng.choice(
        ("category", "list", "sentence", "fields", "quoted", "semicolons", "reversed")
    )
    var["l1_inline"] = "yes" if style == "category" and inline_l1 else "no"
    var["indicators"] = style
    scores = rng.random() < 0.4
    var["points"] = "yes" if scores else "no"
    weights = _weights(rng, len(chosen))
    total_score = Decimal(0)
    level1_seen: list[str] = []
    level2_open: str | None = None
    marks = rng.choice(("num", "paren", "circle"))
    head1 = rng.choice(("（{c}）{l}", "{n}.{l}", "{l}完成情况", "{n}.{l}完成情况"))
    for k, (l2, l1, name, unit, quant) in enumerate(chosen):
        ind: dict[str, Any] = {}
        target, actual = _measure(rng, name, unit, quant)
        wt = weights[k]
        sc = wt if rng.random() < 0.7 else _q(wt * Decimal("0.8"), "0.1")
        total_score += sc
        points = ""
        point_facts: list[Any] = []
        if scores:
            points = rng.choice(
                (
                    f"，分值{_plain(wt)}分，得分{_plain(sc)}分",
                    f"（分值{_plain(wt)}分，得{_plain(sc)}分）",
                )
            )
            point_facts = [setter(ind, "weight", wt), setter(ind, "score", sc)]
        rate_note = ""
        if quant and unit != "月" and rng.random() < 0.3:
            tv, av = _number(target), _number(actual)
            if tv and av is not None:
                rate_note = f"，完成率{_plain(_q(av / tv * 100, '0.1'))}%"
        target_word = rng.choice(("目标值", "年度目标值", "计划", "指标值为", "年度目标"))
        actual_word = rng.choice(("实际完成", "实际完成值", "实际达到", "全年实际完成", "实际值为"))
        if style in ("category", "list"):
            if l1 not in level1_seen:
                level1_seen.append(l1)
                n1 = len(level1_seen)
                w.put(head1.format(c=_cn(n1), n=n1, l=l1))
                if style == "category" and inline_l1:
                    w.put("。")  # （一）产出指标。数量指标：… on one line
                else:
                    w.newline()
                level2_open = None
            l1_fact = setter(ind, "level1", l1)
        else:
            l1_fact = None
        if style == "category":
            # 数量指标：name≥t，实际a；… under a 一级 heading
            if level2_open != l2:
                if level2_open is not None:
                    w.put("。")
                    w.newline()
                # the benefit categories are often named without 指标 (社会效益：…)
                bare = l2.endswith("效益指标") or l2 == "可持续影响指标"
                w.put(f"{l2.removesuffix('指标') if bare and rng.random() < 0.5 else l2}：")
                level2_open = l2
            else:
                w.put("；")
            w.put(
                f"{name}{target}",
                setter(ind, "level2", l2),
                setter(ind, "name", name),
                setter(ind, "target", target),
                l1_fact,
            )
            w.put(f"，{actual_word}{actual}", setter(ind, "actual", actual))
            w.put(points + rate_note, *point_facts)
            nxt = chosen[k + 1] if k + 1 < len(chosen) else None
            if nxt is None or nxt[0] != l2 or nxt[1] != l1:
                w.put("。")
                w.newline()
                level2_open = None
        elif style == "list":
            if level2_open != l2:
                w.put(f"（{len(level1_seen)}）{l2}" if rng.random() < 0.5 else f"{l2}")
                w.newline()
                level2_open = l2
            mark = {"num": f"{k + 1}.", "paren": f"（{k + 1}）", "circle": "①②③④⑤⑥⑦⑧"[k]}[marks]
            w.put(f"{mark}{name}：", setter(ind, "name", name), setter(ind, "level2", l2), l1_fact)
            w.put(f"{target_word}{target}", setter(ind, "target", target))
            w.put(f"，{actual_word}{actual}", setter(ind, "actual", actual))
            w.put(points + rate_note + "。", *point_facts)
            w.newline()
        elif style == "quoted":
            # 数量指标“培训人次”年度目标值≥500人次，实际完成520人次。
            w.put(
                f"{l2}“{name}”{target_word}{target}",
                setter(ind, "name", name),
                setter(ind, "level2", l2),
                setter(ind, "target", target),
            )
            w.put(f"，{actual_word}{actual}", setter(ind, "actual", actual))
            w.put(points + rate_note + "。", *point_facts)
            w.newline()
        elif style == "reversed":
            # 数量指标：培训人次实际完成520人次，年度目标值≥500人次。
            w.put(
                f"{l2}：{name}{actual_word}{actual}",
                setter(ind, "name", name),
                setter(ind, "level2", l2),
                setter(ind, "actual", actual),
            )
            w.put(f"，{target_word}{target}", setter(ind, "target", target))
            w.put(points + rate_note + "。", *point_facts)
            w.newline()
        elif style == "sentence":
            lead2 = rng.choice((f"{l2}方面，", f"{l2}：", f"在{l2}上，"))
            w.put(
                f"{lead2}{name}{target_word}{target}",
                setter(ind, "name", name),
                setter(ind, "level2", l2),
                setter(ind, "target", target),
            )
            w.put(f"，{actual_word}{actual}", setter(ind, "actual", actual))
            w.put(points + rate_note + "。", *point_facts)
            w.newline()
        elif style == "semicolons":
            # 培训人次（数量指标）：年度指标值≥500人次；实际完成值520人次；分值10分；得分10分。
            w.put(f"{name}（{l2}）：", setter(ind, "name", name), setter(ind, "level2", l2))
            w.put(
                f"{rng.choice(('年度指标值', '目标值', '指标值'))}{target}",
                setter(ind, "target", target),
            )
            w.put(
                f"；{rng.choice(('实际完成值', '实际值', '完成值'))}{actual}",
                setter(ind, "actual", actual),
            )
            if scores:
                w.put(f"；分值{_plain(wt)}分；得分{_plain(sc)}分", *point_facts)
            w.put("。")
            w.newline()
        else:
            w.put(
                f"指标{k + 1}：{name}（{l2}）", setter(ind, "name", name), setter(ind, "level2", l2)
            )
            w.put(f"，指标值：{target}", setter(ind, "target", target))
            w.put(f"，实际完成值：{actual}", setter(ind, "actual", actual))
            w.put(points + "。", *point_facts)
            w.newline()
        truth["indicators"].append(ind)
    if rng.random() < 0.5:
        var["total"] = "yes"
        ts = total_score if scores else _q(Decimal(rng.randrange(850, 1000)) / 10, "0.1")
        w.put(rng.choice(("三、自评结论", "三、自评结果")))
        w.newline()
        w.put(
            rng.choice(
                (
                    f"经自评，该项目自评得分{_plain(ts)}分",
                    f"综合评定，项目绩效自评得分为{_plain(ts)}分",
                    # the framework named in the same sentence (指标体系 is no indicator)
                    f"按照项目支出绩效评价指标体系，对该项目开展自评，综合评分为{_plain(ts)}分",
                )
            ),
            lambda: truth.__setitem__("total_score", ts),
        )
        w.put(rng.choice(("，评价等级为“优”。", "，自评等级为优。", "。")))
        w.newline()
    else:
        var["total"] = "no"
    w.put(
        rng.choice(("四、存在的问题及改进措施", "四、下一步工作"))
        if var["total"] == "yes"
        else "三、存在的问题及改进措施"
    )
    w.newline()
    w.put(rng.choice(_FILLER))
    w.newline()

    var["cut"] = rng.choice(("whole", "whole", "whole", "cut"))
    cut_at = None
    if var["cut"] == "cut":
        # inside one of the last pieces that state a fact or carry filler, never at piece 0
        candidates = [i for i, (t, _) in enumerate(w.pieces) if t != "\n" and len(t) > 4]
        cut_at = rng.choice(candidates[len(candidates) // 2 :])
    text, facts = w.render(cut_at)
    var["print"] = rng.choice(
        (
            "plain",
            "plain",
            "wrapped",
            "ascii",
            "spaced_units",
            "blank_lines",
            "indent",
            "page_marks",
        )
    )
    if var["print"] == "wrapped":
        text = _wrap(text, rng.randrange(28, 44))
    elif var["print"] == "ascii":
        text = text.replace("，", ",").replace("：", ":").replace("；", ";")
    elif var["print"] == "blank_lines":
        text = text.replace("\n", "\n\n")  # a web page's paragraphs
    elif var["print"] == "indent":
        text = "\n".join(("\u3000\u3000" + ln if len(ln) > 20 else ln) for ln in text.split("\n"))
    elif var["print"] == "page_marks":
        out_lines = text.split("\n")
        step = rng.randrange(9, 16)
        for k in range(len(out_lines) - step, 0, -step):
            out_lines.insert(
                k,
                rng.choice(("— {} —", "-{}-", "第{}页", "第 {} 页 共 4 页")).format(k // step + 1),
            )
        text = "\n".join(out_lines)
    elif var["print"] == "spaced_units":
        text = re.sub(r"(\d)(万元|亿元|元|%)", lambda m: m.group(1) + " " + m.group(2), text)
    for f in facts:
        if f is not None:
            f()
    # rows and indicators with nothing printed whole are not written down
    truth["funds"] = [r for r in truth["funds"] if len(r) > 1]
    truth["indicators"] = [i for i in truth["indicators"] if "name" in i]
    return text + ("\n" if not text.endswith("\n") else ""), truth, var


def _wrap(text: str, width: int) -> str:
    """Lines of a PDF copy: every line longer than ``width`` broken at that width (headings
    and short lines stay whole)."""
    out = []
    for line in text.split("\n"):
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return "\n".join(out)


def _sub(pattern: str, n: int) -> str:
    return _cn(n) if pattern.startswith("（") else str(n)


def _cn(n: int) -> str:
    return "一二三四五六"[n - 1]


def _weights(rng: random.Random, n: int) -> list[Decimal]:
    base = [Decimal(rng.choice((5, 10, 10, 15, 20) if n <= 5 else (5, 10))) for _ in range(n)]
    return base


def _measure(rng: random.Random, name: str, unit: str, quant: bool) -> tuple[str, str]:
    """The target as printed (with its comparison) and what was achieved."""
    if not quant:
        word = rng.choice(_QUALITATIVE)
        return word, word
    if unit == "%":
        t = Decimal(rng.choice((80, 85, 90, 95, 98, 100)))
        a = min(Decimal(100), t + Decimal(rng.randrange(0, 6)))
        if "满意度" in name and rng.random() < 0.5:
            a = _q(t + Decimal(rng.randrange(0, 80)) / 10, "0.1")
            a = min(a, Decimal(100))
    elif unit == "月":
        t = Decimal(rng.choice((10, 11, 12)))
        a = t - rng.choice((0, 0, 1))
        op = rng.choice(("≤", "不晚于"))
        return f"{op}{year_month(t)}", year_month(a)
    elif unit == "万元/公里":
        t = Decimal(rng.randrange(2, 9))
        a = _q(t - Decimal(rng.randrange(0, 9)) / 10, "0.1")
        op = rng.choice(("≤", "不超过"))
        return f"{op}{_plain(t)}{unit}", f"{_plain(a)}{unit}"
    else:
        t = Decimal(rng.randrange(5, 900))
        a = t + Decimal(rng.randrange(0, 20)) if rng.random() < 0.8 else _q(t * Decimal("0.9"), "1")
    op = (
        rng.choice(("≥", "≥", "不低于", "不少于", ""))
        if unit != "%" or t != 100
        else rng.choice(("", "≥", "达到"))
    )
    if unit == "%" and op == "不少于":
        op = "不低于"
    if op == "" and unit != "%" and rng.random() < 0.3:
        return f"{_plain(t)}{unit}以上", f"{_plain(a)}{unit}"
    return f"{op}{_plain(t)}{unit}", f"{_plain(a)}{unit}"


def year_month(m: Decimal) -> str:
    return f"{_plain(m)}月"


def _number(text: str) -> Decimal | None:
    digits = "".join(ch for ch in text if ch.isdigit() or ch == ".")
    try:
        return Decimal(digits) if digits else None
    except Exception:  # noqa: BLE001
        return None


# -- build, read back, score --------------------------------------------------------------


def build(n: int, seed: int, out: Path) -> list[tuple[str, dict[str, str]]]:
    rng = random.Random(seed)
    (out / "raw").mkdir(parents=True, exist_ok=True)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    made = []
    for k in range(n):
        text, truth, var = make(rng)
        doc = f"{k:03d}"
        truth["id"] = doc
        (out / "raw" / f"{doc}.txt").write_text(text, encoding="utf-8")
        (out / "truth" / f"{doc}.json").write_text(
            simplejson.dumps(truth, ensure_ascii=False, indent=1, use_decimal=True),
            encoding="utf-8",
        )
        made.append((doc, var))
    return made


def evaluate(out: Path, made: list[tuple[str, dict[str, str]]]):  # type: ignore[no-untyped-def]
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
                miss_kinds[what] += 1
                example.setdefault(what, f"{doc} {f.field}: 期望 {f.expected!r}，读到 {f.got!r}")
    return total, per, miss_kinds, example


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="他人手笔的叙述式自评报告：独立生成、读取、评分")
    ap.add_argument("-n", type=int, default=240)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--out", type=Path, help="写出 raw/ + truth/ 的目录（默认临时目录）")
    ap.add_argument("--misses", type=int, default=0, help="列出前 K 类错误字段及一个例子")
    args = ap.parse_args(argv)
    tmp = None
    out = args.out
    if out is None:
        tmp = tempfile.TemporaryDirectory()
        out = Path(tmp.name)
    made = build(args.n, args.seed, out)
    total, per, miss_kinds, example = evaluate(out, made)
    print(f"总计\t{total[0]}/{total[1]}\t{total[0] / total[1]:.3f}")
    for dim in sorted({k[0] for k in per}):
        print(f"{dim}:")
        for key in sorted(k for k in per if k[0] == dim):
            r, t = per[key]
            print(f"  {key[1]}\t{r}/{t}\t{r / t:.3f}")
    for kind, count in miss_kinds.most_common(args.misses):
        print(f"  ✗ {count}\t{kind}\t例 {example[kind]}")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
