"""Organisations (finance bureau → department → unit), memberships with roles, the audit log."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Region(models.Model):
    """A finance bureau (财政局) and the area it covers: 长沙市岳麓区财政局."""

    code = models.SlugField("代码", unique=True, help_text="用于公开页面网址，如 yuelu")
    name = models.CharField("名称", max_length=100)

    class Meta:
        verbose_name = verbose_name_plural = "财政局（地区）"
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    """A supervising department (主管部门) under a region."""

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="departments", verbose_name="财政局"
    )
    name = models.CharField("名称", max_length=100)

    class Meta:
        verbose_name = verbose_name_plural = "主管部门"
        ordering = ["region", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="department_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Unit(models.Model):
    """A budget unit (预算单位) that fills in self-evaluations."""

    department = models.ForeignKey(
        Department, on_delete=models.CASCADE, related_name="units", verbose_name="主管部门"
    )
    name = models.CharField("名称", max_length=100)
    code = models.CharField("单位代码", max_length=40, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "预算单位"
        ordering = ["department", "name"]
        constraints = [
            models.UniqueConstraint(fields=["department", "name"], name="unit_unique_name")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def region(self) -> Region:
        return self.department.region


class Role(models.TextChoices):
    FILLER = "filler", "单位填报人"
    HEAD = "head", "单位负责人"
    REVIEWER = "reviewer", "财政局审核人"
    ADMIN = "admin", "管理员"


UNIT_ROLES = frozenset({Role.FILLER, Role.HEAD})
BUREAU_ROLES = frozenset({Role.REVIEWER, Role.ADMIN})


class Membership(models.Model):
    """What a user is: their role and the unit (unit roles) or region (bureau roles)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="membership",
        verbose_name="用户",
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.CASCADE, verbose_name="预算单位"
    )
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.CASCADE, verbose_name="财政局"
    )

    class Meta:
        verbose_name = verbose_name_plural = "用户角色"
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(role__in=["filler", "head"], unit__isnull=False, region__isnull=True)
                )
                | (
                    models.Q(
                        role__in=["reviewer", "admin"], unit__isnull=True, region__isnull=False
                    )
                ),
                name="membership_scope_matches_role",
                violation_error_message="单位角色须指定预算单位，财政局角色须指定财政局。",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user.get_username()}（{self.get_role_display()}，{self.scope_name}）"

    @property
    def is_unit_role(self) -> bool:
        return self.role in UNIT_ROLES

    @property
    def is_bureau_role(self) -> bool:
        return self.role in BUREAU_ROLES

    @property
    def scope_region(self) -> Region:
        """The region this member belongs to (through the unit for unit roles)."""
        if self.unit is not None:
            return self.unit.department.region
        assert self.region is not None
        return self.region

    @property
    def scope_name(self) -> str:
        return str(self.unit or self.region)


class AuditLog(models.Model):
    """One line per login, logout, failed login and every change of state or data."""

    class Action(models.TextChoices):
        LOGIN = "login", "登录"
        LOGIN_FAILED = "login_failed", "登录失败"
        LOGOUT = "logout", "退出"
        ROUND_OPENED = "round_opened", "开启评价轮次"
        CREATED = "created", "新建自评"
        SAVED = "saved", "保存"
        IMPORTED = "imported", "导入文件"
        RESTORED = "restored", "恢复历史版本"
        TRANSITION = "transition", "状态变更"
        COMMENTED = "commented", "审核意见"
        REVIEW_SCORED = "review_scored", "复核评分"

    at = models.DateTimeField("时间", auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name="用户",
    )
    username = models.CharField("用户名", max_length=150, blank=True, db_index=True)
    ip = models.GenericIPAddressField("地址", null=True, blank=True)
    action = models.CharField("操作", max_length=20, choices=Action.choices, db_index=True)
    target = models.CharField("对象", max_length=200, blank=True)
    # "evaluations.submission:12": which object exactly (names such as target repeat across
    # regions, so a form's history must never be looked up by its name)
    target_key = models.CharField("对象标识", max_length=100, blank=True, db_index=True)
    detail = models.TextField("说明", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "审计日志"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.get_action_display()} {self.target}"

    @staticmethod
    def key(target: object) -> str:
        """The stable key of a model instance (blank for anything else)."""
        meta = getattr(target, "_meta", None)
        pk = getattr(target, "pk", None)
        return f"{meta.label_lower}:{pk}" if meta is not None and pk is not None else ""

    @classmethod
    def record(
        cls,
        action: str,
        *,
        user: object | None = None,
        username: str = "",
        target: object = "",
        detail: str = "",
        ip: str | None = None,
    ) -> AuditLog:
        from django.contrib.auth.models import AbstractBaseUser

        real_user = user if isinstance(user, AbstractBaseUser) and user.pk else None
        name = username or (real_user.get_username() if real_user else "")
        return cls.objects.create(
            action=action,
            user=real_user,
            username=name[:150],
            target=str(target)[:200],
            target_key=cls.key(target),
            detail=detail,
            ip=ip,
        )
