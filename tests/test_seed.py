"""The seed (a real department form + report) field by field.

The text is the repository's example copy; the expected values are those of the seed's truth
file (../shared/seed/000_1ab5d85b77efe6fd.truth.json), compared in full when it is present.
"""

from decimal import Decimal
from pathlib import Path

import pytest
import simplejson

import jixiao
from jixiao.model import FundGroup, FundLine, Kind, Operator
from jixiao.serialize import dumps, loads, to_dict

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "seed-2021-yuelu-fulian.txt"
TRUTH = ROOT.parent / "shared" / "seed" / "000_1ab5d85b77efe6fd.truth.json"


@pytest.fixture(scope="module")
def seed():
    return jixiao.read(SEED)


def test_header(seed):
    assert seed.kind == Kind.DEPARTMENT and seed.layout == "tabbed"
    assert seed.year.value == 2021
    assert seed.unit.text == "长沙市岳麓区妇女联合会"  # named only in the report's title
    assert (seed.staff_authorized.value, seed.staff_actual.value) == (3, 4)
    assert seed.duties.text.startswith("贯彻执行党和政府关于妇女工作的方针")
    assert seed.missing == ()


def test_all_eight_fund_rows_with_groups(seed):
    rows = [
        (f.label.text, f.group, f.line, f.depth, f.budget.text, f.actual.text, f.rate.text)
        for f in seed.funds
    ]
    assert rows == [
        ("合计", FundGroup.SOURCE, FundLine.TOTAL, 0, "198.8", "212.64", "106.87%"),
        ("财政拨款", FundGroup.SOURCE, FundLine.FISCAL, 1, "174.74", "204.67", "117.13%"),
        ("其他资金", FundGroup.SOURCE, FundLine.OTHER, 1, "24.24", "7.97", "32.88%"),
        ("合计", FundGroup.STRUCTURE, FundLine.TOTAL, 0, "174.74", "204.67", "117.13%"),
        ("基本支出", FundGroup.STRUCTURE, FundLine.BASIC, 1, "131.32", "139.37", "106.13%"),
        ("人员支出", FundGroup.STRUCTURE, FundLine.PERSONNEL, 2, "118.47", "127.63", "107.73%"),
        ("公用支出", FundGroup.STRUCTURE, FundLine.PUBLIC, 2, "12.85", "11.74", "91.36%"),
        ("项目支出", FundGroup.STRUCTURE, FundLine.PROJECT, 1, "43.42", "65.3", "150.39%"),
    ]
    first = seed.funds[0]
    assert (
        first.rate.value == Decimal("106.87") and first.weight.value == 10 and first.score is None
    )
    assert all(f.weight is None and f.score is None for f in seed.funds[1:])  # printed “－”
    assert str(first.location).endswith(":24")


def test_goal(seed):
    (goal,) = seed.goals
    assert goal.planned.text.startswith("围绕区委中心工作")
    assert goal.achieved.text.startswith("在区委、区政府和上级妇联的坚强领导下")


def test_fifteen_indicators(seed):
    assert len(seed.indicators) == 15
    first = seed.indicators[0]
    assert (first.level1.text, first.level2.text, first.name.text) == (
        "产出指标",
        "数量指标",
        "落实主题党日活动，完成活动次数情况",
    )
    assert (
        first.target.text == "每月 1次"
        and first.target.period == "每月"
        and first.target.number == 1
    )
    assert first.actual.text == "全年召开12次主题党日学习"
    slogan = seed.indicators[8]
    assert (slogan.level2.text, slogan.target.text, slogan.target.operator) == (
        "经济效益指标",
        "围绕“帮扶”用气力",
        Operator.QUALITATIVE,
    )
    last = seed.indicators[-1]
    assert (last.level1.text, last.level2.text, last.target.text, last.weight.value) == (
        "满意度指标",
        "服务对象满意度指标",
        "满意度100%",
        10,
    )
    assert (
        sum(i.weight.value for i in seed.indicators) == 100
    )  # plus 10 on the fund row: for checks
    assert (seed.total_weight.value, seed.total_score.value) == (100, 100)


def test_five_report_sections(seed):
    assert seed.report is not None
    top = [s.heading.text for s in seed.report.sections if s.level == 1]
    assert len(top) == 5
    assert top[0].startswith("一、") and top[4].startswith("五、")


@pytest.mark.skipif(not TRUTH.exists(), reason="../shared/seed is absent")
def test_every_value_of_the_truth_file(seed):
    truth = simplejson.loads(TRUTH.read_text(encoding="utf-8"), use_decimal=True)
    got = loads(dumps(seed))  # through the JSON contract, as `jixiao parse --json` prints it
    assert got["year"] == truth["year"] and got["unit"] == truth["department"]
    assert got["staff"] == {
        "authorized": truth["staff_authorized"],
        "actual": truth["staff_actual"],
    }
    assert got["total"] == {"weight": truth["total_weight"], "score": truth["total_score"]}
    assert len(got["funds"]) == len(truth["funds"])
    for f, t in zip(got["funds"], truth["funds"], strict=True):
        assert (f["label"], f["group"]) == (t["line"], t["group"])
        assert (f["budget"], f["actual"], f["rate"]) == (
            t["budget"],
            t["actual"],
            t["rate_percent"],
        )
        assert f["weight"] == t.get("weight") and f["score"] == t.get("score")
    assert len(got["indicators"]) == len(truth["indicators"])
    for i, t in zip(got["indicators"], truth["indicators"], strict=True):
        assert t["name"].endswith(i["name"])  # printed “指标1：” numbering is dropped
        assert (i["level1"], i["level2"], i["target"]) == (t["level1"], t["level2"], t["target"])
        assert (i["weight"], i["score"]) == (t["weight"], t["score"])
        if "actual" in t:
            assert i["actual"] == t["actual"]
        assert i["actual"]  # the long 实际完成值 texts are read too


def test_json_numbers_as_printed(seed):
    d = to_dict(seed)
    assert str(d["funds"][0]["budget"]) == "198.8" and str(d["funds"][0]["rate"]) == "106.87"


# -- the same form in every layout ----------------------------------------------------------


def _seed_cells():
    from jixiao.document import Table
    from jixiao.readers.text import parse_text
    from jixiao.textnorm import join_wrapped

    doc = parse_text(SEED.read_text(encoding="utf-8"), "seed")
    rows, paras = [], []
    for b in doc.blocks:
        if isinstance(b, Table):
            rows += [[join_wrapped(c.text) for c in r] for r in b.rows]
        else:
            paras.append(b.text)
    return rows, paras


def _relayout(kind: str) -> str:
    rows, paras = _seed_cells()
    title, report = paras[0], "\n".join(paras[1:])
    cells = [c for r in rows for c in r]
    if kind == "vertical-pipe":  # one cell per line, every cell (blank ones too) ends with |
        body = "\n".join(c + " |" for c in cells)
    elif kind == "pipe-rows":
        body = "\n".join(" | ".join(r) + " | ||" for r in rows)
    elif kind == "vertical":  # one nonblank cell per line, blank lines between
        body = "\n\n".join(c for c in cells if c)
        return f"{title}\n\n{body}\n\n" + "\n\n".join(paras[1:])
    elif kind == "spaced-line":  # the whole table on one line
        body = " ".join(c.replace(" ", "") for c in cells if c)
    else:  # run-together
        body = "".join(cells)
    return f"{title}\n{body}\n{report}"


def _summary(e):
    from jixiao.textnorm import fold

    funds = [(f.label.text, f.group, f.budget, f.actual, f.rate, f.weight) for f in e.funds]
    funds = [
        (label, group, *(n.value if n else None for n in nums)) for label, group, *nums in funds
    ]
    inds = [
        (
            i.level1.text,
            i.level2.text,
            fold(i.name.text),
            fold(i.target.text),
            fold(i.actual.text) if i.actual else None,
            i.weight.value,
            i.score.value,
        )
        for i in e.indicators
    ]
    return e.year.value, e.unit.text, e.staff_actual.value, funds, inds, e.total_score.value


@pytest.mark.parametrize("numbered", [True, False])
@pytest.mark.parametrize("layout", ["vertical-pipe", "pipe-rows", "vertical", "spaced-line"])
def test_same_form_in_every_layout(seed, layout, numbered):
    import re

    text = _relayout(layout)
    if not numbered:  # no “指标1：” to tell where a row starts
        text = re.sub(r"指标\d+：", "", text)
    e = jixiao.read_text(text, f"{layout}.txt")
    assert _summary(e) == _summary(seed)


def test_same_form_run_together_keeps_funds_and_points(seed):
    e = jixiao.read_text(_relayout("run-together"), "run.txt")
    assert e.layout == "other"
    got = [(f.label.text, f.budget.value, f.actual.value, f.rate.value) for f in e.funds]
    assert got == [(f.label.text, f.budget.value, f.actual.value, f.rate.value) for f in seed.funds]
    # text targets and actuals run into the names and cannot be told apart; the points can
    assert [(i.weight.value, i.score.value) for i in e.indicators] == [
        (i.weight.value, i.score.value) for i in seed.indicators
    ]


def test_tabbed_without_blank_lines_between_rows(seed):
    lines = SEED.read_text(encoding="utf-8").split("\n")
    end = next(i for i, ln in enumerate(lines) if ln.startswith("\t总分")) + 4
    squeezed = [ln for ln in lines[:end] if ln != ""] + lines[end:]  # rows no longer separated
    e = jixiao.read_text("\n".join(squeezed), "squeezed.txt")
    assert _summary(e) == _summary(seed)
