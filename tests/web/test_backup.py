"""``jixiao backup`` then ``jixiao restore`` into an empty database finds everything again."""

from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

from click.testing import CliRunner
from django.apps import apps
from django.conf import settings
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import TransactionTestCase

from jixiao_web.accounts.models import AuditLog
from jixiao_web.cli import backup, restore
from jixiao_web.evaluations.models import Submission, Upload
from tests.web.base import PASSWORD, Personas


def _ms(value: object) -> object:
    """JSON keeps times to the millisecond."""
    if isinstance(value, datetime):
        return value.replace(microsecond=value.microsecond // 1000 * 1000)
    return value


def snapshot() -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    """Every row of every model of ours and of auth users, as comparable tuples."""
    out = {}
    for label in ("accounts", "evaluations", "evidence", "targets", "monitoring", "results", "reevaluation"):
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
        from django.core.files.base import ContentFile

        from jixiao_web.evidence.models import Evidence

        evidence = Evidence(
            submission=s,
            target="ind-0",
            name="台账.pdf",
            kind="pdf",
            size=9,
            sha256="0" * 64,
            added_in=s.version,
        )
        evidence.file.save("台账.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
        from jixiao_web.targets.models import TargetDeclaration, TargetRound

        tround = TargetRound.open(
            by=self.reviewer, region=self.region, year=2022, kind="project", deadline=self.round.deadline
        )
        declared = TargetDeclaration.start(by=self.filler, round=tround, project="巾帼培训")
        table = declared.content
        table["indicators"][0] |= {"name": "培训人次", "target": "≥300人次", "weight": 30}
        declared.save_content(by=self.filler, content=table, base_version=declared.version)
        declared.submit(by=self.head)
        declared.review(by=self.reviewer, grade="优", comment="")
        declared.set_published(by=self.reviewer, published=True)
        from jixiao_web.monitoring.models import MonitoringReport, MonitoringRound

        mround = MonitoringRound.open(
            by=self.reviewer, region=self.region, year=2022, cutoff_month=7, deadline=self.round.deadline
        )
        report = MonitoringReport.start(by=self.filler, round=mround, targets_pk=declared.pk)
        from jixiao_web.evidence.models import MonitoringEvidence

        m_evidence = MonitoringEvidence(
            report=report, target="ind-0", name="签到表.pdf", kind="pdf", size=9, sha256="1" * 64, added_in=1
        )
        m_evidence.file.save("签到表.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
        MonitoringRound.open(
            by=self.reviewer, region=self.region, year=2022, kind="department", cutoff_month=7,
            deadline=self.round.deadline,
        )  # fmt: skip
        declared.request_revision(by=self.head, reason="预算调整")
        from jixiao_web.targets.models import LibraryEntry

        LibraryEntry.add(
            by=self.reviewer, region=self.region,
            values={"level1": "产出指标", "level2": "数量指标", "name": "巡查次数", "nature": "≥", "unit": "次"},
        )  # fmt: skip
        from jixiao.lifecycle.linkage import DEFAULT_TABLE, table_to_data
        from jixiao_web.results.models import LinkageDecision, RectificationTask

        s.transition("accept", by=self.reviewer)
        LinkageDecision.decide(by=self.reviewer, round=s.round, data=table_to_data(DEFAULT_TABLE), reason="常务会议决定")
        task = RectificationTask.issue(by=self.reviewer, submission=s, source="复核意见", requirement="补充台账")
        task.respond(by=self.filler, feedback="月底前补齐")
        from jixiao.lifecycle.rescoring import Override
        from jixiao.lifecycle.sampling import Rule
        from jixiao_web.reevaluation.models import SampleDraw

        item = SampleDraw.make(by=self.reviewer, round=s.round, rule=Rule(share=Decimal(1)), seed=3).items.get()
        item.save_rows(by=self.reviewer, overrides={"ind-0": Override(Decimal(20), "台账不全")})
        item.confirm(by=self.reviewer)
        before = snapshot()
        self.assertTrue(before["evaluations.ReviewScore"])
        self.assertTrue(before["targets.RevisionRequest"])
        self.assertTrue(before["targets.LibraryEntry"])
        self.assertTrue(before["reevaluation.SampleItem"])
        self.assertTrue(before["monitoring.MonitoringReport"])
        self.assertTrue(before["evidence.MonitoringEvidence"])
        self.assertEqual(len(before["monitoring.MonitoringRound"]), 2)
        self.assertTrue(before["results.LinkageDecision"])
        self.assertTrue(before["results.RectificationTask"])
        column = [f.attname for f in TargetDeclaration._meta.concrete_fields].index("approved_data")
        self.assertIn("培训人次", before["targets.TargetDeclaration"][0][column])

        runner = CliRunner()
        with tempfile.TemporaryDirectory() as tmp:
            file = Path(tmp) / "jixiao-backup.zip"
            result = runner.invoke(backup, [str(file)])
            self.assertEqual(result.exit_code, 0, result.output)
            self.assertEqual(runner.invoke(backup, [str(file)]).exit_code, 2)  # never overwrites

            with zipfile.ZipFile(file) as z:  # the evidence file travels inside the archive
                self.assertIn(f"evidence/{evidence.file.name}", z.namelist())
                self.assertIn(f"evidence/{m_evidence.file.name}", z.namelist())
            call_command("flush", interactive=False, verbosity=0)
            evidence.file.storage.delete(evidence.file.name)  # the files are lost as well
            m_evidence.file.storage.delete(m_evidence.file.name)
            self.assertFalse(Submission.objects.exists())
            result = runner.invoke(restore, [str(file)])
            self.assertEqual(result.exit_code, 0, result.output)
            with Evidence.objects.get().file.open("rb") as fh:
                self.assertEqual(fh.read(), b"%PDF-1.4\n")
            with MonitoringEvidence.objects.get().file.open("rb") as fh:
                self.assertEqual(fh.read(), b"%PDF-1.4\n")
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


class RestoreFailureTests(Personas, TransactionTestCase):
    """A bad backup never costs the data already there (issue 10 item 3)."""

    def setUp(self) -> None:
        self.make_personas()
        self.runner = CliRunner()
        self.tmp = Path(tempfile.mkdtemp())
        self.file = self.tmp / "good.zip"
        self.assertEqual(self.runner.invoke(backup, [str(self.file)]).exit_code, 0)
        with zipfile.ZipFile(self.file) as z:
            self.data = z.read("data.json").decode()

    def tearDown(self) -> None:
        shutil.rmtree(self.tmp)

    def refused(self, file: Path, message: str) -> None:
        before = snapshot()
        result = self.runner.invoke(restore, [str(file), "--force"])
        self.assertEqual(result.exit_code, 2, result.output)
        self.assertIn(message, result.output)
        self.assertNotIn("Traceback", result.output)
        self.assertEqual(snapshot(), before)  # nothing lost, nothing added
        self.assertTrue(Submission.objects.exists())

    def test_a_truncated_backup_is_refused_before_anything_changes(self) -> None:
        cut = self.tmp / "cut.zip"
        cut.write_bytes(self.file.read_bytes()[: self.file.stat().st_size // 2])
        self.refused(cut, "备份文件已损坏或不完整")
        cut_json = self.tmp / "cut.json"
        cut_json.write_text(self.data[: len(self.data) // 2], encoding="utf-8")
        self.refused(cut_json, "备份文件已损坏或不完整")

    def test_a_record_with_a_broken_reference_leaves_the_database_as_it_was(self) -> None:
        records = json.loads(self.data)
        revision = next(r for r in records if r["model"] == "evaluations.revision")
        revision["fields"]["submission"] = 987654
        bad = self.tmp / "bad-fk.json"
        bad.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        self.refused(bad, "恢复失败，数据库保持原样")

    def test_a_file_name_leaving_its_folder_is_refused(self) -> None:
        evil = self.tmp / "evil.zip"
        with zipfile.ZipFile(evil, "w") as z:
            z.writestr("data.json", self.data)
            z.writestr("uploads/../../escaped.txt", b"x")
        self.refused(evil, "不允许的文件路径")

    def test_uploaded_files_travel_with_the_backup(self) -> None:
        settings.UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
        stored = settings.UPLOAD_DIR / "0123456789abcdef0123456789abcdef.json"
        stored.write_bytes(b'{"format": "jixiao/1"}')
        self.addCleanup(stored.unlink, missing_ok=True)
        Upload.objects.create(
            submission=Submission.objects.get(pk=self.submission.pk),
            name="原件.json",
            stored=stored.name,
            size=stored.stat().st_size,
            sha256="0" * 64,
        )
        file = self.tmp / "with-files.zip"
        result = self.runner.invoke(backup, [str(file)])
        self.assertEqual(result.exit_code, 0, result.output)
        self.assertIn("个文件", result.output)
        stored.unlink()
        result = self.runner.invoke(restore, [str(file), "--force"])
        self.assertEqual(result.exit_code, 0, result.output)
        self.assertEqual(stored.read_bytes(), b'{"format": "jixiao/1"}')
        self.assertEqual(stored.stat().st_mode & 0o777, 0o600)

    def test_a_plain_json_backup_of_earlier_versions_still_restores(self) -> None:
        old = self.tmp / "old.json"
        old.write_text(self.data, encoding="utf-8")
        before = snapshot()
        result = self.runner.invoke(restore, [str(old), "--force"])
        self.assertEqual(result.exit_code, 0, result.output)
        self.assertEqual(snapshot(), before)


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
