"""The audit's findings (issue 10), each reproduced: history pages, number bounds, restore of
a bad backup, the login throttle's spellings of a user name."""

from __future__ import annotations

from django.urls import reverse

from tests.web.base import WebTestCase


class HistoryPageTests(WebTestCase):
    def test_a_version_with_changes_shows_them(self) -> None:
        s = self.s()
        content = s.content
        content["indicators"][0]["actual"] = "13次"
        s.save_content(by=self.filler, content=content, base_version=1)
        self.client.force_login(self.filler)
        r = self.client.get(reverse("revision", args=[s.pk, 2]))
        self.assertEqual(r.status_code, 200)
        page = r.content.decode()
        self.assertIn("指标第1行·实际完成值", page)
        self.assertIn('<td class="old">12次</td><td class="new">13次</td>', page)
