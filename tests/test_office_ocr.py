"""OCR misreadings repaired in office files' cells as in text files (a scanned form saved as
Word or Excel, a PDF's text layer from OCR): ``IO`` → 10, ``1O`` → 10, ``万兀`` → 万元, with a
reading note; words with Latin letters are left alone."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
from openpyxl import Workbook

from jixiao import read
from jixiao.readers import read_office_document

HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]
ROWS = [
    ["产出指标", "数量指标", "服务老人人次", "≥12OO人次", "135O人次", "IO", "IO"],
    ["产出指标", "质量指标", "IOT设备接入率", "100%", "98%", "3O", "29"],
    ["效益指标", "社会效益指标", "老人满意度", "≥90%", "95%", "60", "58"],
]


def _xlsx(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["2023年度项Fl支出绩效自评表"])
    ws.append(["项目名称", "社区养老服务补助"])
    ws.append(["项目", "全年预算数（万兀）", "全年执行数", "执行率"])
    ws.append(["年度资金总额", "1OO", "9O", "90.00%"])
    ws.append(HEAD)
    for row in ROWS:
        ws.append(row)
    wb.save(path)
    return path


def test_cells_of_a_sheet_are_repaired(tmp_path):
    e = read(_xlsx(tmp_path / "scan.xlsx"))
    first, second, _ = e.indicators
    assert (first.target.text, first.actual.text) == ("≥1200人次", "1350人次")
    assert (first.weight.value, first.score.value, second.weight.value) == (
        Decimal("10"),
        Decimal("10"),
        Decimal("30"),
    )
    assert second.name.text == "IOT设备接入率"  # a word, not a misread figure
    total = e.funds[0]
    assert (total.budget.value, total.actual.value) == (Decimal("100"), Decimal("90"))
    note = next(n for n in e.notes if "识别错误" in n)
    assert "IO→10" in note and "Sheet" in note


def test_paragraphs_and_cells_of_a_word_file_are_repaired(tmp_path):
    d = docx.Document()
    d.add_paragraph("2023年度项目支出绩效自评表（金额单位：万兀）")
    table = d.add_table(rows=len(ROWS) + 1, cols=len(HEAD))
    for r, row in enumerate([HEAD, *ROWS]):
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    d.save(str(tmp_path / "scan.docx"))
    doc = read_office_document(tmp_path / "scan.docx")
    assert doc.blocks[0].text == "2023年度项目支出绩效自评表（金额单位：万元）"
    assert [c.text for c in doc.tables[0].rows[1]][3:] == ["≥1200人次", "1350人次", "10", "10"]
    assert any("识别错误" in n and "段落1" in n for n in doc.notes)


def test_a_clean_file_is_left_as_it_is(tmp_path):
    wb = Workbook()
    wb.active.append(["IOT设备", "O2O平台", "10"])
    wb.save(tmp_path / "clean.xlsx")
    doc = read_office_document(tmp_path / "clean.xlsx")
    assert [c.text for c in doc.tables[0].rows[0]] == ["IOT设备", "O2O平台", "10"]
    assert not any("识别错误" in n for n in doc.notes)


def test_a_page_mark_inside_a_cell_is_dropped(tmp_path):
    """A name a page break cut inside its cell (``服务老人\n第 2 页\n人次``) joins again."""
    wb = Workbook()
    ws = wb.active
    ws.append(["2023年度项目支出绩效自评表"])
    ws.append(HEAD)
    ws.append(["产出指标", "数量指标", "服务老人\n第 2 页\n人次", "≥1200人次", "1350人次", 50, 50])
    ws.append(["效益指标", "社会效益指标", "老人满意度", "≥90%", "95%", 50, 48])
    wb.save(tmp_path / "cut.xlsx")
    e = read(tmp_path / "cut.xlsx")
    assert e.indicators[0].name.text == "服务老人人次"


def test_figures_misread_before_their_point():
    from jixiao.textnorm import repair_ocr

    assert repair_ocr("O.00")[0] == "0.00"
    assert repair_ocr("l.06万元")[0] == "1.06万元"
    assert repair_ocr("12OO人次")[0] == "1200人次"
    assert repair_ocr("v1.0 O2O")[0] == "v1.0 O2O"
