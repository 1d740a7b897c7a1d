"""The public pages of the new stages: approved targets the bureau published (the approved
version only: a revision in progress never shows) and the results of published
self-evaluations; nothing unpublished, nothing of another region."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.test import Client
from django.urls import reverse

from jixiao.lifecycle.sampling import Rule
from jixiao_web.accounts.models import AuditLog
from jixiao_web.evaluations.models import Submission
from jixiao_web.evaluations.workflow import Status, WorkflowError
from jixiao_web.reevaluation.models import SampleDraw
from jixiao_web.targets.models import TargetDeclaration, TargetRound
from tests.web.base import WebTestCase
from tests.web.test_targets import TABLE_POST, client


class PublicTargetsTests(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        tround = TargetRound.open(
            by=self.reviewer, region=self.region, year=date.today().year + 1, kind="department",
            deadline=date.today() + timedelta(days=20),
        )  # fmt: skip
        self.d = TargetDeclaration.start(by=self.filler, round=tround)
        client(self.filler).post(
            reverse("target_form", args=[self.d.pk]), {**TABLE_POST, "version": "1"}
        )
        self.d.refresh_from_db()
        self.d.submit(by=self.head)
        self.public = Client()

    def listing(self, code: str = "yuelu") -> str:
        return self.public.get(reverse("public_targets", args=[code])).content.decode()

    def test_only_published_approved_targets_show_and_only_their_approved_version(self) -> None:
        detail = reverse("public_target", args=[self.d.pk])
        with self.assertRaises(WorkflowError):  # submitted, not approved: nothing to publish
            self.d.set_published(by=self.reviewer, published=True)
        self.d.review(by=self.reviewer, grade="优", comment="")
        self.assertNotIn(self.unit.name, self.listing())  # approved but not published
        self.assertEqual(self.public.get(detail).status_code, 404)
        r = client(self.reviewer).post(reverse("target_publish", args=[self.d.pk]))
        self.assertEqual(r.status_code, 302)
        self.d.refresh_from_db()
        self.assertIsNotNone(self.d.published_at)
        self.assertTrue(
            AuditLog.objects.filter(
                target_key=AuditLog.key(self.d), detail="公开批复的绩效目标"
            ).exists()
        )
        self.assertIn(self.unit.name, self.listing())
        self.assertContains(self.public.get(detail), "培训人次")
        # a revision in progress changes the table, not what the public sees
        self.d.request_revision(by=self.head, reason="预算调整")
        self.d.revision_requests.get().decide(by=self.reviewer, approve=True)
        self.d.refresh_from_db()
        content = self.d.content
        content["indicators"][0]["name"] = "修订中尚未批复的指标"
        self.d.save_content(by=self.filler, content=content, base_version=self.d.version)
        page = self.public.get(detail).content.decode()
        self.assertIn("培训人次", page)
        self.assertNotIn("修订中尚未批复的指标", page)
        self.assertNotIn(self.unit.name, self.listing("tianxin"))
        client(self.reviewer).post(reverse("target_publish", args=[self.d.pk]), {"withdraw": "1"})
        self.assertEqual(self.public.get(detail).status_code, 404)
        self.assertNotIn(self.unit.name, self.listing())

    def test_only_the_regions_bureau_publishes(self) -> None:
        self.d.review(by=self.reviewer, grade="优", comment="")
        for user in (self.filler, self.head, self.far_reviewer):
            client(user).post(reverse("target_publish", args=[self.d.pk]))
        self.d.refresh_from_db()
        self.assertIsNone(self.d.published_at)
        with self.assertRaises(WorkflowError):
            self.d.set_published(by=self.far_reviewer, published=True)
        self.assertEqual(
            self.public.post(reverse("public_targets", args=["yuelu"])).status_code, 405
        )
        self.assertEqual(
            self.public.get(reverse("public_targets", args=["nowhere"])).status_code, 404
        )


class PublicResultsTests(WebTestCase):
    def test_results_list_published_forms_only_with_the_confirmed_re_evaluation(self) -> None:
        accepted = self.move_to("accepted")
        url = reverse("public_results", args=["yuelu"])
        self.assertNotContains(Client().get(url), self.unit.name)  # accepted, not published
        item = SampleDraw.make(
            by=self.reviewer, round=self.round, rule=Rule(share=Decimal(1)), seed=1
        ).items.get()
        item.save_rows(by=self.reviewer, overrides={})
        item.confirm(by=self.reviewer)
        self.assertNotContains(Client().get(url), self.unit.name)  # confirmed, still not published
        Submission.objects.filter(pk=accepted.pk).update(status=Status.PUBLISHED)
        page = Client().get(url)
        self.assertContains(page, self.unit.name)
        self.assertContains(page, "已抽查复核")
        s = Submission.objects.get(pk=accepted.pk)
        self.assertContains(page, f"{s.grade} 1 份")
        self.assertNotContains(
            Client().get(reverse("public_results", args=["tianxin"])), self.unit.name
        )
        index = Client().get(reverse("public_index"))
        self.assertContains(index, reverse("public_results", args=["yuelu"]))
