"""Production settings: the generated secret key."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao_web.settings import secret_key


def test_the_generated_secret_key_is_private_from_its_first_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JIXIAO_SECRET_KEY", raising=False)
    # making it private afterwards is too late (and may silently fail): no chmod allowed
    monkeypatch.setattr(Path, "chmod", lambda *a, **k: None)
    key = secret_key(tmp_path / "data")
    path = tmp_path / "data" / "secret_key"
    assert path.stat().st_mode & 0o777 == 0o600
    assert len(key) >= 50
    assert secret_key(tmp_path / "data") == key  # made once, then kept


def test_the_environment_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIXIAO_SECRET_KEY", "from-the-environment-0123456789")
    assert secret_key(tmp_path) == "from-the-environment-0123456789"
    assert not (tmp_path / "secret_key").exists()
