"""Monitoring in a real browser: the bureau opens a 部门整体 monitoring round; the unit fills
the 1–N月 execution, forecast, likelihood, cause and measure (required unless 确定能: the
finding comes and goes live), attaches evidence and submits; the bureau sees the red light at
the top of its list, marks the table for 重点监控 and sends a 整改 request; the unit answers with
its result and evidence and reports again."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from tests.e2e.liveserver import LiveServer
from tests.e2e.test_round_in_browser import login, logout

pytestmark = [pytest.mark.e2e]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_monitor_mark_rectify_answer(server: LiveServer, browser: Any) -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)
    page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    page.on("dialog", lambda d: d.accept())
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 500 else None)

    # the bureau opens a 部门整体 round for the year the demo unit's targets were approved
    login(page, server, "reviewer")
    page.click("#nav-monitoring")
    page.click("#monitoring-round-new")
    page.fill("#id_year", "2021")
    page.select_option("#id_kind", "department")
    page.fill("#id_cutoff_month", "6")
    page.fill("#id_deadline", (date.today() + timedelta(days=30)).isoformat())
    page.click("#monitoring-round-submit")
    expect(page.locator("#messages")).to_contain_text("已开启“2021年度部门整体支出绩效运行监控（1–6月）”")
    logout(page)

    # the unit fills its table, pre-filled from the approved 部门整体 targets
    login(page, server, "filler")
    page.click("#nav-monitoring")
    page.locator("#monitoring-rounds button", has_text="填报部门整体监控表").click()
    expect(page.locator("h1")).to_contain_text("部门整体")
    expect(page.locator("#f-ind-0-name")).to_be_disabled()  # the approved indicator, not typed
    page.fill("#f-funds-0-executed", "1")  # far behind half the year
    page.fill("#f-funds-0-forecast", "1")
    page.fill("#f-ind-0-progress", "完成约三成")
    page.fill("#f-ind-0-forecast", "完成八成")
    page.fill("#f-ind-0-likelihood", "有可能")
    # 有可能 without cause and measure: JX-R001 beside the row, live and unsaved
    expect(page.locator("#analysis-ind-0 [data-code=JX-R001]")).to_have_count(1)
    expect(page.locator("#light-execution")).to_have_class("light light-红")
    page.fill("#f-ind-0-cause", "人员保障：专职人员不足")
    page.fill("#f-ind-0-remedy", "下半年增配兼职人员，按月调度")
    expect(page.locator("#analysis-ind-0 [data-code=JX-R001]")).to_have_count(0)
    page.click("#save")
    expect(page.locator("#messages")).to_contain_text("已保存")
    page.select_option("#evidence-target", "ind-0")
    page.set_input_files(
        "#evidence-file", files=[{"name": "工作台账.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.click("#evidence-upload")
    expect(page.locator("#messages")).to_contain_text("已上传佐证材料“工作台账.pdf”")
    expect(page.locator("#evidence .evidence-name", has_text="工作台账.pdf")).to_have_count(1)
    logout(page)

    login(page, server, "head")
    page.click("#nav-monitoring")
    page.locator("#monitoring-reports tr", has_text="部门整体").locator("a").click()
    page.click("#do-submit")
    expect(page.locator("#status")).to_have_text("已报送")
    logout(page)

    # the bureau: red first, then 重点监控 puts it at the top; a 整改 request sends it back
    login(page, server, "reviewer")
    page.click("#nav-monitoring")
    first = page.locator("#monitoring-reports tbody tr").first
    expect(first.locator("td.light").first).to_have_class("light light-红")
    page.locator("#monitoring-reports tr", has_text="部门整体").locator("a").click()
    expect(page.locator("#evidence .evidence-name", has_text="工作台账.pdf")).to_have_count(1)
    with page.expect_download() as download:
        page.locator("#evidence a[id^=mevidence-download-]").first.click()
    assert download.value.suggested_filename == "工作台账.pdf"
    page.fill("#key-reason", "预算执行严重滞后")
    page.click("#key-on")
    expect(page.locator("#key-project")).to_contain_text("预算执行严重滞后")
    page.select_option("#rectify-index", "0")
    page.fill("#rectify-requirement", "9月底前补齐专职人员并报送进度")
    page.click("#rectify-submit")
    expect(page.locator("#status")).to_have_text("退回整改")
    page.click("#nav-monitoring")
    first = page.locator("#monitoring-reports tbody tr").first
    expect(first).to_contain_text("部门整体")
    expect(first).to_contain_text("重点监控")
    logout(page)

    # the unit answers the request, with evidence, and reports again
    login(page, server, "head")
    page.click("#nav-monitoring")
    page.locator("#monitoring-reports tr", has_text="部门整体").locator("a").click()
    expect(page.locator("#f-ind-0-rectify_requirement")).to_have_value("9月底前补齐专职人员并报送进度")
    page.fill("#f-ind-0-rectify_result", "已招聘兼职专干2名，9月进度报送财政局")
    page.click("#save")
    expect(page.locator("#messages")).to_contain_text("已保存")
    page.select_option("#evidence-target", "ind-0")
    page.set_input_files(
        "#evidence-file", files=[{"name": "整改报告.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    page.click("#evidence-upload")
    expect(page.locator("#evidence .evidence-name", has_text="整改报告.pdf")).to_have_count(1)
    page.click("#do-submit")
    expect(page.locator("#status")).to_have_text("已报送")
    assert not failed, failed
