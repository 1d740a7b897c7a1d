"""Django admin for organisations, users and their roles, and the (read-only) audit log.

A superuser manages everything. A region's 管理员 (role admin, given staff status and the
model permissions) sees and manages only their own region: its departments, units and the
users whose role belongs to it.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from jixiao_web.accounts.models import AuditLog, Department, Membership, Region, Role, Unit
from jixiao_web.accounts.throttle import throttled

admin.site.site_header = "绩效自评系统 管理"
admin.site.site_title = "绩效自评系统"
# the admin's own login page counts failures like /login/ (else it bypasses the throttle)
admin.site.login = throttled(admin.site.login)  # type: ignore[method-assign]


def admin_region(request: HttpRequest) -> int | None:
    """The region a non-superuser administrator is limited to (None: not limited)."""
    if request.user.is_superuser:
        return None
    m: Membership | None = getattr(request.user, "membership", None)
    if m is None or m.role != Role.ADMIN:
        return -1  # staff without a region's admin role see no organisation
    return m.region_id


def people_of(region: int, path: str = "") -> Q:
    """Users (through ``path``, e.g. ``"user__"``) whose role belongs to the region."""
    return Q(**{f"{path}membership__region_id": region}) | Q(
        **{f"{path}membership__unit__department__region_id": region}
    )


def created_in(region: int) -> list[int]:
    """Users added through the admin by an administrator of ``region`` (its own log)."""
    from django.contrib.admin.models import ADDITION, LogEntry
    from django.contrib.contenttypes.models import ContentType

    ids = LogEntry.objects.filter(
        action_flag=ADDITION,
        content_type=ContentType.objects.get_for_model(get_user_model()),
        user__membership__role=Role.ADMIN,
        user__membership__region_id=region,
    ).values_list("object_id", flat=True)
    return [int(i) for i in ids if i.isdigit()]


class RegionChoices:
    """Choices of region, department and unit limited to the administrator's region."""

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        region = admin_region(request)
        if region is not None:
            if db_field.related_model is Region:
                kwargs["queryset"] = Region.objects.filter(pk=region)
            elif db_field.related_model is Department:
                kwargs["queryset"] = Department.objects.filter(region_id=region)
            elif db_field.related_model is Unit:
                kwargs["queryset"] = Unit.objects.filter(department__region_id=region)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]


class RegionScoped(RegionChoices, admin.ModelAdmin):
    """Lists and choices limited to the administrator's region; ``region_path`` leads there."""

    region_path = ""

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        region = admin_region(request)
        return qs if region is None else qs.filter(**{self.region_path: region})


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0


class UnitInline(admin.TabularInline):
    model = Unit
    extra = 0


@admin.register(Region)
class RegionAdmin(RegionScoped):
    region_path = "pk"
    list_display = ["code", "name"]
    search_fields = ["code", "name"]
    inlines = [DepartmentInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser  # regions are created centrally


@admin.register(Department)
class DepartmentAdmin(RegionScoped):
    region_path = "region_id"
    list_display = ["name", "region"]
    list_filter = ["region"]
    search_fields = ["name"]
    inlines = [UnitInline]


@admin.register(Unit)
class UnitAdmin(RegionScoped):
    region_path = "department__region_id"
    list_display = ["name", "code", "department"]
    list_filter = ["department__region", "department"]
    search_fields = ["name", "code"]


class MembershipInline(RegionChoices, admin.StackedInline):
    model = Membership
    can_delete = False
    verbose_name_plural = "角色"


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class JixiaoUserAdmin(UserAdmin):
    inlines = [MembershipInline]
    list_display = [
        "username",
        "last_name",
        "first_name",
        "role",
        "is_active",
        "last_login",
    ]
    list_filter = ["membership__role", "is_active", "is_staff"]

    @admin.display(description="角色", ordering="membership__role")
    def role(self, user: Any) -> str:
        m = getattr(user, "membership", None)
        return m.get_role_display() if m is not None else "（未分配）"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        region = admin_region(request)
        if region is None:
            return qs
        # their region's people, and the accounts their region's administrators created that
        # have no role yet (never another region's); never a superuser (else a region's admin
        # could reset the superuser's password and become one)
        return qs.filter(
            people_of(region) | Q(membership__isnull=True, pk__in=created_in(region)),
            is_superuser=False,
        )

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:  # a region's admin cannot hand out superuser rights
            fields += ["is_superuser", "user_permissions", "groups"]
        return fields


admin.site.unregister(Group)


@admin.register(Group)
class SuperuserOnlyGroupAdmin(GroupAdmin):
    """Groups hold permissions for every region: only a superuser may see or change them."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return request.user.is_superuser


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    list_display = ["at", "username", "action", "target", "ip"]
    list_filter = ["action"]
    search_fields = ["username", "target", "detail"]
    date_hierarchy = "at"

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        region = admin_region(request)
        if region is None:
            return qs
        return qs.filter(people_of(region, "user__"))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
