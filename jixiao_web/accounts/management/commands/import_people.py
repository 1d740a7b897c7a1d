"""``python -m jixiao_web import_people 人员.xlsx --region yuelu``: organisations and accounts from a table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jixiao_web.accounts.models import Region
from jixiao_web.accounts.people import PeopleError, import_people, read_rows


class Command(BaseCommand):
    help = "从表格（CSV 或 .xlsx：主管部门，单位，用户名，姓名，角色）批量建立单位和账号，打印新账号的初始密码"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--region", required=True, help="财政局（地区）代码，如 yuelu")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            region = Region.objects.get(code=options["region"])
        except Region.DoesNotExist:
            raise CommandError(
                f"没有代码为 {options['region']} 的财政局（请先在系统管理中建立）"
            ) from None
        path: Path = options["file"]
        if not path.exists():
            raise CommandError(f"{path}: 文件不存在")
        try:
            created = import_people(region, read_rows(path))
        except PeopleError as exc:
            raise CommandError(str(exc)) from None
        for c in created:
            password = f"初始密码 {c.password}" if c.password else "（已有账号，密码不变）"
            self.stdout.write(f"{c.username}\t{c.name}\t{c.role}\t{c.scope}\t{password}")
        self.stdout.write(
            f"共 {len(created)} 个账号。请把初始密码分别交给本人，并请其登录后修改密码。"
        )
