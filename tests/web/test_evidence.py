"""佐证材料: attached per row and per form, checked like an import, previewed inline, kept
per version, zipped per form, asked for by the reviewer, and backed up."""

from __future__ import annotations

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jixiao_web.evaluations.models import ReviewComment
from jixiao_web.evidence.models import Evidence
from tests.web.base import WebTestCase
from tests.web.test_audit_scope import zip_bomb

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


def docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


class EvidenceTests(WebTestCase):
    def setUp(self) -> None:
        self.client.force_login(self.filler)
        self.upload_url = reverse("evidence_upload", args=[self.submission.pk])
        self.page_url = reverse("evidence", args=[self.submission.pk])

    def send(self, name: str, data: bytes, target: str = "ind-0"):  # type: ignore[no-untyped-def]
        return self.client.post(
            self.upload_url, {"target": target, "file": SimpleUploadedFile(name, data)}, follow=True
        )

    def test_pdf_image_and_office_files_per_row_and_form(self) -> None:
        self.assertContains(
            self.send("活动台账.pdf", PDF), "已上传佐证材料“活动台账.pdf”（指标第1行）"
        )
        self.send("现场照片.png", png(), "ind-0")
        self.send("资金明细.docx", docx(), "funds-0")
        self.send("说明.pdf", PDF, "")
        kinds = sorted(Evidence.objects.values_list("target", "kind"))
        self.assertEqual(
            kinds, [("", "pdf"), ("funds-0", "office"), ("ind-0", "image"), ("ind-0", "pdf")]
        )
        page = self.client.get(self.page_url).content.decode()
        self.assertIn("<iframe", page)  # PDF preview
        self.assertIn("<img", page)  # image preview
        form = self.client.get(reverse("form", args=[self.submission.pk])).content.decode()
        self.assertIn('id="ev-link-ind-0"', form)
        self.assertIn("佐证材料 2 份", form)
        e = Evidence.objects.get(name="活动台账.pdf")
        self.assertNotIn("活动台账", e.file.name)  # stored under a generated name
        r = self.client.get(reverse("evidence_file", args=[self.submission.pk, e.pk]))
        self.assertEqual(r["Content-Type"], "application/pdf")
        self.assertTrue(r["Content-Disposition"].startswith("inline"))
        self.assertIn("default-src 'none'", r["Content-Security-Policy"])
        self.assertEqual(b"".join(r.streaming_content), PDF)
        office = Evidence.objects.get(kind="office")
        r = self.client.get(reverse("evidence_file", args=[self.submission.pk, office.pk]))
        self.assertTrue(r["Content-Disposition"].startswith("attachment"))

    def test_hostile_and_wrong_files_are_refused_with_the_reason(self) -> None:
        self.assertContains(self.send("程序.exe", b"MZ\x90\x00"), "不支持的文件类型“.exe”")
        self.assertContains(
            self.send("假的.pdf", b"MZ\x90\x00 not a pdf"), "文件内容与扩展名“.pdf”不符"
        )
        self.assertContains(self.send("空.pdf", b""), "文件是空的")
        bomb = zip_bomb("bomb.docx", "word/document.xml", 120 << 20)
        self.assertContains(self.send("炸弹.docx", bomb), "压缩炸弹")
        self.assertContains(self.send("坏图.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 40), "图片已损坏")
        with self.settings(EVIDENCE_MAX_BYTES=10):
            self.assertContains(self.send("大.pdf", PDF), "文件过大")
        self.assertContains(self.send("a.pdf", PDF, "ind-99"), "没有这一行")
        self.assertFalse(Evidence.objects.exists())

    def test_who_may_attach_and_see(self) -> None:
        self.send("台账.pdf", PDF)
        e = Evidence.objects.get()
        self.client.force_login(self.other_head)  # another unit: nothing to see
        self.assertEqual(self.client.get(self.page_url).status_code, 404)
        self.assertEqual(
            self.client.get(reverse("evidence_file", args=[self.submission.pk, e.pk])).status_code,
            404,
        )
        self.submission.transition("submit", by=self.head)
        self.client.force_login(self.reviewer)  # the bureau sees, does not attach
        self.assertEqual(self.client.get(self.page_url).status_code, 200)
        self.assertIn(self.send("b.pdf", PDF).status_code, (403,))
        self.client.force_login(self.filler)  # a submitted form takes no new files
        self.assertContains(self.send("c.pdf", PDF), "上传失败")
        self.assertEqual(Evidence.objects.count(), 1)

    def test_removed_files_stay_in_their_versions_and_zip(self) -> None:
        self.send("一.pdf", PDF)
        self.send("二.png", png())
        first = Evidence.objects.get(name="一.pdf")
        s = self.s()
        content = s.content
        content["indicators"][0]["actual"] = "13次"
        s.save_content(by=self.filler, content=content, base_version=1)  # version 2
        self.client.post(reverse("evidence_remove", args=[s.pk, first.pk]))
        first.refresh_from_db()
        self.assertEqual(first.removed_in, 2)
        self.assertTrue(first.file.storage.exists(first.file.name))  # the file is kept
        r = self.client.get(reverse("evidence_zip", args=[s.pk]))
        names = zipfile.ZipFile(io.BytesIO(r.content)).namelist()
        self.assertEqual(names, ["指标第1行/二.png"])
        r = self.client.get(reverse("evidence_zip", args=[s.pk]) + "?version=1")
        self.assertEqual(
            sorted(zipfile.ZipFile(io.BytesIO(r.content)).namelist()),
            ["指标第1行/一.pdf", "指标第1行/二.png"],
        )
        page = self.client.get(reverse("revision", args=[s.pk, 1])).content.decode()
        self.assertIn("本版的佐证材料（2 份）", page)

    def test_reviewer_asks_for_evidence_on_a_row(self) -> None:
        self.submission.transition("submit", by=self.head)
        self.client.force_login(self.reviewer)
        self.client.post(
            reverse("evidence_ask", args=[self.submission.pk]),
            {"target": "ind-1", "text": "请附满意度调查问卷汇总"},
        )
        c = ReviewComment.objects.get()
        self.assertTrue(c.asks_evidence and c.open)
        self.assertEqual(c.target, "ind-1")
        self.s().transition("return", by=self.reviewer)
        self.client.force_login(self.filler)
        form = self.client.get(reverse("form", args=[self.submission.pk])).content.decode()
        self.assertIn("需补充佐证材料", form)
        self.assertContains(self.client.get(self.page_url), "审核人要求补充")
