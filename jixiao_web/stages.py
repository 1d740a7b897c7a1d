"""What the lifecycle stages' apps share (targets, monitoring): opening a round of a region for
a year (and kind) with a validated deadline, its page, and the cells of their grids (a stored
value, or the text the user typed with its error)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from jixiao_web.accounts.models import AuditLog, Membership, Region
from jixiao_web.evaluations.screen import Cell
from jixiao_web.evaluations.workflow import REVIEWERS, WorkflowError

M = TypeVar("M", bound=models.Model)


def membership_of(user: Any) -> Membership | None:
    return getattr(user, "membership", None) if user is not None and user.is_authenticated else None


def is_reviewer_of(user: Any, region_id: int) -> bool:
    m = membership_of(user)
    return bool(user.is_superuser or (m and m.role in REVIEWERS and m.region_id == region_id))


def open_round(
    model: type[M],
    *,
    by: Any,
    region: Region,
    deadline: date,
    what: str,
    unique: dict[str, Any],
    clash: str,
    validate: Callable[[], None] = lambda: None,
    **fields: Any,
) -> M:
    """Create a round of ``model`` for ``region``: only the region's reviewers (or an admin)
    may, the deadline must not have passed, and no round may exist with the same ``unique``
    fields (``clash`` is the refusal). ``validate`` raises :class:`WorkflowError` for the
    stage's own fields; ``what`` names the stage in the refusal (目标申报, 运行监控).
    The opening is in the audit log."""
    if not is_reviewer_of(by, region.pk):
        raise WorkflowError(f"只有本地区财政局审核人或管理员可以开启{what}。")
    validate()
    if deadline < timezone.localdate():
        raise WorkflowError(f"截止日期 {deadline:%Y-%m-%d} 已经过去。")
    if model._default_manager.filter(region=region, **unique).exists():
        raise WorkflowError(clash)
    r = model._default_manager.create(
        region=region, deadline=deadline, created_by=by, **unique, **fields
    )
    AuditLog.record(AuditLog.Action.ROUND_OPENED, user=by, target=r)
    return r


def cell_maker(
    errors: dict[str, str] | None, typed: dict[str, str] | None, n: Any = None
) -> Callable[..., Cell]:
    """``cell(name, label, value, **kw)``: the grid's cell showing what was typed (with its
    error) where the POST was refused, else the stored value; with ``n``, an ``N`` in the
    label becomes the cut-off month (1–N月 → 1–6月)."""
    errors, typed = errors or {}, typed or {}

    def cell(name: str, label: str, value: Any, **kw: Any) -> Cell:
        shown = typed[name] if name in typed else ("" if value is None else str(value))
        if n is not None:
            label = label.replace("N", str(n))
        return Cell(name, label, shown, error=errors.get(name, ""), **kw)

    return cell


def round_page(
    request: HttpRequest, form_class: Any, model: Any, template: str, back: str, what: str
) -> HttpResponse:
    """The bureau opens a round of a stage (targets, monitoring) for its own region."""
    m = membership_of(request.user)
    if m is None or m.role not in REVIEWERS:
        raise PermissionDenied(f"只有财政局审核人或管理员可以开启{what}。")
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            r = model.open(by=request.user, region=m.region, **form.cleaned_data)
        except WorkflowError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"已开启“{r.title}”，截止 {r.deadline:%Y-%m-%d}。")
            return redirect(back)
    return render(request, template, {"form": form, "region": m.region})
