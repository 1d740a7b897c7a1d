"""Screenshots of the year's other stages for docs/web.md, from a real browser.

    .venv/bin/python bench/web_screenshots_stages.py [--out docs/images]

Starts ``jixiao serve --demo`` (the demo's approved 2021 targets and monitoring table) and
saves ``web-targets.png`` (a project's targets typed in the grid, a JX-T finding beside its
row, the indicator library's suggestions) and ``web-monitoring.png`` (the demo's 1–6月
monitoring table with its lights and findings).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.web_screenshots import VIEWPORT, login, run_walk, shoot  # noqa: E402
from tests.e2e.liveserver import LiveServer, chromium  # noqa: E402


def walk(server: LiveServer, out: Path) -> None:
    from playwright.sync_api import expect

    with chromium() as browser:
        page = browser.new_page(viewport={**VIEWPORT, "height": 1100}, locale="zh-CN", device_scale_factor=1)
        page.on("dialog", lambda d: d.accept())
        login(page, server, "filler")
        page.click("#nav-targets")
        page.locator("#target-rounds input[name=project]").first.fill("社区儿童之家运营")
        page.locator("#target-rounds button[id^=target-start-]").first.click()
        page.fill("#f-amount", "45")
        page.fill("#f-goal", "全年运营 12 个社区儿童之家，开展课后托管和亲子活动")
        rows = (
            ("儿童之家运营个数", "≥", "12", "个", "30"),
            ("维护社会稳定", "", "≥95%", "", "30"),
            ("服务对象满意度", "≥", "90", "%", "20"),
        )
        for i, (name, nature, target, unit, weight) in enumerate(rows):
            page.fill(f"#f-ind-{i}-name", name)
            page.fill(f"#f-ind-{i}-nature", nature)
            page.fill(f"#f-ind-{i}-target", target)
            page.fill(f"#f-ind-{i}-measure_unit", unit)
            page.fill(f"#f-ind-{i}-weight", weight)
        expect(page.locator("#analysis-ind-1 [data-code=JX-T002]")).to_have_count(1)
        page.evaluate("document.getElementById('sheet-header').scrollIntoView()")
        shoot(page, out, "targets")
        page.goto(server.url + "/monitoring/")
        page.locator("#monitoring-reports a").first.click()
        page.wait_for_selector("#light-execution")
        shoot(page, out, "monitoring")


def main() -> None:
    run_walk(walk, __doc__ or "")


if __name__ == "__main__":
    main()
