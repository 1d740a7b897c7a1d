"""Security: headers, CSRF on every form, login throttling, password rules, session expiry,
uploads kept out of the web root, the audit log of logins."""

from __future__ import annotations

import re

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from jixiao_web.accounts.models import AuditLog
from tests.web.base import PASSWORD, WebTestCase


class HeaderTests(WebTestCase):
    def test_security_headers_on_every_page(self) -> None:
        self.client.force_login(self.filler)
        for url in (
            reverse("login"),
            reverse("dashboard"),
            reverse("form", args=[self.submission.pk]),
            reverse("public_index"),
        ):
            r = self.client.get(url)
            csp = r["Content-Security-Policy"]
            self.assertIn("default-src 'self'", csp)
            self.assertNotRegex(csp, r"https?:")  # no external source at all
            self.assertIn("frame-ancestors 'none'", csp)
            self.assertEqual(r["X-Frame-Options"], "DENY")
            self.assertEqual(r["X-Content-Type-Options"], "nosniff")
            self.assertEqual(r["Referrer-Policy"], "same-origin")

    def test_pages_load_nothing_from_elsewhere_and_have_no_inline_script(self) -> None:
        self.client.force_login(self.filler)
        page = self.client.get(reverse("form", args=[self.submission.pk])).content.decode()
        self.assertNotRegex(page, r'(src|href)="(https?:)?//')
        self.assertNotRegex(page, r"<script(?![^>]*\bsrc=)[^>]*>")  # CSP forbids inline scripts
        self.assertNotIn(' style="', page)  # nor inline styles


class CsrfTests(WebTestCase):
    def test_every_post_form_carries_the_token_and_posts_without_it_fail(self) -> None:
        self.move_to("submitted")
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.reviewer)
        for url in (
            reverse("form", args=[self.submission.pk]),
            reverse("review", args=[self.submission.pk]),
        ):
            page = client.get(url).content.decode()
            forms = re.findall(r'<form[^>]*method="post".*?</form>', page, re.S)
            self.assertTrue(forms)
            for f in forms:
                self.assertIn("csrfmiddlewaretoken", f)
        r = client.post(reverse("transition", args=[self.submission.pk, "accept"]))
        self.assertEqual(r.status_code, 403)
        self.assertEqual(self.s().status, "submitted")


class LoginTests(WebTestCase):
    def test_logins_and_failures_are_audited(self) -> None:
        self.client.post(reverse("login"), {"username": "head", "password": "wrong-password"})
        self.client.post(reverse("login"), {"username": "head", "password": PASSWORD})
        actions = list(AuditLog.objects.filter(username="head").values_list("action", flat=True))
        self.assertIn("login_failed", actions)
        self.assertIn("login", actions)

    def test_too_many_failures_block_even_the_right_password(self) -> None:
        for _ in range(settings.LOGIN_MAX_FAILURES):
            r = self.client.post(
                reverse("login"), {"username": "head", "password": "wrong-password"}
            )
            self.assertEqual(r.status_code, 200)
        r = self.client.post(reverse("login"), {"username": "head", "password": PASSWORD})
        self.assertEqual(r.status_code, 429)
        self.assertIn("登录失败次数过多", r.content.decode())
        self.assertNotIn("_auth_user_id", self.client.session)
        # a colleague in the same office (same address) is not locked out by it
        r = self.client.post(reverse("login"), {"username": "filler", "password": PASSWORD})
        self.assertEqual(r.status_code, 302)

    def test_many_failures_from_one_address_block_it(self) -> None:
        attacker = Client(REMOTE_ADDR="10.0.0.66")
        for i in range(settings.LOGIN_MAX_FAILURES_PER_ADDRESS):
            attacker.post(reverse("login"), {"username": f"guess{i}", "password": "x"})
        r = attacker.post(reverse("login"), {"username": "filler", "password": PASSWORD})
        self.assertEqual(r.status_code, 429)
        elsewhere = Client(REMOTE_ADDR="10.0.0.9")
        r = elsewhere.post(reverse("login"), {"username": "filler", "password": PASSWORD})
        self.assertEqual(r.status_code, 302)

    def test_password_rules(self) -> None:
        for weak in ("12345678901", "password123", "short1!"):
            with self.assertRaises(ValidationError):
                validate_password(weak)
        validate_password("岳麓妇联-绩效-2021")

    def test_sessions_expire(self) -> None:
        self.assertLessEqual(settings.SESSION_COOKIE_AGE, 8 * 3600)
        self.assertTrue(settings.SESSION_EXPIRE_AT_BROWSER_CLOSE)
        self.assertTrue(settings.SESSION_COOKIE_HTTPONLY)

    def test_logout_is_post_only(self) -> None:
        self.client.force_login(self.head)
        self.assertEqual(self.client.get(reverse("logout")).status_code, 405)
        self.assertEqual(self.client.post(reverse("logout")).status_code, 302)
        self.assertEqual(self.client.get(reverse("dashboard")).status_code, 302)


class UploadPlacementTests(WebTestCase):
    def test_an_imported_file_is_stored_outside_the_web_root_and_never_served(self) -> None:
        from django.core.files.uploadedfile import SimpleUploadedFile

        from jixiao.serialize import dump_value
        from jixiao_web.evaluations.models import Upload
        from tests.web.base import small_form

        self.client.force_login(self.filler)
        upload = SimpleUploadedFile("a.json", dump_value(small_form()).encode())
        self.client.post(
            reverse("import", args=[self.submission.pk]), {"file": upload, "version": 1}
        )
        stored = settings.UPLOAD_DIR / Upload.objects.get().stored
        self.assertTrue(stored.exists())
        self.assertEqual(stored.stat().st_mode & 0o777, 0o600)
        self.assertFalse(stored.resolve().is_relative_to(settings.STATIC_ROOT.resolve()))
        self.assertFalse(stored.resolve().is_relative_to(settings.PACKAGE_DIR))
        browser = Client(raise_request_exception=False)
        for url in (
            f"/static/../uploads/{stored.name}",
            f"/static/%2E%2E/uploads/{stored.name}",
            f"/uploads/{stored.name}",
            f"/media/{stored.name}",
        ):
            self.assertIn(browser.get(url).status_code, (400, 404), url)


class ErrorPageTests(WebTestCase):
    def test_error_pages_are_in_chinese(self) -> None:
        self.client.force_login(self.other_head)
        r = self.client.get(reverse("form", args=[self.submission.pk]))
        self.assertEqual(r.status_code, 404)
        self.assertIn("没有找到", r.content.decode())
        self.client.force_login(self.filler)
        r = self.client.get(reverse("overview", args=[self.round.pk]))
        self.assertEqual(r.status_code, 403)
        self.assertIn("您的角色不能进行此操作", r.content.decode())
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.head)
        r = client.post(reverse("transition", args=[self.submission.pk, "submit"]))
        self.assertEqual(r.status_code, 403)
        self.assertIn("页面已过期", r.content.decode())
