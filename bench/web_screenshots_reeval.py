"""Screenshots of 抽查复核 and 历年对照 for docs/web.md, from a real browser.

    .venv/bin/python bench/web_screenshots_reeval.py [--out docs/images]

Starts ``jixiao serve --demo`` (its 2020 forms accepted after review and the 抽查复核 draw
with one form re-scored) and saves ``web-reevaluation.png`` (the draw: rule, seed, strata,
the re-scored form marked 自评不实) and ``web-years.png`` (妇联's years side by side and the
region's score inflation with its charts).
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
            viewport={**VIEWPORT, "height": 1000}, locale="zh-CN", device_scale_factor=1
        )
        login(page, server, "reviewer")
        page.click("#nav-reeval")
        page.locator("#draws a").first.click()
        page.wait_for_selector("#items .untrue")
        shoot(page, out, "reevaluation")
        page.click("#nav-years")
        page.select_option("#unit-pick select", label="长沙市岳麓区妇女联合会")
        page.click("#unit-pick button")
        page.wait_for_selector("#inflation svg")
        shoot(page, out, "years", full_page=True)


def main() -> None:
    run_walk(walk, __doc__ or "")


if __name__ == "__main__":
    main()
