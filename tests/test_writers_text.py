"""The tabbed text writer: one line per cell, rows apart, vertical merges kept as empty cells."""

from __future__ import annotations

from writers_samples import department, with_report

from jixiao.writers.text import evaluation_text


def test_rows_are_tab_lines_separated_by_blank_lines() -> None:
    text = evaluation_text(department())
    assert text.startswith("2021年度部门整体支出绩效自评表\n\n")
    assert "\t人员编制\n\t3\n\t实有人数\n\t4\n\n" in text


def test_vertical_merges_leave_empty_cells_and_labels_join() -> None:
    text = evaluation_text(department())
    # the second 资金来源 row: 整体资金 and 资金来源 are merged from above → two empty cells
    assert "\n\t\n\t\n\t（1）财政拨款\n\t174.74\n\t204.67\n\t117.13%\n\t－\n\t－\n" in text
    assert "\t整体资金（万元）\n" in text  # a label broken over lines in the cell reads as one
    assert "\t绩效指标\n\t一级指标\n" in text
    assert "\t总分\n\t100\n\t95\n" in text


def test_report_follows_the_table() -> None:
    text = evaluation_text(with_report(department()))
    table_end = text.index("\t总分")
    title = text.index("2021年度长沙市岳麓区妇女联合会部门整体支出绩效自评报告")
    assert title > table_end
    assert "\n（一）部门（单位）基本情况\n\n岳麓区妇女联合会为财政全额拨款的行政单位。\n" in text
