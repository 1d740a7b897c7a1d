"""``jixiao serve --demo``: the demo accounts never share a password anyone could read."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import TestCase

from jixiao_web.demo import load_demo


class DemoPasswordTests(TestCase):
    def test_each_demo_setup_gives_fresh_passwords_that_work(self) -> None:
        first = dict((d.username, p) for d, p in load_demo())
        second = dict((d.username, p) for d, p in load_demo())
        self.assertEqual(len(set(second.values())), len(second))  # one per account
        for username, password in second.items():
            user = User.objects.get(username=username)
            self.assertTrue(user.check_password(password), username)
            self.assertNotEqual(first[username], password, username)  # the old one is dead
            self.assertFalse(user.check_password(first[username]), username)
            self.assertGreaterEqual(len(password), 12)


class DemoTargetsTests(TestCase):
    def test_the_demo_unit_has_approved_targets_its_self_evaluation_is_checked_against(self) -> None:
        from jixiao_web.evaluations.models import Submission
        from jixiao_web.targets.models import Status, TargetDeclaration, TargetRound

        load_demo()
        load_demo()  # twice: nothing is duplicated
        d = TargetDeclaration.objects.get()
        self.assertEqual((d.status, d.grade), (Status.APPROVED, "良"))
        self.assertGreater(len(d.approved_content["indicators"]), 10)  # type: ignore[index]
        self.assertTrue(TargetRound.objects.filter(is_open=True, kind="project").exists())
        codes = Submission.objects.get().finding_codes
        self.assertIn("JX-L004", codes)  # the seed's slogans replace the approved ≥20人 …
