"""The 佐证材料 page of a form (list, preview, upload, remove, ask for more), one file, and all
files of a form as one zip."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from jixiao_web.accounts.models import AuditLog
from jixiao_web.evaluations import screen as screens
from jixiao_web.evaluations.access import Need, get_submission
from jixiao_web.evaluations.exports import attachment
from jixiao_web.evaluations.workflow import WorkflowError
from jixiao_web.evidence import files
from jixiao_web.evidence.models import Attachment, Evidence, as_of, by_target, current

# what a served file may do in the browser: nothing but be shown, framed by our own pages
FILE_POLICY = (
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'"
)


def limit() -> int:
    return int(getattr(settings, "EVIDENCE_MAX_BYTES", settings.MAX_UPLOAD_BYTES))


@require_GET
@login_required
def evidence_page(request: HttpRequest, pk: int) -> HttpResponse:
    s = get_submission(request.user, pk)
    items = list(current(s))
    grouped = by_target(items)
    targets = screens.comment_targets(s.content)
    asked = {c.target for c in s.comments.filter(open=True, asks_evidence=True)}
    rows = [
        {
            "target": t,
            "label": "整表（不针对某一行）" if not t else label,
            "items": grouped.get(t, []),
            "asked": t in asked,
        }
        for t, label in targets
        if t == "" or t.startswith(("ind-", "funds-"))
    ]
    return render(
        request,
        "evidence/page.html",
        {
            "s": s,
            "rows": rows,
            "count": len(items),
            "editable": s.can_edit(request.user),
            "reviewable": s.can_review(request.user),
            "suffixes": ",".join(files.KINDS),
            "limit_mb": limit() // 1024 // 1024,
        },
    )


@require_POST
@login_required
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    s = get_submission(request.user, pk, Need.EDIT)
    target = request.POST.get("target", "")[:40]
    back = redirect(f"{reverse('evidence', args=[s.pk])}#ev-{target or 'form'}")
    if refusal := s.edit_refusal(request.user):
        messages.error(request, f"上传失败：{refusal}")
        return back
    if target not in {t for t, _ in screens.comment_targets(s.content)}:
        messages.error(request, "上传失败：没有这一行。")
        return back
    uploaded = request.FILES.getlist("file")
    if not uploaded:
        messages.error(request, "上传失败：请选择文件。")
        return back
    for f in uploaded:
        store(request, Evidence(submission=s, target=target, added_in=s.version), f, s)
    return back


def store(request: HttpRequest, e: Attachment, f: UploadedFile, owner: Any) -> bool:
    """Check one uploaded file (type, size, content: :mod:`files`) and keep it as ``e`` (its
    owner, target and version already set), with the audit log entry on ``owner`` and a
    message either way."""
    name = Path(f.name or "").name[:255]
    try:
        kind = files.check(name, f.size or 0, f.file, limit())
    except files.Refused as exc:
        messages.error(request, f"上传失败：{exc}")
        return False
    f.seek(0)
    digest = hashlib.sha256()
    for chunk in f.chunks():
        digest.update(chunk)
    f.seek(0)
    e.name, e.kind, e.size, e.sha256 = name, kind, f.size or 0, digest.hexdigest()
    e.note = request.POST.get("note", "").strip()[:200]
    e.uploaded_by = request.user
    e.file.save(name, f, save=True)
    AuditLog.record(
        AuditLog.Action.SAVED,
        user=request.user,
        target=owner,
        detail=f"上传佐证材料（{e.target_label}）：{name}",
    )
    messages.success(request, f"已上传佐证材料“{name}”（{e.target_label}）。")
    return True


def withdraw(request: HttpRequest, e: Attachment, owner: Any, version: int, kept: str = "（历史版本中仍保留）") -> None:
    """Take ``e`` off its table from ``version`` on; the file stays (earlier versions keep it)."""
    e.removed_in = version
    e.save(update_fields=["removed_in"])
    AuditLog.record(
        AuditLog.Action.SAVED,
        user=request.user,
        target=owner,
        detail=f"删除佐证材料（{e.target_label}）：{e.name}",
    )
    messages.success(request, f"已删除“{e.name}”{kept}。")


@require_POST
@login_required
def remove(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    s = get_submission(request.user, pk, Need.EDIT)
    e = current(s).filter(pk=evidence_pk).first()
    if e is None:
        raise Http404("没有这份佐证材料。")
    if refusal := s.edit_refusal(request.user):
        messages.error(request, f"删除失败：{refusal}")
    else:
        withdraw(request, e, s, s.version)
    return redirect(f"{reverse('evidence', args=[s.pk])}#ev-{e.target or 'form'}")


@require_POST
@login_required
def ask(request: HttpRequest, pk: int) -> HttpResponse:
    """The reviewer asks for evidence on a row: an opinion the unit answers and the reviewer closes."""
    s = get_submission(request.user, pk, Need.REVIEW)
    target = request.POST.get("target", "")[:40]
    text = request.POST.get("text", "").strip() or "请补充佐证材料。"
    try:
        c = s.add_comment(by=request.user, target=target, text=text)
    except WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        c.asks_evidence = True
        c.save(update_fields=["asks_evidence"])
        messages.success(request, f"已要求补充佐证材料（{c.target_label}）。")
    return redirect(f"{reverse('evidence', args=[s.pk])}#ev-{target or 'form'}")


@require_GET
@login_required
@xframe_options_sameorigin
def serve(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    """One file: PDF and images shown inline (for the preview), Office files downloaded."""
    s = get_submission(request.user, pk)
    e = Evidence.objects.filter(submission=s, pk=evidence_pk).first()
    if e is None:
        raise Http404("没有这份佐证材料。")
    return file_response(request, e)


def file_response(request: HttpRequest, e: Attachment) -> HttpResponse:
    suffix = Path(e.name).suffix.lower()
    inline = e.previewable and request.GET.get("download") != "1"
    response = FileResponse(
        e.file.open("rb"),
        content_type=files.CONTENT_TYPES.get(suffix, "application/octet-stream"),
    )
    response["Content-Disposition"] = attachment(e.name, f"evidence{suffix}").replace(
        "attachment", "inline" if inline else "attachment", 1
    )
    response["Content-Security-Policy"] = FILE_POLICY
    return response


@require_GET
@login_required
def bundle(request: HttpRequest, pk: int) -> HttpResponse:
    """All current attachments of the form as one zip, in folders by row."""
    s = get_submission(request.user, pk)
    number = request.GET.get("version", "")
    items = as_of(s, int(number)) if number.isdigit() else list(current(s))
    if not items:
        raise Http404("这份自评还没有佐证材料。")
    return zip_response(items, f"{s.round.year}-{s.unit.name}-佐证材料.zip")


def zip_response(items: list[Any], filename: str) -> HttpResponse:
    """The attachments as one zip, in folders by row (a name used twice gets （2）)."""
    buffer = io.BytesIO()
    used: set[str] = set()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for e in items:
            path = f"{e.target_label}/{e.name}"
            n = 1
            while path in used:
                n += 1
                path = f"{e.target_label}/{Path(e.name).stem}（{n}）{Path(e.name).suffix}"
            used.add(path)
            with e.file.open("rb") as fh:
                zf.writestr(path, fh.read())
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = attachment(filename, "evidence.zip")
    return response
