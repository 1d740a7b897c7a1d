"""佐证材料 of a monitoring table: the unit attaches files to the table, a money row or an
indicator row (its execution, or its answer to a 整改 request) while the table is editable; the
unit and the region's bureau see and download them. Same checks, storage and audit as a
self-evaluation's (:func:`jixiao_web.evidence.views.store`)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from jixiao_web.evidence import files
from jixiao_web.evidence.models import MonitoringEvidence
from jixiao_web.evidence.views import file_response, limit, store, withdraw, zip_response
from jixiao_web.monitoring.models import MonitoringReport
from jixiao_web.monitoring.views import get_report


def current(r: MonitoringReport) -> list[MonitoringEvidence]:
    items = list(MonitoringEvidence.objects.filter(report=r, removed_in=None).select_related("uploaded_by"))
    for e in items:
        e.report = r  # the labels read the table once
    return items


def targets(content: dict[str, Any]) -> list[tuple[str, str]]:
    """Where a file may go: the whole table, each money row, each indicator row (a row the
    bureau asked 整改 of says so)."""
    out = [("", "整表")]
    out += [(f"funds-{i}", str(f.get("label") or "资金")) for i, f in enumerate(content.get("funds") or [])]
    for i, ind in enumerate(content.get("indicators") or []):
        label = f"指标“{ind.get('name') or ''}”"
        out.append((f"ind-{i}", label + ("（整改答复）" if ind.get("rectify") else "")))
    return out


def context(request: HttpRequest, r: MonitoringReport) -> dict[str, Any]:
    """The evidence card of the monitoring form: the files by place, and the upload's choices."""
    items = current(r)
    places = targets(r.content)
    return {
        "evidence": [(t, label, [e for e in items if e.target == t]) for t, label in places],
        "evidence_count": len(items),
        "evidence_targets": places,
        "evidence_suffixes": ",".join(files.KINDS),
        "evidence_limit_mb": limit() // 1024 // 1024,
    }


def _back(r: MonitoringReport) -> HttpResponse:
    return redirect(f"{reverse('monitoring_form', args=[r.pk])}#evidence")


@require_POST
@login_required
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_report(request.user, pk, edit=True)
    if not r.can_edit(request.user):
        messages.error(request, f"上传失败：当前状态为“{r.get_status_display()}”，不能添加佐证材料。")
        return _back(r)
    target = request.POST.get("target", "")[:40]
    if target not in {t for t, _ in targets(r.content)}:
        messages.error(request, "上传失败：没有这一行。")
        return _back(r)
    uploaded = request.FILES.getlist("file")
    if not uploaded:
        messages.error(request, "上传失败：请选择文件。")
    for f in uploaded:
        store(request, MonitoringEvidence(report=r, target=target, added_in=r.version), f, r)
    return _back(r)


@require_POST
@login_required
def remove(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    r = get_report(request.user, pk, edit=True)
    e = MonitoringEvidence.objects.filter(report=r, pk=evidence_pk, removed_in=None).first()
    if e is None:
        raise Http404("没有这份佐证材料。")
    if not r.can_edit(request.user):
        messages.error(request, f"删除失败：当前状态为“{r.get_status_display()}”，不能删除佐证材料。")
        return _back(r)
    withdraw(request, e, r, r.version, kept="")
    return _back(r)


@require_GET
@login_required
@xframe_options_sameorigin
def serve(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    """One file, for whoever may see the table (the unit; the bureau once it is reported)."""
    r = get_report(request.user, pk)
    e = MonitoringEvidence.objects.filter(report=r, pk=evidence_pk).first()
    if e is None:
        raise Http404("没有这份佐证材料。")
    return file_response(request, e)


@require_GET
@login_required
def bundle(request: HttpRequest, pk: int) -> HttpResponse:
    """All current attachments of the table as one zip, in folders by row."""
    r = get_report(request.user, pk)
    items = current(r)
    if not items:
        raise Http404("这份监控表还没有佐证材料。")
    return zip_response(items, f"{r.round.year}-{r.unit.name}-{r.subject}-监控佐证材料.zip")
