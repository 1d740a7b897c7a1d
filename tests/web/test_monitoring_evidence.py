"""佐证材料 of a monitoring table: the unit attaches files to the table and to its answer to a
整改 request, with the self-evaluation's checks; the bureau sees and downloads them; scoping and
the audit log as elsewhere."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from jixiao_web.accounts.models import AuditLog
from jixiao_web.evidence.models import MonitoringEvidence
from jixiao_web.monitoring.models import MonitoringReport, MonitoringRound
from jixiao_web.targets.models import TargetRound
from tests.web.base import WebTestCase
from tests.web.test_evidence import PDF, docx
from tests.web.test_monitoring import approved_project


def client(user) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(user)
    return c


class MonitoringEvidenceTests(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        tround = TargetRound.objects.create(
            region=self.region, year=2022, kind="project", title="2022年度项目目标", deadline=date.today()
        )
        targets = approved_project(self, tround, "巾帼技能培训", 100)
        mround = MonitoringRound.open(
            by=self.reviewer, region=self.region, year=2022, cutoff_month=6,
            deadline=date.today() + timedelta(days=10),
        )  # fmt: skip
        self.report = MonitoringReport.start(by=self.filler, round=mround, targets_pk=targets.pk)
        self.upload_url = reverse("monitoring_evidence_upload", args=[self.report.pk])

    def send(self, user, name: str, data: bytes, target: str = ""):  # type: ignore[no-untyped-def]
        return client(user).post(
            self.upload_url, {"target": target, "file": SimpleUploadedFile(name, data)}, follow=True
        )

    def file_url(self, e: MonitoringEvidence, download: bool = False) -> str:
        return reverse("monitoring_evidence_file", args=[self.report.pk, e.pk]) + ("?download=1" if download else "")

    def test_unit_attaches_the_bureau_sees_and_downloads(self) -> None:
        r = self.send(self.filler, "培训签到表.pdf", PDF, "ind-0")
        self.assertContains(r, "已上传佐证材料“培训签到表.pdf”（指标“培训人次”）")
        self.send(self.filler, "资金拨付.docx", docx(), "funds-0")
        e = MonitoringEvidence.objects.get(name="培训签到表.pdf")
        self.assertNotIn("签到", e.file.name)  # stored under a generated name
        self.assertTrue(
            AuditLog.objects.filter(detail="上传佐证材料（指标“培训人次”）：培训签到表.pdf").exists()
        )
        # a draft is the unit's only
        self.assertEqual(client(self.reviewer).get(self.file_url(e)).status_code, 404)
        self.report.submit(by=self.head)
        page = client(self.reviewer).get(reverse("monitoring_form", args=[self.report.pk])).content.decode()
        self.assertIn("佐证材料（2 份）", page)
        self.assertIn(f'id="mevidence-{e.pk}"', page)
        self.assertIn('id="ev-link-ind-0" href="#ev-ind-0">佐证材料 1 份<', page)  # beside its row
        self.assertNotIn('id="evidence-upload-form"', page)  # the bureau does not upload
        r = client(self.reviewer).get(self.file_url(e, download=True))
        self.assertEqual(r.status_code, 200)
        self.assertTrue(r["Content-Disposition"].startswith("attachment"))
        self.assertIn("default-src 'none'", r["Content-Security-Policy"])
        self.assertEqual(b"".join(r.streaming_content), PDF)
        self.assertIn("<iframe", page)  # the PDF previewed on the page
        r = client(self.reviewer).get(reverse("monitoring_evidence_zip", args=[self.report.pk]))
        with zipfile.ZipFile(io.BytesIO(r.content)) as z:
            self.assertEqual(
                sorted(z.namelist()), ["年度资金总额/资金拨付.docx", "指标“培训人次”/培训签到表.pdf"]
            )
            self.assertEqual(z.read("指标“培训人次”/培训签到表.pdf"), PDF)
        # another region's bureau and another unit see nothing
        self.assertEqual(client(self.far_reviewer).get(self.file_url(e)).status_code, 404)
        self.assertEqual(client(self.other_head).get(self.file_url(e)).status_code, 404)
        zip_url = reverse("monitoring_evidence_zip", args=[self.report.pk])
        self.assertEqual(client(self.far_reviewer).get(zip_url).status_code, 404)

    def test_same_checks_as_a_self_evaluations_evidence(self) -> None:
        self.assertContains(self.send(self.filler, "程序.exe", b"MZ\x90\x00"), "不支持的文件类型“.exe”")
        self.assertContains(self.send(self.filler, "假的.pdf", b"MZ not a pdf"), "文件内容与扩展名“.pdf”不符")
        self.assertContains(self.send(self.filler, "x.pdf", PDF, "ind-9"), "上传失败：没有这一行")
        self.assertFalse(MonitoringEvidence.objects.exists())
        # only the unit's editors, only while the table is editable
        self.assertEqual(self.send(self.reviewer, "a.pdf", PDF).status_code, 404)  # a draft: not seen
        self.report.submit(by=self.head)
        self.assertEqual(self.send(self.reviewer, "a.pdf", PDF).status_code, 403)
        self.assertContains(self.send(self.filler, "a.pdf", PDF), "不能添加佐证材料")
        self.assertFalse(MonitoringEvidence.objects.exists())

    def test_evidence_of_a_rectification_answer(self) -> None:
        self.report.submit(by=self.head)
        self.report.request_rectification(by=self.reviewer, index=0, requirement="补充培训签到台账")
        page = client(self.filler).get(reverse("monitoring_form", args=[self.report.pk])).content.decode()
        self.assertIn("指标“培训人次”（整改答复）", page)  # the row asked is named as such
        self.send(self.filler, "整改台账.pdf", PDF, "ind-0")
        e = MonitoringEvidence.objects.get()
        self.assertEqual((e.target, e.added_in), ("ind-0", self.report.version))
        # removed: gone from the page, the file kept (as a self-evaluation's)
        client(self.filler).post(reverse("monitoring_evidence_remove", args=[self.report.pk, e.pk]))
        e.refresh_from_db()
        self.assertIsNotNone(e.removed_in)
        self.assertTrue(e.file.storage.exists(e.file.name))
        page = client(self.filler).get(reverse("monitoring_form", args=[self.report.pk])).content.decode()
        self.assertIn("暂无佐证材料", page)
