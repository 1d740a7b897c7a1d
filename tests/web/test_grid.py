"""The indicator table as a spreadsheet, server side: rows moved, inserted and deleted in the
browser arrive renumbered with the stored row they came from; 指标性质 and the suggestion lists."""

from __future__ import annotations

from django.urls import reverse

from jixiao.serialize import dump_value
from tests.web.base import WebTestCase


class GridTests(WebTestCase):
    def setUp(self) -> None:
        self.client.force_login(self.filler)
        self.url = reverse("form", args=[self.submission.pk])

    def test_rows_are_posted_with_their_origin(self) -> None:
        s = self.s()
        content = s.content
        content["indicators"][1]["goal_index"] = 2  # a value the screen does not post
        s.data = dump_value(content)
        s.save()
        # the two rows swapped, a new row inserted between them, one row posted without origin
        r = self.client.post(
            self.url,
            {
                "version": 1,
                "ind-count": 3,
                "ind-0-origin": "1",
                "ind-0-name": "妇女群众满意度",
                "ind-1-origin": "",
                "ind-1-name": "新增培训人次",
                "ind-1-target": "≥200人次",
                "ind-2-origin": "0",
                "ind-2-name": "主题党日活动次数",
            },
        )
        self.assertEqual(r.status_code, 302)
        rows = self.s().content["indicators"]
        self.assertEqual(
            [i["name"] for i in rows], ["妇女群众满意度", "新增培训人次", "主题党日活动次数"]
        )
        self.assertEqual(rows[0]["goal_index"], 2)  # kept from its stored row, not from row 0
        self.assertEqual(str(rows[0]["weight"]), "40")
        self.assertIsNone(rows[1].get("weight"))  # a new row starts empty
        self.assertEqual(str(rows[2]["weight"]), "50")
        self.assertNotIn("goal_index", {k for k, v in rows[2].items() if v})

    def test_nature_apart_from_the_target(self) -> None:
        page = self.client.get(self.url).content.decode()
        # ≥12次 already says ≥: the column stays blank (the target decides)
        self.assertRegex(page, r'name="ind-0-nature"[^>]*value=""')
        self.client.post(
            self.url, {"version": 1, "ind-count": 2, "ind-0-nature": "<=", "ind-0-target": "12次"}
        )
        row = self.s().content["indicators"][0]
        self.assertEqual(row["operator"], "≤")
        page = self.client.get(self.url).content.decode()
        self.assertRegex(page, r'name="ind-0-nature"[^>]*value="≤"')
        self.client.post(
            self.url, {"version": 2, "ind-count": 2, "ind-0-nature": "", "ind-0-target": "≥12次"}
        )
        self.assertIsNone(self.s().content["indicators"][0]["operator"])  # back to the target's ≥

    def test_suggestion_lists_and_keyboard_help(self) -> None:
        page = self.client.get(self.url).content.decode()
        self.assertIn('list="dl-level1"', page)
        self.assertIn('<datalist id="dl-level2">', page)
        self.assertIn('<option value="服务对象满意度指标">', page)
        self.assertIn('<option value="定性">', page)
        self.assertIn('name="ind-1-origin" value="1"', page)
        self.assertIn("data-grid", page)
        self.assertIn("grid.js", page)

    def test_preview_offers_the_computed_score(self) -> None:
        html = self.client.post(
            reverse("preview", args=[self.submission.pk]),
            {"ind-count": 2, "ind-0-actual": "6次", "ind-0-score": "50"},
        ).content.decode()
        self.assertRegex(html, r'class="use-score link" data-row="ind-0" data-score="25')
        self.assertIn("（填报 50）", html)

    def test_a_reader_sees_no_suggestion_button(self) -> None:
        self.client.force_login(self.reviewer)
        page = self.client.get(self.url).content.decode()
        self.assertNotIn("use-score", page)
        self.assertNotIn("data-grid", page)

    def test_comments_and_evidence_follow_their_row(self) -> None:
        from django.core.files.base import ContentFile

        from jixiao_web.evaluations.models import ReviewComment
        from jixiao_web.evidence.models import Evidence

        s = self.s()
        first = ReviewComment.objects.create(submission=s, target="ind-0", text="第一行的意见")
        second = ReviewComment.objects.create(submission=s, target="ind-1", text="第二行的意见")
        e = Evidence(
            submission=s,
            target="ind-1",
            name="问卷.pdf",
            kind="pdf",
            size=5,
            sha256="0" * 64,
            added_in=1,
        )
        e.file.save("问卷.pdf", ContentFile(b"%PDF-"), save=True)
        # swapped, with a new row on top
        self.client.post(
            self.url,
            {
                "version": 1,
                "ind-count": 3,
                "ind-0-origin": "",
                "ind-0-name": "新指标",
                "ind-1-origin": "1",
                "ind-2-origin": "0",
            },
        )
        self.assertEqual(ReviewComment.objects.get(pk=first.pk).target, "ind-2")
        self.assertEqual(ReviewComment.objects.get(pk=second.pk).target, "ind-1")
        self.assertEqual(Evidence.objects.get(pk=e.pk).target, "ind-1")
        # the row with the evidence deleted: it goes to the whole form, not to another row
        self.client.post(
            self.url,
            {
                "version": 2,
                "ind-count": 3,
                "ind-0-origin": "0",
                "ind-1-origin": "1",
                "ind-1-delete": "1",
                "ind-2-origin": "2",
            },
        )
        self.assertEqual(Evidence.objects.get(pk=e.pk).target, "")
        self.assertEqual(ReviewComment.objects.get(pk=first.pk).target, "ind-1")
