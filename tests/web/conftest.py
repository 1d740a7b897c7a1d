"""Django for the web tests only: the rest of the suite does not load it."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao_web.settings")
os.environ.setdefault("JIXIAO_SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ.setdefault("JIXIAO_DATA_DIR", tempfile.mkdtemp(prefix="jixiao-web-test-"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

# PBKDF2 with a million rounds costs ~0.3 s per user; the tests do not test the hash itself
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
