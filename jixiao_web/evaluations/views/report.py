"""The 自评报告: edit its sections; draft them from the table."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from jixiao_web.evaluations import drafting
from jixiao_web.evaluations.access import Need, get_submission
from jixiao_web.evaluations.views.form import form_context, save_and_redirect


@require_GET
@login_required
def report(request: HttpRequest, pk: int) -> HttpResponse:
    s = get_submission(request.user, pk)
    ctx = form_context(request, s)
    ctx["can_draft"] = drafting.drafter() is not None
    return render(request, "evaluations/report.html", ctx)


@require_POST
@login_required
def report_draft(request: HttpRequest, pk: int) -> HttpResponse:
    s = get_submission(request.user, pk, Need.EDIT)
    content = s.content
    try:
        sections = drafting.draft_sections(content)  # (title, sections)
    except ValueError as exc:  # data saved before jixiao.bounds: out of bounds
        messages.error(request, f"无法生成报告草稿：{exc}。请先在表中改正这些数字。")
        return redirect("report", pk=s.pk)
    if sections is None:
        messages.error(request, "报告生成模块尚未安装，请手工填写。")
        return redirect("report", pk=s.pk)
    content["report_title"], content["report"] = sections
    request.POST = request.POST.copy()
    request.POST["next"] = "report"
    return save_and_redirect(request, s, content, "根据表格生成报告草稿")
