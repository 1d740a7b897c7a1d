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
import time
from collections.abc import Callable
from typing import Any


def listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family, backlog=1024)
    sock.setblocking(False)
    return sock


DRAIN_SECONDS = 30  # on SIGTERM: how long requests in flight may take to finish


def serve_forever(app: Any, sock: socket.socket, threads: int) -> None:
    """Serve until SIGTERM, then :func:`drain`."""
    from django.conf import settings
    from waitress.server import create_server

    proxy: dict[str, Any] = {}
    if settings.TRUSTED_PROXY:  # behind the reverse proxy: its scheme and client count
        proxy = {
            "trusted_proxy": settings.TRUSTED_PROXY,
            "trusted_proxy_headers": {"x-forwarded-proto", "x-forwarded-for"},
        }
    channels: dict[int, Any] = {}  # waitress's socket map: the listener and each connection
    server = create_server(
        app,
        map=channels,
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
    signal.signal(signal.SIGTERM, lambda *_: drain(channels))
    server.run()


def drain(channels: dict[int, Any]) -> None:
    """Stop accepting connections; exit once every request in flight (being received,
    processed or sent) is answered, or after :data:`DRAIN_SECONDS`. Idle keep-alive
    connections are not waited for."""
    import threading

    from waitress.channel import HTTPChannel
    from waitress.server import BaseWSGIServer

    for d in list(channels.values()):
        if isinstance(d, BaseWSGIServer):
            d.accepting = False  # no longer polled for new connections

    def busy() -> bool:
        return any(
            isinstance(c, HTTPChannel)
            and (c.request is not None or c.requests or c.total_outbufs_len)
            for c in list(channels.values())
        )

    def wait_then_exit() -> None:
        deadline = time.monotonic() + DRAIN_SECONDS
        while busy() and time.monotonic() < deadline:
            time.sleep(0.05)
        os._exit(0)

    threading.Thread(target=wait_then_exit, daemon=True).start()


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
            try:
                serve_forever(app, sock, threads)
            except KeyboardInterrupt:
                pass
            finally:
                os._exit(0)
        children.append(pid)

    def stop(*_: Any) -> None:
        """Ask every worker to drain; the loop below waits until they have."""
        for pid in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)

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
