"""``jixiao serve --demo``: a demo region with the bundled seed as a unit's draft and one user per role.

The unit's 2021 targets (the example target table written for the seed) are approved, so
the seed's self-evaluation is checked against them (JX-L…); next year's project targets
are open for declaration."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

SEED = Path(__file__).resolve().parent.parent / "examples" / "seed-2021-yuelu-fulian.txt"
TARGETS = SEED.parent / "lifecycle" / "target-2021-yuelu-fulian.txt"


@dataclass(frozen=True)
class DemoUser:
    username: str
    name: str
    role: str


DEMO_USERS = (
    DemoUser("tianbao", "张填报", "filler"),
    DemoUser("fuze", "李负责", "head"),
    DemoUser("shenhe", "王审核", "reviewer"),
    DemoUser("guanli", "赵管理", "admin"),
)


def demo_results(region: Any, unit: Any, users: dict[str, Any], seed: Path) -> None:
    from jixiao_web.results.demo import demo_results as load

    load(region, unit, users, seed)


def load_demo(seed: Path = SEED) -> list[tuple[DemoUser, str]]:
    """Create (or refresh) the demo data; returns the users with their passwords.

    The passwords are new on every run (the admin is a superuser: a password printed in
    the source would open any server started with ``--demo`` on a network)."""
    import jixiao
    from jixiao.serialize import to_dict
    from jixiao_web.accounts.models import Department, Membership, Region, Unit
    from jixiao_web.evaluations.models import Round, Submission

    with transaction.atomic():
        region, _ = Region.objects.get_or_create(
            code="yuelu", defaults={"name": "长沙市岳麓区财政局"}
        )
        dept, _ = Department.objects.get_or_create(region=region, name="岳麓区群团组织")
        unit, _ = Unit.objects.get_or_create(department=dept, name="长沙市岳麓区妇女联合会")
        Unit.objects.get_or_create(department=dept, name="共青团长沙市岳麓区委员会")
        users = {}
        passwords = {d.username: secrets.token_urlsafe(12) for d in DEMO_USERS}
        for d in DEMO_USERS:
            user, _ = User.objects.get_or_create(username=d.username)
            user.last_name = d.name
            user.set_password(passwords[d.username])
            user.is_staff = user.is_superuser = d.role == "admin"
            user.save()
            scope = (
                {"unit": unit, "region": None}
                if d.role in ("filler", "head")
                else {"unit": None, "region": region}
            )
            Membership.objects.update_or_create(user=user, defaults={"role": d.role, **scope})
            users[d.role] = user
        demo_targets(region, unit, users)
        rnd = Round.objects.filter(region=region, year=2021, kind="department").first()
        if rnd is None:
            rnd = Round.open(
                by=users["reviewer"],
                region=region,
                year=2021,
                kind="department",
                deadline=timezone.localdate() + timedelta(days=30),
            )
        if not Submission.objects.filter(round=rnd, unit=unit).exists():
            content = to_dict(jixiao.read(seed))
            content["source"] = seed.name
            content["unit"] = content.get("unit") or unit.name
            Submission.start(by=users["filler"], round=rnd, content=content)
            from jixiao_web.reevaluation.demo import demo_last_year

            demo_last_year(region, content, users)  # 2020: accepted forms, a 抽查复核 draw
        demo_results(region, unit, users, seed)
    return [(d, passwords[d.username]) for d in DEMO_USERS]


def demo_targets(region: Any, unit: Any, users: dict[str, Any]) -> None:
    """The unit's approved 2021 targets (graded 良) and next year's open declaration round."""
    from jixiao.lifecycle import TargetTable, read_stage_file
    from jixiao.lifecycle.serialize import stage_dict
    from jixiao.serialize import dump_value
    from jixiao_web.targets.models import Status, TargetDeclaration, TargetRound

    past, _ = TargetRound.objects.get_or_create(
        region=region,
        year=2021,
        kind="department",
        defaults={
            "title": "2021年度部门整体支出绩效目标申报",
            "deadline": date(2020, 10, 31),
            "is_open": False,
            "created_by": users["reviewer"],
        },
    )
    if not TargetDeclaration.objects.filter(round=past, unit=unit).exists():
        table = next(t for t in read_stage_file(TARGETS) if isinstance(t, TargetTable))
        data = stage_dict(table)
        data["source"] = TARGETS.name
        for row in data["indicators"]:
            row.pop("location", None)
        text, now = dump_value(data, indent=None), timezone.now()
        d = TargetDeclaration(
            round=past,
            unit=unit,
            data=text,
            status=Status.APPROVED,
            grade="良",
            review_comment="经与单位协商，信访维权等定性指标补充可核验的标准后批复。",
            reviewed_by=users["reviewer"],
            reviewed_at=now,
            approved_data=text,
            approved_at=now,
            published_at=now,  # the public 绩效目标 page shows it
            updated_by=users["filler"],
        )
        d.refresh_metrics(data)
        d.save()
    demo_monitoring(region, unit, users)
    demo_library(region, users)
    year = timezone.localdate().year + 1
    if not TargetRound.objects.filter(region=region, year=year, kind="project").exists():
        TargetRound.open(
            by=users["reviewer"],
            region=region,
            year=year,
            kind="project",
            deadline=timezone.localdate() + timedelta(days=30),
        )


# the bureau's own library for its region (invented entries of the usual shape)
LIBRARY = [
    ("产出指标", "数量指标", "妇女儿童之家阵地建设数量", "≥", "个", "年度内新建或提质改造并验收的妇女儿童之家数量。"),
    ("效益指标", "社会效益指标", "家庭矛盾纠纷调处成功率", "≥", "%", "调处成功的家庭矛盾纠纷件数 ÷ 受理件数 × 100%。"),
    ("满意度指标", "服务对象满意度指标", "帮扶对象满意度", "≥", "%", "问卷调查中满意、较满意份数 ÷ 有效问卷份数 × 100%。"),
]


def demo_library(region: Any, users: dict[str, Any]) -> None:
    from jixiao_web.targets.models import LibraryEntry

    if LibraryEntry.objects.filter(region=region).exists():
        return
    for level1, level2, name, nature, unit, explanation in LIBRARY:
        LibraryEntry.add(
            by=users["reviewer"],
            region=region,
            values={"level1": level1, "level2": level2, "name": name, "nature": nature,
                    "unit": unit, "explanation": explanation},
        )  # fmt: skip


def demo_monitoring(region: Any, unit: Any, users: dict[str, Any]) -> None:
    """A 2021 project with approved targets and its 1–6月 monitoring table, reported with
    lagging spending and one doubtful indicator (red and yellow lights). Invented figures."""
    from jixiao.serialize import dump_value
    from jixiao_web.monitoring.layout import prefilled
    from jixiao_web.monitoring.models import MonitoringReport, MonitoringRound
    from jixiao_web.monitoring.models import Status as MonitoringStatus
    from jixiao_web.targets import layout
    from jixiao_web.targets.models import Status, TargetDeclaration, TargetRound

    project = "巾帼家政技能培训"
    tround, _ = TargetRound.objects.get_or_create(
        region=region,
        year=2021,
        kind="project",
        defaults={"title": "2021年度项目支出绩效目标申报", "deadline": date(2020, 10, 31), "is_open": False},
    )
    targets = TargetDeclaration.objects.filter(round=tround, unit=unit, project=project).first()
    if targets is None:
        table = layout.blank("project", 2021, unit.name, project)
        table |= {"amount": 30, "goal": "培训城乡妇女家政技能 300 人次，促进就业"}
        table["indicators"] = [
            {"level1": "产出指标", "level2": "数量指标", "name": "培训人次", "nature": "≥", "target": "300",
             "measure_unit": "人次", "weight": 30},
            {"level1": "效益指标", "level2": "社会效益指标", "name": "参训人员就业率", "nature": "≥",
             "target": "60", "measure_unit": "%", "weight": 30},
            {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "参训人员满意度", "nature": "≥",
             "target": "90", "measure_unit": "%", "weight": 30},
        ]  # fmt: skip
        text, now = dump_value(table, indent=None), timezone.now()
        targets = TargetDeclaration(
            round=tround, unit=unit, project=project, data=text, status=Status.APPROVED, grade="优",
            reviewed_by=users["reviewer"], reviewed_at=now, approved_data=text, approved_at=now,
        )  # fmt: skip
        targets.refresh_metrics(table)
        targets.save()
    mround, _ = MonitoringRound.objects.get_or_create(
        region=region,
        year=2021,
        kind="project",
        defaults={"cutoff_month": 6, "title": "2021年度项目支出绩效运行监控（1–6月）",
                  "deadline": date(2021, 7, 31), "is_open": False},
    )  # fmt: skip
    if not MonitoringReport.objects.filter(round=mround, unit=unit, project=project).exists():
        content = prefilled(targets.approved_content or {}, mround.cutoff_month)
        content["funds"][0] |= {"executed": 6, "forecast": 24}
        for row, (progress, likelihood) in zip(
            content["indicators"], (("80人次", "有可能"), ("—", "确定能"), ("—", "确定能")), strict=True
        ):
            row |= {"progress": progress, "forecast": row["target"], "likelihood": likelihood}
        report = MonitoringReport(
            round=mround, unit=unit, targets=targets, project=project, status=MonitoringStatus.SUBMITTED,
            data=dump_value(content, indent=None), updated_by=users["head"],
        )  # fmt: skip
        report.refresh_metrics(content)
        report.save()
