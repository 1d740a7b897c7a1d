"""One base test case with personas, and the small form data the tests use.

Region 岳麓 (yuelu): unit 妇联 with a filler and a head, a second unit 团委 with its own head
(an outsider to 妇联's forms), a reviewer and an administrator. Region 天心 (tianxin): a
reviewer who must see nothing of 岳麓.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.test import TestCase

from jixiao_web.accounts.models import Department, Membership, Region, Role, Unit
from jixiao_web.evaluations import layout
from jixiao_web.evaluations.models import Round, Submission

PASSWORD = "Ce-shi-mi-ma-2021"

# 整体资金 as in the seed: 合计 198.8 is a typo for 174.74 + 24.24 = 198.98
SEED_FUNDS = [
    ("198.8", "212.64", "106.87"),
    ("174.74", "204.67", "117.13"),
    ("24.24", "7.97", "32.88"),
    ("174.74", "204.67", "117.13"),
    ("131.32", "139.37", "106.13"),
    ("118.47", "127.63", "107.73"),
    ("12.85", "11.74", "91.36"),
    ("43.42", "65.3", "150.39"),
]


def small_form(unit: str = "长沙市岳麓区妇女联合会") -> dict[str, Any]:
    d = layout.blank("department", 2021, unit)
    for row, (budget, actual, rate) in zip(d["funds"], SEED_FUNDS, strict=True):
        row["budget"], row["actual"], row["rate"] = Decimal(budget), Decimal(actual), Decimal(rate)
    d["staff"] = {"authorized": 3, "actual": 4}
    d["indicators"] = [
        {
            "level1": "产出指标",
            "level2": "数量指标",
            "name": "主题党日活动次数",
            "target": "≥12次",
            "actual": "12次",
            "weight": Decimal(50),
            "score": Decimal(50),
        },
        {
            "level1": "满意度指标",
            "level2": "服务对象满意度指标",
            "name": "妇女群众满意度",
            "target": "≥95%",
            "actual": "96%",
            "weight": Decimal(40),
            "score": Decimal(40),
        },
    ]
    d["total"] = {"weight": Decimal(100), "score": Decimal(100)}
    return d


class Personas:
    """Personas: filler, head (unit 妇联), other_head (unit 团委), reviewer, admin (岳麓),
    far_reviewer (天心), nobody (no role); a round of 岳麓 and 妇联's draft in it."""

    @classmethod
    def make_personas(cls) -> None:
        cls.region = Region.objects.create(code="yuelu", name="长沙市岳麓区财政局")
        cls.far_region = Region.objects.create(code="tianxin", name="长沙市天心区财政局")
        dept = Department.objects.create(region=cls.region, name="区委")
        cls.unit = Unit.objects.create(department=dept, name="长沙市岳麓区妇女联合会")
        cls.other_unit = Unit.objects.create(department=dept, name="共青团长沙市岳麓区委员会")
        cls.filler = cls.person("filler", Role.FILLER, unit=cls.unit)
        cls.head = cls.person("head", Role.HEAD, unit=cls.unit)
        cls.other_head = cls.person("other_head", Role.HEAD, unit=cls.other_unit)
        cls.reviewer = cls.person("reviewer", Role.REVIEWER, region=cls.region)
        cls.admin = cls.person("admin", Role.ADMIN, region=cls.region)
        cls.far_reviewer = cls.person("far_reviewer", Role.REVIEWER, region=cls.far_region)
        cls.nobody = User.objects.create_user("nobody", password=PASSWORD)
        cls.round = Round.objects.create(
            region=cls.region,
            year=2021,
            kind="department",
            title="2021年度部门整体支出绩效自评",
            deadline=date.today() + timedelta(days=10),
        )
        cls.submission = Submission.start(by=cls.filler, round=cls.round, content=small_form())

    @staticmethod
    def person(
        username: str, role: Role, unit: Unit | None = None, region: Region | None = None
    ) -> User:
        user = User.objects.create_user(username, password=PASSWORD, last_name=username)
        Membership.objects.create(user=user, role=role, unit=unit, region=region)
        return user

    def s(self) -> Submission:  # the submission, fresh from the database
        return Submission.objects.get(pk=self.submission.pk)

    def move_to(self, status: str) -> Submission:
        """Walk the submission along the workflow to ``status`` (through the model)."""
        path = {
            "draft": [],
            "submitted": [("submit", self.head)],
            "returned": [("submit", self.head), ("return", self.reviewer)],
            "resubmitted": [
                ("submit", self.head),
                ("return", self.reviewer),
                ("resubmit", self.head),
            ],
            "accepted": [("submit", self.head), ("accept", self.reviewer)],
            "published": [
                ("submit", self.head),
                ("accept", self.reviewer),
                ("publish", self.reviewer),
            ],
        }[status]
        s = self.s()
        for name, user in path:
            s.transition(name, by=user, comment="请核对资金合计" if name == "return" else "")
        return self.s()


class WebTestCase(Personas, TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.make_personas()
