"""Results pages: a round's results with the budget-linkage table and its proposals (.xlsx),
整改 tasks issued per form, answered by the unit, closed by the bureau; the overdue list."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jixiao.lifecycle.linkage import GRADES, Action, LinkageError, table_to_data
from jixiao_web.accounts.models import AuditLog
from jixiao_web.evaluations.access import (
    Need,
    get_round,
    get_submission,
    membership,
    unit_scoped,
    visible_rounds,
)
from jixiao_web.evaluations.exports import attachment, overview_xlsx
from jixiao_web.evaluations.models import Round
from jixiao_web.evaluations.workflow import EDITORS, REVIEWERS, WorkflowError
from jixiao_web.results.models import HAS_RESULT, LinkageDecision, RectificationTask, TaskStatus
from jixiao_web.results.services import export_rows, round_proposals


def visible_tasks(user: Any) -> QuerySet[RectificationTask]:
    qs = RectificationTask.objects.select_related("round", "unit", "submission")
    return unit_scoped(qs, user, TaskStatus.values)


def reminders(user: Any) -> list[RectificationTask]:
    """The tasks not closed yet (the unit's to answer, the bureau's to close or chase),
    overdue first (for the dashboard)."""
    tasks = list(visible_tasks(user).exclude(status=TaskStatus.CLOSED)[:200])
    return sorted(tasks, key=lambda t: (not t.lateness(), t.answer_due))[:20]


def _bureau(user: Any) -> bool:
    m = membership(user)
    return user.is_superuser or (m is not None and m.role in REVIEWERS)


@require_GET
@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Rounds with results (the bureau), and the 整改 tasks: overdue first."""
    tasks = list(visible_tasks(request.user)[:500])
    overdue = request.GET.get("overdue") == "1"
    rows = [(t, t.lateness()) for t in tasks]
    if overdue:
        rows = [(t, late) for t, late in rows if late]
    rows.sort(key=lambda x: (x[0].status == TaskStatus.CLOSED, not x[1], x[0].answer_due))
    return render(
        request,
        "results/index.html",
        {
            "rounds": visible_rounds(request.user)[:50] if _bureau(request.user) else [],
            "tasks": rows,
            "overdue_only": overdue,
            "overdue_count": sum(1 for t in tasks if t.lateness()),
            "is_bureau": _bureau(request.user),
        },
    )


def _round_context(r: Round, form_data: dict[str, Any] | None = None) -> dict[str, Any]:
    decision = LinkageDecision.objects.filter(round=r).select_related("decided_by").first()
    table = LinkageDecision.table_of(r)
    pairs = [
        (s, p, [f"复核意见：{c.target_label}：{c.text[:80]}" if c.target else f"复核意见：{c.text[:80]}"
                for c in s.comments.all()] + list(p.result.findings))
        for s, p in round_proposals(r, table)
    ]  # fmt: skip
    return {
        "r": r,
        "decision": decision,
        "table": form_data or table_to_data(table),
        "actions": [a.value for a in Action],
        "pairs": pairs,
        "pending": r.submissions.exclude(status__in=HAS_RESULT).exclude(status="draft").count(),
        "log": AuditLog.objects.filter(target_key=AuditLog.key(r), detail__startswith="预算挂钩表")[
            :20
        ],
    }


@require_GET
@login_required
def round_results(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_round(request.user, pk, Need.REVIEW)
    return render(request, "results/round.html", _round_context(r))


@require_POST
@login_required
def linkage(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_round(request.user, pk, Need.REVIEW)
    p = request.POST
    data = {
        "rules": [
            {
                "grade": g,
                "action": p.get(f"action-{g}", ""),
                "cut_percent": p.get(f"cut-{g}", "0"),
                "wording": p.get(f"wording-{g}", ""),
            }
            for g in GRADES
        ],
        "feedback_days": p.get("feedback_days", ""),
        "answer_days": p.get("answer_days", ""),
    }
    try:
        LinkageDecision.decide(by=request.user, round=r, data=data, reason=p.get("reason", ""))
    except (LinkageError, WorkflowError) as exc:
        messages.error(request, f"挂钩表未保存：{exc}")
        return render(request, "results/round.html", _round_context(r, data), status=400)
    messages.success(request, "预算挂钩表已保存，下年度预算建议已按新表重算。")
    return redirect("results_round", pk=r.pk)


@require_GET
@login_required
def export(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_round(request.user, pk, Need.REVIEW)
    rows = export_rows(round_proposals(r, LinkageDecision.table_of(r)))
    response = HttpResponse(
        overview_xlsx(f"{r.title} · 下年度预算挂钩建议", rows),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = attachment(
        f"{r.title}-预算挂钩建议.xlsx", "budget-linkage.xlsx"
    )
    return response


@require_POST
@login_required
def issue(request: HttpRequest, pk: int) -> HttpResponse:
    s = get_submission(request.user, pk, Need.REVIEW)
    try:
        task = RectificationTask.issue(
            by=request.user,
            submission=s,
            source=request.POST.get("source", ""),
            requirement=request.POST.get("requirement", ""),
        )
    except WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("results_round", pk=s.round_id)
    messages.success(request, f"已下达整改任务，整改期限 {task.answer_due:%Y-%m-%d}。")
    return redirect("rectification", pk=task.pk)


def get_task(user: Any, pk: int) -> RectificationTask:
    try:
        return visible_tasks(user).get(pk=pk)
    except RectificationTask.DoesNotExist:
        raise Http404("没有找到这项整改任务。") from None


@require_http_methods(["GET", "POST"])
@login_required
def task(request: HttpRequest, pk: int) -> HttpResponse:
    t = get_task(request.user, pk)
    if request.method == "POST":
        m = membership(request.user)
        if m is None or m.role not in EDITORS:
            raise PermissionDenied("您的角色不能进行此操作。")
        try:
            t.respond(
                by=request.user,
                feedback=request.POST.get("feedback", ""),
                answer=request.POST.get("answer", ""),
            )
        except WorkflowError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                "已答复，等待财政局销号。"
                if t.status == TaskStatus.ANSWERED
                else "已反馈整改计划。",
            )
        return redirect("rectification", pk=t.pk)
    return render(
        request,
        "results/task.html",
        {
            "t": t,
            "late": t.lateness(),
            "can_answer": t.can_answer(request.user),
            "can_close": t.can_close(request.user),
        },
    )


@require_POST
@login_required
def close(request: HttpRequest, pk: int) -> HttpResponse:
    t = get_task(request.user, pk)
    if not _bureau(request.user):
        raise PermissionDenied("您的角色不能进行此操作。")
    reopen = request.POST.get("reopen") == "1"
    try:
        t.close(by=request.user, reopen=reopen, note=request.POST.get("note", ""))
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已退回重新整改。" if reopen else "已销号。")
    return redirect("rectification", pk=t.pk)
