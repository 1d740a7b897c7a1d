"""The .docx reader: merged cells on a full grid, paragraphs with heading levels, locations."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from office_helpers import DATA, only_table, spans, texts

from jixiao.document import Paragraph, Table
from jixiao.readers.office import read_office
from jixiao.readers.office.docx_numbering import format_number


def test_merged_header_is_expanded_to_a_full_grid() -> None:
    # docx-merged-header.docx: “项目” merged down two rows (vMerge), “资金情况（万元）” across three
    # columns (gridSpan); the covered cells are present, empty and marked merged.
    doc = read_office(DATA / "docx-merged-header.docx")
    table = only_table(doc)
    assert texts(table) == [
        ["项目", "资金情况（万元）", "*", "*"],
        ["*", "全年预算数", "全年执行数", "执行率"],
        ["合计", "198.8", "212.64", "106.87%"],
        ["财政拨款", "174.74", "204.67", "117.13%"],
    ]
    assert spans(table) == {(0, 0): (2, 1), (0, 1): (1, 3)}
    assert table.rows[1][0].text == "" and table.rows[1][0].merged
    assert doc.layout == "docx"


def test_locations_name_table_row_and_column() -> None:
    doc = read_office(DATA / "docx-merged-header.docx")
    table = only_table(doc)
    cell = table.rows[2][3]
    assert cell.text == "106.87%"
    assert cell.location.cell == "表1 第3行第4列"
    assert str(cell.location) == f"{DATA / 'docx-merged-header.docx'}:表1 第3行第4列"
    assert table.name == "表1"


def test_blocks_in_document_order_with_paragraph_numbers() -> None:
    doc = read_office(DATA / "docx-merged-header.docx")
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Table", "Paragraph"]
    first, last = doc.paragraphs
    assert (first.text, first.location.cell) == ("整体资金情况表", "段落1")
    assert (last.text, last.location.cell) == ("注：执行率＝全年执行数÷全年预算数。", "段落2")


def test_headings_nested_table_and_content_control() -> None:
    # docx-nested.docx: Title, Heading 1, Heading 2, an empty paragraph (dropped), a normal
    # paragraph, a table whose second cell holds a 2×2 table, then a paragraph inside a w:sdt.
    doc = read_office(DATA / "docx-nested.docx")
    paras = [(p.text, p.heading_level) for p in doc.paragraphs]
    assert paras == [
        ("2021年度自评报告", None),
        ("一、部门概况", 1),
        ("（一）基本情况", 2),
        ("现有编制人数3人。", None),
        ("填报日期：2022年3月1日", None),
    ]
    table = only_table(doc)
    assert texts(table) == [["资金", "基本支出\t139.37\n项目支出\t65.3"]]
    assert isinstance(doc.blocks[4], Table) and isinstance(doc.blocks[5], Paragraph)


def test_seed_docx_table_keeps_repeated_headers_as_physical_rows() -> None:
    # docx-seed.docx: the seed's table, with the indicator header printed again where the seed
    # breaks pages; each repetition restarts the “绩效指标” column's vertical merge.
    doc = read_office(DATA / "docx-seed.docx")
    table = only_table(doc)
    grid = texts(table)
    headers = [r for r, row in enumerate(grid) if row[1] == "一级指标"]
    assert headers == [13, 20, 27]
    assert [grid[r][0] for r in headers] == ["绩\n效\n指\n标"] * 3
    assert grid[3][:7] == ["*", "资金\n来源", "合计", "*", "198.8", "212.64", "106.87%"]
    assert grid[-1] == ["总分", "*", "*", "*", "*", "*", "100", "100", ""]
    assert all(len(row) == 9 for row in grid)
    assert [p.heading_level for p in doc.paragraphs[:4]] == [None, None, 1, 2]


def test_one_cell_frame_table_is_read_as_body() -> None:
    # docx-frame-table.docx: a 1×1 table around a title paragraph and the 2×2 form table
    doc = read_office(DATA / "docx-frame-table.docx")
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table"]
    assert doc.paragraphs[0].text == "项目支出绩效自评表"
    assert texts(only_table(doc)) == [["项目名称", "妇女儿童工作经费"], ["主管部门", "区妇联"]]
    assert only_table(doc).rows[1][1].location.cell == "表1 第2行第2列"


def test_automatic_numbering_is_printed_into_the_text() -> None:
    # docx-numbering.docx: headings numbered by a list (一、 / （一） / 1.), not typed; a
    # bulleted paragraph (the bullet is not text)
    doc = read_office(DATA / "docx-numbering.docx")
    assert [p.text for p in doc.paragraphs] == [
        "一、部门（单位）概况",
        "（一）部门（单位）基本情况",
        "现有编制人数3人。",
        "（二）部门（单位）整体支出规模",
        "1.基本支出",
        "2.项目支出",
        "二、部门（单位）整体支出管理及使用情况",
        "（一）基本支出",  # the deeper level restarts under a new parent
        "列表项（项目符号不是文字）",
    ]


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCountingThousand", "十一"),
        (20, "chineseCounting", "二十"),
        (105, "chineseCounting", "一百零五"),
        (110, "chineseCounting", "一百一十"),
        (3, "chineseLegalSimplified", "叁"),
        (3, "decimalEnclosedCircle", "③"),
        (4, "lowerRoman", "iv"),
        (2, "upperLetter", "B"),
        (7, "decimalZero", "07"),
        (12, "decimal", "12"),
    ],
)
def test_number_formats(value: int, fmt: str, text: str) -> None:
    assert format_number(value, fmt) == text


def test_inserted_symbols_are_text() -> None:
    # docx-symbols.docx: ≥ and ≤ inserted as w:sym (Symbol font F0B3/F0A3; 宋体 U+2265)
    doc = read_office(DATA / "docx-symbols.docx")
    assert [p.text for p in doc.paragraphs] == ["满意度≥95%", "成本≤30万元", "完成率≥90%"]


def test_macro_enabled_document_is_read_without_libreoffice(tmp_path: Path) -> None:
    # docx-merged-header.docx with its main part declared as a .docm's (macros are never run)
    path = tmp_path / "宏.docm"
    with (
        zipfile.ZipFile(DATA / "docx-merged-header.docx") as zin,
        zipfile.ZipFile(path, "w") as zout,
    ):
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "[Content_Types].xml":
                old = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                data = data.replace(old, b"application/vnd.ms-word.document.macroEnabled")
            zout.writestr(info, data)
    with zipfile.ZipFile(path) as zf:
        assert b"macroEnabled.main+xml" in zf.read("[Content_Types].xml")
    doc = read_office(path)
    assert doc.notes == ()  # not converted through LibreOffice
    assert texts(only_table(doc))[0] == ["项目", "资金情况（万元）", "*", "*"]
