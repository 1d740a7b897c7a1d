"""Admin: target rounds, tables, revision requests and the region's indicator library are
only looked at here (each change goes through the target pages, which check the state and
write the audit log); a region's 管理员 sees only their region."""

from django.contrib import admin

from jixiao_web.results.admin import ReadOnly
from jixiao_web.targets.models import LibraryEntry, RevisionRequest, TargetDeclaration, TargetRound


@admin.register(TargetRound)
class TargetRoundAdmin(ReadOnly):
    region_path = "region_id"
    list_display = ["title", "year", "kind", "deadline", "is_open"]
    list_filter = ["year", "kind", "is_open"]


@admin.register(TargetDeclaration)
class TargetDeclarationAdmin(ReadOnly):
    region_path = "round__region_id"
    list_display = ["unit", "project", "round", "status", "grade", "version", "updated_at"]
    list_filter = [("round", admin.RelatedOnlyFieldListFilter), "status", "grade"]
    search_fields = ["unit__name", "project"]


@admin.register(RevisionRequest)
class RevisionRequestAdmin(ReadOnly):
    region_path = "declaration__round__region_id"
    list_display = ["declaration", "state", "requested_at", "decided_at"]
    list_filter = ["state"]


@admin.register(LibraryEntry)
class LibraryEntryAdmin(ReadOnly):
    region_path = "region_id"
    list_display = ["name", "level1", "level2", "nature", "unit", "retired", "updated_at"]
    list_filter = ["retired", "level1"]
    search_fields = ["name", "explanation"]
