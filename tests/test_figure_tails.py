"""A table row broken inside by a line break in a web page, its last figures on a line of their
own (``基本支出 | 402.70 | 398.18 |`` / ``10 | 9.5 | |||``). All text is invented."""

from __future__ import annotations

from decimal import Decimal

from jixiao import read_text

FORM = """部门整体支出绩效自评表 | |||||
部门(单位)名称 | 某某县农机推广站 | ||||
资金来源 | 年初预算数 | 全年执行数 | 分值 | 得分 | 说明 |
年度资金总额 | 530.00 | 512.40 | 10 | 9.7 | ||
基本支出 | 330.00 | 327.90 |
5 | 5 | |||
项目支出 | 200.00 | 184.50 | 5 | 4.6 | ||
"""


def _row(e, label: str) -> tuple:
    f = next(f for f in e.funds if f.label.text == label)
    return tuple(
        x.value if x is not None else None for x in (f.initial_budget, f.actual, f.weight, f.score)
    )


def test_the_figures_on_the_next_line_end_the_broken_row():
    e = read_text(FORM, "tails.txt")
    assert _row(e, "基本支出") == (Decimal("330.00"), Decimal("327.90"), Decimal(5), Decimal(5))
    assert _row(e, "项目支出") == (Decimal("200.00"), Decimal("184.50"), Decimal(5), Decimal("4.6"))


def test_figures_before_a_label_without_figures_stay_a_row():
    # the line after the figures is a label alone: they may be that row's, printed first
    text = FORM.replace("项目支出 | 200.00 | 184.50 | 5 | 4.6 | ||", "项目支出 | ||||")
    e = read_text(text, "tails.txt")
    assert _row(e, "基本支出")[2:] == (None, None)
