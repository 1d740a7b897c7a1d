"""The audit's authorization matrix, kept in the suite: every persona × every URL of the
URLconf × GET and POST, on a draft and on a submitted form.

The routes are read from the URLconf itself: a view added without an entry in ``POLICY``
fails :meth:`test_every_route_has_a_policy`, so no new view escapes the matrix. For each
request the test asserts what the audit checked by hand:

- never a 5xx;
- an anonymous visitor of a non-public page is sent to the login page;
- a persona the policy does not allow gets 403, 404 or 405 on a GET (never the page), and on
  a POST changes nothing in the database (whatever the status: some refusals are a redirect
  with a message);
- a persona the policy allows is answered (done, or a 400/409 about the data sent).
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from jixiao_web.evaluations.models import (
    ReviewComment,
    ReviewScore,
    Revision,
    Round,
    Submission,
    Upload,
)
from jixiao_web.evidence.models import Evidence, MonitoringEvidence
from jixiao_web.monitoring.models import MonitoringReport, MonitoringRound
from jixiao_web.reevaluation.models import SampleDraw, SampleItem
from jixiao_web.results.models import LinkageDecision, RectificationTask
from jixiao_web.targets.models import (
    LibraryEntry,
    RevisionRequest,
    TargetComment,
    TargetDeclaration,
    TargetRound,
)
from tests.web.base import WebTestCase

UNIT = {"filler", "head"}
BUREAU = {"reviewer", "admin"}
SIGNED_IN = {"filler", "head", "other_head", "reviewer", "far_reviewer", "admin", "nobody"}
EVERYONE = SIGNED_IN | {"anonymous"}
PUBLIC = "public"  # no login needed

# route name → (URL arguments, {state: {method: personas allowed}}); a route without a
# policy fails the test. "*" applies to both states; a method not listed is allowed to none.
POLICY: dict[str, tuple[str, dict[str, dict[str, set[str]]]]] = {
    "login": (PUBLIC, {"*": {"GET": EVERYONE}}),
    "logout": ("", {"*": {"POST": SIGNED_IN}}),
    "password_change": ("", {"*": {"GET": SIGNED_IN, "POST": SIGNED_IN}}),
    "dashboard": ("", {"*": {"GET": SIGNED_IN}}),
    # any region's reviewer opens rounds for their own region; any unit of the round's
    # region starts its own form in it
    "round_new": ("", {"*": {"GET": BUREAU | {"far_reviewer"}, "POST": BUREAU | {"far_reviewer"}}}),
    "round_start": ("round", {"*": {"POST": UNIT | {"other_head"}}}),
    "overview": ("round", {"*": {"GET": BUREAU}}),
    "overview_export": ("round", {"*": {"GET": BUREAU}}),
    "overview_bulk": ("round", {"*": {"POST": BUREAU}}),
    "form": (
        "s",
        {"draft": {"GET": UNIT, "POST": UNIT}, "submitted": {"GET": UNIT | BUREAU}},
    ),
    "preview": ("s", {"draft": {"POST": UNIT}}),
    "import": ("s", {"draft": {"POST": UNIT}}),
    "export": ("s fmt", {"draft": {"GET": UNIT}, "submitted": {"GET": UNIT | BUREAU}}),
    "report": ("s", {"draft": {"GET": UNIT}, "submitted": {"GET": UNIT | BUREAU}}),
    "report_draft": ("s", {"draft": {"POST": UNIT}}),
    "transition": ("s name", {"draft": {"POST": {"head"}}, "submitted": {"POST": BUREAU}}),
    "comment": ("s", {"submitted": {"POST": BUREAU}}),
    "review": ("s", {"submitted": {"GET": BUREAU, "POST": BUREAU}}),
    "comment_reply": ("s comment", {"draft": {"POST": UNIT}}),
    "comment_close": ("s comment", {"submitted": {"POST": BUREAU}}),
    "rounds": ("", {"*": {"GET": BUREAU | {"far_reviewer"}}}),
    "round_manage": ("round", {"*": {"POST": BUREAU}}),
    "evidence": ("s", {"draft": {"GET": UNIT}, "submitted": {"GET": UNIT | BUREAU}}),
    "evidence_upload": ("s", {"draft": {"POST": UNIT}}),
    "evidence_ask": ("s", {"submitted": {"POST": BUREAU}}),
    "evidence_zip": ("s", {"draft": {"GET": UNIT}, "submitted": {"GET": UNIT | BUREAU}}),
    "evidence_file": ("s evidence", {"draft": {"GET": UNIT}, "submitted": {"GET": UNIT | BUREAU}}),
    "evidence_remove": ("s evidence", {"draft": {"POST": UNIT}}),
    "revisions": ("s", {"draft": {"GET": UNIT}, "submitted": {"GET": UNIT | BUREAU}}),
    "revision": ("s number", {"draft": {"GET": UNIT}, "submitted": {"GET": UNIT | BUREAU}}),
    "restore": ("s number", {"draft": {"POST": UNIT}}),
    # target declaration: the unit's table follows the same two states (draft, submitted)
    "targets": ("", {"*": {"GET": SIGNED_IN}}),
    "target_round_new": ("", {"*": {"GET": BUREAU | {"far_reviewer"}, "POST": BUREAU | {"far_reviewer"}}}),
    # the region's indicator library: its own bureau only (another region's entry is 404)
    "target_library": ("", {"*": {"GET": BUREAU | {"far_reviewer"}, "POST": BUREAU | {"far_reviewer"}}}),
    "target_library_entry": ("lib", {"*": {"GET": BUREAU, "POST": BUREAU}}),
    "target_library_retire": ("lib", {"*": {"POST": BUREAU}}),
    "target_start": ("tround", {"*": {"POST": UNIT | {"other_head"}}}),
    "target_form": ("t", {"draft": {"GET": UNIT, "POST": UNIT}, "submitted": {"GET": UNIT | BUREAU}}),
    "target_preview": ("t", {"draft": {"POST": UNIT}}),
    "target_import": ("t", {"draft": {"POST": UNIT}}),
    "target_copy_previous": ("t", {"draft": {"POST": UNIT}}),  # answered: nothing from last year
    "target_submit": ("t", {"draft": {"POST": {"head"}}}),
    "target_review": ("t", {"submitted": {"POST": BUREAU}}),
    "target_comment": ("t", {"submitted": {"POST": BUREAU}}),
    "target_revision": ("t", {"*": {"POST": {"head"}}}),  # answered; refused unless approved
    "target_publish": ("t", {"submitted": {"POST": BUREAU}}),  # answered; refused unless approved
    "target_revision_decide": ("t treq", {"submitted": {"POST": BUREAU}}),
    # monitoring: the project's table follows the same two states
    "monitoring": ("", {"*": {"GET": SIGNED_IN}}),
    "monitoring_round_new": ("", {"*": {"GET": BUREAU | {"far_reviewer"}, "POST": BUREAU | {"far_reviewer"}}}),
    "monitoring_start": ("mround", {"*": {"POST": UNIT | {"other_head"}}}),  # 团委: answered, refused
    "monitoring_form": ("m", {"draft": {"GET": UNIT, "POST": UNIT}, "submitted": {"GET": UNIT | BUREAU}}),
    "monitoring_preview": ("m", {"draft": {"POST": UNIT}}),
    "monitoring_submit": ("m", {"draft": {"POST": {"head"}}}),
    "monitoring_key": ("m", {"submitted": {"POST": BUREAU}}),
    "monitoring_rectify": ("m", {"submitted": {"POST": BUREAU}}),
    "monitoring_evidence_upload": ("m", {"draft": {"POST": UNIT}}),  # answered: no file chosen
    "monitoring_evidence_zip": ("m", {"draft": {"GET": UNIT}, "submitted": {"GET": UNIT | BUREAU}}),
    "monitoring_evidence_file": ("m mevidence", {"draft": {"GET": UNIT}, "submitted": {"GET": UNIT | BUREAU}}),
    "monitoring_evidence_remove": ("m mevidence", {"draft": {"POST": UNIT}}),
    # results: the round's results and linkage table are the bureau's; a 整改 task (made on an
    # accepted copy of the unit's form) is the unit's to answer and the bureau's to close
    "results": ("", {"*": {"GET": SIGNED_IN}}),
    "results_round": ("round", {"*": {"GET": BUREAU}}),
    "results_linkage": ("round", {"*": {"POST": BUREAU}}),  # answered: 400, the POST has no table
    "results_export": ("round", {"*": {"GET": BUREAU}}),
    "rectification_new": ("s", {"submitted": {"POST": BUREAU}}),  # answered: refused, no result yet
    "rectification": ("task", {"*": {"GET": UNIT | BUREAU, "POST": UNIT}}),
    "rectification_close": ("task", {"*": {"POST": BUREAU}}),
    # 抽查复核: the bureau's; a reviewer of another region is answered with its own (none)
    "reeval": ("", {"*": {"GET": BUREAU | {"far_reviewer"}}}),
    "reeval_draw_new": ("", {"*": {"POST": BUREAU | {"far_reviewer"}}}),  # answered: 400
    "reeval_draw": ("draw", {"*": {"GET": BUREAU}}),
    "reeval_score": ("draw item", {"*": {"POST": BUREAU}}),
    "reeval_rows": ("draw item", {"*": {"GET": BUREAU, "POST": BUREAU}}),
    "reeval_confirm": ("draw item", {"*": {"POST": BUREAU}}),  # answered: nothing saved to confirm
    "reeval_history": ("", {"*": {"GET": BUREAU | {"far_reviewer"}}}),
    "years": ("", {"*": {"GET": UNIT | {"other_head"} | BUREAU | {"far_reviewer"}}}),
    "public_index": (PUBLIC, {"*": {"GET": EVERYONE}}),
    "public_region": (PUBLIC, {"*": {"GET": EVERYONE}}),
    "public_detail": (PUBLIC, {}),  # nothing is published in this matrix: 404 for all
    "public_targets": (PUBLIC, {"*": {"GET": EVERYONE}}),
    "public_results": (PUBLIC, {"*": {"GET": EVERYONE}}),
    "public_target": (PUBLIC, {}),  # the approved table of the matrix is not published: 404
    "public_download": (PUBLIC, {}),
}
NOT_OURS = ("admin:",)  # Django's admin has its own permission checks (tested in test_views)

# a POST that would change something if it were allowed (so "changed nothing" means refused)
POST_DATA = {
    "unit": "矩阵测试改名",
    "ind-count": "2",
    "ind-0-actual": "99次",
    "text": "矩阵测试意见",
    "target": "",
    "comment": "矩阵测试退回",
    "review-0-score": "1",
    "year": "2022",
    "kind": "department",
    "deadline": "2031-01-01",
    "project": "",
    "score": "50",
}


def named_routes() -> dict[str, Any]:
    """Every named route of the URLconf (namespaced names with their namespace)."""
    found: dict[str, Any] = {}

    def walk(patterns: list[Any], namespace: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, f"{namespace}{p.namespace}:" if p.namespace else namespace)
            elif isinstance(p, URLPattern) and p.name:
                found[f"{namespace}{p.name}"] = p

    walk(get_resolver().url_patterns, "")
    return found


class MatrixTests(WebTestCase):
    def setUp(self) -> None:
        from django.core.files.base import ContentFile

        super().setUp()
        # an opinion and an attachment, so that their routes have something to act on
        self.opinion = ReviewComment.objects.create(
            submission=self.submission, author=self.reviewer, target="", text="矩阵测试的意见"
        )
        self.attachment = Evidence(
            submission=self.submission,
            target="",
            name="台账.pdf",
            kind="pdf",
            size=9,
            sha256="0" * 64,
            uploaded_by=self.filler,
            added_in=self.submission.version,
        )
        self.attachment.file.save("台账.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
        self.addCleanup(self.attachment.file.storage.delete, self.attachment.file.name)
        # a target round with the unit's table and a revision request on it
        self.tround = TargetRound.objects.create(
            region=self.region, year=2022, kind="department", title="目标申报", deadline=self.round.deadline
        )
        self.declaration = TargetDeclaration.start(by=self.filler, round=self.tround)
        self.revision_request = RevisionRequest.objects.create(
            declaration=self.declaration, reason="矩阵测试修订", requested_by=self.head
        )
        # approved project targets and their monitoring table
        from jixiao.serialize import dump_value
        from jixiao_web.targets import layout as target_layout

        ptround = TargetRound.objects.create(
            region=self.region, year=2022, kind="project", title="项目目标", deadline=self.round.deadline
        )
        table = dump_value(target_layout.blank("project", 2022, self.unit.name, "矩阵项目"), indent=None)
        approved = self.approved_targets = TargetDeclaration.objects.create(
            round=ptround, unit=self.unit, project="矩阵项目", status="approved", data=table, approved_data=table
        )
        self.mround = MonitoringRound.objects.create(
            region=self.region, year=2022, cutoff_month=6, title="运行监控", deadline=self.round.deadline
        )
        self.report = MonitoringReport.start(by=self.filler, round=self.mround, targets_pk=approved.pk)
        self.m_attachment = MonitoringEvidence(
            report=self.report, target="", name="签到表.pdf", kind="pdf", size=9, sha256="0" * 64,
            uploaded_by=self.filler, added_in=self.report.version,
        )  # fmt: skip
        self.m_attachment.file.save("签到表.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
        self.addCleanup(self.m_attachment.file.storage.delete, self.m_attachment.file.name)
        # a 整改 task on an accepted form of the unit (a second round's)
        accepted = Submission.objects.create(
            round=Round.objects.create(region=self.region, year=2020, title="上年度", deadline=self.round.deadline),
            unit=self.unit, status="accepted", data=self.submission.data,
        )  # fmt: skip
        self.task = RectificationTask.issue(by=self.reviewer, submission=accepted, source="复核意见", requirement="补台账")
        # a 抽查复核 draw holding the unit's form
        from jixiao.lifecycle.sampling import Rule

        self.draw = SampleDraw.objects.create(
            round=self.round, rule=Rule().to_dict(), rule_text="矩阵", seed=1, population=1
        )
        self.item = SampleItem.objects.create(draw=self.draw, submission=self.submission, stratum="矩阵")
        self.library_entry = LibraryEntry.objects.create(
            region=self.region, level1="产出指标", level2="数量指标", name="矩阵指标", unit="次"
        )

    def personas(self) -> dict[str, User | None]:
        return {
            "anonymous": None,
            "filler": self.filler,
            "head": self.head,
            "other_head": self.other_head,
            "reviewer": self.reviewer,
            "far_reviewer": self.far_reviewer,
            "admin": self.admin,
            "nobody": self.nobody,
        }

    def test_every_route_has_a_policy(self) -> None:
        ours = {n for n in named_routes() if not n.startswith(NOT_OURS)}
        self.assertEqual(ours - set(POLICY), set(), "a new view needs its line in POLICY")
        self.assertEqual(set(POLICY) - ours, set(), "POLICY names a route that is gone")

    def url(self, name: str, args: str, state: str) -> str:
        values = {
            "s": self.submission.pk,
            "round": self.round.pk,
            "fmt": "json",
            "number": 1,
            "name": "submit" if state == "draft" else "accept",
            "comment": self.opinion.pk,
            "evidence": self.attachment.pk,
            "tround": self.tround.pk,
            "t": self.declaration.pk,
            "treq": self.revision_request.pk,
            "mround": self.mround.pk,
            "m": self.report.pk,
            "mevidence": self.m_attachment.pk,
            "task": self.task.pk,
            "draw": self.draw.pk,
            "item": self.item.pk,
            "lib": self.library_entry.pk,
        }
        if name in ("public_region", "public_targets", "public_results"):
            return reverse(name, args=[self.region.code])
        if name == "public_target":
            return reverse(name, args=[self.approved_targets.pk])
        if name in ("public_detail", "public_download"):
            return reverse(
                name, args=[self.submission.pk] + (["json"] if "download" in name else [])
            )
        return reverse(
            name, args=[values[a] for a in args.split()] if args and args != PUBLIC else []
        )

    def fingerprint(self) -> tuple[Any, ...]:
        s = Submission.objects.get(pk=self.submission.pk)
        return (
            s.status,
            s.version,
            s.data,
            s.review_score,
            ReviewComment.objects.count(),
            ReviewScore.objects.count(),
            Revision.objects.count(),
            Round.objects.count(),
            Submission.objects.count(),
            Upload.objects.count(),
            Evidence.objects.count(),
            Evidence.objects.filter(removed_in__isnull=True).count(),
            tuple(ReviewComment.objects.values_list("open", "reply")),
            tuple(Round.objects.values_list("deadline", "is_open")),
            TargetRound.objects.count(),
            TargetComment.objects.count(),
            tuple(TargetDeclaration.objects.values_list("status", "version", "data", "grade", "published_at")),
            tuple(RevisionRequest.objects.values_list("state", "decision")),
            MonitoringRound.objects.count(),
            tuple(MonitoringReport.objects.values_list("status", "version", "data", "key_project")),
            tuple(LinkageDecision.objects.values_list("data", "reason")),
            tuple(RectificationTask.objects.values_list("status", "feedback", "answer", "note")),
            SampleDraw.objects.count(),
            tuple(SampleItem.objects.values_list("score", "comment", "rows", "confirmed_at")),
            tuple(LibraryEntry.objects.values_list("name", "unit", "retired")),
        )

    def check_state(self, state: str) -> None:
        for name, (args, policy) in POLICY.items():
            allowed_by_method = {**policy.get("*", {}), **policy.get(state, {})}
            url = self.url(name, args, state)
            for persona, user in self.personas().items():
                for method in ("GET", "POST"):
                    if state == "draft":
                        self.move_back_to_draft()
                    allowed = persona in allowed_by_method.get(method, set())
                    with self.subTest(state=state, url=name, persona=persona, method=method):
                        self.one(url, args, user, method, allowed)

    def one(self, url: str, args: str, user: User | None, method: str, allowed: bool) -> None:
        client = Client()
        if user is not None:
            client.force_login(user)
        before = self.fingerprint()
        r = client.get(url) if method == "GET" else client.post(url, POST_DATA)
        status = r.status_code
        self.assertLess(status, 500)
        if allowed:  # answered: done, or a validation (400) or version conflict (409)
            self.assertNotIn(status, (401, 403, 404, 405), f"allowed but answered {status}")
            return
        if method == "POST":
            self.assertEqual(self.fingerprint(), before, f"refused POST ({status}) changed data")
        if user is None and args != PUBLIC and status != 405:
            self.assertEqual(status, 302)
            self.assertIn(reverse("login"), r["Location"])
        elif method == "GET":
            self.assertIn(
                status, (403, 404, 405), "a GET that is not allowed must not show the page"
            )

    def move_back_to_draft(self) -> None:
        """An allowed POST may have moved or changed the form: put the draft back."""
        Submission.objects.filter(pk=self.submission.pk).exclude(status="draft").update(status="draft")
        Evidence.objects.update(removed_in=None)  # an allowed removal: the file is back
        MonitoringEvidence.objects.update(removed_in=None)
        TargetDeclaration.objects.filter(pk=self.declaration.pk).update(status="draft")
        MonitoringReport.objects.filter(pk=self.report.pk).update(status="draft")
        RectificationTask.objects.filter(pk=self.task.pk).update(status="open")  # answered or closed

    def test_on_a_draft(self) -> None:
        self.check_state("draft")

    def test_on_a_submitted_form(self) -> None:
        self.move_to("submitted")
        TargetDeclaration.objects.filter(pk=self.declaration.pk).update(status="submitted")
        MonitoringReport.objects.filter(pk=self.report.pk).update(status="submitted")
        self.check_state("submitted")
