"""The .docx writers: the drafted report (headings, figures, page numbers, fonts) and the
table as a Word table with merged cells. Content, never bytes."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from writers_samples import department, project, with_report

from jixiao.model import Finding, Severity
from jixiao.writers.docx import write_docx, write_report_docx, write_table_docx
from jixiao.writers.draft import draft_report, grade_for


def _headings(doc, level: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def _body(doc) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(p.text for p in doc.paragraphs if p.style.name == "Normal")


def test_report_has_title_and_the_five_sections(tmp_path: Path) -> None:
    doc = docx.Document(str(write_report_docx(department(), tmp_path / "报告.docx")))
    titles = [p.text for p in doc.paragraphs if p.style.name == "Title"]
    assert titles == ["2021年度长沙市岳麓区妇女联合会部门整体支出绩效自评报告"]
    assert _headings(doc, 1) == [
        "一、部门（单位）概况",
        "二、部门（单位）整体支出管理及使用情况",
        "三、部门（单位）整体支出绩效情况",
        "四、存在的主要问题及原因分析",
        "五、下一步改进措施和有关建议",
    ]
    assert _headings(doc, 2)[:2] == [
        "（一）部门（单位）基本情况",
        "（二）部门（单位）整体支出规模、使用方向和主要内容、涉及范围等",
    ]
    assert _headings(doc, 2)[2:] == ["（一）基本支出", "（二）专项支出"]


def test_report_figures_come_from_the_table(tmp_path: Path) -> None:
    body = _body(docx.Document(str(write_report_docx(department(), tmp_path / "r.docx"))))
    assert "人员编制3人，实有人数4人。实有人数超过编制1人。" in body
    assert "全年预算数198.8万元，全年执行数212.64万元，执行率106.87%" in body
    assert (
        "基本支出全年预算数131.32万元，全年执行数139.37万元，执行率106.13%，其中人员支出127.63万元、公用支出11.74万元"
        in body
    )
    assert "项目支出全年预算数43.42万元，全年执行数65.3万元，执行率150.39%" in body
    assert "自评总分95分（满分100分），评价等级为“优”" in body
    # the indicator that missed, with its reason
    assert (
        "“意识形态专题研究会”年度指标值为全年 4次，实际完成值为全年召开3次，分值30分，得分25分。原因：受疫情影响少开1次。"
        in body
    )
    # execution far off 100 % is called out in section 四
    assert "“其他资金”执行率32.88%，低于90%" in body
    assert "“资金来源合计”执行率106.87%，超过100%" in body
    # what only the unit can write is marked
    assert "【待填写：针对上述问题提出下一步改进措施和有关建议】" in body


def test_findings_and_score_sheet_appear_when_given(tmp_path: Path) -> None:
    finding = Finding(
        "JX-A001", Severity.ERROR, "资金来源合计的全年预算数198.8不等于各项之和198.98"
    )

    class Sheet:  # the attributes of jixiao.scoring.ScoreSheet the draft uses
        printed_grade = None
        computed_total = __import__("decimal").Decimal("88.5")
        computed_grade = grade_for(computed_total)
        profile_title = "财预〔2020〕10号"
        total_difference = __import__("decimal").Decimal("6.5")

    path = write_report_docx(
        department(), tmp_path / "r.docx", score_sheet=Sheet(), findings=[finding]
    )  # type: ignore[arg-type]
    body = _body(docx.Document(str(path)))
    assert "按财预〔2020〕10号计算得分88.5分，对应等级“良”，自评得分比计算得分高6.5分。" in body
    assert "1. 资金来源合计的全年预算数198.8不等于各项之和198.98。" in body


def test_existing_report_is_kept(tmp_path: Path) -> None:
    doc = docx.Document(str(write_report_docx(with_report(department()), tmp_path / "r.docx")))
    assert _headings(doc, 1) == ["一、部门（单位）概况"]
    assert _headings(doc, 2) == ["（一）部门（单位）基本情况"]
    assert _body(doc) == "岳麓区妇女联合会为财政全额拨款的行政单位。"


def test_page_number_field_fonts_and_a4(tmp_path: Path) -> None:
    doc = docx.Document(str(write_report_docx(department(), tmp_path / "r.docx")))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    footer_xml = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer_xml and 'w:fldCharType="begin"' in footer_xml
    fonts = doc.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    heading = doc.styles["Heading 1"].element.rPr.rFonts
    assert heading.get(qn("w:eastAsia")) == "黑体"
    assert heading.get(qn("w:asciiTheme")) is None  # theme fonts would override the names


def test_project_report_sections(tmp_path: Path) -> None:
    report = draft_report(project())
    assert (
        report.title is not None
        and report.title.text == "2022年度妇女儿童之家建设项目项目支出绩效自评报告"
    )
    headings = [s.heading.text for s in report.sections if s.level == 1]
    assert headings[0] == "一、项目基本情况" and headings[-1] == "五、下一步改进措施和有关建议"
    text = "\n".join(s.text for s in report.sections)
    assert (
        "项目资金年初预算数50万元，全年预算数60.00万元，全年执行数57.123456万元，执行率95.21%"
        in text
    )
    assert "宣传不足。" in text and "加强宣传。" in text


def test_table_docx_merges_cells_like_the_form(tmp_path: Path) -> None:
    doc = docx.Document(str(write_table_docx(department(), tmp_path / "表.docx")))
    assert doc.paragraphs[0].text == "2021年度部门整体支出绩效自评表"
    assert doc.sections[0].page_width > doc.sections[0].page_height  # landscape
    table = doc.tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    # python-docx repeats a merged cell's text in every grid cell it covers
    fund_row = next(i for i, r in enumerate(rows) if r[1] == "资金\n来源")
    assert rows[fund_row][:5] == ["整体资金\n（万元）", "资金\n来源", "合计", "合计", "198.8"]
    assert rows[fund_row + 2][1] == "资金\n来源"  # vertical merge over the block
    assert rows[fund_row][6] == "106.87%"
    head = next(i for i, r in enumerate(rows) if r[1] == "一级指标")
    assert rows[head + 2][1] == "产出指标" and rows[head + 2][2] == "数量指标"
    assert rows[-1][0] == "总分" and rows[-1][6:8] == ["100", "95"]
    tc = table.rows[fund_row + 1]._tr.tc_lst[1]  # the raw cell, not the merge origin
    assert tc.vMerge == "continue"


def test_combined_docx_has_table_then_report(tmp_path: Path) -> None:
    doc = docx.Document(str(write_docx(with_report(department()), tmp_path / "全.docx")))
    assert len(doc.tables) == 1
    assert len(doc.sections) == 2
    assert doc.sections[1].page_height > doc.sections[1].page_width  # the report in portrait
    assert _headings(doc, 1) == ["一、部门（单位）概况"]
    # without a report of its own, no report is invented
    doc = docx.Document(str(write_docx(department(), tmp_path / "表.docx")))
    assert _headings(doc, 1) == [] and len(doc.sections) == 1


def test_table_can_be_cut_before_the_indicator_header_to_repeat_it() -> None:
    from jixiao.writers.docx_table import tables_xml
    from jixiao.writers.grid import build_grid

    grid = build_grid(department())
    widths = [500] * grid.ncols
    assert len(tables_xml(grid, widths, "宋体", "Times New Roman", 18)) == 1
    first, second = tables_xml(grid, widths, "宋体", "Times New Roman", 18, repeat_header=True)
    assert "年度总体目标" in first and "一级指标" not in first
    head_row = second.split("</w:tr>")[0]
    assert "<w:tblHeader/>" in head_row and "一级指标" in head_row
    assert second.count("<w:tblHeader/>") == 1
