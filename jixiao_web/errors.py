"""Error pages in Chinese (the CSRF failure page Django would show in English), and a clear
maintenance page (503) when the database stops accepting writes while the server runs."""

from __future__ import annotations

from collections.abc import Callable

from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

# how SQLite and PostgreSQL say that nothing can be written now
_UNWRITABLE = ("readonly database", "read-only transaction", "disk is full", "no space left")


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)


class DatabaseUnwritableMiddleware:
    """A database turned read-only or a full disk: a maintenance page, not a bare 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DatabaseError) and any(
            words in str(exception).lower() for words in _UNWRITABLE
        ):
            response = render(request, "503.html", status=503)
            response["Retry-After"] = "300"
            return response
        return None
