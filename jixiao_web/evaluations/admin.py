"""Admin: rounds are managed here (deadline, closing); submissions are only looked at —
their data and state change through the workflow, which keeps revisions and the audit log.
A region's 管理员 sees only their region, and no unit's draft (as on the bureau's pages)."""

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from jixiao_web.accounts.admin import RegionScoped, admin_region
from jixiao_web.evaluations.models import Round, Submission
from jixiao_web.evaluations.workflow import VISIBLE_TO_BUREAU


@admin.register(Round)
class RoundAdmin(RegionScoped):
    region_path = "region_id"
    list_display = ["title", "region", "year", "kind", "deadline", "is_open"]
    list_filter = [("region", admin.RelatedOnlyFieldListFilter), "year", "kind", "is_open"]
    list_editable = ["deadline", "is_open"]


@admin.register(Submission)
class SubmissionAdmin(RegionScoped):
    region_path = "round__region_id"
    list_display = [
        "unit",
        "round",
        "status",
        "version",
        "self_score",
        "review_score",
        "updated_at",
    ]
    list_filter = [("round", admin.RelatedOnlyFieldListFilter), "status"]
    search_fields = ["unit__name"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        if admin_region(request) is not None:
            qs = qs.filter(status__in=VISIBLE_TO_BUREAU)
        return qs

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
