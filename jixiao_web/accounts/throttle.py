"""Login throttling: too many failed logins for a user name or from an address within the
window block further attempts. Counted in the audit log, so it holds across processes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from jixiao.bounds import clean_text
from jixiao_web.accounts.models import AuditLog
from jixiao_web.accounts.signals import client_ip

THROTTLED = "登录失败次数过多，请 15 分钟后再试，或联系管理员。"


def login_name(raw: str) -> str:
    """The user name as authentication sees it: the login form's own field cleans it (strips
    whitespace, NFKC: full-width letters become ASCII), so the throttle counts and checks
    the very name the failures were recorded under — no spelling walks around it."""
    from django.contrib.auth.forms import AuthenticationForm

    field = AuthenticationForm().fields["username"]
    return clean_text(str(field.to_python(raw)))  # (a NUL is refused by the form anyway)


def is_throttled(username: str, ip: str | None) -> bool:
    """Too many recent failures for this user name (spelled as typed: normalised here), or
    (a higher bar, since a whole office may share one address) from this address."""
    username = login_name(username)
    since = timezone.now() - timedelta(minutes=settings.LOGIN_FAILURE_WINDOW_MINUTES)
    failures = AuditLog.objects.filter(action=AuditLog.Action.LOGIN_FAILED, at__gte=since)
    if username and failures.filter(username=username).count() >= settings.LOGIN_MAX_FAILURES:
        return True
    return bool(ip) and failures.filter(ip=ip).count() >= settings.LOGIN_MAX_FAILURES_PER_ADDRESS


def throttled(login: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A login view (the admin's) refused with 429 while :func:`is_throttled`."""

    @wraps(login)
    def view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST" and is_throttled(
            request.POST.get("username", ""), client_ip(request)
        ):
            return HttpResponse(THROTTLED, status=429, content_type="text/plain; charset=utf-8")
        return login(request, *args, **kwargs)

    return view
