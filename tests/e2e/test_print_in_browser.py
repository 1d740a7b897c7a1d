"""Ctrl+P of 自评表 prints the official table only: no findings, tools, navigation or panel,
and the seed's form, every text cell whole, fits on 8 A4 pages (it took 12, with
checkboxes and text cut at the cell)."""

from __future__ import annotations

import io
import re
import unicodedata
from typing import Any

import pytest

from tests.e2e.liveserver import LiveServer
from tests.e2e.test_round_in_browser import login

pytestmark = [pytest.mark.e2e]


def test_print_is_the_official_table(server: LiveServer, browser: Any) -> None:
    from pypdf import PdfReader

    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    login(page, server, "filler")
    page.locator("#rounds a[id^=open-]").first.click()
    page.wait_for_selector("#evaluation-form")
    page.wait_for_load_state("load")  # the print handlers are set up once the scripts have run
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    # the PDF's text comes with Kangxi-radical code points for some characters: NFKC folds them
    raw = "".join(p.extract_text() or "" for p in reader.pages)
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", raw))
    assert len(reader.pages) <= 8, len(reader.pages)  # A4, every text whole (was 12, cut)
    assert "绩效指标" in text and "全年预算数" in text  # the table is there
    for noise in ("JX-", "计算得分", "隐藏问题栏", "导入已有文件", "佐证材料", "键盘操作"):
        assert noise not in text, noise
    # a long answer is printed whole, not cut at the screen's height
    long_actual = page.input_value("#f-ind-2-actual")
    assert unicodedata.normalize("NFKC", re.sub(r"\s+", "", long_actual))[-8:] in text
    page.close()
