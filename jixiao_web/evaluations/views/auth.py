"""Login with throttling (failed attempts are counted in the audit log)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import LoginView
from django.http import HttpRequest, HttpResponse

from jixiao_web.accounts.signals import client_ip
from jixiao_web.accounts.throttle import THROTTLED, is_throttled


class ThrottledLoginView(LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if is_throttled(request.POST.get("username", ""), client_ip(request)):
            messages.error(request, THROTTLED)
            return self.render_to_response(
                self.get_context_data(form=self.get_form_class()(request)), status=429
            )
        return super().post(request, *args, **kwargs)
