"""Leftovers of issues 11 and 12: 【待填写…】 marks block submit and publish (JX-C016)."""

from __future__ import annotations

import html
from typing import Any

from django.urls import reverse

from jixiao.serialize import dump_value
from jixiao_web.evaluations.models import Submission
from jixiao_web.evaluations.workflow import Status, WorkflowError
from tests.web.base import WebTestCase, small_form

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
