"""The .docx writers: the drafted report (headings, figures, page numbers, fonts) and the
table as a Word table with merged cells. Content, never bytes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx
from docx.oxml.ns import qn
from writers_samples import department, project, with_report

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
    assert _headings(doc, 2)[2:] == ["（一）基本支出", "（二）项目支出"]  # as the table says


def test_report_figures_come_from_the_table(tmp_path: Path) -> None:
    body = _body(docx.Document(str(write_report_docx(department(), tmp_path / "r.docx"))))
    assert "人员编制3人，实有人数4人。实有人数超过人员编制。" in body
    assert "全年预算数198.8万元，全年执行数212.64万元，执行率106.87%" in body
    assert (
        "基本支出全年预算数131.32万元，全年执行数139.37万元，执行率106.13%。"
        "按经济分类，人员支出全年执行数127.63万元，公用支出全年执行数11.74万元。" in body
    )
    assert "项目支出全年预算数43.42万元，全年执行数65.3万元，执行率150.39%" in body
    assert "自评总分95分（满分100分），评价等级为“优”" in body
    # the indicator that missed, with its reason
    assert (
        "“意识形态专题研究会”实际完成值为全年召开3次，年度指标值为全年 4次，分值30分，得25分。原因：受疫情影响少开1次。"
        in body
    )
    # execution far off 100 % is called out in section 四
    assert "其他资金执行率32.88%，低于90%" in body
    assert "资金来源合计全年执行数超过全年预算数，执行率106.87%。" in body
    # what only the unit can write is marked
    assert "【待填写：针对上述问题提出下一步改进措施和有关建议】" in body


def test_score_sheet_appears_and_findings_do_not(tmp_path: Path) -> None:
    """The report is the unit's own: the reviewer's findings are not copied into it; the
    recomputed score is named by its rule, without the CLI's “（默认）”."""

    class Sheet:  # the attributes of jixiao.scoring.ScoreSheet the draft uses
        printed_grade = None
        computed_total = __import__("decimal").Decimal("88.5")
        computed_grade = grade_for(computed_total)
        profile_title = "财预〔2020〕10号（默认）"
        total_difference = __import__("decimal").Decimal("6.5")

    path = write_report_docx(department(), tmp_path / "r.docx", score_sheet=Sheet())  # type: ignore[arg-type]
    body = _body(docx.Document(str(path)))
    assert (
        "按评分方案“财预〔2020〕10号”计算得分88.5分，对应等级“良”，自评得分比计算得分高6.5分。"
        in body
    )
    assert "（默认）" not in body and "审核发现" not in body


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
        and report.title.text == "2022年度妇女儿童之家建设项目支出绩效自评报告"  # 项目 once
    )
    headings = [s.heading.text for s in report.sections if s.level == 1]
    assert headings[0] == "一、项目基本情况" and headings[-1] == "五、下一步改进措施和有关建议"
    text = "\n".join(s.text for s in report.sections)
    # the budget in 一（二）, its execution in 二: each said once
    assert text.count("项目资金年初预算数50万元，全年预算数60.00万元。") == 1
    assert text.count("项目资金全年执行数57.123456万元，执行率95.21%。") == 1
    assert "宣传不足。" in text and "加强宣传。" in text


def test_table_docx_draws_the_form_without_rows_that_split(tmp_path: Path) -> None:
    """No row may break across pages: every row is ``cantSplit`` and no cell is merged down
    (LibreOffice splits such rows anyway). A region merged down is drawn as one cell by
    leaving out its inner lines; 一级/二级 are printed in each row; the indicator header
    repeats on each page."""
    doc = docx.Document(str(write_table_docx(department(), tmp_path / "表.docx")))
    assert doc.paragraphs[0].text == "2021年度部门整体支出绩效自评表"
    assert doc.sections[0].page_width > doc.sections[0].page_height  # landscape
    assert len(doc.tables) == 2  # cut before the indicator header, which repeats
    trs = [tr for table in doc.tables for tr in table._tbl.tr_lst]
    assert all(tr.find(qn("w:trPr")).find(qn("w:cantSplit")) is not None for tr in trs)
    assert not any(tc.vMerge for tr in trs for tc in tr.tc_lst)
    rows = [[c.text for c in row.cells] for table in doc.tables for row in table.rows]
    fund_row = next(i for i, r in enumerate(rows) if r[1] == "资金\n来源")
    assert rows[fund_row][2:5] == ["合计", "合计", "198.8"] and rows[fund_row][6] == "106.87%"
    assert rows[fund_row + 1][1] == ""  # the rest of the 资金来源 block: one cell drawn
    inner = doc.tables[0].rows[fund_row + 1]._tr.tc_lst[1]
    assert 'w:val="nil"' in inner.tcPr.xml  # no line inside the region
    head = next(i for i, r in enumerate(rows) if r[1] == "一级指标")
    assert doc.tables[1].rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert rows[head + 2][1] == "产出指标" and rows[head + 2][2] == "数量指标"
    levels = [r[1] for r in rows[head + 1 : -1]]
    assert levels and all(levels)  # 一级 named in every indicator row
    assert rows[-1][0] == "总分" and rows[-1][6:8] == ["100", "95"]


def test_combined_docx_has_table_then_report(tmp_path: Path) -> None:
    doc = docx.Document(str(write_docx(with_report(department()), tmp_path / "全.docx")))
    assert len(doc.tables) == 2  # the form, cut before its repeated indicator header
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
    assert len(tables_xml(grid, widths, "宋体", "Times New Roman", 18, repeat_header=False)) == 1
    first, second = tables_xml(grid, widths, "宋体", "Times New Roman", 18)
    assert "年度总体目标" in first and "一级指标" not in first
    head_row = second.split("</w:tr>")[0]
    assert "<w:tblHeader/>" in head_row and "一级指标" in head_row
    assert second.count("<w:tblHeader/>") == 1


def test_table_docx_ends_with_the_lines_to_sign_on(tmp_path: Path) -> None:
    from jixiao.model import Signature, Text

    def closing(path: Path) -> tuple[str, str]:
        body = docx.Document(str(path)).element.body
        roles, seal = body[-3], body[-2]  # before the section properties
        assert roles.tag == seal.tag == qn("w:p")
        return tuple("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in (roles, seal))  # type: ignore[return-value]

    line, seal = closing(write_table_docx(department(), tmp_path / "表.docx"))
    for role in ("单位负责人（签字）：", "填报人：", "联系电话：", "填报日期："):
        assert role in line
    assert seal == "填报单位（盖章）"  # a short last line: the block ends here
    # roles the form prints itself stay in the table, not twice
    signed = replace(
        department(),
        signatures=(Signature("填报人", Text("王芳")),),
        fill_date=Text("2022年3月10日"),
    )
    line, _ = closing(write_table_docx(signed, tmp_path / "签.docx"))
    assert "单位负责人（签字）：" in line and "填报人" not in line and "填报日期" not in line
