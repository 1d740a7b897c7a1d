"""Every save is a revision: list, view (with what changed), restore."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from jixiao_web.accounts.models import AuditLog
from jixiao_web.evaluations import screen
from jixiao_web.evaluations.access import Need, get_submission
from jixiao_web.evaluations.views.form import conflict_response, posted_version
from jixiao_web.evaluations.workflow import ConflictError, WorkflowError
from jixiao_web.evidence import models as evidence


@require_GET
@login_required
def revisions(request: HttpRequest, pk: int) -> HttpResponse:
    s = get_submission(request.user, pk)
    return render(
        request,
        "evaluations/revisions.html",
        {
            "s": s,
            "revisions": s.revisions.select_related("author"),
            "editable": s.can_edit(request.user),
            "log": AuditLog.objects.filter(target_key=AuditLog.key(s)).exclude(
                action=AuditLog.Action.SAVED
            )[:100],
        },
    )


@require_GET
@login_required
def revision(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    s = get_submission(request.user, pk)
    rev = s.revisions.filter(number=number).select_related("author").first()
    if rev is None:
        raise Http404("没有这个版本。")
    return render(
        request,
        "evaluations/revision.html",
        {
            "s": s,
            "rev": rev,
            "screen": screen.build(rev.content, None),
            "editable": s.can_edit(request.user),
            "evidence": evidence.as_of(s, rev.number),
        },
    )


@require_POST
@login_required
def restore(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    s = get_submission(request.user, pk, Need.EDIT)
    if not s.revisions.filter(number=number).exists():
        raise Http404("没有这个版本。")
    base = posted_version(request)
    try:
        rev = s.restore(by=request.user, number=number, base_version=base)
    except ConflictError as exc:
        return conflict_response(request, s, s.revisions.get(number=number).content, base, str(exc))
    except WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("revisions", pk=s.pk)
    messages.success(request, f"已恢复第{number}版的内容（保存为第{rev.number}版）。")
    return redirect("form", pk=s.pk)
