"""Files the application writes (imports, restored backups): private from the first byte."""

from __future__ import annotations

import io
import os
import uuid
from pathlib import Path


def open_private(path: Path) -> io.BufferedWriter:
    """A new file readable by this user only from its first byte (no window with the umask's
    0644 before a chmod), never over an existing one."""
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")


def new_upload_path(name: str) -> Path:
    """Where an uploaded file called ``name`` is kept: a random file name with its extension
    in the upload folder (created on first use); the name the user gave is never a path."""
    from django.conf import settings

    settings.UPLOAD_DIR.mkdir(parents=True, exist_ok=True)
    return settings.UPLOAD_DIR / f"{uuid.uuid4().hex}{Path(name).suffix.lower()}"
