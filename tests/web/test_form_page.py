"""The form on screen: inputs named by field, scores and findings beside the rows, the live
preview, number errors, the edit conflict, import and export."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jixiao.serialize import dump_value
from jixiao_web.accounts.models import AuditLog
from jixiao_web.evaluations.models import Upload
from tests.web.base import WebTestCase, small_form


class FormPageTests(WebTestCase):
    def setUp(self) -> None:
        self.client.force_login(self.filler)
        self.url = reverse("form", args=[self.submission.pk])

    def test_inputs_are_named_by_field_and_show_the_stored_values(self) -> None:
        page = self.client.get(self.url).content.decode()
        self.assertRegex(
            page,
            r'name="funds-0-budget" id="f-funds-0-budget" aria-label="全年预算数" value="198.8"',
        )
        self.assertIn('name="ind-1-target"', page)
        self.assertIn('name="version" id="f-version" value="1"', page)
        self.assertIn('data-preview-url="/s/', page)

    def test_the_sum_finding_is_shown_beside_its_row(self) -> None:
        page = self.client.get(self.url).content.decode()
        row = re.search(
            r'<td class="cell-findings" id="findings-funds-0">(.*?)</td>', page, re.S
        ).group(1)
        self.assertIn("JX-A001", row)  # 合计 198.8 ≠ 174.74 + 24.24
        self.assertIn("106.96%", row)  # execution rate computed by jixiao.score: 212.64 / 198.8

    def test_preview_recomputes_without_saving(self) -> None:
        fragment = self.client.post(
            reverse("preview", args=[self.submission.pk]), {"funds-0-budget": "198.98"}
        )
        html = fragment.content.decode()
        self.assertNotIn("JX-A001", html)  # the finding disappears
        self.assertIn("106.87%", html)  # 212.64 / 198.98
        self.assertEqual(str(self.s().content["funds"][0]["budget"]), "198.8")  # not saved
        before = self.client.post(
            reverse("preview", args=[self.submission.pk]), {"funds-0-budget": "198.8"}
        )
        self.assertIn("JX-A001", before.content.decode())

    def test_a_total_that_cannot_be_recomputed_shows_why_it_has_no_grade(self) -> None:
        html = self.client.post(
            reverse("preview", args=[self.submission.pk]), {"total_weight": "90"}
        ).content.decode()  # 10 + 50 + 40 = 100 against a total of 90
        self.assertIn('id="grade-reason"', html)
        self.assertIn("不评等级：各计分行分值合计 100，与总分分值 90 不符", html)
        stored = self.client.get(self.url).content.decode()  # weights 10 + 50 + 40 = 100
        self.assertNotIn('id="grade-reason"', stored)

    def test_preview_marks_a_bad_number(self) -> None:
        html = self.client.post(
            reverse("preview", args=[self.submission.pk]), {"funds-1-actual": "20x.5"}
        ).content.decode()
        self.assertIn('data-field="funds-1-actual"', html)
        self.assertIn("不是数字", html)

    def test_save_with_a_bad_number_is_refused_and_keeps_the_input(self) -> None:
        r = self.client.post(self.url, {"version": 1, "funds-0-budget": "一九八"})
        self.assertEqual(r.status_code, 400)
        self.assertIn("“一九八”不是数字", r.content.decode())
        self.assertEqual(self.s().version, 1)

    def test_save_creates_a_revision_and_logs_it(self) -> None:
        r = self.client.post(
            self.url,
            {"version": 1, "funds-0-budget": "198.98", "ind-count": 2, "ind-1-actual": "97%"},
        )
        self.assertRedirects(r, self.url)
        s = self.s()
        self.assertEqual(s.version, 2)
        self.assertEqual(str(s.content["funds"][0]["budget"]), "198.98")
        self.assertEqual(s.content["indicators"][1]["actual"], "97%")
        rev = s.revisions.get(number=2)
        self.assertIn(["指标第2行·实际完成值", "96%", "97%"], rev.changes)
        self.assertTrue(AuditLog.objects.filter(action="saved", user=self.filler).exists())
        self.assertLess(s.errors, 2)  # the sum error is gone from the overview figures

    def test_rows_can_be_added_and_deleted(self) -> None:
        self.client.post(self.url, {"version": 1, "ind-count": 2, "action": "add-indicator"})
        self.assertEqual(len(self.s().content["indicators"]), 3)
        self.client.post(self.url, {"version": 2, "ind-count": 3, "ind-0-delete": "1"})
        names = [i["name"] for i in self.s().content["indicators"]]
        self.assertEqual(names, ["妇女群众满意度", ""])

    def test_concurrent_edit_is_refused_with_the_difference(self) -> None:
        self.client.post(
            self.url, {"version": 1, "ind-count": 2, "ind-0-actual": "11次"}
        )  # someone else, first
        self.client.force_login(self.head)
        r = self.client.post(
            self.url,
            {"version": 1, "ind-count": 2, "ind-0-actual": "14次", "funds-2-actual": "8.0"},
        )
        self.assertEqual(r.status_code, 409)
        html = r.content.decode()
        self.assertIn("保存未成功", html)
        their = re.search(r'id="their-changes">(.*?)</table>', html, re.S).group(1)
        mine = re.search(r'id="my-changes">(.*?)</table>', html, re.S).group(1)
        self.assertIn("11次", their)
        self.assertIn("14次", mine)
        self.assertIn("8.0", mine)
        self.assertIn("以下位置你们两人都修改了：指标第1行·实际完成值", html)
        self.assertEqual(self.s().content["indicators"][0]["actual"], "11次")

    def test_export_xlsx_and_json(self) -> None:
        r = self.client.get(reverse("export", args=[self.submission.pk, "xlsx"]))
        self.assertEqual(r.status_code, 200)
        self.assertTrue(r.content.startswith(b"PK"))
        r = self.client.get(reverse("export", args=[self.submission.pk, "json"]))
        self.assertIn('"budget": 198.8', r.content.decode())
        self.assertIn("filename*=UTF-8''2021-", r["Content-Disposition"])
        self.assertEqual(
            self.client.get(reverse("export", args=[self.submission.pk, "exe"])).status_code, 404
        )


class ImportTests(WebTestCase):
    def setUp(self) -> None:
        self.client.force_login(self.filler)
        self.url = reverse("import", args=[self.submission.pk])

    def test_import_json_replaces_the_draft_as_a_new_revision(self) -> None:
        content = small_form()
        content["indicators"][0]["actual"] = "15次"
        upload = SimpleUploadedFile(
            "妇联2021.json", dump_value(content).encode(), "application/json"
        )
        r = self.client.post(self.url, {"file": upload, "version": 1, "replace": "1"})
        self.assertEqual(r.status_code, 302)
        s = self.s()
        self.assertEqual(s.content["indicators"][0]["actual"], "15次")
        self.assertEqual(s.revisions.get(number=2).note, "导入 妇联2021.json")
        up = Upload.objects.get(submission=s)
        self.assertEqual(up.name, "妇联2021.json")
        self.assertNotIn("妇联", up.stored)  # stored under a random name, outside the web root
        messages = [str(m) for m in r.wsgi_request._messages]
        self.assertTrue(any("已导入 妇联2021.json" in m for m in messages), messages)

    def test_refuses_other_types_and_bad_files(self) -> None:
        before = self.stored_files()
        r = self.client.post(
            self.url, {"file": SimpleUploadedFile("x.exe", b"MZ...."), "version": 1}, follow=True
        )
        self.assertIn("不支持的文件类型", r.content.decode())
        r = self.client.post(
            self.url,
            {"file": SimpleUploadedFile("x.json", b"{not json"), "version": 1},
            follow=True,
        )
        self.assertIn("导入失败：x.json", r.content.decode())
        self.assertEqual(self.s().version, 1)
        self.assertFalse(Upload.objects.exists())
        self.assertEqual(self.stored_files(), before)  # the refused files are not kept

    @staticmethod
    def stored_files() -> set[str]:
        return (
            {p.name for p in settings.UPLOAD_DIR.glob("*")}
            if settings.UPLOAD_DIR.exists()
            else set()
        )

    def test_refuses_a_file_over_the_limit(self) -> None:
        with self.settings(MAX_UPLOAD_BYTES=100):
            r = self.client.post(
                self.url,
                {"file": SimpleUploadedFile("big.txt", b"x" * 101), "version": 1},
                follow=True,
            )
        self.assertIn("文件过大", r.content.decode())


class ReportTests(WebTestCase):
    def test_report_is_drafted_from_the_table_then_edited(self) -> None:
        self.client.force_login(self.head)
        r = self.client.post(reverse("report_draft", args=[self.submission.pk]), {"version": 1})
        self.assertRedirects(r, reverse("report", args=[self.submission.pk]))
        s = self.s()
        self.assertIn("部门整体支出绩效自评报告", s.content["report_title"])
        sections = s.content["report"]
        self.assertGreater(len(sections), 2)
        self.assertTrue(
            any("198.8" in sec["text"] for sec in sections)
        )  # figures come from the table
        page = self.client.get(reverse("report", args=[self.submission.pk])).content.decode()
        self.assertIn('name="report-0-text"', page)
        count = len(sections)
        r = self.client.post(
            reverse("form", args=[self.submission.pk]),
            {
                "version": s.version,
                "next": "report",
                "report-count": count + 1,
                "report-0-text": "改写后的概况。",
                f"report-{count}-heading": "六、其他需要说明的情况",
                f"report-{count}-text": "无。",
            },
        )
        self.assertRedirects(r, reverse("report", args=[self.submission.pk]))
        sections = self.s().content["report"]
        self.assertEqual(sections[0]["text"], "改写后的概况。")
        self.assertEqual(sections[-1]["heading"], "六、其他需要说明的情况")
        self.assertEqual(len(sections), count + 1)
