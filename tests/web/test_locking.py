"""A self-evaluation started from the approved targets keeps them: the approved columns are
shown but not editable, the server refuses changes to them (not only the browser), a revision
the bureau approved lifts the lock, and an imported file is matched against the approved rows
before it replaces anything."""

from __future__ import annotations

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jixiao.serialize import dump_value
from jixiao_web.evaluations.models import Submission
from jixiao_web.evaluations.workflow import WorkflowError
from tests.web.base import small_form
from tests.web.test_targets import FromTargetsCase, client


class LockingTests(FromTargetsCase):
    def post(self, s: Submission, **rows: str):  # type: ignore[no-untyped-def]
        data = {
            "version": str(s.version),
            "ind-count": "2",
            **{k.replace("_", "-", 2): v for k, v in rows.items()},
        }
        return client(self.filler).post(reverse("form", args=[s.pk]), data, follow=True)

    def test_the_approved_columns_are_shown_but_not_editable(self) -> None:
        s = self.start()
        self.assertTrue(s.from_targets)
        page = client(self.filler).get(reverse("form", args=[s.pk])).content.decode()
        self.assertIn('id="locked-note"', page)
        for name in ("ind-0-name", "ind-0-target", "ind-0-weight", "ind-1-level1"):
            tag = page[page.index(f'name="{name}"') :]
            self.assertIn("disabled", tag[: tag.index(">")], name)
        tag = page[page.index('name="ind-0-actual"') :]
        self.assertNotIn("disabled", tag[: tag.index(">")])
        self.assertNotIn('name="ind-0-delete"', page)  # an approved row cannot be deleted

    def test_the_server_refuses_a_changed_value_and_a_deleted_row(self) -> None:
        s = self.start()
        r = self.post(s, ind_0_target="≥100次")  # lowered from the approved ≥150次
        self.assertContains(r, "取自批复的目标表")
        self.assertEqual(self.s_of(s).version, s.version)
        for field, value in (
            ("ind_1_weight", "30"),
            ("ind_0_name", "志愿服务"),
            ("ind_1_nature", "="),
        ):
            self.post(s, **{field: value})
            self.assertEqual(self.s_of(s).version, s.version, field)
        self.post(s, ind_1_delete="1")
        self.assertEqual(len(self.s_of(s).content["indicators"]), 2)

    def test_completion_and_scores_are_typed_and_rows_may_be_added(self) -> None:
        s = self.start()
        r = self.post(
            s, ind_0_actual="160次", ind_0_score="50", ind_count="3", ind_2_name="新增的指标"
        )
        self.assertContains(r, "已保存")
        rows = self.s_of(s).content["indicators"]
        self.assertEqual(
            (rows[0]["target"], rows[0]["actual"], rows[0]["score"]),
            ("≥150次", "160次", Decimal(50)),
        )
        self.assertEqual(rows[2]["name"], "新增的指标")

    def test_an_approved_revision_lifts_the_lock(self) -> None:
        s = self.start()
        req = self.declaration.request_revision(by=self.head, reason="服务次数按实际需求调整")
        req.decide(by=self.reviewer, approve=True)
        self.assertNotIn(
            'id="locked-note"',
            client(self.filler).get(reverse("form", args=[s.pk])).content.decode(),
        )
        self.post(s, ind_0_target="≥100次")
        self.assertEqual(self.s_of(s).content["indicators"][0]["target"], "≥100次")

    def test_a_form_not_started_from_the_targets_is_not_locked(self) -> None:
        s = self.start()
        Submission.objects.filter(pk=s.pk).update(from_targets=False)
        self.post(s, ind_0_target="≥100次")
        self.assertEqual(self.s_of(s).content["indicators"][0]["target"], "≥100次")

    def test_restoring_an_old_version_is_held_to_the_lock_too(self) -> None:
        s = self.start()
        content = s.content
        content["indicators"][0]["weight"] = Decimal(10)
        with self.assertRaisesMessage(WorkflowError, "取自批复的目标表"):
            s.save_content(by=self.filler, content=content, base_version=s.version)

    def test_an_import_is_matched_against_the_approved_targets_before_it_replaces_anything(
        self,
    ) -> None:
        s = self.start()
        self.post(s, ind_0_actual="120次")  # typed: the import will ask before replacing it
        form = small_form()
        form["indicators"] = [
            {"level1": "产出指标", "level2": "数量指标", "name": "开展巾帼志愿服务次数", "target": "≥80次",
             "actual": "160次", "weight": Decimal(30), "score": Decimal(30)},
            {"level1": "效益指标", "level2": "社会效益指标", "name": "家庭教育讲座", "target": "≥5场",
             "actual": "6场", "weight": Decimal(10), "score": Decimal(10)},
        ]  # fmt: skip
        upload = SimpleUploadedFile("自评表.json", dump_value(form).encode(), "application/json")
        version = self.s_of(s).version
        r = client(self.filler).post(
            reverse("import", args=[s.pk]), {"file": upload, "version": version}
        )
        self.assertEqual(r.status_code, 200)
        page = r.content.decode()
        part = page[page.index('id="import-matches"') :]
        self.assertIn("开展巾帼志愿服务次数", part)  # matched to the approved 开展巾帼志愿服务
        self.assertIn("妇女群众满意度", part[part.index('id="import-missing"') :])
        self.assertIn("家庭教育讲座", part[part.index('id="import-added"') :])
        self.assertEqual(self.s_of(s).version, version)  # nothing replaced yet
        upload_id = page.split('name="upload" value="')[1].split('"')[0]
        client(self.filler).post(
            reverse("import", args=[s.pk]),
            {"upload": upload_id, "replace": "1", "confirmed": "1", "version": version},
        )
        rows = self.s_of(s).content["indicators"]
        self.assertEqual(
            [(r["name"], r["target"], r["weight"], r["actual"]) for r in rows],
            [
                (
                    "开展巾帼志愿服务",
                    "≥150次",
                    50,
                    "160次",
                ),  # approved columns kept, 完成值 from the file
                ("妇女群众满意度", "≥95%", 40, None),
                ("家庭教育讲座", "≥5场", Decimal(10), "6场"),
            ],
        )

    def s_of(self, s: Submission) -> Submission:
        return Submission.objects.get(pk=s.pk)
