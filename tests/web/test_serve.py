"""``jixiao serve``: migrations applied, static files collected, several waitress worker
processes answering on the port, ``--demo`` loads the seed with one user per role."""

from __future__ import annotations

import os
import re
import signal
import socket
import sqlite3
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


def _serve(tmp_path: Path, port: int, *args: str) -> subprocess.Popen[str]:
    """``jixiao serve`` on ``port`` with its data in ``tmp_path`` (SQLite), output captured."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        JIXIAO_DATA_DIR=str(tmp_path),
        JIXIAO_SECRET_KEY="serve-test-secret-key-0123456789-abcdefghijkl",
    )
    return subprocess.Popen(
        [str(Path(sys.executable).parent / "jixiao"), "serve", "--port", str(port), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_serve_help_lists_the_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--demo", "--host", "--port", "--workers", "--threads"):
        assert option in result.output


@pytest.mark.skipif(not hasattr(os, "fork"), reason="pre-fork workers need fork()")
def test_serve_demo_runs_workers_and_answers(tmp_path: Path) -> None:
    port = _free_port()
    proc = _serve(tmp_path, port, "--demo", "--workers", "2", "--threads", "2")
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


def _raw(port: int, request: bytes) -> bytes:
    """Send one raw request (``Connection: close``) and read the whole answer."""
    answer = b""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(request)
        while chunk := conn.recv(65536):
            answer += chunk
    return answer


@pytest.mark.skipif(not hasattr(os, "fork"), reason="pre-fork workers need fork()")
def test_behind_an_https_proxy_requests_are_secure_and_carry_the_client_address(
    tmp_path: Path,
) -> None:
    """JIXIAO_HTTPS=1 behind a reverse proxy on this machine: the proxy's X-Forwarded-Proto
    reaches Django (no endless redirect to https), X-Forwarded-For gives the client's address
    (for the audit log and the per-address login throttle)."""
    port = _free_port()
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        JIXIAO_DATA_DIR=str(tmp_path),
        JIXIAO_SECRET_KEY="serve-test-secret-key-0123456789-abcdefghijkl",
        JIXIAO_HTTPS="1",
    )
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "jixiao"), "serve", "--port", str(port)]
        + ["--workers", "1", "--threads", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    proxied = (
        b"GET /login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Proto: https\r\n"
        b"X-Forwarded-For: 10.9.8.7\r\nConnection: close\r\n\r\n"
    )
    try:
        deadline = time.monotonic() + 90
        answer = b""
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                answer = _raw(port, proxied)
                break
            except OSError:
                time.sleep(0.3)
        assert answer.startswith(b"HTTP/1.1 200"), answer[:300]
        assert b"Strict-Transport-Security" in answer
        # a failed login through the proxy is recorded with the client's address
        cookie = re.search(rb"csrftoken=([^;]+)", answer)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', answer)
        assert cookie and token
        body = b"csrfmiddlewaretoken=" + token.group(1) + b"&username=ghost&password=wrong-1234"
        posted = _raw(
            port,
            b"POST /login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Proto: https\r\n"
            b"X-Forwarded-For: 10.9.8.7\r\nOrigin: https://127.0.0.1\r\n"
            b"Referer: https://127.0.0.1/login/\r\n"
            b"Cookie: csrftoken=" + cookie.group(1) + b"\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body,
        )
        assert posted.startswith(b"HTTP/1.1 200"), posted[:300]  # the form again, not 403
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)
    with sqlite3.connect(tmp_path / "jixiao.sqlite3") as db:
        rows = db.execute(
            "select ip from accounts_auditlog where action='login_failed' and username='ghost'"
        ).fetchall()
    assert rows == [("10.9.8.7",)]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="pre-fork workers need fork()")
def test_sigterm_lets_a_request_in_flight_finish(tmp_path: Path) -> None:
    port = _free_port()
    proc = _serve(tmp_path, port, "--workers", "2", "--threads", "2")
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                _get(f"http://127.0.0.1:{port}/login/")
                break
            except OSError:
                time.sleep(0.3)
        body = b"username=a&password=b&x=123456"
        with socket.create_connection(("127.0.0.1", port), timeout=20) as conn:
            conn.sendall(
                b"POST /login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                + f"Content-Length: {len(body)}\r\n\r\n".encode()
                + body[:10]
            )
            time.sleep(0.5)  # the request is in flight: headers and part of the body read
            proc.send_signal(signal.SIGTERM)
            time.sleep(1.0)
            conn.sendall(body[10:])
            answer = b""
            while chunk := conn.recv(65536):
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 "), answer[:200]  # answered, not cut off
        assert proc.wait(timeout=40) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=30)
