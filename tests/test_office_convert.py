"""Formats read through LibreOffice (.doc, .wps, .et …), and the message when it is absent."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from office_helpers import DATA, only_table, texts

from jixiao.errors import ReadError
from jixiao.readers.office import read_office
from jixiao.readers.office.convert import find_soffice


@pytest.mark.slow
@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice not installed")
def test_doc_is_converted_and_read_like_the_docx() -> None:
    # doc-basic.doc: docx-merged-header.docx saved as Word 97 by LibreOffice
    doc = read_office(DATA / "doc-basic.doc")
    assert doc.layout == "doc"
    assert texts(only_table(doc)) == texts(
        only_table(read_office(DATA / "docx-merged-header.docx"))
    )
    assert only_table(doc).rows[2][3].location.cell == "表1 第3行第4列"
    assert doc.source == str(DATA / "doc-basic.doc")  # the user's file, not the temporary copy
    assert doc.notes == ("已通过 LibreOffice 转换为 .docx 后读取",)


def test_clear_message_when_libreoffice_is_absent(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIXIAO_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(ReadError) as exc:
        read_office(DATA / "doc-basic.doc")
    assert exc.value.message.startswith("读取此类文档需要 LibreOffice，但本机未安装")


def test_encrypted_doc_refused_without_libreoffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # set fEncrypted in the FIB of doc-basic.doc's WordDocument stream (it starts on a sector
    # boundary with the magic 0xA5EC)
    monkeypatch.setenv("JIXIAO_SOFFICE", "/nonexistent/soffice")
    data = bytearray((DATA / "doc-basic.doc").read_bytes())
    fib = next(off for off in range(512, len(data), 512) if data[off : off + 2] == b"\xec\xa5")
    data[fib + 0x0B] |= 0x01
    path = tmp_path / "加密.doc"
    path.write_bytes(bytes(data))
    with pytest.raises(ReadError, match="Word 文档已加密"):
        read_office(path)


def fake_soffice(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(0o755)
    return script


def test_conversion_timeout_kills_libreoffice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jixiao.readers.office import limits

    monkeypatch.setenv("JIXIAO_SOFFICE", str(fake_soffice(tmp_path, "sleep 30")))
    monkeypatch.setattr(limits, "SOFFICE_TIMEOUT_SECONDS", 1)
    start = time.perf_counter()
    with pytest.raises(ReadError, match=r"LibreOffice 转换超时（超过 1 秒）"):
        read_office(DATA / "doc-basic.doc")
    assert time.perf_counter() - start < 10


def test_failed_conversion_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(
        "JIXIAO_SOFFICE",
        str(fake_soffice(tmp_path, "echo 'Error: source file could not be loaded' >&2; exit 1")),
    )
    with pytest.raises(ReadError) as exc:
        read_office(DATA / "doc-basic.doc")
    assert exc.value.message == (
        "LibreOffice 无法转换此文档（文件可能已损坏、已加密或格式不受支持）：Error: source file could not be loaded"
    )
