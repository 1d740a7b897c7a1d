"""Django for the web tests only: the rest of the suite does not load it."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile


def session_data_dir() -> str:
    """The data directory of this test session (uploads, evidence, collected static files):
    made here and removed when the session ends, unless the caller gave one."""
    given = os.environ.get("JIXIAO_DATA_DIR")
    if given:
        return given
    path = tempfile.mkdtemp(prefix="jixiao-web-test-")
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao_web.settings")
os.environ.setdefault("JIXIAO_SECRET_KEY", "test-only-secret-key-not-for-production-use-0123456789")
os.environ["JIXIAO_DATA_DIR"] = session_data_dir()

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

# PBKDF2 with a million rounds costs ~0.3 s per user; the tests do not test the hash itself
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
