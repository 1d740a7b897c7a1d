"""Django admin for organisations, users and their roles, and the (read-only) audit log."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from jixiao_web.accounts.models import AuditLog, Department, Membership, Region, Unit

admin.site.site_header = "绩效自评系统 管理"
admin.site.site_title = "绩效自评系统"


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0


class UnitInline(admin.TabularInline):
    model = Unit
    extra = 0


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]
    inlines = [DepartmentInline]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "region"]
    list_filter = ["region"]
    search_fields = ["name"]
    inlines = [UnitInline]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "department"]
    list_filter = ["department__region", "department"]
    search_fields = ["name", "code"]


class MembershipInline(admin.StackedInline):
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
        "membership__role",
        "is_active",
        "last_login",
    ]


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    list_display = ["at", "username", "action", "target", "ip"]
    list_filter = ["action"]
    search_fields = ["username", "target", "detail"]
    date_hierarchy = "at"

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False
