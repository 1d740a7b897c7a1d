"""Fixtures for the browser tests: the real server (``jixiao serve --demo``) and Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.e2e.liveserver import LiveServer, browser_missing, chromium, live_server


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    if reason := browser_missing():
        pytest.skip(f"浏览器端到端测试跳过：{reason}")
    with live_server(tmp_path_factory.mktemp("jixiao-e2e")) as s:
        yield s


@pytest.fixture(scope="module")
def browser(server: LiveServer) -> Iterator[Any]:
    with chromium() as b:
        yield b
