"""``jixiao serve``: migrations applied, static files collected, several waitress worker
processes answering on the port, ``--demo`` loads the seed with one user per role."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from jixiao.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=5) as r:  # noqa: S310 - loopback
        return r.status, r.read()


def test_serve_help_lists_the_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--demo", "--host", "--port", "--workers", "--threads"):
        assert option in result.output


@pytest.mark.skipif(not hasattr(os, "fork"), reason="pre-fork workers need fork()")
def test_serve_demo_runs_workers_and_answers(tmp_path: Path) -> None:
    port = _free_port()
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        JIXIAO_DATA_DIR=str(tmp_path),
        JIXIAO_SECRET_KEY="serve-test-secret-key-0123456789-abcdefghijkl",
    )
    proc = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "jixiao"),
            "serve",
            "--demo",
            "--port",
            str(port),
            "--workers",
            "2",
            "--threads",
            "2",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        status = None
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                status, body = _get(f"http://127.0.0.1:{port}/login/")
                break
            except OSError:
                time.sleep(0.3)
        assert status == 200, proc.stdout.read() if proc.poll() is not None else "no answer"
        assert "登录" in body.decode()
        css_status, css = _get(f"http://127.0.0.1:{port}/static/jixiao/app.css")
        assert css_status == 200 and b".sheet" in css
        assert (tmp_path / "jixiao.sqlite3").exists()
        workers = subprocess.run(
            ["pgrep", "-P", str(proc.pid)], capture_output=True, text=True
        ).stdout.split()
        assert len(workers) == 2
        # a body larger than any import is refused before it is read (no disk filled)
        with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
            conn.sendall(
                b"POST /login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000000\r\n\r\n"
            )
            assert conn.recv(200).startswith(b"HTTP/1.1 413")
    finally:
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=30)
    assert "用户名 tianbao" in out and "用户名 shenhe" in out  # one user per role, printed
    assert "2 个进程" in out
