"""Django for the web tests only: the rest of the suite does not load it."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao_web.settings")
os.environ.setdefault("JIXIAO_SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("JIXIAO_DATA_DIR", tempfile.mkdtemp(prefix="jixiao-web-test-"))

import django  # noqa: E402

django.setup()
