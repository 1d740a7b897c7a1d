"""The indicator table as a spreadsheet, in a real browser: a 30-row table typed with the
keyboard alone (no reload, one save, one new version), rows moved and deleted by key, a block
pasted from Excel/WPS, and the page back at the same cell after Ctrl+S."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.liveserver import LiveServer
from tests.e2e.test_round_in_browser import login

pytestmark = [pytest.mark.e2e]

ROWS = 30


def typed_row(n: int) -> list[str]:
    """一级, 二级, 三级, 指标性质 (blank: the target's sign), 年度指标值, 实际完成值, 分值, 得分, 偏差."""
    return ["产出指标", "数量指标", f"培训班次{n}", "", f"≥{n}次", f"{n}次", "3", "3", ""]


def test_thirty_rows_by_keyboard_then_paste(server: LiveServer, browser: Any) -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=20_000)
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page.on("dialog", lambda d: d.accept())
    login(page, server, "filler")
    page.locator("#rounds a[id^=open-]").first.click()
    expect(page.locator("#evaluation-form")).to_be_visible()
    version = int(page.input_value("#f-version"))
    page.evaluate("window.__sameDocument = true")
    kb = page.keyboard

    # keep one row: Alt+Delete removes the row the cursor is in, right away
    page.focus("#f-ind-0-level1")
    while int(page.input_value("#ind-count")) > 1:
        kb.press("Alt+Delete")
    expect(page.locator("#sheet-indicators tr[id^=row-ind-]")).to_have_count(1)

    # 30 rows: Tab across, Enter back to the first column of the next row (added on the last)
    for n in range(1, ROWS + 1):
        for j, value in enumerate(typed_row(n)):
            if j:
                kb.press("Tab")
            kb.press("Control+a")
            kb.press("Delete")
            if value:
                kb.insert_text(value)
        if n < ROWS:
            kb.press("Enter")
    expect(page.locator("#sheet-indicators tr[id^=row-ind-]")).to_have_count(ROWS)
    assert page.input_value("#ind-count") == str(ROWS)
    assert page.input_value(f"#f-ind-{ROWS - 1}-name") == f"培训班次{ROWS}"
    assert page.input_value("#f-ind-17-target") == "≥18次"

    # Alt+↑ moves the last row up one; Enter never submitted anything
    kb.press("Alt+ArrowUp")
    assert page.input_value(f"#f-ind-{ROWS - 2}-name") == f"培训班次{ROWS}"
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded"
    assert int(page.input_value("#f-version")) == version  # nothing saved yet
    expect(page.locator("#preview-status")).to_contain_text("尚未保存")
    expect(page.locator(f"#analysis-ind-{ROWS - 1} .computed")).to_contain_text("计算得分")

    # Ctrl+S: one save, one new version, and back at the same cell
    focused = page.evaluate("document.activeElement.id")
    kb.press("Control+s")
    expect(page.locator("#messages")).to_contain_text("已保存")
    assert int(page.input_value("#f-version")) == version + 1
    expect(page.locator("#sheet-indicators tr[id^=row-ind-]")).to_have_count(ROWS)
    # the new page puts the focus back once its script has run (after the message is shown)
    page.wait_for_function("id => document.activeElement && document.activeElement.id === id", arg=focused)
    assert page.evaluate("window.scrollY") > 300  # not thrown back to the top
    assert page.input_value(f"#f-ind-{ROWS - 2}-name") == f"培训班次{ROWS}"
    assert page.input_value(f"#f-ind-{ROWS - 1}-name") == f"培训班次{ROWS - 1}"

    # a block copied from a spreadsheet: two rows of the official 8 columns (no 指标性质)
    block = (
        "效益指标\t社会效益指标\t妇女维权知晓率\t≥90%\t92%\t5\t5\t\r\n"
        '满意度指标\t服务对象满意度指标\t"参训妇女\n满意度"\t≥95%\t93%\t5\t4\t样本偏少\r\n'
    )
    page.focus(f"#f-ind-{ROWS - 1}-level1")
    page.evaluate(
        """([sel, text]) => {
            const dt = new DataTransfer();
            dt.setData("text/plain", text);
            document.querySelector(sel).dispatchEvent(
                new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true}));
        }""",
        [f"#f-ind-{ROWS - 1}-level1", block],
    )
    assert page.input_value("#ind-count") == str(ROWS + 1)  # the second line added a row
    assert page.input_value(f"#f-ind-{ROWS - 1}-name") == "妇女维权知晓率"
    assert page.input_value(f"#f-ind-{ROWS - 1}-nature") == ""  # skipped: not in the block
    assert page.input_value(f"#f-ind-{ROWS - 1}-target") == "≥90%"
    assert page.input_value(f"#f-ind-{ROWS}-name") == "参训妇女\n满意度"
    assert page.input_value(f"#f-ind-{ROWS}-score") == "4"
    assert page.input_value(f"#f-ind-{ROWS}-deviation") == "样本偏少"
    expect(page.locator("#preview-status")).to_contain_text("尚未保存")
    page.click("#save")
    expect(page.locator("#messages")).to_contain_text("已保存")
    assert page.input_value(f"#f-ind-{ROWS}-target") == "≥95%"
    assert page.input_value("#ind-count") == str(ROWS + 1)
    page.close()
