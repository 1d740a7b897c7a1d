"""A real file imported through the browser form, a project round's blank form, the PDF
download of a published evaluation."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jixiao_web.evaluations.models import Round, Submission
from tests.web.base import WebTestCase

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed-2021-yuelu-fulian.txt"


class SeedImportTests(WebTestCase):
    def test_import_the_seed_then_correct_the_total(self) -> None:
        self.client.force_login(self.filler)
        upload = SimpleUploadedFile("妇联2021自评表.txt", SEED.read_bytes(), "text/plain")
        r = self.client.post(
            reverse("import", args=[self.submission.pk]),
            {"file": upload, "version": 1, "replace": "1"},
            follow=True,
        )
        page = r.content.decode()
        self.assertIn("已导入 妇联2021自评表.txt", page)
        self.assertIn(
            'name="funds-0-budget" id="f-funds-0-budget" aria-label="全年预算数" value="198.8"',
            page,
        )
        self.assertIn('data-code="JX-A001"', page)
        s = self.s()
        self.assertEqual(len(s.content["indicators"]), 15)
        self.assertGreater(s.errors, 0)
        r = self.client.post(
            reverse("form", args=[s.pk]),
            {"version": s.version, "funds-0-budget": "198.98"},
            follow=True,
        )
        self.assertNotIn('data-code="JX-A001"', r.content.decode())
        self.assertEqual(str(self.s().content["funds"][0]["budget"]), "198.98")


class ProjectRoundTests(WebTestCase):
    def test_a_project_round_gives_the_project_form(self) -> None:
        rnd = Round.objects.create(
            region=self.region,
            year=2022,
            kind="project",
            title="2022年度项目支出绩效自评",
            deadline=date.today() + timedelta(days=30),
        )
        self.client.force_login(self.head)
        self.client.post(reverse("round_start", args=[rnd.pk]))  # a project needs its name
        self.assertFalse(Submission.objects.filter(round=rnd).exists())
        r = self.client.post(reverse("round_start", args=[rnd.pk]), {"project": "妇女儿童维权项目"})
        s = Submission.objects.get(round=rnd, unit=self.unit)
        self.assertEqual(s.project, "妇女儿童维权项目")
        self.assertEqual(s.content["project"], "妇女儿童维权项目")
        self.assertRedirects(r, reverse("form", args=[s.pk]))
        page = self.client.get(reverse("form", args=[s.pk])).content.decode()
        for name in ("project", "supervisor", "funds-0-initial_budget", "conclusion"):
            self.assertIn(f'name="{name}"', page)
        self.assertIn("项目资金", page)
        self.assertNotIn('name="staff_actual"', page)
        self.client.post(
            reverse("form", args=[s.pk]),
            {
                "version": 1,
                "project": "妇女儿童维权项目",
                "funds-0-initial_budget": "20",
                "funds-0-budget": "20",
                "funds-0-actual": "19.5",
                "ind-count": 6,
                "ind-0-name": "开展维权讲座",
                "ind-0-target": "≥10场",
                "ind-0-actual": "12场",
                "ind-0-weight": "20",
                "ind-0-score": "20",
            },
        )
        content = Submission.objects.get(pk=s.pk).content
        self.assertEqual(content["project"], "妇女儿童维权项目")
        self.assertEqual(str(content["funds"][0]["actual"]), "19.5")
        self.assertEqual(content["indicators"][0]["target"], "≥10场")
        # 19.5 ÷ 20, by jixiao.score
        self.assertEqual(Submission.objects.get(pk=s.pk).execution_rate, 97.5)
        # a second project of the same unit is a second form; the first is found again by name
        self.client.post(reverse("round_start", args=[rnd.pk]), {"project": "家庭教育指导项目"})
        self.client.post(reverse("round_start", args=[rnd.pk]), {"project": "妇女儿童维权项目"})
        self.assertEqual(
            sorted(Submission.objects.filter(round=rnd).values_list("project", flat=True)),
            ["妇女儿童维权项目", "家庭教育指导项目"],
        )
        dashboard = self.client.get(reverse("dashboard")).content.decode()
        self.assertIn("打开“家庭教育指导项目”", dashboard)
        self.assertIn('name="project"', dashboard)


class PublicPdfTests(WebTestCase):
    def test_a_published_evaluation_downloads_as_pdf(self) -> None:
        self.move_to("published")
        self.client.logout()
        r = self.client.get(reverse("public_download", args=[self.submission.pk, "pdf"]))
        self.assertEqual(r.status_code, 200)
        self.assertEqual(r["Content-Type"], "application/pdf")
        self.assertTrue(r.content.startswith(b"%PDF"))
        cached = list((settings.DATA_DIR / "exports").glob(f"{self.submission.pk}-*.pdf"))
        self.assertEqual(len(cached), 1)  # made once; the next download is served from it
        again = self.client.get(reverse("public_download", args=[self.submission.pk, "pdf"]))
        self.assertEqual(again.content, r.content)
