"""Admin: the draws of 抽查复核 and their re-evaluated forms are only looked at here (each change
goes through the re-evaluation pages, which check the scores and write the audit log); a
region's 管理员 sees only their region."""

from django.contrib import admin

from jixiao_web.reevaluation.models import SampleDraw, SampleItem
from jixiao_web.results.admin import ReadOnly


@admin.register(SampleDraw)
class SampleDrawAdmin(ReadOnly):
    region_path = "round__region_id"
    list_display = ["round", "seed", "population", "drawn_by", "drawn_at"]


@admin.register(SampleItem)
class SampleItemAdmin(ReadOnly):
    region_path = "draw__round__region_id"
    list_display = ["submission", "stratum", "self_score", "score", "scored_at"]
    search_fields = ["submission__unit__name", "submission__project"]
