"""Public pages: the published self-evaluations of a region, searchable, as PDF and JSON."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from jixiao.bounds import clean_text
from jixiao_web.accounts.models import Region
from jixiao_web.evaluations import screen
from jixiao_web.evaluations.access import published, search
from jixiao_web.evaluations.models import Submission
from jixiao_web.evaluations.views.form import evaluation_download


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    regions = Region.objects.filter(
        Q(rounds__submissions__status="published")
        | Q(target_rounds__declarations__published_at__isnull=False)
    ).distinct()
    return render(request, "public/index.html", {"regions": regions})


@require_GET
def region(request: HttpRequest, code: str) -> HttpResponse:
    try:
        reg = Region.objects.get(code=code)
    except Region.DoesNotExist:
        raise Http404("没有这个地区。") from None
    q = clean_text(request.GET.get("q", "")).strip()[:100]  # PostgreSQL refuses a NUL
    qs = search(published(code), q).order_by("-round__year", "unit__name")
    year = request.GET.get("year", "")
    if year.isascii() and year.isdigit() and len(year) == 4:
        qs = qs.filter(round__year=int(year))
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    years = (
        published(code).values_list("round__year", flat=True).distinct().order_by("-round__year")
    )
    return render(
        request,
        "public/region.html",
        {"region": reg, "page": page, "q": q, "year": year, "years": years},
    )


def _published(pk: int) -> Submission:
    try:
        return published().get(pk=pk)
    except Submission.DoesNotExist:
        raise Http404("没有找到这份已公开的自评。") from None


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    s = _published(pk)
    return render(request, "public/detail.html", {"s": s, "screen": screen.build(s.content, None)})


@require_GET
def download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in ("pdf", "json"):
        raise Http404()
    return evaluation_download(_published(pk), fmt)
