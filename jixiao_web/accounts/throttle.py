"""Login throttling: too many failed logins for a user name or from an address within the
window block further attempts. Counted in the audit log, so it holds across processes."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from jixiao_web.accounts.models import AuditLog


def is_throttled(username: str, ip: str | None) -> bool:
    since = timezone.now() - timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)
    who = Q(username=username) if username else Q(pk__in=[])
    if ip:
        who |= Q(ip=ip)
    failures = AuditLog.objects.filter(
        who, action=AuditLog.Action.LOGIN_FAILED, at__gte=since
    ).count()
    return failures >= settings.LOGIN_MAX_FAILURES
