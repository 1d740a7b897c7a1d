"""Hypothesis over every numeric and text field of every POST (the audit's fuzzing, kept).

The fields are read from the pages themselves (every ``name=`` of the form, the review form,
the comment form, the new-round form), so a field added later is fuzzed too. Whatever is
typed, the answer is never a 5xx nor slow, and whatever was saved leaves every page of the
form readable. Examples are few per run (the default run must stay short); each run draws
new ones.
"""

from __future__ import annotations

import os
import re
import time
from typing import Any

from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from jixiao_web.evaluations.models import Round
from tests.web.base import Personas

SETTINGS = settings(
    # few per default run; JIXIAO_FUZZ_EXAMPLES=500 for a long search
    max_examples=int(os.environ.get("JIXIAO_FUZZ_EXAMPLES", "20")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SLOW = 5.0  # seconds: far above a normal save (~0.1 s), far below the audit's 150 s

numbers = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.integers().map(str),
    st.sampled_from(
        ["1e999999", "-1e999999", "1e-999999", "0.000000001", "99999999999", "１２３",
         "12,345.6", "106.87%", "－", "十", "NaN", "-0", "9" * 400, "1_000", " 7 "]
    ),
)  # fmt: skip
texts = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20),  # control characters
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "=1+1",
            "{{ s }}",
            "\x00",
            "长" * 5000,
            "≥" + "9" * 5000 + "次",
        ]
    ),
)
values = st.one_of(numbers, texts)


def field_names(html: str, form_id: str | None = None) -> list[str]:
    """The input names of a form on the page (all forms when ``form_id`` is None)."""
    if form_id is not None:
        m = re.search(rf'<form[^>]*id="{form_id}".*?</form>', html, re.S)
        html = m.group(0) if m else ""
    names = re.findall(r'<(?:input|textarea|select)[^>]*\bname="([^"]+)"', html)
    return sorted(set(names) - {"csrfmiddlewaretoken", "version"})


class FuzzTests(Personas, TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.make_personas()

    def setUp(self) -> None:
        self.unit_client = Client()
        self.unit_client.force_login(self.filler)
        page = self.unit_client.get(reverse("form", args=[self.submission.pk])).content.decode()
        self.form_fields = field_names(page, "evaluation-form")
        assert len(self.form_fields) > 40, self.form_fields

    def post(self, client: Client, url: str, data: dict[str, Any]) -> int:
        started = time.perf_counter()
        status = client.post(url, data).status_code
        self.assertLess(time.perf_counter() - started, SLOW, f"{url} took too long")
        self.assertLess(status, 500, f"{url} answered {status} to {data!r}"[:2000])
        return status

    def readable(self, client: Client, names: list[str]) -> None:
        pk = self.submission.pk
        for name in names:
            args = [pk, "json"] if name == "export" else [pk]
            self.assertEqual(client.get(reverse(name, args=args)).status_code, 200, name)

    @SETTINGS
    @given(data=st.data())
    def test_the_form_save_and_preview(self, data: st.DataObject) -> None:
        chosen = data.draw(st.lists(st.sampled_from(self.form_fields), min_size=1, max_size=6))
        typed = {name: data.draw(numbers if _numeric(name) else values) for name in chosen}
        version = self.s().version
        self.post(self.unit_client, reverse("preview", args=[self.submission.pk]), typed)
        status = self.post(
            self.unit_client,
            reverse("form", args=[self.submission.pk]),
            {"version": version, **typed},
        )
        self.assertIn(status, (302, 400))
        self.readable(self.unit_client, ["form", "report", "revisions", "export"])

    @SETTINGS
    @given(data=st.data())
    def test_the_review_and_comments(self, data: st.DataObject) -> None:
        self.move_to("submitted")
        client = Client()
        client.force_login(self.reviewer)
        url = reverse("review", args=[self.submission.pk])
        fields = field_names(client.get(url).content.decode(), "review-form")
        chosen = data.draw(st.lists(st.sampled_from(fields), min_size=1, max_size=4))
        typed = {n: data.draw(numbers if n.endswith("-score") else values) for n in chosen}
        self.assertIn(self.post(client, url, typed), (302, 400))
        self.post(
            client,
            reverse("comment", args=[self.submission.pk]),
            {"target": data.draw(values), "text": data.draw(texts)},
        )
        self.readable(client, ["review", "form"])
        self.readable(self.unit_client, ["form", "revisions"])

    @SETTINGS
    @given(year=numbers, title=texts, deadline=values, kind=values, profile=values)
    def test_a_new_round(
        self, year: str, title: str, deadline: str, kind: str, profile: str
    ) -> None:
        client = Client()
        client.force_login(self.reviewer)
        self.post(
            client,
            reverse("round_new"),
            {"year": year, "title": title, "deadline": deadline, "kind": kind, "profile": profile},
        )
        self.assertEqual(client.get(reverse("dashboard")).status_code, 200)

    @SETTINGS
    @given(username=texts, password=texts, comment=texts, project=texts, version=values)
    def test_login_transitions_and_starting_a_form(
        self, username: str, password: str, comment: str, project: str, version: str
    ) -> None:
        self.post(Client(), reverse("login"), {"username": username, "password": password})
        rnd = Round.objects.create(
            region=self.region,
            year=2021,
            kind="project",
            title="项目",
            deadline=self.round.deadline,
        )
        head = Client()
        head.force_login(self.head)
        self.post(head, reverse("round_start", args=[rnd.pk]), {"project": project})
        self.post(
            head, reverse("transition", args=[self.submission.pk, "submit"]), {"version": version}
        )
        reviewer = Client()
        reviewer.force_login(self.reviewer)
        self.post(
            reviewer,
            reverse("transition", args=[self.submission.pk, "return"]),
            {"comment": comment, "version": version},
        )
        self.readable(head, ["form", "revisions"])
        self.assertEqual(head.get(reverse("dashboard")).status_code, 200)


def _numeric(name: str) -> bool:
    return name in (
        "year",
        "staff_authorized",
        "staff_actual",
        "total_weight",
        "total_score",
    ) or bool(
        re.fullmatch(
            r"(funds-\d+-(initial_budget|budget|actual|rate|weight|score))|(ind-\d+-(weight|score))",
            name,
        )
    )
