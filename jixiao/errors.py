"""Exceptions are for unreadable input and programmer errors; findings are values."""

from __future__ import annotations


class JixiaoError(Exception):
    """Base of jixiao's own errors. ``str()`` is a message in Chinese for the user."""


class ReadError(JixiaoError):
    """A file cannot be read as a self-evaluation: missing, empty, binary, hostile, …

    ``source`` names the file, ``message`` says what is wrong (in Chinese), ``location``
    points into the file where that helps.
    """

    def __init__(self, source: str, message: str, location: str | None = None) -> None:
        self.source = str(source)
        self.message = message
        self.location = location
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = f"{self.source}:{self.location}" if self.location else self.source
        return f"{where}: {self.message}"


class ProfileError(JixiaoError):
    """A scoring profile is invalid: names the file and the offending key."""
