"""Admin: the linkage tables and 整改 tasks are only looked at here (each change goes through
the results pages, which validate it and write the audit log); a region's 管理员 sees only
their region."""

from django.contrib import admin
from django.http import HttpRequest

from jixiao_web.accounts.admin import RegionScoped
from jixiao_web.results.models import LinkageDecision, RectificationTask


class ReadOnly(RegionScoped):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(LinkageDecision)
class LinkageDecisionAdmin(ReadOnly):
    region_path = "round__region_id"
    list_display = ["round", "decided_by", "decided_at"]


@admin.register(RectificationTask)
class RectificationTaskAdmin(ReadOnly):
    region_path = "round__region_id"
    list_display = ["unit", "round", "source", "status", "feedback_due", "answer_due"]
    list_filter = [("round", admin.RelatedOnlyFieldListFilter), "status"]
    search_fields = ["unit__name", "source"]
