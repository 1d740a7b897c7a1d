"""The indicator library a finance bureau curates for its region: add, edit, retire (and
restore) entries, beside the region's most used indicators counted from approved targets."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from jixiao_web.accounts.models import Region
from jixiao_web.evaluations.access import membership
from jixiao_web.evaluations.workflow import REVIEWERS, WorkflowError
from jixiao_web.targets.models import NATURES, LibraryEntry
from jixiao_web.targets.services import region_most_used


class EntryForm(forms.Form):
    level1 = forms.CharField(label="一级指标", max_length=50)
    level2 = forms.CharField(label="二级指标", max_length=50)
    name = forms.CharField(label="三级指标", max_length=200)
    nature = forms.ChoiceField(label="指标性质", choices=NATURES)
    unit = forms.CharField(label="常用度量单位（定性指标不填）", max_length=30, required=False)
    explanation = forms.CharField(
        label="指标解释", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


def _region(user: Any) -> Region:
    m = membership(user)
    if m is None or m.role not in REVIEWERS:
        raise PermissionDenied("只有财政局审核人或管理员可以维护本地区指标库。")
    return m.scope_region


def _page(request: HttpRequest, region: Region, form: EntryForm, status: int = 200) -> HttpResponse:
    entries = LibraryEntry.objects.filter(region=region).select_related("updated_by")
    curated = {(e.level1, e.level2, e.name) for e in entries}
    used = [
        (u, (u.level1, u.level2, u.name) in curated) for u in region_most_used(region.pk, limit=50)
    ]
    return render(
        request,
        "targets/library.html",
        {"region": region, "entries": entries, "used": used, "form": form},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@login_required
def library(request: HttpRequest) -> HttpResponse:
    """The region's curated entries (with the add form) and its most used indicators."""
    region = _region(request.user)
    if request.method == "GET":
        return _page(request, region, EntryForm())
    form = EntryForm(request.POST)
    if form.is_valid():
        try:
            e = LibraryEntry.add(by=request.user, region=region, values=form.cleaned_data)
        except WorkflowError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"已加入本地区指标库：{e.name}。")
            return redirect("target_library")
    return _page(request, region, form, status=400)


def _entry(user: Any, pk: int) -> LibraryEntry:
    e = LibraryEntry.objects.filter(pk=pk, region=_region(user)).first()
    if e is None:
        raise Http404("本地区指标库没有这一条。")
    return e


@require_http_methods(["GET", "POST"])
@login_required
def entry(request: HttpRequest, pk: int) -> HttpResponse:
    e = _entry(request.user, pk)
    form = EntryForm(request.POST or None, initial={k: getattr(e, k) for k in LibraryEntry.FIELDS})
    if request.method == "POST" and form.is_valid():
        try:
            changed = e.edit(by=request.user, values=form.cleaned_data)
        except WorkflowError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, f"已修改{'、'.join(changed)}。" if changed else "没有修改，无需保存。"
            )
            return redirect("target_library")
    status = 400 if request.method == "POST" else 200
    return render(request, "targets/library_entry.html", {"e": e, "form": form}, status=status)


@require_POST
@login_required
def retire(request: HttpRequest, pk: int) -> HttpResponse:
    e = _entry(request.user, pk)
    retired = request.POST.get("restore") != "1"
    e.set_retired(by=request.user, retired=retired)
    messages.success(request, f"已{'停用' if retired else '恢复'}：{e.name}。")
    return redirect("target_library")
