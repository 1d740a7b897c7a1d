"""URLs (stable: the end-to-end tests and docs/web.md refer to them)."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import path, re_path
from django.views.static import serve

from jixiao_web.evaluations.views import (
    auth,
    dashboard,
    form,
    overview,
    public,
    report,
    review,
    revisions,
    workflow,
)
from jixiao_web.evidence import monitoring as monitoring_evidence
from jixiao_web.evidence import views as evidence
from jixiao_web.monitoring import views as monitoring
from jixiao_web.reevaluation import views as reevaluation
from jixiao_web.results import views as results
from jixiao_web.targets import library_views as target_library
from jixiao_web.targets import public as target_public
from jixiao_web.targets import views as targets

urlpatterns = [
    path("login/", auth.ThrottledLoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password.html", success_url="/"
        ),
        name="password_change",
    ),
    path("", dashboard.dashboard, name="dashboard"),
    path("rounds/new/", dashboard.round_new, name="round_new"),
    path("rounds/", dashboard.rounds, name="rounds"),
    path("rounds/<int:pk>/manage/", dashboard.round_manage, name="round_manage"),
    path("rounds/<int:pk>/start/", dashboard.round_start, name="round_start"),
    path("rounds/<int:pk>/overview/", overview.overview, name="overview"),
    path("rounds/<int:pk>/overview.xlsx", overview.overview_export, name="overview_export"),
    path("rounds/<int:pk>/bulk/", overview.overview_bulk, name="overview_bulk"),
    path("s/<int:pk>/", form.form, name="form"),
    path("s/<int:pk>/preview/", form.preview, name="preview"),
    path("s/<int:pk>/import/", form.import_file, name="import"),
    path("s/<int:pk>/export.<str:fmt>", form.export, name="export"),
    path("s/<int:pk>/report/", report.report, name="report"),
    path("s/<int:pk>/report/draft/", report.report_draft, name="report_draft"),
    path("s/<int:pk>/do/<str:name>/", workflow.transition, name="transition"),
    path("s/<int:pk>/comments/", workflow.comment, name="comment"),
    path(
        "s/<int:pk>/comments/<int:comment_pk>/reply/",
        workflow.comment_reply,
        name="comment_reply",
    ),
    path(
        "s/<int:pk>/comments/<int:comment_pk>/close/",
        workflow.comment_close,
        name="comment_close",
    ),
    path("s/<int:pk>/review/", review.review, name="review"),
    path("s/<int:pk>/evidence/", evidence.evidence_page, name="evidence"),
    path("s/<int:pk>/evidence/upload/", evidence.upload, name="evidence_upload"),
    path("s/<int:pk>/evidence/ask/", evidence.ask, name="evidence_ask"),
    path("s/<int:pk>/evidence.zip", evidence.bundle, name="evidence_zip"),
    path("s/<int:pk>/evidence/<int:evidence_pk>/", evidence.serve, name="evidence_file"),
    path("s/<int:pk>/evidence/<int:evidence_pk>/remove/", evidence.remove, name="evidence_remove"),
    path("s/<int:pk>/revisions/", revisions.revisions, name="revisions"),
    path("s/<int:pk>/revisions/<int:number>/", revisions.revision, name="revision"),
    path("s/<int:pk>/revisions/<int:number>/restore/", revisions.restore, name="restore"),
    path("targets/", targets.index, name="targets"),
    path("targets/rounds/new/", targets.round_new, name="target_round_new"),
    path("targets/library/", target_library.library, name="target_library"),
    path("targets/library/<int:pk>/", target_library.entry, name="target_library_entry"),
    path("targets/library/<int:pk>/retire/", target_library.retire, name="target_library_retire"),
    path("targets/rounds/<int:pk>/start/", targets.start, name="target_start"),
    path("t/<int:pk>/", targets.form, name="target_form"),
    path("t/<int:pk>/preview/", targets.preview, name="target_preview"),
    path("t/<int:pk>/import/", targets.import_file, name="target_import"),
    path("t/<int:pk>/copy-previous/", targets.copy_previous, name="target_copy_previous"),
    path("t/<int:pk>/submit/", targets.submit, name="target_submit"),
    path("t/<int:pk>/review/", targets.review, name="target_review"),
    path("t/<int:pk>/comments/", targets.comment, name="target_comment"),
    path("t/<int:pk>/revision/", targets.revision_request, name="target_revision"),
    path("t/<int:pk>/publish/", target_public.publish, name="target_publish"),
    path(
        "t/<int:pk>/revision/<int:request_pk>/decide/",
        targets.revision_decide,
        name="target_revision_decide",
    ),
    path("reevaluation/", reevaluation.index, name="reeval"),
    path("reevaluation/draw/", reevaluation.draw_new, name="reeval_draw_new"),
    path("reevaluation/<int:pk>/", reevaluation.draw, name="reeval_draw"),
    path("reevaluation/<int:pk>/items/<int:item>/", reevaluation.score, name="reeval_score"),
    path("reevaluation/<int:pk>/items/<int:item>/rows/", reevaluation.rows, name="reeval_rows"),
    path("reevaluation/<int:pk>/items/<int:item>/confirm/", reevaluation.confirm, name="reeval_confirm"),
    path("reevaluation/history/", reevaluation.history, name="reeval_history"),
    path("years/", reevaluation.years, name="years"),
    path("monitoring/", monitoring.index, name="monitoring"),
    path("monitoring/rounds/new/", monitoring.round_new, name="monitoring_round_new"),
    path("monitoring/rounds/<int:pk>/start/", monitoring.start, name="monitoring_start"),
    path("m/<int:pk>/", monitoring.form, name="monitoring_form"),
    path("m/<int:pk>/preview/", monitoring.preview, name="monitoring_preview"),
    path("m/<int:pk>/submit/", monitoring.submit, name="monitoring_submit"),
    path("m/<int:pk>/key/", monitoring.mark_key, name="monitoring_key"),
    path("m/<int:pk>/rectify/", monitoring.rectify, name="monitoring_rectify"),
    path("m/<int:pk>/evidence/upload/", monitoring_evidence.upload, name="monitoring_evidence_upload"),
    path("m/<int:pk>/evidence.zip", monitoring_evidence.bundle, name="monitoring_evidence_zip"),
    path("m/<int:pk>/evidence/<int:evidence_pk>/", monitoring_evidence.serve, name="monitoring_evidence_file"),
    path(
        "m/<int:pk>/evidence/<int:evidence_pk>/remove/",
        monitoring_evidence.remove,
        name="monitoring_evidence_remove",
    ),
    path("results/", results.index, name="results"),
    path("rounds/<int:pk>/results/", results.round_results, name="results_round"),
    path("rounds/<int:pk>/results/linkage/", results.linkage, name="results_linkage"),
    path("rounds/<int:pk>/results.xlsx", results.export, name="results_export"),
    path("s/<int:pk>/rectification/new/", results.issue, name="rectification_new"),
    path("k/<int:pk>/", results.task, name="rectification"),
    path("k/<int:pk>/close/", results.close, name="rectification_close"),
    path("public/", public.index, name="public_index"),
    path("public/<slug:code>/", public.region, name="public_region"),
    path("public/<slug:code>/targets/", target_public.targets, name="public_targets"),
    path("public/<slug:code>/results/", target_public.results, name="public_results"),
    path("public/t/<int:pk>/", target_public.target, name="public_target"),
    path("public/s/<int:pk>/", public.detail, name="public_detail"),
    path("public/s/<int:pk>.<str:fmt>", public.download, name="public_download"),
    path("admin/", admin.site.urls),
    path("favicon.ico", lambda request: HttpResponse(status=204)),  # browsers ask for it
    # static files are served by the application itself (offline networks, one process)
    re_path(r"^static/(?P<path>.*)$", serve, {"document_root": settings.STATIC_ROOT}),
]
