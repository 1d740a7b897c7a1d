"""Screenshots of the web application's main pages for the documentation, from a real browser.

    .venv/bin/python bench/web_screenshots.py [--out docs/images] [--units 60]

Starts ``jixiao serve --demo`` on a free loopback port with a fresh data directory that
``bench/web_data.py`` first fills with ``--units`` units and three years of forms (so that the
bureau's overview and the public list look like a real region), then walks the round in
headless Chromium as the users would and saves ``web-login.png``, ``web-dashboard.png``,
``web-form.png`` (the seed with its findings beside the rows), ``web-form-corrected.png``
(198.8 → 198.98 typed: the sum finding gone, not saved yet), ``web-form-grid.png`` (a row
inserted by keyboard, the row tools and suggestion list), ``web-form-1024.png`` and
``web-form-768.png`` (tablet widths), ``web-import-confirm.png``, ``web-evidence.png``,
``web-rounds.png``, ``web-review.png``, ``web-overview.png``, ``web-review-result.png`` (what
the unit sees of the review) and ``web-public.png``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.liveserver import LiveServer, browser_missing, chromium, live_server  # noqa: E402

VIEWPORT = {"width": 1440, "height": 900}


def shoot(page: Any, out: Path, name: str, **kwargs: Any) -> None:
    path = out / f"web-{name}.png"
    page.screenshot(path=str(path), **kwargs)
    print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def login(page: Any, server: LiveServer, role: str) -> None:
    username, password = server.accounts[role]
    page.goto(server.url + "/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("#login-submit")
    page.wait_for_selector("#current-user")


def logout(page: Any) -> None:
    page.click("#logout")
    page.wait_for_selector("#login-form")


def evidence_image(fmt: str) -> bytes:
    """An invented picture (a PNG photo, or the same as a one-page PDF) for the evidence shot."""
    import io

    from PIL import Image, ImageDraw

    img = Image.new("RGB", (480, 300), (236, 242, 248))
    draw = ImageDraw.Draw(img)
    draw.rectangle((20, 20, 460, 280), outline=(31, 95, 168), width=4)
    draw.ellipse((170, 90, 310, 230), fill=(200, 60, 60))
    buf = io.BytesIO()
    img.save(buf, fmt)
    return buf.getvalue()


def run_walk(walk: Any, doc: str) -> None:
    """The command line of a screenshot script (``--out``): a demo server, ``walk(server, out)``."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = ap.parse_args()
    if reason := browser_missing():
        raise SystemExit(f"无法截图：{reason}")
    args.out.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory(prefix="jixiao-shots-") as tmp,
        live_server(Path(tmp)) as server,
    ):
        walk(server, args.out)


def walk(server: LiveServer, out: Path) -> None:
    from playwright.sync_api import expect

    with chromium() as browser:
        page = browser.new_page(viewport=VIEWPORT, locale="zh-CN", device_scale_factor=1)
        page.on("dialog", lambda d: d.accept())
        page.goto(server.url + "/login/")
        page.fill("#id_username", server.accounts["filler"][0])
        shoot(page, out, "login")
        page.fill("#id_password", server.accounts["filler"][1])
        page.click("#login-submit")
        page.wait_for_selector("#current-user")
        shoot(page, out, "dashboard")

        page.locator("#rounds a[id^=open-]").first.click()
        page.set_viewport_size({"width": VIEWPORT["width"], "height": 1300})  # head + funds
        shoot(page, out, "form")
        page.set_viewport_size(VIEWPORT)
        page.fill("#f-funds-0-budget", "198.98")
        expect(page.locator("#analysis-funds-0 [data-code=JX-A001]")).to_have_count(0)
        page.evaluate("document.getElementById('sheet-funds').scrollIntoView()")
        shoot(page, out, "form-corrected")
        page.click("#save")
        page.wait_for_selector("#messages")

        # the indicator table as a spreadsheet: Ctrl+Enter inserts a row below the first
        page.focus("#f-ind-0-level1")
        page.keyboard.press("Control+Enter")
        page.keyboard.insert_text("产出")
        page.locator("#grid-keys summary").click()
        page.evaluate("document.getElementById('row-ind-0').scrollIntoView()")
        page.evaluate("window.scrollBy(0, -90)")
        shoot(page, out, "form-grid")
        page.reload()  # the inserted row is not saved
        for width in (1024, 768):
            page.set_viewport_size({"width": width, "height": 1000})
            page.evaluate("document.getElementById('sheet-indicators').scrollIntoView()")
            shoot(page, out, f"form-{width}")
        page.set_viewport_size(VIEWPORT)

        seed = ROOT / "examples" / "seed-2021-yuelu-fulian.txt"
        page.set_input_files("#import-file", seed)
        page.click("#import-submit")
        page.wait_for_selector("#import-confirm")
        shoot(page, out, "import-confirm")
        page.click("#import-cancel")

        page.click("#tab-evidence")
        pdf = Path(tempfile.mkdtemp()) / "主题党日活动台账.pdf"
        pdf.write_bytes(evidence_image("PDF"))
        photo = pdf.with_name("活动现场照片.png")
        photo.write_bytes(evidence_image("PNG"))
        page.set_input_files("#evidence-file-ind-0", [str(pdf), str(photo)])
        page.click("#evidence-upload-ind-0")
        page.wait_for_selector("#ev-ind-0 .preview img")
        page.evaluate("document.getElementById('ev-ind-0').scrollIntoView()")
        shoot(page, out, "evidence")
        logout(page)

        login(page, server, "head")
        page.locator("#rounds a[id^=open-]").first.click()
        page.click("#do-submit")
        expect(page.locator("#status")).to_have_text("已提交")
        logout(page)

        login(page, server, "reviewer")
        page.click("#nav-rounds")
        shoot(page, out, "rounds")
        page.click("#nav-dashboard")
        page.locator("#rounds a[id^=overview-]").first.click()
        page.wait_for_selector("#overview")
        shoot(page, out, "overview")
        page.fill("#overview-q", "妇女")
        page.locator("#overview-filter button").click()
        row = page.locator("#overview tbody tr", has_text="长沙市岳麓区妇女联合会")
        row.get_by_role("link", name="复核").click()
        page.fill("#review-0-score", "8")
        page.fill("#review-0-comment", "佐证材料只列了 10 次活动，按完成比例扣分。")
        page.click("#save-review")
        page.wait_for_selector("#review-0-gap:not(:empty)")
        shoot(page, out, "review")
        page.click("#do-accept")
        page.click("#do-publish")
        expect(page.locator("#status")).to_have_text("已公开")
        logout(page)

        login(page, server, "filler")  # the unit sees the bureau's 复核 and the final grade
        page.locator("#rounds a[id^=open-]").first.click()
        page.wait_for_selector("#review-result")
        shoot(page, out, "review-result")
        logout(page)

        page.goto(server.url + "/public/yuelu/")
        shoot(page, out, "public")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    ap.add_argument("--units", type=int, default=60)
    args = ap.parse_args()
    if reason := browser_missing():
        raise SystemExit(f"无法截图：{reason}")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="jixiao-shots-") as tmp:
        data = Path(tmp)
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "web_data.py"), "--data-dir", str(data),
             "--units", str(args.units), "--years", "3", "--variants", "20"],
            check=True,
        )  # fmt: skip
        with live_server(data) as server:
            walk(server, args.out)


if __name__ == "__main__":
    main()
