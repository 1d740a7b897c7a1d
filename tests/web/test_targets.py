"""Target declaration in the web app: the round, the table form with its live JX-T checks,
import through jixiao.lifecycle, the bureau's grade with the 88号 consequences, frozen
approved targets and revision requests — each with its refusals."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from jixiao_web.accounts.models import AuditLog
from jixiao_web.evaluations.workflow import WorkflowError
from jixiao_web.targets.models import RevisionRequest, Status, TargetDeclaration, TargetRound
from tests.web.base import WebTestCase

NEXT = date.today().year + 1  # the budget year targets are usually declared for

TABLE_POST = {
    "goal": "组织妇女群众开展技能培训和关爱帮扶",
    "amount": "50",
    "ind-count": "3",
    "ind-0-level1": "产出指标",
    "ind-0-level2": "数量指标",
    "ind-0-name": "培训人次",
    "ind-0-target": "≥300",
    "ind-0-measure_unit": "人次",
    "ind-0-weight": "40",
    "ind-1-level1": "效益指标",
    "ind-1-level2": "社会效益指标",
    "ind-1-name": "维护社会稳定",
    "ind-1-target": "≥95%",
    "ind-1-weight": "30",
    "ind-2-level1": "满意度指标",
    "ind-2-level2": "服务对象满意度指标",
    "ind-2-name": "服务对象满意度",
    "ind-2-target": "≥90%",
    "ind-2-weight": "20",
}


def client(user) -> Client:  # type: ignore[no-untyped-def]
    c = Client()
    c.force_login(user)
    return c


class TargetTests(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.tround = TargetRound.open(
            by=self.reviewer,
            region=self.region,
            year=2022,
            kind="department",
            deadline=date.today() + timedelta(days=20),
        )

    def declare(self) -> TargetDeclaration:
        r = client(self.filler).post(reverse("target_start", args=[self.tround.pk]))
        d = TargetDeclaration.objects.get(round=self.tround, unit=self.unit)
        self.assertRedirects(r, reverse("target_form", args=[d.pk]))
        r = client(self.filler).post(reverse("target_form", args=[d.pk]), {**TABLE_POST, "version": d.version})
        self.assertEqual(r.status_code, 302)
        return TargetDeclaration.objects.get(pk=d.pk)

    def approved(self) -> TargetDeclaration:
        d = self.declare()
        d.submit(by=self.head)
        d.review(by=self.reviewer, grade="优", comment="")
        return TargetDeclaration.objects.get(pk=d.pk)

    # -- the round ---------------------------------------------------------------------------

    def test_round_opened_by_the_bureau_once_per_year_and_kind(self) -> None:
        r = client(self.reviewer).post(
            reverse("target_round_new"),
            {"year": str(NEXT), "kind": "project", "deadline": (date.today() + timedelta(days=5)).isoformat()},
        )
        self.assertEqual(r.status_code, 302)
        self.assertTrue(TargetRound.objects.filter(year=NEXT, kind="project", region=self.region).exists())
        with self.assertRaisesMessage(WorkflowError, "同一年度同一类型只开一次"):
            TargetRound.open(
                by=self.reviewer, region=self.region, year=2022, kind="department", deadline=date.today()
            )

    def test_round_deadline_is_validated(self) -> None:
        r = client(self.reviewer).post(
            reverse("target_round_new"),
            {"year": str(NEXT), "kind": "project", "deadline": (date.today() - timedelta(days=1)).isoformat()},
        )
        self.assertEqual(r.status_code, 200)
        self.assertContains(r, "已经过去")
        r = client(self.reviewer).post(
            reverse("target_round_new"),
            {"year": str(NEXT - 3), "kind": "project", "deadline": (date.today() + timedelta(days=1)).isoformat()},
        )
        self.assertContains(r, "年度已经过去")
        self.assertFalse(TargetRound.objects.filter(kind="project").exists())
        with self.assertRaisesMessage(WorkflowError, "只有本地区财政局"):
            TargetRound.open(
                by=self.far_reviewer, region=self.region, year=2025, kind="project", deadline=date.today()
            )

    def test_unit_sees_the_round_and_other_units_do_not_see_its_table(self) -> None:
        d = self.declare()
        self.assertContains(client(self.head).get(reverse("targets")), self.tround.title)
        self.assertEqual(client(self.other_head).get(reverse("target_form", args=[d.pk])).status_code, 404)
        # the bureau does not see a draft
        self.assertEqual(client(self.reviewer).get(reverse("target_form", args=[d.pk])).status_code, 404)
        self.assertEqual(client(self.far_reviewer).get(reverse("targets")).status_code, 200)

    # -- the table and its checks ----------------------------------------------------------------

    def test_saved_table_runs_the_target_checks_beside_its_rows(self) -> None:
        d = self.declare()
        self.assertEqual(len(d.content["indicators"]), 3)
        self.assertEqual(d.content["indicators"][0]["measure_unit"], "人次")
        page = client(self.filler).get(reverse("target_form", args=[d.pk]))
        html = page.content.decode()
        # “维护社会稳定 ≥95%”: a slogan-like name with a percentage (JX-T002) on its own row
        row = html[html.index('id="analysis-ind-1"') : html.index('id="row-ind-2"')]
        self.assertIn('data-code="JX-T002"', row)
        self.assertGreater(d.warnings, 0)
        self.assertTrue(AuditLog.objects.filter(target_key=AuditLog.key(d), action="saved").exists())

    def test_preview_rechecks_without_saving(self) -> None:
        d = self.declare()
        post = {**TABLE_POST, "ind-1-name": "社区矛盾纠纷调处率", "ind-1-target": "≥95%"}
        r = client(self.filler).post(reverse("target_preview", args=[d.pk]), post)
        self.assertEqual(r.status_code, 200)
        self.assertNotContains(r, 'data-code="JX-T002"')
        post["ind-1-weight"] = "四十"
        r = client(self.filler).post(reverse("target_preview", args=[d.pk]), post)
        self.assertContains(r, "不是数字")
        self.assertEqual(TargetDeclaration.objects.get(pk=d.pk).version, d.version)

    def test_library_is_offered_in_the_form(self) -> None:
        d = self.declare()
        page = client(self.filler).get(reverse("target_form", args=[d.pk]))
        self.assertContains(page, '<option value="资金拨付及时率" label="通用指标库 · %">')
        self.assertContains(page, "按规定时限拨付的资金")

    def test_import_reads_a_target_table_file(self) -> None:
        d = self.declare()
        text = (
            "2022年度部门整体支出绩效目标表\n"
            "部门（单位）名称 | 长沙市岳麓区妇女联合会\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 | 权重\n"
            "产出指标 | 数量指标 | 开展巾帼志愿服务 | ≥150次 | 30\n"
            "产出指标 | 时效指标 | 资金拨付及时率 | =100% | 30\n"
            "满意度指标 | 服务对象满意度指标 | 服务对象满意度 | ≥90% | 30\n"
        )
        upload = SimpleUploadedFile("目标表.txt", text.encode())
        r = client(self.filler).post(
            reverse("target_import", args=[d.pk]), {"file": upload, "version": d.version}
        )
        self.assertEqual(r.status_code, 302)
        names = [i["name"] for i in TargetDeclaration.objects.get(pk=d.pk).content["indicators"]]
        self.assertEqual(names, ["开展巾帼志愿服务", "资金拨付及时率", "服务对象满意度"])
        self.assertTrue(AuditLog.objects.filter(target_key=AuditLog.key(d), action="imported").exists())

    def test_import_of_a_file_without_targets_is_refused_plainly(self) -> None:
        d = self.declare()
        for name, body in (("空白.txt", "这不是目标表\n"), ("无指标.txt", "2022年度绩效目标表\n单位名称：某单位\n")):
            upload = SimpleUploadedFile(name, body.encode())
            r = client(self.filler).post(
                reverse("target_import", args=[d.pk]), {"file": upload, "version": d.version}, follow=True
            )
            self.assertContains(r, f"导入失败：{name}")
        self.assertEqual(TargetDeclaration.objects.get(pk=d.pk).version, d.version)

    # -- submit and review ----------------------------------------------------------------------

    def test_only_the_head_submits(self) -> None:
        d = self.declare()
        client(self.filler).post(reverse("target_submit", args=[d.pk]))
        self.assertEqual(TargetDeclaration.objects.get(pk=d.pk).status, Status.DRAFT)
        client(self.head).post(reverse("target_submit", args=[d.pk]))
        self.assertEqual(TargetDeclaration.objects.get(pk=d.pk).status, Status.SUBMITTED)

    def test_grades_and_their_consequences(self) -> None:
        expected = {"优": Status.APPROVED, "良": Status.APPROVED, "中": Status.RETURNED, "差": Status.REFUSED}
        for grade, status in expected.items():
            with self.subTest(grade=grade):
                TargetDeclaration.objects.all().delete()
                d = self.declare()
                d.submit(by=self.head)
                if grade != "优":  # 良/中/差 need the comment (consultation, changes, reason)
                    client(self.reviewer).post(reverse("target_review", args=[d.pk]), {"grade": grade})
                    self.assertEqual(TargetDeclaration.objects.get(pk=d.pk).status, Status.SUBMITTED)
                client(self.reviewer).post(
                    reverse("target_review", args=[d.pk]), {"grade": grade, "comment": "意见"}
                )
                d = TargetDeclaration.objects.get(pk=d.pk)
                self.assertEqual((d.status, d.grade), (status, grade))
                self.assertEqual(bool(d.approved_data), status == Status.APPROVED)
                self.assertEqual(d.can_edit(self.filler), status == Status.RETURNED)

    def test_far_reviewer_cannot_review(self) -> None:
        d = self.declare()
        d.submit(by=self.head)
        r = client(self.far_reviewer).post(reverse("target_review", args=[d.pk]), {"grade": "优"})
        self.assertEqual(r.status_code, 404)
        r = client(self.head).post(reverse("target_review", args=[d.pk]), {"grade": "优"})
        self.assertEqual(r.status_code, 403)
        self.assertEqual(TargetDeclaration.objects.get(pk=d.pk).status, Status.SUBMITTED)

    # -- frozen targets and revisions ----------------------------------------------------------

    def test_approved_targets_are_frozen(self) -> None:
        d = self.approved()
        r = client(self.filler).post(
            reverse("target_form", args=[d.pk]), {**TABLE_POST, "ind-0-target": "≥10", "version": d.version}
        )
        self.assertEqual(r.status_code, 302)
        self.assertEqual(TargetDeclaration.objects.get(pk=d.pk).data, d.data)

    def test_revision_request_approved_then_revised_and_approved_again(self) -> None:
        d = self.approved()
        first = d.approved_data
        client(self.filler).post(reverse("target_revision", args=[d.pk]), {"reason": "预算调减"})
        self.assertFalse(RevisionRequest.objects.exists())  # the head asks, not the filler
        client(self.head).post(reverse("target_revision", args=[d.pk]), {"reason": "年中预算调减 10 万元"})
        req = RevisionRequest.objects.get()
        client(self.reviewer).post(
            reverse("target_revision_decide", args=[d.pk, req.pk]), {"decision": "approve"}
        )
        d = TargetDeclaration.objects.get(pk=d.pk)
        self.assertEqual(d.status, Status.REVISING)
        self.assertEqual(d.content["revision"], "年中预算调减 10 万元")
        self.assertEqual(d.approved_data, first)  # the approved table holds until approved again
        client(self.filler).post(
            reverse("target_form", args=[d.pk]), {**TABLE_POST, "ind-0-target": "≥250", "version": d.version}
        )
        d = TargetDeclaration.objects.get(pk=d.pk)
        d.submit(by=self.head)
        d.review(by=self.reviewer, grade="优", comment="")
        approved = TargetDeclaration.objects.get(pk=d.pk).approved_content
        assert approved is not None
        self.assertEqual(approved["indicators"][0]["target"], "≥250")
        details = list(AuditLog.objects.filter(target_key=AuditLog.key(d)).values_list("detail", flat=True))
        self.assertTrue(any("申请修订" in x for x in details))
        self.assertTrue(any("同意修订" in x for x in details))

    def test_revision_refused_needs_a_reason_and_keeps_the_targets(self) -> None:
        d = self.approved()
        req = d.request_revision(by=self.head, reason="想调低目标")
        with self.assertRaisesMessage(WorkflowError, "请写明理由"):
            req.decide(by=self.reviewer, approve=False)
        req.decide(by=self.reviewer, approve=False, decision="理由不充分")
        d = TargetDeclaration.objects.get(pk=d.pk)
        self.assertEqual(d.status, Status.APPROVED)
        self.assertEqual(RevisionRequest.objects.get().state, RevisionRequest.State.REFUSED)
        with self.assertRaisesMessage(WorkflowError, "已处理"):
            req.decide(by=self.reviewer, approve=True)


    def test_row_comments_guide_the_revision(self) -> None:
        d = self.declare()
        url = reverse("target_comment", args=[d.pk])
        self.assertEqual(client(self.reviewer).post(url, {"row": "1", "text": "x"}).status_code, 404)  # a draft
        d.submit(by=self.head)
        self.assertEqual(client(self.filler).post(url, {"row": "1", "text": "x"}).status_code, 403)
        self.assertEqual(client(self.far_reviewer).post(url, {"row": "1", "text": "x"}).status_code, 404)
        client(self.reviewer).post(url, {"row": "9", "text": "没有这一行"})
        client(self.reviewer).post(url, {"row": "1", "text": ""})
        self.assertFalse(d.comments.exists())
        client(self.reviewer).post(url, {"row": "1", "text": "“维护社会稳定”应改为可统计的比率指标"})
        client(self.reviewer).post(url, {"row": "", "text": "请补充指标解释"})
        client(self.reviewer).post(reverse("target_review", args=[d.pk]), {"grade": "中", "comment": "按逐行意见修改"})
        page = client(self.filler).get(reverse("target_form", args=[d.pk])).content.decode()
        row = page[page.index('id="findings-ind-1"') : page.index('id="row-ind-2"')]
        self.assertIn("应改为可统计的比率指标", row)
        self.assertIn("请补充指标解释", page)
        self.assertEqual(d.comments.get(row=1).indicator, "维护社会稳定")

class FromTargetsCase(WebTestCase):
    """A unit with approved targets for the round's year (also used by test_locking)."""

    def setUp(self) -> None:
        super().setUp()
        self.round.submissions.all().delete()  # the unit starts its form afresh
        tround = TargetRound.objects.create(
            region=self.region, year=2021, kind="department", title="2021年度目标", deadline=date.today()
        )
        d = TargetDeclaration.start(by=self.filler, round=tround)
        content = d.content
        content["indicators"] = [
            {"level1": "产出指标", "level2": "数量指标", "name": "开展巾帼志愿服务", "nature": "≥",
             "target": "150", "measure_unit": "次", "weight": 50},
            {"level1": "满意度指标", "level2": "服务对象满意度指标", "name": "妇女群众满意度",
             "target": "≥95%", "weight": 40},
        ]  # fmt: skip
        d.save_content(by=self.filler, content=content, base_version=d.version)
        d.submit(by=self.head)
        d.review(by=self.reviewer, grade="优", comment="")
        self.declaration = TargetDeclaration.objects.get(pk=d.pk)

    def start(self):  # type: ignore[no-untyped-def]
        from jixiao_web.evaluations.models import Submission

        r = client(self.filler).post(reverse("round_start", args=[self.round.pk]))
        s = Submission.objects.get(round=self.round, unit=self.unit)
        self.assertRedirects(r, reverse("form", args=[s.pk]))
        return s


class SelfEvaluationFromTargetsTests(FromTargetsCase):
    """A self-evaluation started where the unit has approved targets for the year."""

    def test_a_new_form_starts_with_the_approved_indicators(self) -> None:
        s = self.start()
        rows = [
            (i["level1"], i["level2"], i["name"], i["target"], i["weight"]) for i in s.content["indicators"]
        ]
        self.assertEqual(
            rows,
            [
                ("产出指标", "数量指标", "开展巾帼志愿服务", "≥150次", 50),
                ("满意度指标", "服务对象满意度指标", "妇女群众满意度", "≥95%", 40),
            ],
        )
        self.assertContains(client(self.filler).get(reverse("form", args=[s.pk])), 'id="targets-note"')

    def test_without_approved_targets_the_form_is_blank(self) -> None:
        TargetDeclaration.objects.filter(pk=self.declaration.pk).update(status=Status.REFUSED)
        s = self.start()
        self.assertNotIn("开展巾帼志愿服务", [i.get("name") for i in s.content["indicators"]])

    def test_cross_stage_checks_run_live_against_the_approved_table(self) -> None:
        s = self.start()
        post = {
            "version": s.version,
            "ind-count": "2",
            "ind-0-name": "开展巾帼志愿服务",
            "ind-0-target": "≥100次",  # lowered from the approved ≥150次
            "ind-0-weight": "50",
            "ind-1-name": "妇女群众满意度",
            "ind-1-target": "≥95%",
            "ind-1-weight": "40",
        }
        r = client(self.filler).post(reverse("preview", args=[s.pk]), post)
        html = r.content.decode()
        self.assertIn('data-code="JX-L004"', html)
        self.assertIn("批复的目标表:第1项", html)
        row = html[html.index('data-row="ind-0"') :]
        self.assertIn("JX-L004", row[: row.index("</template>")])
        post["ind-0-target"] = "≥150次"
        r = client(self.filler).post(reverse("preview", args=[s.pk]), post)
        self.assertNotContains(r, 'data-code="JX-L004"')
        post["ind-count"] = "1"  # the approved 满意度 row dropped
        r = client(self.filler).post(reverse("preview", args=[s.pk]), post)
        self.assertContains(r, 'data-code="JX-L001"')

    def test_saved_counts_include_cross_stage_findings(self) -> None:
        s = self.start()
        # a form not started from the targets (started before them) is not locked to them
        type(s).objects.filter(pk=s.pk).update(from_targets=False)
        s.refresh_from_db()
        content = s.content
        content["indicators"].pop()  # an approved indicator dropped
        s.save_content(by=self.filler, content=content, base_version=s.version)
        self.assertIn("JX-L001", s.finding_codes)


class EarlierYearsTests(WebTestCase):
    def test_last_years_approved_targets_are_offered_and_copied(self) -> None:
        old_round = TargetRound.objects.create(
            region=self.region, year=2021, kind="department", title="2021年度目标", deadline=date.today()
        )
        old = TargetDeclaration.start(by=self.filler, round=old_round)
        content = old.content
        content["goal"] = "服务妇女儿童"
        content["indicators"] = [
            {"level1": "产出指标", "level2": "数量指标", "name": "妇女之家活动场次", "target": "≥24场", "weight": 90}
        ]
        old.save_content(by=self.filler, content=content, base_version=old.version)
        old.submit(by=self.head)
        old.review(by=self.reviewer, grade="优", comment="")
        new_round = TargetRound.objects.create(
            region=self.region, year=2022, kind="department", title="2022年度目标", deadline=date.today() + timedelta(days=3)
        )
        d = TargetDeclaration.start(by=self.filler, round=new_round)
        page = client(self.filler).get(reverse("target_form", args=[d.pk]))
        self.assertContains(page, '<option value="妇女之家活动场次" label="本单位往年')  # the unit's own, in the suggestions
        self.assertContains(page, 'id="copy-previous"')
        r = client(self.filler).post(reverse("target_copy_previous", args=[d.pk]), {"version": d.version})
        self.assertEqual(r.status_code, 302)
        d = TargetDeclaration.objects.get(pk=d.pk)
        self.assertEqual([i["name"] for i in d.content["indicators"]], ["妇女之家活动场次"])
        self.assertEqual(d.content["goal"], "服务妇女儿童")
        self.assertEqual(d.content["year"], 2022)
        # another unit's head finds nothing of 妇联's
        self.assertEqual(client(self.other_head).post(reverse("target_copy_previous", args=[d.pk])).status_code, 404)

    def test_nothing_to_copy_is_said_plainly(self) -> None:
        tround = TargetRound.objects.create(
            region=self.region, year=2022, kind="department", title="2022年度目标", deadline=date.today()
        )
        d = TargetDeclaration.start(by=self.filler, round=tround)
        r = client(self.filler).post(reverse("target_copy_previous", args=[d.pk]), follow=True)
        self.assertContains(r, "没有找到本单位2021年度同一项目批复的绩效目标")
        self.assertEqual(TargetDeclaration.objects.get(pk=d.pk).version, d.version)


class RefusalTests(WebTestCase):
    def test_a_revision_is_only_approved_on_approved_targets_and_the_project_name_stays(self) -> None:
        tround = TargetRound.objects.create(
            region=self.region, year=2022, kind="project", title="2022年度项目目标", deadline=date.today()
        )
        d = TargetDeclaration.start(by=self.filler, round=tround, project="巾帼培训")
        req = RevisionRequest.objects.create(declaration=d, reason="调整", requested_by=self.head)
        with self.assertRaisesMessage(WorkflowError, "只有已批复的目标可以修订"):
            req.decide(by=self.reviewer, approve=True)
        self.assertEqual(RevisionRequest.objects.get().state, RevisionRequest.State.PENDING)
        client(self.filler).post(
            reverse("target_form", args=[d.pk]), {"project": "别的项目", "goal": "目标", "version": d.version}
        )
        d = TargetDeclaration.objects.get(pk=d.pk)
        self.assertEqual((d.content["project"], d.content["goal"]), ("巾帼培训", "目标"))

    def test_unreadable_approved_data_does_not_take_the_self_evaluation_down(self) -> None:
        tround = TargetRound.objects.create(
            region=self.region, year=2021, kind="department", title="2021年度目标", deadline=date.today()
        )
        TargetDeclaration.objects.create(
            round=tround, unit=self.unit, status=Status.APPROVED, data="{}", approved_data='{"kind": "nonsense"}'
        )
        page = client(self.filler).get(reverse("form", args=[self.submission.pk]))
        self.assertEqual(page.status_code, 200)

