"""The whole round in a real browser, as the people who use it would do it.

The unit's filler imports the seed, corrects 合计 198.8 to 198.98 and watches the arithmetic
finding (合计 ≠ 财政拨款 + 其他资金) disappear without a page reload, saves; the unit's head
submits; the reviewer re-scores, comments on an indicator's row and returns; the unit corrects and resubmits; the
reviewer accepts and publishes; the public finds it and downloads the PDF.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.liveserver import LiveServer

pytestmark = [pytest.mark.e2e]

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed-2021-yuelu-fulian.txt"
UNIT = "长沙市岳麓区妇女联合会"
SUM_CODE = "JX-A001"  # 合计 is not the sum of its parts
TOTAL_BUDGET = "#f-funds-0-budget"  # 资金来源 合计 · 全年预算数
TOTAL_ROW_SIDE = "#analysis-funds-0"  # the findings beside that row
COMMENT = "请在偏差原因栏说明执行率超过100%的原因。"
CELL_COMMENT = "佐证材料只列了 10 次活动，请核实完成值。"


def test_round_from_import_to_public_pdf(server: LiveServer, browser: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)
    assert set(server.accounts) >= {"filler", "head", "reviewer"}, server.output
    page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    page.on("dialog", lambda d: d.accept())  # the 确定要…吗？ confirmations
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 500 else None)

    # -- the unit's filler: open the form, import the seed -----------------------------------
    login(page, server, "filler")
    expect(page.locator("#rounds")).to_contain_text("天")  # days left on the dashboard
    page.locator("#rounds a[id^=open-]").first.click()
    expect(page.locator("#submission-head h1")).to_contain_text(UNIT)
    page.set_input_files("#import-file", SEED)
    page.click("#import-submit")
    # the demo draft already holds typed content: the import asks before replacing it
    expect(page.locator("#import-confirm")).to_contain_text("将被")
    page.click("#import-confirmed")
    expect(page.locator("#messages")).to_contain_text(f"已导入 {SEED.name}")
    expect(page.locator(TOTAL_BUDGET)).to_have_value("198.8")
    side = page.locator(TOTAL_ROW_SIDE)
    expect(side.locator(f"[data-code={SUM_CODE}]")).to_have_count(1)
    expect(side).to_contain_text("198.98")  # the finding says what the sum should be
    errors_before = int(page.inner_text("#count-errors"))

    # -- correct 198.8 → 198.98: the finding leaves without a page reload -------------------
    page.evaluate("window.__sameDocument = true")
    page.fill(TOTAL_BUDGET, "198.98")
    expect(side.locator(f"[data-code={SUM_CODE}]")).to_have_count(0)
    expect(page.locator("#preview-status")).to_contain_text("尚未保存")
    expect(side).to_contain_text("106.87%")  # 212.64 ÷ 198.98, recomputed as typed
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"
    assert int(page.inner_text("#count-errors")) < errors_before
    expect(page.locator(f"#all-row-findings [data-code={SUM_CODE}]")).to_have_count(0)
    page.click("#save")
    expect(page.locator("#messages")).to_contain_text("已保存")
    expect(page.locator(TOTAL_BUDGET)).to_have_value("198.98")
    expect(page.locator(f"{TOTAL_ROW_SIDE} [data-code={SUM_CODE}]")).to_have_count(0)
    expect(page.locator("#do-submit")).to_have_count(0)  # submitting is the head's decision
    logout(page)

    # -- the unit's head submits --------------------------------------------------------------
    login(page, server, "head")
    page.locator("#rounds a[id^=open-]").first.click()
    page.click("#do-submit")
    expect(page.locator("#status")).to_have_text("已提交")
    expect(page.locator(TOTAL_BUDGET)).to_be_disabled()  # nobody edits a submitted form
    logout(page)

    # -- the reviewer: overview, re-score, comment, return --------------------------------------
    login(page, server, "reviewer")
    page.locator("#rounds a[id^=overview-]").first.click()
    row = page.locator("#overview tbody tr", has_text=UNIT)
    expect(row).to_contain_text("已提交")
    row.get_by_role("link", name="复核").click()
    expect(page.locator("#review-table")).to_be_visible()
    self_score = page.locator("#review-row-0 td.num").nth(1).inner_text().strip()
    reviewed = str(max(int(float(self_score)) - 1, 0))
    page.fill("#review-0-score", reviewed)
    page.fill("#review-0-comment", "完成值与佐证材料不完全一致。")
    page.click("#save-review")
    expect(page.locator("#messages")).to_contain_text("复核评分已保存")
    expect(page.locator("#review-0-gap")).not_to_be_empty()  # the gap is kept and shown
    expect(page.locator("#review-total")).not_to_have_text("—")
    page.select_option("#comment-target", "ind-0")  # a comment on the first indicator's row
    page.fill("#comment-text", CELL_COMMENT)
    page.click("#comment-submit")
    expect(page.locator("#comments")).to_contain_text(CELL_COMMENT)
    page.fill("#return-comment", COMMENT)
    page.click("#do-return")
    expect(page.locator("#status")).to_have_text("已退回")
    logout(page)

    # -- the unit sees the comment, corrects, the head resubmits ------------------------------
    login(page, server, "filler")
    page.locator("#rounds a[id^=open-]").first.click()
    expect(page.locator("#open-comments")).to_contain_text(COMMENT)
    expect(page.locator("#findings-ind-0 .comment")).to_contain_text(CELL_COMMENT)  # beside it
    deviation = page.locator("#f-ind-0-deviation")
    deviation.fill("年中追加妇女儿童关爱项目资金，执行率超过100%，已按规定办理预算调整。")
    page.click("#save")
    expect(page.locator("#messages")).to_contain_text("已保存")
    logout(page)
    login(page, server, "head")
    page.locator("#rounds a[id^=open-]").first.click()
    page.click("#do-resubmit")
    expect(page.locator("#status")).to_have_text("已重新提交")
    logout(page)

    # -- the reviewer accepts and publishes ---------------------------------------------------
    login(page, server, "reviewer")
    page.locator("#rounds a[id^=overview-]").first.click()
    page.locator("#overview tbody tr", has_text=UNIT).get_by_role("link", name="查看").click()
    page.click("#do-accept")
    expect(page.locator("#status")).to_have_text("已通过")
    page.click("#do-publish")
    expect(page.locator("#status")).to_have_text("已公开")
    logout(page)

    # -- the public: find it, download the PDF --------------------------------------------------
    page.goto(server.url + "/public/")
    page.get_by_role("link", name="长沙市岳麓区财政局").click()
    page.fill("#public-q", "妇女")
    page.locator("#public-search button").click()
    page.locator("#published tbody").get_by_role("link", name=UNIT).click()
    expect(page.locator("h1")).to_contain_text(UNIT)
    expect(page.locator(TOTAL_BUDGET)).to_have_value("198.98")
    with page.expect_download() as info:
        page.click("#download-pdf")
    pdf = tmp_path / "public.pdf"
    info.value.save_as(pdf)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF"), data[:40]
    text = pdf_text(data)
    assert UNIT in text and "198.98" in text, text[:500]
    assert not failed, failed
    page.close()


def login(page: Any, server: LiveServer, role: str) -> None:
    from playwright.sync_api import expect

    username, password = server.accounts[role]
    page.goto(server.url + "/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("#login-submit")
    expect(page.locator("#current-user")).to_be_visible()


def logout(page: Any) -> None:
    from playwright.sync_api import expect

    page.click("#logout")
    expect(page.locator("#login-form")).to_be_visible()


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", "", text)
