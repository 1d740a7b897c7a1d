"""The review page: the reviewer's score per indicator beside the unit's, comment, gap."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from jixiao_web.evaluations import layout, screen
from jixiao_web.evaluations.access import Need, get_submission
from jixiao_web.evaluations.analysis import analyse
from jixiao_web.evaluations.models import decimal_or_none
from jixiao_web.evaluations.workflow import TRANSITIONS, WorkflowError
from jixiao_web.targets.services import earlier_stages


@require_http_methods(["GET", "POST"])
@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    s = get_submission(request.user, pk, Need.REVIEW)
    content = s.content
    indicators = content.get("indicators") or []
    errors: dict[str, str] = {}
    if request.method == "POST":
        scores: dict[int, tuple[Decimal | None, str]] = {}
        for i in range(len(indicators)):
            name = f"review-{i}-score"
            if name not in request.POST:
                continue
            try:
                value = layout.parse_number(request.POST.get(name, ""))
            except ValueError:
                errors[name] = "不是数字"
                continue
            if problem := s.review_score_problem(i, value):
                errors[name] = problem
                continue
            scores[i] = (value, request.POST.get(f"review-{i}-comment", ""))
        if errors:
            messages.error(
                request,
                f"有 {len(errors)} 个复核得分不对，请按红色提示修改后再保存（填写的内容都保留在下面，尚未保存）。",
            )
        else:
            try:
                s.save_review_scores(by=request.user, scores=scores)
            except WorkflowError as exc:
                messages.error(request, str(exc))
                errors[""] = str(exc)  # show what was typed, not the stored scores
            else:
                messages.success(request, "复核评分已保存。")
                return redirect("review", pk=s.pk)
    existing = {r.index: r for r in s.review_scores.all()}
    analysis = analyse(content, s.round.profile, **earlier_stages(s))
    rows = []
    for i, ind in enumerate(indicators):
        r = existing.get(i)
        self_score = decimal_or_none(ind.get("score"))
        rows.append(
            {
                "index": i,
                "ind": ind,
                "self_score": self_score,
                "weight": decimal_or_none(ind.get("weight")),
                "review": r,
                "gap": r.gap if r else None,
                "findings": analysis.by_row.get(f"ind-{i}", []),
                "value": _typed(request, f"review-{i}-score", "" if not r or r.score is None else r.score)
                if errors
                else ("" if not r or r.score is None else r.score),
                "comment": _typed(request, f"review-{i}-comment", r.comment if r else "")
                if errors
                else (r.comment if r else ""),
                "error": errors.get(f"review-{i}-score", ""),
            }
        )
    return render(
        request,
        "evaluations/review.html",
        {
            "s": s,
            "rows": rows,
            "analysis": analysis,
            "editable": s.can_review(request.user),
            "transitions": [TRANSITIONS[n] for n in s.allowed_transitions(request.user)],
            "comment_targets": screen.comment_targets(content),
            "comments": s.comments.select_related("author"),
        },
        status=400 if errors else 200,
    )


def _typed(request: HttpRequest, name: str, stored: object) -> object:
    """What was typed in ``name`` (a rejected save shows it again), else the stored value."""
    return request.POST[name] if name in request.POST else stored
