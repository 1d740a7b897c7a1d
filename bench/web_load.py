"""Load test of the web application: the bureau overview and form saves under concurrent clients.

    .venv/bin/python bench/web_load.py                      # generate 2,000 units × 10 years, run
    .venv/bin/python bench/web_load.py --data-dir /tmp/jx-bench --reuse   # data already loaded
    .venv/bin/python bench/web_load.py --clients 20 --requests 25 --max-seconds 60

It starts the real server (``jixiao serve`` = waitress, as in production) on a free port of
127.0.0.1 only, logs every client in through the login page like a browser, and runs three
phases, each with ``--clients`` concurrent clients (threads with their own keep-alive
connection and session), each client sending at most ``--requests`` requests and the phase
stopping after ``--max-seconds`` whatever happens:

- ``overview``: every client is a reviewer opening the overview of the current round
  (all 2,000 units, charts, sorted by unit);
- ``save``: every client is a different unit's filler saving its own draft (one changed
  field, the version from the form: exactly what the browser posts); each save must answer
  302 (saved), anything else is counted as an error;
- ``mixed``: half reviewers on the overview, half fillers saving.

Each client waits a random ``--think`` time (default 1–5 s, like a person reading the page)
before its first request and after each answer before its next one; ``--think 0`` sends the next request at once (the
harshest closed loop: it measures the server saturated, not users). Prints p50/p95/p99/max latency
in milliseconds per phase and kind, and the targets (overview ≤ 300 ms, save ≤ 150 ms p95).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

TARGETS_MS = {"overview": 300.0, "save": 150.0}


class Client:
    """One browser-like client: a keep-alive connection to 127.0.0.1 and its cookies."""

    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        assert parts.hostname == "127.0.0.1", "loopback only"
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, str, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.conn.request(method, path, body=body, headers=headers)
        r = self.conn.getresponse()
        text = r.read().decode("utf-8", "replace")
        for value in r.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(value).items():
                self.cookies[name] = morsel.value
        return r.status, r.headers.get("Location", ""), text

    def login(self, username: str, password: str) -> None:
        _, _, html = self.request("GET", "/login/")
        token = FormFields.parse(html, "login-form")["csrfmiddlewaretoken"]
        status, location, _ = self.request(
            "POST",
            "/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password, "next": ""},
        )
        if status != 302:
            raise RuntimeError(f"{username}: 登录失败（{status}）")

    def close(self) -> None:
        self.conn.close()


class FormFields(HTMLParser):
    """The fields a browser would post for one <form id=…> (inputs, checked boxes, textareas)."""

    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, {}
        self.textarea: str | None = None

    @classmethod
    def parse(cls, html: str, form_id: str) -> dict[str, str]:
        p = cls(form_id)
        p.feed(html)
        return p.fields

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        elif self.inside and tag == "input" and a.get("name") and "disabled" not in a:
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            if a.get("type") in ("file", "submit", "button"):
                return
            self.fields[a["name"]] = a.get("value", "")
        elif self.inside and tag == "textarea" and "disabled" not in a:
            self.textarea = a.get("name")
            self.fields[self.textarea or ""] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.fields[self.textarea] += data


@dataclass
class Results:
    times: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    cpu_seconds: float = 0.0  # used by the server(s) during the phase

    def add(self, kind: str, ms: float, error: str = "") -> None:
        with self.lock:
            self.times.setdefault(kind, []).append(ms)
            if error:
                self.errors.setdefault(kind, []).append(error)


def percentile(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return (
        statistics.quantiles(values, n=100, method="inclusive")[q - 1] if q < 100 else max(values)
    )


@dataclass
class Scenario:
    bases: list[str]  # server URLs; clients are spread over them
    pids: list[int]  # the server processes (their CPU time and their workers' is read from /proc)
    round_pk: int
    reviewer: tuple[str, str]
    fillers: list[tuple[str, str, int]]  # username, password, submission pk
    requests: int
    max_seconds: float
    think: tuple[float, float]  # seconds between an answer and the next request (min, max)

    def base(self, n: int) -> str:
        return self.bases[n % len(self.bases)]

    def pause(self, rng: random.Random) -> None:
        if self.think[1] > 0:
            time.sleep(rng.uniform(*self.think))


def reviewer_loop(
    sc: Scenario, n: int, res: Results, start: threading.Barrier, stop_at: list[float]
) -> None:
    rng = random.Random(n)
    c = Client(sc.base(n))
    c.login(*sc.reviewer)
    path = f"/rounds/{sc.round_pk}/overview/"
    c.request("GET", path)  # warm: the first page of a session is not what is measured
    start.wait()
    sc.pause(rng)  # users do not all click at the same instant
    for _ in range(sc.requests):
        if time.monotonic() > stop_at[0]:
            break
        t = time.perf_counter()
        status, _, html = c.request("GET", path)
        ms = (time.perf_counter() - t) * 1000
        res.add(
            "overview", ms, "" if status == 200 and 'id="overview"' in html else f"HTTP {status}"
        )
        sc.pause(rng)
    c.close()


def filler_loop(
    sc: Scenario,
    who: tuple[str, str, int],
    res: Results,
    start: threading.Barrier,
    stop_at: list[float],
) -> None:
    username, password, pk = who
    rng = random.Random(pk)
    c = Client(sc.base(pk))
    c.login(username, password)
    _, _, html = c.request("GET", f"/s/{pk}/")
    fields = FormFields.parse(html, "evaluation-form")
    if "version" not in fields:
        raise RuntimeError(f"{username}: /s/{pk}/ 不可编辑")
    field_name = next(k for k in fields if k.endswith("-deviation"))
    base_text = fields[field_name]
    start.wait()
    sc.pause(rng)
    for n in range(sc.requests):
        if time.monotonic() > stop_at[0]:
            break
        fields[field_name] = f"{base_text}（第{n + 1}次修改）"
        t = time.perf_counter()
        status, location, _ = c.request("POST", f"/s/{pk}/", fields)
        ms = (time.perf_counter() - t) * 1000
        ok = status == 302 and location.rstrip("/").endswith(f"/s/{pk}")
        res.add("save", ms, "" if ok else f"HTTP {status}")
        if ok:
            fields["version"] = str(int(fields["version"]) + 1)
            c.request("GET", location)  # the browser follows the redirect (not measured)
        sc.pause(rng)
    c.close()


def run_phase(name: str, sc: Scenario, reviewers: int, fillers: int) -> Results:
    res = Results()
    start = threading.Barrier(reviewers + fillers + 1)
    stop_at = [float("inf")]
    threads = [
        threading.Thread(target=reviewer_loop, args=(sc, n, res, start, stop_at))
        for n in range(reviewers)
    ]
    threads += [
        threading.Thread(target=filler_loop, args=(sc, who, res, start, stop_at))
        for who in sc.fillers[:fillers]
    ]
    for t in threads:
        t.start()
    start.wait(timeout=300)
    cpu = server_cpu(sc.pids)
    began = time.monotonic()
    stop_at[0] = began + sc.max_seconds
    for t in threads:
        t.join(timeout=sc.max_seconds + 120)
    elapsed = time.monotonic() - began
    res.cpu_seconds = server_cpu(sc.pids) - cpu
    report(name, res, elapsed, reviewers + fillers)
    return res


def server_cpu(pids: list[int]) -> float:
    """CPU seconds (user + system) used so far by the server processes and their workers
    (``jixiao serve`` forks worker processes), read from Linux's /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        if pid in pids or ppid in pids:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def report(name: str, res: Results, elapsed: float, clients: int) -> None:
    for kind, times in sorted(res.times.items()):
        p95 = percentile(times, 95)
        verdict = "达标" if p95 <= TARGETS_MS[kind] else "未达标"
        print(
            f"{name:8} {kind:8} n={len(times):4d} clients={clients:2d} "
            f"p50={percentile(times, 50):7.1f} p95={p95:7.1f} p99={percentile(times, 99):7.1f} "
            f"max={max(times):7.1f} ms  {len(times) / elapsed:5.1f}/s  errors={len(res.errors.get(kind, []))}  "
            f"目标 p95 ≤ {TARGETS_MS[kind]:.0f} ms：{verdict}  "
            f"(机器负载 {os.getloadavg()[0]:.1f}，{os.cpu_count()} 核)",
            flush=True,
        )
        for e in sorted(set(res.errors.get(kind, [])))[:3]:
            print(f"    error: {e}")
    n = sum(len(t) for t in res.times.values())
    if n:
        print(
            f"{name:8} 服务器 CPU {res.cpu_seconds:.1f} s / {n} 个计时请求 = "
            f"{res.cpu_seconds * 1000 / n:.0f} ms CPU 每请求（保存含随后的页面刷新）",
            flush=True,
        )


def pick(data_dir: Path, clients: int) -> tuple[int, list[tuple[str, str, int]]]:
    """The current round and ``clients`` editable drafts with their fillers (from the database)."""
    import web_data

    web_data.setup(str(data_dir))  # Django, with the migrations applied

    from jixiao_web.accounts.models import Membership
    from jixiao_web.evaluations.models import Round, Submission

    rnd = Round.objects.filter(region__code="yuelu", is_open=True).order_by("-year").first()
    if rnd is None:
        raise SystemExit("没有开放的评价轮次：请先运行 bench/web_data.py")
    drafts = Submission.objects.filter(round=rnd, status="draft").order_by("id")
    out = []
    for s in drafts:
        m = (
            Membership.objects.filter(
                unit_id=s.unit_id, role="filler", user__username__regex=r"^f[0-9]{4}$"
            )
            .select_related("user")
            .first()
        )
        if m:
            out.append((m.user.username, web_data.PASSWORD, s.pk))
        if len(out) == clients:
            break
    from django.db import connections

    connections.close_all()
    return rnd.pk, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", type=Path, help="数据目录（默认新建临时目录并生成数据）")
    ap.add_argument(
        "--reuse", action="store_true", help="数据目录中已有 bench/web_data.py 生成的数据"
    )
    ap.add_argument("--units", type=int, default=2000)
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=25, help="每个客户端每阶段最多请求数")
    ap.add_argument("--max-seconds", type=float, default=60, help="每阶段最长秒数")
    ap.add_argument(
        "--think", default="1-5", help="每个客户端收到应答后到下一次请求的间隔秒数，如 1-5 或 0"
    )
    ap.add_argument("--phases", default="overview,save,mixed")
    ap.add_argument("--json", type=Path, help="把结果另存为 JSON")
    ap.add_argument(
        "--serve-options", default="", help='传给 jixiao serve 的选项，如 "--workers 4 --threads 4"'
    )
    args = ap.parse_args()
    low, _, high = args.think.partition("-")
    think = (float(low), float(high or low))
    if "DATABASE_URL" in os.environ:
        raise SystemExit("本脚本只测 SQLite 数据目录（请取消 DATABASE_URL）")
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="jixiao-load-"))
    if not args.reuse:
        import subprocess

        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "web_data.py"), "--data-dir", str(data_dir),
             "--units", str(args.units), "--years", str(args.years)],
            check=True,
        )  # fmt: skip
    round_pk, fillers = pick(data_dir, args.clients)
    if len(fillers) < args.clients:
        raise SystemExit(f"只有 {len(fillers)} 份草稿可供保存测试，需要 {args.clients} 份")
    import web_data

    from tests.e2e.liveserver import live_server

    summary: dict[str, dict[str, dict[str, float]]] = {}
    with live_server(data_dir, demo=False, options=args.serve_options.split()) as server:
        print(server.output[-1].strip(), flush=True)
        sc = Scenario([server.url], [server.process.pid], round_pk,
                      (web_data.REVIEWER, web_data.PASSWORD), fillers,
                      args.requests, args.max_seconds, think)  # fmt: skip
        half = args.clients // 2
        plans = {
            "overview": (args.clients, 0),
            "save": (0, args.clients),
            "mixed": (half, args.clients - half),
        }
        for phase in args.phases.split(","):
            res = run_phase(phase, sc, *plans[phase])
            summary[phase] = {
                kind: {
                    "n": len(t), "p50": percentile(t, 50), "p95": percentile(t, 95),
                    "p99": percentile(t, 99), "max": max(t), "errors": len(res.errors.get(kind, [])),
                    "loadavg": os.getloadavg()[0],
                    "server_cpu_ms_per_request": res.cpu_seconds * 1000 / max(1, sum(len(x) for x in res.times.values())),
                }
                for kind, t in res.times.items()
            }  # fmt: skip
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.data_dir is None:  # a temporary directory of our own (hundreds of MB)
        import shutil

        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
