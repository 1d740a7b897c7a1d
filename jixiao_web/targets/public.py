"""What a finance bureau publishes of the new stages: approved targets (the bureau publishes
each approved table; the public sees the approved version only, never a revision in
progress) and results (the final scores and grades of the published self-evaluations, with
whether 抽查复核 confirmed them). Same rules as the public self-evaluations: nothing
unpublished, only the region asked for."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from jixiao.bounds import clean_text
from jixiao_web.accounts.models import Region
from jixiao_web.evaluations.access import Need, name_matches, published
from jixiao_web.evaluations.workflow import WorkflowError
from jixiao_web.targets import layout
from jixiao_web.targets.access import get_declaration
from jixiao_web.targets.models import TargetDeclaration


@require_POST
@login_required
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    """The bureau publishes an approved table (or withdraws it: ``withdraw=1``)."""
    d = get_declaration(request.user, pk, Need.VIEW)
    on = request.POST.get("withdraw") != "1"
    try:
        d.set_published(by=request.user, published=on)
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已公开批复的绩效目标。" if on else "已撤回公开。")
    return redirect("target_form", pk=d.pk)


def published_targets(region_code: str | None = None) -> Any:
    qs = (
        TargetDeclaration.objects.select_related(
            "round", "round__region", "unit", "unit__department"
        )
        .filter(published_at__isnull=False)
        .exclude(approved_data="")
    )
    return qs.filter(round__region__code=region_code) if region_code else qs


def _region(code: str) -> Region:
    try:
        return Region.objects.get(code=code)
    except Region.DoesNotExist:
        raise Http404("没有这个地区。") from None


def _year(request: HttpRequest) -> int | None:
    y = request.GET.get("year", "")
    return int(y) if y.isascii() and y.isdigit() and len(y) == 4 else None


@require_GET
def targets(request: HttpRequest, code: str) -> HttpResponse:
    reg = _region(code)
    q = clean_text(request.GET.get("q", "")).strip()[:100]
    qs = published_targets(code).order_by("-round__year", "unit__name", "project")
    if q:
        qs = qs.filter(name_matches("unit__name", q) | name_matches("project", q))
    year = _year(request)
    if year:
        qs = qs.filter(round__year=year)
    years = (
        published_targets(code)
        .values_list("round__year", flat=True)
        .distinct()
        .order_by("-round__year")
    )
    return render(
        request,
        "public/targets.html",
        {"region": reg, "page": Paginator(qs, 50).get_page(request.GET.get("page")), "q": q,
         "year": year or "", "years": years},
    )  # fmt: skip


@require_GET
def target(request: HttpRequest, pk: int) -> HttpResponse:
    d = published_targets().filter(pk=pk).first()
    if d is None:
        raise Http404("没有找到这份已公开的绩效目标。")
    table = d.approved_content or {}
    header = [
        (label, table.get(k)) for k, label in layout.header_fields(table.get("kind") or "").items()
    ]
    return render(
        request,
        "public/target.html",
        {
            "d": d,
            "header": header,
            "indicators": table.get("indicators") or [],
            "columns": layout.COLUMNS,
        },
    )


@require_GET
def results(request: HttpRequest, code: str) -> HttpResponse:
    """The published self-evaluations' results by year: final score, grade, and whether a
    confirmed 抽查复核 set them; the count of each grade."""
    reg = _region(code)
    years = list(
        published(code).values_list("round__year", flat=True).distinct().order_by("-round__year")
    )
    year = _year(request) or (years[0] if years else None)
    forms = list(
        published(code)
        .filter(round__year=year)
        .order_by("unit__department__name", "unit__name", "project")
        .prefetch_related("sample_items")
    )
    rows = []
    for s in forms:
        confirmed = [i for i in s.sample_items.all() if i.confirmed_at is not None]
        rows.append((s, confirmed[-1] if confirmed else None))
    grades = Counter(s.grade or "无等级" for s in forms)
    return render(
        request,
        "public/results.html",
        {"region": reg, "year": year, "years": years, "rows": rows,
         "grades": [(g, grades[g]) for g in ("优", "良", "中", "差", "无等级") if grades[g]]},
    )  # fmt: skip
