"""Logins, logouts and failed logins go into the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from jixiao_web.accounts.models import AuditLog


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


@receiver(user_logged_in)
def _logged_in(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    AuditLog.record(AuditLog.Action.LOGIN, user=user, ip=client_ip(request))


@receiver(user_logged_out)
def _logged_out(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    if user is not None:
        AuditLog.record(AuditLog.Action.LOGOUT, user=user, ip=client_ip(request))


@receiver(user_login_failed)
def _login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    AuditLog.record(
        AuditLog.Action.LOGIN_FAILED,
        username=str(credentials.get("username", "")),
        ip=client_ip(request),
    )
