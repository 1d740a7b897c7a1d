"""佐证材料: files attached to a form, a fund row or an indicator row. Stored through Django's
storage API (``STORAGES["evidence"]``: local disk under the data directory by default, so a
deployment can put them on shared storage). An attachment belongs to the versions of the form
from the one it was added in up to the one it was removed in: every version keeps its own."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import storages
from django.db import models

from jixiao_web.evaluations import layout
from jixiao_web.evaluations.models import Submission


def evidence_storage() -> Any:
    return storages["evidence"]


def stored_name(instance: Evidence, filename: str) -> str:
    """A generated name (the user's name is kept in ``name`` only): ``<form>/<uuid>.<ext>``."""
    return f"{instance.submission_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


def stored_name_monitoring(instance: MonitoringEvidence, filename: str) -> str:
    """``m<report>/<uuid>.<ext>`` (apart from the self-evaluations' folders)."""
    return f"m{instance.report_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class Attachment(models.Model):
    """What every attachment is: the file (under a generated name), the user's name for it,
    its kind, size and digest, who added it when, and the versions of its table it belongs to."""

    target = models.CharField(
        "位置", max_length=40, blank=True
    )  # "" whole form, "ind-3", "funds-0"
    name = models.CharField("原文件名", max_length=255)
    kind = models.CharField("类型", max_length=10)  # pdf / image / office
    size = models.PositiveIntegerField("大小")
    sha256 = models.CharField("SHA-256", max_length=64)
    note = models.CharField("说明", max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, verbose_name="上传人"
    )
    uploaded_at = models.DateTimeField("时间", auto_now_add=True)
    added_in = models.PositiveIntegerField("添加于版本")
    removed_in = models.PositiveIntegerField("删除于版本", null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["target", "uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def previewable(self) -> bool:
        return self.kind in ("pdf", "image")

    def in_version(self, number: int) -> bool:
        return self.added_in <= number and (self.removed_in is None or self.removed_in > number)


class Evidence(Attachment):
    submission = models.ForeignKey(
        Submission, on_delete=models.CASCADE, related_name="evidence", verbose_name="自评"
    )
    file = models.FileField("文件", storage=evidence_storage, upload_to=stored_name, max_length=255)

    class Meta(Attachment.Meta):
        verbose_name = verbose_name_plural = "佐证材料"

    @property
    def target_label(self) -> str:
        return "整表" if not self.target else layout.target_label(self.target)


class MonitoringEvidence(Attachment):
    """佐证材料 of a monitoring table: of the whole table, a money row, or an indicator row
    (its 1–N月 execution, or its answer to a 整改 request)."""

    report = models.ForeignKey(
        "monitoring.MonitoringReport", on_delete=models.CASCADE, related_name="evidence", verbose_name="运行监控表"
    )
    file = models.FileField(
        "文件", storage=evidence_storage, upload_to=stored_name_monitoring, max_length=255
    )

    class Meta(Attachment.Meta):
        verbose_name = verbose_name_plural = "运行监控佐证材料"

    @property
    def target_label(self) -> str:
        if not self.target:
            return "整表"
        kind, _, n = self.target.partition("-")
        rows = (self.report.content.get("indicators" if kind == "ind" else "funds") or []) if n.isdigit() else []
        if not n.isdigit() or int(n) >= len(rows):
            return self.target
        row = rows[int(n)]
        return f"指标“{row.get('name') or ''}”" if kind == "ind" else str(row.get("label") or "资金")


def current(s: Submission) -> models.QuerySet[Evidence]:
    return Evidence.objects.filter(submission=s, removed_in=None).select_related("uploaded_by")


def as_of(s: Submission, number: int) -> list[Evidence]:
    """The attachments the form had in version ``number``."""
    return [
        e
        for e in Evidence.objects.filter(submission=s, added_in__lte=number)
        if e.in_version(number)
    ]


def by_target(items: Any) -> dict[str, list[Evidence]]:
    out: dict[str, list[Evidence]] = {}
    for e in items:
        out.setdefault(e.target, []).append(e)
    return out


def attach(screen: Any, s: Submission) -> None:
    """Put each row's attachments (and whether the reviewer asked for some) on the screen rows."""
    grouped = by_target(current(s))
    asked = {c.target for c in s.comments.all() if c.open and c.asks_evidence}
    for row in [*screen.funds, *screen.indicators]:
        row.evidence = grouped.get(row.key, [])
        row.evidence_asked = row.key in asked
