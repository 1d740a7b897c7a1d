"""``jixiao backup`` then ``jixiao restore`` into an empty database finds everything again."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from click.testing import CliRunner
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import TransactionTestCase

from jixiao_web.accounts.models import AuditLog
from jixiao_web.cli import backup, restore
from jixiao_web.evaluations.models import Submission
from tests.web.base import PASSWORD, Personas


def _ms(value: object) -> object:
    """JSON keeps times to the millisecond."""
    if isinstance(value, datetime):
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    return value


def snapshot() -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    """Every row of every model of ours and of auth users, as comparable tuples."""
    out = {}
    for label in ("accounts", "evaluations"):
        for model in apps.get_app_config(label).get_models():
            fields = [f.attname for f in model._meta.concrete_fields]
            out[model._meta.label] = sorted(
                tuple(map(_ms, row)) for row in model.objects.values_list(*fields)
            )
    from django.contrib.auth.models import User

    out["auth.User"] = sorted(
        User.objects.values_list("username", "password", "is_staff", "last_name")
    )
    return out


class BackupRestoreTests(Personas, TransactionTestCase):
    def setUp(self) -> None:
        self.make_personas()

    def test_restore_into_an_empty_database_finds_everything(self) -> None:
        s = Submission.objects.get(pk=self.submission.pk)
        content = s.content
        content["indicators"][0]["actual"] = "13次"
        s.save_content(by=self.filler, content=content, base_version=1)
        s.transition("submit", by=self.head)
        s.add_comment(by=self.reviewer, target="ind-0", text="次数与台账不符")
        from decimal import Decimal

        s.save_review_scores(by=self.reviewer, scores={0: (Decimal("45.5"), "扣分")})
        AuditLog.record(AuditLog.Action.LOGIN, user=self.head)
        before = snapshot()
        self.assertTrue(before["evaluations.ReviewScore"])

        runner = CliRunner()
        with tempfile.TemporaryDirectory() as tmp:
            file = Path(tmp) / "jixiao-backup.json"
            result = runner.invoke(backup, [str(file)])
            self.assertEqual(result.exit_code, 0, result.output)
            self.assertEqual(runner.invoke(backup, [str(file)]).exit_code, 2)  # never overwrites

            call_command("flush", interactive=False, verbosity=0)
            self.assertFalse(Submission.objects.exists())
            result = runner.invoke(restore, [str(file)])
            self.assertEqual(result.exit_code, 0, result.output)
            after = snapshot()
            for label in before:
                self.assertEqual(after[label], before[label], label)

            result = runner.invoke(restore, [str(file)])  # not into a database that has data
            self.assertEqual(result.exit_code, 2)
            self.assertIn("--force", result.output)
            self.assertEqual(runner.invoke(restore, [str(file), "--force"]).exit_code, 0)
            self.assertEqual(snapshot(), before)

        restored = Submission.objects.get(pk=self.submission.pk)
        self.assertEqual(restored.content["indicators"][0]["actual"], "13次")
        self.assertEqual(str(restored.content["funds"][0]["budget"]), "198.8")
        self.assertEqual(restored.revisions.count(), 2)
        self.assertIsNotNone(authenticate(username="head", password=PASSWORD))
        # new rows after a restore get fresh ids (sequences were reset on PostgreSQL)
        latest = max(AuditLog.objects.values_list("pk", flat=True))
        self.assertGreater(AuditLog.record(AuditLog.Action.LOGIN, user=self.head).pk, latest)


class BackupCommandTextTests(TransactionTestCase):
    def test_help_is_in_chinese_and_an_empty_backup_is_refused(self) -> None:
        import warnings

        runner = CliRunner()
        for command in (backup, restore):
            text = runner.invoke(command, ["--help"]).output
            self.assertIn("显示本帮助并退出", text)
            self.assertNotIn("Show this message", text)
        with tempfile.TemporaryDirectory() as tmp:
            empty = Path(tmp) / "empty.json"
            empty.write_text("[]", encoding="utf-8")
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # no RuntimeWarning from loaddata
                result = runner.invoke(restore, [str(empty)])
            self.assertEqual(result.exit_code, 2)
            self.assertIn("没有任何数据", result.output)
