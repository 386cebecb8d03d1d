"""The report benchmark (issue 9): every report for the bench tenant, its plans, and its load.

```
.venv/bin/python -m bench.reports --scale 0.01            # a small seeded cluster, quick
.venv/bin/python -m bench.reports --reuse                 # the cluster of an earlier run
.venv/bin/python -m bench.reports --reuse --load-seconds 20 --csv   # also the two below
```

1. Timing (always): each of the ten reports, as the tenant's admin (the whole tenant) and as
   a user (visibility applied; user-activity is admin-only), `--runs` times after a warm-up,
   through `crm.reports.compute` on psycopg's pool (the runner, the parsing, every statement
   and the rounding; no HTTP). p50 / p95 / max per report and view, and each statement's
   `EXPLAIN (ANALYZE, BUFFERS)` plan. Target (issue 9): p95 <= 100 ms at the 100k-lead tenant.
   The production path: logged in as a member of crm_app (`APP_ROLE`, which owns nothing, so
   the tenant_wall policies hold), through `Database.for_tenant`; the plans are taken the same
   way, so they show the policy's filter. The cluster's superuser would bypass both.
2. `--load-seconds N`: `crm serve` on 127.0.0.1 (one worker, production settings); detail
   requests (GET /api/leads/{id} as the bench user, one client in a loop) for N seconds alone,
   then N seconds with 30 clients running reports in a loop: the details' p50 / p99 both
   times, and how the reports fared (done, 503 from the report limit).
3. `--csv`: the same server streams the tenant's leads as CSV (GET /api/leads/all as the
   admin, Accept: text/csv); the serving process's peak RSS (VmHWM) before and after, and the
   rows and bytes received.

The cluster is bench.load.seed's (bench.load.pg), seeded by `--scale` (1.0: 1M leads over 100
tenants, 100k in the bench tenant, 2M interactions...). Results go to bench/results/reports.md.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import psycopg
import psycopg.conninfo
import sqlalchemy as sa

from bench.load.pg import DEFAULT_DIR, free_port
from bench.load.run import JWT_SECRET
from bench.load.run import mint_token as token
from bench.load.seed import APP_ROLE, Fixture, app_conninfo, prepare
from crm import reports
from crm.db import SET_TENANT, PostgresDatabase, Query
from crm.scope import Scope
from crm.settings import Settings
from generated.python.resources import REPORTS

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "reports.md"
HOST = "127.0.0.1"
REPORT_CLIENTS = 30
SKIP_PLAN = {"report.snapshot", "report.timeout", "guard"}


# --- 1. timings and plans -----------------------------------------------------------------


class Recorder:
    """A database (or one transaction of it) that remembers the statements a report ran."""

    name = "postgresql"

    def __init__(self, db: Any, seen: list[tuple[Query, dict[str, Any]]]) -> None:
        self.db = db
        self.seen = seen

    async def fetch_all(self, query: Query, params: Any) -> list[dict[str, Any]]:
        self.seen.append((query, dict(params)))
        return await self.db.fetch_all(query, params)  # type: ignore[no-any-return]

    async def fetch_one(self, query: Query, params: Any) -> dict[str, Any] | None:
        self.seen.append((query, dict(params)))
        return await self.db.fetch_one(query, params)  # type: ignore[no-any-return]

    async def execute(self, query: Query, params: Any) -> int:
        return await self.db.execute(query, params)  # type: ignore[no-any-return]

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Recorder]:
        async with self.db.transaction() as tx:
            yield Recorder(tx, self.seen)


@dataclass
class Timing:
    report: str
    view: str
    ms: list[float]
    plans: list[tuple[str, str]] = field(default_factory=list)  # (statement key, plan)

    def pct(self, q: float) -> float:
        ordered = sorted(self.ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def scopes(db: Any, fixture: Fixture) -> dict[str, Scope]:
    """The admin's and the user's Scope over `db`, an executor of the bench tenant."""
    tenant = uuid.UUID(fixture.tenant_id)
    return {
        "admin": Scope(
            db, tenant, uuid.UUID(fixture.admin_id), "admin", uuid.UUID(fixture.admin_session_id)
        ),
        "user": Scope(
            db, tenant, uuid.UUID(fixture.user_id), "user", uuid.UUID(fixture.session_id)
        ),
    }


async def measure(owner_conninfo: str, fixture: Fixture, runs: int) -> list[Timing]:
    """Every report and view timed as the application runs it (see the module's 1.)."""
    conninfo = app_conninfo(owner_conninfo)
    db = PostgresDatabase(conninfo, min_size=1, max_size=4, timeout=30, row_security=True)
    tenant_db = db.for_tenant(uuid.UUID(fixture.tenant_id))
    settings = Settings(report_timeout_ms=120_000)
    now = datetime.now(UTC)
    out = []
    try:
        for name, info in REPORTS.items():
            for view in ("admin", "user"):
                if info.admin_only and view != "admin":
                    continue
                seen: list[tuple[Query, dict[str, Any]]] = []
                recorded = scopes(Recorder(tenant_db, seen), fixture)[view]
                await reports.compute(name, recorded, {}, settings, now=now)  # warm-up, plans
                scope = scopes(tenant_db, fixture)[view]
                timing = Timing(name, view, [])
                for _ in range(runs):
                    t0 = time.perf_counter()
                    await reports.compute(name, scope, {}, settings, now=now)
                    timing.ms.append((time.perf_counter() - t0) * 1000)
                timing.plans = await plans(db, conninfo, fixture.tenant_id, seen)
                out.append(timing)
                print(
                    f"{name:<26} {view:<5} p50 {statistics.median(timing.ms):7.1f} ms"
                    f"  p95 {timing.pct(0.95):7.1f} ms",
                    flush=True,
                )
    finally:
        await db.close()
    return out


async def plans(
    db: PostgresDatabase, conninfo: str, tenant_id: str, seen: list[tuple[Query, dict[str, Any]]]
) -> list[tuple[str, str]]:
    """Each statement's plan as the application's role, behind the tenant's wall."""
    out = []
    async with await psycopg.AsyncConnection.connect(conninfo, autocommit=True) as conn:
        for query, params in seen:
            if query.key[0] in SKIP_PLAN:
                continue
            sql = db.compile(query).sql
            async with conn.transaction():
                await conn.execute(SET_TENANT, {"tenant": tenant_id})
                cursor = await conn.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)  # type: ignore[arg-type]
                lines = [row[0] for row in await cursor.fetchall()]
            out.append((" ".join(str(k) for k in query.key[1:3]), "\n".join(lines)))
    return out


# --- 2. detail latency while reports run --------------------------------------------------


class Server:
    def __init__(self, url: str, owner_url: str) -> None:
        self.port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "MIGRATION_DATABASE_URL": owner_url,
            "CRM_ENV": "production",
            "JWT_SECRET": JWT_SECRET,
            "LOG_LEVEL": "WARNING",
            "RATE_LIMIT_API": "off",  # the detail loop is one user far beyond a person's budget
        }
        crm = ROOT / ".venv" / "bin" / "crm"
        cmd = [str(crm), "serve", "--host", HOST, "--port", str(self.port), "--workers", "1"]
        self.process = subprocess.Popen(cmd, cwd=ROOT, env=env)
        self.base = f"http://{HOST}:{self.port}/api"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.base}/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("crm serve did not answer /api/health within 60 s")

    def serving_pid(self) -> int:
        """uvicorn may serve from a child of `crm serve`."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        pids = children.read_text().split() if children.exists() else []
        return int(pids[0]) if len(pids) == 1 else self.process.pid

    def peak_rss_mb(self) -> float:
        for line in Path(f"/proc/{self.serving_pid()}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


@dataclass
class LoadResult:
    alone: list[float]
    loaded: list[float]
    reports_done: int
    reports_refused: int
    reports_other: int


async def detail_loop(
    client: httpx.AsyncClient, ids: list[str], headers: dict[str, str], seconds: float
) -> list[float]:
    out = []
    deadline = time.perf_counter() + seconds
    rng = random.Random(7)
    while time.perf_counter() < deadline:
        t0 = time.perf_counter()
        response = await client.get(f"/leads/{rng.choice(ids)}", headers=headers)
        out.append((time.perf_counter() - t0) * 1000)
        assert response.status_code == 200, response.text
    return out


async def report_loop(
    client: httpx.AsyncClient, headers: dict[str, str], deadline: float, counts: dict[str, int]
) -> None:
    paths = [info.path for info in REPORTS.values()]
    rng = random.Random()
    while time.monotonic() < deadline:
        response = await client.get(rng.choice(paths), headers=headers)
        key = {200: "done", 503: "refused"}.get(response.status_code, "other")
        counts[key] += 1


async def report_clients(base: str, headers: dict[str, str], seconds: float) -> dict[str, int]:
    counts = {"done": 0, "refused": 0, "other": 0}
    limits = httpx.Limits(max_connections=REPORT_CLIENTS)
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client:
        await asyncio.gather(
            *[report_loop(client, headers, deadline, counts) for _ in range(REPORT_CLIENTS)]
        )
    return counts


def _report_process(base: str, headers: dict[str, str], seconds: float, out: Any) -> None:
    out.put(asyncio.run(report_clients(base, headers, seconds)))


async def under_load(
    server: Server, fixture: Fixture, ids: list[str], seconds: float
) -> LoadResult:
    """Details measured from this process; the report clients run in another one, so that
    their work does not delay this process's own event loop (and so the measurement)."""
    user = {"Authorization": f"Bearer {token(fixture, 'user')}"}
    admin = {"Authorization": f"Bearer {token(fixture, 'admin')}"}
    async with httpx.AsyncClient(base_url=server.base, timeout=120) as client:
        await detail_loop(client, ids, user, 2)  # warm-up
        alone = await detail_loop(client, ids, user, seconds)
        results: multiprocessing.Queue[dict[str, int]] = multiprocessing.Queue()
        reporter = multiprocessing.Process(
            target=_report_process, args=(server.base, admin, seconds + 2, results)
        )
        reporter.start()
        await asyncio.sleep(1.5)  # the report clients are running
        loaded = await detail_loop(client, ids, user, seconds)
        counts = results.get(timeout=300)
        reporter.join(timeout=60)
    return LoadResult(alone, loaded, counts["done"], counts["refused"], counts["other"])


# --- 3. CSV export memory -----------------------------------------------------------------


@dataclass
class CsvResult:
    rows: int
    megabytes: float
    seconds: float
    rss_before: float
    rss_after: float


def csv_export(server: Server, fixture: Fixture) -> CsvResult:
    headers = {"Authorization": f"Bearer {token(fixture, 'admin')}", "Accept": "text/csv"}
    before = server.peak_rss_mb()
    rows = size = 0
    t0 = time.perf_counter()
    with httpx.stream("GET", f"{server.base}/leads/all", headers=headers, timeout=600) as r:
        assert r.status_code == 200, r.read()
        for chunk in r.iter_bytes():
            size += len(chunk)
            rows += chunk.count(b"\n")  # an upper bound: quoted newlines count too
    seconds = time.perf_counter() - t0
    return CsvResult(rows - 1, size / 1e6, seconds, before, server.peak_rss_mb())


# --- the report ---------------------------------------------------------------------------


def pctl(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def report(
    timings: list[Timing],
    fixture: Fixture,
    runs: int,
    load: LoadResult | None,
    exported: CsvResult | None,
    note: str,
) -> str:
    lines = [
        "# Reports benchmark (issue 9)",
        "",
        f"`{' '.join(['python -m bench.reports', *sys.argv[1:]])}` on {platform.node()}"
        f" ({os.cpu_count()} cores, {platform.python_version()}), {note}."
        " The machine is shared with other benchmark and test runs: read ratios, not absolutes.",
        "",
        f"Data (scale {fixture.scale}): {fixture.leads_total:,} leads"
        f" ({fixture.leads_in_tenant:,} in the bench tenant), {fixture.clients_total:,} clients"
        f" ({fixture.clients_in_tenant:,}), {fixture.projects_total:,} projects"
        f" ({fixture.projects_in_tenant:,}), {fixture.interactions_total:,} interactions"
        f" ({fixture.interactions_in_tenant:,}), {fixture.tasks_total:,} tasks"
        f" ({fixture.tasks_in_tenant:,}). The user sees {fixture.leads_visible_to_user:,} leads.",
        "",
        f"## Report times ({runs} runs each after a warm-up; target p95 <= 100 ms)",
        "",
        f"As the application runs them: logged in as `{APP_ROLE}` (a member of crm_app, which"
        " owns nothing: the forced tenant_wall policies apply), through"
        " `Database.for_tenant` (app.tenant_id set in each report's READ ONLY REPEATABLE READ"
        " transaction). The plans below are taken the same way.",
        "",
        "| report | view | p50 ms | p95 ms | max ms | statements |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for t in timings:
        lines.append(
            f"| {REPORTS[t.report].path} | {t.view} | {statistics.median(t.ms):.1f}"
            f" | {t.pct(0.95):.1f} | {max(t.ms):.1f} | {len(t.plans)} |"
        )
    if load is not None:
        lines += [
            "",
            f"## Detail requests while {REPORT_CLIENTS} clients run reports",
            "",
            "`crm serve` (1 worker), GET /api/leads/{id} as the bench user in a loop, alone and"
            f" then with {REPORT_CLIENTS} concurrent clients requesting random reports as the"
            " admin (report limit REPORT_CONCURRENCY=4 per process, the default).",
            "",
            "| detail requests | n | p50 ms | p99 ms |",
            "|---|---:|---:|---:|",
            f"| alone | {len(load.alone)} | {pctl(load.alone, 0.5):.1f}"
            f" | {pctl(load.alone, 0.99):.1f} |",
            f"| with {REPORT_CLIENTS} report clients | {len(load.loaded)}"
            f" | {pctl(load.loaded, 0.5):.1f} | {pctl(load.loaded, 0.99):.1f} |",
            "",
            f"Reports meanwhile: {load.reports_done} answered, {load.reports_refused} refused"
            f" with 503 (waited past REPORT_TIMEOUT_MS for a slot), {load.reports_other} other.",
        ]
    if exported is not None:
        lines += [
            "",
            "## CSV export memory",
            "",
            f"GET /api/leads/all as the admin with Accept: text/csv: {exported.rows:,} rows,"
            f" {exported.megabytes:.1f} MB in {exported.seconds:.1f} s. Peak RSS (VmHWM) of"
            f" the serving process: {exported.rss_before:.0f} MB before, {exported.rss_after:.0f}"
            " MB after.",
        ]
    lines += ["", "## Plans (EXPLAIN ANALYZE, BUFFERS)", ""]
    for t in timings:
        for key, plan in t.plans:
            lines += [f"### {REPORTS[t.report].path}, {t.view}: {key}", "", "```", plan, "```", ""]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cluster-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--reuse", action="store_true", help="the seeded cluster of a last run")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--load-seconds", type=float, default=0.0)
    parser.add_argument("--csv", action="store_true")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    cluster, fixture = prepare(args.cluster_dir, reuse=args.reuse, scale=args.scale)
    try:
        conninfo = cluster.conninfo(fixture.database)
        timings = asyncio.run(measure(conninfo, fixture, args.runs))
        load = exported = None
        if args.load_seconds or args.csv:
            owner_url = cluster.url(fixture.database)
            app_url = sa.make_url(owner_url).set(username=APP_ROLE)
            server = Server(app_url.render_as_string(hide_password=False), owner_url)
            try:
                if args.load_seconds:
                    ids = (args.cluster_dir / "lead_ids.txt").read_text().split()
                    load = asyncio.run(under_load(server, fixture, ids, args.load_seconds))
                if args.csv:
                    exported = csv_export(server, fixture)
            finally:
                server.stop()
        text = report(timings, fixture, args.runs, load, exported, "PostgreSQL 15")
        args.output.write_text(text)
        print(text.split("## Plans")[0])
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
