"""The review page: the reviewer's score per indicator, and of the 预算执行 fund row, beside
the unit's, with a comment and the gap."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from jixiao_web.evaluations import layout, screen
from jixiao_web.evaluations.access import Need, get_submission
from jixiao_web.evaluations.analysis import analyse
from jixiao_web.evaluations.models import Submission, decimal_or_none
from jixiao_web.evaluations.workflow import WorkflowError
from jixiao_web.targets.services import earlier_stages

Scores = dict[int, tuple[Decimal | None, str]]


def scored_funds(content: dict[str, Any]) -> list[int]:
    """The fund rows that carry points (the 预算执行 row: a 分值 or a 得分), re-scored like
    the indicators."""
    return [
        i
        for i, row in enumerate(content.get("funds") or [])
        if row.get("weight") is not None or row.get("score") is not None
    ]


@require_http_methods(["GET", "POST"])
@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    s = get_submission(request.user, pk, Need.REVIEW)
    content = s.content
    tables = {
        "ind": list(enumerate(content.get("indicators") or [])),
        "funds": [(i, content["funds"][i]) for i in scored_funds(content)],
    }
    errors: dict[str, str] = {}
    if request.method == "POST":
        posted = {
            part: _posted_scores(request, s, part, rows, errors) for part, rows in tables.items()
        }
        if errors:
            messages.error(
                request,
                f"有 {len(errors)} 个复核得分不对，请按红色提示修改后再保存（填写的内容都保留在下面，尚未保存）。",
            )
        else:
            try:
                s.save_review_scores(by=request.user, scores=posted["ind"], funds=posted["funds"])
            except WorkflowError as exc:
                messages.error(request, str(exc))
                errors[""] = str(exc)  # show what was typed, not the stored scores
            else:
                messages.success(request, "复核评分已保存。")
                return redirect("review", pk=s.pk)
    existing = {(r.part, r.index): r for r in s.review_scores.all()}
    analysis = analyse(content, s.round.profile, **earlier_stages(s))
    rows: dict[str, list[dict[str, Any]]] = {}
    for part, lines in tables.items():
        rows[part] = []
        for i, line in lines:
            r = existing.get((part, i))
            prefix = _prefix(part, i)
            value = "" if not r or r.score is None else r.score
            comment = r.comment if r else ""
            if errors:  # a rejected save shows what was typed, not the stored scores
                value = request.POST.get(f"{prefix}-score", value)
                comment = request.POST.get(f"{prefix}-comment", comment)
            rows[part].append(
                {
                    "index": i,
                    "prefix": prefix,
                    "ind": line,
                    "self_score": decimal_or_none(line.get("score")),
                    "weight": decimal_or_none(line.get("weight")),
                    "review": r,
                    "gap": r.gap if r else None,
                    "findings": analysis.by_row.get(f"{part}-{i}", []),
                    "value": value,
                    "comment": comment,
                    "error": errors.get(f"{prefix}-score", ""),
                }
            )
    return render(
        request,
        "evaluations/review.html",
        {
            "s": s,
            "rows": rows["ind"],
            "fund_rows": rows["funds"],
            "analysis": analysis,
            "editable": s.can_review(request.user),
            "transitions": s.offered_transitions(request.user, analysis),
            "comment_targets": screen.comment_targets(content),
            "comments": s.comments.select_related("author"),
        },
        status=400 if errors else 200,
    )


def _prefix(part: str, index: int) -> str:
    """Input names: ``review-3-score`` (indicator row 4), ``review-funds-0-score``."""
    return f"review-{index}" if part == "ind" else f"review-{part}-{index}"


def _posted_scores(
    request: HttpRequest,
    s: Submission,
    part: str,
    lines: list[tuple[int, dict[str, Any]]],
    errors: dict[str, str],
) -> Scores:
    """The scores posted for one table's rows; a bad one goes to ``errors`` by input name."""
    scores: Scores = {}
    for i, _ in lines:
        name = f"{_prefix(part, i)}-score"
        if name not in request.POST:
            continue
        try:
            value = layout.parse_number(request.POST.get(name, ""))
        except ValueError:
            errors[name] = "不是数字"
            continue
        if problem := s.review_score_problem(i, value, part):
            errors[name] = problem
            continue
        scores[i] = (value, request.POST.get(f"{_prefix(part, i)}-comment", ""))
    return scores
