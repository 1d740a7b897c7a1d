"""Screenshots of the results stage for docs/web.md, from a real browser.

    .venv/bin/python bench/web_screenshots_results.py [--out docs/images]

Starts ``jixiao serve --demo`` (the demo's re-scored and accepted 2020 self-evaluation, its
round's budget-linkage table and one 整改 task) and saves ``web-results.png`` (the bureau's
results of the round with the next-year proposal and the linkage table) and
``web-rectification.png`` (the 整改 task the unit has fed back on, as the bureau sees it).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.web_screenshots import VIEWPORT, login, run_walk, shoot  # noqa: E402
from tests.e2e.liveserver import LiveServer, chromium  # noqa: E402


def walk(server: LiveServer, out: Path) -> None:
    with chromium() as browser:
        page = browser.new_page(
            viewport={**VIEWPORT, "height": 1100}, locale="zh-CN", device_scale_factor=1
        )
        login(page, server, "reviewer")
        page.click("#nav-results")
        page.locator("#results-rounds a[id^=results-open-]").last.click()  # the 2020 round
        page.wait_for_selector("#results-table")
        shoot(page, out, "results", full_page=True)
        page.locator("#results-table td a[href^='/k/']").first.click()
        page.wait_for_selector("#task-facts")
        shoot(page, out, "rectification")


def main() -> None:
    run_walk(walk, __doc__ or "")


if __name__ == "__main__":
    main()
