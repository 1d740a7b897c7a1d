"""The indicator library in the web app: the bureau curates its region's entries (add, edit,
retire, restore; audit log; scoped to the region) and the target grid's picker offers them
beside the unit's own, the region's most used and the bundled indicators, labelled by source."""

from __future__ import annotations

from datetime import date, timedelta

from django.test import Client
from django.urls import reverse

from jixiao.serialize import dump_value
from jixiao_web.accounts.models import AuditLog
from jixiao_web.evaluations.workflow import WorkflowError
from jixiao_web.targets import layout
from jixiao_web.targets.models import LibraryEntry, TargetDeclaration, TargetRound
from tests.web.base import WebTestCase

ENTRY = {
    "level1": "产出指标",
    "level2": "数量指标",
    "name": "河道巡查次数",
    "nature": "≥",
    "unit": "次",
    "explanation": "全年按巡河制度开展巡查的次数，以巡查记录为准。",
}


def client(user) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(user)
    return c


class LibraryTests(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.tround = TargetRound.open(
            by=self.reviewer, region=self.region, year=date.today().year + 1, kind="project",
            deadline=date.today() + timedelta(days=20),
        )  # fmt: skip

    def approved(
        self, project: str, rows: list[tuple[str, str, str, str]], year: int = 2021
    ) -> None:
        """An approved table of the region (another unit's too), straight into the database."""
        r, _ = TargetRound.objects.get_or_create(
            region=self.region, year=year, kind="project",
            defaults={"title": f"{year}目标", "deadline": date.today()},
        )  # fmt: skip
        table = layout.blank("project", year, self.other_unit.name, project)
        table["indicators"] = [
            {"level1": a, "level2": b, "name": n, "measure_unit": u, "nature": "≥"}
            for a, b, n, u in rows
        ]
        data = dump_value(table, indent=None)
        TargetDeclaration.objects.create(
            round=r,
            unit=self.other_unit,
            project=project,
            status="approved",
            data=data,
            approved_data=data,
        )

    def test_the_bureau_adds_edits_retires_and_restores_with_the_audit_log(self) -> None:
        c = client(self.reviewer)
        r = c.post(reverse("target_library"), ENTRY)
        self.assertEqual(r.status_code, 302)
        e = LibraryEntry.objects.get()
        self.assertEqual((e.region, e.unit, e.updated_by), (self.region, "次", self.reviewer))
        again = c.post(reverse("target_library"), ENTRY)  # the same indicator twice
        self.assertContains(again, "本地区指标库已有“河道巡查次数”", status_code=400)
        r = c.post(
            reverse("target_library_entry", args=[e.pk]), {**ENTRY, "unit": "回", "nature": "定性"}
        )
        self.assertEqual(r.status_code, 302)
        e.refresh_from_db()
        self.assertEqual((e.nature, e.unit), ("定性", ""))  # a 定性 indicator has no unit
        c.post(reverse("target_library_retire", args=[e.pk]))
        e.refresh_from_db()
        self.assertTrue(e.retired)
        c.post(reverse("target_library_retire", args=[e.pk]), {"restore": "1"})
        e.refresh_from_db()
        self.assertFalse(e.retired)
        log = list(
            AuditLog.objects.filter(target_key=AuditLog.key(e))
            .order_by("id")
            .values_list("detail", flat=True)
        )
        self.assertEqual(len(log), 4, log)
        self.assertIn("本地区指标库新增", log[0])
        self.assertIn("修改指标性质、常用度量单位", log[1])
        self.assertIn("停用", log[2])
        self.assertIn("恢复", log[3])

    def test_empty_names_and_bad_natures_are_refused(self) -> None:
        with self.assertRaisesMessage(WorkflowError, "三级指标不能为空"):
            LibraryEntry.add(by=self.reviewer, region=self.region, values={**ENTRY, "name": "  "})
        with self.assertRaisesMessage(WorkflowError, "不是 ≥"):
            LibraryEntry.add(by=self.reviewer, region=self.region, values={**ENTRY, "nature": "约"})
        self.assertFalse(LibraryEntry.objects.exists())

    def test_the_library_is_the_regions_own(self) -> None:
        e = LibraryEntry.add(by=self.reviewer, region=self.region, values=ENTRY)
        far = client(self.far_reviewer)
        self.assertNotContains(far.get(reverse("target_library")), "河道巡查次数")
        self.assertEqual(far.get(reverse("target_library_entry", args=[e.pk])).status_code, 404)
        far.post(reverse("target_library_retire", args=[e.pk]))
        self.assertFalse(LibraryEntry.objects.get().retired)
        with self.assertRaises(WorkflowError):
            e.edit(by=self.far_reviewer, values={**ENTRY, "name": "改名"})
        self.assertEqual(client(self.filler).get(reverse("target_library")).status_code, 403)

    def test_the_picker_offers_every_source_labelled(self) -> None:
        LibraryEntry.add(by=self.reviewer, region=self.region, values=ENTRY)
        gone = LibraryEntry.add(
            by=self.reviewer, region=self.region, values={**ENTRY, "name": "已停用指标"}
        )
        gone.set_retired(by=self.reviewer, retired=True)
        for n in range(3):  # another unit's approved tables: the region's most used
            self.approved(f"项目{n}", [("效益指标", "社会效益指标", "水质达标率", "%")])
        d = TargetDeclaration.start(by=self.filler, round=self.tround, project="河道整治")
        page = client(self.filler).get(reverse("target_form", args=[d.pk]))
        self.assertContains(page, '<option value="河道巡查次数" label="本地区指标库 · 次">')
        self.assertContains(page, '<option value="水质达标率" label="本地区常用 · %">')
        self.assertContains(page, '<option value="资金拨付及时率" label="通用指标库 · %">')
        self.assertNotContains(page, "已停用指标")
        self.assertContains(page, '<td class="library-source">本地区常用</td>')

    def test_the_library_page_counts_the_regions_approved_tables(self) -> None:
        self.approved("甲", [("产出指标", "数量指标", "巡查次数", "次")])
        self.approved("乙", [("产出指标", "数量指标", "巡查次数", "回")], year=2022)
        self.approved("丙", [("产出指标", "数量指标", "巡查次数", "次")], year=2022)
        page = client(self.reviewer).get(reverse("target_library"))
        self.assertContains(page, "<td>巡查次数</td><td>3</td><td>次</td>", html=False)
        self.assertNotContains(client(self.far_reviewer).get(reverse("target_library")), "巡查次数")

    def test_the_admin_shows_the_new_stages_read_only_and_scoped(self) -> None:
        from django.contrib.auth.models import Permission, User

        LibraryEntry.add(by=self.reviewer, region=self.region, values=ENTRY)
        LibraryEntry.add(
            by=self.far_reviewer, region=self.far_region, values={**ENTRY, "name": "天心指标"}
        )
        root = User.objects.create_superuser("root", password="x-Pass-1234")
        c = client(root)
        for name in (
            "targets_targetround", "targets_targetdeclaration", "targets_revisionrequest",
            "targets_libraryentry", "reevaluation_sampledraw", "reevaluation_sampleitem",
        ):  # fmt: skip
            self.assertEqual(c.get(reverse(f"admin:{name}_changelist")).status_code, 200, name)
            self.assertEqual(c.get(reverse(f"admin:{name}_add")).status_code, 403, name)
        self.admin.is_staff = True
        self.admin.save()
        self.admin.user_permissions.set(
            Permission.objects.filter(content_type__app_label="targets")
        )
        page = (
            client(self.admin)
            .get(reverse("admin:targets_libraryentry_changelist"))
            .content.decode()
        )
        self.assertIn("河道巡查次数", page)
        self.assertNotIn("天心指标", page)
