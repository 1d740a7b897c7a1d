"""The same checklist for every view: it works, it hides other units and regions (404),
it checks the role (403), it refuses the wrong method (405), anonymous users go to login."""

from __future__ import annotations

from django.urls import reverse

from jixiao.serialize import loads
from jixiao_web.evaluations.models import Submission
from tests.web.base import PASSWORD, WebTestCase


class ViewChecklist(WebTestCase):
    def as_(self, user) -> None:  # type: ignore[no-untyped-def]
        self.client.force_login(user)

    def status(self, user, method: str, url: str, data: dict | None = None) -> int:  # type: ignore[type-arg]
        self.client.logout()
        if user is not None:
            self.client.force_login(user)
        return getattr(self.client, method)(url, data or {}).status_code

    def checklist(
        self,
        name: str,
        args: list,
        method: str,
        *,
        works: object,
        outsiders: list,  # type: ignore[type-arg]
        forbidden: list,
        wrong: str,
        data: dict | None = None,
        ok: int = 200,
    ) -> None:  # type: ignore[type-arg]
        url = reverse(name, args=args)
        self.assertEqual(self.status(works, method, url, data), ok, f"{name} works for its user")
        for u in outsiders:
            self.assertEqual(self.status(u, method, url, data), 404, f"{name} hidden from {u}")
        for u in forbidden:
            self.assertEqual(
                self.status(u, method, url, data), 403, f"{name} refused to role of {u}"
            )
        self.assertEqual(self.status(works, wrong, url, data), 405, f"{name} refuses {wrong}")
        self.client.logout()
        r = getattr(self.client, method)(url, data or {})
        self.assertEqual(r.status_code, 302)
        self.assertIn(reverse("login"), r["Location"])

    # -- submission views --------------------------------------------------------------------

    def test_form_view(self) -> None:
        pk = self.submission.pk
        self.checklist(
            "form",
            [pk],
            "get",
            works=self.filler,
            outsiders=[
                self.other_head,
                self.far_reviewer,
                self.reviewer,
                self.nobody,
            ],  # a draft is private
            forbidden=[],
            wrong="put",
        )

    def test_form_save(self) -> None:
        self.move_to("returned")
        pk = self.submission.pk
        self.checklist(
            "form",
            [pk],
            "post",
            works=self.filler,
            ok=302,
            data={"version": self.s().version, "ind-0-actual": "13次", "ind-count": 2},
            outsiders=[self.other_head, self.far_reviewer],
            forbidden=[self.reviewer],
            wrong="put",
        )
        self.assertEqual(self.s().content["indicators"][0]["actual"], "13次")

    def test_preview(self) -> None:
        self.move_to("returned")
        self.checklist(
            "preview",
            [self.submission.pk],
            "post",
            works=self.head,
            data={"funds-0-budget": "198.98"},
            outsiders=[self.other_head, self.far_reviewer],
            forbidden=[self.reviewer, self.admin],
            wrong="get",
        )

    def test_import(self) -> None:
        self.move_to("returned")
        self.checklist(
            "import",
            [self.submission.pk],
            "post",
            works=self.filler,
            ok=302,
            outsiders=[self.other_head, self.far_reviewer],
            forbidden=[self.reviewer],
            wrong="get",
        )

    def test_export_json(self) -> None:
        self.checklist(
            "export",
            [self.submission.pk, "json"],
            "get",
            works=self.filler,
            outsiders=[self.other_head, self.far_reviewer, self.reviewer],
            forbidden=[],
            wrong="post",
        )

    def test_report_and_draft(self) -> None:
        pk = self.submission.pk
        self.checklist(
            "report",
            [pk],
            "get",
            works=self.head,
            outsiders=[self.other_head, self.reviewer],
            forbidden=[],
            wrong="post",
        )
        self.move_to("returned")
        self.checklist(
            "report_draft",
            [pk],
            "post",
            works=self.filler,
            ok=302,
            data={"version": self.s().version},
            outsiders=[self.other_head, self.far_reviewer],
            forbidden=[self.reviewer],
            wrong="get",
        )

    def test_submit_transition(self) -> None:
        url_args = [self.submission.pk, "submit"]
        self.assertEqual(
            self.status(self.filler, "post", reverse("transition", args=url_args)), 403
        )
        self.assertEqual(
            self.status(self.other_head, "post", reverse("transition", args=url_args)), 404
        )
        self.assertEqual(self.status(self.head, "get", reverse("transition", args=url_args)), 405)
        self.assertEqual(self.status(self.head, "post", reverse("transition", args=url_args)), 302)
        self.assertEqual(self.s().status, "submitted")
        self.assertEqual(
            self.status(
                self.head, "post", reverse("transition", args=[self.submission.pk, "nonsense"])
            ),
            404,
        )

    def test_reviewer_transitions(self) -> None:
        self.move_to("submitted")
        pk = self.submission.pk
        for user in (self.filler, self.head):
            self.assertEqual(
                self.status(user, "post", reverse("transition", args=[pk, "accept"])), 403
            )
        self.assertEqual(
            self.status(self.far_reviewer, "post", reverse("transition", args=[pk, "accept"])), 404
        )
        self.assertEqual(
            self.status(
                self.reviewer,
                "post",
                reverse("transition", args=[pk, "return"]),
                {"comment": "请补充满意度调查说明"},
            ),
            302,
        )
        self.assertEqual(self.s().status, "returned")
        self.assertEqual(self.s().comments.get().text, "请补充满意度调查说明")

    def test_comment(self) -> None:
        self.move_to("submitted")
        self.checklist(
            "comment",
            [self.submission.pk],
            "post",
            works=self.reviewer,
            ok=302,
            data={"target": "ind-1", "text": "满意度调查方法未说明"},
            outsiders=[self.far_reviewer, self.other_head],
            forbidden=[self.filler, self.head],
            wrong="get",
        )
        self.assertEqual(self.s().comments.first().target, "ind-1")

    def test_review(self) -> None:
        self.move_to("submitted")
        self.checklist(
            "review",
            [self.submission.pk],
            "get",
            works=self.reviewer,
            outsiders=[self.far_reviewer, self.other_head],
            forbidden=[self.filler, self.head],
            wrong="put",
        )

    def test_review_post_saves_scores(self) -> None:
        self.move_to("submitted")
        self.as_(self.reviewer)
        r = self.client.post(
            reverse("review", args=[self.submission.pk]),
            {"review-0-score": "45", "review-0-comment": "依据不足", "review-1-score": "40"},
        )
        self.assertEqual(r.status_code, 302)
        page = self.client.get(reverse("review", args=[self.submission.pk])).content.decode()
        self.assertIn('id="review-0-gap">-5', page)
        r = self.client.post(
            reverse("review", args=[self.submission.pk]), {"review-0-score": "abc"}
        )
        self.assertEqual(r.status_code, 400)

    def test_revisions(self) -> None:
        pk = self.submission.pk
        self.checklist(
            "revisions",
            [pk],
            "get",
            works=self.filler,
            outsiders=[self.other_head, self.reviewer],
            forbidden=[],
            wrong="post",
        )
        self.checklist(
            "revision",
            [pk, 1],
            "get",
            works=self.head,
            outsiders=[self.other_head, self.far_reviewer],
            forbidden=[],
            wrong="post",
        )
        self.as_(self.filler)
        self.assertEqual(self.client.get(reverse("revision", args=[pk, 99])).status_code, 404)

    def test_restore(self) -> None:
        s = self.s()
        content = s.content
        content["indicators"][0]["actual"] = "13次"
        s.save_content(by=self.filler, content=content, base_version=1)
        self.move_to("returned")
        pk = self.submission.pk
        self.checklist(
            "restore",
            [pk, 1],
            "post",
            works=self.filler,
            ok=302,
            data={"version": self.s().version},
            outsiders=[self.other_head, self.far_reviewer],
            forbidden=[self.reviewer],
            wrong="get",
        )
        self.assertEqual(self.s().content["indicators"][0]["actual"], "12次")

    # -- round views ---------------------------------------------------------------------

    def test_overview(self) -> None:
        self.checklist(
            "overview",
            [self.round.pk],
            "get",
            works=self.reviewer,
            outsiders=[self.far_reviewer],
            forbidden=[self.filler, self.head],
            wrong="post",
        )
        self.checklist(
            "overview_export",
            [self.round.pk],
            "get",
            works=self.admin,
            outsiders=[self.far_reviewer],
            forbidden=[self.filler],
            wrong="post",
        )

    def test_round_start(self) -> None:
        self.checklist(
            "round_start",
            [self.round.pk],
            "post",
            works=self.other_head,
            ok=302,
            outsiders=[self.far_reviewer],
            forbidden=[self.reviewer],
            wrong="get",
        )
        self.assertTrue(Submission.objects.filter(round=self.round, unit=self.other_unit).exists())

    def test_round_new(self) -> None:
        self.assertEqual(self.status(self.reviewer, "get", reverse("round_new")), 200)
        self.assertEqual(self.status(self.filler, "get", reverse("round_new")), 403)
        self.assertEqual(self.status(self.nobody, "get", reverse("round_new")), 403)
        self.assertEqual(self.status(self.reviewer, "put", reverse("round_new")), 405)
        r = self.client.post(
            reverse("round_new"),
            {"year": 2022, "kind": "project", "deadline": "2999-04-30", "profile": ""},
        )
        self.assertEqual(r.status_code, 302)
        self.assertTrue(self.region.rounds.filter(year=2022, kind="project").exists())

    def test_dashboard(self) -> None:
        self.assertEqual(self.status(self.head, "post", reverse("dashboard")), 405)
        self.as_(self.head)
        page = self.client.get(reverse("dashboard")).content.decode()
        self.assertIn("2021年度部门整体支出绩效自评", page)
        self.assertIn("10 天", page)
        self.as_(self.far_reviewer)
        self.assertNotIn(
            "2021年度部门整体支出绩效自评", self.client.get(reverse("dashboard")).content.decode()
        )

    # -- public --------------------------------------------------------------------------

    def test_public_pages_show_only_published(self) -> None:
        pk = self.submission.pk
        self.client.logout()
        self.assertEqual(self.client.get(reverse("public_detail", args=[pk])).status_code, 404)
        self.assertEqual(
            self.client.get(reverse("public_download", args=[pk, "json"])).status_code, 404
        )
        self.assertNotIn(
            "妇女联合会", self.client.get(reverse("public_region", args=["yuelu"])).content.decode()
        )
        self.move_to("published")
        self.client.logout()
        listing = self.client.get(
            reverse("public_region", args=["yuelu"]), {"q": "妇女"}
        ).content.decode()
        self.assertIn("长沙市岳麓区妇女联合会", listing)
        none = self.client.get(
            reverse("public_region", args=["yuelu"]), {"q": "财政局机关"}
        ).content.decode()
        self.assertNotIn("长沙市岳麓区妇女联合会", none)
        self.assertEqual(self.client.get(reverse("public_detail", args=[pk])).status_code, 200)
        data = loads(
            self.client.get(reverse("public_download", args=[pk, "json"])).content.decode()
        )
        self.assertEqual(str(data["funds"][0]["budget"]), "198.8")
        self.assertEqual(
            self.client.get(reverse("public_download", args=[pk, "xlsx"])).status_code, 404
        )
        self.assertEqual(self.client.post(reverse("public_detail", args=[pk])).status_code, 405)
        self.assertEqual(
            self.client.get(reverse("public_region", args=["nowhere"])).status_code, 404
        )

    def test_login_page(self) -> None:
        self.assertEqual(self.client.get(reverse("login")).status_code, 200)
        r = self.client.post(reverse("login"), {"username": "head", "password": PASSWORD})
        self.assertEqual(r.status_code, 302)


class AdminTests(WebTestCase):
    def test_admin_manages_organisations_users_and_reads_the_audit_log(self) -> None:
        from django.contrib.auth.models import User

        root = User.objects.create_superuser("root", password=PASSWORD)
        self.client.force_login(root)
        for name in (
            "accounts_region_changelist",
            "accounts_department_changelist",
            "accounts_unit_changelist",
            "auth_user_changelist",
            "accounts_auditlog_changelist",
            "evaluations_round_changelist",
        ):
            self.assertEqual(self.client.get(reverse(f"admin:{name}")).status_code, 200, name)
        page = self.client.get(
            reverse("admin:auth_user_change", args=[self.filler.pk])
        ).content.decode()
        self.assertIn("单位填报人", page)  # the role is edited with the user
        self.assertEqual(
            self.client.get(reverse("admin:accounts_auditlog_add")).status_code, 403
        )  # the log is read-only
        self.client.force_login(self.reviewer)  # not staff
        self.assertEqual(
            self.client.get(reverse("admin:accounts_unit_changelist")).status_code, 302
        )


class DashboardTests(WebTestCase):
    def test_reviewers_see_what_waits_for_review_and_units_what_was_returned(self) -> None:
        self.client.force_login(self.reviewer)
        self.assertNotIn('id="waiting"', self.client.get(reverse("dashboard")).content.decode())
        self.move_to("submitted")
        page = self.client.get(reverse("dashboard")).content.decode()
        self.assertIn("待审核（1）", page)
        self.assertIn(reverse("review", args=[self.submission.pk]), page)
        self.s().transition("return", by=self.reviewer, comment="请修改")
        self.client.force_login(self.filler)
        self.assertIn("待填报或修改（1）", self.client.get(reverse("dashboard")).content.decode())


class SuperuserRoundTests(WebTestCase):
    def test_the_first_administrator_opens_a_round_for_a_region(self) -> None:
        from django.contrib.auth.models import User

        self.client.force_login(User.objects.create_superuser("root", password=PASSWORD))
        self.assertIn('name="region"', self.client.get(reverse("round_new")).content.decode())
        r = self.client.post(
            reverse("round_new"),
            {
                "region": self.far_region.pk,
                "year": 2023,
                "kind": "department",
                "deadline": "2999-05-31",
                "profile": "",
            },
        )
        self.assertEqual(r.status_code, 302)
        self.assertTrue(self.far_region.rounds.filter(year=2023).exists())


class SmallPageTests(WebTestCase):
    def test_public_index_lists_regions_with_published_forms(self) -> None:
        self.assertNotIn(
            "长沙市岳麓区财政局", self.client.get(reverse("public_index")).content.decode()
        )
        self.move_to("published")
        self.client.logout()
        page = self.client.get(reverse("public_index")).content.decode()
        self.assertIn(reverse("public_region", args=["yuelu"]), page)
        self.assertNotIn("长沙市天心区财政局", page)
        self.assertEqual(self.client.post(reverse("public_index")).status_code, 405)

    def test_password_change_applies_the_rules(self) -> None:
        self.assertEqual(
            self.client.get(reverse("password_change")).status_code, 302
        )  # login first
        self.client.force_login(self.filler)
        r = self.client.post(
            reverse("password_change"),
            {"old_password": PASSWORD, "new_password1": "12345678", "new_password2": "12345678"},
        )
        self.assertEqual(r.status_code, 200)  # refused, form shown again
        r = self.client.post(
            reverse("password_change"),
            {
                "old_password": PASSWORD,
                "new_password1": "岳麓-妇联-填报-2022",
                "new_password2": "岳麓-妇联-填报-2022",
            },
        )
        self.assertEqual(r.status_code, 302)
        self.filler.refresh_from_db()
        self.assertTrue(self.filler.check_password("岳麓-妇联-填报-2022"))


class RegionAdminTests(WebTestCase):
    def test_a_region_administrator_manages_only_their_region(self) -> None:
        from django.contrib.auth.models import Permission

        from jixiao_web.accounts.models import Department, Unit

        far_dept = Department.objects.create(region=self.far_region, name="天心区妇联")
        Unit.objects.create(department=far_dept, name="长沙市天心区妇女联合会")
        self.admin.is_staff = True
        self.admin.save()
        self.admin.user_permissions.set(
            Permission.objects.filter(content_type__app_label__in=["accounts", "auth"])
        )
        self.client.force_login(self.admin)
        units = self.client.get(reverse("admin:accounts_unit_changelist")).content.decode()
        self.assertIn("长沙市岳麓区妇女联合会", units)
        self.assertNotIn("长沙市天心区妇女联合会", units)
        users = self.client.get(reverse("admin:auth_user_changelist")).content.decode()
        self.assertIn(">filler<", users)
        self.assertNotIn(">far_reviewer<", users)
        self.assertEqual(
            self.client.get(
                reverse("admin:auth_user_change", args=[self.far_reviewer.pk])
            ).status_code,
            302,
        )
        page = self.client.get(
            reverse("admin:auth_user_change", args=[self.filler.pk])
        ).content.decode()
        self.assertNotIn('name="is_superuser"', page)  # shown read-only, not as an input
