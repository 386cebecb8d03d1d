"""The load benchmark: wrk against `crm serve` and the raw Starlette baseline, side by side.

    .venv/bin/python -m bench.load.run [--reuse] [--duration 15] [--rounds 3]

1. wrk (apt-get install -y wrk when missing); a PostgreSQL cluster seeded with 1M leads
   (bench/load/seed.py; `--reuse` keeps the cluster of an earlier run in --cluster-dir and
   only deletes the leads earlier runs created).
2. The API (`crm serve --workers 1`, CRM_ENV=production: request validation and JWT checks
   on, Swagger UI and response validation off) and the baseline
   (bench/baselines/starlette_app.py) under uvicorn, one worker each, the same event loop
   and HTTP implementation, no access log; both answers are compared once (same rows).
3. Scenarios list, detail, create and mix (60 % list, 25 % detail, 5 % create, 10 % pipeline
   count): per round a 3 s warm-up and a `--duration` run of wrk, API and baseline
   alternating (the order flips every round), each run on a server process started for it
   (`--no-fresh-servers`: one process for all), a run disturbed by other jobs run again; the
   median of the rounds is reported, with the server's and PostgreSQL's CPU time per request
   (from /proc). `--scenarios list,detail` runs only those.
4. The slow-report run: the mix against the API, once alone and once while a few clients
   fire a slow report back to back, with a 10 Hz probe of a detail request.
5. A py-spy profile of the API under the list scenario.

Writes bench/results/load.md. Everything started here (servers, PostgreSQL) is stopped at the
end, also on error or Ctrl-C.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import platform
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from importlib.metadata import version
from pathlib import Path
from typing import Any

import httpx

from bench.load.pg import DEFAULT_DIR, SETTINGS, Cluster
from bench.load.seed import APP_ROLE, Fixture, prepare, reset_writes

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
VENV = ROOT / ".venv" / "bin"
RESULTS = ROOT / "bench" / "results" / "load.md"
HOST = "127.0.0.1"
JWT_SECRET = "bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz"
UNUSED_PG = "postgresql://bench@127.0.0.1/unused"
SCENARIOS = ("list", "list_all", "detail", "create", "update", "search", "mix")
GOAL = 0.7  # API req/s ÷ baseline req/s (issue 12), with every check in place
CPU_GOAL = 1.5  # API server CPU per request ÷ the baseline's, at most (issue 12)
PIPELINE_REPORT = "/api/reports/pipeline"
PIPELINE_FALLBACK = "/api/leads?include_total=true&limit=1&status=new"
SEARCH_PATH = "/api/search?q=globex&limit=5"  # a word of many seeded names (bench.load.seed)
CLK_TCK = os.sysconf("SC_CLK_TCK")
POOL_MAX = 25  # the API's default pool size (Settings.db_pool_max); the baseline uses the same
API_BUDGET = "1000000/minute"  # the per-user budget (crm.ratelimit): counted, never spent by wrk
RLS_OFF_SCENARIOS = ("list", "detail", "create", "mix")  # rerun with the API as the owner


def log(message: str) -> None:
    print(f"[{datetime.now().strftime('%H:%M:%S')}] {message}", flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


# --- processes ----------------------------------------------------------------------------


_PF_KTHREAD = 0x00200000  # /proc/<pid>/stat flags: a kernel thread

# pid -> (ppid, utime + stime in ticks) for every process but the kernel's threads
ProcTable = dict[int, tuple[int, int]]


def _proc_table() -> ProcTable:
    """pid -> (ppid, utime + stime in ticks) for every user-space process (no kernel thread:
    the softirq work of the benchmark's own loopback traffic runs in ksoftirqd)."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[6]) & _PF_KTHREAD:
            continue
        table[int(entry)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
    return table


def _tree(roots: Sequence[int], table: ProcTable) -> set[int]:
    """`roots` and their descendants (live ones)."""
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in table.items():
        children.setdefault(ppid, []).append(pid)
    stack, seen = list(roots), set()
    while stack:
        pid = stack.pop()
        if pid in seen or pid not in table:
            continue
        seen.add(pid)
        stack.extend(children.get(pid, ()))
    return seen


def tree_cpu_ticks(roots: Sequence[int], table: ProcTable | None = None) -> int:
    """CPU ticks used so far by `roots` and their descendants (live ones)."""
    table = _proc_table() if table is None else table
    return sum(table[pid][1] for pid in _tree(roots, table))


def others_ticks(before: ProcTable, after: ProcTable, ours: Sequence[int]) -> int:
    """CPU ticks other jobs' processes used between two tables: every user-space process but
    `ours` and their descendants (one that started in between counts whole, one that ended
    in between is missed)."""
    mine = _tree(ours, after)
    return sum(
        max(0, ticks - (before[pid][1] if pid in before else 0))  # 0: a pid used again
        for pid, (_, ticks) in after.items()
        if pid not in mine
    )


@dataclass
class Server:
    name: str
    cmd: list[str]
    env: dict[str, str]
    port: int
    proc: subprocess.Popen[bytes] | None = None
    log_path: Path = field(default_factory=Path)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self, log_dir: Path, log_name: str | None = None) -> None:
        self.log_path = log_dir / f"{log_name or self.name}.log"
        with self.log_path.open("wb") as out:
            self.proc = subprocess.Popen(
                self.cmd,
                env=self.env,
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait_ready(self, path: str, headers: dict[str, str], timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited:\n{self.log_tail()}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(self.url + path, headers=headers, timeout=5).status_code == 200:
                    return
            time.sleep(0.3)
        raise RuntimeError(f"{self.name} not ready after {timeout} s:\n{self.log_tail()}")

    def restart(self, path: str, headers: dict[str, str]) -> None:
        """A new process in place of this one (same command, same log file), once `path`
        answers 200."""
        self.stop()
        self.start(self.log_path.parent, self.log_path.stem)
        self.wait_ready(path, headers)

    def log_tail(self) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-30:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)


def server_flags() -> list[str]:
    """The uvicorn implementation flags both servers get: uvloop and httptools when present."""
    flags = []
    for module, flag in (("uvloop", "--loop=uvloop"), ("httptools", "--http=httptools")):
        with contextlib.suppress(ImportError):
            __import__(module)
            flags.append(flag)
    return flags


def crm_serve_available() -> bool:
    crm = VENV / "crm"
    if not crm.exists():
        return False
    result = subprocess.run(
        [str(crm), "serve", "--help"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return result.returncode == 0 and "--workers" in result.stdout


def api_server(cluster: Cluster, fixture: Fixture, *, rls: bool = True) -> Server:
    """`crm serve` as production runs it on PostgreSQL: connected as a member of crm_app behind
    the tenant_wall policies (`rls`; else as the tables' owner, a superuser, DB_ROW_SECURITY
    off), the per-user budget counted, one JSON access line per request."""
    port = free_port()
    owner = cluster.url(fixture.database)
    env = {
        **os.environ,
        "DATABASE_URL": cluster.url(fixture.database, user=APP_ROLE) if rls else owner,
        "MIGRATION_DATABASE_URL": owner,
        "DB_ROW_SECURITY": "true" if rls else "false",
        "CRM_ENV": "production",
        "JWT_SECRET": JWT_SECRET,
        "LOG_LEVEL": "INFO",  # the access line (crm.observability), into the server's log file
        "LOG_FORMAT": "json",
        "DB_POOL_MIN": "10",
        "DB_POOL_MAX": str(POOL_MAX),
        # wrk drives one user far beyond any person's budget: the limiter counts every request,
        # as in production, under a budget wrk cannot spend (no 429 measured instead of the API)
        "RATE_LIMIT_API": API_BUDGET,
    }
    if crm_serve_available():
        cmd = [str(VENV / "crm"), "serve", "--host", HOST, "--port", str(port), "--workers", "1"]
    else:
        log("`crm serve` is not available: serving crm.app.create_app with uvicorn directly")
        cmd = [
            str(VENV / "uvicorn"),
            "bench.load.api_app:create",
            "--factory",
            "--host",
            HOST,
            "--port",
            str(port),
            "--workers",
            "1",
            "--no-access-log",
            "--log-level",
            "warning",
            *server_flags(),
        ]
    return Server("api", cmd, env, port)


def baseline_server(cluster: Cluster, fixture: Fixture) -> Server:
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": cluster.url(fixture.database),
        "BENCH_TENANT_ID": fixture.tenant_id,
        "BENCH_USER_ID": fixture.user_id,
        "BENCH_SESSION_ID": fixture.session_id,
        "BENCH_ROLE": fixture.role,
        "BENCH_WRITER_ID": fixture.writer_id,
        "BENCH_WRITER_SESSION_ID": fixture.writer_session_id,
        "BENCH_ADMIN_ID": fixture.admin_id,
        "BENCH_ADMIN_SESSION_ID": fixture.admin_session_id,
    }
    cmd = [
        str(VENV / "uvicorn"),
        "bench.baselines.starlette_app:app",
        "--host",
        HOST,
        "--port",
        str(port),
        "--workers",
        "1",
        "--no-access-log",
        "--log-level",
        "warning",
        *server_flags(),
    ]
    return Server("baseline", cmd, env, port)


def mint_token(fixture: Fixture, who: str = "user") -> str:
    """An access token for the bench user, the writer or the admin (12 h: one run)."""
    from crm import auth
    from crm.settings import Settings

    # only the signing settings are used; production refuses to start without PostgreSQL
    production = {"CRM_ENV": "production", "JWT_SECRET": JWT_SECRET, "DATABASE_URL": UNUSED_PG}
    auth.configure(Settings.from_env(production))
    user, session, role = {
        "user": (fixture.user_id, fixture.session_id, fixture.role),
        "writer": (fixture.writer_id, fixture.writer_session_id, "user"),
        "admin": (fixture.admin_id, fixture.admin_session_id, "admin"),
    }[who]
    return auth.issue_access_token(
        user_id=user,
        tenant_id=fixture.tenant_id,
        role=role,
        session_id=session,
        lifetime=timedelta(hours=12),
    )


# --- wrk ----------------------------------------------------------------------------------


@dataclass
class Load:
    threads: int
    connections: int
    duration: int
    warmup: int
    token: str
    writer_token: str
    ids_file: Path
    pipeline: str
    admin_token: str = ""
    search: str = SEARCH_PATH

    def cmd(self, url: str, scenario: str, seconds: int) -> list[str]:
        return [
            "wrk",
            f"-t{self.threads}",
            f"-c{self.connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(HERE / f"{scenario}.lua"),
            url,
            "--",
            self.token,
            self.writer_token,
            str(self.ids_file),
            self.pipeline,
            self.admin_token or self.token,
            self.search,
        ]

    def shown(self, scenario: str) -> str:
        cmd = self.cmd("http://127.0.0.1:PORT", scenario, self.duration)
        cmd[cmd.index("--") + 1 :] = [
            "$TOKEN", "$WRITER_TOKEN", "$LEAD_IDS", f"'{self.pipeline}'", "$ADMIN_TOKEN",
            f"'{self.search}'",
        ]  # fmt: skip
        return " ".join(c.replace(str(ROOT) + "/", "") for c in cmd)


def parse_wrk(stdout: str) -> dict[str, Any]:
    for line in reversed(stdout.splitlines()):
        if line.startswith('{"scenario"'):
            result: dict[str, Any] = json.loads(line)
            return result
    raise RuntimeError(f"no result line from wrk:\n{stdout}")


def busy_ticks() -> int:
    """CPU ticks the whole machine has spent busy (all CPUs) since boot."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(fields) - fields[3] - fields[4]  # minus idle and iowait


QUIET = {"threshold": 10.0, "patience": 120.0}  # --quiet-threshold, --quiet-patience


def wait_for_quiet() -> float:
    """Wait (up to --quiet-patience s) until the machine is idle but for us: other jobs' CPU
    over 1 s below --quiet-threshold % (our servers and PostgreSQL are idle between runs).
    The share seen last."""
    threshold = QUIET["threshold"]
    deadline = time.monotonic() + QUIET["patience"]
    while True:
        before = busy_ticks()
        time.sleep(1.0)
        share = 100 * (busy_ticks() - before) / CLK_TCK / (os.cpu_count() or 1)
        if share < threshold or time.monotonic() > deadline:
            return share
        log(f"waiting for other jobs to finish: {share:.0f} % of the CPU busy")
        time.sleep(4.0)


def run_wrk(
    load: Load, server: Server, scenario: str, seconds: int, pg_pid: int | None
) -> dict[str, Any]:
    """One wrk run; adds CPU ms per request of the server, PostgreSQL and wrk, and the share
    of the machine's CPU other jobs' processes took (they disturb the run; kernel threads are
    not counted: ksoftirqd carries the benchmark's own loopback traffic, more of it the more
    requests a server answers)."""
    assert server.proc is not None
    before_table = _proc_table()
    before_server = tree_cpu_ticks([server.proc.pid], before_table)
    before_pg = tree_cpu_ticks([pg_pid], before_table) if pg_pid else 0
    before_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    wrk = subprocess.Popen(load.cmd(server.url, scenario, seconds), stdout=subprocess.PIPE)
    stdout, _ = wrk.communicate()
    elapsed = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = parse_wrk(stdout.decode())
    per_request = 1000 / max(result["requests"], 1)
    after_table = _proc_table()
    server_ticks = tree_cpu_ticks([server.proc.pid], after_table) - before_server
    pg_ticks = tree_cpu_ticks([pg_pid], after_table) - before_pg if pg_pid else 0
    wrk_seconds = (children.ru_utime - before_children.ru_utime) + (
        children.ru_stime - before_children.ru_stime
    )
    result["server_cpu_ms"] = server_ticks / CLK_TCK * per_request
    result["pg_cpu_ms"] = pg_ticks / CLK_TCK * per_request
    result["wrk_cpu_ms"] = wrk_seconds * per_request
    # This process and its children (both servers, wrk) and PostgreSQL are the benchmark; the
    # rest is other jobs'.
    ours = [os.getpid(), *([pg_pid] if pg_pid else [])]
    other = others_ticks(before_table, after_table, ours) / CLK_TCK
    result["other_cpu_pct"] = 100 * other / (elapsed * (os.cpu_count() or 1))
    result["non_2xx"] = result["errors"]["status"]
    result["failed"] = sum(result["errors"].values())
    return result


# --disturbed-threshold, --disturbed-retries
DISTURBED = {"threshold": 5.0, "retries": 2}


def measured_run(load: Load, server: Server, scenario: str, pg_pid: int | None) -> dict[str, Any]:
    """A warm-up and a measured run of `scenario`; the measured run again (warm-up included)
    while other jobs took more than DISTURBED["threshold"] % of the machine during it, at most
    DISTURBED["retries"] times. On 2 cores another job's burst lands on whichever server is
    being measured; the run kept is the last, `reruns` says how many were dropped."""
    reruns = 0
    while True:
        wait_for_quiet()
        run_wrk(load, server, scenario, load.warmup, pg_pid)
        result = run_wrk(load, server, scenario, load.duration, pg_pid)
        if result["other_cpu_pct"] <= DISTURBED["threshold"] or reruns >= DISTURBED["retries"]:
            result["reruns"] = reruns
            return result
        reruns += 1
        log(
            f"{scenario:7} {server.name:8} disturbed: other jobs took "
            f"{result['other_cpu_pct']:.0f} % of the machine; again"
        )


def median_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    keys = ("rps", "p50_ms", "p95_ms", "p99_ms", "server_cpu_ms", "pg_cpu_ms", "wrk_cpu_ms")
    out: dict[str, Any] = {k: statistics.median(r[k] for r in runs) for k in keys if k in runs[0]}
    out["failed"] = sum(r["failed"] for r in runs)
    out["requests"] = sum(r["requests"] for r in runs)
    out["rounds"] = [round(r["rps"]) for r in runs]
    out["other_cpu_pct"] = max(r["other_cpu_pct"] for r in runs)
    out["reruns"] = sum(r.get("reruns", 0) for r in runs)
    return out


def benchmark(
    load: Load,
    servers: Sequence[Server],
    rounds: int,
    pg_pid: int | None,
    reset: Callable[[], None],
    scenarios: Sequence[str] = SCENARIOS,
    restart: Callable[[Server], None] | None = None,
) -> dict[str, dict[str, dict[str, Any]]]:
    """Per scenario, `rounds` measured runs of each server, alternating (the order flips every
    round); `restart`, when given, starts a server afresh before each of its runs. A server
    process keeps its own speed for its whole life: five starts of the API, measured in
    process (bench.inprocess's way, detail), had medians from 570 to 850 µs per request while
    the blocks within each stayed within about 5 % of one another. With one process per
    server for every round, one unlucky start decided a scenario; a new process per round
    samples that too, for both servers alike."""
    results: dict[str, dict[str, dict[str, Any]]] = {}
    for scenario in scenarios:
        reset()
        runs: dict[str, list[dict[str, Any]]] = {s.name: [] for s in servers}
        for r in range(rounds):
            order = servers if r % 2 == 0 else list(reversed(servers))
            for server in order:
                if restart is not None:
                    restart(server)
                result = measured_run(load, server, scenario, pg_pid)
                runs[server.name].append(result)
                log(
                    f"{scenario:7} round {r + 1} {server.name:8} {result['rps']:8.0f} req/s  "
                    f"p50 {result['p50_ms']:.2f} p99 {result['p99_ms']:.2f} ms  "
                    f"cpu {result['server_cpu_ms']:.2f} ms/req pg {result['pg_cpu_ms']:.2f}  "
                    f"other {result['other_cpu_pct']:.0f}%  failed {result['failed']}"
                )
        results[scenario] = {name: median_of(r) for name, r in runs.items()}
    return results


# --- correctness check of the two servers -------------------------------------------------


def compare_answers(
    api: Server, baseline: Server, load: Load, ids: list[str], pipeline: str
) -> str:
    """Both servers give the same answer to the benchmark's requests (bar new ids/times)."""
    headers = {"Authorization": f"Bearer {load.token}"}
    notes = []
    for path in ("/api/leads?limit=25", "/api/leads?limit=25&offset=50", f"/api/leads/{ids[0]}"):
        a = httpx.get(api.url + path, headers=headers, timeout=30)
        b = httpx.get(baseline.url + path, headers=headers, timeout=30)
        same = a.status_code == b.status_code == 200 and a.json() == b.json()
        notes.append(f"`GET {path}`: {'identical' if same else 'DIFFERENT'} ({a.status_code})")
        if not same:
            log(f"answers differ for {path}: {a.text[:300]} vs {b.text[:300]}")
    checks = [("/api/leads?q=globex&limit=25&offset=25", headers), (load.search, headers)]
    if load.admin_token:
        checks.append(
            ("/api/leads/all?limit=25&offset=25", {"Authorization": f"Bearer {load.admin_token}"})
        )
    for path, who in checks:
        a = httpx.get(api.url + path, headers=who, timeout=30)
        b = httpx.get(baseline.url + path, headers=who, timeout=30)
        same = a.status_code == b.status_code == 200 and a.json() == b.json()
        notes.append(f"`GET {path}`: {'identical' if same else 'DIFFERENT'} ({a.status_code})")
        if not same:
            log(f"answers differ for {path}: {a.text[:300]} vs {b.text[:300]}")
    changed = []
    for server in (api, baseline):
        response = httpx.patch(
            f"{server.url}/api/leads/{ids[-1]}", json={"city": "Compare"}, headers=headers,
            timeout=30,
        )  # fmt: skip
        data = response.json().get("data", {}) if response.status_code == 200 else {}
        changed.append((response.status_code, {k: v for k, v in data.items() if k != "updated_at"}))
    same = changed[0] == changed[1] and changed[0][0] == 200
    notes.append(
        f"`PATCH /api/leads/{{id}}`: {'identical' if same else 'DIFFERENT'} ({changed[0][0]})"
    )
    if pipeline == PIPELINE_FALLBACK:
        a = httpx.get(api.url + pipeline, headers=headers, timeout=30)
        b = httpx.get(baseline.url + pipeline, headers=headers, timeout=30)
        same = a.status_code == b.status_code == 200 and a.json() == b.json()
        notes.append(f"`GET {pipeline}`: {'identical' if same else 'DIFFERENT'} ({a.status_code})")
    body = {
        "name": "Compare",
        "email": "compare@example.com",
        "status": "new",
        "phone_label": "work",
    }
    volatile = ("id", "created_at", "updated_at")
    created = []
    for server in (api, baseline):
        writer = {"Authorization": f"Bearer {load.writer_token}"}
        response = httpx.post(server.url + "/api/leads", json=body, headers=writer, timeout=30)
        data = response.json().get("data", {}) if response.status_code == 201 else {}
        created.append((response.status_code, {k: v for k, v in data.items() if k not in volatile}))
    same = created[0] == created[1] and created[0][0] == 201
    notes.append(f"`POST /api/leads`: {'identical' if same else 'DIFFERENT'} ({created[0][0]})")
    return "; ".join(notes)


# --- the slow-report run ------------------------------------------------------------------


SLOW_CANDIDATES = (
    "/api/reports/pipeline",
    "/api/reports/lead-source",
    "/api/reports/conversion-rate",
    "/api/reports/user-activity",
    "/api/reports/revenue-forecast",
    "/api/leads/all?q=zzz&include_total=true&limit=100",
    "/api/leads/all?q=zzz&include_total=true&limit=100&sort_by=name",
)


def pick_slow_request(api: Server, admin_token: str) -> tuple[str, float, list[str]]:
    """The slowest of the candidates that answers 200 (as an admin: whole-tenant reports)."""
    headers = {"Authorization": f"Bearer {admin_token}"}
    timings = []
    seen = []
    for path in SLOW_CANDIDATES:
        durations = []
        status = 0
        for _ in range(3):
            t = time.perf_counter()
            status = httpx.get(api.url + path, headers=headers, timeout=120).status_code
            durations.append(time.perf_counter() - t)
        seen.append(f"`{path}` {status} {statistics.median(durations) * 1000:.0f} ms")
        if status == 200:
            timings.append((statistics.median(durations), path))
    if not timings:
        raise RuntimeError("no slow request candidate answered 200: " + "; ".join(seen))
    seconds, path = max(timings)
    return path, seconds, seen


async def _slow_phase(
    load: Load, api: Server, slow_path: str | None, slow_clients: int, probe_id: str, admin: str
) -> dict[str, Any]:
    probe_headers = {"Authorization": f"Bearer {load.token}"}
    slow_headers = {"Authorization": f"Bearer {admin}"}
    limits = httpx.Limits(max_connections=100)
    probes: list[tuple[float, float, int]] = []  # (sent at, latency, status)
    slow: list[tuple[float, int]] = []
    start = time.perf_counter()
    stop_slow = asyncio.Event()
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:

        async def probe_once(sent: float) -> None:
            try:
                r = await client.get(f"{api.url}/api/leads/{probe_id}", headers=probe_headers)
                status = r.status_code
            except httpx.HTTPError:
                status = 0
            probes.append((sent - start, time.perf_counter() - sent, status))

        async def prober() -> None:
            tasks = []
            tick = 0
            while time.perf_counter() - start < load.duration:
                tasks.append(asyncio.create_task(probe_once(time.perf_counter())))
                tick += 1
                await asyncio.sleep(max(0.0, start + tick * 0.1 - time.perf_counter()))
            await asyncio.gather(*tasks)

        async def slow_client() -> None:
            await asyncio.sleep(2.0)  # the mix runs alone for 2 s first
            while not stop_slow.is_set():
                t = time.perf_counter()
                try:
                    r = await client.get(api.url + str(slow_path), headers=slow_headers)
                    status = r.status_code
                except httpx.HTTPError:
                    status = 0
                slow.append((time.perf_counter() - t, status))

        wrk = await asyncio.create_subprocess_exec(
            *load.cmd(api.url, "mix", load.duration), stdout=asyncio.subprocess.PIPE
        )
        slow_tasks = [asyncio.create_task(slow_client()) for _ in range(slow_clients)]
        probe_task = asyncio.create_task(prober())
        stdout, _ = await wrk.communicate()
        stop_slow.set()
        await probe_task
        await asyncio.gather(*slow_tasks)
    mix = parse_wrk(stdout.decode())
    latencies = sorted(p[1] * 1000 for p in probes)
    done = sorted(sent + latency for sent, latency, _ in probes)
    gaps = [b - a for a, b in itertools.pairwise(done)]
    return {
        "mix": mix,
        "probe_count": len(probes),
        "probe_failed": sum(1 for p in probes if p[2] != 200),
        "probe_p50_ms": statistics.median(latencies),
        "probe_p99_ms": latencies[int(len(latencies) * 0.99) - 1],
        "probe_max_ms": latencies[-1],
        "probe_max_gap_ms": max(gaps, default=0.0) * 1000,
        "slow_done": len(slow),
        "slow_failed": sum(1 for s in slow if s[1] != 200),
        "slow_median_s": statistics.median([s[0] for s in slow]) if slow else 0.0,
        "slow_max_s": max((s[0] for s in slow), default=0.0),
    }


def slow_report_run(
    load: Load, api: Server, admin_token: str, probe_id: str, slow_clients: int
) -> dict[str, Any]:
    path, seconds, candidates = pick_slow_request(api, admin_token)
    log(f"slow request: {path} ({seconds * 1000:.0f} ms alone); candidates: {candidates}")
    wait_for_quiet()
    run_wrk(load, api, "mix", load.warmup, None)
    alone = asyncio.run(_slow_phase(load, api, None, 0, probe_id, admin_token))
    log(f"mix alone: {alone['mix']['rps']:.0f} req/s, probe max {alone['probe_max_ms']:.0f} ms")
    wait_for_quiet()
    loaded = asyncio.run(_slow_phase(load, api, path, slow_clients, probe_id, admin_token))
    log(
        f"mix + {slow_clients} slow clients: {loaded['mix']['rps']:.0f} req/s, "
        f"probe max {loaded['probe_max_ms']:.0f} ms, slow done {loaded['slow_done']}"
    )
    return {
        "path": path,
        "alone_ms": seconds * 1000,
        "candidates": candidates,
        "clients": slow_clients,
        "without": alone,
        "with": loaded,
    }


# --- profile ------------------------------------------------------------------------------


PROFILE_RATE = 250  # Hz


def profile(
    load: Load, server: Server, scenario: str, out_dir: Path, seconds: int = 10
) -> dict[str, Any]:
    """py-spy on `server` for `seconds` while wrk runs `scenario`; a summary of the stacks."""
    assert server.proc is not None
    pid = serving_pid(server.proc.pid)
    raw = out_dir / f"{server.name}-{scenario}.pyspy.txt"
    wait_for_quiet()
    wrk = subprocess.Popen(load.cmd(server.url, scenario, seconds + 4), stdout=subprocess.PIPE)
    time.sleep(2)
    before = tree_cpu_ticks([pid])
    spy = subprocess.run(
        [
            str(VENV / "py-spy"), "record", "--pid", str(pid), "--duration", str(seconds),
            "--rate", str(PROFILE_RATE), "--format", "raw", "--output", str(raw), "--nonblocking",
        ],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    cpu_seconds = (tree_cpu_ticks([pid]) - before) / CLK_TCK
    stdout, _ = wrk.communicate()
    if spy.returncode != 0 or not raw.exists():
        return {"error": spy.stderr[-2000:]}
    rps = parse_wrk(stdout.decode())["rps"]
    summary = summarise_profile(
        raw.read_text(), cpu_ms_per_request=cpu_seconds * 1000 / (rps * seconds)
    )
    summary.update(rps=rps, file=str(raw), server=server.name, scenario=scenario)
    return summary


def serving_pid(root: int) -> int:
    """The process that serves: `crm serve` may run uvicorn in a child process."""
    children = [pid for pid, (ppid, _) in _proc_table().items() if ppid == root]
    return children[0] if len(children) == 1 else root


_FRAME = re.compile(r"^(?P<func>.*) \((?P<file>[^()]*?)(?::\d+)?\)$")
# (layer, path prefixes): a sample belongs to the layer of its innermost frame outside the
# standard library (stdlib frames count for whoever called them)
LAYERS = (
    ("database driver (psycopg, psycopg_pool)", ("psycopg/", "psycopg_pool/")),
    (
        "request validation (connexion validators, crm/openapi31, jsonschema)",
        ("connexion/validators/", "crm/openapi31.py", "jsonschema/", "jsonschema_specifications/",
         "referencing/", "rpds"),
    ),
    ("JWT verification (crm/auth, jwt)", ("crm/auth.py", "jwt/")),
    ("response body (crm/responses, orjson)", ("crm/responses.py", "orjson")),
    ("connexion (routing, security, parameters, decorators, middleware)", ("connexion/",)),
    ("starlette", ("starlette/",)),
    ("uvicorn (HTTP protocol, httptools)", ("uvicorn/", "httptools/")),
    ("crm app code (scope, listing, db, middleware, handlers)", ("crm/", "handlers/", "crm:")),
    ("baseline app code", ("bench/", "baselines/")),
)  # fmt: skip
STDLIB = frozenset(sys.stdlib_module_names)


def _is_stdlib(path: str) -> bool:
    return path.split("/", 1)[0].removesuffix(".py") in STDLIB or path.startswith("<")


EVENT_LOOP = "event loop (uvloop's C code: polling, socket I/O, callbacks)"


def _layer(frames: list[tuple[str, str]]) -> str:
    if frames[-1][1].startswith(("asyncio/runners.py", "asyncio/base_events.py")):
        return EVENT_LOOP  # the innermost Python frame is the loop's own run call
    for _, path in reversed(frames):
        if _is_stdlib(path):
            continue
        for name, prefixes in LAYERS:
            if path.startswith(prefixes):
                return name
        return "other (other packages, torn samples)"
    return "stdlib only"


def summarise_profile(raw: str, cpu_ms_per_request: float) -> dict[str, Any]:
    """Samples per layer and per function (self time), as % and as CPU ms per request.

    On a saturated 2-core machine the server is often runnable but waiting for a CPU, and
    py-spy counts those samples as active (where it was preempted), so the sample count
    overstates CPU time; the split is still proportional, so ms/req is the layer's share of
    the CPU time /proc measured over the same window."""
    total = 0
    layers: Counter[str] = Counter()
    functions: Counter[str] = Counter()
    for line in raw.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        frames = [(m["func"], m["file"]) for f in stack.split(";") if (m := _FRAME.match(f))]
        if not frames:
            continue
        count = int(count_text)
        total += count
        layers[_layer(frames)] += count
        func, path = frames[-1]
        functions[f"{path}: {func}"] += count
    ms_per_sample = cpu_ms_per_request / max(total, 1)

    def rows(counter: Counter[str], n: int) -> list[tuple[str, float, float]]:
        return [(k, 100 * v / max(total, 1), v * ms_per_sample) for k, v in counter.most_common(n)]

    return {
        "samples": total,
        "cpu_ms_per_request": cpu_ms_per_request,
        "layers": rows(layers, 20),
        "functions": rows(functions, 25),
    }


# --- the statements in PostgreSQL --------------------------------------------------------


EXPLAINED = (
    "list page (user), as one OR statement: the plan before issue 12",
    "list page (user)",
    "list page, offset 75 (user)",
    "list page (admin, /all)",
    "detail",
    "count (pipeline fallback)",
    "search, leads (user)",
)


def one_statement_page(lead: Any) -> Any:
    """The user's default list page as one statement with the owner rule's OR, as
    crm.listing built it before issue 12 (same rows, same order; the comparison of plans)."""
    import sqlalchemy as sa

    from crm.db import Query
    from crm.statements import api_columns, scoped, table_of, visible_to_caller

    def build() -> sa.Select[Any]:
        table = table_of(lead)
        owner_rule = visible_to_caller(lead)
        assert owner_rule is not None  # leads have the owner rule
        return (
            sa.select(*api_columns(lead))
            .where(*scoped(table), owner_rule, table.c.deleted_at.is_(None))
            .order_by(table.c.created_at.desc(), table.c.id.desc())
            .limit(sa.bindparam("limit", type_=sa.Integer()))
            .offset(sa.bindparam("offset", type_=sa.Integer()))
        )

    return Query(("bench-one-statement-page",), build)


def explain_statements(cluster: Cluster, fixture: Fixture, lead_id: str) -> list[str]:
    """EXPLAIN ANALYZE of the benchmark's read statements, as the API compiles them."""
    import uuid

    import psycopg
    import psycopg.sql

    from bench.load.spec import list_request
    from crm import listing, statements
    from crm.db import SET_TENANT_LOCAL, open_database
    from crm.settings import Settings
    from generated.python.resources import RESOURCES

    lead = RESOURCES["Lead"]
    compiler = open_database(Settings.from_env({"DATABASE_URL": cluster.conninfo()}))
    scope = {
        "_tid": uuid.UUID(fixture.tenant_id),
        "_uid": uuid.UUID(fixture.user_id),
        "_sid": uuid.UUID(fixture.session_id),
        "_role": fixture.role,
    }
    page = list_request(lead, "/leads")
    later = list_request(lead, "/leads", offset=75)
    status = list_request(lead, "/leads", limit=1, status="new")
    admin = {
        **scope,
        "_uid": uuid.UUID(fixture.admin_id),
        "_sid": uuid.UUID(fixture.admin_session_id),
        "_role": "admin",
    }
    search = {"q": listing.like_pattern("globex"), "limit": 6, "offset": 0}
    cases = [
        (EXPLAINED[0], one_statement_page(lead), page.params(), scope),
        (EXPLAINED[1], listing.page_query(lead, page, visible=True), page.params(), scope),
        (EXPLAINED[2], listing.page_query(lead, later, visible=True), later.params(), scope),
        (EXPLAINED[3], listing.page_query(lead, page, visible=False), page.params(), admin),
        (EXPLAINED[4], statements.get(lead, visible=True), {"id": lead_id}, scope),
        (EXPLAINED[5], listing.count_query(lead, status, visible=True), status.params(), scope),
        (EXPLAINED[6], listing.search_query(lead, visible=True), search, scope),
    ]  # fmt: skip
    keep = ("Limit", "Sort", "Scan", "Aggregate", "BitmapOr", "Incremental", "Append", "Execution")
    lines = []
    with psycopg.connect(cluster.conninfo(fixture.database), autocommit=True) as conn:
        for name, query, params, caller in cases:
            sql = compiler.compile(query).sql
            values = {**caller, **params}
            # as the API runs it: its role, behind the tenant_wall policies of its tenant
            with conn.transaction():
                conn.execute(f"SET LOCAL ROLE {APP_ROLE}")
                conn.execute(SET_TENANT_LOCAL.format(psycopg.sql.Literal(fixture.tenant_id)))
                for _ in range(5):  # warm the cache: the runs see a warm cache too
                    conn.execute(sql, values).fetchall()
                explained = conn.execute("EXPLAIN (ANALYZE) " + sql, values).fetchall()
            plan = [r[0] for r in explained]
            shown = [p for p in plan if any(k in p for k in keep) and "guard" not in p]
            lines += [f"{name}:", "", "```", *shown, "```", ""]
    return lines


# --- report -------------------------------------------------------------------------------


def code_state() -> str:
    """The commit and the uncommitted changes of the code the API runs."""
    git = subprocess.run(
        ["git", "log", "-1", "--format=%h %s"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "crm", "handlers", "generated", "openapi.yaml"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    ).stdout.split("\n")  # fmt: skip
    changed = sorted(line[3:] for line in dirty if line.strip())
    return f"commit {git}" + (f"; uncommitted changes in {', '.join(changed)}" if changed else "")


def machine_info(cluster: Cluster, code: str) -> list[str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    mem = next(
        line.split()[1]
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    debian = Path("/etc/debian_version").read_text().strip()
    pg = subprocess.run(
        [str(cluster.bindir / "postgres"), "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False)
    packages = ", ".join(
        f"{p} {version(p)}"
        for p in (
            "connexion",
            "starlette",
            "uvicorn",
            "uvloop",
            "httptools",
            "psycopg",
            "psycopg-pool",
            "orjson",
            "PyJWT",
            "SQLAlchemy",
            "jsonschema",
        )
    )
    return [
        f"- Date: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- Code (when the servers started): {code}",
        f"- Machine: {os.cpu_count()} CPUs ({cpu}), {int(mem) // 1024 // 1024} GB RAM, "
        f"Debian {debian}, kernel {platform.release()}",
        f"- Python {platform.python_version()}; {packages}",
        f"- {pg}; settings: {', '.join(SETTINGS)}",
        f"- {(wrk.stdout or wrk.stderr).splitlines()[0].split(' Copyright')[0]}",
    ]


def ms3(r: dict[str, Any]) -> str:
    return f"{r['p50_ms']:.1f} / {r['p95_ms']:.1f} / {r['p99_ms']:.1f}"


def write_report(
    path: Path,
    *,
    cluster: Cluster,
    fixture: Fixture,
    seeded_now: bool,
    load: Load,
    rounds: int,
    api: Server,
    baseline: Server,
    results: dict[str, dict[str, dict[str, Any]]],
    rls_off: dict[str, dict[str, dict[str, Any]]],
    compare: str,
    slow: dict[str, Any] | None,
    profiles: list[dict[str, Any]],
    pipeline_note: str,
    plans: list[str],
    code: str,
    fresh: bool = True,
) -> None:
    lines = ["# Load benchmark: the API against a raw Starlette + psycopg baseline", ""]
    lines += [
        "Written by `.venv/bin/python -m bench.load.run` (bench/load/README.md). "
        f"Ratio = API req/s ÷ baseline req/s; goal ≥ {GOAL} on list, detail, create and the mix "
        f"(issue 12), server CPU per request within {CPU_GOAL} × the baseline's (✗ marks a "
        "miss of either), with every check in "
        "place (CRM_ENV=production: request validation, JWT verification and the per-statement "
        "session guard on; Swagger UI and response validation off).",
        "",
        *machine_info(cluster, code),
        "",
        "**On 2 cores, wrk, PostgreSQL and the server under test share the CPU** (and the idle "
        "other server is up too). Absolute numbers are low and move from run to run; both sides "
        "run under identical conditions, alternating, so the ratio is the meaningful number. "
        "CPU ms/req is measured from /proc over each measured run: the server's process tree, "
        "every PostgreSQL process, wrk itself; *server CPU ratio* = baseline ÷ API server CPU "
        "per request, i.e. the throughput ratio one would see if the server had a core to "
        "itself and the database cost nothing.",
        "",
    ]
    if results:
        lines += results_section(results, load, rounds, fresh=fresh)
        if rls_off:
            lines += rls_off_section(results, rls_off, load)
    lines += [
        "",
        f"Answers compared before the runs: {compare}.",
        "",
        "## What runs",
        "",
        f"- Data: 10 tenants, {fixture.leads_total:,} leads ({fixture.leads_in_tenant:,} in the "
        f"bench tenant, of which {fixture.leads_visible_to_user:,} visible to the bench user: "
        f"their own and the ones assigned to them), {fixture.clients_total:,} clients, "
        f"{fixture.projects_total:,} projects; loaded with COPY in "
        f"{fixture.seconds['total']:.0f} s ({', '.join(f'{k} {v} s' for k, v in fixture.seconds.items() if k != 'total')})"  # noqa: E501
        + ("" if seeded_now else ", in an earlier run (reused with `--reuse`)")
        + ". Every index the contracts declare (alembic upgrade head).",
        "- The bench user is a non-admin (`role: user`) of the 100k-lead tenant; every request "
        "carries one access token (HS256, minted with `crm.auth.issue_access_token`).",
        "- list: `GET /api/leads?limit=25&offset=` 0, 25, 50 or 75 as the bench user; list_all: "
        "the same pages of `GET /api/leads/all` as the tenant's admin; detail: "
        "`GET /api/leads/{id}` over the bench user's visible leads; create: `POST /api/leads` "
        '`{"name", "email", "status": "new", "phone_label": "work"}` (as the writer); update: '
        '`PATCH /api/leads/{id}` `{"city": ...}` over the bench user\'s visible leads; search: '
        f"`GET {load.search}` as the bench user (every resource with global search); mix: 45 % "
        "list, 5 % list_all, 20 % detail, 5 % create, 5 % update, 10 % search, 10 % pipeline "
        f"count ({pipeline_note}).",
        f"- API: `{' '.join(c.replace(str(ROOT) + '/', '') for c in api.cmd)}` "
        f"(CRM_ENV=production, pool 10..25; connected as `{APP_ROLE}`, a member of `crm_app`, "
        "so every statement runs behind the tenant_wall policies, DB_ROW_SECURITY on; "
        f"RATE_LIMIT_API={API_BUDGET}: the per-user budget is counted on every request, in "
        "memory, and never spent; LOG_LEVEL=INFO, LOG_FORMAT=json: one access line per "
        "request, written to the server's log file; metrics on, as production runs it).",
        f"- Baseline: `{' '.join(c.replace(str(ROOT) + '/', '') for c in baseline.cmd)}` "
        "(bench/baselines/starlette_app.py: the API's own compiled SQL, session guard included, "
        "same pool, orjson, no validation, no JWT).",
        "- wrk command lines:",
        "",
    ]
    lines += [f"      {load.shown(s)}" for s in results or SCENARIOS]
    lines += [""]
    lines += [
        "## The benchmark's statements in PostgreSQL",
        "",
        "EXPLAIN ANALYZE of the SQL both servers run (compiled by the API's builders, for the "
        f"bench user), as the API runs it (role `{APP_ROLE}`, `app.tenant_id` set: the "
        "tenant_wall policy's filter is in every plan), warm cache, before the runs; plan "
        "lines abridged to the main nodes "
        "(the session guard's one-time InitPlan is left out).",
        "",
        *plans,
    ]
    if slow is not None:
        lines += slow_section(slow, load)
    if profiles:
        lines += profile_section(profiles)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")


def results_section(
    results: dict[str, dict[str, dict[str, Any]]], load: Load, rounds: int, *, fresh: bool
) -> list[str]:
    started = (
        "each measured run on a server process started for it (a process keeps its own speed "
        "for its whole life: `benchmark` in bench/load/run.py)"
        if fresh
        else "one process per server for every round (--no-fresh-servers)"
    )
    lines = [
        "## Results",
        "",
        f"Median of {rounds} rounds of {load.duration} s (after a {load.warmup} s warm-up each), "
        f"wrk with {load.threads} thread(s) and {load.connections} connections, one uvicorn "
        f"worker per server, {started}. A run during which other jobs took more than "
        f"{DISTURBED['threshold']:.0f} % of the machine was run again, at most "
        f"{DISTURBED['retries']} times (the reruns column below). The API runs with row-level "
        "security on (connected as a member of `crm_app`; each pooled connection holds its "
        "tenant's `app.tenant_id`, set when it changes tenant).",
        "",
        *ratio_table(results, tuple(results)),
    ]
    bound = [
        f"{sc} (PostgreSQL {results[sc]['api']['pg_cpu_ms']:.1f} ms CPU per request against "
        f"the server's {results[sc]['api']['server_cpu_ms']:.1f})"
        for sc in results
        if results[sc]["api"]["pg_cpu_ms"] > 3 * results[sc]["api"]["server_cpu_ms"]
    ]
    if bound:
        lines += [
            "",
            f"Bound by the database: {'; '.join(bound)}. There both servers wait for the same "
            "statements, so the req/s ratio is close to 1 whatever the framework costs; the "
            "server CPU ratio is the framework's share (see the plans below for why these "
            "statements are expensive).",
        ]
    return lines + rounds_table(results)


def ratio_table(
    results: dict[str, dict[str, dict[str, Any]]], scenarios: Sequence[str]
) -> list[str]:
    lines = [
        "| scenario | API req/s | baseline req/s | ratio | API p50 / p95 / p99 ms "
        "| baseline p50 / p95 / p99 ms | server CPU ms/req API / base (ratio) "
        "| PG CPU ms/req API / base | failed API / base |",
        "|---|---:|---:|---:|---|---|---|---|---|",
    ]
    for scenario in scenarios:
        a, b = results[scenario]["api"], results[scenario]["baseline"]
        ratio = a["rps"] / b["rps"] if b["rps"] else 0.0
        cpu_ratio = b["server_cpu_ms"] / a["server_cpu_ms"] if a["server_cpu_ms"] else 0.0
        mark = "" if ratio >= GOAL else " ✗"
        cpu_mark = "" if cpu_ratio * CPU_GOAL >= 1 else " ✗"
        lines.append(
            f"| {scenario} | {a['rps']:.0f} | {b['rps']:.0f} | **{ratio:.2f}**{mark} | {ms3(a)} "
            f"| {ms3(b)} | {a['server_cpu_ms']:.2f} / {b['server_cpu_ms']:.2f} "
            f"({cpu_ratio:.2f}){cpu_mark} "
            f"| {a['pg_cpu_ms']:.2f} / {b['pg_cpu_ms']:.2f} | {a['failed']} / {b['failed']} |"
        )
    return lines


def rls_off_section(
    results: dict[str, dict[str, dict[str, Any]]],
    rls_off: dict[str, dict[str, dict[str, Any]]],
    load: Load,
) -> list[str]:
    lines = [
        "",
        "## What row-level security costs",
        "",
        "The same scenarios with the API connected as the tables' owner (a superuser, which "
        "passes every policy) and DB_ROW_SECURITY off: no `app.tenant_id` at all, "
        "only the Scope's tenant filter. One round each, against the baseline again, right "
        "after the runs above.",
        "",
        *ratio_table(rls_off, tuple(rls_off)),
        "",
        "| scenario | ratio RLS on / off | API server CPU ms/req RLS on / off "
        "| PG CPU ms/req RLS on / off |",
        "|---|---:|---|---|",
    ]
    for scenario in rls_off:
        on, off = results[scenario], rls_off[scenario]
        r_on = on["api"]["rps"] / on["baseline"]["rps"] if on["baseline"]["rps"] else 0.0
        r_off = off["api"]["rps"] / off["baseline"]["rps"] if off["baseline"]["rps"] else 0.0
        lines.append(
            f"| {scenario} | {r_on:.2f} / {r_off:.2f} "
            f"| {on['api']['server_cpu_ms']:.2f} / {off['api']['server_cpu_ms']:.2f} "
            f"| {on['api']['pg_cpu_ms']:.2f} / {off['api']['pg_cpu_ms']:.2f} |"
        )
    return [*lines, ""]


def rounds_table(results: dict[str, dict[str, dict[str, Any]]]) -> list[str]:
    lines = [
        "",
        "Req/s of each round, and the most CPU other jobs' processes took during a round "
        "(user-space processes other than the servers, PostgreSQL, wrk and the benchmark "
        "itself; kernel threads not counted, as ksoftirqd carries the benchmark's own "
        "loopback traffic):",
        "",
        "| scenario | API rounds | baseline rounds | wrk CPU ms/req API / base "
        "| other CPU, max % API / base | reruns API / base |",
        "|---|---|---|---|---|---|",
    ]
    for scenario in results:
        a, b = results[scenario]["api"], results[scenario]["baseline"]
        lines.append(
            f"| {scenario} | {a['rounds']} | {b['rounds']} "
            f"| {a['wrk_cpu_ms']:.2f} / {b['wrk_cpu_ms']:.2f} "
            f"| {a['other_cpu_pct']:.0f} / {b['other_cpu_pct']:.0f} "
            f"| {a.get('reruns', 0)} / {b.get('reruns', 0)} |"
        )
    return lines


def slow_section(slow: dict[str, Any], load: Load) -> list[str]:
    w, o = slow["with"], slow["without"]
    lines = [
        "## A slow report does not stall the other requests",
        "",
        f"The mix against the API for {load.duration} s, once alone and once while "
        f"{slow['clients']} clients (as the tenant's admin) send `GET {slow['path']}` back to "
        f"back from second 2 on (it takes {slow['alone_ms']:.0f} ms alone). Meanwhile a probe "
        "sends `GET /api/leads/{id}` every 100 ms, each on its own (it does not wait for the "
        "previous one), and records its latency; a stall would show as a long gap between two "
        "probe answers."
        + (
            " The slow request is the slowest of the candidates timed below: a counted search "
            "over the whole tenant is slower than any report."
            if slow["path"].startswith("/api/leads")
            else ""
        ),
        "",
        "| | mix req/s | mix p50 / p95 / p99 ms | mix failed | probe p50 / p99 / max ms "
        "| longest gap between probe answers ms | probe failed "
        "| slow requests done (median, max s) |",
        "|---|---:|---|---:|---|---:|---:|---|",
    ]
    for name, r in (("mix alone", o), (f"mix + {slow['clients']} slow clients", w)):
        m = r["mix"]
        lines.append(
            f"| {name} | {m['rps']:.0f} | {ms3(m)} | {sum(m['errors'].values())} "
            f"| {r['probe_p50_ms']:.1f} / {r['probe_p99_ms']:.1f} / {r['probe_max_ms']:.1f} "
            f"| {r['probe_max_gap_ms']:.0f} | {r['probe_failed']} of {r['probe_count']} "
            f"| {r['slow_done']} ({r['slow_median_s']:.2f}, {r['slow_max_s']:.2f})"
            + (f", {r['slow_failed']} failed" if r["slow_failed"] else "")
            + " |"
        )
    wm, om = w["mix"], o["mix"]
    failed = sum(wm["errors"].values()) + w["probe_failed"]
    lines += [
        "",
        f"While the slow requests ran, the mix completed {wm['requests']} requests "
        f"({wm['rps']:.0f}/s, {100 * (wm['rps'] / om['rps'] - 1):+.0f} % against alone), "
        f"{failed} failed, and no probe waited more than {w['probe_max_ms']:.0f} ms; the "
        f"longest gap between two probe answers was {w['probe_max_gap_ms']:.0f} ms "
        f"({o['probe_max_gap_ms']:.0f} ms alone). "
        + (
            "Throughput drops because the slow queries take PostgreSQL CPU on the same 2 cores, "
            "not because requests wait for one another: each slow request holds one pooled "
            f"connection only while its statements run (the pool has {POOL_MAX}), and no "
            "thread pool is involved (async handlers on psycopg's async pool)."
            if slow["clients"] < POOL_MAX
            else f"With {slow['clients']} slow requests in flight the pool ({POOL_MAX} "
            "connections) is exhausted: the other requests queue for a connection (up to "
            "DB_POOL_TIMEOUT, then a 503) and slow down to the pace at which slow ones finish, "
            "but they keep completing."
        ),
        "",
        "Candidates timed (admin token, median of 3, alone): " + "; ".join(slow["candidates"]),
        "",
    ]
    return lines


def profile_section(profiles: list[dict[str, Any]], seconds: int = 10) -> list[str]:
    lines = ["## Where the servers' CPU goes", ""]
    ok = [p for p in profiles if "error" not in p]
    for p in profiles:
        if "error" in p:
            lines += [f"py-spy failed: {p['error']}", ""]
    if not ok:
        return lines
    lines += [
        f"py-spy at {PROFILE_RATE} Hz for {seconds} s on the serving process while wrk runs "
        "the scenario (non-idle samples only; py-spy slows the process a little, so req/s are "
        "lower than above). A sample counts for the layer of its innermost frame outside the "
        "standard library. ms/req = the layer's share of the samples × the server's CPU time "
        "per request measured from /proc over the same window (on a saturated 2-core machine "
        "py-spy also samples the server while it waits for a CPU, so raw sample counts overstate "
        "CPU time; the split between layers is what they tell).",
        "",
        "| layer | " + " | ".join(f"{p['server']} {p['scenario']} % (ms/req)" for p in ok) + " |",
        "|---|" + "---:|" * len(ok),
    ]
    names = list(dict.fromkeys(name for p in ok for name, _, _ in p["layers"]))
    for name in names:
        cells = []
        for p in ok:
            found = next(((pct, ms) for n, pct, ms in p["layers"] if n == name), None)
            cells.append(f"{found[0]:.1f} ({found[1]:.3f})" if found else "")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines.append(
        "| **total CPU ms/req (req/s while sampled)** | "
        + " | ".join(f"**{p['cpu_ms_per_request']:.2f}** ({p['rps']:.0f})" for p in ok)
        + " |"
    )
    lines += [""]
    for p in ok:
        lines += [
            f"Top functions by self time, {p['server']} {p['scenario']} (`{p['file']}`):",
            "",
            "| function | % | ms/req |",
            "|---|---:|---:|",
            *[f"| `{k}` | {pct:.1f} | {ms:.3f} |" for k, pct, ms in p["functions"]],
            "",
        ]
    return lines


# --- main ---------------------------------------------------------------------------------


def ensure_wrk() -> None:
    if shutil.which("wrk"):
        return
    log("installing wrk (apt-get install -y wrk)")
    if subprocess.run(["apt-get", "install", "-y", "wrk"], check=False).returncode != 0:
        subprocess.run(["apt-get", "update"], check=True)
        subprocess.run(["apt-get", "install", "-y", "wrk"], check=True)


def pick_pipeline(api: Server, baseline: Server, token: str) -> tuple[str, str]:
    headers = {"Authorization": f"Bearer {token}"}
    a = httpx.get(api.url + PIPELINE_REPORT, headers=headers, timeout=30).status_code
    b = httpx.get(baseline.url + PIPELINE_REPORT, headers=headers, timeout=30).status_code
    if a == b == 200:
        return PIPELINE_REPORT, f"`GET {PIPELINE_REPORT}`"
    return PIPELINE_FALLBACK, (
        f"`GET {PIPELINE_FALLBACK}`: a page of 1 plus the count, because `GET "
        f"{PIPELINE_REPORT}` answered {a} on the API"
        + ("" if b == 200 else " and the baseline has no report route")
    )


@contextlib.contextmanager
def terminating() -> Iterator[None]:
    """SIGTERM/SIGHUP end the run like Ctrl-C, so the finally blocks stop everything."""

    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    previous = {s: signal.signal(s, handler) for s in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


def rls_off_benchmark(
    load: Load,
    api: Server,
    baseline: Server,
    cluster: Cluster,
    fixture: Fixture,
    args: argparse.Namespace,
    reset: Callable[[], None],
    headers: dict[str, str],
    *,
    scenarios: Sequence[str] = RLS_OFF_SCENARIOS,
    restart: Callable[[Server], None] | None = None,
) -> dict[str, dict[str, dict[str, Any]]]:
    """RLS_OFF_SCENARIOS again with a second API as the tables' owner, DB_ROW_SECURITY off; the
    RLS API is stopped meanwhile (the idle server costs nothing, but holds its pool) and
    started again for what follows."""
    api.stop()
    owner = api_server(cluster, fixture, rls=False)
    owner.name = "api"  # the results' key; its log file is api-owner.log
    try:
        owner.start(cluster.base, log_name="api-owner")
        owner.wait_ready("/api/leads?limit=1", headers)
        return benchmark(
            load,
            [owner, baseline],
            args.rls_off_rounds,
            cluster.postmaster_pid(),
            reset,
            scenarios,
            restart=restart,
        )
    finally:
        owner.stop()
        api.start(cluster.base)
        api.wait_ready("/api/leads?limit=1", headers)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reuse", action="store_true", help="reuse the seeded cluster")
    parser.add_argument("--cluster-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--duration", type=int, default=15, help="seconds per measured run")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--slow-clients", type=int, default=4)
    parser.add_argument("--skip-slow", action="store_true")
    parser.add_argument(
        "--slow-only",
        action="store_true",
        help="only the slow-report run (no scenarios, no profiles)",
    )
    parser.add_argument("--skip-profile", action="store_true")
    parser.add_argument(
        "--rls-off-rounds",
        type=int,
        default=1,
        help="rounds of list, detail, create and the mix with the API as the owner (0: none)",
    )
    parser.add_argument(
        "--fresh-servers",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="start each server afresh before each of its measured runs",
    )
    parser.add_argument(
        "--scenarios", default=",".join(SCENARIOS), help="which scenarios (default: all)"
    )
    parser.add_argument(
        "--disturbed-threshold",
        type=float,
        default=DISTURBED["threshold"],
        help="%% of the machine other jobs may take during a measured run before it is rerun",
    )
    parser.add_argument(
        "--disturbed-retries",
        type=int,
        default=DISTURBED["retries"],
        help="reruns of a disturbed run at most",
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument(
        "--quiet-threshold", type=float, default=10.0, help="%% CPU others may use between runs"
    )
    parser.add_argument(
        "--quiet-patience", type=float, default=120.0, help="seconds to wait for that, per run"
    )
    args = parser.parse_args(argv)
    QUIET.update(threshold=args.quiet_threshold, patience=args.quiet_patience)
    DISTURBED.update(threshold=args.disturbed_threshold, retries=args.disturbed_retries)
    scenarios = tuple(s for s in args.scenarios.split(",") if s)
    unknown = set(scenarios) - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenarios: {', '.join(sorted(unknown))}")

    ensure_wrk()
    reuse = args.reuse and (args.cluster_dir / "fixture.json").is_file()
    servers: list[Server] = []
    cluster: Cluster | None = None
    with terminating():
        try:
            cluster, fixture = prepare(args.cluster_dir, reuse=args.reuse)
            token = mint_token(fixture)
            admin_token = mint_token(fixture, "admin")
            ids_file = args.cluster_dir / "lead_ids.txt"
            ids = ids_file.read_text().split()
            plans = explain_statements(cluster, fixture, ids[0])
            api, baseline = api_server(cluster, fixture), baseline_server(cluster, fixture)
            servers = [api, baseline]
            code = code_state()
            for server in servers:
                server.start(args.cluster_dir)
            headers = {"Authorization": f"Bearer {token}"}
            api.wait_ready("/api/leads?limit=1", headers)
            baseline.wait_ready("/api/leads?limit=1", headers)
            log(f"api {api.url} (pid {api.proc.pid if api.proc else '?'}), baseline {baseline.url}")
            pipeline, pipeline_note = pick_pipeline(api, baseline, token)
            load = Load(
                threads=args.threads,
                connections=args.connections,
                duration=args.duration,
                warmup=args.warmup,
                token=token,
                writer_token=mint_token(fixture, "writer"),
                ids_file=ids_file,
                pipeline=pipeline,
                admin_token=admin_token,
            )
            compare = compare_answers(api, baseline, load, ids, pipeline)
            log(f"answers: {compare}")

            def reset() -> None:
                # every scenario starts from the seeded data: the leads the create runs added
                # (~100k+) change the list's plan and cost for everyone after them
                assert cluster is not None
                removed = reset_writes(cluster, fixture)
                if removed:
                    log(f"removed the {removed} leads created so far, VACUUM ANALYZE leads")

            def restart(server: Server) -> None:
                server.restart("/api/leads?limit=1", headers)

            fresh = restart if args.fresh_servers else None
            results = (
                {}
                if args.slow_only
                else benchmark(
                    load,
                    servers,
                    args.rounds,
                    cluster.postmaster_pid(),
                    reset,
                    scenarios,
                    restart=fresh,
                )
            )
            rls_off: dict[str, dict[str, dict[str, Any]]] = {}
            if args.rls_off_rounds and not args.slow_only:
                rls_off = rls_off_benchmark(
                    load,
                    api,
                    baseline,
                    cluster,
                    fixture,
                    args,
                    reset,
                    headers,
                    scenarios=[s for s in RLS_OFF_SCENARIOS if s in scenarios],
                    restart=fresh,
                )
            slow = None
            if not args.skip_slow:
                reset()
                slow = slow_report_run(load, api, admin_token, ids[0], args.slow_clients)
            profiles = []
            if not args.skip_profile and not args.slow_only:
                for scenario in ("list", "detail", "create"):
                    reset()
                    for server in servers:
                        profiles.append(profile(load, server, scenario, args.cluster_dir))
            write_report(
                args.output,
                cluster=cluster,
                fixture=fixture,
                seeded_now=not reuse,
                load=load,
                rounds=args.rounds,
                api=api,
                baseline=baseline,
                results=results,
                rls_off=rls_off,
                compare=compare,
                slow=slow,
                profiles=profiles,
                pipeline_note=pipeline_note,
                plans=plans,
                code=code,
                fresh=args.fresh_servers,
            )
            log(f"wrote {args.output}")
        finally:
            for server in servers:
                server.stop()
            if cluster is not None:
                cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
