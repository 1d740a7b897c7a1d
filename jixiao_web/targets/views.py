"""Target declaration pages: the list of rounds and tables, opening a round, the table form
(save, live checks, import), submission, the bureau's review and revision requests."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jixiao.errors import JixiaoError
from jixiao.lifecycle import TargetTable, read_stage_file
from jixiao.lifecycle.serialize import stage_dict
from jixiao_web.accounts.models import AuditLog
from jixiao_web.evaluations.access import Need, membership
from jixiao_web.evaluations.forms import ImportForm
from jixiao_web.evaluations.layout import FORM_SOURCE, without_server_paths
from jixiao_web.evaluations.views.form import posted_version
from jixiao_web.evaluations.workflow import EDITORS, REVIEWERS, ConflictError, WorkflowError
from jixiao_web.files import new_upload_path, open_private
from jixiao_web.stages import round_page
from jixiao_web.targets import layout
from jixiao_web.targets.access import (
    get_declaration,
    get_target_round,
    visible_declarations,
    visible_target_rounds,
)
from jixiao_web.targets.analysis import analyse_targets
from jixiao_web.targets.forms import TargetRoundForm
from jixiao_web.targets.models import (
    Grade,
    RevisionRequest,
    TargetDeclaration,
    TargetRound,
    is_reviewer_of,
)
from jixiao_web.targets.services import library_suggestions, previous_approved

log = logging.getLogger(__name__)


@require_GET
@login_required
def index(request: HttpRequest) -> HttpResponse:
    """The rounds of the user's region and the tables they may see."""
    m = membership(request.user)
    declarations = visible_declarations(request.user).order_by("-round__year", "unit__name", "project")
    return render(
        request,
        "targets/index.html",
        {
            "rounds": visible_target_rounds(request.user)[:50],
            "declarations": declarations[:500],
            "is_unit": m is not None and m.role in EDITORS,
            "is_bureau": request.user.is_superuser or (m is not None and m.role in REVIEWERS),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def round_new(request: HttpRequest) -> HttpResponse:
    return round_page(request, TargetRoundForm, TargetRound, "targets/round_new.html", "targets", "目标申报")


@require_POST
@login_required
def start(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_target_round(request.user, pk, Need.EDIT)
    try:
        d = TargetDeclaration.start(by=request.user, round=r, project=request.POST.get("project", ""))
    except WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("targets")
    return redirect("target_form", pk=d.pk)


def _context(
    request: HttpRequest,
    d: TargetDeclaration,
    content: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    typed: dict[str, str] | None = None,
) -> dict[str, Any]:
    content = content if content is not None else d.content
    analysis = analyse_targets(content)
    suggested = library_suggestions(d) if d.can_edit(request.user) else ()
    header, rows = layout.rows(content, analysis.by_row, errors, typed)
    comments = list(d.comments.select_related("author"))
    for row in rows:
        row.comments = [c for c in comments if c.row is not None and f"ind-{c.row}" == row.key]
    return {
        "table_comments": [c for c in comments if c.row is None],
        "d": d,
        "content": content,
        "header": header,
        "rows": rows,
        "analysis": analysis,
        "errors": errors or {},
        "editable": d.can_edit(request.user),
        "can_submit": d.can_submit(request.user),
        "can_review": d.can_review(request.user),
        "can_request_revision": d.can_request_revision(request.user),
        "can_publish": d.can_publish(request.user),
        "can_decide": is_reviewer_of(request.user, d.round.region_id),
        "grades": Grade.choices,
        "choices": layout.choices(suggested),
        "previous": previous_approved(d) if d.can_edit(request.user) else None,
        "library": suggested,
        "requests": d.revision_requests.select_related("requested_by", "decided_by"),
        "history": AuditLog.objects.filter(target_key=AuditLog.key(d))[:100],
        "import_form": ImportForm(),
    }


@require_http_methods(["GET", "POST"])
@login_required
def form(request: HttpRequest, pk: int) -> HttpResponse:
    d = get_declaration(request.user, pk, Need.EDIT if request.method == "POST" else Need.VIEW)
    if request.method == "GET":
        return render(request, "targets/form.html", _context(request, d))
    parsed = layout.from_post(d.content, request.POST)
    if request.POST.get("action") == "add-indicator":
        last = (parsed.data.get("indicators") or [{}])[-1]
        parsed.data.setdefault("indicators", []).append(
            {"level1": last.get("level1"), "level2": last.get("level2"), "name": ""}
        )
    if parsed.errors:
        messages.error(request, f"有 {len(parsed.errors)} 处填写有误，请按红色提示修改后再保存（尚未保存）。")
        ctx = _context(request, d, parsed.data, parsed.errors, parsed.typed)
        return render(request, "targets/form.html", ctx, status=400)
    return _save(request, d, parsed.data, "保存")


def _save(
    request: HttpRequest,
    d: TargetDeclaration,
    content: dict[str, Any],
    note: str,
    action: str = AuditLog.Action.SAVED,
) -> HttpResponse:
    try:
        changed = d.save_content(
            by=request.user, content=content, base_version=posted_version(request), note=note, action=action
        )
    except ConflictError as exc:
        messages.error(request, str(exc))
        return render(request, "targets/form.html", _context(request, d, content), status=409)
    except WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("target_form", pk=d.pk)
    if changed is None:
        messages.info(request, "没有修改，无需保存。")
    else:
        messages.success(
            request, f"已保存（第{d.version}版，{changed}处修改；{d.errors} 个错误，{d.warnings} 个警告）。"
        )
    return redirect("target_form", pk=d.pk)


@require_POST
@login_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The findings fragment of the table as typed (not saved)."""
    d = get_declaration(request.user, pk, Need.EDIT)
    parsed = layout.from_post(d.content, request.POST)
    analysis = analyse_targets(parsed.data)
    _, rows = layout.rows(parsed.data, analysis.by_row, parsed.errors, parsed.typed)
    return render(
        request,
        "targets/_analysis.html",
        {"analysis": analysis, "rows": rows, "errors": parsed.errors, "d": d},
    )


def _pick(stages: tuple[Any, ...], project: str) -> TargetTable | None:
    """The target table of the file: the one of the declaration's project when the file holds
    several (a province's export), else the first."""
    tables = [s for s in stages if isinstance(s, TargetTable)]
    for t in tables:
        if project and t.project is not None and t.project.text.strip() == project:
            return t
    return tables[0] if tables else None


@require_POST
@login_required
def import_file(request: HttpRequest, pk: int) -> HttpResponse:
    """Read an uploaded target table (.xlsx/.docx/.txt/… through ``jixiao.lifecycle``) into the
    table, replacing its indicators (a new version; the file itself is not kept)."""
    d = get_declaration(request.user, pk, Need.EDIT)
    if refusal := d.edit_refusal(request.user):
        messages.error(request, f"导入失败：{refusal}")
        return redirect("target_form", pk=d.pk)
    f = ImportForm(request.POST, request.FILES)
    if not f.is_valid():
        for errs in f.errors.values():
            for e in errs:
                messages.error(request, f"导入失败：{e}")
        return redirect("target_form", pk=d.pk)
    upload = f.cleaned_data["file"]
    original = Path(upload.name).name
    stored = new_upload_path(original)
    try:
        with open_private(stored) as out:
            for chunk in upload.chunks():
                out.write(chunk)
        table = _pick(read_stage_file(stored), d.project)
    except JixiaoError as exc:
        messages.error(request, f"导入失败：{original}：{getattr(exc, 'message', exc)}")
        return redirect("target_form", pk=d.pk)
    except Exception as exc:  # a reader bug must not become a 500 page
        log.exception("target import of %s failed", original)
        messages.error(request, f"导入失败：{original}：无法读取（{type(exc).__name__}）")
        return redirect("target_form", pk=d.pk)
    finally:
        stored.unlink(missing_ok=True)
    if table is None or not table.indicators:
        why = "；".join(table.notes) if table is not None and table.notes else "标题应含“绩效目标”"
        messages.error(request, f"导入失败：{original}：没有读到绩效目标表的绩效指标（{why}）。")
        return redirect("target_form", pk=d.pk)
    current = d.content
    read = without_server_paths(stage_dict(table), original)
    content = current | {
        k: read[k] for k in ("amount", "goal", "long_term_goal", "duties", "indicators", "funds") if read.get(k)
    }
    content["source"] = FORM_SOURCE
    for row in content["indicators"]:
        row.pop("location", None)
    note = f"导入 {original}（{len(content['indicators'])} 项指标）"
    if table.year is not None and int(table.year.value) != d.round.year:
        note += f"，文件年度 {table.year.value} 与申报年度 {d.round.year} 不同，请核对"
    return _save(request, d, content, note, AuditLog.Action.IMPORTED)


@require_POST
@login_required
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    d = get_declaration(request.user, pk, Need.EDIT)
    try:
        d.submit(by=request.user)
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已报送财政局审核。")
    return redirect("target_form", pk=d.pk)


@require_POST
@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    d = get_declaration(request.user, pk, Need.REVIEW)
    try:
        d.review(by=request.user, grade=request.POST.get("grade", ""), comment=request.POST.get("comment", ""))
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"审核等级“{d.grade}”：{d.get_status_display()}。")
    return redirect("target_form", pk=d.pk)


@require_POST
@login_required
def revision_request(request: HttpRequest, pk: int) -> HttpResponse:
    d = get_declaration(request.user, pk, Need.EDIT)
    try:
        d.request_revision(by=request.user, reason=request.POST.get("reason", ""))
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "修订申请已报送财政局。")
    return redirect("target_form", pk=d.pk)


@require_POST
@login_required
def revision_decide(request: HttpRequest, pk: int, request_pk: int) -> HttpResponse:
    d = get_declaration(request.user, pk, Need.REVIEW)
    r = get_object_or_404(RevisionRequest, pk=request_pk, declaration=d)
    approve = request.POST.get("decision") == "approve"
    try:
        r.decide(by=request.user, approve=approve, decision=request.POST.get("comment", ""))
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已同意修订，目标表退回单位修改。" if approve else "已不同意修订，批复的目标不变。")
    return redirect("target_form", pk=d.pk)


@require_POST
@login_required
def copy_previous(request: HttpRequest, pk: int) -> HttpResponse:
    """Start from last year's approved targets of the same unit, kind and project: their
    indicators (and goal, where this year's is blank) replace the table's (a new version)."""
    d = get_declaration(request.user, pk, Need.EDIT)
    previous = previous_approved(d)
    if previous is None or previous.approved_content is None:
        messages.error(request, f"没有找到本单位{d.round.year - 1}年度同一项目批复的绩效目标。")
        return redirect("target_form", pk=d.pk)
    old = previous.approved_content
    content = d.content
    content["indicators"] = [
        {k: v for k, v in row.items() if k != "location"} for row in old.get("indicators") or []
    ]
    if not content.get("goal"):
        content["goal"] = old.get("goal")
    note = f"导入{previous.round.year}年度批复的目标（{len(content['indicators'])} 项指标），请按本年度调整指标值"
    return _save(request, d, content, note, AuditLog.Action.IMPORTED)


@require_POST
@login_required
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    """The bureau's opinion on an indicator row (``row``: its index; blank: the whole table)."""
    d = get_declaration(request.user, pk, Need.REVIEW)
    text = request.POST.get("row", "")
    row = int(text) if text.isdigit() and len(text) < 5 else None
    try:
        d.add_comment(by=request.user, row=row, text=request.POST.get("text", ""))
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "审核意见已保存，单位在表格对应行旁可以看到。")
    return redirect("target_form", pk=d.pk)
