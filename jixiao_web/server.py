"""Serving: waitress (a production WSGI server, never Django's development server), in several
worker processes that share one listening socket (pre-fork), each with a pool of threads.

Processes give the application every CPU core (Python threads share one); the socket is
opened once by the parent, so the workers take turns accepting connections.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
from collections.abc import Callable
from typing import Any


def listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family, backlog=1024)
    sock.setblocking(False)
    return sock


def serve_forever(app: Any, sock: socket.socket, threads: int) -> None:
    from django.conf import settings
    from waitress import serve

    proxy: dict[str, Any] = {}
    if settings.TRUSTED_PROXY:  # behind the reverse proxy: its scheme and client count
        proxy = {
            "trusted_proxy": settings.TRUSTED_PROXY,
            "trusted_proxy_headers": {"x-forwarded-proto", "x-forwarded-for"},
        }
    serve(
        app,
        sockets=[sock],
        threads=threads,
        # refuse (413) a request larger than the largest import before reading its body:
        # the upload form's own check only runs once the whole file is on disk
        max_request_body_size=settings.MAX_UPLOAD_BYTES + 1024 * 1024,
        ident="jixiao",
        clear_untrusted_proxy_headers=True,
        **proxy,
        connection_limit=1000,
        channel_timeout=120,
    )


def run(
    app: Any,
    host: str,
    port: int,
    *,
    workers: int,
    threads: int,
    before_fork: Callable[[], None] = lambda: None,
) -> None:
    """Serve ``app`` on host:port with ``workers`` processes × ``threads`` threads."""
    sock = listen(host, port)
    if workers <= 1 or not hasattr(os, "fork"):
        serve_forever(app, sock, threads)
        return
    before_fork()  # e.g. close database connections: children open their own
    children: list[int] = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:  # child
            signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
            try:
                serve_forever(app, sock, threads)
            except KeyboardInterrupt:
                pass
            finally:
                os._exit(0)
        children.append(pid)

    def stop(*_: Any) -> None:
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while children:
        try:
            pid, _status = os.wait()
        except ChildProcessError:
            break
        if pid in children:
            children.remove(pid)
    sock.close()
