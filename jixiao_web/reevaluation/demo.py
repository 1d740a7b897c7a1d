"""The demo's last year (2020): both units' self-evaluations accepted after the bureau's
复核, and a 抽查复核 draw with one form re-scored, so that the 抽查复核 and 历年对照 pages have
something to show (the forms are the seed's, relabelled; invented for the demo)."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from typing import Any

YEAR = 2020
SEED = 2020_1207  # the demo draw's recorded seed
# unit name → (自评得分 printed, 复核得分 at the review, 抽查复核得分 or None)
SCORES = {
    "长沙市岳麓区妇女联合会": (Decimal(98), Decimal(90), Decimal(84)),
    "共青团长沙市岳麓区委员会": (Decimal(100), Decimal(97), None),
}


def demo_last_year(region: Any, content: dict[str, Any], users: dict[str, Any]) -> None:
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
        again = SCORES[item.submission.unit.name][2]
        if again is not None:
            item.rescore(by=users["reviewer"], score=again, comment="满意度调查无原始问卷，酌减。")
