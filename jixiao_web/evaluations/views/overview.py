"""The bureau's overview of a round: every unit, sortable, filterable, searchable, charts, .xlsx."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from jixiao_web.accounts.models import Unit
from jixiao_web.evaluations import charts
from jixiao_web.evaluations.access import Need, get_round
from jixiao_web.evaluations.exports import overview_xlsx
from jixiao_web.evaluations.models import Round, Submission
from jixiao_web.evaluations.workflow import VISIBLE_TO_BUREAU, Status

# column key → heading (the overview table, its sort links and the .xlsx export)
COLUMNS = {
    "unit": "单位",
    "department": "主管部门",
    "status_label": "状态",
    "self_score": "自评得分",
    "computed_score": "计算得分",
    "review_score": "复核得分",
    "gap": "差值",
    "grade": "等级",
    "execution_rate": "执行率(%)",
    "errors": "错误",
    "warnings": "警告",
    "updated": "更新时间",
}
SORTS = frozenset(COLUMNS) - {"status_label"} | {"status"}
NOT_STARTED = "not_started"
PAGE_SIZE = 100  # rows on screen; counts, average and charts cover every row


def _rows(r: Round, request: HttpRequest) -> tuple[list[dict[str, Any]], dict[str, str]]:
    q = request.GET.get("q", "").strip()
    status = request.GET.get("status", "")
    sort = request.GET.get("sort", "unit")
    desc = sort.startswith("-")
    # plain values, not model instances: 2,000 units × 3 models would cost more than the page
    subs = Submission.objects.filter(round=r).values(
        "id",
        "unit_id",
        "status",
        "self_score",
        "computed_score",
        "review_score",
        "grade",
        "execution_rate",
        "errors",
        "warnings",
        "updated_at",
    )
    by_unit = {s["unit_id"]: s for s in subs}
    units = Unit.objects.filter(department__region_id=r.region_id)
    if q:
        units = units.filter(name__icontains=q) | units.filter(department__name__icontains=q)
    rows = []
    for unit_id, unit_name, department in units.values_list("id", "name", "department__name"):
        s = by_unit.get(unit_id)
        st = s["status"] if s else NOT_STARTED
        if status and st != status:
            continue
        seen = s if s is not None and s["status"] in VISIBLE_TO_BUREAU else None
        rows.append(
            {
                "submission": {"pk": seen["id"]} if seen else None,
                "unit": unit_name,
                "department": department,
                "status": st,
                "status_label": Status(st).label if st != NOT_STARTED else "未开始",
                "self_score": seen["self_score"] if seen else None,
                "computed_score": seen["computed_score"] if seen else None,
                "review_score": seen["review_score"] if seen else None,
                "gap": (seen["review_score"] - seen["self_score"])
                if seen and seen["review_score"] is not None and seen["self_score"] is not None
                else None,
                "grade": seen["grade"] if seen else "",
                "execution_rate": seen["execution_rate"] if seen else None,
                "errors": seen["errors"] if seen else None,
                "warnings": seen["warnings"] if seen else None,
                "updated": timezone.localtime(s["updated_at"]).strftime("%Y-%m-%d %H:%M")
                if s
                else "",
            }
        )
    field = sort.lstrip("-") if sort.lstrip("-") in SORTS else "unit"
    present = [x for x in rows if x[field] not in (None, "")]
    absent = [x for x in rows if x[field] in (None, "")]
    present.sort(key=lambda x: x[field], reverse=desc)
    return present + absent, {"q": q, "status": status, "sort": sort}


@require_GET
@login_required
def overview(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_round(request.user, pk, Need.REVIEW)
    rows, params = _rows(r, request)
    scored = [x["review_score"] if x["review_score"] is not None else x["self_score"] for x in rows]
    scores = [v for v in scored if v is not None]
    rates = [x["execution_rate"] for x in rows if x["execution_rate"] is not None]
    counts = Counter(x["status"] for x in rows)
    statuses = [(NOT_STARTED, "未开始"), *Status.choices]
    return render(
        request,
        "evaluations/overview.html",
        {
            "round": r,
            "rows": rows,
            "page": Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page")),
            "params": params,
            "statuses": statuses,
            "status_counts": [(st, label, counts.get(st, 0)) for st, label in statuses],
            "headers": [(k if k != "status_label" else "status", v) for k, v in COLUMNS.items()],
            "score_chart": mark_safe(
                charts.bar_chart_svg("得分分布", charts.histogram(scores, [0, 60, 70, 80, 90]))
            ),
            "rate_chart": mark_safe(
                charts.bar_chart_svg(
                    "预算执行率分布", charts.histogram(rates, [0, 60, 80, 90, 100, 110], "%")
                )
            ),
            "findings_chart": mark_safe(
                charts.bar_chart_svg(
                    "最常见问题", _frequent_findings(r), horizontal=True, height=260
                )
            ),
            "average": (sum(scores, Decimal(0)) / len(scores)).quantize(Decimal("0.01"))
            if scores
            else None,
        },
    )


def _frequent_findings(r: Round, limit: int = 8) -> list[charts.Bar]:
    """The checks that fire in most of the round's submitted forms (codes kept on each save)."""
    counter: Counter[str] = Counter()
    for codes in Submission.objects.filter(round=r, status__in=VISIBLE_TO_BUREAU).values_list(
        "finding_codes", flat=True
    ):
        counter.update(codes or [])
    titles = _check_titles()
    return [
        charts.Bar(f"{code} {titles.get(code, '')}".strip(), n)
        for code, n in counter.most_common(limit)
    ]


def _check_titles() -> dict[str, str]:
    try:
        from jixiao.checks import CATALOGUE
    except ImportError:
        return {}
    return {c["code"]: c["title"] for c in CATALOGUE}


@require_GET
@login_required
def overview_export(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_round(request.user, pk, Need.REVIEW)
    rows, _ = _rows(r, request)
    data = overview_xlsx(r.title, [{COLUMNS[k]: row[k] for k in COLUMNS} for row in rows])
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = (
        f"attachment; filename=\"overview.xlsx\"; filename*=UTF-8''{quote(r.title)}-汇总.xlsx"
    )
    return response
