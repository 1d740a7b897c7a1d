"""Organisations and accounts from a table: a bureau sets up its 50–150 units in one go.

The table (CSV in UTF-8 or GBK, or .xlsx) has one row per person, with the headings
主管部门, 单位, 用户名, 姓名, 角色 (单位填报人 / 单位负责人 / 财政局审核人 / 管理员). Departments
and units are created when missing; bureau roles leave 主管部门 and 单位 blank. New accounts
get a random password, returned so that it can be handed over (and changed at first use).
"""

from __future__ import annotations

import csv
import io
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction

from jixiao_web.accounts.models import Department, Membership, Region, Role, Unit

HEADINGS = ("主管部门", "单位", "用户名", "姓名", "角色")
ROLE_BY_LABEL = {label: value for value, label in Role.choices}


class PeopleError(ValueError):
    """The table cannot be used (message in Chinese, naming the row)."""


@dataclass(frozen=True)
class Created:
    username: str
    name: str
    role: str
    scope: str
    password: str  # "" when the account already existed (its password is left alone)


def read_rows(path: Path) -> list[dict[str, str]]:
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        ws = load_workbook(path, read_only=True, data_only=True).active
        values = [
            ["" if v is None else str(v).strip() for v in row]
            for row in ws.iter_rows(values_only=True)
        ]
    else:
        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise PeopleError(f"{path}: 无法识别的编码（请保存为 UTF-8 或 GBK 的 CSV）")
        values = [[c.strip() for c in row] for row in csv.reader(io.StringIO(text))]
    values = [row for row in values if any(row)]
    if not values:
        raise PeopleError(f"{path}: 表格是空的")
    header = values[0]
    missing = [h for h in HEADINGS if h not in header]
    if missing:
        raise PeopleError(
            f"{path}: 缺少列 {'、'.join(missing)}（第一行应为：{'，'.join(HEADINGS)}）"
        )
    index = {h: header.index(h) for h in HEADINGS}
    return [{h: (row[i] if i < len(row) else "") for h, i in index.items()} for row in values[1:]]


def import_people(region: Region, rows: list[dict[str, str]]) -> list[Created]:
    """Create what is missing; all rows or none (a bad row names its line)."""
    out = []
    with transaction.atomic():
        for line, row in enumerate(rows, start=2):
            username, name, label = row["用户名"], row["姓名"], row["角色"]
            role = ROLE_BY_LABEL.get(label)
            if not username:
                raise PeopleError(f"第{line}行：缺少用户名")
            if role is None:
                raise PeopleError(f"第{line}行：角色“{label}”应为 {'、'.join(ROLE_BY_LABEL)} 之一")
            unit = None
            if role in (Role.FILLER, Role.HEAD):
                if not row["主管部门"] or not row["单位"]:
                    raise PeopleError(f"第{line}行：单位角色须填写主管部门和单位")
                dept, _ = Department.objects.get_or_create(region=region, name=row["主管部门"])
                unit, _ = Unit.objects.get_or_create(department=dept, name=row["单位"])
            user = User.objects.filter(username=username).first()
            password = ""
            if user is None:
                password = secrets.token_urlsafe(9)
                user = User.objects.create_user(username, password=password, last_name=name)
            existing = Membership.objects.filter(user=user).first()
            if existing and existing.scope_region != region:
                raise PeopleError(f"第{line}行：用户 {username} 已属于{existing.scope_region}")
            scope = {"unit": unit, "region": None} if unit else {"unit": None, "region": region}
            Membership.objects.update_or_create(user=user, defaults={"role": role, **scope})
            out.append(Created(username, name, Role(role).label, str(unit or region), password))
    return out
