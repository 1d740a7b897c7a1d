"""Admin: monitoring rounds and tables are only looked at here (each change goes through the
monitoring pages, which check the state, run the JX-R checks and write the audit log); a
region's 管理员 sees only their region."""

from django.contrib import admin

from jixiao_web.monitoring.models import MonitoringReport, MonitoringRound
from jixiao_web.results.admin import ReadOnly


@admin.register(MonitoringRound)
class MonitoringRoundAdmin(ReadOnly):
    region_path = "region_id"
    list_display = ["title", "year", "kind", "cutoff_month", "deadline", "is_open"]
    list_filter = ["year", "kind", "is_open"]


@admin.register(MonitoringReport)
class MonitoringReportAdmin(ReadOnly):
    region_path = "round__region_id"
    list_display = [
        "unit",
        "project",
        "round",
        "status",
        "execution_light",
        "goal_light",
        "forecast_light",
        "key_project",
        "updated_at",
    ]
    list_filter = [("round", admin.RelatedOnlyFieldListFilter), "status", "key_project"]
    search_fields = ["unit__name", "project"]
