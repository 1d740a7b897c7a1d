"""Targets in a real browser: the unit declares a project's targets in the grid and sees a
target-table finding arrive beside its row while typing; the head submits; the bureau grades
优 and the targets are approved (frozen)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.liveserver import LiveServer
from tests.e2e.test_round_in_browser import login, logout

pytestmark = [pytest.mark.e2e]


def test_declare_review_approve(server: LiveServer, browser: Any) -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)
    page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    page.on("dialog", lambda d: d.accept())
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 500 else None)

    login(page, server, "filler")
    page.click("#nav-targets")
    page.locator("#target-rounds input[name=project]").first.fill("巾帼技能培训")
    page.locator("#target-rounds button[id^=target-start-]").first.click()
    expect(page.locator("#target-head h1")).to_contain_text("巾帼技能培训")
    page.fill("#f-goal", "培训城乡妇女 300 人次，提升就业技能")
    page.fill("#f-ind-0-name", "培训人次")
    page.fill("#f-ind-0-target", "≥300")
    page.fill("#f-ind-0-measure_unit", "人次")
    page.fill("#f-ind-0-weight", "40")
    page.fill("#f-ind-1-name", "维护社会稳定")
    page.fill("#f-ind-1-target", "≥95%")
    page.fill("#f-ind-1-weight", "30")
    page.fill("#f-ind-2-name", "参训人员满意度")
    page.fill("#f-ind-2-target", "≥90%")
    page.fill("#f-ind-2-weight", "20")
    # the live analysis puts JX-T002 (a vague name with a percentage) beside its row, unsaved
    expect(page.locator("#analysis-ind-1 [data-code=JX-T002]")).to_have_count(1)
    expect(page.locator("#preview-status")).to_contain_text("已重新计算")
    page.click("#save")
    expect(page.locator("#messages")).to_contain_text("已保存")
    logout(page)

    login(page, server, "head")
    page.click("#nav-targets")
    page.locator("#target-declarations a", has_text="长沙市岳麓区妇女联合会").first.click()
    page.click("#do-submit")
    expect(page.locator("#status")).to_have_text("已提交审核")
    logout(page)

    login(page, server, "reviewer")
    page.click("#nav-targets")
    page.locator("#target-declarations a").first.click()
    page.check("#grade-1")  # 优
    page.click("#review-submit")
    expect(page.locator("#status")).to_have_text("已批复")
    expect(page.locator("#approved-note")).to_contain_text("冻结")
    assert not failed, failed
