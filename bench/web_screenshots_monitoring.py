"""Screenshots of 部门整体 monitoring and its evidence for docs/web.md, from a real browser.

    .venv/bin/python bench/web_screenshots_monitoring.py [--out docs/images]

Starts ``jixiao serve --demo``; the bureau opens a 2021 部门整体 monitoring round, the unit
fills its table (pre-filled from the demo's approved 部门整体 targets) and attaches evidence.
Saves ``web-monitoring-department.png`` (the table with its red light and a JX-R finding
beside its row, before the cause is typed), ``web-monitoring-evidence.png`` (the bureau's view
of the reported table: 重点监控, the 整改 form and the evidence, a photo previewed) and
``web-monitoring-list.png`` (the bureau's list, 重点监控 and red first).
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.web_screenshots import VIEWPORT, evidence_image, login, logout, run_walk, shoot  # noqa: E402
from tests.e2e.liveserver import LiveServer, chromium  # noqa: E402

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def walk(server: LiveServer, out: Path) -> None:
    from playwright.sync_api import expect

    with chromium() as browser:
        page = browser.new_page(viewport={**VIEWPORT, "height": 1100}, locale="zh-CN", device_scale_factor=1)
        page.on("dialog", lambda d: d.accept())
        login(page, server, "reviewer")
        page.goto(server.url + "/monitoring/rounds/new/")
        page.fill("#id_year", "2021")
        page.select_option("#id_kind", "department")
        page.fill("#id_cutoff_month", "8")
        page.fill("#id_deadline", (date.today() + timedelta(days=30)).isoformat())
        page.click("#monitoring-round-submit")
        logout(page)

        login(page, server, "filler")
        page.click("#nav-monitoring")
        page.locator("#monitoring-rounds button", has_text="填报部门整体监控表").click()
        page.fill("#f-funds-0-executed", "60")
        page.fill("#f-funds-0-forecast", "185")
        page.fill("#f-ind-0-progress", "已完成年度任务的四成")
        page.fill("#f-ind-0-forecast", "完成八成")
        page.fill("#f-ind-0-likelihood", "有可能")
        page.fill("#f-ind-1-likelihood", "确定能")
        expect(page.locator("#analysis-ind-0 [data-code=JX-R001]")).to_have_count(1)
        shoot(page, out, "monitoring-department")
        page.fill("#f-ind-0-cause", "人员保障：专职人员不足")
        page.fill("#f-ind-0-remedy", "下半年增配兼职人员，按月调度进度")
        page.click("#save")
        expect(page.locator("#messages")).to_contain_text("已保存")
        for target, name, data, mime in (
            ("ind-0", "工作台账（1–8月）.pdf", PDF, "application/pdf"),
            ("funds-0", "资金支付明细.png", evidence_image("PNG"), "image/png"),
        ):
            page.select_option("#evidence-target", target)
            page.set_input_files("#evidence-file", files=[{"name": name, "mimeType": mime, "buffer": data}])
            page.click("#evidence-upload")
            expect(page.locator("#messages")).to_contain_text("已上传")
        logout(page)

        login(page, server, "head")
        page.click("#nav-monitoring")
        page.locator("#monitoring-reports tr", has_text="部门整体").locator("a").click()
        page.click("#do-submit")
        expect(page.locator("#status")).to_have_text("已报送")
        logout(page)

        login(page, server, "reviewer")
        page.click("#nav-monitoring")
        page.locator("#monitoring-reports tr", has_text="部门整体").locator("a").click()
        page.fill("#key-reason", "预算执行滞后，金额大")
        page.click("#key-on")
        page.wait_for_selector("#key-project")
        page.locator("#evidence details.preview summary").first.click()  # the photo, previewed
        page.fill("#rectify-requirement", "9月底前补齐专职人员并报送进度")
        shoot(page, out, "monitoring-evidence", full_page=True)
        page.click("#nav-monitoring")
        page.wait_for_selector("#monitoring-reports")
        shoot(page, out, "monitoring-list")


def main() -> None:
    run_walk(walk, __doc__ or "")


if __name__ == "__main__":
    main()
