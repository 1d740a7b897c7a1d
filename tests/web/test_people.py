"""Organisations and accounts from a table (``python -m jixiao_web import_people``)."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError

from jixiao_web.accounts.models import Membership, Unit
from tests.web.base import WebTestCase


class ImportPeopleTests(WebTestCase):
    def write(self, text: str, encoding: str = "utf-8") -> Path:
        import shutil
        import tempfile

        folder = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        path = Path(folder) / "人员.csv"
        path.write_bytes(text.encode(encoding))
        return path

    def test_units_and_accounts_are_created_with_passwords(self) -> None:
        table = (
            "主管部门,单位,用户名,姓名,角色\n"
            "区教育局,岳麓区第一中学,yizhong_tb,刘填报,单位填报人\n"
            "区教育局,岳麓区第一中学,yizhong_fz,陈负责,单位负责人\n"
            ",,shenhe2,周审核,财政局审核人\n"
            "区委,长沙市岳麓区妇女联合会,filler,,单位填报人\n"
        )
        out = StringIO()
        call_command("import_people", str(self.write(table, "gb18030")), region="yuelu", stdout=out)
        text = out.getvalue()
        self.assertIn("共 4 个账号", text)
        self.assertIn("（已有账号，密码不变）", text)
        password = next(
            line.split("初始密码 ")[1]
            for line in text.splitlines()
            if line.startswith("yizhong_tb")
        )
        self.assertIsNotNone(authenticate(username="yizhong_tb", password=password))
        school = Unit.objects.get(name="岳麓区第一中学")
        self.assertEqual(school.department.region, self.region)
        self.assertEqual(Membership.objects.get(user__username="yizhong_fz").unit, school)
        self.assertEqual(Membership.objects.get(user__username="shenhe2").region, self.region)

    def test_a_bad_row_is_named_and_nothing_is_created(self) -> None:
        table = "主管部门,单位,用户名,姓名,角色\n区教育局,岳麓区第二中学,erzhong,王,单位填报人\n,,x,赵,局长\n"
        with self.assertRaisesMessage(CommandError, "第3行：角色“局长”"):
            call_command("import_people", str(self.write(table)), region="yuelu", stdout=StringIO())
        self.assertFalse(Unit.objects.filter(name="岳麓区第二中学").exists())

    def test_people_of_another_region_are_not_taken_over(self) -> None:
        table = "主管部门,单位,用户名,姓名,角色\n,,far_reviewer,,财政局审核人\n"
        with self.assertRaisesMessage(CommandError, "已属于长沙市天心区财政局"):
            call_command("import_people", str(self.write(table)), region="yuelu", stdout=StringIO())

    def test_missing_columns_are_named(self) -> None:
        with self.assertRaisesMessage(CommandError, "缺少列 角色"):
            call_command(
                "import_people",
                str(self.write("主管部门,单位,用户名,姓名\n")),
                region="yuelu",
                stdout=StringIO(),
            )
