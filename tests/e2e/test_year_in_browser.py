"""A whole budget year for one unit in a real browser: declare targets → the bureau reviews
(a row comment) and approves → revise (request, approval, change, re-approval) → monitor →
self-evaluate from the approved targets → the bureau reviews and accepts → the round's result
→ 抽查复核 draw → re-evaluate row by row and confirm → the unit is told the result.

The rounds (targets, monitoring, self-evaluation) are opened through the services before the
browser starts: opening a round is tested elsewhere and is not the point here. Everything the
unit and the bureau do in the year is driven in the browser, waiting for elements (no
sleeps)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.liveserver import LiveServer, server_env
from tests.e2e.test_round_in_browser import login, logout

pytestmark = [pytest.mark.e2e]

ROOT = Path(__file__).resolve().parents[2]
PROJECT = "社区妇女就业技能培训"
UNIT = "长沙市岳麓区妇女联合会"

SEED_ROUNDS = """
import json, django
from datetime import timedelta
django.setup()
from django.contrib.auth.models import User
from django.utils import timezone
from jixiao_web.accounts.models import Region
from jixiao_web.evaluations.models import Round
from jixiao_web.monitoring.models import MonitoringRound
from jixiao_web.targets.models import TargetRound

region = Region.objects.get(code="yuelu")
by = User.objects.get(membership__role="reviewer", membership__region=region)
today = timezone.localdate()
year, deadline = today.year, today + timedelta(days=20)
kw = dict(by=by, region=region, year=year, deadline=deadline)
t = TargetRound.objects.filter(region=region, year=year, kind="project").first() or TargetRound.open(kind="project", **kw)
m = MonitoringRound.objects.filter(region=region, year=year).first() or MonitoringRound.open(cutoff_month=6, **kw)
r = Round.open(kind="project", title=f"{year}年度项目支出绩效自评（全年流程）", **kw)
print(json.dumps({"targets": t.pk, "monitoring": m.pk, "round": r.pk, "year": year}))
"""


def seed_rounds(server: LiveServer) -> dict[str, int]:
    out = subprocess.run(
        [sys.executable, "-c", SEED_ROUNDS],
        env=server_env(server.data_dir),
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def open_declaration(page: Any, server: LiveServer, role: str) -> None:
    """Sign in as ``role`` (after signing out whoever was signed in) and open the table."""
    if page.locator("#logout").count():
        logout(page)
    login(page, server, role)
    page.goto(server.url + "/targets/")
    page.locator("#target-declarations tr", has_text=PROJECT).get_by_role("link").first.click()


def submit_and_approve(page: Any, server: LiveServer, comment: str = "") -> None:
    """The head submits the table; the bureau (with a row comment, if given) grades it 优."""
    from playwright.sync_api import expect

    open_declaration(page, server, "head")
    page.click("#do-submit")
    expect(page.locator("#status")).to_have_text("已提交审核")
    open_declaration(page, server, "reviewer")
    if comment:
        page.select_option("#comment-row", "1")
        page.fill("#comment-text", comment)
        page.click("#comment-submit")
    page.check("#grade-1")  # 优
    page.click("#review-submit")
    expect(page.locator("#status")).to_have_text("已批复")
    logout(page)


def test_a_whole_year_for_one_unit(server: LiveServer, browser: Any) -> None:
    from playwright.sync_api import expect

    expect.set_options(timeout=20_000)
    ids = seed_rounds(server)
    page = browser.new_page(viewport={"width": 1400, "height": 900}, locale="zh-CN")
    page.on("dialog", lambda d: d.accept())
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 500 else None)

    # -- declare: the unit fills the target grid (the region's library is offered) ----------
    login(page, server, "filler")
    page.goto(server.url + "/targets/")
    page.fill(f"#target-round-{ids['targets']} input[name=project]", PROJECT)
    page.click(f"#target-start-{ids['targets']}")
    expect(page.locator("#target-head h1")).to_contain_text(PROJECT)
    expect(page.locator("#dl-library option[label^=本地区指标库]").first).to_be_attached()
    page.fill("#f-amount", "20")
    page.fill("#f-goal", "培训社区妇女 200 人次，帮助其中 60 人实现就业")
    for i, (name, target, unit, weight) in enumerate(
        [
            ("培训人次", "≥200", "人次", "40"),
            ("参训人员就业率", "≥30", "%", "30"),
            ("参训人员满意度", "≥90", "%", "20"),
        ]
    ):
        page.fill(f"#f-ind-{i}-name", name)
        page.fill(f"#f-ind-{i}-target", target)
        page.fill(f"#f-ind-{i}-measure_unit", unit)
        page.fill(f"#f-ind-{i}-weight", weight)
    page.click("#save")
    expect(page.locator("#messages")).to_contain_text("已保存")

    # -- review (a row comment) and approve ----------------------------------------------------
    submit_and_approve(page, server, comment="就业率请写明统计口径")

    # -- revise: the head asks, the bureau agrees, the unit changes a target, approved again --
    open_declaration(page, server, "head")
    page.fill("#revision-reason", "年中追加预算，培训规模扩大")
    page.click("#revision-submit")
    expect(page.locator("#revision-requests")).to_contain_text("年中追加预算")
    open_declaration(page, server, "reviewer")
    page.locator("[id^=revision-approve-]").first.click()
    expect(page.locator("#status")).to_have_text("修订中")
    open_declaration(page, server, "filler")
    page.fill("#f-ind-0-target", "≥260")
    page.click("#save")
    expect(page.locator("#messages")).to_contain_text("已保存")
    submit_and_approve(page, server)

    # -- monitor: the unit's table starts from the approved targets; the JX-R checks run live --
    login(page, server, "filler")
    page.goto(server.url + "/monitoring/")
    page.select_option(f"#monitoring-round-{ids['monitoring']} select[name=targets]", label=PROJECT)
    page.click(f"#monitoring-start-{ids['monitoring']}")
    expect(page.locator("#f-ind-0-target")).to_have_value("≥260人次")  # the revised target
    page.fill("#f-funds-0-executed", "9")
    page.fill("#f-funds-0-forecast", "20")
    for i in range(3):
        page.fill(f"#f-ind-{i}-likelihood", "确定能")
    expect(page.locator("#preview-status")).to_contain_text("已重新计算")
    page.click("#save")
    expect(page.locator("#messages")).to_contain_text("已保存")
    logout(page)
    login(page, server, "head")
    page.goto(server.url + "/monitoring/")
    page.locator("#monitoring-reports tr", has_text=PROJECT).get_by_role("link").first.click()
    page.click("#do-submit")
    expect(page.locator("#status")).to_contain_text("已报送")
    logout(page)

    # -- self-evaluate from the approved targets ----------------------------------------------
    login(page, server, "filler")
    page.fill(f"#project-{ids['round']}", PROJECT)
    page.click(f"#start-{ids['round']}")
    expect(page.locator("#submission-head h1")).to_contain_text(UNIT)
    expect(page.locator("#f-ind-0-target")).to_have_value("≥260人次")  # locked from the targets
    page.fill("#f-funds-0-budget", "20")
    page.fill("#f-funds-0-actual", "19")
    for i, (actual, score) in enumerate([("270人次", "38"), ("35%", "28"), ("93%", "18")]):
        page.fill(f"#f-ind-{i}-actual", actual)
        page.fill(f"#f-ind-{i}-score", score)
    page.click("#save")
    expect(page.locator("#messages")).to_contain_text("已保存")
    logout(page)
    login(page, server, "head")
    page.locator(f"#open-{ids['round']}-1").click()
    page.click("#do-submit")
    expect(page.locator("#status")).to_have_text("已提交")
    logout(page)

    # -- review, accept, the round's result -----------------------------------------------------
    login(page, server, "reviewer")
    page.goto(server.url + f"/rounds/{ids['round']}/overview/")
    page.locator("#overview tbody tr", has_text=UNIT).get_by_role("link", name="查看").click()
    page.click("#do-accept")
    expect(page.locator("#status")).to_have_text("已通过")
    page.goto(server.url + f"/rounds/{ids['round']}/results/")
    expect(page.locator("#results-table")).to_contain_text(UNIT)

    # -- 抽查复核: draw, re-score row by row, confirm -------------------------------------------
    page.goto(server.url + "/reevaluation/")
    page.select_option("#id_round", str(ids["round"]))
    page.fill("#id_share", "100")
    page.fill("#id_seed", "2026")
    page.locator("#id_seed").press("Enter")
    expect(page.locator("#seed")).to_have_text("2026")
    page.locator("#items a[id^=rows-]").first.click()
    expect(page.locator("#rrow-ind-1")).to_contain_text("参训人员就业率")
    page.fill("#row-ind-1-score", "10")
    page.fill("#row-ind-1-reason", "就业台账只能证明 40 人就业")
    page.click("#reeval-save")
    expect(page.locator("#messages")).to_contain_text("已保存逐行复核")
    expect(page.locator("#rrow-ind-1")).to_have_class(re.compile(r"\boverridden\b"))
    page.click("#reeval-confirm")
    expect(page.locator("#reeval-confirmed")).to_contain_text("已于")
    total = page.inner_text("#reeval-total strong")
    logout(page)

    # -- the unit is told --------------------------------------------------------------------
    login(page, server, "filler")
    expect(page.locator("#sampled-notices")).to_contain_text("抽查复核已完成")
    expect(page.locator("#sampled-notices")).to_contain_text(total)
    assert not failed, failed
    page.close()
