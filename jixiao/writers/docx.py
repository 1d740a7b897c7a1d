"""Write the 自评报告 and the table as .docx (python-docx).

- :func:`write_report_docx`: the report — title (style Title), headings (Heading 1/2/3, so
  readers and Word's navigation pane find them), 仿宋_GB2312 body, 黑体/楷体 headings as in
  official documents, A4 portrait, page numbers in the footer (a PAGE field);
- :func:`write_table_docx`: the table as a Word table with merged cells, A4 landscape;
- :func:`write_docx`: both in one file (table first, then the report in a portrait section),
  which is what ``jixiao convert x.docx`` writes and what the PDF is made from.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx import Document as new_document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from jixiao.model import Evaluation, Report
from jixiao.writers.docx_table import SPACER, tables_xml
from jixiao.writers.draft import report_for, section_body
from jixiao.writers.grid import Grid, build_grid, signature_line

if TYPE_CHECKING:
    from docx.document import Document
    from docx.section import Section as DocxSection

    from jixiao.scoring.sheet import ScoreSheet

BODY_FONT = "仿宋_GB2312"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312", 3: "仿宋_GB2312"}
TITLE_FONT = "方正小标宋简体"  # a Song-style display face (Noto Serif CJK in the PDF)
TABLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"
BODY_SIZE = Pt(16)  # 三号, as in official documents
TABLE_SIZE = Pt(9)
LINE = Pt(28)


def official_document(landscape: bool = False) -> Document:
    """A new Word document in jixiao's one document style, shared by the unit report, the
    official table and the batch's 汇总报告: A4 (portrait, or landscape for a table), the
    layout of Chinese official documents (GB/T 9704: title in 方正小标宋简体, body in
    仿宋_GB2312 三号 on a 28-point line, headings 黑体 / 楷体_GB2312, tables in 宋体; the PDF
    maps these names onto Noto Serif/Sans CJK, :mod:`jixiao.writers.soffice`) and a page
    number “— 1 —” centred in the footer."""
    doc = _new()
    (_landscape if landscape else _portrait)(doc.sections[0])
    _page_numbers(doc.sections[0])
    return doc


def write_report_docx(
    evaluation: Evaluation,
    path: str | Path,
    score_sheet: ScoreSheet | None = None,
) -> Path:
    """Write the 自评报告 (the evaluation's own, or drafted from its table)."""
    doc = official_document()
    add_report(doc, report_for(evaluation, score_sheet))
    path = Path(path)
    doc.save(str(path))
    return path


def write_table_docx(evaluation: Evaluation, path: str | Path) -> Path:
    """Write the 自评表 as a Word table (merged cells), A4 landscape."""
    doc = official_document(landscape=True)
    add_table(doc, build_grid(evaluation), signature_line(evaluation))
    path = Path(path)
    doc.save(str(path))
    return path


def write_docx(evaluation: Evaluation, path: str | Path, report: Report | None = None) -> Path:
    """The table, then the report (the evaluation's own, or ``report``) in a portrait section."""
    doc = official_document(landscape=True)
    add_table(doc, build_grid(evaluation), signature_line(evaluation))
    report = report or evaluation.report
    if report is not None and (report.sections or report.title is not None):
        section = doc.add_section(WD_SECTION.NEW_PAGE)
        _portrait(section)
        _restart_numbering(section)
        add_report(doc, report if report.title is not None else report_for(evaluation))
    path = Path(path)
    doc.save(str(path))
    return path


# -- fonts and styles --------------------------------------------------------------------


def set_fonts(element: Any, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Name the fonts of a style's or run's ``rPr``, dropping theme fonts that override them."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _new() -> Document:
    doc = new_document()
    styles = doc.styles
    normal = styles["Normal"]
    set_fonts(normal.element, BODY_FONT)
    normal.font.size = BODY_SIZE
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE
    fmt.space_after = Pt(0)
    fmt.space_before = Pt(0)
    fmt.first_line_indent = Pt(32)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _no_auto_space(normal.element)
    for level, font in HEADING_FONTS.items():
        style = styles[f"Heading {level}"]
        set_fonts(style.element, font)
        style.font.size = BODY_SIZE
        style.font.bold = level == 3
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        pf = style.paragraph_format
        pf.first_line_indent = Pt(32)
        pf.space_before = Pt(6) if level == 1 else Pt(0)
        pf.space_after = Pt(0)
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = LINE
        pf.keep_with_next = True
    title = styles["Title"]
    set_fonts(title.element, TITLE_FONT)
    title.font.size = Pt(22)
    title.font.bold = False
    title.font.color.rgb = RGBColor(0, 0, 0)
    tf = title.paragraph_format
    tf.alignment = WD_ALIGN_PARAGRAPH.CENTER
    tf.first_line_indent = Pt(0)
    tf.space_after = Pt(16)
    tf.line_spacing_rule = WD_LINE_SPACING.EXACTLY  # a two-line title stays one block
    tf.line_spacing = Pt(32)
    _no_title_border(title.element)
    return doc


def _no_auto_space(style_element: Any) -> None:
    """No extra gap between Chinese and Latin letters or digits: the PDF's text layer then
    reads “174.74万元”, not “174.74 万元”, exactly as the data says."""
    ppr = style_element.get_or_add_pPr()
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "0")
        ppr.insert_element_before(
            element, "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
            "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
            "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl",
            "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
        )  # fmt: skip


def _no_title_border(style_element: Any) -> None:
    ppr = style_element.find(qn("w:pPr"))
    if ppr is not None:
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)


def _portrait(section: DocxSection) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)


def _landscape(section: DocxSection) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin = section.bottom_margin = Mm(18)
    section.left_margin = section.right_margin = Mm(15)


def _restart_numbering(section: DocxSection) -> None:
    number = OxmlElement("w:pgNumType")
    number.set(qn("w:start"), "1")
    section._sectPr.insert_element_before(
        number, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
        "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings",
    )  # fmt: skip


def _page_numbers(section: DocxSection) -> None:
    """“— 1 —” centred in the footer: a PAGE field Word and LibreOffice fill in."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.add_run("— ")
    run = paragraph.add_run()
    for tag, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if tag is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), tag)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)
    paragraph.add_run(" —")
    for r in paragraph.runs:
        r.font.size = Pt(14)


# -- the report --------------------------------------------------------------------------


def add_report(doc: Document, report: Report) -> None:
    """Title, headings and paragraphs. Styles are set by id (Title, Heading1…): looking them
    up by name through python-docx costs more than the rest of the document."""
    if report.title is not None:
        doc.add_paragraph(report.title.text)._p.style = "Title"
    for i, section in enumerate(report.sections):
        level = min(max(section.level, 1), 3)
        doc.add_paragraph(section.heading.text)._p.style = f"Heading{level}"
        for line in section_body(report.sections, i).split("\n"):
            if line.strip():
                doc.add_paragraph(line.strip())  # Normal: indented two characters, justified


# -- the table ---------------------------------------------------------------------------


def add_table(doc: Document, grid: Grid, signatures: str = "") -> None:
    """The grid as a title paragraph and one Word table (row 0 of the grid is the title),
    then the ``signatures`` line (:func:`~jixiao.writers.grid.signature_line`) kept on the
    table's last page."""
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Pt(0)
    run = title.add_run(grid.title)
    set_fonts(run._r, TITLE_FONT)
    run.font.size = Pt(18)
    section = doc.sections[-1]
    usable = (
        int(section.page_width or Mm(297))
        - int(section.left_margin or 0)
        - int(section.right_margin or 0)
    ) // 635  # EMU → twips
    total = sum(grid.col_widths)
    widths = [int(usable * w / total) for w in grid.col_widths]
    anchor = title._p
    for k, xml in enumerate(
        tables_xml(grid, widths, TABLE_FONT, LATIN_FONT, int(TABLE_SIZE.pt * 2))
    ):
        if k:
            spacer = parse_xml(SPACER)
            anchor.addnext(spacer)
            anchor = spacer
        table = parse_xml(xml)
        anchor.addnext(table)
        anchor = table
    for k, text in enumerate(signatures.split("\n") if signatures else ()):
        line = doc.add_paragraph()
        line.paragraph_format.first_line_indent = Pt(0)
        line.paragraph_format.space_before = Pt(12 if k == 0 else 6)
        line.paragraph_format.keep_with_next = k == 0  # the block stays together
        run = line.add_run(text)
        set_fonts(run._r, TABLE_FONT)
        run.font.size = Pt(12)
        anchor.addnext(line._p)
        anchor = line._p
