"""State changes (submit, return, resubmit, accept, publish) and review comments."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from jixiao_web.evaluations.access import Need, get_submission
from jixiao_web.evaluations.models import ReviewComment
from jixiao_web.evaluations.views.form import posted_version
from jixiao_web.evaluations.workflow import REVIEWERS, TRANSITIONS, WorkflowError


@require_POST
@login_required
def transition(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    t = TRANSITIONS.get(name)
    if t is None:
        raise Http404("没有这个操作。")
    need = Need.REVIEW if t.roles <= REVIEWERS else Need.EDIT
    s = get_submission(request.user, pk, need, roles=t.roles)
    version = posted_version(request) if "version" in request.POST else None
    try:
        s.transition(
            name, by=request.user, comment=request.POST.get("comment", ""), version=version
        )
    except WorkflowError as exc:
        messages.error(request, str(exc))
        # back to the page the button was on (复核评分, 佐证材料 …), where the comment is written
        if request.POST.get("next") in STAY_ON:
            return redirect(request.POST["next"], pk=s.pk)
    else:
        messages.success(request, f"已{t.label}。当前状态：{s.get_status_display()}。")
    return redirect("form", pk=s.pk)


STAY_ON = frozenset({"form", "review", "report", "evidence", "revisions"})


@require_POST
@login_required
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    s = get_submission(request.user, pk, Need.REVIEW)
    try:
        s.add_comment(
            by=request.user,
            target=request.POST.get("target", ""),
            text=request.POST.get("text", ""),
        )
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已添加审核意见。")
    return redirect("review" if request.POST.get("next") == "review" else "form", pk=s.pk)


@require_POST
@login_required
def comment_reply(request: HttpRequest, pk: int, comment_pk: int) -> HttpResponse:
    """The unit answers one opinion of the bureau."""
    s = get_submission(request.user, pk, Need.EDIT)
    try:
        s.reply_comment(by=request.user, pk=comment_pk, text=request.POST.get("reply", ""))
    except ReviewComment.DoesNotExist:
        raise Http404("没有这条审核意见。") from None
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已答复，等待审核人确认关闭。")
    return redirect(f"{reverse('form', args=[s.pk])}#comment-{comment_pk}")


@require_POST
@login_required
def comment_close(request: HttpRequest, pk: int, comment_pk: int) -> HttpResponse:
    """The reviewer closes an opinion the unit has dealt with (``reopen=1``: opens it again)."""
    s = get_submission(request.user, pk, Need.REVIEW)
    reopen = request.POST.get("reopen") == "1"
    try:
        s.close_comment(by=request.user, pk=comment_pk, reopen=reopen)
    except ReviewComment.DoesNotExist:
        raise Http404("没有这条审核意见。") from None
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已重新打开该意见。" if reopen else "已关闭该意见。")
    target = "review" if request.POST.get("next") == "review" else "form"
    return redirect(f"{reverse(target, args=[s.pk])}#comment-{comment_pk}")
