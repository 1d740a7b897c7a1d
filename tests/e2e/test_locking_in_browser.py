"""Locked approved targets in a real browser: a project self-evaluation started from the demo's
approved 2021 targets shows their names, values and weights disabled and offers no delete on
those rows; a row inserted below is the unit's own (editable); 完成值 is typed and saved."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from tests.e2e.liveserver import LiveServer
from tests.e2e.test_round_in_browser import login, logout

pytestmark = [pytest.mark.e2e]

PROJECT = "巾帼家政技能培训"  # the demo's project with approved 2021 targets


def test_self_evaluation_keeps_the_approved_targets(server: LiveServer, browser: Any) -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)
    page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 500 else None)

    login(page, server, "reviewer")
    page.goto(server.url + "/rounds/new/")
    page.fill("#id_year", "2021")
    page.select_option("#id_kind", "project")
    page.fill("#id_deadline", (date.today() + timedelta(days=5)).isoformat())
    page.locator("form button[type=submit]").last.click()
    expect(page.locator("#messages")).to_contain_text("已开启")
    logout(page)

    login(page, server, "filler")
    start = page.locator("form.new-project").first
    start.locator("input[name=project]").fill(PROJECT)
    start.locator("button").click()
    expect(page.locator("#locked-note")).to_be_visible()
    expect(page.locator("#f-ind-0-name")).to_be_disabled()
    expect(page.locator("#f-ind-0-target")).to_be_disabled()
    expect(page.locator("#f-ind-0-weight")).to_be_disabled()
    expect(page.locator("#f-ind-0-actual")).to_be_enabled()
    expect(page.locator("#row-ind-0 .row-delete")).to_have_count(0)
    expect(page.locator("#row-ind-0 .row-insert")).to_have_count(1)
    page.locator("#row-ind-0 .row-insert").click()
    expect(page.locator("#f-ind-1-name")).to_be_enabled()  # the new row is the unit's own
    expect(page.locator("#row-ind-1 .row-delete")).to_have_count(1)
    page.locator("#row-ind-1 .row-delete").click()
    page.fill("#f-ind-0-actual", "320人次")
    page.click("#save")
    expect(page.locator("#messages")).to_contain_text("已保存")
    expect(page.locator("#f-ind-0-actual")).to_have_value("320人次")
    expect(page.locator("#f-ind-0-name")).to_be_disabled()
    assert failed == []
