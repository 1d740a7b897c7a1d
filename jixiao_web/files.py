"""Files the application writes (imports, restored backups): private from the first byte."""

from __future__ import annotations

import io
import os
from pathlib import Path


def open_private(path: Path) -> io.BufferedWriter:
    """A new file readable by this user only from its first byte (no window with the umask's
    0644 before a chmod), never over an existing one."""
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
