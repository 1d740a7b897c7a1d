"""Locations with a column for documents on one long line, the column in the jixiao/1 JSON
without breaking consumers that split ``文件:行号``, and findings of a Word document in
reading order (the table before the paragraphs that follow it)."""

from __future__ import annotations

from pathlib import Path

import docx

from jixiao.checks import finding_dict, location_key, run_checks
from jixiao.model import Location
from jixiao.readers import read_office_document, read_string
from jixiao.serialize import from_dict, to_dict

ONE_LINE = (
    "2023年度项目支出绩效自评表 项目名称 社区养老服务补助 主管部门 某某县民政局 实施单位 某某县民政局 "
    "项目资金（万元） 年初预算数 全年预算数 全年执行数 执行率 分值 得分 年度资金总额 100 100 90 90.00% 10 9 "
    "其中：本年财政拨款 100 100 80 90.00% - - 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 "
    "产出指标 数量指标 服务老人人次 ≥1200人次 1350人次 30 30 产出指标 质量指标 服务合格率 100% 98% 30 29 "
    "效益指标 社会效益指标 老人满意度 ≥90% 95% 30 28 总分 100 96"
)


def _at(loc: Location) -> str:
    assert loc.line == 1 and loc.column is not None
    return ONE_LINE[loc.column - 1 :]


def test_location_text_and_parse():
    loc = Location("表.txt", 1, column=345)
    assert str(loc) == "表.txt:1:345"
    assert Location.parse("表.txt:1:345") == loc
    assert str(loc.without_column()) == "表.txt:1"
    assert Location.parse("表.txt:1", 345) == loc
    assert loc.shifted(5).column == 350
    assert str(Location("seed.txt", 27)) == "seed.txt:27"  # short lines: no column
    assert Location.parse("x.docx:表2 第3行第4列") == Location("x.docx", cell="表2 第3行第4列")


def test_a_table_on_one_line_locates_each_value_by_column():
    e = read_string(ONE_LINE + "\n", "一行.txt")
    assert [_at(f.location)[:6] for f in e.funds] == ["年度资金总额", "其中：本年财"]
    assert [_at(i.location)[: len(i.name.text)] for i in e.indicators] == [
        "服务老人人次",
        "服务合格率",
        "老人满意度",
    ]
    findings = run_checks(e)
    assert findings and all(f.location.column for f in findings if f.location.line)
    # sorted along the line
    cols = [f.location.column for f in findings if f.severity == findings[0].severity]
    assert cols == sorted(cols)


def test_a_run_together_line_locates_its_pieces_by_column():
    text = ONE_LINE.replace(" ", "")
    e = read_string(text + "\n", "连写.txt")
    assert e.layout == "other"
    located = [i.location for i in e.indicators]
    assert located and all(loc.column is not None for loc in located)
    assert [loc.column for loc in located] == sorted(loc.column for loc in located)
    first = e.indicators[0]
    assert first.name.text in text[first.location.column - 3 : first.location.column + 20]


def test_short_lines_keep_their_line_numbers_only():
    text = ONE_LINE.replace(" 年度资金总额", "\n年度资金总额").replace(" 一级指标", "\n一级指标")
    e = read_string(text.replace(" 产出指标", "\n产出指标").replace(" 效益指标", "\n效益指标"))
    assert all(f.location.column is None for f in e.funds)


def test_the_column_is_a_key_of_its_own_in_json():
    e = read_string(ONE_LINE + "\n", "一行.txt")
    data = to_dict(e)
    fund = data["funds"][0]
    assert fund["location"] == "一行.txt:1"  # what old consumers split on ':'
    assert fund["column"] == e.funds[0].location.column
    assert from_dict(data).funds[0].location == e.funds[0].location
    finding = finding_dict(run_checks(e)[0])
    assert finding["location"].count(":") == 1 and isinstance(finding["column"], int)
    short = to_dict(read_string(ONE_LINE.replace(" 年度资金总额", "\n年度资金总额")[:120] + "\n"))
    assert all("column" not in f for f in short["funds"])


def test_word_findings_follow_the_document_order(tmp_path: Path):
    d = docx.Document()
    d.add_paragraph("2023年度项目支出绩效自评表")
    table = d.add_table(rows=2, cols=3)
    for c, text in enumerate(("项目", "全年预算数", "全年执行数")):
        table.rows[0].cells[c].text = text
    for c, text in enumerate(("年度资金总额", "100", "90")):
        table.rows[1].cells[c].text = text
    d.add_paragraph("一、基本情况")
    d.add_paragraph("本项目全年执行90万元。")
    d.save(str(tmp_path / "a.docx"))
    doc = read_office_document(tmp_path / "a.docx")
    title, table_block, heading, sentence = doc.blocks
    cell = table_block.rows[1][2].location
    keys = [location_key(x) for x in (title.location, cell, heading.location, sentence.location)]
    assert keys == sorted(keys)
    # read back from JSON (no block order): tables before paragraphs, as before
    back = [Location.parse(str(x)) for x in (cell, heading.location)]
    assert location_key(back[0]) < location_key(back[1])
