"""Load the web application with a region's worth of data: 2,000 units, 10 years of rounds.

    JIXIAO_DATA_DIR=/tmp/jx-bench .venv/bin/python bench/web_data.py [--units 2000] [--years 10]
    DATABASE_URL=postgres://… .venv/bin/python bench/web_data.py …

What it creates (into the database the settings select; migrations are applied first):

- one finance bureau (default 长沙市岳麓区财政局, code ``yuelu``: the same region as
  ``jixiao serve --demo``, so the demo reviewer sees the generated units too), about 40
  departments and ``--units`` units, a filler (``f0001`` …) and a head (``h0001`` …) per unit
  and a reviewer ``bench-reviewer``, all with the password :data:`PASSWORD`;
- one department round per year; in past years almost every unit's form is published, in the
  last year the states are mixed (not started, drafts, submitted, returned, accepted, published);
- every form is a realistic department self-evaluation from ``bench/forms.py`` with 0–3
  planted faults (``bench/generate.py``), its first revision, and the overview figures
  (scores, grade, execution rate, error/warning counts, finding codes) computed by the
  application's own ``Submission.refresh_metrics``.

It is fast because the forms are drawn from a pool of ``--variants`` per year (each analysed
once: the figures stored with a form are those of its own content) and everything is written
with ``bulk_create`` in one transaction: 2,000 × 10 loads in about a minute on SQLite.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

PASSWORD = "Bench#Jixiao2021"
REVIEWER = "bench-reviewer"
DEPARTMENTS = (
    "教育局", "卫生健康局", "民政局", "人力资源和社会保障局", "住房和城乡建设局", "交通运输局",
    "农业农村局", "水利局", "自然资源局", "生态环境分局", "文化旅游体育局", "科学技术局",
    "工业和信息化局", "商务局", "财政局", "审计局", "统计局", "市场监督管理局", "应急管理局",
    "司法局", "公安分局", "退役军人事务局", "医疗保障局", "城市管理局", "林业局", "档案馆",
    "机关事务中心", "发展和改革局", "政务服务中心", "融媒体中心", "妇女联合会", "总工会",
    "共青团区委", "残疾人联合会", "科学技术协会", "红十字会", "工商业联合会", "信访局",
    "行政审批服务局", "国有资产事务中心",
)  # fmt: skip
SUFFIXES = (
    "事务中心", "服务中心", "综合执法大队", "信息中心", "保障中心", "监测站",
    "培训中心", "管理所", "指导站",
)  # fmt: skip
NUMERALS = [*"一二三四五六七八九十", *(f"十{c}" for c in "一二三四五六七八九")]
# state of the last year's forms: (status, weight); None = not started
CURRENT_MIX = (
    (None, 12), ("draft", 25), ("submitted", 20), ("returned", 6), ("resubmitted", 5),
    ("accepted", 14), ("published", 18),
)  # fmt: skip


def setup(data_dir: str | None) -> None:
    if data_dir:
        os.environ["JIXIAO_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao_web.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def unit_names(n: int) -> list[tuple[str, str]]:
    """(department, unit) pairs: each department's own office first, then its agencies."""
    out = []
    for i in range(n):
        dept = DEPARTMENTS[i % len(DEPARTMENTS)]
        j = i // len(DEPARTMENTS)
        if j == 0:
            out.append((dept, f"岳麓区{dept}"))
            continue
        k, suffix = divmod(j - 1, len(SUFFIXES))
        number = (f"第{NUMERALS[k]}" if k < len(NUMERALS) else f"第{k + 1}") if k else ""
        out.append((dept, f"岳麓区{dept}{number}{SUFFIXES[suffix]}"))
    return out


def variants(year: int, count: int, rng: random.Random, round_: Any) -> list[dict[str, Any]]:
    """``count`` department forms of ``year`` with their overview figures, each analysed once."""
    import forms
    import generate

    from jixiao.serialize import dump_value, to_dict
    from jixiao_web.evaluations.models import Submission

    out = []
    for _ in range(count):
        spec = forms.department(rng, year)
        if rng.random() < 0.35:
            weaken(spec, rng)
        generate.plant(spec, "json", rng)
        content = to_dict(forms.build(spec))
        content["source"] = "表单"
        probe = Submission(round=round_)
        probe.refresh_metrics(content)
        metrics = {
            f: getattr(probe, f)
            for f in ("self_score", "computed_score", "grade", "execution_rate", "errors",
                      "warnings", "finding_codes")
        }  # fmt: skip
        out.append({"unit": spec.unit, "data": dump_value(content, indent=None), **metrics})
    return out


def weaken(spec: Any, rng: random.Random) -> None:
    """A unit that fell short: some ≥ targets reached only in part, scored in proportion."""
    from forms import money

    for ind in spec.inds:
        if ind.op != "≥" or not ind.number or ind.unit == "%" or rng.random() < 0.4:
            continue
        ratio = rng.uniform(0.3, 0.85)
        actual = money(float(ind.number) * ratio)
        if actual == actual.to_integral_value():
            actual = actual.to_integral_value()
        ind.actual, ind.actual_number = f"{actual}{ind.unit}", actual
        ind.score = (ind.weight * actual / ind.number).quantize(Decimal("0.01"))
        ind.deviation = "受项目进度和资金拨付影响，未完成年度目标，下一步将加强跟踪督办。"


def load(units: int, years: int, last_year: int, per_year: int, seed: int) -> dict[str, Any]:
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import User
    from django.db import transaction
    from django.utils import timezone

    from jixiao_web.accounts.models import Department, Membership, Region, Unit
    from jixiao_web.evaluations.models import Revision, Round, Submission

    rng = random.Random(seed)
    started = time.perf_counter()
    hashed = make_password(PASSWORD)  # once: hashing 4,000 passwords would take an hour
    now = timezone.now()
    with transaction.atomic():
        region, _ = Region.objects.get_or_create(
            code="yuelu", defaults={"name": "长沙市岳麓区财政局"}
        )
        Department.objects.bulk_create(
            [Department(region=region, name=name) for name in DEPARTMENTS], ignore_conflicts=True
        )
        depts = {d.name: d for d in Department.objects.filter(region=region)}
        names = unit_names(units)
        Unit.objects.bulk_create(
            [
                Unit(department=depts[d], name=u, code=f"{430104000 + i:09d}")
                for i, (d, u) in enumerate(names)
            ],
            ignore_conflicts=True,
            batch_size=1000,
        )
        unit_ids = dict(Unit.objects.filter(department__region=region).values_list("name", "id"))
        ordered = [unit_ids[u] for _, u in names]
        reviewer, _ = User.objects.get_or_create(
            username=REVIEWER, defaults={"last_name": "压测审核", "password": hashed}
        )
        Membership.objects.get_or_create(
            user=reviewer, defaults={"role": "reviewer", "region": region}
        )
        new_users = [
            User(username=f"{p}{i + 1:04d}", last_name=f"{label}{i + 1:04d}", password=hashed)
            for i in range(units)
            for p, label in (("f", "填报"), ("h", "负责"))
        ]
        User.objects.bulk_create(new_users, ignore_conflicts=True, batch_size=1000)
        user_ids = dict(
            User.objects.filter(username__regex=r"^[fh][0-9]{4}$").values_list("username", "id")
        )
        Membership.objects.bulk_create(
            [
                Membership(user_id=user_ids[f"{p}{i + 1:04d}"], role=role, unit_id=ordered[i])
                for i in range(units)
                for p, role in (("f", "filler"), ("h", "head"))
            ],
            ignore_conflicts=True,
            batch_size=1000,
        )
        made = 0
        for year in range(last_year - years + 1, last_year + 1):
            current = year == last_year
            rnd, created = Round.objects.get_or_create(
                region=region,
                year=year,
                kind="department",
                defaults={
                    "title": f"{year}年度部门整体支出绩效自评",
                    "deadline": date(year + 1, 4, 30)
                    if not current
                    else timezone.localdate() + timedelta(days=21),
                    "is_open": current,
                    "created_by": reviewer,
                },
            )
            pool = variants(year, per_year, rng, rnd)
            taken = set(Submission.objects.filter(round=rnd).values_list("unit_id", flat=True))
            subs: list[Submission] = []
            for i, uid in enumerate(ordered):
                if uid in taken:
                    continue
                status = (
                    rng.choices([s for s, _ in CURRENT_MIX], [w for _, w in CURRENT_MIX])[0]
                    if current
                    else ("published" if rng.random() < 0.95 else "accepted")
                )
                if status is None:
                    continue
                v = pool[rng.randrange(len(pool))]
                # past rounds were submitted and published in the spring after their year
                when = now if current else _spring(year + 1, rng)
                unit = names[i][1]
                reviewed = status in ("accepted", "published") and v["self_score"] is not None
                subs.append(
                    Submission(
                        round=rnd,
                        unit_id=uid,
                        status=status,
                        data=v["data"].replace(v["unit"], unit),  # the name in table and report
                        updated_by_id=user_ids[f"f{i + 1:04d}"],
                        submitted_at=None if status == "draft" else when,
                        published_at=when if status == "published" else None,
                        review_score=(v["self_score"] - Decimal(rng.choice((0, 0, 1, 2, 3, 5))))
                        if reviewed
                        else None,
                        **{k: v[k] for k in v if k not in ("unit", "data")},
                    )
                )
            Submission.objects.bulk_create(subs, batch_size=500)
            ids = dict(Submission.objects.filter(round=rnd).values_list("unit_id", "id"))
            Revision.objects.bulk_create(
                [
                    Revision(
                        submission_id=ids[s.unit_id],
                        number=1,
                        author_id=s.updated_by_id,
                        note="新建",
                        changes=[],
                        data=s.data,
                    )
                    for s in subs
                ],  # fmt: skip
                batch_size=500,
            )
            made += len(subs)
            print(f"  {year}: {len(subs)} 份自评", flush=True)
    return {"units": units, "submissions": made, "seconds": round(time.perf_counter() - started, 1)}


def _spring(year: int, rng: random.Random) -> datetime:
    from django.utils import timezone

    day = date(year, 3, 1) + timedelta(days=rng.randrange(90))
    return timezone.make_aware(datetime(day.year, day.month, day.day, rng.randint(8, 17)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", help="JIXIAO_DATA_DIR（SQLite 文件所在目录）")
    ap.add_argument("--units", type=int, default=2000)
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--last-year", type=int, default=2021)
    ap.add_argument("--variants", type=int, default=40, help="每年不同表格的数量")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    setup(args.data_dir)
    result = load(args.units, args.years, args.last_year, args.variants, args.seed)
    print(
        f"已生成 {result['units']} 个单位、{result['submissions']} 份自评，用时 {result['seconds']} 秒"
    )


if __name__ == "__main__":
    main()
