"""One operator vocabulary (jixiao.measure's table), recognised in every format: parse_measure,
the composed patterns, a table whose cells run together, a web table without its merged cells,
one cell a line, sentences, and the check of an actual copied from its target. Invented forms."""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

import jixiao
from jixiao.checks import run_checks
from jixiao.extract.values import looks_like_value
from jixiao.measure import (
    OPERATOR_AFTER,
    OPERATOR_BEFORE,
    after_pattern,
    before_pattern,
    parse_measure,
    parse_operator,
)
from jixiao.model import Operator
from jixiao.readers.text.shape_align import shape

GE, LE, GT, LT, EQ = Operator.GE, Operator.LE, Operator.GT, Operator.LT, Operator.EQ


# -- the table and its patterns ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "op", "number", "unit"),
    [
        ("37%及以上", GE, Decimal(37), "%"),
        ("14个之内", LE, Decimal(14), "个"),
        ("8项及以下", LE, Decimal(8), "项"),
        ("不晚于11月", LE, Decimal(11), "月"),
        ("不早于3月", GE, Decimal(3), "月"),
        ("不得小于62%", GE, Decimal(62), "%"),
        ("不得多于5次", LE, Decimal(5), "次"),
        ("不得大于2.5万元", LE, Decimal("2.5"), "万元"),
    ],
)
def test_every_word_of_the_table_is_read_by_parse_measure(
    printed: str, op: Operator, number: Decimal, unit: str
) -> None:
    m = parse_measure(printed)
    assert m is not None
    assert (m.operator, m.number, m.unit) == (op, number, unit)


def test_each_word_of_the_table_reads_as_its_operator() -> None:
    for word, op in (*OPERATOR_BEFORE, *OPERATOR_AFTER):
        m = parse_measure(f"{word}73个" if (word, op) in OPERATOR_BEFORE else f"73个{word}")
        assert m is not None and m.operator == op, word
        assert parse_operator(word) == op, word


def test_before_pattern_holds_every_word_longest_first() -> None:
    full = re.compile(f"^{before_pattern()}")
    for word, _ in OPERATOR_BEFORE:
        m = full.match(word + "41")
        assert m is not None and m.group(0) == word, word  # 大于或等于, not 大于


def test_strict_pattern_leaves_out_the_words_a_name_may_hold() -> None:
    strict = re.compile(f"^{before_pattern(strict=True)}$")
    assert strict.match("不得低于") and strict.match("大于或等于") and strict.match("不晚于")
    for word in ("达到", "高于", "超过", "至少", "控制在", "等于"):
        assert not strict.match(word), word


def test_printed_pattern_reads_variants_and_traditional_spellings() -> None:
    printed = re.compile(f"^{before_pattern(printed=True)}$")
    for text in ("≧", "⩽", "＞＝", "=>", "﹦", "═", "不低於", "超過", "達到", "大於或等於"):
        assert printed.match(text), text


def test_ops_and_exclude_narrow_the_pattern() -> None:
    lower = re.compile(f"^{before_pattern(ops=(GE, GT))}$")
    assert lower.match("至少") and lower.match(">") and lower.match("高于")
    assert not lower.match("不超过") and not lower.match("≤") and not lower.match("=")
    no_eq = re.compile(f"^{before_pattern(printed=True, exclude=('=',))}$")
    assert not no_eq.match("=") and not no_eq.match("﹦") and no_eq.match("≧")
    assert re.fullmatch(after_pattern(ops=(LE,)), "及以下")
    assert not re.fullmatch(after_pattern(ops=(LE,)), "以上")


def test_a_cell_led_by_any_word_of_the_table_looks_like_a_value() -> None:
    for word, _ in OPERATOR_BEFORE:
        assert looks_like_value(f"{word}58%"), word


def test_a_bound_after_the_figure_is_no_part_of_its_unit() -> None:
    assert shape("95%及以上") == "=%"
    assert shape("大于或等于26万人次") == "=万人次"


# -- formats ------------------------------------------------------------------------------------


def _read(text: str) -> list[tuple[str, str | None, Decimal | None]]:
    e = jixiao.read_text(text, "运算符.txt")
    return [
        (
            i.name.text,
            i.operator.value if i.operator else None,
            i.target.number if i.target else None,
        )
        for i in e.indicators
    ]


RUN_TOGETHER = """\
2023年度项目支出绩效自评表
项目名称乡村学校课后托管补助
一级指标二级指标三级指标年度指标值实际完成值分值得分
产出指标数量指标开设托管班级数量不小于24个26个3030
质量指标托管教师持证率大于等于96%98%2020
成本指标单班运营成本控制在6万元以内5.8万元2020
效益指标社会效益指标惠及学生人数超过410人455人1010
满意度指标服务对象满意度指标家长满意度至少90%94%1010
"""


def test_run_together_rows_cut_the_name_before_any_comparison_word() -> None:
    assert _read(RUN_TOGETHER) == [
        ("开设托管班级数量", "≥", Decimal(24)),
        ("托管教师持证率", "≥", Decimal(96)),
        ("单班运营成本", "≤", Decimal(6)),
        ("惠及学生人数", ">", Decimal(410)),
        ("家长满意度", "≥", Decimal(90)),
    ]


# a web table copied with its row spans: a merged 一级/二级 cell is printed once
ROWSPAN = """\
| 项目名称 | 乡村学校课后托管补助 | | | | | |
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出指标 | 数量指标 | 开设托管班级数量 | 不得少于24个 | 26个 | 30 | 30 |
| 质量指标 | 托管教师持证率 | 96%及以上 | 98% | 20 | 20 |
| 成本指标 | 单班运营成本 | 小于或等于6万元 | 5.8万元 | 20 | 20 |
| 效益指标 | 社会效益指标 | 惠及学生人数 | 410人以上 | 455人 | 10 | 10 |
| 满意度指标 | 服务对象满意度指标 | 家长满意度 | 大于或等于90% | 94% | 10 | 10 |
"""


def test_rows_without_their_merged_cells_read_every_comparison() -> None:
    assert _read(ROWSPAN) == [
        ("开设托管班级数量", "≥", Decimal(24)),
        ("托管教师持证率", "≥", Decimal(96)),
        ("单班运营成本", "≤", Decimal(6)),
        ("惠及学生人数", "≥", Decimal(410)),
        ("家长满意度", "≥", Decimal(90)),
    ]


PROSE = """\
关于2023年度乡村学校课后托管补助项目的绩效自评报告
一、项目概况
本项目年度预算资金120万元，全年实际支出116万元，预算执行率96.67%。
二、绩效目标实现情况
数量指标：开设托管班级数量多于20个，实际开设26个；惠及学生人数大于等于400人，实际完成455人。
质量指标：托管教师持证率（质量指标）：指标值达到95%；实际值98%。
"""


def test_sentences_read_every_comparison_word() -> None:
    got = {name: (op, n) for name, op, n in _read(PROSE)}
    assert got["开设托管班级数量"] == (">", Decimal(20))
    assert got["惠及学生人数"] == ("≥", Decimal(400))
    assert got["托管教师持证率"] == ("≥", Decimal(95))


def test_an_actual_copied_with_any_comparison_word_is_found() -> None:
    text = RUN_TOGETHER.replace("26个3030", "不得少于24个3030")
    codes = [f.code for f in run_checks(jixiao.read_text(text, "x.txt"))]
    assert "JX-I003" in codes


# -- the matrix (bench/operator_matrix.py): every variant in every text layout and office ---------


def test_every_variant_is_read_in_every_layout() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import operator_matrix as om
    from grid_text import RENDER

    score: defaultdict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    misses: defaultdict[str, list[str]] = defaultdict(list)
    om.run_text(om.evaluations(2, 5), 5, list(RENDER), score, misses)
    layouts = {f: rc for (v, f), rc in score.items() if v == "*"}
    right = sum(r for r, _ in layouts.values())
    counted = sum(c for _, c in layouts.values())
    assert len(layouts) == len(RENDER) and counted > 200
    # (main before the table: 0.971, the run-together layout 0.90)
    assert right / counted >= 0.99, dict(misses)
    assert all(r / c >= 0.95 for r, c in layouts.values()), layouts


def test_a_bound_closing_the_last_value_of_a_run_is_no_name() -> None:
    from jixiao.extract.runtogether import split_indicator_rows
    from jixiao.extract.vocab import Role

    roles = (Role.TARGET, Role.ACTUAL, Role.TARGET)  # 指标值, 1-7月执行情况, 全年预计
    rows = split_indicator_rows("病虫害防治覆盖率87%以上61%87%以上", roles)
    assert rows == (("病虫害防治覆盖率", "87%以上", "61%", "87%以上"),)


def test_rows_printed_labels_labels_values_values_with_bounds_after_the_figures() -> None:
    from jixiao.document import Cell
    from jixiao.extract.values_first import values_first_rows
    from jixiao.model import Location

    lines = [
        "产出指标数量指标测绘成果归档册数",
        "外业巡查里程",
        "13981册以上15118册55",
        ">=436公里452公里2525",
        "成本指标单公里巡查成本",
        "1.8万元以内1.62万元1010",
    ]
    cells = [Cell(t, Location(source="x.txt", line=k + 1)) for k, t in enumerate(lines)]
    assert [c.text for c in values_first_rows(cells)][:4] == [
        lines[0],
        lines[2],
        lines[1],
        lines[3],
    ]


GLUED = """\
| 项目名称 | 乡村学校课后托管补助 | | | | | |
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出指标 | 数量指标 | 开设托管班级数量 | 24个以上 | 26个 | 30 | 30 |
| | | 惠及学生人数 | 410人及以上455人2020 | | | |
| | 成本指标 | 单班运营成本 | 6万元以内5.8万元2020 | | | |
| 满意度指标 | 服务对象满意度指标 | 家长满意度 | ≥90% | 94% | 30 | 30 |
"""


def test_a_cell_glued_after_a_bound_is_cut_into_its_values() -> None:
    e = jixiao.read_text(GLUED, "x.txt")
    got = [(i.operator, i.target.number, i.actual.number, i.score.value) for i in e.indicators[1:3]]
    assert got == [
        (GE, Decimal(410), Decimal(455), Decimal(20)),
        (LE, Decimal(6), Decimal("5.8"), Decimal(20)),
    ]
