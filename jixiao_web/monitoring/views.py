"""Monitoring pages: the rounds and tables (the bureau's list sorted by light and amount),
opening a round, starting a project's (or the unit's 部门整体) table from its approved targets,
the form with live checks, lights and evidence, submission."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jixiao_web.evaluations.access import membership, region_scoped, unit_scoped
from jixiao_web.evaluations.models import available_profiles
from jixiao_web.evaluations.views.form import posted_version
from jixiao_web.evaluations.workflow import EDITORS, REVIEWERS, WorkflowError
from jixiao_web.monitoring import layout
from jixiao_web.monitoring.analysis import analyse_monitoring
from jixiao_web.monitoring.models import VISIBLE_TO_BUREAU, MonitoringReport, MonitoringRound
from jixiao_web.stages import round_page
from jixiao_web.targets.models import Status as TargetStatus
from jixiao_web.targets.models import TargetDeclaration


class MonitoringRoundForm(forms.Form):
    year = forms.IntegerField(label="预算年度", min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label="类型", choices=MonitoringRound.Kind.choices)
    cutoff_month = forms.IntegerField(label="截止月份（数据截至 1–N 月）", min_value=1, max_value=11, initial=6)
    deadline = forms.DateField(label="截止日期", widget=forms.DateInput(attrs={"type": "date"}))
    title = forms.CharField(label="名称（可不填）", required=False, max_length=200)
    profile = forms.ChoiceField(label="评分方案（红黄绿灯的阈值取其 [lifecycle]）", required=False)

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["profile"].choices = available_profiles()

    def clean_deadline(self):  # type: ignore[no-untyped-def]
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(f"截止日期 {deadline:%Y-%m-%d} 已经过去。")
        return deadline


def visible_reports(user: Any) -> QuerySet[MonitoringReport]:
    qs = MonitoringReport.objects.select_related("round", "unit")
    return unit_scoped(qs, user, VISIBLE_TO_BUREAU)


def visible_monitoring_rounds(user: Any) -> QuerySet[MonitoringRound]:
    return region_scoped(MonitoringRound.objects.all(), user)


def _unit_member(user: Any) -> Any:
    m = membership(user)
    if m is None or m.role not in EDITORS:
        raise PermissionDenied("您的角色不能进行此操作。")
    return m


def get_report(user: Any, pk: int, edit: bool = False) -> MonitoringReport:
    try:
        r = visible_reports(user).get(pk=pk)
    except MonitoringReport.DoesNotExist:
        raise Http404("没有找到这份运行监控表。") from None
    if edit:
        _unit_member(user)
    return r


@require_GET
@login_required
def index(request: HttpRequest) -> HttpResponse:
    m = membership(request.user)
    is_unit = m is not None and m.role in EDITORS
    rounds = list(visible_monitoring_rounds(request.user)[:20])
    approved = (
        TargetDeclaration.objects.filter(
            unit_id=m.unit_id,
            status__in=(TargetStatus.APPROVED, TargetStatus.REVISING),
        ).select_related("round")
        if is_unit
        else TargetDeclaration.objects.none()
    )
    return render(
        request,
        "monitoring/index.html",
        {
            "rounds": [
                (r, [d for d in approved if (d.round.year, d.round.kind) == (r.year, r.kind)]) for r in rounds
            ],
            "reports": visible_reports(request.user)[:500],  # red first, then by amount
            "is_unit": is_unit,
            "is_bureau": request.user.is_superuser or (m is not None and m.role in REVIEWERS),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def round_new(request: HttpRequest) -> HttpResponse:
    return round_page(
        request, MonitoringRoundForm, MonitoringRound, "monitoring/round_new.html", "monitoring", "运行监控"
    )


@require_POST
@login_required
def start(request: HttpRequest, pk: int) -> HttpResponse:
    _unit_member(request.user)
    try:
        r = visible_monitoring_rounds(request.user).get(pk=pk)
    except MonitoringRound.DoesNotExist:
        raise Http404("没有找到这个运行监控轮次。") from None
    text = request.POST.get("targets", "")
    try:
        report = MonitoringReport.start(
            by=request.user, round=r, targets_pk=int(text) if text.isdigit() and len(text) < 10 else 0
        )
    except WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("monitoring")
    return redirect("monitoring_form", pk=report.pk)


def _context(request: HttpRequest, r: MonitoringReport, content: dict[str, Any] | None = None,
             errors: dict[str, str] | None = None, typed: dict[str, str] | None = None) -> dict[str, Any]:  # fmt: skip
    from jixiao_web.evidence import monitoring as evidence  # it imports this module

    content = content if content is not None else r.content
    result = analyse_monitoring(content, r.round.profile)
    funds, rows = layout.rows(content, result.analysis.by_row, errors, typed)
    attached = evidence.context(request, r)
    by_target = {t: items for t, _, items in attached["evidence"]}
    for row in [*funds, *rows]:  # a row's files are counted beside it
        row.evidence = by_target.get(row.key, [])
    return attached | {
        "r": r,
        "funds": funds,
        "rows": rows,
        "analysis": result.analysis,
        "lights": result.lights,
        "errors": errors or {},
        "editable": r.can_edit(request.user),
        "can_submit": r.can_submit(request.user),
        "can_review": r.can_review(request.user),
        "likelihoods": layout.LIKELIHOODS,
    }


@require_http_methods(["GET", "POST"])
@login_required
def form(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_report(request.user, pk, edit=request.method == "POST")
    if request.method == "GET":
        return render(request, "monitoring/form.html", _context(request, r))
    parsed = layout.from_post(r.content, request.POST)
    if parsed.errors:
        messages.error(request, f"有 {len(parsed.errors)} 处填写有误，请修改后再保存（尚未保存）。")
        return render(
            request, "monitoring/form.html", _context(request, r, parsed.data, parsed.errors, parsed.typed), status=400
        )
    try:
        r.save_content(by=request.user, content=parsed.data, base_version=posted_version(request))
    except WorkflowError as exc:  # a conflict too: the page is reloaded with the message
        messages.error(request, str(exc))
    else:
        messages.success(request, f"已保存（第{r.version}版；{r.errors} 个错误，{r.warnings} 个警告）。")
    return redirect("monitoring_form", pk=r.pk)


@require_POST
@login_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_report(request.user, pk, edit=True)
    parsed = layout.from_post(r.content, request.POST)
    result = analyse_monitoring(parsed.data, r.round.profile)
    _, rows = layout.rows(parsed.data, result.analysis.by_row, parsed.errors, parsed.typed)
    return render(
        request,
        "monitoring/_analysis.html",
        {"analysis": result.analysis, "lights": result.lights, "rows": rows, "errors": parsed.errors},
    )


@require_POST
@login_required
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_report(request.user, pk, edit=True)
    try:
        r.submit(by=request.user)
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已报送财政局。")
    return redirect("monitoring_form", pk=r.pk)


def _bureau_action(request: HttpRequest, pk: int, act: Any, done: str) -> HttpResponse:
    r = get_report(request.user, pk)
    if not r.can_review(request.user):
        m = membership(request.user)
        if not request.user.is_superuser and (m is None or m.role not in REVIEWERS):
            raise PermissionDenied("您的角色不能进行此操作。")
    try:
        act(r)
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return redirect("monitoring_form", pk=r.pk)


@require_POST
@login_required
def mark_key(request: HttpRequest, pk: int) -> HttpResponse:
    on = request.POST.get("on") == "1"
    return _bureau_action(
        request,
        pk,
        lambda r: r.mark_key(by=request.user, on=on, reason=request.POST.get("reason", "")),
        "已列为重点监控。" if on else "已取消重点监控。",
    )


@require_POST
@login_required
def rectify(request: HttpRequest, pk: int) -> HttpResponse:
    text = request.POST.get("index", "")
    index = int(text) if text.isdigit() and len(text) < 5 else -1
    return _bureau_action(
        request,
        pk,
        lambda r: r.request_rectification(
            by=request.user, index=index, requirement=request.POST.get("requirement", "")
        ),
        "已提出整改要求，监控表退回单位答复。",
    )
