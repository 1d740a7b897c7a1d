"""Leftovers of issues 11 and 12: 【待填写…】 marks block submit and publish (JX-C016); a
profile can require 佐证材料 for full marks before submission; the 预算执行 row is re-scored on
the review page and counts in the 复核 total; 添加一行指标 without JavaScript adds a blank row;
the web tests leave no data directory behind."""

from __future__ import annotations

import html
import os
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jixiao.serialize import dump_value
from jixiao_web.accounts.models import AuditLog
from jixiao_web.evaluations.models import Submission
from jixiao_web.evaluations.workflow import Status, WorkflowError
from tests.web.base import WebTestCase, small_form
from tests.web.test_evidence import PDF

MARK = "【待填写：针对上述问题提出下一步改进措施】"


def with_placeholders() -> dict[str, Any]:
    """The small form with a fill-in mark in an indicator's 实际完成值 and in report §1."""
    d = small_form()
    d["indicators"][1]["actual"] = "【待填写：满意度调查结果】"
    d["report"] = [{"heading": "五、下一步改进措施", "text": MARK, "level": 1}]
    return d


class PlaceholderTests(WebTestCase):
    def fill(self, content: dict[str, Any]) -> Submission:
        s = self.s()
        s.save_content(by=self.filler, content=content, base_version=s.version)
        return self.s()

    def test_submit_is_refused_naming_where_the_marks_are(self) -> None:
        s = self.fill(with_placeholders())
        with self.assertRaises(WorkflowError) as caught:
            s.transition("submit", by=self.head, version=s.version)
        message = str(caught.exception)
        self.assertIn("不能“提交财政局”", message)
        self.assertIn("2 处待填写标记", message)
        self.assertIn("指标第2行", message)
        self.assertIn("报告第1节", message)
        self.assertIn(MARK, message)
        self.assertEqual(self.s().status, Status.DRAFT)
        # written out: the same form goes through
        self.fill(small_form()).transition("submit", by=self.head)
        self.assertEqual(self.s().status, Status.SUBMITTED)

    def test_resubmit_is_refused_too(self) -> None:
        self.move_to("returned")
        s = self.fill(with_placeholders())
        with self.assertRaisesMessage(WorkflowError, "不能“修改后重新提交”"):
            s.transition("resubmit", by=self.head)
        self.assertEqual(self.s().status, Status.RETURNED)

    def test_publish_is_refused_on_a_form_accepted_with_marks(self) -> None:
        self.move_to("accepted")  # e.g. accepted before marks blocked anything
        data = dump_value(with_placeholders(), indent=None)
        Submission.objects.filter(pk=self.submission.pk).update(data=data)
        with self.assertRaisesMessage(WorkflowError, "不能“公开”"):
            self.s().transition("publish", by=self.reviewer)
        self.assertEqual(self.s().status, Status.ACCEPTED)
        # the overview's bulk publish goes through the same model method
        self.client.force_login(self.reviewer)
        r = self.client.post(
            reverse("overview_bulk", args=[self.round.pk]),
            {"action": "publish", "ids": [self.submission.pk]},
            follow=True,
        )
        self.assertIn("待填写标记", r.content.decode())
        self.assertEqual(self.s().status, Status.ACCEPTED)

    def test_the_page_says_so_before_the_button_is_pressed(self) -> None:
        s = self.fill(with_placeholders())
        self.client.force_login(self.head)
        page = html.unescape(self.client.get(reverse("form", args=[s.pk])).content.decode())
        self.assertIn('id="blocked-submit"', page)
        confirm = page.split('id="do-submit"', 1)[1].split(">", 1)[0]
        self.assertIn("待填写标记", confirm)
        self.assertIn("报告第1节", confirm)
        # the view refuses with the same words and leaves the form a draft
        r = self.client.post(
            reverse("transition", args=[s.pk, "submit"]), {"version": s.version}, follow=True
        )
        self.assertIn("报告第1节", html.unescape(r.content.decode()))
        self.assertEqual(self.s().status, Status.DRAFT)
        # a form without marks shows no such warning
        self.fill(small_form())
        page = self.client.get(reverse("form", args=[s.pk])).content.decode()
        self.assertNotIn('id="blocked-submit"', page)


class FullMarksEvidenceTests(WebTestCase):
    """small_form scores both indicators full marks (50 of 50, 40 of 40)."""

    def use_profile(self, body: str) -> None:
        folder = tempfile.TemporaryDirectory(prefix="jixiao-profile-")
        self.addCleanup(folder.cleanup)
        path = Path(folder.name) / "佐证.toml"
        path.write_text('[profile]\ntitle = "要求佐证方案"\n' + body, encoding="utf-8")
        self.round.profile = str(path)
        self.round.save()

    def attach(self, target: str) -> None:
        self.client.force_login(self.filler)
        self.client.post(
            reverse("evidence_upload", args=[self.submission.pk]),
            {"target": target, "file": SimpleUploadedFile("台账.pdf", PDF)},
        )

    def test_off_by_default(self) -> None:
        self.s().transition("submit", by=self.head)
        self.assertEqual(self.s().status, Status.SUBMITTED)

    def test_submit_needs_evidence_on_each_full_marks_row(self) -> None:
        self.use_profile("[evidence]\nfull_marks_need_evidence = true\n")
        with self.assertRaises(WorkflowError) as caught:
            self.s().transition("submit", by=self.head)
        message = str(caught.exception)
        self.assertIn("要求佐证方案", message)
        self.assertIn("2 行满分但没有佐证材料", message)
        self.assertIn("指标第1行“主题党日活动次数”", message)
        self.assertIn("指标第2行“妇女群众满意度”", message)
        # the form warns before submit, at the top and on the rows
        self.client.force_login(self.head)
        page = self.client.get(reverse("form", args=[self.submission.pk])).content.decode()
        self.assertIn('id="evidence-needed"', page)
        self.assertIn('id="blocked-submit"', page)
        self.assertIn("满分须附佐证材料", page)
        self.attach("ind-0")
        self.attach("")  # evidence for the whole form is not evidence for a row
        with self.assertRaises(WorkflowError) as caught:
            self.s().transition("submit", by=self.head)
        self.assertIn("1 行满分", str(caught.exception))
        self.assertNotIn("指标第1行", str(caught.exception))
        # a row below full marks needs nothing
        s = self.s()
        content = small_form()
        content["indicators"][1]["score"] = 38
        s.save_content(by=self.filler, content=content, base_version=s.version)
        self.s().transition("submit", by=self.head)
        self.assertEqual(self.s().status, Status.SUBMITTED)


class FundsReviewTests(WebTestCase):
    """The 预算执行 row (资金第1行, 分值 10) re-scored beside the indicators."""

    def setUp(self) -> None:
        content = small_form()
        content["funds"][0]["score"] = Decimal(10)  # 10 + 50 + 40 = 100 self-assessed
        s = self.s()
        s.save_content(by=self.filler, content=content, base_version=s.version)
        self.s().transition("submit", by=self.head)
        self.client.force_login(self.reviewer)
        self.url = reverse("review", args=[self.submission.pk])

    def post(self, **fields: str):  # type: ignore[no-untyped-def]
        return self.client.post(self.url, {k.replace("_", "-"): v for k, v in fields.items()})

    def test_funds_row_counts_in_the_review_total(self) -> None:
        page = self.client.get(self.url).content.decode()
        self.assertIn('id="review-funds-0-score"', page)
        self.assertNotIn('id="review-funds-1-score"', page)  # rows without points are not scored
        r = self.post(review_funds_0_score="8", review_funds_0_comment="执行率按支出口径应为 80%")
        self.assertEqual(r.status_code, 302)
        s = self.s()
        self.assertEqual(s.review_score, Decimal(98))  # 8 + the unit's 50 + 40
        row = s.review_scores.get(part="funds", index=0)
        self.assertEqual((row.self_score, row.score, row.gap), (10, 8, -2))
        self.assertEqual(row.indicator, "预算执行（合计）")
        self.post(review_funds_0_score="8", review_0_score="45")
        self.assertEqual(self.s().review_score, Decimal(93))  # 8 + 45 + 40
        # the unit sees the re-scored 预算执行 row after return
        self.s().transition("return", by=self.reviewer, comment="请核对执行数")
        self.client.force_login(self.filler)
        form = self.client.get(reverse("form", args=[self.submission.pk])).content.decode()
        self.assertIn('href="#row-funds-0"', form)
        self.assertIn("预算执行（合计）", form)

    def test_above_the_row_weight_is_refused_keeping_what_was_typed(self) -> None:
        r = self.post(review_funds_0_score="12", review_0_score="45", review_0_comment="依据不足")
        self.assertEqual(r.status_code, 400)
        page = r.content.decode()
        self.assertIn("应在 0 到 10（本行分值）之间", page)
        self.assertIn('value="45"', page)
        self.assertIn("依据不足", page)
        self.assertFalse(self.s().review_scores.exists())
        self.assertIsNone(self.s().review_score)

    def test_a_review_total_above_the_maximum_gets_no_grade(self) -> None:
        s = self.s()
        s.transition("return", by=self.reviewer, comment="请核对分值")
        content = self.s().content
        content["indicators"][0]["weight"] = content["indicators"][0]["score"] = Decimal(60)
        s = self.s()  # 分值 10 + 60 + 40 = 110 on a 100-point form: no computed grade
        s.save_content(by=self.filler, content=content, base_version=s.version)
        self.s().transition("resubmit", by=self.head)
        self.assertEqual(self.s().grade, "")
        self.post(review_funds_0_score="9")  # 9 + 60 + 40 = 109
        self.assertEqual((self.s().review_score, self.s().grade), (Decimal(109), ""))
        self.post(review_funds_0_score="")  # cleared: back to the computed grade (none)
        self.assertEqual((self.s().review_score, self.s().grade), (None, ""))

    def test_a_cleared_score_reads_cleared_never_none(self) -> None:
        self.post(review_funds_0_score="8", review_0_score="45")
        self.post(review_funds_0_score="", review_0_score="45")
        self.assertEqual(self.s().review_score, Decimal(95))  # the unit's 10 counts again
        self.post(review_funds_0_score="", review_0_score="")
        self.assertIsNone(self.s().review_score)
        details = list(
            AuditLog.objects.filter(action=AuditLog.Action.REVIEW_SCORED)
            .order_by("id")
            .values_list("detail", flat=True)
        )
        self.assertEqual(len(details), 3)
        self.assertIn("资金第1行 — → 8", details[0])
        self.assertIn("资金第1行清除复核得分", details[1])
        self.assertIn("复核总分 95", details[1])
        self.assertIn("指标第1行清除复核得分", details[2])
        self.assertTrue(details[2].startswith("清除复核得分"))
        self.assertFalse([d for d in details if "None" in d], details)
        self.client.force_login(self.head)
        history = self.client.get(reverse("revisions", args=[self.submission.pk]))
        self.assertNotIn("None", history.content.decode())


class AddRowWithoutScriptTests(WebTestCase):
    def test_the_added_row_is_blank_not_a_copy_of_the_last(self) -> None:
        self.client.force_login(self.filler)
        url = reverse("form", args=[self.submission.pk])
        r = self.client.post(url, {"version": 1, "ind-count": 2, "action": "add-indicator"})
        self.assertEqual(r.status_code, 302)
        rows = self.s().content["indicators"]
        self.assertEqual(len(rows), 3)
        self.assertEqual(rows[1]["level1"], "满意度指标")
        self.assertFalse(rows[2].get("level1") or rows[2].get("level2"), rows[2])
        page = self.client.get(url).content.decode()
        self.assertIn('id="f-ind-2-level1"', page)


def test_a_test_session_removes_its_data_directory(tmp_path: Path) -> None:
    """The web tests' data directory (uploads, evidence, static files) is made in the temporary
    folder and is gone when the session ends: no /tmp/jixiao-web-test-* left behind."""
    root = Path(__file__).parents[2]
    env = {k: v for k, v in os.environ.items() if k != "JIXIAO_DATA_DIR"}
    env.update(TMPDIR=str(tmp_path), PYTHONPATH=str(root))
    shown = subprocess.run(
        [sys.executable, "-c", "import os, tests.web.conftest; print(os.environ['JIXIAO_DATA_DIR'])"],
        cwd=root, env=env, capture_output=True, text=True, timeout=120, check=True,
    ).stdout.strip()  # fmt: skip
    assert Path(shown).parent == tmp_path and Path(shown).name.startswith("jixiao-web-test-")
    assert not Path(shown).exists()
    # a real session that writes evidence files there
    test = "tests/web/test_evidence.py::EvidenceTests::test_pdf_image_and_office_files_per_row_and_form"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", test, "-p", "no:cacheprovider", "-q"],
        cwd=root, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout[-2000:]
    assert not list(tmp_path.glob("jixiao-web-test-*"))
