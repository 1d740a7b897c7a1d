"""佐证材料 in a real browser: the unit attaches a PDF and a photo to an indicator row and sees
them previewed; the head submits; the reviewer sees them beside the row, previews them and
asks for more evidence on another row; the unit sees the request after the return."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.liveserver import LiveServer
from tests.e2e.test_round_in_browser import login, logout

pytestmark = [pytest.mark.e2e]

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def photo(path: Path) -> Path:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (320, 200), (40, 120, 200)).save(buf, "PNG")
    path.write_bytes(buf.getvalue())
    return path


def test_evidence_upload_and_review(server: LiveServer, browser: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=20_000)
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page.on("dialog", lambda d: d.accept())
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 500 else None)
    ledger = tmp_path / "活动台账.pdf"
    ledger.write_bytes(PDF)
    fake = tmp_path / "伪装.pdf"
    fake.write_bytes(b"MZ\x90\x00 this is a program")

    login(page, server, "filler")
    page.locator("#rounds a[id^=open-]").first.click()
    page.click("#ev-link-ind-0")  # beside the first indicator row
    expect(page.locator("#ev-ind-0")).to_be_visible()
    page.set_input_files(
        "#evidence-file-ind-0", [str(ledger), str(photo(tmp_path / "现场照片.png"))]
    )
    page.click("#evidence-upload-ind-0")
    expect(page.locator("#messages")).to_contain_text("已上传佐证材料“活动台账.pdf”")
    row = page.locator("#ev-ind-0")
    expect(row.locator(".evidence-name")).to_have_count(2)
    image = row.locator(".preview img")
    expect(image).to_be_visible()
    assert page.evaluate("(img) => img.naturalWidth", image.element_handle()) == 320
    page.set_input_files("#evidence-file-ind-0", str(fake))
    page.click("#evidence-upload-ind-0")
    expect(page.locator("#messages")).to_contain_text("文件内容与扩展名“.pdf”不符")
    expect(row.locator(".evidence-name")).to_have_count(2)
    page.click("#tab-form")
    expect(page.locator("#ev-link-ind-0")).to_have_text("佐证材料 2 份")
    logout(page)

    login(page, server, "head")
    page.locator("#rounds a[id^=open-]").first.click()
    page.click("#do-submit")
    expect(page.locator("#status")).to_have_text("已提交")
    logout(page)

    login(page, server, "reviewer")
    page.locator("#rounds a[id^=overview-]").first.click()
    page.locator("#overview tbody tr", has_text="妇女联合会").get_by_role(
        "link", name="查看"
    ).click()
    page.click("#ev-link-ind-0")
    row = page.locator("#ev-ind-0")
    expect(row.locator(".evidence-name")).to_have_count(2)
    row.locator("details.preview summary").click()
    frame = row.locator("details.preview iframe")
    expect(frame).to_be_visible()
    with page.expect_response(
        lambda r: "/evidence/" in r.url and r.request.method == "GET"
    ) as info:
        page.reload()  # the PDF preview is served inline to the reviewer
    with page.expect_download() as download:
        page.click("#evidence-zip")
    zipped = tmp_path / "all.zip"
    download.value.save_as(zipped)
    import zipfile

    assert sorted(zipfile.ZipFile(zipped).namelist()) == [
        "指标第1行/活动台账.pdf",
        "指标第1行/现场照片.png",
    ]
    page.fill("#ev-ind-1 input[name=text]", "请附满意度调查问卷及汇总表")
    page.click("#evidence-ask-ind-1")
    expect(page.locator("#ev-ind-1")).to_contain_text("审核人要求补充")
    page.click("#tab-form")
    page.fill("#return-comment", "请补充佐证材料")
    page.click("#do-return")
    expect(page.locator("#status")).to_have_text("已退回")
    logout(page)

    login(page, server, "filler")
    page.locator("#rounds a[id^=open-]").first.click()
    expect(page.locator("#ev-link-ind-1")).to_have_text("需补充佐证材料")
    expect(page.locator("#open-comments")).to_contain_text("请附满意度调查问卷及汇总表")
    assert info.value.status == 200
    assert not failed, failed
    page.close()
