"""The demo's results (``jixiao serve --demo``): the unit's 2020 self-evaluation, re-scored by
the bureau and accepted, the round's budget-linkage table as decided, and one 整改 task on it
that the unit has fed back on."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any


def demo_results(region: Any, unit: Any, users: dict[str, Any], seed: Path) -> None:
    from jixiao.lifecycle.linkage import DEFAULT_TABLE, table_to_data
    from jixiao_web.evaluations.models import Round, Submission
    from jixiao_web.results.models import LinkageDecision, RectificationTask

    rnd, _ = Round.objects.get_or_create(
        region=region,
        year=2020,
        kind="department",
        defaults={
            "title": "2020年度部门整体支出绩效自评（演示：已复核）",
            "deadline": date(2021, 3, 31),
            "is_open": False,
            "created_by": users["reviewer"],
        },
    )
    s = Submission.objects.filter(round=rnd, unit=unit).first()
    if s is None:  # (the 抽查复核 demo may have made last year's forms already)
        s = _reviewed(rnd, unit, users, seed)
    if not LinkageDecision.objects.filter(round=rnd).exists():
        LinkageDecision.decide(
            by=users["reviewer"],
            round=rnd,
            data=table_to_data(DEFAULT_TABLE),
            reason="（演示）按区政府常务会议确定的挂钩办法：评为“中”的压减 10%。",
        )
    if not RectificationTask.objects.filter(submission=s).exists():
        task = RectificationTask.issue(
            by=users["reviewer"],
            submission=s,
            source="复核意见：佐证材料不足，按完成情况的一半计分",
            requirement="补齐 2020 年各项活动的签到表、照片和经费支出凭证，说明资金合计与分项不一致的原因。",
        )
        task.respond(by=users["filler"], feedback="本月内补齐台账并由财务核对合计。")


def _reviewed(rnd: Any, unit: Any, users: dict[str, Any], seed: Path) -> Any:
    """The unit's form of that round, re-scored by the bureau and accepted."""
    import jixiao
    from jixiao.serialize import dump_value, to_dict
    from jixiao_web.evaluations.models import Submission
    from jixiao_web.evaluations.workflow import Status

    content = to_dict(jixiao.read(seed))
    content["source"] = seed.name
    s = Submission(
        round=rnd, unit=unit, data=dump_value(content, indent=None), updated_by=users["filler"]
    )
    s.refresh_metrics(content)
    s.save()
    Submission.objects.filter(pk=s.pk).update(status=Status.SUBMITTED)
    s.refresh_from_db()
    rows = content.get("indicators") or []
    scores = {
        i: (Decimal(str(row["score"])) / 2, "佐证材料不足，按完成情况的一半计分")
        for i, row in enumerate(rows[:6])
        if row.get("score") not in (None, "")
    }
    s.save_review_scores(by=users["reviewer"], scores=scores)
    s.transition("accept", by=users["reviewer"])
    return s
