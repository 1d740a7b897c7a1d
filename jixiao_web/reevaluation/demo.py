"""The demo's last year (2020): both units' self-evaluations accepted after the bureau's
复核 (团委's published), and a 抽查复核 draw with one form re-scored row by row (its satisfaction row cut, with
the reason) and confirmed, so that the 抽查复核 and 历年对照 pages have something to show (the
forms are the seed's, relabelled; invented for the demo)."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone

YEAR = 2020
SEED = 2020_1207  # the demo draw's recorded seed
# unit name → (自评得分 printed, 复核得分 at the review, drawn for 抽查复核 and re-scored)
SCORES = {
    "长沙市岳麓区妇女联合会": (Decimal(98), Decimal(90), True),
    "共青团长沙市岳麓区委员会": (Decimal(100), Decimal(97), False),
}
# the re-scored rows (a word of the indicator's name → the reviewer's score and reason)
OVERRIDES = {
    "满意度": (Decimal(2), "满意度调查无原始问卷，只按座谈记录酌情给分。"),
    "主题党日": (Decimal(3), "活动记录只能证明 4 次，按可核实的场次计分。"),
    "信访维权": (Decimal(4), "信访台账缺下半年记录，按部分达成计分。"),
}


def demo_last_year(region: Any, content: dict[str, Any], users: dict[str, Any]) -> None:
    from jixiao.lifecycle import rescoring
    from jixiao.lifecycle.sampling import Rule
    from jixiao.serialize import dump_value
    from jixiao_web.accounts.models import Unit
    from jixiao_web.evaluations.models import Round, Submission
    from jixiao_web.evaluations.workflow import Status
    from jixiao_web.reevaluation.models import SampleDraw

    rnd, made = Round.objects.get_or_create(
        region=region,
        year=YEAR,
        kind="department",
        defaults={
            "title": f"{YEAR}年度部门整体支出绩效自评",
            "deadline": date(YEAR + 1, 3, 31),
            "is_open": False,
            "created_by": users["reviewer"],
        },
    )
    if not made:
        return
    for unit in Unit.objects.filter(department__region=region, name__in=SCORES):
        own, review, _ = SCORES[unit.name]
        data = copy.deepcopy(content)
        data |= {"year": YEAR, "unit": unit.name, "source": ""}
        data["total"] = {**(data.get("total") or {}), "score": own}
        s = Submission(
            round=rnd, unit=unit, data=dump_value(data, indent=None), status=Status.ACCEPTED
        )
        s.refresh_metrics(data)
        s.review_score = review
        s.grade = s.final_grade()
        s.updated_by = users["reviewer"]
        s.save()
    d = SampleDraw.make(by=users["reviewer"], round=rnd, rule=Rule(share=Decimal("0.5")), seed=SEED)
    for item in d.items.select_related("submission__unit"):
        if not SCORES[item.submission.unit.name][2]:
            continue
        overrides = {
            row.key: rescoring.Override(score, why)
            for row in item.reevaluation().rows
            for word, (score, why) in OVERRIDES.items()
            if word in row.item
        }
        item.save_rows(
            by=users["reviewer"],
            overrides=overrides,
            comment="满意度、活动场次和信访台账佐证不足。",
        )
        item.confirm(by=users["reviewer"])
    # the form no 整改 task waits on is public (the public 评价结果 page)
    rnd.submissions.exclude(unit__name=next(iter(SCORES))).update(
        status=Status.PUBLISHED, published_at=timezone.now()
    )
