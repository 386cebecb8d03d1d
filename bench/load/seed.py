"""Seed the load benchmark's database: 10 tenants, 1M leads (100k in the bench tenant), by COPY.

    .venv/bin/python -m bench.load.seed [--cluster-dir /var/tmp/crm-bench-pg] [--leads 1000000]

Creates (or re-creates) a cluster in `--cluster-dir`, the database `crm_bench`, the schema with
`alembic upgrade head` (every index the contracts declare), then loads with COPY:

- 10 tenants; 5-30 users each (25 in the bench tenant, 2 of them admins); one live
  auth_sessions row per user, so any of them can be given a token;
- leads: 100k in tenant 0 (the bench tenant), the other 900k spread unevenly over tenants
  1-9; rows interleaved across tenants in created_at order (as they would be inserted), ids
  UUIDv7 of their created_at, created_at over 3 years with more recent rows denser; status,
  source and phone_label drawn with fixed weights over the contract's enums (LeadStatus,
  LeadSource, PhoneLabel from the bundle), 75 % assigned to a user of the tenant, 2 % in the
  trash;
- clients (10k in the bench tenant, 3k in each other) and projects (3k / 1k), so the
  pipeline report has data.

For speed the secondary indexes of the loaded tables are dropped before COPY and re-created
afterwards from their own definitions (`pg_indexes.indexdef`: the same DDL Alembic ran), and
foreign-key triggers are skipped during COPY (`session_replication_role = replica`, as
pg_restore does); the rows are consistent by construction. Then VACUUM ANALYZE.

Writes `fixture.json` (ids of the bench tenant, of the bench user who reads, the "writer" who
creates, the admin, their sessions, the seed time) and `lead_ids.txt` (the bench user's
visible, live leads, for the detail scenario) next to the cluster.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import os
import random
import subprocess
import sys
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg

from bench.load.pg import DEFAULT_DIR, Cluster, find_bindir
from generated.python.schemas import BUNDLE

ROOT = Path(__file__).resolve().parents[2]
DB_NAME = "crm_bench"
PASSWORD = "bench-password-1234"  # every seeded user's password
TENANTS = 10
BIG_TENANT_LEADS = 100_000
YEARS = 3


def enum(name: str) -> list[str]:
    values: list[str] = BUNDLE["$defs"][name]["enum"]
    return values


def weighted(values: Sequence[str], weights: Sequence[float]) -> tuple[list[str], list[float]]:
    """`values` (from the contract) with `weights` in order; uniform if the enum changed size."""
    if len(weights) != len(values):
        weights = [1.0] * len(values)
    return list(values), list(itertools.accumulate(weights))


class Picker:
    def __init__(self, rng: random.Random, values: Sequence[str], weights: Sequence[float]):
        self.values, self.cum = weighted(values, weights)
        self.total = self.cum[-1]
        self.rng = rng

    def __call__(self) -> str:
        return self.values[bisect.bisect(self.cum, self.rng.random() * self.total)]


def uuid7_at(moment: datetime, rng: random.Random) -> uuid.UUID:
    """A UUIDv7 (crm.ids layout) whose timestamp is `moment`."""
    millis = int(moment.timestamp() * 1000)
    rand = rng.getrandbits(74)
    value = (millis & (1 << 48) - 1) << 80 | 0x7 << 76 | (rand >> 62) << 64
    return uuid.UUID(int=value | 0b10 << 62 | rand & (1 << 62) - 1)


@dataclass
class Tenant:
    id: uuid.UUID
    slug: str
    users: list[uuid.UUID] = field(default_factory=list)
    admins: list[uuid.UUID] = field(default_factory=list)
    sessions: dict[uuid.UUID, uuid.UUID] = field(default_factory=dict)  # user -> session
    clients: list[uuid.UUID] = field(default_factory=list)


@dataclass
class Fixture:
    database: str
    seeded_at: str
    tenant_id: str
    user_id: str
    session_id: str
    role: str
    admin_id: str
    admin_session_id: str
    writer_id: str  # creates are sent as this user, so the bench user's list stays the same
    writer_session_id: str
    leads_total: int
    leads_in_tenant: int
    leads_visible_to_user: int
    clients_total: int
    projects_total: int
    seconds: dict[str, float]

    @classmethod
    def load(cls, base: Path) -> Fixture:
        return cls(**json.loads((base / "fixture.json").read_text()))


WORDS = [
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Stark",
    "Wayne",
    "Wonka",
    "Tyrell",
    "Cyberdyne",
    "Soylent",
    "Hooli",
    "Vandelay",
    "Pied",
    "Piper",
    "Aperture",
    "Gringotts",
    "Oscorp",
    "Massive",
    "Dynamic",
    "Monarch",
    "Nakatomi",
    "Prestige",
    "Sterling",
]
SUFFIXES = ("Ltd", "LLC", "Inc", "GmbH", "& Co", "Group", "Partners", "Holdings")
FIRST = [
    "Ana",
    "Ben",
    "Chloe",
    "Dev",
    "Elif",
    "Farid",
    "Grace",
    "Hugo",
    "Ines",
    "Jonas",
    "Kai",
    "Lena",
    "Mateo",
    "Nora",
    "Omar",
    "Priya",
]
LAST = [
    "Smith",
    "Okafor",
    "Nguyen",
    "Garcia",
    "Müller",
    "Rossi",
    "Kowalski",
    "Tanaka",
    "Silva",
    "Haddad",
    "Jensen",
    "Ivanova",
]
CITIES = [
    "Berlin",
    "Lisbon",
    "Austin",
    "Leeds",
    "Lyon",
    "Osaka",
    "Toronto",
    "Denver",
    "Porto",
    "Gdansk",
    "Cork",
    "Malmo",
]
TITLES = ("CEO", "CTO", "Head of Sales", "Buyer", "Office Manager", None, None)


class Generator:
    def __init__(self, seed: int, now: datetime) -> None:
        self.rng = random.Random(seed)
        self.now = now
        self.start = now - timedelta(days=365 * YEARS)
        rng = self.rng
        # weights follow the contract's enum order; a changed enum falls back to uniform
        self.lead_status = Picker(rng, enum("LeadStatus"), [30, 25, 20, 15, 10])
        self.lead_source = Picker(rng, enum("LeadSource"), [30, 20, 10, 10, 10, 5, 5, 5, 5])
        self.phone_label = Picker(rng, enum("PhoneLabel"), [60, 30, 5, 1, 4])
        self.client_status = Picker(rng, enum("ClientStatus"), [10, 20, 50, 20])
        self.project_status = Picker(rng, enum("ProjectStatus"), [40, 30, 20, 10])
        self.value_type = Picker(rng, enum("ValueType"), [60, 30, 10])
        # the status whose leads carry converted_at
        self.converted = "converted" if "converted" in enum("LeadStatus") else None

    def moment(self) -> datetime:
        # density grows linearly towards now: more recent rows are more frequent
        span = (self.now - self.start).total_seconds() - 60
        return self.start + timedelta(seconds=span * self.rng.random() ** 0.5)

    def company(self, n: int) -> str:
        r = self.rng
        return f"{r.choice(WORDS)} {r.choice(WORDS)} {r.choice(SUFFIXES)} {n}"

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def phone(self) -> str:
        r = self.rng
        return f"+1 {r.randrange(200, 999)} {r.randrange(100, 999)} {r.randrange(1000, 9999)}"


def tenants_and_users(gen: Generator) -> tuple[list[Tenant], list[tuple[Any, ...]]]:
    rng = gen.rng
    tenants = []
    rows: list[tuple[Any, ...]] = []
    for t in range(TENANTS):
        tenant = Tenant(uuid7_at(gen.start, rng), f"tenant-{t}")
        count = 25 if t == 0 else rng.randrange(5, 31)
        for u in range(count):
            user_id = uuid7_at(gen.start, rng)
            role = "admin" if u < 2 else "user"
            (tenant.admins if role == "admin" else tenant.users).append(user_id)
            rows.append((user_id, tenant.id, f"user{u}@{tenant.slug}.example.com", role))
        tenants.append(tenant)
    return tenants, rows


def lead_rows(
    gen: Generator,
    tenants: list[Tenant],
    total: int,
    bench_user: uuid.UUID,
    ids: list[str],
    big: int = BIG_TENANT_LEADS,
) -> Iterator[tuple[Any, ...]]:
    """Every lead, interleaved across tenants in created_at order; `big` in the bench tenant."""
    rng = gen.rng
    others = total - big
    weights = [rng.uniform(0.5, 1.5) for _ in tenants[1:]]
    counts = [big] + [int(others * w / sum(weights)) for w in weights]
    counts[1] += total - sum(counts)
    owners = [t.users + t.admins for t in tenants]
    order = [i for i, c in enumerate(counts) for _ in range(c)]
    rng.shuffle(order)
    moments = sorted(gen.moment() for _ in range(total))
    for n, (t, created) in enumerate(zip(order, moments, strict=True)):
        tenant = tenants[t]
        users = owners[t]
        created_by = rng.choice(users)
        assigned_to = rng.choice(users) if rng.random() < 0.75 else None
        status = gen.lead_status()
        updated = min(created + timedelta(days=rng.random() * 30), gen.now - timedelta(seconds=1))
        deleted = updated if rng.random() < 0.02 else None
        lead_id = uuid7_at(created, rng)
        if t == 0 and deleted is None and bench_user in (created_by, assigned_to):
            ids.append(str(lead_id))
        person = gen.person()
        yield (
            lead_id,
            tenant.id,
            gen.company(n),
            person,
            rng.choice(TITLES),
            f"{person.split()[0].lower()}.{n}@example.com" if rng.random() < 0.9 else None,
            gen.phone() if rng.random() < 0.8 else None,
            gen.phone_label(),
            rng.choice(CITIES),
            status,
            gen.lead_source() if rng.random() < 0.9 else None,
            assigned_to,
            updated if status == gen.converted else None,
            created_by,
            created,
            updated,
            deleted,
        )


LEAD_COLUMNS = (
    "id, tenant_id, name, contact_person, contact_title, email, phone, phone_label, city, status, "
    "source, assigned_to, converted_at, created_by, created_at, updated_at, deleted_at"
)
CLIENT_COLUMNS = (
    "id, tenant_id, name, contact_person, email, phone, phone_label, city, status, assigned_to, "
    "created_by, created_at, updated_at, deleted_at"
)
PROJECT_COLUMNS = (
    "id, tenant_id, client_id, name, status, value, value_type, start_date, end_date, "
    "assigned_to, created_by, created_at, updated_at, deleted_at"
)


def client_rows(gen: Generator, tenants: list[Tenant]) -> Iterator[tuple[Any, ...]]:
    rng = gen.rng
    for t, tenant in enumerate(tenants):
        users = tenant.users + tenant.admins
        for n in range(10_000 if t == 0 else 3_000):
            created = gen.moment()
            client_id = uuid7_at(created, rng)
            tenant.clients.append(client_id)
            yield (
                client_id, tenant.id, gen.company(n), gen.person(), f"client.{n}@example.com",
                gen.phone(), gen.phone_label(), rng.choice(CITIES), gen.client_status(),
                rng.choice(users) if rng.random() < 0.8 else None, rng.choice(users),
                created, created, created if rng.random() < 0.02 else None,
            )  # fmt: skip


def project_rows(gen: Generator, tenants: list[Tenant]) -> Iterator[tuple[Any, ...]]:
    rng = gen.rng
    for t, tenant in enumerate(tenants):
        users = tenant.users + tenant.admins
        for n in range(3_000 if t == 0 else 1_000):
            created = gen.moment()
            start = created.date()
            yield (
                uuid7_at(created, rng), tenant.id, rng.choice(tenant.clients), f"Project {n}",
                gen.project_status(), round(rng.uniform(500, 250_000), 2), gen.value_type(),
                start, start + timedelta(days=rng.randrange(1, 400)),
                rng.choice(users) if rng.random() < 0.7 else None, rng.choice(users),
                created, created, None,
            )  # fmt: skip


def copy_rows(
    conn: psycopg.Connection[Any], table: str, columns: str, rows: Iterable[tuple[Any, ...]]
) -> int:
    count = 0
    with conn.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def secondary_indexes(conn: psycopg.Connection[Any], table: str) -> list[tuple[str, str]]:
    """(name, definition) of `table`'s indexes that back no constraint."""
    rows = conn.execute(
        """
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename = %s
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
        ORDER BY i.indexname
        """,
        (table,),
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def create_database(cluster: Cluster) -> None:
    with psycopg.connect(cluster.conninfo("postgres"), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAME}")
    env = {**os.environ, "DATABASE_URL": cluster.url(DB_NAME)}
    alembic = ROOT / ".venv" / "bin" / "alembic"
    subprocess.run([str(alembic), "upgrade", "head"], cwd=ROOT, env=env, check=True)


def seed(
    cluster: Cluster, total_leads: int = 1_000_000, big_tenant_leads: int = BIG_TENANT_LEADS
) -> Fixture:
    """Seed the benchmark database (smaller sizes: tests/bench's smoke test)."""
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    create_database(cluster)
    timings["schema"] = time.perf_counter() - t0

    from crm.passwords import hash_password

    now = datetime.now(UTC).replace(microsecond=0)
    gen = Generator(20261123, now)
    password_hash = hash_password(PASSWORD)
    tenants, users = tenants_and_users(gen)
    bench, bench_user, bench_admin = tenants[0], tenants[0].users[0], tenants[0].admins[0]
    visible: list[str] = []
    counts: dict[str, int] = {}
    with psycopg.connect(cluster.conninfo(DB_NAME)) as conn:
        conn.execute("SET session_replication_role = replica")  # no FK triggers during COPY
        dropped: list[tuple[str, str]] = []
        for table in ("leads", "clients", "projects"):
            for name, definition in secondary_indexes(conn, table):
                conn.execute(f'DROP INDEX "{name}"')
                dropped.append((name, definition))
        t1 = time.perf_counter()
        copy_rows(
            conn, "tenants", "id, name, slug, is_active, created_at, updated_at",
            ((t.id, f"Tenant {t.slug}", t.slug, True, gen.start, gen.start) for t in tenants),
        )  # fmt: skip
        copy_rows(
            conn, "users", "id, tenant_id, email, name, role, is_active, created_at, updated_at, "
            "password_hash",
            ((u, t, e, e.split("@")[0], r, True, gen.start, gen.start, password_hash)
             for u, t, e, r in users),
        )  # fmt: skip
        sessions = []
        for tenant in tenants:
            for user in tenant.users + tenant.admins:
                tenant.sessions[user] = uuid7_at(now, gen.rng)
                sessions.append((tenant.sessions[user], tenant.id, user))
        copy_rows(
            conn, "auth_sessions", "id, tenant_id, user_id, expires_at, created_at, updated_at",
            ((s, t, u, now + timedelta(days=365), now, now) for s, t, u in sessions),
        )  # fmt: skip
        counts["leads"] = copy_rows(
            conn,
            "leads",
            LEAD_COLUMNS,
            lead_rows(gen, tenants, total_leads, bench_user, visible, big_tenant_leads),
        )
        timings["copy_leads"] = time.perf_counter() - t1
        t2 = time.perf_counter()
        counts["clients"] = copy_rows(conn, "clients", CLIENT_COLUMNS, client_rows(gen, tenants))
        counts["projects"] = copy_rows(
            conn, "projects", PROJECT_COLUMNS, project_rows(gen, tenants)
        )
        timings["copy_clients_projects"] = time.perf_counter() - t2
        conn.commit()
        t3 = time.perf_counter()
        conn.execute("SET maintenance_work_mem = '512MB'")
        for _, definition in dropped:
            conn.execute(definition)
        conn.commit()
        timings["indexes"] = time.perf_counter() - t3
    t4 = time.perf_counter()
    with psycopg.connect(cluster.conninfo(DB_NAME), autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")
        conn.execute("CHECKPOINT")
    timings["vacuum_analyze"] = time.perf_counter() - t4
    timings["total"] = time.perf_counter() - t0
    fixture = Fixture(
        database=DB_NAME,
        seeded_at=now.isoformat(),
        tenant_id=str(bench.id),
        user_id=str(bench_user),
        session_id=str(bench.sessions[bench_user]),
        role="user",
        admin_id=str(bench_admin),
        admin_session_id=str(bench.sessions[bench_admin]),
        writer_id=str(bench.users[1]),
        writer_session_id=str(bench.sessions[bench.users[1]]),
        leads_total=counts["leads"],
        leads_in_tenant=big_tenant_leads,
        leads_visible_to_user=len(visible),
        clients_total=counts["clients"],
        projects_total=counts["projects"],
        seconds={k: round(v, 1) for k, v in timings.items()},
    )
    (cluster.base / "fixture.json").write_text(json.dumps(asdict(fixture), indent=2))
    (cluster.base / "lead_ids.txt").write_text("\n".join(visible) + "\n")
    return fixture


def reset_writes(cluster: Cluster, fixture: Fixture) -> int:
    """Delete the leads earlier runs created (created_at after the seed), so runs compare."""
    with psycopg.connect(cluster.conninfo(fixture.database), autocommit=True) as conn:
        cur = conn.execute("DELETE FROM leads WHERE created_at >= %s", (fixture.seeded_at,))
        deleted = cur.rowcount
        if deleted:
            conn.execute("VACUUM (ANALYZE) leads")
    return deleted


def prepare(base: Path, *, reuse: bool, total_leads: int = 1_000_000) -> tuple[Cluster, Fixture]:
    """A running cluster with the seeded database: reused from `base` when asked and present."""
    cluster = Cluster(base, find_bindir())
    if reuse and cluster.initialised and (base / "fixture.json").is_file():
        cluster.start()
        fixture = Fixture.load(base)
        deleted = reset_writes(cluster, fixture)
        print(f"reusing the seeded cluster in {base} (removed {deleted} leads of earlier runs)")
        return cluster, fixture
    cluster.init()
    cluster.start()
    print(f"seeding {total_leads} leads into {cluster.url(DB_NAME)} ...", flush=True)
    fixture = seed(cluster, total_leads)
    print(f"seeded in {fixture.seconds['total']:.1f} s: {json.dumps(fixture.seconds)}")
    return cluster, fixture


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cluster-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--leads", type=int, default=1_000_000)
    parser.add_argument("--keep-running", action="store_true", help="leave PostgreSQL up")
    args = parser.parse_args()
    cluster, fixture = prepare(args.cluster_dir, reuse=False, total_leads=args.leads)
    try:
        print(json.dumps(asdict(fixture), indent=2))
        if args.keep_running:
            print(f"PostgreSQL stays up: {cluster.url(DB_NAME)}")
    finally:
        if not args.keep_running:
            cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
