"""Bulk and search benchmark on PostgreSQL (issue 8): the real app, in process.

```
.venv/bin/python -m bench.bulk_search                 # throwaway cluster, 100k-lead tenant
.venv/bin/python -m bench.bulk_search --runs 5 --leads 10000 --no-write   # quicker
.venv/bin/python -m bench.bulk_search --url postgresql+psycopg://...      # an empty database
```

What it measures, each the median (and p90, max) of `--runs` requests, through
crm.app.create_app with httpx's ASGI transport (so: routing, validation, the Scope, the SQL;
no network, no uvicorn):
- bulk delete, restore, status and assign of 100 and of 500 leads (one request each; every
  run takes fresh ids, and the state they need: delete then restore);
- GET /api/search for a common word, a rare one and no match, as a user (visibility applied)
  and as an admin (the whole tenant), over a tenant of `--leads` leads, `--clients` clients,
  `--projects` projects and `--contacts` contacts (loaded by COPY), next to a second tenant of
  the same size that must never be read.

The cluster is bench.load.pg's (Debian's binaries, runuser postgres), in its own directory
(`--cluster-dir`, default /var/tmp/crm-bench-bulk-pg), stopped at the end. Results go to
bench/results/bulk_search.md with the machine noted. Target (issue 8): bulk of 100 <= 200 ms;
search "far under" 500 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import statistics
import subprocess
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import psycopg
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "bulk_search.md"
DEFAULT_DIR = Path("/var/tmp/crm-bench-bulk-pg")  # noqa: S108 - the postgres user must reach it
PASSWORD = "bench-password-1"
WORDS = [
    "Alpha",
    "Birch",
    "Cedar",
    "Delta",
    "Ember",
    "Falcon",
    "Granite",
    "Harbor",
    "Iris",
    "Juniper",
]
RARE = "Quetzal"  # in 1 record in 1000


@dataclass(frozen=True)
class Sizes:
    leads: int = 100_000
    clients: int = 10_000
    projects: int = 20_000
    contacts: int = 20_000
    bulk: tuple[int, ...] = (100, 500)
    runs: int = 15


@dataclass
class Timing:
    name: str
    ms: list[float] = field(default_factory=list)
    note: str = ""

    def row(self) -> str:
        s = sorted(self.ms)
        p90 = s[min(len(s) - 1, round(0.9 * (len(s) - 1)))]
        return (
            f"| {self.name} | {statistics.median(s):.1f} | {p90:.1f} | {s[-1]:.1f} "
            f"| {len(s)} | {self.note} |"
        )


# --- data ---------------------------------------------------------------------------------


def migrate(url: str) -> None:
    env = {**os.environ, "DATABASE_URL": url}
    alembic = ROOT / ".venv" / "bin" / "alembic"
    subprocess.run([str(alembic), "upgrade", "head"], cwd=ROOT, env=env, check=True)


def conninfo(url: str) -> str:
    return sa.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _name(rng: random.Random, n: int) -> str:
    word = RARE if n % 1000 == 7 else rng.choice(WORDS)
    return f"{word} {rng.choice(WORDS)} {n}"


def _rows(
    kind: str,
    count: int,
    tenant: uuid.UUID,
    users: Sequence[uuid.UUID],
    rng: random.Random,
    clients: Sequence[uuid.UUID] = (),
) -> Iterator[tuple[Any, ...]]:
    start = datetime(2025, 1, 1, tzinfo=UTC)
    for n in range(count):
        at = start + timedelta(seconds=n * 30)
        who = users[n % len(users)]
        name = _name(rng, n)
        email = f"{name.split()[0].lower()}{n}@example.com"
        if kind in ("leads", "clients"):
            yield (uuid.uuid4(), tenant, name, f"Person {n}", email, "work", "new", who, at, at)
        elif kind == "projects":
            yield (
                uuid.uuid4(),
                tenant,
                clients[n % len(clients)],
                name,
                "active",
                0,
                "one_time",
                who,
                at,
                at,
            )
        else:
            yield (
                uuid.uuid4(),
                tenant,
                clients[n % len(clients)],
                name.split()[0],
                f"Last{n}",
                email,
                "work",
                who,
                at,
                at,
            )


_STAMP = "created_by, created_at, updated_at"
COLUMNS = {
    "leads": f"id, tenant_id, name, contact_person, email, phone_label, status, {_STAMP}",
    "clients": f"id, tenant_id, name, contact_person, email, phone_label, status, {_STAMP}",
    "projects": f"id, tenant_id, client_id, name, status, value, value_type, {_STAMP}",
    "contacts": f"id, tenant_id, client_id, first_name, last_name, email, phone_label, {_STAMP}",
}


@dataclass
class Tenant:
    id: uuid.UUID
    admin: str
    user: str
    admin_id: uuid.UUID
    user_id: uuid.UUID


def seed(url: str, sizes: Sizes) -> tuple[Tenant, dict[str, float]]:
    """Two tenants of `sizes` each (an admin and a user, records split between them), by COPY.
    The first is the one measured. Seconds per step."""
    from crm import passwords, provision
    from crm.settings import Settings

    passwords.configure(Settings.from_env({"CRM_ENV": "test", "DATABASE_URL": url}))
    seconds: dict[str, float] = {}
    t0 = time.perf_counter()
    engine = sa.create_engine(url)
    tenants: list[Tenant] = []
    with engine.begin() as conn:
        for slug in ("bench", "other"):
            tid = provision.create_tenant(conn, name=slug.title(), slug=slug)
            ids = []
            for role in ("admin", "user"):
                email = f"{role}@{slug}.example"
                ids.append(
                    provision.create_user(
                        conn,
                        tenant_id=tid,
                        email=email,
                        name=role.title(),
                        role=role,
                        password=PASSWORD,
                    )
                )
            tenants.append(Tenant(tid, f"admin@{slug}.example", f"user@{slug}.example", *ids))
    engine.dispose()
    seconds["tenants_users"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    rng = random.Random(20261127)
    with psycopg.connect(conninfo(url)) as conn:
        conn.execute("SET session_replication_role = replica")  # no FK triggers during COPY
        for tenant in tenants:
            users = [tenant.admin_id, tenant.user_id]
            client_ids: list[uuid.UUID] = []
            for kind, count in (
                ("leads", sizes.leads),
                ("clients", sizes.clients),
                ("projects", sizes.projects),
                ("contacts", sizes.contacts),
            ):
                with (
                    conn.cursor() as cur,
                    cur.copy(f"COPY {kind} ({COLUMNS[kind]}) FROM STDIN") as copy,
                ):
                    for row in _rows(kind, count, tenant.id, users, rng, client_ids):
                        copy.write_row(row)
                        if kind == "clients":
                            client_ids.append(row[0])
        conn.commit()
    seconds["copy"] = time.perf_counter() - t1
    t2 = time.perf_counter()
    with psycopg.connect(conninfo(url), autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")
    seconds["vacuum_analyze"] = time.perf_counter() - t2
    return tenants[0], seconds


# --- measuring ----------------------------------------------------------------------------


async def _login(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    r = await client.post("/api/auth/login", json={"email": email, "password": PASSWORD})
    r.raise_for_status()
    return {"Authorization": f"Bearer {r.json()['data']['access_token']}"}


async def _timed(
    client: httpx.AsyncClient, method: str, url: str, **kw: Any
) -> tuple[float, httpx.Response]:
    t = time.perf_counter()
    r = await client.request(method, url, **kw)
    return (time.perf_counter() - t) * 1000, r


async def measure(url: str, tenant: Tenant, sizes: Sizes) -> list[Timing]:
    from crm.app import create_app
    from crm.settings import Settings

    settings = Settings.from_env(
        {
            "CRM_ENV": "test",
            "DATABASE_URL": url,
            "MAX_BODY_BYTES": str(1 << 20),
            "DB_POOL_MIN": "2",
            "DB_POOL_MAX": "4",
        }
    )
    app = create_app(settings)
    timings: list[Timing] = []
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench", timeout=60) as c:
        user = await _login(c, tenant.user)
        admin = await _login(c, tenant.admin)
        # the user's leads, newest last: bulk takes fresh ones each run
        with psycopg.connect(conninfo(url)) as conn:
            own = [
                str(r[0])
                for r in conn.execute(
                    "SELECT id FROM leads WHERE tenant_id = %s AND created_by = %s"
                    " AND deleted_at IS NULL ORDER BY created_at",
                    (tenant.id, tenant.user_id),
                )
            ]
        offset = 0
        for size in sizes.bulk:
            ops = {
                k: Timing(f"bulk {k}, {size} leads")
                for k in ("delete", "restore", "status", "assign")
            }
            for run in range(sizes.runs + 1):  # the first run warms up (compiles statements)
                ids = own[offset : offset + size]
                if len(ids) < size:
                    offset, ids = 0, own[:size]
                offset += size
                steps = (
                    ("delete", user, "/api/leads/bulk", {"action": "delete", "ids": ids}),
                    ("restore", user, "/api/leads/bulk", {"action": "restore", "ids": ids}),
                    (
                        "status",
                        user,
                        "/api/leads/bulk/status",
                        {"ids": ids, "status": ("contacted", "qualified")[run % 2]},
                    ),
                    (
                        "assign",
                        admin,
                        "/api/leads/bulk/assign",
                        {"ids": ids, "assigned_to": str(tenant.user_id) if run % 2 else None},
                    ),
                )
                for key, headers, path, body in steps:
                    ms, r = await _timed(c, "POST", path, json=body, headers=headers)
                    assert r.status_code == 200, r.text
                    done = r.json()["data"]["done"]
                    assert done == len(ids), (key, done, r.text[:300])
                    if run:
                        ops[key].ms.append(ms)
            timings.extend(ops.values())

        common = WORDS[0].lower()
        for label, q in (
            ("common word", common),
            ("rare word", RARE.lower()),
            ("no match", "zzzqqq"),
        ):
            for who, headers in (("user", user), ("admin", admin)):
                t = Timing(f"search {label!s} ({q}) as {who}")
                for run in range(sizes.runs + 1):
                    ms, r = await _timed(c, "GET", "/api/search", params={"q": q}, headers=headers)
                    assert r.status_code == 200, r.text
                    if run:
                        t.ms.append(ms)
                groups = r.json()["data"]["groups"]
                t.note = ", ".join(
                    f"{g['type']} {len(g['items'])}{'+' if g['has_more'] else ''}" for g in groups
                )
                timings.append(t)
    return timings


# --- report -------------------------------------------------------------------------------


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{platform.node()}: {os.cpu_count()} CPUs ({cpu}), {mem} RAM, {platform.platform()}, "
        f"Python {platform.python_version()}"
    )


def report(timings: list[Timing], sizes: Sizes, seconds: dict[str, float], server: str) -> str:
    lines = [
        "# Bulk and search benchmark (issue 8)",
        "",
        "`.venv/bin/python -m bench.bulk_search` — the real app in process (httpx ASGI transport),",
        f"PostgreSQL {server}; medians of {sizes.runs} requests after one warm-up.",
        "",
        f"Machine: {machine()}",
        f"Run at: {datetime.now(UTC).isoformat(timespec='seconds')}",
        "",
        f"Data: a measured tenant of {sizes.leads} leads, {sizes.clients} clients, "
        f"{sizes.projects} projects, {sizes.contacts} contacts (half created by its user, half by "
        "its admin), and a second tenant of the same size. Seed: "
        + ", ".join(f"{k} {v:.1f} s" for k, v in seconds.items()),
        "",
        "| what | median ms | p90 ms | max ms | runs | result |",
        "|---|---|---|---|---|---|",
        *[t.row() for t in timings],
        "",
    ]
    return "\n".join(lines)


def run(url: str, sizes: Sizes) -> tuple[list[Timing], dict[str, float]]:
    """Migrate the (empty) database at `url`, seed it, measure."""
    t = time.perf_counter()
    migrate(url)
    tenant, seconds = seed(url, sizes)
    seconds = {"schema": time.perf_counter() - t - sum(seconds.values()), **seconds}
    return asyncio.run(measure(url, tenant, sizes)), seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.bulk_search", description=__doc__.split("\n")[0])
    d = Sizes()
    parser.add_argument("--leads", type=int, default=d.leads)
    parser.add_argument("--clients", type=int, default=d.clients)
    parser.add_argument("--projects", type=int, default=d.projects)
    parser.add_argument("--contacts", type=int, default=d.contacts)
    parser.add_argument("--bulk", type=int, nargs="+", default=list(d.bulk))
    parser.add_argument("--runs", type=int, default=d.runs)
    parser.add_argument("--url", help="an empty PostgreSQL database to use instead of a cluster")
    parser.add_argument("--cluster-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.name}")
    args = parser.parse_args(argv)
    sizes = Sizes(
        args.leads, args.clients, args.projects, args.contacts, tuple(args.bulk), args.runs
    )
    cluster = None
    url = args.url
    if url is None:
        from bench.load.pg import Cluster, find_bindir

        cluster = Cluster(args.cluster_dir, find_bindir())
        if not cluster.initialised:
            cluster.init()
        cluster.start()
        with psycopg.connect(cluster.conninfo("postgres"), autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS crm_bulk_search WITH (FORCE)")
            conn.execute("CREATE DATABASE crm_bulk_search")
        url = cluster.url("crm_bulk_search")
    try:
        with psycopg.connect(conninfo(url)) as conn:
            row = conn.execute("SHOW server_version").fetchone()
            server = str(row[0]) if row else "?"
        timings, seconds = run(url, sizes)
    finally:
        if cluster is not None:
            cluster.stop()
    text = report(timings, sizes, seconds, server)
    print(text)
    if not args.no_write:
        RESULTS.write_text(text + "\n")
        print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
