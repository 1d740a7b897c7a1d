"""Import checks the round (year, kind, typed content) and rounds are managed in the app
(validated deadlines, no duplicates, close / extend / reopen, no start after the deadline)."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jixiao.serialize import dump_value
from jixiao_web.evaluations import layout
from jixiao_web.evaluations.models import Round, Submission
from tests.web.base import WebTestCase, small_form


class ImportRoundTests(WebTestCase):
    def setUp(self) -> None:
        self.client.force_login(self.filler)
        self.url = reverse("import", args=[self.submission.pk])

    def upload(self, content: dict, name: str = "妇联.json", **extra: str):  # type: ignore[no-untyped-def]
        f = SimpleUploadedFile(name, dump_value(content).encode(), "application/json")
        return self.client.post(self.url, {"file": f, "version": self.s().version, **extra})

    def test_typed_content_is_replaced_only_after_confirmation(self) -> None:
        content = small_form()
        content["indicators"][0]["actual"] = "15次"
        r = self.upload(content)
        self.assertEqual(r.status_code, 200)
        page = r.content.decode()
        self.assertIn("将被 妇联.json 的内容替换", page)
        self.assertEqual(self.s().version, 1)  # nothing replaced yet
        upload = self.s().uploads.get()
        r = self.client.post(
            self.url, {"upload": upload.pk, "version": 1, "confirmed": "1", "replace": "1"}
        )
        self.assertEqual(r.status_code, 302)
        self.assertEqual(self.s().content["indicators"][0]["actual"], "15次")

    def test_a_blank_form_is_filled_without_asking(self) -> None:
        s = self.s()
        s.data = dump_value(layout.blank("department", 2021, s.unit.name))
        s.save()
        r = self.upload(small_form())
        self.assertEqual(r.status_code, 302)
        self.assertEqual(self.s().version, 2)

    def test_another_year_is_asked_and_recorded(self) -> None:
        content = small_form()
        content["year"] = 2020
        r = self.upload(content, replace="1")
        self.assertContains(r, "的年度是 2020，本轮次是 2021 年度")
        self.assertEqual(self.s().version, 1)
        upload = self.s().uploads.get()
        self.client.post(self.url, {"upload": upload.pk, "version": 1, "confirmed": "1"})
        s = self.s()
        self.assertEqual(s.content["year"], 2021)  # the round's year, never published as 2020
        self.assertIn("文件年度 2020 经确认改为 2021", s.revisions.get(number=2).note)

    def test_another_kind_is_refused(self) -> None:
        content = layout.blank("project", 2021, "长沙市岳麓区妇女联合会")
        content["project"] = "妇女儿童维权项目"
        r = self.client.post(
            self.url,
            {"file": SimpleUploadedFile("项目.json", dump_value(content).encode()), "version": 1},
            follow=True,
        )
        self.assertContains(
            r, "项目.json 是项目支出绩效自评表，本轮次填报的是部门整体支出绩效自评表"
        )
        self.assertEqual(self.s().version, 1)

    def test_a_foreign_upload_cannot_be_confirmed(self) -> None:
        r = self.client.post(self.url, {"upload": "999", "version": 1, "confirmed": "1"})
        self.assertEqual(r.status_code, 404)


class RoundManagementTests(WebTestCase):
    def test_deadline_in_the_past_and_duplicates_are_refused(self) -> None:
        self.client.force_login(self.reviewer)
        url = reverse("round_new")
        r = self.client.post(
            url, {"year": 2022, "kind": "department", "deadline": "2020-01-01", "profile": ""}
        )
        self.assertContains(r, "已经过去")
        future = (date.today() + timedelta(days=20)).isoformat()
        r = self.client.post(
            url,
            {"year": 2021, "kind": "department", "deadline": future, "profile": ""},
            follow=True,
        )
        self.assertContains(r, "同一年度同一类型只开一个轮次")
        self.assertEqual(Round.objects.filter(year=2021, kind="department").count(), 1)
        r = self.client.post(
            url,
            {"year": date.today().year + 2, "kind": "project", "deadline": future, "profile": ""},
        )
        self.assertContains(r, "尚未开始")

    def test_close_extend_reopen_in_the_app(self) -> None:
        self.client.force_login(self.reviewer)
        manage = reverse("round_manage", args=[self.round.pk])
        self.assertContains(self.client.get(reverse("rounds")), self.round.title)
        self.client.post(manage, {"action": "close"})
        self.assertFalse(Round.objects.get(pk=self.round.pk).is_open)
        new = date.today() + timedelta(days=40)
        r = self.client.post(manage, {"action": "extend", "deadline": new.isoformat()}, follow=True)
        self.assertContains(r, "改为")
        rnd = Round.objects.get(pk=self.round.pk)
        self.assertEqual(rnd.deadline, new)
        self.assertTrue(rnd.is_open)
        r = self.client.post(manage, {"action": "extend", "deadline": "2001-01-01"}, follow=True)
        self.assertContains(r, "已经过去")
        self.client.force_login(self.filler)  # not the unit's business
        self.assertEqual(self.client.get(reverse("rounds")).status_code, 403)
        self.assertIn(self.client.post(manage, {"action": "close"}).status_code, (403, 404))
        self.assertTrue(Round.objects.get(pk=self.round.pk).is_open)

    def test_units_cannot_start_an_overdue_round(self) -> None:
        late = Round.objects.create(
            region=self.region,
            year=2021,
            kind="project",
            title="逾期轮次",
            deadline=date.today() - timedelta(days=3),
        )
        self.client.force_login(self.head)
        r = self.client.post(
            reverse("round_start", args=[late.pk]), {"project": "某项目"}, follow=True
        )
        self.assertContains(r, "已于")
        self.assertFalse(Submission.objects.filter(round=late).exists())
        self.assertContains(self.client.get(reverse("dashboard")), "已截止，不能再开始填报")
