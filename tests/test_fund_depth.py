"""Fund rows keep the levels the form prints (其中：, indentation), and a table jixiao writes
reads back with the same rows, lines and levels. Invented forms and figures."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

import jixiao
from jixiao.extract.fund_depth import PrintedDepth
from jixiao.extract.vocab import fund_line
from jixiao.model import Evaluation, FundGroup, FundLine, Num
from jixiao.serialize import from_dict
from jixiao.writers import write_path

Q = "\u3000"


def depths(
    labels: list[str], *, columns: bool = False, group: FundGroup | None = None
) -> list[int]:
    reader = PrintedDepth(columns=columns)
    out = []
    for label in labels:
        out.append(reader.depth(label, fund_line(label.strip().replace(Q, "")), group))
        if reader.lifted:
            out[-2] = 0
    return out


def test_parts_after_qizhong_are_one_level_below_the_row_above() -> None:
    labels = ["支出", "其中：人员经费", "公用经费", "项目支出", "其中：培训经费", "宣传经费"]
    assert depths(labels) == [0, 1, 1, 1, 2, 2]


def test_indented_cells_give_the_levels() -> None:
    labels = [
        "支出",
        "其中：人员经费",
        f"{Q * 3}公用经费",
        f"{Q * 3}项目支出",
        f"{Q * 3}其中：培训经费",
        f"{Q * 6}宣传经费",
    ]
    assert depths(labels, columns=True) == [0, 1, 1, 1, 2, 2]


def test_numbered_rows_and_the_vocabulary() -> None:
    labels = ["合计", "（1）基本支出", "其中：人员支出", "公用支出", "（2）项目支出"]
    assert depths(labels, group=FundGroup.STRUCTURE) == [0, 1, 2, 2, 1]


def test_a_named_line_ends_the_parts_of_an_unnamed_row() -> None:
    labels = ["年度资金总额", "财政拨款", "其中：中央补助", "省级配套", "其他资金"]
    assert depths(labels) == [0, 1, 2, 2, 1]


def test_a_row_back_in_the_first_column_is_not_a_part() -> None:
    """In a cell format a label printed without leading spaces starts the next block."""
    labels = ["一期工程投资", "其中：一期土建", "二期工程投资", "其中：二期土建"]
    assert depths(labels, columns=True) == [0, 1, 0, 1]


def test_a_stray_mark_is_no_parent() -> None:
    labels = ["年度资金总额", "一", "其中：本年财政拨款", "上年结转资金"]
    assert depths(labels) == [0, 1, 1, 1]


def test_income_and_spending_are_lines_of_their_own() -> None:
    assert fund_line("收入") == FundLine.INCOME
    assert fund_line("支出合计") == FundLine.EXPENDITURE
    assert fund_line("其中：财政拨款收入") == FundLine.FISCAL


def _department() -> Evaluation:
    def fund(label: str, line: str | None, depth: int, actual: str) -> dict[str, object]:
        return {"label": label, "line": line, "group": None, "depth": depth,
                "actual": Decimal(actual)}  # fmt: skip

    return from_dict(
        {
            "format": "jixiao/1",
            "kind": "department",
            "year": 2023,
            "unit": "某县档案馆",
            "funds": [
                fund("收入", "income", 0, "310.5"),
                fund("财政拨款收入", "fiscal", 1, "310.5"),
                fund("支出", "expenditure", 0, "305.2"),
                fund("人员经费支出", "personnel", 1, "201.7"),
                fund("公用经费支出", "public", 1, "33.5"),
                fund("项目支出", "project", 1, "70"),
                fund("档案数字化经费", None, 2, "52"),
                fund("库房维护经费", None, 2, "18"),
            ],
        }
    )


@pytest.mark.parametrize("suffix", [".xlsx", ".docx", ".txt"])
def test_a_written_department_table_reads_back_with_its_rows_and_levels(
    suffix: str, tmp_path: Path
) -> None:
    e = _department()
    back = jixiao.read(write_path(e, tmp_path / f"form{suffix}"))

    def rows(x: Evaluation) -> list[tuple[str, object, int, Decimal | None]]:
        return [
            (f.label.text, f.line, f.depth, f.actual.value if f.actual else None) for f in x.funds
        ]

    assert rows(back) == rows(e)


def test_a_year_printed_with_a_space_is_titled_by_its_figures(tmp_path: Path) -> None:
    """A PDF's “20 23” is read as 2023; the written title and the draft say 2023年度."""
    from jixiao.writers.draft import report_title

    e = replace(_department(), year=Num(Decimal(2023), "20 23"))
    assert report_title(e).startswith("2023年度")
    back = jixiao.read(write_path(e, tmp_path / "form.xlsx"))
    assert back.year is not None and back.year.value == 2023
