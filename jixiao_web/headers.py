"""Security headers Django does not set by itself: a Content-Security-Policy without any
external source (the application runs on offline networks and loads nothing from elsewhere),
``Cache-Control: no-store`` for signed-in users, ``Clear-Site-Data`` on logout."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import reverse

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if _signed_in(request):  # request.user is set by the middleware after this one
            # pages and exports of a signed-in user are never kept by the browser or a proxy
            # (the back button after logout, a shared office computer)
            response.headers["Cache-Control"] = "no-store"
        if request.path == reverse("logout") and request.method == "POST":
            # the browser forgets unsaved input kept for this site (localStorage) as well
            response.headers["Clear-Site-Data"] = '"cache", "storage"'
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        return response


def _signed_in(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)
