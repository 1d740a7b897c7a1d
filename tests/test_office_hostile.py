"""Hostile and broken files are refused with a Chinese message naming the file, quickly."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from office_helpers import DATA

from jixiao.errors import ReadError
from jixiao.readers.office import limits, read_office


def refused(path: Path) -> ReadError:
    start = time.perf_counter()
    with pytest.raises(ReadError) as exc:
        read_office(path)
    assert time.perf_counter() - start < 5, "refusal must not take long"
    assert exc.value.source == str(path)
    return exc.value


def test_zip_bomb_refused_from_the_directory() -> None:
    # zip-bomb.docx: word/document.xml declares 20 MB inflating from ~20 KB
    err = refused(DATA / "zip-bomb.docx")
    assert "疑似“压缩炸弹”" in err.message and "word/document.xml" in err.message


def test_sum_of_uncompressed_sizes_is_limited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_UNCOMPRESSED_BYTES", 10_000)
    err = refused_copy(DATA / "docx-merged-header.docx", tmp_path)
    assert "解压后总大小过大" in err.message


def refused_copy(src: Path, tmp_path: Path) -> ReadError:
    path = tmp_path / src.name
    path.write_bytes(src.read_bytes())
    return refused(path)


def test_entity_expansion_refused() -> None:
    # xxe.xlsx: xl/sharedStrings.xml declares nested entities (“billion laughs”)
    err = refused(DATA / "xxe.xlsx")
    assert "xl/sharedStrings.xml" in err.message and "实体" in err.message


def test_external_entity_in_docx_refused(tmp_path: Path) -> None:
    src = DATA / "docx-merged-header.docx"
    path = tmp_path / "xxe.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(
                    b"?>", b'?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>', 1
                )
            zout.writestr(info, data)
    assert "XXE" in refused(path).message


def test_encrypted_xlsx_refused() -> None:
    # encrypted.xlsx: an OLE container with EncryptionInfo + EncryptedPackage, as Office saves it
    err = refused(DATA / "encrypted.xlsx")
    assert err.message.startswith("文件已加密（设置了打开密码）")


def test_enormous_sheet_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a worksheet of 120,000 written cells; the limit (500,000) lowered to keep the test quick
    monkeypatch.setattr(limits, "MAX_SHEET_CELLS", 100_000)
    rows = "".join(
        f'<row r="{r}">' + "".join(f'<c r="{col}{r}"><v>{r}</v></c>' for col in "ABCDEF") + "</row>"
        for r in range(1, 20_001)
    )
    sheet = f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>'
    path = tmp_path / "大表.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
    err = refused(path)
    assert "工作表过大（超过 100000 个单元格）" in err.message


def test_sheet_rows_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_SHEET_ROWS", 3)
    err = refused_copy(DATA / "xlsx-merged-cells.xlsx", tmp_path)
    assert "工作表“自评表”过大（超过 3 行" in err.message


def test_truncated_docx_refused(tmp_path: Path) -> None:
    data = (DATA / "docx-merged-header.docx").read_bytes()
    path = tmp_path / "半截.docx"
    path.write_bytes(data[: len(data) // 2])
    assert "压缩包结构已损坏" in refused(path).message


def test_corrupt_part_refused(tmp_path: Path) -> None:
    data = bytearray((DATA / "xlsx-merged-cells.xlsx").read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + 5
    data[start : start + 40] = b"\xff" * 40  # damage the compressed stream
    path = tmp_path / "坏.xlsx"
    path.write_bytes(bytes(data))
    assert "已损坏" in refused(path).message


def test_text_file_named_docx_refused(tmp_path: Path) -> None:
    path = tmp_path / "假的.docx"
    path.write_text("部门整体支出绩效自评表\n", encoding="utf-8")
    assert (
        refused(path).message
        == "扩展名为 .docx，但内容不是 Office 文档（文件可能已损坏，或只是改了扩展名）"
    )


def test_zip_that_is_not_office_refused(tmp_path: Path) -> None:
    path = tmp_path / "照片.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("photo.jpg", b"\xff\xd8\xff")
    assert refused(path).message == "这是一个压缩包，但不是 Word（.docx）或 Excel（.xlsx）文档"


def test_workbook_named_docx_is_read_as_workbook(tmp_path: Path) -> None:
    path = tmp_path / "表.docx"
    path.write_bytes((DATA / "xlsx-merged-cells.xlsx").read_bytes())
    doc = read_office(path)
    assert doc.layout == "xlsx"
    assert doc.notes == ("扩展名为 .docx，但内容是 Excel 工作簿，已按 Excel 读取",)


def test_pdf_named_xlsx_is_read_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "表.xlsx"
    path.write_bytes((DATA / "pdf-two-pages-repeated-header.pdf").read_bytes())
    doc = read_office(path)
    assert doc.layout == "pdf"
    assert doc.notes[-1] == "扩展名为 .xlsx，但内容是 PDF，已按 PDF 读取"


def test_missing_and_oversized_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ReadError, match="文件不存在"):
        read_office(tmp_path / "没有.docx")
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    assert refused_copy(DATA / "xlsx-merged-cells.xlsx", tmp_path).message.startswith("文件过大")


def test_truncated_xls_refused(tmp_path: Path) -> None:
    data = (DATA / "xls-basic.xls").read_bytes()
    path = tmp_path / "半截.xls"
    path.write_bytes(data[:1536])  # the OLE header and a little more
    err = refused(path)
    assert "已损坏" in err.message


@pytest.mark.parametrize("name", ["表.docx", "表.doc", "表.xls", "表.pdf", "表.wps"])
def test_picture_under_an_office_name_refused_as_a_picture(tmp_path: Path, name: str) -> None:
    # a photo of the printed form, saved as .doc: say so instead of “damaged” or a
    # LibreOffice error
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    message = refused(path).message
    assert message.startswith("这是一张图片（PNG）") and "OCR" in message


def test_damaged_xls_sheets_are_refused_not_crashed(tmp_path: Path) -> None:
    # .xls sheets load on demand, so a damaged sheet used to fail after the workbook opened,
    # with xlrd's own KeyError/struct.error instead of one Chinese line naming the file
    import random

    data = (DATA / "xls-basic.xls").read_bytes()
    rng = random.Random(1)
    for case in range(400):
        spoilt = bytearray(data)
        at = rng.randrange(len(spoilt))
        junk = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
        spoilt[at : at + len(junk)] = junk  # overwritten in place: the structure stays plausible
        path = tmp_path / f"{case}.xls"
        path.write_bytes(bytes(spoilt))
        try:
            read_office(path)
        except ReadError as exc:
            assert f"{case}.xls" in str(exc)
