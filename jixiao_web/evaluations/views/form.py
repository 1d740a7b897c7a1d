"""The form: view and save, live preview (findings and scores while typing), file import,
add an indicator row, export."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

import jixiao
from jixiao.errors import JixiaoError
from jixiao.serialize import dump_value, to_dict
from jixiao_web.accounts.models import AuditLog
from jixiao_web.evaluations import importing, layout, screen
from jixiao_web.evaluations.access import Need, get_submission
from jixiao_web.evaluations.analysis import Analysis, analyse, evaluation_of
from jixiao_web.evaluations.exports import FORMATS, ExportUnavailable, attachment, export_bytes
from jixiao_web.evaluations.forms import ImportForm
from jixiao_web.evaluations.models import Submission, Upload
from jixiao_web.evaluations.workflow import EDITABLE, ConflictError, Status, WorkflowError
from jixiao_web.evidence import models as evidence
from jixiao_web.files import new_upload_path, open_private
from jixiao_web.monitoring.services import forecasts_by_row
from jixiao_web.targets import locking
from jixiao_web.targets.services import earlier_stages

log = logging.getLogger(__name__)


def form_context(
    request: HttpRequest,
    s: Submission,
    content: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    analysis: Analysis | None = None,
    typed: dict[str, str] | None = None,
) -> dict[str, Any]:
    content = content if content is not None else s.content
    earlier = earlier_stages(s)
    analysis = analysis or analyse(content, s.round.profile, **earlier)
    pristine = not importing.has_typed_content(
        content, s.round.kind, s.round.year, s.unit.name, s.project
    )
    transitions = s.offered_transitions(request.user, analysis)
    if pristine:  # nothing typed yet: no list of blanks before the clerk has begun
        analysis = Analysis(sheet=analysis.sheet, error=analysis.error)
    comments = list(s.comments.select_related("author"))
    sc = screen.build(content, analysis, comments, errors, typed)
    evidence.attach(sc, s)
    needed = s.full_marks_without_evidence(content) if s.status in EDITABLE else {}
    said = forecasts_by_row(content, earlier["monitoring"])
    locked = locking.locked_rows(s, content) if s.status in EDITABLE else set()
    for i, row in enumerate(sc.indicators):
        row.evidence_needed = row.key in needed
        row.monitoring = said.get(row.key, "")
        row.locked = i in locked
        for c in row.cells if row.locked else ():
            c.locked = c.name.rsplit("-", 1)[-1] in locking.LOCKED_CELLS
    return {
        "s": s,
        "screen": sc,
        "analysis": analysis,
        "editable": s.can_edit(request.user),
        "reviewable": s.can_review(request.user),
        "transitions": transitions,
        "comment_targets": screen.comment_targets(content) if s.can_review(request.user) else [],
        "open_comments": [c for c in comments if c.open],
        "formats": FORMATS,
        "pristine": pristine,
        "evidence_needed": list(needed.values()),
        "import_form": ImportForm(),
        "has_targets": earlier["targets"] is not None,
        "has_monitoring": earlier["monitoring"] is not None,
        "locked_rows": len(locked),
    }


@require_http_methods(["GET", "POST"])
@login_required
def form(request: HttpRequest, pk: int) -> HttpResponse:
    s = get_submission(request.user, pk, Need.EDIT if request.method == "POST" else Need.VIEW)
    if request.method == "GET":
        return render(request, "evaluations/form.html", form_context(request, s))
    parsed = layout.from_post(s.content, request.POST)
    if request.POST.get("action") == "add-indicator":  # without JavaScript: a blank row, last
        parsed.data.setdefault("indicators", []).append(
            {"level1": "", "level2": "", "name": "", "target": "", "actual": ""}
        )
    if parsed.errors:
        messages.error(
            request,
            f"有 {len(parsed.errors)} 处填写有误，请按红色提示修改后再保存（已填写的内容都保留在下面，尚未保存）。",
        )
        ctx = form_context(request, s, parsed.data, parsed.errors, typed=parsed.typed)
        page = "form"
        if request.POST.get("next") == "report":  # the report page posts here too
            page, ctx["can_draft"] = "report", False
        return render(request, f"evaluations/{page}.html", ctx, status=400)
    return save_and_redirect(request, s, parsed.data, "保存", moves=parsed.moves)


def posted_version(request: HttpRequest) -> int:
    """The version the user's page showed (``-1`` when missing or mangled: never current,
    and never a number the database cannot compare)."""
    text = request.POST.get("version", "")
    if not (text.isascii() and text.isdigit() and len(text) <= 9):
        return -1
    return int(text)


def save_and_redirect(
    request: HttpRequest,
    s: Submission,
    content: dict[str, Any],
    note: str,
    action: str = AuditLog.Action.SAVED,
    moves: dict[str, str] | None = None,
) -> HttpResponse:
    base = posted_version(request)
    try:
        revision = s.save_content(
            by=request.user,
            content=content,
            base_version=base,
            note=note,
            action=action,
            moves=moves,
        )
    except ConflictError as exc:
        return conflict_response(request, s, content, base, str(exc))
    except WorkflowError as exc:
        messages.error(request, str(exc))
        return redirect("form", pk=s.pk)
    if revision is None:
        messages.info(request, "没有修改，无需保存。")
    else:
        messages.success(
            request, f"已保存（第{revision.number}版，{len(revision.changes)}处修改）。"
        )
    return redirect("report" if request.POST.get("next") == "report" else "form", pk=s.pk)


def conflict_response(
    request: HttpRequest, s: Submission, mine: dict[str, Any], base: int, message: str
) -> HttpResponse:
    s.refresh_from_db()
    base_rev = s.revisions.filter(number=base).first()
    current = s.content
    theirs = layout.diff(base_rev.content, current) if base_rev else []
    ours = layout.diff(base_rev.content, mine) if base_rev else layout.diff(current, mine)
    overlap = {c.field for c in theirs} & {c.field for c in ours}
    return render(
        request,
        "evaluations/conflict.html",
        {
            "s": s,
            "message": message,
            "theirs": theirs,
            "ours": ours,
            "overlap": overlap,
            "mine_against_current": layout.diff(current, mine),
        },
        status=409,
    )


@require_POST
@login_required
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The findings/score fragment for the form as typed (not saved)."""
    s = get_submission(request.user, pk, Need.EDIT)
    parsed = layout.from_post(s.content, request.POST)
    analysis = analyse(parsed.data, s.round.profile, **earlier_stages(s))
    sc = screen.build(parsed.data, analysis, [], parsed.errors, parsed.typed)
    return render(
        request,
        "evaluations/_analysis.html",
        {"analysis": analysis, "screen": sc, "errors": parsed.errors, "s": s, "editable": True},
    )


@require_POST
@login_required
def import_file(request: HttpRequest, pk: int) -> HttpResponse:
    """Read an uploaded file with ``jixiao.read`` into the draft (a new revision). A file whose
    year differs from the round's, or one that would replace typed content, is first shown for
    confirmation (the upload is kept and read again on ``upload=<id>``)."""
    s = get_submission(request.user, pk, Need.EDIT)
    if refusal := s.edit_refusal(request.user):  # before reading or keeping anything
        messages.error(request, f"导入失败：{refusal}")
        return redirect("form", pk=s.pk)
    if request.POST.get("upload"):
        return import_confirmed(request, s)
    f = ImportForm(request.POST, request.FILES)
    if not f.is_valid():
        for errs in f.errors.values():
            for e in errs:
                messages.error(request, f"导入失败：{e}")
        return redirect("form", pk=s.pk)
    upload = f.cleaned_data["file"]
    original = Path(upload.name).name
    stored = new_upload_path(original)
    try:
        return _import_stored(request, s, upload, original, stored)
    finally:
        if not s.uploads.filter(stored=stored.name).exists():
            stored.unlink(missing_ok=True)  # nothing kept from it: no file without its record


def _discard(upload: Upload) -> None:
    """An upload that will not be imported: its record and its file go."""
    (settings.UPLOAD_DIR / upload.stored).unlink(missing_ok=True)
    upload.delete()


def _import_stored(
    request: HttpRequest, s: Submission, upload: Any, original: str, stored: Path
) -> HttpResponse:
    digest = hashlib.sha256()
    with open_private(stored) as out:
        for chunk in upload.chunks():
            digest.update(chunk)
            out.write(chunk)
    try:
        evaluation = jixiao.read(stored)
    except JixiaoError as exc:
        messages.error(request, f"导入失败：{original}：{getattr(exc, 'message', exc)}")
        return redirect("form", pk=s.pk)
    except Exception as exc:  # a reader bug must not become a 500 page for the clerk
        log.exception("import of %s failed", original)
        messages.error(request, f"导入失败：{original}：无法读取（{type(exc).__name__}）")
        return redirect("form", pk=s.pk)
    upload = Upload.objects.create(
        submission=s,
        name=original[:255],
        stored=stored.name,
        size=stored.stat().st_size,
        sha256=digest.hexdigest(),
        uploaded_by=request.user,
    )
    return import_into(request, s, upload, evaluation)


def import_confirmed(request: HttpRequest, s: Submission) -> HttpResponse:
    """The second step of an import the user confirmed: the kept upload, read again."""
    upload = (
        s.uploads.filter(pk=request.POST.get("upload", "")).first()
        if request.POST.get("upload", "").isdigit()
        else None
    )
    if upload is None:
        raise Http404("没有这个导入文件。")
    try:
        evaluation = jixiao.read(settings.UPLOAD_DIR / upload.stored)
    except Exception as exc:  # the kept file was read once already; say so plainly if not now
        log.exception("re-reading upload %s failed", upload.pk)
        messages.error(request, f"导入失败：{upload.name}：无法读取（{type(exc).__name__}）")
        return redirect("form", pk=s.pk)
    return import_into(request, s, upload, evaluation)


def import_into(
    request: HttpRequest, s: Submission, upload: Upload, evaluation: Any
) -> HttpResponse:
    original = upload.name
    content = layout.without_server_paths(to_dict(evaluation), original)
    content["source"] = original
    if not content.get("unit"):
        content["unit"] = s.unit.name
    if s.project and not content.get("project"):
        content["project"] = s.project
    fit = importing.round_fit(content, s.round.year, s.round.kind, original)
    if fit.refusal:
        _discard(upload)
        messages.error(request, f"导入失败：{fit.refusal}")
        return redirect("form", pk=s.pk)
    questions = list(fit.questions)
    typed = importing.has_typed_content(
        s.content, s.round.kind, s.round.year, s.unit.name, s.project
    )
    if typed and not request.POST.get("replace"):
        questions.append(
            f"当前表中已填写的内容（第{s.version}版）将被 {original} 的内容替换；"
            "原内容可在“历史版本”中恢复。"
        )
    # the file's indicators against the approved targets: shown before anything is replaced
    plan = locking.plan_import(s, content)
    content = plan.content or content
    if (questions or plan.any) and not request.POST.get("confirmed"):
        return render(
            request,
            "evaluations/import_confirm.html",
            {
                "s": s,
                "upload": upload,
                "questions": questions,
                "plan": plan,
                "version": posted_version(request),
            },
        )
    note = f"导入 {original}"
    if fit.year is not None or fit.questions:
        note += f"（文件年度 {content.get('year')} 经确认改为 {s.round.year}）"
        content["year"] = s.round.year
    analysis = analyse(content, s.round.profile, **earlier_stages(s))
    version = s.version
    response = save_and_redirect(request, s, content, note, AuditLog.Action.IMPORTED)
    if s.version != version:
        messages.info(
            request,
            f"已导入 {original}：{analysis.errors} 个错误，{analysis.warnings} 个警告，请逐项核对。",
        )
    else:  # refused (bounds, a newer version): nothing of the file is kept
        _discard(upload)
    return response


@require_GET
@login_required
def export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    s = get_submission(request.user, pk)
    return evaluation_download(s, fmt)


def evaluation_download(s: Submission, fmt: str) -> HttpResponse:
    name = f"{s.round.year}-{s.unit.name}-绩效自评"
    if fmt != "json" and fmt not in FORMATS:
        raise Http404("没有这种导出格式。")
    if fmt == "json":
        content = layout.without_server_paths(s.content, s.content.get("source") or name)
        response = HttpResponse(dump_value(content), content_type="application/json; charset=utf-8")
    else:
        try:
            # a published form no longer changes: its files are made once (PDF takes seconds)
            digest = hashlib.sha256(f"{jixiao.__version__}\n{s.data}".encode()).hexdigest()[:32]
            key = f"{s.pk}-{digest}" if s.status == Status.PUBLISHED else None
            data = export_bytes(evaluation_of(s.content), fmt, cache_key=key)
        except ExportUnavailable:
            return HttpResponse(
                f"暂不能导出 {fmt} 格式（导出模块未安装）。",
                status=503,
                content_type="text/plain; charset=utf-8",
            )
        except JixiaoError as exc:
            return HttpResponse(
                f"导出失败：{exc}", status=500, content_type="text/plain; charset=utf-8"
            )
        except ValueError as exc:  # data saved before jixiao.bounds: out of bounds
            return HttpResponse(
                f"导出失败：{exc}。请先在表中改正这些数字。",
                status=422,
                content_type="text/plain; charset=utf-8",
            )
        response = HttpResponse(data, content_type=FORMATS[fmt][0])
    response["Content-Disposition"] = attachment(f"{name}.{fmt}", f"export.{fmt}")
    return response
