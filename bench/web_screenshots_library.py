"""Screenshots of the indicator library, 抽查复核 row by row and the public pages of the new
stages for docs/web.md, from a real browser.

    .venv/bin/python bench/web_screenshots_library.py [--out docs/images]

Starts ``jixiao serve --demo`` and saves ``web-library.png`` (the bureau's library for its
region beside the region's most used indicators), ``web-library-picker.png`` (the target grid
of next year's project round with the library opened, each name labelled by its source),
``web-reeval-rows.png`` (妇联's 2020 form re-scored row by row: the library's score of each
row, the overridden rows with their reasons, the gaps, 自评不实, confirmed),
``web-public-targets.png`` (a published approved target table) and ``web-public-results.png``
(the region's published results).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.web_screenshots import VIEWPORT, login, logout, run_walk, shoot  # noqa: E402
from tests.e2e.liveserver import LiveServer, chromium  # noqa: E402


def walk(server: LiveServer, out: Path) -> None:
    with chromium() as browser:
        page = browser.new_page(
            viewport={**VIEWPORT, "height": 1000}, locale="zh-CN", device_scale_factor=1
        )
        page.on("dialog", lambda d: d.accept())
        login(page, server, "reviewer")
        page.goto(server.url + "/targets/library/")
        page.wait_for_selector("#library-entries")
        shoot(page, out, "library", full_page=True)
        page.click("#nav-reeval")
        page.locator("#draws a").first.click()
        page.locator("#items a[id^=rows-]").first.click()
        page.wait_for_selector("#rows tr.overridden")
        shoot(page, out, "reeval-rows", full_page=True)
        logout(page)

        login(page, server, "filler")
        page.click("#nav-targets")
        page.locator("#target-rounds input[name=project]").first.fill("家庭教育指导服务")
        page.locator("#target-rounds button[id^=target-start-]").first.click()
        page.wait_for_selector("#indicator-library")
        page.click("#indicator-library summary")
        page.locator("#indicator-library").scroll_into_view_if_needed()
        shoot(page, out, "library-picker")
        logout(page)

        page.goto(server.url + "/public/yuelu/targets/")
        page.locator("#published-targets a").first.click()
        page.wait_for_selector("#public-target-indicators")
        shoot(page, out, "public-targets", full_page=True)
        page.goto(server.url + "/public/yuelu/results/?year=2020")
        page.wait_for_selector("#public-results")
        shoot(page, out, "public-results")


def main() -> None:
    run_walk(walk, __doc__ or "")


if __name__ == "__main__":
    main()
