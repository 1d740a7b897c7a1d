"""The real application for browser tests and screenshots: ``jixiao serve --demo`` on a free
loopback port with a fresh data directory, and Debian's Chromium driven by Playwright.

Used by tests/e2e and by bench/web_screenshots.py.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
# Playwright's own browser download does not work offline: drive the system Chromium.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROLE_LABELS = {
    "单位填报人": "filler",
    "单位负责人": "head",
    "财政局审核人": "reviewer",
    "管理员": "admin",
}
# one line per demo account, as printed by `jixiao serve --demo`
ACCOUNT_LINE = re.compile(
    r"（(?P<role>[^）]+)）\s+用户名\s+(?P<username>\S+)\s+密码\s+(?P<password>\S+)"
)


def browser_missing() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} 不存在（apt-get install chromium）"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright 未安装（pip install playwright）"
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    data_dir: Path
    process: subprocess.Popen[str]
    accounts: dict[str, tuple[str, str]] = field(default_factory=dict)  # role → (user, password)
    output: list[str] = field(default_factory=list)


def server_env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)  # always a fresh SQLite file of its own
    env.update(
        JIXIAO_DATA_DIR=str(data_dir),
        JIXIAO_SECRET_KEY="e2e-only-secret-key-not-for-production-0123456789abcdef",
        PYTHONUNBUFFERED="1",
        DJANGO_SETTINGS_MODULE="jixiao_web.settings",
    )
    env.pop("JIXIAO_DEBUG", None)
    return env


@contextmanager
def live_server(
    data_dir: Path, *, demo: bool = True, timeout: float = 90, options: Sequence[str] = ()
) -> Iterator[LiveServer]:
    """Start ``jixiao serve [--demo] [options]`` as a user would, wait until it answers, stop
    it after."""
    port = free_port()
    cmd = [sys.executable, "-c", "from jixiao.cli import main; main()", "serve"]
    cmd += ["--host", "127.0.0.1", "--port", str(port), *options] + (["--demo"] if demo else [])
    proc = subprocess.Popen(
        cmd,
        env=server_env(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    server = LiveServer(f"http://127.0.0.1:{port}", data_dir, proc)
    try:
        _wait_started(server, timeout)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_started(server: LiveServer, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    assert server.process.stdout is not None
    for line in server.process.stdout:  # the banner comes last, right before serving
        server.output.append(line.rstrip())
        if m := ACCOUNT_LINE.search(line):
            server.accounts[ROLE_LABELS[m["role"]]] = (m["username"], m["password"])
        if "已启动" in line or time.monotonic() > deadline:
            break
    # keep draining the output (warnings, tracebacks) so the server never blocks on a full pipe
    threading.Thread(target=_drain, args=(server,), daemon=True).start()
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError("jixiao serve 退出了：\n" + "\n".join(server.output))
        try:
            with urllib.request.urlopen(server.url + "/login/", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("jixiao serve 未能在时限内启动：\n" + "\n".join(server.output))


def _drain(server: LiveServer) -> None:
    assert server.process.stdout is not None
    for line in server.process.stdout:
        server.output.append(line.rstrip())


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium (the system one) as a Playwright Browser."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
