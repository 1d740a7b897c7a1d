"""The .xlsx/.xls readers: merged cells, sheets, numbers as printed, formulas, locations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from office_helpers import DATA, only_table, spans, texts

from jixiao.readers.office import read_office
from jixiao.readers.office.formulas import FormulaError, Unsupported, evaluate
from jixiao.readers.office.numfmt import format_value


def test_merged_cells_across_and_down() -> None:
    # A1:D1 “整体资金（万元）” across, A2:A4 “资金来源” down.
    table = only_table(read_office(DATA / "xlsx-merged-cells.xlsx"))
    assert texts(table) == [
        ["整体资金（万元）", "*", "*", "*"],
        ["资金来源", "合计", "198.8", "212.64"],
        ["*", "财政拨款", "174.74", "204.67"],
        ["*", "其他资金", "24.24", "7.97"],
    ]
    assert spans(table) == {(0, 0): (1, 4), (1, 0): (3, 1)}
    assert table.name == "自评表"
    assert table.rows[3][3].location.cell == "自评表!D4"


def test_xls_made_by_libreoffice_reads_like_the_xlsx() -> None:
    # xls-basic.xls is xlsx-merged-cells.xlsx saved as .xls by LibreOffice.
    doc = read_office(DATA / "xls-basic.xls")
    table = only_table(doc)
    assert doc.layout == "xls"
    assert texts(table) == texts(only_table(read_office(DATA / "xlsx-merged-cells.xlsx")))
    assert spans(table) == {(0, 0): (1, 4), (1, 0): (3, 1)}
    assert table.rows[1][2].location.cell == "自评表!C2"


def test_several_sheets_each_a_table_hidden_skipped() -> None:
    # sheets 部门整体 (A1:B1), 项目表 (B2:C2), 下拉选项 (hidden)
    doc = read_office(DATA / "xlsx-several-sheets.xlsx")
    assert [t.name for t in doc.tables] == ["部门整体", "项目表"]
    assert texts(doc.tables[1]) == [["项目名称", "妇女儿童工作经费"]]
    assert doc.tables[1].rows[0][0].location.cell == "项目表!B2"  # leading empty rows/cols trimmed
    assert doc.notes == ("已跳过隐藏的工作表“下拉选项”",)


def test_numbers_stored_as_text_stay_as_typed() -> None:
    table = only_table(read_office(DATA / "xlsx-numbers-as-text.xlsx"))
    assert texts(table)[1:] == [
        ["合计", "198.80", "212.64", "106.87%"],
        ["财政拨款", "174.74 ", "２０４.６７", "117.13%"],
    ]


def test_number_formats_as_printed() -> None:
    table = only_table(read_office(DATA / "xlsx-number-formats.xlsx"))
    assert {row[0].text: row[1].text for row in table.rows} == {
        "percent 0.00%": "106.87%",  # 1.0687
        "percent 0%": "50%",
        "money 0.00": "204.67",
        "thousands": "1,234,567.89",
        "float noise": "0.3",  # 0.1 + 0.2
        "chinese general": "198.8",  # G/通用格式
        "integer": "10",
        "yuan suffix": "36.30万元",
        "negative red": "-5.50",
        "zero dash": "-",
        "date": "2022年3月1日",
        "rounding": "2.68",  # 2.675 rounds half up as Excel shows it, not 2.67 of binary floats
    }


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [
        (1.0687, "0.00%", "106.87%"),
        (1.1713, "0.00%", "117.13%"),
        (212.64, "#,##0.00", "212.64"),
        (0.30000000000000004, "General", "0.3"),
        (-5.5, "0.00_);(0.00)", "(5.50)"),
        (5.5, "0.00_);(0.00)", "5.50"),
        (12.5, "[$¥-804]#,##0.00", "¥12.50"),
        (100, '0"万元"', "100万元"),
        (3.0, "@", "3"),
        ("12.30", "0.00", "12.30"),
        (True, "General", "TRUE"),
        # 会计专用 (accounting), as Chinese Excel/WPS write it: padding and fill are not text
        (1234.5, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "1,234.50"),
        (-1234.5, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "-1,234.50"),
        (0, '_ * #,##0.00_ ;_ * -#,##0.00_ ;_ * "-"??_ ;_ @_ ', "-"),
        (204.67, "0.00_ ", "204.67"),
        # half away from zero as Excel shows it, not banker's rounding (2.66, 0, 12.34%)
        (2.665, "0.00", "2.67"),
        (0.5, "0", "1"),
        (0.12345, "0.00%", "12.35%"),
        (1234567890123.445, "General", "1234567890123.45"),  # 15 significant digits
        (dt.datetime(2021, 12, 31), "yyyy-mm-dd", "2021-12-31"),
        (dt.datetime(2021, 12, 31, 13, 5), "yyyy/m/d h:mm", "2021/12/31 13:05"),
    ],
)
def test_format_value(value: object, fmt: str, text: str) -> None:
    assert format_value(value, fmt) == text


def test_formulas_without_cached_values_are_computed() -> None:
    # xlsx-formulas.xlsx (written by openpyxl, never opened in Excel):
    #   D2 =C2/B2, D3 =C3/B3 (0.00%), B4 =SUM(B2:B3), C4 =B2+B3-B3+C2+C3-B2, D4 =IFERROR(C4/B4,0),
    #   B5 =VLOOKUP(…) (not computed), C5 =Sheet2!A1*2, D5 =C4/0
    doc = read_office(DATA / "xlsx-formulas.xlsx")
    sheet1 = doc.tables[0]
    assert texts(sheet1)[1:] == [
        ["财政拨款", "174.74", "204.67", "117.13%"],
        ["其他资金", "24.24", "7.97", "32.88%"],
        ["合计", "198.98", "212.64", "106.87%"],
        ["查表", "", "3.00", "#DIV/0!"],
    ]
    assert doc.notes[0].startswith("文件中的公式没有保存计算结果")
    assert "Sheet1!B5（=VLOOKUP(A2,A2:B3,2,FALSE)）" in doc.notes[1]


def test_formulas_with_cached_values_are_read_as_values() -> None:
    # the same workbook saved by LibreOffice: cached values, nothing recomputed
    doc = read_office(DATA / "xlsx-formulas-cached.xlsx")
    assert texts(doc.tables[0])[3] == ["合计", "198.98", "212.64", "106.87%"]
    assert texts(doc.tables[0])[4][1] == "174.74"  # VLOOKUP as LibreOffice computed it
    assert doc.notes == ()


@pytest.mark.parametrize(
    ("formula", "value"),
    [
        ("=A1+B1", "411.44"),
        ("=SUM(A1:B2)", "412.44"),  # text in B2 is ignored by SUM
        ("=ROUND(B1/A1*100,2)", "106.96"),
        ("=-A1*2^2", "-795.2"),
        ("='其他 表'!A1+1", "6"),
        ("=T!A1*10%", "0.5"),
        ("=IFERROR(A1/0,0)", "0"),
        ("=MAX(A1,B1)-MIN(A1:A2)", "211.64"),
        ("=AVERAGE(A1,B1)", "205.72"),
        ("=ABS(A2-A1)", "197.8"),
    ],
)
def test_evaluate(formula: str, value: str) -> None:
    cells = {
        ("S", 1, 1): Decimal("198.8"),
        ("S", 1, 2): Decimal("212.64"),
        ("S", 2, 1): Decimal("1"),
        ("S", 2, 2): "x",
        ("T", 1, 1): Decimal(5),
        ("其他 表", 1, 1): Decimal(5),
    }
    assert evaluate(formula, "S", lambda s, r, c: cells.get((s, r, c))) == Decimal(value)


def test_evaluate_errors_and_unsupported() -> None:
    def lookup(s: str, r: int, c: int) -> Decimal:
        return Decimal(1)

    with pytest.raises(FormulaError) as exc:
        evaluate("=A1/0", "S", lookup)
    assert exc.value.code == "#DIV/0!"
    for formula in ("=VLOOKUP(A1,B1:C2,2,FALSE)", '=A1&"元"', "=IF(A1>0,1,2)"):
        with pytest.raises(Unsupported):
            evaluate(formula, "S", lookup)


def test_official_department_table_typed_in_excel() -> None:
    # xlsx-dept-official.xlsx: the seed's table typed in the official 9-column layout, title in
    # A1:I1, rates typed as fractions in 0.00% cells, headers merged down and across.
    table = only_table(read_office(DATA / "xlsx-dept-official.xlsx"))
    grid = texts(table)
    assert grid[0] == ["2021年度部门整体支出绩效自评表"] + ["*"] * 8
    assert grid[2] == ["人员编制", "3", "*", "实有人数", "4", "*", "*", "*", "*"]
    assert grid[4] == ["*", "资金来源", "合计", "*", "198.8", "212.64", "106.87%", "10", ""]
    assert grid[11] == ["*", "*", "（2）项目支出", "*", "43.42", "65.3", "150.39%", "－", "－"]
    assert grid[-1] == ["总分", "*", "*", "*", "*", "*", "100", "100", ""]
    assert spans(table)[(3, 0)] == (9, 1)  # 整体资金（万元） down nine rows
    assert table.rows[4][6].location.cell == "部门整体支出绩效自评表!G5"
