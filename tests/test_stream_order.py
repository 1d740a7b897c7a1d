"""Indicator rows of a stream of cells printed values first (jixiao/extract/stream_order.py):
invented forms, one row a line with spaces between cells and one cell a line."""

import pytest

from jixiao import read_text
from jixiao.document import Cell, Location
from jixiao.extract.stream_order import indicator_rows_in_order

HEADER = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施"
# (labels, figures, reason): the rows of the invented table, in the form's order
ROWS = [
    ("产出指标 数量指标 维修路段长度", "≥12公里 13公里 30 30", ""),
    ("质量指标 工程验收合格率", "≥98% 99% 30 30", ""),
    ("时效指标 按期开工率", "100% 80% 20 16", "因雨季推迟开工，下年度提前安排。"),
    ("满意度指标 服务对象满意度指标 服务对象满意度", "≥90% 95% 20 20", ""),
]
EXPECTED = {
    "维修路段长度": ("30", "30"),
    "工程验收合格率": ("30", "30"),
    "按期开工率": ("20", "16"),
    "服务对象满意度": ("20", "20"),
}


def _form(cells: list[str], vertical: bool) -> str:
    sep = "\n\n" if vertical else " "
    body = sep.join(c for part in cells for c in part.split() if c)
    return f"2023年度某镇道路维修项目支出绩效自评表\n\n绩效指标{sep}{HEADER.replace(' ', sep)}{sep}{body}{sep}总分{sep}100{sep}96\n"


def _scrambled() -> list[str]:
    """The first row values first, the second and third as labels, labels, values, values."""
    (l1, v1, r1), (l2, v2, r2), (l3, v3, r3), (l4, v4, r4) = ROWS
    return [v1, r1, l1, l2, l3, v2, r2, v3, r3, l4, v4, r4]


@pytest.mark.parametrize("vertical", [False, True])
def test_rows_printed_values_first_are_put_back_in_order(vertical):
    e = read_text(_form(_scrambled(), vertical), "维修.txt")
    got = {i.name.text: (str(i.weight.value), str(i.score.value)) for i in e.indicators}
    assert got == EXPECTED
    by_name = {i.name.text: i for i in e.indicators}
    assert by_name["维修路段长度"].level2.text == "数量指标"
    assert by_name["按期开工率"].actual.text == "80%"
    assert "雨季" in by_name["按期开工率"].deviation.text


def _cells(texts: list[str]) -> list[Cell]:
    return [Cell(t, Location("x.txt", line=k)) for k, t in enumerate(texts)]


def test_a_row_with_a_figure_gone_leaves_the_order_as_printed():
    """One 分值/得分 figure fewer: the rows of figures cannot be told apart, nothing is moved.
    (A target or actual gone still leaves the row its 分值 and 得分, which end its values: that
    row is read as a unit by extract/row_units.py.)"""
    texts = [*HEADER.split(), *" ".join(_scrambled()).split(), "总分"]
    cells = _cells(texts)
    assert indicator_rows_in_order(cells) is not cells
    gone = list(texts)
    gone.remove("13公里")  # the first row's 实际完成值 gone
    got = [c.text for c in indicator_rows_in_order(_cells(gone))]
    k = got.index("维修路段长度")
    assert got[k + 1 : k + 4] == ["≥12公里", "30", "30"]
    texts.remove("30")  # the first row's 分值 gone
    cells = _cells(texts)
    assert indicator_rows_in_order(cells) is cells


def test_rows_already_in_order_are_left_as_they_are():
    texts = [*HEADER.split(), *" ".join(c for row in ROWS for c in row if c).split()]
    cells = _cells(texts)
    assert indicator_rows_in_order(cells) is cells


@pytest.mark.parametrize("vertical", [False, True])
def test_last_row_values_first_whose_name_is_a_category_word(vertical):
    """服务对象满意度 names a 二级指标 too: printed last, after its figures, it is still the name."""
    (l1, v1, r1), (l2, v2, r2), (l3, v3, r3), (l4, v4, r4) = ROWS
    cells = [l1, v1, l2, v2, l3, v3, r3, v4, l4]
    e = read_text(_form(cells, vertical), "维修.txt")
    got = {i.name.text: (str(i.weight.value), str(i.score.value)) for i in e.indicators}
    assert got == EXPECTED
