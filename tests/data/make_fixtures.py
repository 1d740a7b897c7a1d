"""Make the office fixtures in tests/data (run: .venv/bin/python tests/data/make_fixtures.py).

Deterministic: fixed document properties and zip timestamps; LibreOffice-made files (.xls,
.doc, PDFs) are converted from fixtures made here. Each file shows one feature:

docx-merged-header.docx       a table with a header merged across (gridSpan) and down (vMerge)
docx-nested.docx              headings from styles, a table nested in a cell, a content control
docx-frame-table.docx         the form inside a one-cell table used as a frame
docx-numbering.docx           headings numbered by Word's automatic numbering (一、 （一） 1.)
docx-symbols.docx             ≥ ≤ inserted as symbols (w:sym), in the Symbol font and in a CJK font
xlsx-merged-cells.xlsx        merged ranges across and down
xlsx-several-sheets.xlsx      two visible sheets and a hidden one
xlsx-numbers-as-text.xlsx     numbers typed as text
xlsx-number-formats.xlsx      percentages, thousands, money decimals, float noise, dates
xlsx-formulas.xlsx            formulas without cached values (written by a library)
xlsx-formulas-cached.xlsx     the same saved by LibreOffice (cached values)
xls-basic.xls                 an .xls made by LibreOffice from xlsx-merged-cells.xlsx
xlsx-hidden.xlsx              a hidden row, a hidden helper column (得分 ×10), a merged header
                              over it, weights stored 0.2 shown 20%, ≧/═ operator cells
xls-hidden.xls                xlsx-hidden.xlsx saved as .xls by LibreOffice
pdf-two-pages-repeated-header.pdf  a table over two pages, header row repeated (LibreOffice)
pdf-scanned.pdf               an image-only PDF (no text layer)
pdf-text-columns.pdf          a table without ruling lines (read by text columns)
doc-basic.doc                 a .doc made by LibreOffice from docx-merged-header.docx
zip-bomb.docx                 a .docx whose document.xml inflates 1000:1
xxe.xlsx                      an .xlsx with an entity-expansion DTD in sharedStrings.xml
encrypted.xlsx                a password-protected .xlsx (LibreOffice, password "jixiao")
xlsx-dept-official.xlsx       the seed's department table typed in the official layout
docx-seed.docx                the seed (table + report) as a Word document
pdf-seed.pdf                  docx-seed.docx printed to PDF by LibreOffice (rows split over pages)
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from seed_table import TITLE, table_entries  # noqa: E402

SEED = HERE.parents[1] / "examples" / "seed-2021-yuelu-fulian.txt"
FIXED = dt.datetime(2024, 1, 1, 0, 0, 0)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)


# ---------------------------------------------------------------- helpers
def normalise_zip(path: Path) -> None:
    """Rewrite a zip with fixed timestamps and sorted-as-written entries (byte-stable)."""
    with zipfile.ZipFile(path) as zin:
        items = [(info.filename, zin.read(info)) for info in zin.infolist()]
    stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    items = [
        (name, re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data))
        if name == "docProps/core.xml"
        else (name, data)
        for name, data in items
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, data)
    path.write_bytes(buf.getvalue())


def new_docx() -> docx.document.Document:
    d = docx.Document()
    d.core_properties.created = FIXED
    d.core_properties.modified = FIXED
    d.core_properties.last_modified_by = "jixiao"
    d.core_properties.author = "jixiao"
    normal = d.styles["Normal"]
    normal.font.name = "SimSun"
    normal.font.size = Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    return d


def save_docx(d: docx.document.Document, name: str) -> Path:
    path = HERE / name
    d.save(path)
    normalise_zip(path)
    return path


def new_workbook() -> Workbook:
    wb = Workbook()
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "jixiao"
    return wb


def save_workbook(wb: Workbook, name: str) -> Path:
    path = HERE / name
    wb.properties.modified = FIXED
    wb.save(path)
    normalise_zip(path)
    return path


def soffice(src: Path, target: str, dest: str) -> Path:
    """Convert with LibreOffice in a private profile; ``target`` may carry a filter."""
    with tempfile.TemporaryDirectory(prefix="jixiao-fixture-") as tmp:
        profile = Path(tmp) / "profile"
        out = Path(tmp) / "out"
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                target,
                "--outdir",
                str(out),
                str(src),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        produced = next(out.iterdir())
        shutil.copyfile(produced, HERE / dest)
    return HERE / dest


def fill_docx_table(table: docx.table.Table, entries: list, *, row_offset: int = 0) -> None:
    for r, c, text, rs, cs in entries:
        cell = table.cell(r + row_offset, c)
        if rs > 1 or cs > 1:
            cell = cell.merge(table.cell(r + row_offset + rs - 1, c + cs - 1))
        value = text[1] if isinstance(text, tuple) and text[0] == "num" else text
        if isinstance(text, tuple) and text[0] == "rate":
            value = f"{Decimal(text[1]) * 100:.2f}%"
        lines = str(value).split("\n")
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)


# ---------------------------------------------------------------- docx
def docx_merged_header() -> Path:
    d = new_docx()
    d.add_paragraph("整体资金情况表")
    t = d.add_table(rows=4, cols=4)
    t.style = "Table Grid"
    entries = [
        (0, 0, "项目", 2, 1),
        (0, 1, "资金情况（万元）", 1, 3),
        (1, 1, "全年预算数", 1, 1),
        (1, 2, "全年执行数", 1, 1),
        (1, 3, "执行率", 1, 1),
        (2, 0, "合计", 1, 1),
        (2, 1, "198.8", 1, 1),
        (2, 2, "212.64", 1, 1),
        (2, 3, "106.87%", 1, 1),
        (3, 0, "财政拨款", 1, 1),
        (3, 1, "174.74", 1, 1),
        (3, 2, "204.67", 1, 1),
        (3, 3, "117.13%", 1, 1),
    ]
    fill_docx_table(t, entries)
    d.add_paragraph("注：执行率＝全年执行数÷全年预算数。")
    return save_docx(d, "docx-merged-header.docx")


def docx_nested() -> Path:
    d = new_docx()
    d.add_paragraph("2021年度自评报告", style="Title")
    d.add_heading("一、部门概况", level=1)
    d.add_heading("（一）基本情况", level=2)
    d.add_paragraph("")  # empty paragraphs are dropped
    d.add_paragraph("现有编制人数3人。")
    outer = d.add_table(rows=1, cols=2)
    outer.style = "Table Grid"
    outer.cell(0, 0).text = "资金"
    inner = outer.cell(0, 1).add_table(rows=2, cols=2)
    for r, row in enumerate([("基本支出", "139.37"), ("项目支出", "65.3")]):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    # a paragraph inside a block-level content control (w:sdt)
    sdt = OxmlElement("w:sdt")
    content = OxmlElement("w:sdtContent")
    p = OxmlElement("w:p")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "填报日期：2022年3月1日"
    run.append(t)
    p.append(run)
    content.append(p)
    sdt.append(content)
    d.element.body.insert(len(d.element.body) - 1, sdt)
    return save_docx(d, "docx-nested.docx")


def docx_frame_table() -> Path:
    """The whole form inside a one-cell table used as a frame."""
    d = new_docx()
    outer = d.add_table(rows=1, cols=1)
    outer.style = "Table Grid"
    cell = outer.cell(0, 0)
    cell.paragraphs[0].text = "项目支出绩效自评表"
    inner = cell.add_table(rows=2, cols=2)
    inner.style = "Table Grid"
    for r, row in enumerate([("项目名称", "妇女儿童工作经费"), ("主管部门", "区妇联")]):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    return save_docx(d, "docx-frame-table.docx")


def docx_numbering() -> Path:
    """Report headings numbered by Word's automatic list numbering (not typed)."""
    from docx.oxml import parse_xml

    d = new_docx()
    numbering = d.part.numbering_part.element
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="90"><w:multiLevelType w:val="multilevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%3."/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def numbered(text: str, ilvl: int) -> None:
        p = d.add_paragraph(text)
        num_pr = parse_xml(f'<w:numPr {w}><w:ilvl w:val="{ilvl}"/><w:numId w:val="90"/></w:numPr>')
        p._p.get_or_add_pPr().append(num_pr)

    numbered("部门（单位）概况", 0)
    numbered("部门（单位）基本情况", 1)
    d.add_paragraph("现有编制人数3人。")
    numbered("部门（单位）整体支出规模", 1)
    numbered("基本支出", 2)
    numbered("项目支出", 2)
    numbered("部门（单位）整体支出管理及使用情况", 0)
    numbered("基本支出", 1)
    d.add_paragraph("列表项（项目符号不是文字）", style="List Bullet")
    return save_docx(d, "docx-numbering.docx")


def docx_symbols() -> Path:
    """Targets written with Insert → Symbol (w:sym), as ≥/≤ often are."""
    from docx.oxml import parse_xml

    d = new_docx()
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    for before, font, char, after in (
        ("满意度", "Symbol", "F0B3", "95%"),
        ("成本", "Symbol", "F0A3", "30万元"),
        ("完成率", "宋体", "2265", "90%"),
    ):
        p = d.add_paragraph(before)
        p._p.append(parse_xml(f'<w:r {w}><w:sym w:font="{font}" w:char="{char}"/></w:r>'))
        p.add_run(after)
    return save_docx(d, "docx-symbols.docx")


def docx_seed() -> Path:
    """The seed as Word: title, the table (header repeated as printed), the report."""
    d = new_docx()
    d.add_paragraph(TITLE, style="Title")
    entries = table_entries(repeat_header_before=(6, 12))
    n_rows = max(r + rs for r, _, _, rs, _ in entries)
    t = d.add_table(rows=n_rows, cols=9)
    t.style = "Table Grid"
    fill_docx_table(t, entries)
    lines = SEED.read_text(encoding="utf-8").splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith("2021年度长沙市岳麓区妇女联合会"))
    report = [ln.strip() for ln in lines[start:] if ln.strip()]
    d.add_paragraph(report[0] + report[1], style="Title")  # the title is printed on two lines
    for line in report[2:]:
        if line[:2] in ("一、", "二、", "三、", "四、", "五、"):
            d.add_heading(line, level=1)
        elif line.startswith("（") and line[1:3] in ("一）", "二）", "三）"):
            d.add_heading(line, level=2)
        else:
            d.add_paragraph(line)
    return save_docx(d, "docx-seed.docx")


def docx_long_table() -> Path:
    """Source of the two-page PDF: a table whose header row repeats on every page."""
    d = new_docx()
    d.add_paragraph("绩效指标完成情况")
    rows = 46
    t = d.add_table(rows=rows + 1, cols=4)
    t.style = "Table Grid"
    for c, h in enumerate(["序号", "三级指标", "年度指标值", "实际完成值"]):
        t.cell(0, c).text = h
    tr_pr = t.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)
    for r in range(1, rows + 1):
        for c, text in enumerate([str(r), f"指标{r}：开展活动情况", f"≥{r}次", f"{r + 1}次"]):
            t.cell(r, c).text = text
    d.add_paragraph("以上指标均已完成。")
    return save_docx(d, "pdf-source-long-table.docx")


def docx_borderless_table() -> Path:
    """Source of pdf-text-columns.pdf: a table without borders (no ruling lines in the PDF)."""
    d = new_docx()
    d.add_paragraph("项目支出绩效自评表")
    rows = [
        ("项目", "全年预算数", "全年执行数", "执行率"),
        ("合计", "198.8", "212.64", "106.87%"),
        ("财政拨款", "174.74", "204.67", "117.13%"),
        ("其他资金", "24.24", "7.97", "32.88%"),
    ]
    t = d.add_table(rows=len(rows), cols=4)  # the default style draws no borders
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.add_paragraph("说明：本表金额单位为万元。")
    return save_docx(d, "pdf-source-text-columns.docx")


# ---------------------------------------------------------------- xlsx
def xlsx_merged_cells() -> Path:
    wb = new_workbook()
    ws = wb.active
    ws.title = "自评表"
    ws["A1"] = "整体资金（万元）"
    ws.merge_cells("A1:D1")
    ws["A2"], ws["B2"], ws["C2"], ws["D2"] = "资金来源", "合计", 198.8, 212.64
    ws["B3"], ws["C3"], ws["D3"] = "财政拨款", 174.74, 204.67
    ws["B4"], ws["C4"], ws["D4"] = "其他资金", 24.24, 7.97
    ws.merge_cells("A2:A4")
    return save_workbook(wb, "xlsx-merged-cells.xlsx")


def xlsx_several_sheets() -> Path:
    wb = new_workbook()
    ws = wb.active
    ws.title = "部门整体"
    ws["A1"], ws["B1"] = "人员编制", 3
    ws2 = wb.create_sheet("项目表")
    ws2["B2"], ws2["C2"] = "项目名称", "妇女儿童工作经费"
    hidden = wb.create_sheet("下拉选项")
    hidden["A1"] = "优"
    hidden.sheet_state = "hidden"
    return save_workbook(wb, "xlsx-several-sheets.xlsx")


def xlsx_numbers_as_text() -> Path:
    wb = new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["项目", "全年预算数", "全年执行数", "执行率"])
    ws.append(["合计", "198.80", "212.64", "106.87%"])
    ws.append(["财政拨款", "174.74 ", "２０４.６７", "117.13%"])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.number_format = "@"
    return save_workbook(wb, "xlsx-numbers-as-text.xlsx")


def xlsx_number_formats() -> Path:
    wb = new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    rows = [
        ("percent 0.00%", 1.0687, "0.00%"),
        ("percent 0%", 0.5, "0%"),
        ("money 0.00", 204.67, "0.00"),
        ("thousands", 1234567.891, "#,##0.00"),
        ("float noise", 0.1 + 0.2, "General"),
        ("chinese general", 198.8, "G/通用格式"),
        ("integer", 10, "0"),
        ("yuan suffix", 36.3, '0.00"万元"'),
        ("negative red", -5.5, "0.00;[Red]-0.00"),
        ("zero dash", 0, '0.00;-0.00;"-"'),
        ("date", dt.datetime(2022, 3, 1), 'yyyy"年"m"月"d"日"'),
        ("rounding", 2.675, "0.00"),
    ]
    for r, (label, value, fmt) in enumerate(rows, start=1):
        ws.cell(r, 1, label)
        cell = ws.cell(r, 2, value)
        cell.number_format = fmt
    return save_workbook(wb, "xlsx-number-formats.xlsx")


def xlsx_formulas() -> Path:
    wb = new_workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["项目", "全年预算数", "全年执行数", "执行率"])
    ws.append(["财政拨款", 174.74, 204.67, "=C2/B2"])
    ws.append(["其他资金", 24.24, 7.97, "=C3/B3"])
    ws.append(["合计", "=SUM(B2:B3)", "=B2+B3-B3+C2+C3-B2", "=IFERROR(C4/B4,0)"])
    ws.append(["查表", "=VLOOKUP(A2,A2:B3,2,FALSE)", "=Sheet2!A1*2", "=C4/0"])
    for r in range(2, 5):
        ws.cell(r, 4).number_format = "0.00%"
    for r in range(2, 6):
        for c in (2, 3):
            ws.cell(r, c).number_format = "0.00"
    wb.create_sheet("Sheet2")["A1"] = 1.5
    return save_workbook(wb, "xlsx-formulas.xlsx")


def xlsx_dept_official() -> Path:
    """The seed's table typed into Excel: official layout, rates as numbers in 0.00%."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "部门整体支出绩效自评表"
    ws["A1"] = TITLE
    ws.merge_cells("A1:I1")
    ws["A1"].font = Font(name="宋体", size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    offset = 2  # the table starts on row 2
    entries = table_entries(line_breaks=False)
    n_rows = max(r + rs for r, _, _, rs, _ in entries)
    for r in range(n_rows):
        for c in range(9):
            cell = ws.cell(r + offset, c + 1)
            cell.border = border
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            cell.font = Font(name="宋体", size=10)
    for r, c, text, rs, cs in entries:
        cell = ws.cell(r + offset, c + 1)
        if isinstance(text, tuple):
            kind, value = text
            cell.value = float(value)
            cell.number_format = "0.00%" if kind == "rate" else "General"
        else:
            cell.value = text
        if rs > 1 or cs > 1:
            ws.merge_cells(
                start_row=r + offset,
                start_column=c + 1,
                end_row=r + offset + rs - 1,
                end_column=c + cs,
            )
    for c, width in enumerate([8, 10, 12, 30, 20, 30, 6, 6, 16], start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "2:2"
    return save_workbook(wb, "xlsx-dept-official.xlsx")


def xlsx_hidden() -> Path:
    """What the clerk does not see: row 5 and helper column I hidden (its 得分 is ×10)."""
    wb = new_workbook()
    ws = wb.active
    ws.title = "自评表"
    ws.append(["2023年度项目支出绩效自评表"])
    ws.append(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位"])
    ws["G2"], ws["H2"], ws["I2"], ws["J2"] = "实际完成值", "分值", "得分", None
    ws.merge_cells("I2:J2")  # the header merged over the hidden helper column and 得分
    rows = [
        ("产出指标", "数量指标", "培训人次", "≧", 200, "人次", 230, 0.2, 200, 20),
        ("产出指标", "数量指标", "旧指标（已删除）", "≧", 1, "次", 1, 0.1, 100, 10),
        ("产出指标", "质量指标", "验收合格率", "═", 100, "%", 100, 0.8, 800, 80),
    ]
    for row in rows:
        ws.append(row)
    for r in range(3, 6):
        ws.cell(r, 8).number_format = "0%"
    ws.row_dimensions[4].hidden = True
    ws.column_dimensions["I"].hidden = True
    return save_workbook(wb, "xlsx-hidden.xlsx")


# ---------------------------------------------------------------- hostile
def zip_bomb() -> Path:
    path = HERE / "zip-bomb.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:

        def add(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)

        add(
            "[Content_Types].xml",
            b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        body = b" " * (20 * 1024 * 1024)  # 20 MB of spaces inflate from ~20 KB
        add(
            "word/document.xml",
            b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            + body
            + b"</w:body></w:document>",
        )
    path.write_bytes(buf.getvalue())
    return path


def xxe_xlsx() -> Path:
    wb = new_workbook()
    wb.active["A1"] = "placeholder"
    src = save_workbook(wb, "xxe.xlsx")
    with zipfile.ZipFile(src) as zin:
        items = [(i.filename, zin.read(i)) for i in zin.infolist()]
    dtd = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        b'<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>\n'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&d;</t></si></sst>'
    )
    names = [n for n, _ in items]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items:
            if name == "xl/sharedStrings.xml":
                data = dtd
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, data)
        if "xl/sharedStrings.xml" not in names:
            info = zipfile.ZipInfo("xl/sharedStrings.xml", ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, dtd)
    src.write_bytes(buf.getvalue())
    return src


def encrypted_xlsx() -> Path:
    """A password-protected .xlsx as Office stores it: an OLE compound file holding the
    streams EncryptionInfo (agile, version 4.4) and EncryptedPackage. LibreOffice 7.4 offers
    no command-line password option, so the container is written here; the payload is
    random-looking filler, which is enough for a reader that must refuse it."""
    import hashlib
    import struct

    info_xml = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption '
        b'xmlns="http://schemas.microsoft.com/office/2006/encryption"><keyData saltSize="16" '
        b'blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" '
        b'hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>'
    )
    info = (b"\x04\x00\x04\x00\x40\x00\x00\x00" + info_xml).ljust(4096, b"\x00")
    package = b"".join(hashlib.sha256(str(i).encode()).digest() for i in range(128))  # 4096 bytes
    sector = 512

    def dir_entry(
        name: str, kind: int, left: int, right: int, child: int, start: int, size: int
    ) -> bytes:
        encoded = (name + "\x00").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\x00")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<iii", left, right, child)
            + b"\x00" * 16
            + b"\x00" * 4
            + b"\x00" * 16
            + struct.pack("<iI", start, size)
            + b"\x00" * 4
        )

    free, end, fat_sect = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    fat = [fat_sect, end] + [3, 4, 5, 6, 7, 8, 9, end] + [11, 12, 13, 14, 15, 16, 17, end]
    fat += [free] * (128 - len(fat))
    header = (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + b"\x00" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\x00" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", free) * 108
    )
    directory = (
        dir_entry("Root Entry", 5, -1, -1, 1, end - 2**32, 0)
        + dir_entry("EncryptionInfo", 2, -1, 2, -1, 2, len(info))
        + dir_entry("EncryptedPackage", 2, -1, -1, -1, 10, len(package))
        + b"\x00" * 128
    )
    data = header + struct.pack("<128I", *fat) + directory + info + package
    assert len(header) == sector and len(data) == sector * 19
    path = HERE / "encrypted.xlsx"
    path.write_bytes(data)
    return path


def scanned_pdf() -> Path:
    from PIL import Image, ImageDraw

    img = Image.new("L", (420, 300), 255)
    draw = ImageDraw.Draw(img)
    for r in range(6):  # a ruled table drawn as pixels, no text layer
        draw.line([(20, 20 + r * 40), (400, 20 + r * 40)], fill=0, width=2)
    for c in range(4):
        draw.line([(20 + c * 126, 20), (20 + c * 126, 220)], fill=0, width=2)
    path = HERE / "pdf-scanned.pdf"
    img.save(
        path, "PDF", resolution=72.0, creationDate=FIXED.timetuple(), modDate=FIXED.timetuple()
    )
    return path


def main() -> None:
    docx_merged_header()
    docx_nested()
    docx_frame_table()
    docx_numbering()
    docx_symbols()
    docx_seed()
    xlsx_merged_cells()
    xlsx_several_sheets()
    xlsx_numbers_as_text()
    xlsx_number_formats()
    xlsx_formulas()
    xlsx_dept_official()
    xlsx_hidden()
    zip_bomb()
    xxe_xlsx()
    scanned_pdf()
    encrypted_xlsx()
    if shutil.which("soffice") is None:
        print("soffice not found: .xls/.doc/.pdf/encrypted fixtures not rebuilt")
        return
    soffice(HERE / "xlsx-formulas.xlsx", "xlsx", "xlsx-formulas-cached.xlsx")
    soffice(HERE / "xlsx-merged-cells.xlsx", "xls", "xls-basic.xls")
    soffice(HERE / "xlsx-hidden.xlsx", "xls", "xls-hidden.xls")
    soffice(HERE / "docx-merged-header.docx", "doc", "doc-basic.doc")
    soffice(HERE / "docx-seed.docx", "pdf", "pdf-seed.pdf")
    long_src = docx_long_table()
    soffice(long_src, "pdf", "pdf-two-pages-repeated-header.pdf")
    long_src.unlink()
    columns_src = docx_borderless_table()
    soffice(columns_src, "pdf", "pdf-text-columns.pdf")
    columns_src.unlink()


if __name__ == "__main__":
    main()
