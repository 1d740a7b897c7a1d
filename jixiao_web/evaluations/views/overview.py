"""The bureau's overview of a round: every unit, sortable, filterable, searchable, charts, .xlsx.

Sorting, filtering, searching and paging happen in the database (one LEFT JOIN of the
region's units with their submission in the round); only the page on screen becomes Python
rows. A draft's figures are the unit's business: they are blanked in the query itself, so
they can neither be seen nor inferred from the order.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import (
    Avg,
    Case,
    Count,
    DecimalField,
    ExpressionWrapper,
    F,
    FilteredRelation,
    Max,
    Q,
    QuerySet,
    TextField,
    When,
)
from django.db.models.functions import Cast, Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET, require_POST

from jixiao.bounds import clean_text
from jixiao_web.accounts.models import Unit
from jixiao_web.evaluations import charts
from jixiao_web.evaluations.access import Need, get_round, name_matches
from jixiao_web.evaluations.exports import attachment, overview_xlsx
from jixiao_web.evaluations.models import Round, Submission
from jixiao_web.evaluations.workflow import VISIBLE_TO_BUREAU, Status, WorkflowError

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
NOT_STARTED = "not_started"
PAGE_SIZE = 100  # rows on screen; counts, average and charts cover every row
# sort key → the annotated column it orders by
SORT_FIELDS = {
    "unit": "name",
    "project": "project",
    "department": "department__name",
    "status": "s__status",
    "self_score": "self_score",
    "computed_score": "computed_score",
    "review_score": "review_score",
    "gap": "gap",
    "grade": "grade",
    "execution_rate": "execution_rate",
    "errors": "errors",
    "warnings": "warnings",
    "updated": "updated",
}
SORTS = frozenset(SORT_FIELDS)
_SHOWN = (
    "self_score",
    "computed_score",
    "review_score",
    "grade",
    "execution_rate",
    "errors",
    "warnings",
)


def _visible(field: str) -> Case:
    """The submission's figure where the bureau may see it (not a draft), else NULL."""
    return Case(
        When(s__status__in=list(VISIBLE_TO_BUREAU), then=F(f"s__{field}")),
        default=None,
        output_field=Submission._meta.get_field(field),
    )


def _units(r: Round, q: str) -> QuerySet[Unit]:
    units = Unit.objects.filter(department__region_id=r.region_id).annotate(
        s=FilteredRelation("submissions", condition=Q(submissions__round=r))
    )
    if q:
        units = units.filter(name_matches("name", q) | Q(department__name__icontains=q))
    return units


CODE = re.compile(r"JX-[A-Z]\d{3}")


def _params(request: HttpRequest) -> dict[str, str]:
    sort = request.GET.get("sort", "unit")
    status = request.GET.get("status", "")
    if sort.lstrip("-") not in SORTS:
        sort = "unit"
    code = request.GET.get("code", "").strip()
    return {
        "q": clean_text(request.GET.get("q", "")).strip()[:100],  # PostgreSQL refuses a NUL
        "status": status if status in {*Status, NOT_STARTED} else "",
        "sort": sort,
        "code": code if CODE.fullmatch(code) else "",
    }


def _table(r: Round, params: dict[str, str]) -> QuerySet[Unit]:
    """Every unit of the region (filtered, searched, sorted) with its visible figures."""
    units = _units(r, params["q"])
    status = params["status"]
    if status == NOT_STARTED:
        units = units.filter(s__id__isnull=True)
    elif status:
        units = units.filter(s__status=status)
    if params.get("code"):  # units whose form has this finding (the chart's bars link here)
        units = units.annotate(codes=Cast("s__finding_codes", TextField())).filter(
            s__status__in=list(VISIBLE_TO_BUREAU), codes__contains=f'"{params["code"]}"'
        )
    units = units.annotate(
        **{f: _visible(f) for f in _SHOWN},
        project=_visible("project"),  # a draft's project name and activity are the unit's too
        updated=_visible("updated_at"),
        gap=ExpressionWrapper(
            _visible("review_score") - _visible("self_score"), output_field=DecimalField()
        ),
    )
    key = params["sort"]
    column = F(SORT_FIELDS[key.lstrip("-")])
    order = column.desc(nulls_last=True) if key.startswith("-") else column.asc(nulls_last=True)
    return units.order_by(order, "name", "pk").values(
        "pk",
        "name",
        "department__name",
        "s__id",
        "project",
        "s__status",
        "updated",
        "gap",
        *_SHOWN,
    )


def _row(v: dict[str, Any], links: tuple[str, str] = ("", ""), tz: Any = None) -> dict[str, Any]:
    """One line of the table; ``links`` are the form and review URL patterns ("/s/{}/")."""
    st = v["s__status"] or NOT_STARTED
    seen = v["s__id"] is not None and st in VISIBLE_TO_BUREAU
    updated = v["updated"]
    return {
        "submission": {"pk": v["s__id"]} if seen else None,
        "form_url": links[0].format(v["s__id"]) if seen else "",
        "review_url": links[1].format(v["s__id"]) if seen else "",
        "updated_text": updated.astimezone(tz).strftime("%Y-%m-%d %H:%M") if updated and tz else "",
        "unit": v["name"],
        "project": v["project"] or "",
        "department": v["department__name"],
        "status": st,
        "status_label": Status(st).label if st != NOT_STARTED else "未开始",
        **{f: _cents(v[f]) for f in _SHOWN},
        "grade": v["grade"] or "",
        "gap": _cents(v["gap"]),
        "updated": updated,
    }


_NUMBERS = ("self_score", "computed_score", "review_score", "gap")


def _rows_html(rows: list[dict[str, Any]], project: bool) -> SafeString:
    """The table body, written directly (2,000-unit rounds: a template loop costs more than
    the query). Every value is escaped."""
    out = []
    for r in rows:
        pick = (
            f'<input type="checkbox" name="ids" value="{r["submission"]["pk"]}" form="bulk-form" '
            f'data-errors="{r["errors"] or 0}" aria-label="选择{escape(r["unit"])}">'
            if r["submission"]
            else ""
        )
        cells = [f"<td>{escape(r['unit'])}</td>"]
        if project:
            cells.append(f"<td>{escape(r['project'])}</td>")
        cells.append(f"<td>{escape(r['department'])}</td>")
        cells.append(
            f'<td><span class="status status-{r["status"]}">{escape(r["status_label"])}</span></td>'
        )
        cells += [f'<td class="num">{_text(r[k])}</td>' for k in _NUMBERS]
        cells.append(f"<td>{escape(r['grade'])}</td>")
        cells.append(f'<td class="num">{_text(r["execution_rate"])}</td>')
        cells.append(f'<td class="num{" bad" if r["errors"] else ""}">{_text(r["errors"])}</td>')
        cells.append(f'<td class="num">{_text(r["warnings"])}</td>')
        cells.append(f"<td>{r['updated_text']}</td>")
        links = (
            f'<a href="{r["form_url"]}">查看</a> <a href="{r["review_url"]}">复核</a>'
            if r["submission"]
            else ""
        )
        cells.append(f"<td>{links} {pick}</td>" if pick else f"<td>{links}</td>")
        out.append(f'<tr class="status-row-{r["status"]}">{"".join(cells)}</tr>')
    return mark_safe("\n".join(out))  # built from escaped values only


def _text(value: Any) -> str:
    return "" if value is None else escape(str(value))


def _columns(r: Round) -> dict[str, str]:
    """The columns of a round's overview: a project round has one row per project form."""
    if r.kind != Round.Kind.PROJECT:
        return COLUMNS
    columns = dict(COLUMNS)
    items = list(columns.items())
    return dict([items[0], ("project", "项目"), *items[1:]])


def _headers(r: Round) -> list[tuple[str, str]]:
    return [(k if k != "status_label" else "status", v) for k, v in _columns(r).items()]


def _cents(value: Any) -> Any:
    """Scores and rates as stored (2 places), whatever the database hands back."""
    if isinstance(value, (Decimal, float)):
        return Decimal(str(value)).quantize(Decimal("0.01"))
    return value


@require_GET
@login_required
def overview(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_round(request.user, pk, Need.REVIEW)
    params = _params(request)
    page = Paginator(_table(r, params), PAGE_SIZE).get_page(request.GET.get("page"))
    links = (
        reverse("form", args=[1]).replace("/1/", "/{}/"),
        reverse("review", args=[1]).replace("/1/", "/{}/"),
    )
    tz = timezone.get_current_timezone()
    page.object_list = [_row(v, links, tz) for v in page.object_list]
    body = _rows_html(page.object_list, r.kind == Round.Kind.PROJECT)
    statuses = [(NOT_STARTED, "未开始"), *Status.choices]
    summary = _summary(r, params["q"])
    findings_chart = _findings_chart(r, params)
    return render(
        request,
        "evaluations/overview.html",
        {
            "round": r,
            "page": page,
            "body": body,
            "params": params,
            "statuses": statuses,
            "status_counts": [(st, label, summary["counts"].get(st, 0)) for st, label in statuses],
            "headers": _headers(r),
            "findings_chart": mark_safe(findings_chart),  # built from escaped values only
            "code_title": _check_titles().get(params["code"], ""),
            **summary,
        },
    )


def _summary(r: Round, q: str) -> dict[str, Any]:
    """Counts, average and charts of the whole round (as searched), whatever the status filter
    and page. Without a search they are kept (per process) until a submission or a unit of
    the round changes."""
    if q:
        return _compute_summary(r, q)
    key = "jixiao-overview-" + _state(r)
    summary = cache.get(key)
    if summary is None:
        summary = _compute_summary(r, q)
        cache.set(key, summary, timeout=600)
    return summary


def _state(r: Round) -> str:
    """Changes whenever a submission or a unit of the round changes (a cache key)."""
    stamp = Submission.objects.filter(round=r).aggregate(n=Count("id"), t=Max("updated_at"))
    units = Unit.objects.filter(department__region_id=r.region_id).count()
    state = f"{r.pk}|{stamp['n']}|{stamp['t'].timestamp() if stamp['t'] else 0}|{units}|{r.profile}"
    return hashlib.sha1(state.encode()).hexdigest()


SCORE_EDGES = [0, 60, 70, 80, 90]
RATE_EDGES = [0, 60, 80, 90, 100, 110]


def _compute_summary(r: Round, q: str) -> dict[str, Any]:
    """One aggregate query: units per status, score and execution-rate bins, the average."""
    visible = Q(s__status__in=list(VISIBLE_TO_BUREAU))
    aggregates: dict[str, Any] = {NOT_STARTED: Count("pk", filter=Q(s__id__isnull=True))}
    for st in Status.values:
        aggregates[st] = Count("pk", filter=Q(s__status=st))
    for name, field, edges in (
        ("score", "score", SCORE_EDGES),
        ("rate", "s__execution_rate", RATE_EDGES),
    ):
        for n, (lo, hi, _) in enumerate(charts.bins(edges)):
            in_bin = Q(**{f"{field}__gte": lo}) & (
                Q(**{f"{field}__lt": hi}) if hi is not None else Q()
            )
            aggregates[f"{name}_{n}"] = Count("pk", filter=visible & in_bin)
    aggregates["average"] = Avg("score", filter=visible)
    row = (
        _units(r, q)
        .annotate(score=Coalesce("s__review_score", "s__self_score"))
        .aggregate(**aggregates)
    )
    counts = {st: row[st] for st in (NOT_STARTED, *Status.values)}

    def bars(name: str, edges: list[int], unit: str = "") -> list[charts.Bar]:
        return [
            charts.Bar(label, row[f"{name}_{n}"])
            for n, (_, _, label) in enumerate(charts.bins(edges, unit))
        ]

    average = row["average"]
    return {
        "counts": counts,
        "total": sum(counts.values()),
        "score_chart": mark_safe(charts.bar_chart_svg("得分分布", bars("score", SCORE_EDGES))),
        "rate_chart": mark_safe(
            charts.bar_chart_svg("预算执行率分布", bars("rate", RATE_EDGES, "%"))
        ),
        "average": Decimal(str(average)).quantize(Decimal("0.01")) if average is not None else None,
    }


def _findings_chart(r: Round, params: dict[str, str]) -> str:
    """The 最常见问题 chart for the filter on screen; kept (per process) while nothing changes
    when there is no search (the status filter has a handful of values)."""

    def draw() -> str:
        return charts.bar_chart_svg(
            "最常见问题（按当前筛选）" if params["q"] or params["status"] else "最常见问题",
            _frequent_findings(r, params),
            horizontal=True,
            height=260,
        )

    if params["q"]:
        return draw()
    key = f"jixiao-findings-{_state(r)}-{params['status']}-{params['sort']}"
    chart = cache.get(key)
    if chart is None:
        chart = draw()
        cache.set(key, chart, timeout=600)
    return chart


def _frequent_findings(r: Round, params: dict[str, str], limit: int = 8) -> list[charts.Bar]:
    """The checks that fire in most of the submitted forms shown (the table's search and status
    filter apply); each bar links to the units it counts."""
    forms = Submission.objects.filter(round=r, status__in=VISIBLE_TO_BUREAU)
    if params["q"]:
        forms = forms.filter(
            name_matches("unit__name", params["q"])
            | Q(unit__department__name__icontains=params["q"])
        )
    if params["status"]:
        forms = forms.filter(status=params["status"])
    counter: Counter[str] = Counter()
    for codes in forms.values_list("finding_codes", flat=True):
        counter.update(codes or [])
    titles = _check_titles()
    query = urlencode({"q": params["q"], "status": params["status"], "sort": params["sort"]})
    return [
        charts.Bar(f"{code} {titles.get(code, '')}".strip(), n, f"?code={code}&{query}")
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
    rows = []
    for v in _table(r, _params(request)):
        row = _row(v)
        row["updated"] = (
            timezone.localtime(row["updated"]).strftime("%Y-%m-%d %H:%M") if row["updated"] else ""
        )
        rows.append({heading: row[key] for key, heading in _columns(r).items()})
    data = overview_xlsx(r.title, rows)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = attachment(f"{r.title}-汇总.xlsx", "overview.xlsx")
    return response


BULK = {"accept": "审核通过", "publish": "公开"}


@require_POST
@login_required
def overview_bulk(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept or publish the selected forms, or download them as one zip of .xlsx files."""
    r = get_round(request.user, pk, Need.REVIEW)
    ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit()]
    forms = list(Submission.objects.filter(round=r, pk__in=ids).select_related("unit", "round"))
    back = redirect(f"{reverse('overview', args=[r.pk])}?{request.POST.get('query', '')}")
    if not forms:
        messages.error(request, "请先勾选要处理的单位。")
        return back
    action = request.POST.get("action", "")
    if action == "export":
        return _bulk_export(r, forms)
    if action not in BULK:
        messages.error(request, "没有这个操作。")
        return back
    done, refused = 0, []
    for s in forms:
        try:
            s.transition(action, by=request.user)
        except WorkflowError as exc:
            refused.append(f"{s.unit.name}：{exc}")
        else:
            done += 1
    if done:
        messages.success(request, f"已{BULK[action]} {done} 份自评。")
    for line in refused[:20]:
        messages.error(request, f"未{BULK[action]}：{line}")
    return back


def _bulk_export(r: Round, forms: list[Submission]) -> HttpResponse:
    import io
    import zipfile

    from jixiao_web.evaluations.analysis import evaluation_of
    from jixiao_web.evaluations.exports import ExportUnavailable, export_bytes

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for s in forms:
            if s.status not in VISIBLE_TO_BUREAU:
                continue  # a draft stays the unit's business
            name = f"{s.unit.name}{'-' + s.project if s.project else ''}-绩效自评.xlsx"
            try:
                zf.writestr(name.replace("/", "／"), export_bytes(evaluation_of(s.content), "xlsx"))
            except ExportUnavailable:
                return HttpResponse("暂不能导出 xlsx（导出模块未安装）。", status=503)
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = attachment(f"{r.title}-所选自评.zip", "forms.zip")
    return response
