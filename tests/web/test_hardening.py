"""The audit's findings (issue 10), each reproduced: history pages, number bounds, restore of
a bad backup, the login throttle's spellings of a user name."""

from __future__ import annotations

import io
import re
import time
from decimal import Decimal
from importlib import import_module
from pathlib import Path
from types import SimpleNamespace
from unittest import skipUnless

import openpyxl
from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from jixiao.serialize import dump_value
from jixiao_web.accounts.models import AuditLog
from jixiao_web.evaluations.models import Round, Submission, Upload
from jixiao_web.evaluations.workflow import WorkflowError
from tests.web.base import PASSWORD, WebTestCase, small_form


class HistoryPageTests(WebTestCase):
    def test_a_version_with_changes_shows_them(self) -> None:
        s = self.s()
        content = s.content
        content["indicators"][0]["actual"] = "13次"
        s.save_content(by=self.filler, content=content, base_version=1)
        self.client.force_login(self.filler)
        r = self.client.get(reverse("revision", args=[s.pk, 2]))
        self.assertEqual(r.status_code, 200)
        page = r.content.decode()
        self.assertIn("指标第1行·实际完成值", page)
        self.assertIn('<td class="old">12次</td><td class="new">13次</td>', page)


class NumberBoundsTests(WebTestCase):
    """One rule for every number (jixiao.bounds): a field error beside the field, nothing
    stored that a page cannot read back, no computation that takes more than milliseconds."""

    def setUp(self) -> None:
        self.client.force_login(self.filler)
        self.form_url = reverse("form", args=[self.submission.pk])

    def save(self, **fields: str) -> HttpResponse:
        return self.client.post(self.form_url, {"version": self.s().version, **fields})

    def test_out_of_range_numbers_are_field_errors_and_nothing_is_saved(self) -> None:
        for name, value in [
            ("funds-0-score", "99999999999"),
            ("funds-0-budget", "0.000000001"),
            ("funds-0-budget", "1e-999999"),
            ("funds-0-weight", "123456789.123"),
            ("funds-0-actual", "99999999999999"),
            ("total_score", "1000000"),
            ("ind-0-score", "-1"),
            ("staff_actual", "4.5"),
            ("year", "1e200000"),
        ]:
            with self.subTest(name=name, value=value):
                r = self.save(**{name: value, "unit": "改过的单位名称", "ind-count": "2"})
                self.assertEqual(r.status_code, 400)
                page = r.content.decode()
                # the bad field is marked and keeps what was typed; the other field too
                field = re.search(rf'<[^>]*name="{name}"[^>]*>', page).group(0)
                self.assertIn("invalid", field)
                self.assertIn(f'value="{value}"', field)
                self.assertRegex(page, r"(超出范围|小数位数过多|应为整数)")
                self.assertIn("改过的单位名称", page)
                self.assertEqual(self.s().version, 1)

    def test_a_huge_year_is_refused_in_milliseconds(self) -> None:
        started = time.perf_counter()
        r = self.client.post(reverse("preview", args=[self.submission.pk]), {"year": "1e999999"})
        self.assertEqual(r.status_code, 200)
        self.assertIn("超出范围", r.content.decode())
        r = self.save(year="1e999999")
        self.assertEqual(r.status_code, 400)
        self.assertLess(time.perf_counter() - started, 5)  # was ~150 s of CPU per analysis

    def test_the_model_refuses_out_of_bounds_content_whatever_the_way_in(self) -> None:
        content = self.s().content
        content["funds"][0]["score"] = Decimal("99999999999")
        with self.assertRaisesRegex(WorkflowError, "资金表第1行：超出范围"):
            self.s().save_content(by=self.filler, content=content, base_version=1)
        self.assertEqual(self.s().version, 1)

    def test_valid_but_extreme_figures_leave_every_page_readable(self) -> None:
        # within bounds, yet the execution rate (1e18 %) fits no database column
        r = self.save(**{"funds-0-budget": "0.000001", "funds-0-actual": "9999999999999"})
        self.assertEqual(r.status_code, 302)
        s = self.s()
        self.assertEqual(s.version, 2)
        self.assertIsNone(s.execution_rate)
        self.move_to("submitted")
        for user, urls in [
            (self.filler, ["form", "revisions", "export_xlsx", "export_docx", "dashboard"]),
            (self.reviewer, ["review", "overview"]),
        ]:
            self.client.force_login(user)
            for name in urls:
                with self.subTest(url=name):
                    self.assertEqual(self.client.get(self._url(name)).status_code, 200)

    def _url(self, name: str) -> str:
        pk = self.submission.pk
        if name.startswith("export_"):
            return reverse("export", args=[pk, name.removeprefix("export_")])
        if name == "dashboard":
            return reverse("dashboard")
        if name == "overview":
            return reverse("overview", args=[self.round.pk])
        return reverse(name, args=[pk])

    def test_import_of_out_of_bounds_json_is_refused_without_leftovers(self) -> None:
        data = small_form()
        data["indicators"][0]["score"] = Decimal("100000000090")
        data["year"] = Decimal("1e999999")
        before = set(settings.UPLOAD_DIR.glob("*")) if settings.UPLOAD_DIR.exists() else set()
        r = self.client.post(
            reverse("import", args=[self.submission.pk]),
            {"file": SimpleUploadedFile("大数.json", dump_value(data).encode()), "version": 1},
            follow=True,
        )
        page = r.content.decode()
        self.assertIn("导入失败", page)
        self.assertIn("大数.json", page)
        self.assertIn("年度：超出范围", page)
        self.assertEqual(Upload.objects.count(), 0)
        self.assertEqual(set(settings.UPLOAD_DIR.glob("*")), before)
        self.assertEqual(self.s().version, 1)


class ReviewInputTests(WebTestCase):
    def test_one_bad_review_score_keeps_everything_typed_and_marks_that_field(self) -> None:
        self.move_to("submitted")
        self.client.force_login(self.reviewer)
        url = reverse("review", args=[self.submission.pk])
        r = self.client.post(
            url,
            {
                "review-0-score": "45",
                "review-0-comment": "依据不足",
                "review-1-score": "41",  # the row's 分值 is 40
                "review-1-comment": "满意度调查样本太少",
            },
        )
        self.assertEqual(r.status_code, 400)
        page = r.content.decode()
        self.assertRegex(page, r'name="review-0-score" id="review-0-score" value="45"')
        self.assertIn("依据不足", page)
        self.assertIn("满意度调查样本太少", page)
        self.assertRegex(page, r'class="num invalid" name="review-1-score"[^>]*value="41"')
        self.assertIn("应在 0 到 40（本行分值）之间", page)
        self.assertFalse(self.s().review_scores.exists())  # nothing half-saved
        self.assertNotIn(
            "None",
            " ".join(AuditLog.objects.values_list("detail", flat=True)),
        )
        r = self.client.post(url, {"review-0-score": "", "review-1-score": ""})
        self.assertEqual(r.status_code, 302)
        self.assertNotIn("None", AuditLog.objects.latest("pk").detail)


class ThrottleSpellingTests(WebTestCase):
    """After too many failures a user name is refused however it is spelled: the throttle
    normalises the name exactly as authentication does (strip, NFKC)."""

    VARIANTS = (" staff_b", "staff_b ", "\tstaff_b", "ｓｔａｆｆ＿ｂ", "staff_b\u3000")

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        User.objects.create_user("staff_b", password=PASSWORD, is_staff=True, is_superuser=True)

    def test_every_spelling_of_a_throttled_name_is_refused(self) -> None:
        for url in (reverse("login"), reverse("admin:login")):
            AuditLog.objects.all().delete()
            client = Client(REMOTE_ADDR=f"10.1.0.{len(url)}")
            for _ in range(settings.LOGIN_MAX_FAILURES):
                client.post(url, {"username": "staff_b", "password": "wrong-password"})
            for spelling in self.VARIANTS:
                with self.subTest(url=url, spelling=spelling):
                    r = client.post(url, {"username": spelling, "password": PASSWORD})
                    self.assertEqual(r.status_code, 429)
                    self.assertNotIn("_auth_user_id", client.session)

    def test_failures_under_other_spellings_count_for_the_same_name(self) -> None:
        for spelling in self.VARIANTS:
            self.client.post(reverse("login"), {"username": spelling, "password": "wrong"})
        r = self.client.post(reverse("login"), {"username": "staff_b", "password": PASSWORD})
        self.assertEqual(r.status_code, 429)


class KeepTypedInputTests(WebTestCase):
    def test_a_rejected_save_shows_everything_as_typed(self) -> None:
        self.client.force_login(self.filler)
        r = self.client.post(
            reverse("form", args=[self.submission.pk]),
            {
                "version": 1,
                "staff_actual": "abc",
                "ind-count": "3",
                "ind-0-score": "十",
                "ind-0-actual": "14次",
                "ind-2-name": "新增的指标",
                "ind-2-weight": "5",
                "funds-1-budget": "175.5",
            },
        )
        self.assertEqual(r.status_code, 400)
        page = r.content.decode()
        self.assertRegex(page, r'name="staff_actual"[^>]*value="abc"[^>]*class="num invalid"')
        self.assertRegex(page, r'name="ind-0-score"[^>]*value="十"[^>]*class="num invalid"')
        self.assertIn("“abc”不是数字", page)
        self.assertIn(">14次</textarea>", page)
        self.assertIn(">新增的指标</textarea>", page)
        self.assertRegex(page, r'name="ind-2-weight"[^>]*value="5"')
        self.assertRegex(page, r'name="funds-1-budget"[^>]*value="175.5"')
        self.assertEqual(self.s().version, 1)


@skipUnless(connection.vendor == "sqlite", "PRAGMA query_only is SQLite's")
class ReadOnlyDatabaseTests(WebTestCase):
    def read_only(self, on: bool) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA query_only = {'ON' if on else 'OFF'}")

    def test_the_server_refuses_to_start_and_pages_say_maintenance(self) -> None:
        from jixiao_web.cli import unwritable_database

        self.assertIsNone(unwritable_database())
        self.client.force_login(self.filler)
        self.read_only(True)
        try:
            self.assertIn("readonly", unwritable_database() or "")
            r = self.client.post(
                reverse("form", args=[self.submission.pk]), {"version": 1, "unit": "新名称"}
            )
        finally:
            self.read_only(False)
        self.assertEqual(r.status_code, 503)
        self.assertIn("系统维护中", r.content.decode())


class SmallerFindingsTests(WebTestCase):
    """Issue 10 item 5."""

    def test_the_bureau_sees_no_project_name_or_activity_of_a_draft(self) -> None:
        rnd = Round.objects.create(
            region=self.region,
            year=2021,
            kind="project",
            title="项目",
            deadline=self.round.deadline,
        )
        Submission.start(by=self.filler, round=rnd, project="尚未提交的秘密项目")
        self.client.force_login(self.reviewer)
        for url in (reverse("overview", args=[rnd.pk]), reverse("overview_export", args=[rnd.pk])):
            r = self.client.get(url)
            self.assertEqual(r.status_code, 200)
            body = r.content if url.endswith(".xlsx") else r.content.decode()
            if url.endswith(".xlsx"):
                body = "\n".join(
                    str(c.value)
                    for ws in openpyxl.load_workbook(io.BytesIO(r.content))
                    for row in ws.iter_rows()
                    for c in row
                )
            self.assertNotIn("尚未提交的秘密项目", body)
            self.assertNotIn(timezone.localdate().isoformat(), body)  # no update time either

    def test_authenticated_pages_and_exports_are_not_stored_and_logout_clears_the_browser(
        self,
    ) -> None:
        self.client.force_login(self.filler)
        for url in (
            reverse("form", args=[self.submission.pk]),
            reverse("export", args=[self.submission.pk, "json"]),
            reverse("dashboard"),
        ):
            self.assertEqual(self.client.get(url)["Cache-Control"], "no-store")
        r = self.client.post(reverse("logout"))
        self.assertIn('"storage"', r["Clear-Site-Data"])
        self.assertNotIn(
            "no-store", self.client.get(reverse("public_index")).get("Cache-Control", "")
        )

    def test_submit_refuses_a_version_the_head_has_not_seen(self) -> None:
        seen = self.s().version
        content = self.s().content
        content["indicators"][0]["actual"] = "11次"
        self.s().save_content(by=self.filler, content=content, base_version=seen)
        self.client.force_login(self.head)
        # the button on the page carries the version shown
        page = self.client.get(reverse("form", args=[self.submission.pk])).content.decode()
        self.assertRegex(page, r'id="form-submit">.{0,200}name="version" value="2"')
        r = self.client.post(
            reverse("transition", args=[self.submission.pk, "submit"]),
            {"version": seen},
            follow=True,
        )
        self.assertIn("又保存了第2版", r.content.decode())
        self.assertEqual(self.s().status, "draft")
        self.client.post(
            reverse("transition", args=[self.submission.pk, "submit"]), {"version": seen + 1}
        )
        self.assertEqual(self.s().status, "submitted")

    def test_exports_name_the_document_never_the_servers_disk(self) -> None:
        self.client.force_login(self.filler)
        sample = Path(__file__).parents[1] / "data" / "docx-seed.docx"
        r = self.client.post(
            reverse("import", args=[self.submission.pk]),
            # confirmed up front: the seed's year is not the round's (the import asks first)
            {
                "file": SimpleUploadedFile("原件.docx", sample.read_bytes()),
                "version": 1,
                "confirmed": "1",
                "replace": "1",
            },
        )
        self.assertEqual(r.status_code, 302)
        upload = Upload.objects.get()
        stored = settings.UPLOAD_DIR / upload.stored
        self.addCleanup(stored.unlink, missing_ok=True)
        self.assertEqual(stored.stat().st_mode & 0o777, 0o600)
        exported = self.client.get(reverse("export", args=[self.submission.pk, "json"]))
        body = exported.content.decode()
        self.assertNotIn(str(settings.UPLOAD_DIR), body)
        self.assertNotIn(upload.stored, body)
        self.assertNotIn(str(settings.UPLOAD_DIR), self.s().data)

    def test_password_messages_are_in_chinese(self) -> None:
        with self.assertRaises(ValidationError) as caught:
            validate_password("Ab-12")
        self.assertIn("密码太短，至少需要 10 个字符。", caught.exception.messages)

    def test_a_region_admin_sees_no_roleless_account_of_elsewhere_nor_the_groups(self) -> None:
        self.admin.is_staff = True
        self.admin.save()
        self.admin.user_permissions.set(
            Permission.objects.filter(content_type__app_label__in=["accounts", "auth"])
        )
        stranger = User.objects.create_user("roleless_far", password=PASSWORD)
        self.client.force_login(self.admin)
        users = self.client.get(reverse("admin:auth_user_changelist")).content.decode()
        self.assertNotIn("roleless_far", users)
        change = reverse("admin:auth_user_change", args=[stranger.pk])
        self.assertNotEqual(self.client.get(change).status_code, 200)
        self.assertEqual(self.client.get(reverse("admin:auth_group_changelist")).status_code, 403)
        # an account this administrator adds stays theirs until it is given a role
        r = self.client.post(
            reverse("admin:auth_user_add"),
            {"username": "new_clerk", "password1": PASSWORD, "password2": PASSWORD,
             "usable_password": "true", "membership-TOTAL_FORMS": "0",
             "membership-INITIAL_FORMS": "0"},
        )  # fmt: skip
        self.assertEqual(r.status_code, 302, r.content.decode()[:2000])
        new = User.objects.get(username="new_clerk")
        self.assertEqual(
            self.client.get(reverse("admin:auth_user_change", args=[new.pk])).status_code, 200
        )

    def test_odd_query_numbers_are_ignored_not_500(self) -> None:
        self.move_to("published")
        for year in ("9" * 5000, "１２３４", "99999999999999999999"):
            r = self.client.get(reverse("public_region", args=[self.region.code]), {"year": year})
            self.assertEqual(r.status_code, 200)
        self.client.force_login(self.filler)
        r = self.client.post(
            reverse("form", args=[self.submission.pk]),
            {"version": "99999999999999999999", "unit": "x"},
        )
        self.assertIn(r.status_code, (302, 409))


class ControlCharacterTests(WebTestCase):
    """PostgreSQL cannot store or even compare a NUL: no text from a request reaches it."""

    def test_nul_in_comments_searches_and_filters(self) -> None:
        self.move_to("submitted")
        self.client.force_login(self.reviewer)
        r = self.client.post(
            reverse("comment", args=[self.submission.pk]),
            {"target": "ind-0\x00", "text": "次数\x00不符\x07"},
        )
        self.assertEqual(r.status_code, 302)
        self.assertEqual(self.s().comments.get().text, "次数不符")
        r = self.client.post(
            reverse("transition", args=[self.submission.pk, "return"]), {"comment": "退回\x00"}
        )
        self.assertEqual(self.s().status, "returned")
        r = self.client.get(
            reverse("overview", args=[self.round.pk]), {"q": "\x00", "status": "\x00"}
        )
        self.assertEqual(r.status_code, 200)
        r = self.client.get(reverse("public_region", args=[self.region.code]), {"q": "妇\x00"})
        self.assertEqual(r.status_code, 200)
        r = self.client.post(reverse("login"), {"username": "a\x00", "password": "x"})
        self.assertLess(r.status_code, 500)


class SavedBeforeBoundsTests(WebTestCase):
    """Data saved before the bounds existed: every page still opens."""

    def test_out_of_bounds_content_already_stored_leaves_pages_readable(self) -> None:
        content = self.s().content
        content["year"] = Decimal("1e200000")
        content["indicators"][0]["score"] = Decimal("100000000090")
        Submission.objects.filter(pk=self.submission.pk).update(data=dump_value(content))
        self.client.force_login(self.filler)
        pk = self.submission.pk
        started = time.perf_counter()
        for url in (
            reverse("form", args=[pk]),
            reverse("report", args=[pk]),
            reverse("revisions", args=[pk]),
            reverse("export", args=[pk, "json"]),
        ):
            self.assertEqual(self.client.get(url).status_code, 200, url)
        r = self.client.get(reverse("export", args=[pk, "xlsx"]))
        self.assertEqual(r.status_code, 422)
        self.assertIn("年度：超出范围", r.content.decode())
        r = self.client.post(reverse("report_draft", args=[pk]), follow=True)
        self.assertEqual(r.status_code, 200)
        self.assertLess(time.perf_counter() - started, 10)

    @skipUnless(connection.vendor == "sqlite", "only SQLite ever stored such figures")
    def test_the_repair_migration_clears_figures_no_column_can_hold(self) -> None:
        repair = import_module(
            "jixiao_web.evaluations.migrations.0005_security_repair_numbers"
        ).repair
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE evaluations_submission SET review_score = 100000000090 WHERE id = %s",
                [self.submission.pk],
            )
        with self.assertRaises(ArithmeticError):
            Submission.objects.get(pk=self.submission.pk)  # what every page met before
        repair(None, SimpleNamespace(connection=connection))  # it only uses the connection
        self.assertIsNone(Submission.objects.get(pk=self.submission.pk).review_score)
        self.assertIsNotNone(Submission.objects.get(pk=self.submission.pk).self_score)


class ImportedControlCharacterTests(WebTestCase):
    def test_an_imported_form_keeps_no_control_character(self) -> None:
        data = small_form()
        data["indicators"][0]["actual"] = "12次\x00\x1b"
        self.client.force_login(self.filler)
        r = self.client.post(
            reverse("import", args=[self.submission.pk]),
            {
                "file": SimpleUploadedFile("控制字符.json", dump_value(data).encode()),
                "version": 1,
                "confirmed": "1",  # the import asks before replacing typed content
                "replace": "1",
            },
        )
        self.assertEqual(r.status_code, 302)
        for u in Upload.objects.all():
            self.addCleanup((settings.UPLOAD_DIR / u.stored).unlink, missing_ok=True)
        self.assertEqual(self.s().content["indicators"][0]["actual"], "12次")
        self.assertEqual(
            self.client.get(reverse("revision", args=[self.submission.pk, 2])).status_code, 200
        )
