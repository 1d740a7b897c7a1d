"""The PDF reader: ruled tables, tables over pages, paragraphs, scans, encryption, page limit."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from office_helpers import DATA, only_table, texts
from pypdf import PdfReader, PdfWriter

from jixiao.errors import ReadError
from jixiao.readers.office import limits, read_office
from jixiao.readers.office.pdf import SCANNED


def test_table_over_two_pages_keeps_repeated_header_and_pages() -> None:
    # pdf-two-pages-repeated-header.pdf (LibreOffice from a .docx): a heading paragraph, a
    # 4-column table of 46 indicators whose header row Word repeats on page 2, a closing line.
    doc = read_office(DATA / "pdf-two-pages-repeated-header.pdf")
    table = only_table(doc)
    grid = texts(table)
    header = ["序号", "三级指标", "年度指标值", "实际完成值"]
    assert grid[0] == header
    assert grid[1] == ["1", "指标1：开展活动情况", "≥1次", "2次"]
    repeats = [r for r, row in enumerate(grid) if row == header]
    assert len(repeats) == 2  # the header printed again at the top of page 2, kept as a row
    second = repeats[1]
    assert table.rows[second - 1][0].location.page == 1
    assert table.rows[second][0].location.page == 2
    assert table.rows[second][0].location.cell == f"表1 第{second + 1}行第1列"
    assert len(grid) == 46 + 2
    assert [row[0] for row in grid if row != header] == [str(n) for n in range(1, 47)]
    assert doc.paragraphs[0].text == "绩效指标完成情况"
    assert doc.paragraphs[0].location.page == 1
    assert doc.paragraphs[-1].text == "以上指标均已完成。"
    assert doc.layout == "pdf"


def test_scanned_pdf_needs_ocr() -> None:
    # pdf-scanned.pdf: one page holding only an image of a ruled table
    with pytest.raises(ReadError) as exc:
        read_office(DATA / "pdf-scanned.pdf")
    assert exc.value.message == SCANNED == "这是扫描件（没有文字层），需要先做文字识别(OCR)"
    assert exc.value.source.endswith("pdf-scanned.pdf")


def test_pdf_with_too_many_pages_is_refused_quickly(tmp_path: Path) -> None:
    writer = PdfWriter()
    for _ in range(limits.MAX_PDF_PAGES + 700):  # 1,000 blank pages
        writer.add_blank_page(595, 842)
    path = tmp_path / "厚.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    start = time.perf_counter()
    with pytest.raises(ReadError, match=r"PDF 页数过多（1000 页，上限 300 页）"):
        read_office(path)
    assert time.perf_counter() - start < 10


def test_pdf_with_a_user_password_is_refused(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(DATA / "pdf-two-pages-repeated-header.pdf"))
    writer.encrypt(user_password="mima", owner_password="mima", algorithm="RC4-128")
    path = tmp_path / "加密.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ReadError, match="PDF 已加密（需要密码才能打开）"):
        read_office(path)


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path) -> None:
    # printing/copying restrictions only: opens without a password, like in any viewer
    writer = PdfWriter(clone_from=PdfReader(DATA / "pdf-two-pages-repeated-header.pdf"))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "限制.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    assert texts(only_table(read_office(path)))[1][1] == "指标1：开展活动情况"


def test_truncated_pdf_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "半截.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R")
    with pytest.raises(ReadError) as exc:
        read_office(path)
    assert "PDF" in exc.value.message


def test_seed_pdf_grid_matches_the_docx_it_was_printed_from() -> None:
    # pdf-seed.pdf: docx-seed.docx printed by LibreOffice over 9 pages with narrow columns, so
    # rows break across pages (“产出指” / “标”, “绩效” / “指标”) and merged regions restart empty
    # at the top of each page. The rebuilt grid has the docx's 32 rows and the same merges;
    # text differs only where the PDF cannot tell (line breaks inside cells, leading spaces,
    # a space at a wrap point).
    pdf_table = only_table(read_office(DATA / "pdf-seed.pdf"))
    docx_table = only_table(read_office(DATA / "docx-seed.docx"))
    assert len(pdf_table.rows) == len(docx_table.rows) == 32
    differences = []
    for pdf_row, docx_row in zip(pdf_table.rows, docx_table.rows, strict=True):
        for p, d in zip(pdf_row, docx_row, strict=True):
            if (p.merged, p.row_span, p.col_span) != (d.merged, d.row_span, d.col_span):
                differences.append((p.location.cell, "merge"))
            elif p.text != d.text.replace("\n", "").strip("\u3000 ") and p.text != d.text.replace(
                "\n", ""
            ).replace(" ", ""):
                differences.append((p.location.cell, p.text))
    assert differences == []
    assert pdf_table.rows[14][1].text == "产出指标"  # joined across the page break
    assert pdf_table.rows[14][1].location.page == 1
    assert pdf_table.rows[15][3].location.page == 2


def test_table_without_ruling_lines_read_by_text_columns() -> None:
    # pdf-text-columns.pdf: a borderless 4×4 table between two paragraphs
    doc = read_office(DATA / "pdf-text-columns.pdf")
    assert texts(only_table(doc)) == [
        ["项目", "全年预算数", "全年执行数", "执行率"],
        ["合计", "198.8", "212.64", "106.87%"],
        ["财政拨款", "174.74", "204.67", "117.13%"],
        ["其他资金", "24.24", "7.97", "32.88%"],
    ]
    assert [p.text for p in doc.paragraphs] == ["项目支出绩效自评表", "说明：本表金额单位为万元。"]
    assert only_table(doc).rows[1][3].location.cell == "表1 第2行第4列"


def test_pdf_decompression_bomb_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a page whose content stream inflates from ~5 KB to 5 MB (the limit lowered to 1 MB)
    import zlib

    from pypdf.generic import NameObject, StreamObject

    monkeypatch.setattr(limits, "MAX_PDF_CONTENT_BYTES", 1024 * 1024)
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    stream = StreamObject()
    stream._data = zlib.compress(b"0 0 m\n" * (5 * 1024 * 1024 // 6), 9)
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(stream)
    path = tmp_path / "炸弹.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    assert path.stat().st_size < 50_000
    start = time.perf_counter()
    with pytest.raises(ReadError, match="PDF 第1页的内容解压后超过 1 MB，疑似“压缩炸弹”"):
        read_office(path)
    assert time.perf_counter() - start < 5


def test_undecodable_text_layer_is_not_read_as_garbage() -> None:
    # a page whose fonts lack a Unicode map: pdfminer yields “(cid:…)” and private-use chars
    from jixiao.readers.office.pdf import GARBLED, _read_pages

    class Page:
        page_obj = None  # no content streams to check
        chars = [{"text": "(cid:1234)"}] * 8 + [{"text": "\ue001"}] * 2 + [{"text": "表"}] * 2

    with pytest.raises(ReadError) as exc:
        _read_pages([Page()], "乱码.pdf")
    assert exc.value.message == GARBLED
    assert GARBLED.startswith("PDF 的文字无法解码")
