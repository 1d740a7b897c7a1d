"""The wording list and the overview items of issue 11: blank forms without a list of blanks,
labels in Chinese, a chart that follows the filter and links to its units, chips that keep the
search, abbreviations, bulk accept/publish/export, and returning to the page one was on."""

from __future__ import annotations

import io
import zipfile

from django.urls import reverse

from jixiao.serialize import dump_value
from jixiao_web.accounts.models import AuditLog
from jixiao_web.evaluations import layout
from jixiao_web.evaluations.models import Submission
from tests.web.base import WebTestCase


class WordingTests(WebTestCase):
    def test_a_blank_form_lists_no_blanks_until_typed(self) -> None:
        s = self.s()
        s.data = dump_value(layout.blank("department", 2021, s.unit.name))
        s.save()
        self.client.force_login(self.filler)
        page = self.client.get(reverse("form", args=[s.pk])).content.decode()
        self.assertIn('id="pristine"', page)
        self.assertNotIn("data-code=", page)
        self.assertNotIn("指标“”", page)
        typed = self.client.post(
            reverse("preview", args=[s.pk]), {"ind-count": 6, "ind-0-name": "培训人次"}
        ).content.decode()
        self.assertIn("data-code=", typed)  # once typed, the checks speak
        self.assertIn("指标“培训人次”未填写年度指标值", typed)
        self.assertNotIn("指标“”", typed)  # the empty rows are counted once (JX-M001)

    def test_profiles_by_title_and_comments_logged_by_place(self) -> None:
        self.client.force_login(self.reviewer)
        page = self.client.get(reverse("round_new")).content.decode()
        self.assertIn("财预〔2020〕10号（默认）", page)
        self.move_to("submitted").add_comment(by=self.reviewer, target="ind-0", text="请核实")
        detail = AuditLog.objects.filter(action=AuditLog.Action.COMMENTED).latest("at").detail
        self.assertEqual(detail, "指标第1行：请核实")

    def test_the_public_404_leads_back_to_the_public_pages(self) -> None:
        r = self.client.get("/public/s/99999/")
        self.assertEqual(r.status_code, 404)
        self.assertContains(r, "返回公开查询", status_code=404)
        self.assertNotContains(r, "返回工作台", status_code=404)

    def test_a_failed_return_stays_on_the_review_page(self) -> None:
        self.move_to("submitted")
        self.client.force_login(self.reviewer)
        r = self.client.post(
            reverse("transition", args=[self.submission.pk, "return"]), {"next": "review"}
        )
        self.assertRedirects(r, reverse("review", args=[self.submission.pk]))


class OverviewItemTests(WebTestCase):
    def setUp(self) -> None:
        self.move_to("submitted")
        self.client.force_login(self.reviewer)
        self.url = reverse("overview", args=[self.round.pk])

    def test_search_by_abbreviation_and_chips_keep_it(self) -> None:
        page = self.client.get(self.url, {"q": "妇联", "sort": "-errors"}).content.decode()
        self.assertIn("长沙市岳麓区妇女联合会", page)
        self.assertNotIn("<td>共青团长沙市岳麓区委员会</td>", page)
        self.assertIn('href="?status=submitted&amp;q=%E5%A6%87%E8%81%94&amp;sort=-errors"', page)

    def test_findings_chart_follows_the_filter_and_links_to_units(self) -> None:
        code = sorted(self.s().finding_codes)[0]
        page = self.client.get(self.url).content.decode()
        self.assertIn(f'href="?code={code}&amp;', page)
        filtered = self.client.get(self.url, {"status": "accepted"}).content.decode()
        self.assertNotIn(f"?code={code}", filtered)  # no accepted form has it
        self.assertIn("最常见问题（按当前筛选）", filtered)
        by_code = self.client.get(self.url, {"code": code}).content.decode()
        self.assertIn('id="code-filter"', by_code)
        self.assertIn("长沙市岳麓区妇女联合会", by_code)
        self.assertNotIn("<td>共青团长沙市岳麓区委员会</td>", by_code)

    def test_bulk_accept_publish_and_export(self) -> None:
        bulk = reverse("overview_bulk", args=[self.round.pk])
        page = self.client.get(self.url).content.decode()
        self.assertIn(f'name="ids" value="{self.submission.pk}"', page)
        r = self.client.post(bulk, {"ids": [self.submission.pk], "action": "export"})
        names = zipfile.ZipFile(io.BytesIO(r.content)).namelist()
        self.assertEqual(names, ["长沙市岳麓区妇女联合会-绩效自评.xlsx"])
        self.client.post(bulk, {"ids": [self.submission.pk], "action": "accept"})
        self.assertEqual(self.s().status, "accepted")
        r = self.client.post(bulk, {"ids": [self.submission.pk], "action": "accept"}, follow=True)
        self.assertContains(r, "未审核通过：长沙市岳麓区妇女联合会")
        self.client.post(bulk, {"ids": [self.submission.pk], "action": "publish"})
        self.assertEqual(Submission.objects.get(pk=self.submission.pk).status, "published")
        self.client.force_login(self.filler)  # not the unit's business
        self.assertIn(
            self.client.post(bulk, {"ids": [self.submission.pk], "action": "accept"}).status_code,
            (403, 404),
        )


class LabelTests(WebTestCase):
    def test_labels_end_with_a_full_width_colon(self) -> None:
        self.client.force_login(self.reviewer)
        page = self.client.get(reverse("round_new")).content.decode()
        self.assertIn("评价年度：</label>", page)
        self.assertNotIn("评价年度:</label>", page)
        page = self.client.get(reverse("password_change")).content.decode()
        self.assertNotRegex(page, r"[\u4e00-\u9fff]:</label>")
