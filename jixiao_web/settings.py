"""Django settings. Everything that differs between machines comes from the environment.

- ``JIXIAO_DATA_DIR``: where the SQLite file, uploads, collected static files and the secret
  key live (default: ``var/`` beside the package).
- ``DATABASE_URL``: ``postgres://user:pass@host/db`` selects PostgreSQL; unset means SQLite.
- ``JIXIAO_SECRET_KEY``: the secret key (default: generated once into the data dir).
- ``JIXIAO_ALLOWED_HOSTS``: comma-separated host names (default: loopback only).
- ``JIXIAO_HTTPS=1``, ``JIXIAO_TRUSTED_PROXY``: behind an HTTPS reverse proxy (see below).
- ``JIXIAO_DEBUG=1``: debug pages (never in production).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("JIXIAO_DATA_DIR") or PACKAGE_DIR.parent / "var").resolve()
UPLOAD_DIR = DATA_DIR / "uploads"  # outside the web root: never served, never executed


def secret_key(data_dir: Path) -> str:
    """``JIXIAO_SECRET_KEY``, else the key generated once into ``data_dir`` — created
    readable by its owner only from the first byte (never world-readable for a moment)."""
    if key := os.environ.get("JIXIAO_SECRET_KEY"):
        return key
    path = data_dir / "secret_key"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another worker process made it a moment ago
            pass
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(secrets.token_urlsafe(50))
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = secret_key(DATA_DIR)
DEBUG = os.environ.get("JIXIAO_DEBUG") == "1"
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("JIXIAO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "jixiao_web.accounts",
    "jixiao_web.evaluations",
    "jixiao_web.evidence",
    "jixiao_web.targets",
    "jixiao_web.monitoring",
    "jixiao_web.results",
    "jixiao_web.reevaluation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "jixiao_web.headers.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "jixiao_web.errors.DatabaseUnwritableMiddleware",
]

ROOT_URLCONF = "jixiao_web.urls"
WSGI_APPLICATION = "jixiao_web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jixiao_web.accounts.context.membership",
            ],
        },
    },
]

_SQLITE_DEFAULT = f"sqlite:///{DATA_DIR / 'jixiao.sqlite3'}"
DATABASES = {"default": dj_database_url.config(default=_SQLITE_DEFAULT, conn_max_age=60)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "jixiao_web.accounts.passwords.ChineseMinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: this many failures per user name or address within the window.
LOGIN_MAX_FAILURES = 5  # per user name
LOGIN_MAX_FAILURES_PER_ADDRESS = 20  # per client address (an office may share one)
LOGIN_FAILURE_WINDOW_MINUTES = 15

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]

# Sessions: expire 8 hours (a working day) after login, and when the browser closes. Not
# renewed on every request, so that reading a page never writes to the database.
SESSION_COOKIE_AGE = 8 * 3600
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Behind an HTTPS reverse proxy (JIXIAO_HTTPS=1): secure cookies, redirect to HTTPS, HSTS.
# Offline intranets often run plain HTTP on a trusted network; then these stay off.
HTTPS = os.environ.get("JIXIAO_HTTPS") == "1"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_HSTS_SECONDS = 86400 if HTTPS else 0
# The reverse proxy whose X-Forwarded-Proto/-For waitress believes (``JIXIAO_TRUSTED_PROXY``;
# with JIXIAO_HTTPS=1 by default one on this machine). From anyone else those headers are
# dropped, so a client can neither fake https nor another address for the login throttle.
TRUSTED_PROXY = os.environ.get("JIXIAO_TRUSTED_PROXY") or ("127.0.0.1" if HTTPS else "")

# Security headers (the CSP is added by jixiao_web.headers).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Uploads: nothing large is kept in memory; imported files are capped well below this.
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o600
EVIDENCE_MAX_BYTES = 20 * 1024 * 1024  # one 佐证材料 file

# 佐证材料 are stored through Django's storage API: local disk by default; a deployment may
# point STORAGES["evidence"] at shared storage (and must then back it up itself).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "evidence": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": str(DATA_DIR / "evidence"),
            "base_url": None,  # never served directly: only through the access-checked view
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
CSRF_FAILURE_VIEW = "jixiao_web.errors.csrf_failure"
