"""A 部门整体 fund block whose header starts with the block's own label before the row-label
column (部门(单位)总体资金(万元) | 资金来源 | …), its rows starting with their label: the rows'
figures are placed by their shapes, not one column to the right. All text is invented."""

from __future__ import annotations

from decimal import Decimal

from jixiao import read_text
from jixiao.extract import _read_tables
from jixiao.readers.text import parse_text

# runs of empty cells printed as runs of bars (a web page's merged cells copied as text), a
# row broken inside by a line break in the page
FORM = """部门整体支出绩效自评表 | |||||||||
部门(单位)名称 | 某某县河道管护站 | ||||||||
部门(单位)总体 资金(万元) | 资 金 来 源 | 年初预算数(A) | 全年执行数(B) | 分值(10分) | 得分 | 得分计算方法 | |||
年度资金总额: | 640.20 | 655.48 | 10 | 10 | 执行率乘以分值,不超过分值。 | ||||
基本支出 | 402.70 | 398.18 |
- | - | |||||
项目支出 | 237.50 | 217.30 | - | - | |||||
"""


def _funds(text: str) -> dict[str, tuple]:
    e = read_text(text, "dept.txt")
    return {
        f.label.text: tuple(
            x.value if x is not None else None
            for x in (f.initial_budget, f.actual, f.weight, f.score)
        )
        for f in e.funds
    }


def test_rows_under_a_block_label_header_are_not_shifted():
    got = _funds(FORM)
    assert got["年度资金总额"] == (Decimal("640.20"), Decimal("655.48"), Decimal(10), Decimal(10))
    assert got["基本支出"][:2] == (Decimal("402.70"), Decimal("398.18"))
    assert got["项目支出"][:2] == (Decimal("237.50"), Decimal("217.30"))


def test_the_grid_reading_itself_places_them_by_shape():
    # the rows as the grid gives them (no second reading in cell order to fall back on)
    parts = _read_tables(parse_text(FORM, "dept.txt"), flatten=False).parts
    total = next(f for f in parts.funds if f.label.text == "年度资金总额")
    assert (total.initial_budget.value, total.actual.value) == (
        Decimal("640.20"),
        Decimal("655.48"),
    )


def test_a_header_without_the_block_label_reads_as_before():
    plain = FORM.replace("部门(单位)总体资金(万元) | 资金来源 |", "资金来源 |")
    got = _funds(plain)
    assert got["年度资金总额"] == (Decimal("640.20"), Decimal("655.48"), Decimal(10), Decimal(10))
    assert got["项目支出"][:2] == (Decimal("237.50"), Decimal("217.30"))
