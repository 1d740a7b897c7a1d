"""The dashboard (rounds with days left and the unit's status), opening and starting rounds."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jixiao import bounds
from jixiao_web.evaluations.access import (
    Need,
    get_round,
    membership,
    visible_rounds,
    visible_submissions,
)
from jixiao_web.evaluations.forms import DeadlineForm, RoundForm
from jixiao_web.evaluations.models import Round, Submission
from jixiao_web.evaluations.workflow import (
    EDITABLE,
    EDITORS,
    REVIEWERS,
    UNDER_REVIEW,
    Status,
    WorkflowError,
)
from jixiao_web.reevaluation.views import unit_notices
from jixiao_web.results.views import reminders
from jixiao_web.targets.services import prefilled_content


@require_GET
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    m = membership(request.user)
    rounds = list(visible_rounds(request.user).filter(is_open=True)[:50])
    mine: dict[int, list[Submission]] = {}
    for s in visible_submissions(request.user).filter(round__in=rounds).order_by("project"):
        mine.setdefault(s.round_id, []).append(s)
    counts: dict[int, dict[str, int]] = {}
    if m is None or m.role in REVIEWERS:
        for row in (
            Submission.objects.filter(round__in=rounds)
            .values("round_id", "status")
            .annotate(n=Count("id"))
        ):
            counts.setdefault(row["round_id"], {})[Status(row["status"]).label] = row["n"]
    items = [
        {
            "round": r,
            "days_left": r.days_left(),
            "submissions": mine.get(r.pk, []),
            "counts": counts.get(r.pk, {}),
        }
        for r in rounds
    ]
    return render(
        request,
        "evaluations/dashboard.html",
        {
            "items": items,
            "is_unit": m is not None and m.role in EDITORS,
            "is_bureau": request.user.is_superuser or (m is not None and m.role in REVIEWERS),
            "rectifications": reminders(request.user),
            "sampled": unit_notices(request.user),
            "recent": visible_submissions(request.user).order_by("-updated_at")[:10],
            "waiting": visible_submissions(request.user)
            .filter(status__in=UNDER_REVIEW if m is None or m.role in REVIEWERS else EDITABLE)
            .order_by("submitted_at", "updated_at")[:50],
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def round_new(request: HttpRequest) -> HttpResponse:
    m = membership(request.user)
    superuser_only = m is None and request.user.is_superuser  # e.g. the first administrator
    if not superuser_only and (m is None or m.role not in REVIEWERS):
        raise PermissionDenied("只有财政局审核人或管理员可以开启评价轮次。")
    form = RoundForm(request.POST or None, choose_region=superuser_only)
    region = None if superuser_only else m.region  # type: ignore[union-attr]
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        region = data.pop("region", None) or region
        try:
            r = Round.open(by=request.user, region=region, **data)
        except WorkflowError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"已开启“{r.title}”，截止 {r.deadline:%Y-%m-%d}。")
            return redirect("dashboard")
    return render(request, "evaluations/round_new.html", {"form": form, "region": region})


@require_POST
@login_required
def round_start(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_round(request.user, pk, Need.EDIT)
    # as Submission.start keeps it: no control character reaches a query (PostgreSQL refuses NUL)
    project = bounds.clean_text(request.POST.get("project", "")).strip()[:200]
    try:
        # a unit with approved targets for the year starts from them (jixiao_web.targets)
        content = prefilled_content(request.user, r, project)
        s = Submission.start(
            by=request.user,
            round=r,
            project=project,
            content=content,
            from_targets=content is not None,
        )
    except WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("dashboard")
    return redirect("form", pk=s.pk)


@require_GET
@login_required
def rounds(request: HttpRequest) -> HttpResponse:
    """The bureau's rounds, open and closed, with close / extend / reopen."""
    m = membership(request.user)
    if not request.user.is_superuser and (m is None or m.role not in REVIEWERS):
        raise PermissionDenied("只有财政局审核人或管理员可以管理评价轮次。")
    items = visible_rounds(request.user).annotate(n=Count("submissions"))[:200]
    return render(
        request, "evaluations/rounds.html", {"rounds": items, "deadline_form": DeadlineForm()}
    )


@require_POST
@login_required
def round_manage(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_round(request.user, pk, Need.REVIEW)
    action = request.POST.get("action", "")
    deadline = None
    if action == "extend":
        form = DeadlineForm(request.POST)
        if not form.is_valid():
            for errs in form.errors.values():
                for e in errs:
                    messages.error(request, f"“{r.title}”：{e}")
            return redirect("rounds")
        deadline = form.cleaned_data["deadline"]
    try:
        done = r.manage(by=request.user, action=action, deadline=deadline)
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"“{r.title}”：已{done}。")
    return redirect("rounds")
