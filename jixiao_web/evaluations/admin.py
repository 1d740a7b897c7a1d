from django.contrib import admin

from jixiao_web.evaluations.models import Round, Submission


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    list_display = ["title", "region", "year", "kind", "deadline", "is_open"]
    list_filter = ["region", "year", "kind", "is_open"]


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
    readonly_fields = ["data", "version"]
