"""Login throttling: too many failed logins for a user name or from an address within the
window block further attempts. Counted in the audit log, so it holds across processes."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from jixiao_web.accounts.models import AuditLog


def is_throttled(username: str, ip: str | None) -> bool:
    """Too many recent failures for this user name, or (a higher bar, since a whole office
    may share one address) from this address."""
    since = timezone.now() - timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)
    failures = AuditLog.objects.filter(action=AuditLog.Action.LOGIN_FAILED, at__gte=since)
    if username and failures.filter(username=username).count() >= settings.LOGIN_MAX_FAILURES:
        return True
    return bool(ip) and failures.filter(ip=ip).count() >= settings.LOGIN_MAX_FAILURES_PER_ADDRESS
