"""Admin: rounds are managed here (deadline, closing); submissions are only looked at —
their data and state change through the workflow, which keeps revisions and the audit log."""

from django.contrib import admin
from django.http import HttpRequest

from jixiao_web.evaluations.models import Round, Submission


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["title", "region", "year", "kind", "deadline", "is_open"]
    list_filter = ["region", "year", "kind", "is_open"]
    list_editable = ["deadline", "is_open"]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = [
        "unit",
        "round",
        "status",
        "version",
        "self_score",
        "review_score",
        "updated_at",
    ]
    list_filter = ["round", "status"]
    search_fields = ["unit__name"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
