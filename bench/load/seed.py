"""Seed the benchmarks' database: a realistic, skewed multi-tenant dataset, by COPY.

    .venv/bin/python -m bench.load.seed [--cluster-dir /var/tmp/crm-bench-pg] [--scale 1.0]

At `--scale 1` (the default; `--leads N` sets the scale to N / 1M): 100 tenants, 1M leads,
100k clients, 200k projects, 2M interactions, 300k tasks. Tenant 0, the bench tenant, holds a
tenth of each (100k leads, 10k clients, 20k projects, 200k interactions, 30k tasks); the
others share the rest with Pareto-skewed weights (a few large tenants, many small ones).

Creates (or re-creates) a cluster in `--cluster-dir`, the database `crm_bench`, the schema with
`alembic upgrade head` (every index the contracts declare), then loads with COPY, a progress
bar per table on stderr:

- tenants; 5-30 users each (25 in the bench tenant, 2 of them admins); one live
  auth_sessions row per user, so any of them can be given a token;
- leads interleaved across tenants in created_at order (as they would be inserted), ids
  UUIDv7 of their created_at, created_at over 3 years with more recent rows denser; status,
  source and phone_label drawn with fixed weights over the contract's enums, 75 % assigned,
  2 % in the trash;
- clients (80 % assigned), projects (60 % on a client, 25 % on a lead, the rest on neither;
  a few clients hold many projects), interactions (on a client, a lead or a project; 5 %
  scheduled in the next month; 30 % with a follow-up, pending, completed, rescheduled or
  cancelled), tasks (open and done, due around now, 80 % assigned).

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
# The login role the API connects as, a member of crm_app (migration d7f3b1e92a60): it owns
# nothing, so the tenant_wall policies hold it, as in production on PostgreSQL.
APP_ROLE = "crm_bench_web"
PASSWORD = "bench-password-1234"  # every seeded user's password
YEARS = 3
REFERENCED = 20_000  # lead ids kept per tenant for projects, interactions and tasks to hang off


@dataclass(frozen=True)
class Shape:
    """How much data: the issue's dataset at scale 1; the bench tenant holds `big_share`."""

    tenants: int = 100
    leads: int = 1_000_000
    clients: int = 100_000
    projects: int = 200_000
    interactions: int = 2_000_000
    tasks: int = 300_000
    big_share: float = 0.1

    @classmethod
    def scaled(cls, scale: float) -> Shape:
        base = cls()
        return cls(
            tenants=max(3, min(base.tenants, round(base.tenants * scale**0.5))),
            leads=max(30, round(base.leads * scale)),
            clients=max(10, round(base.clients * scale)),
            projects=max(10, round(base.projects * scale)),
            interactions=max(30, round(base.interactions * scale)),
            tasks=max(10, round(base.tasks * scale)),
        )

    def big(self, total: int) -> int:
        return round(total * self.big_share)


class Progress:
    """A progress bar on stderr for a stream of rows (no dependency: one line, rewritten)."""

    def __init__(self, label: str, total: int) -> None:
        self.label, self.total, self.done, self.shown = label, max(total, 1), 0, -1
        self.started = self.next = time.perf_counter()

    def wrap(self, rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
        for row in rows:
            self.done += 1
            percent = self.done * 100 // self.total
            if percent != self.shown and (percent == 100 or time.perf_counter() > self.next):
                self.shown, self.next = percent, time.perf_counter() + 0.5
                bar = "#" * (percent // 4)
                rate = self.done / max(time.perf_counter() - self.started, 1e-6)
                sys.stderr.write(
                    f"\r{self.label:<13} [{bar:<25}] {percent:3d}% {self.done:>9,} rows"
                    f" {rate:>9,.0f}/s"
                )
                sys.stderr.flush()
            yield row
        sys.stderr.write("\n")


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
    leads: list[uuid.UUID] = field(default_factory=list)  # up to REFERENCED of them
    projects: list[uuid.UUID] = field(default_factory=list)
    weight: float = 1.0  # its share of the rows outside the bench tenant


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
    interactions_total: int = 0
    tasks_total: int = 0
    clients_in_tenant: int = 0
    projects_in_tenant: int = 0
    interactions_in_tenant: int = 0
    tasks_in_tenant: int = 0
    scale: float = 1.0

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


def tenants_and_users(gen: Generator, shape: Shape) -> tuple[list[Tenant], list[tuple[Any, ...]]]:
    rng = gen.rng
    tenants = []
    rows: list[tuple[Any, ...]] = []
    for t in range(shape.tenants):
        tenant = Tenant(uuid7_at(gen.start, rng), f"tenant-{t}", weight=rng.paretovariate(1.2))
        count = 25 if t == 0 else rng.randrange(5, 31)
        for u in range(count):
            user_id = uuid7_at(gen.start, rng)
            role = "admin" if u < 2 else "user"
            (tenant.admins if role == "admin" else tenant.users).append(user_id)
            rows.append((user_id, tenant.id, f"user{u}@{tenant.slug}.example.com", role))
        tenants.append(tenant)
    return tenants, rows


def spread(total: int, big: int, tenants: list[Tenant]) -> list[int]:
    """`big` rows for the bench tenant, the rest over the others by their skewed weights."""
    weights = [t.weight for t in tenants[1:]]
    counts = [big] + [int((total - big) * w / sum(weights)) for w in weights]
    counts[1] += total - sum(counts)
    return counts


def lead_rows(
    gen: Generator,
    tenants: list[Tenant],
    shape: Shape,
    bench_user: uuid.UUID,
    ids: list[str],
) -> Iterator[tuple[Any, ...]]:
    """Every lead, interleaved across tenants in created_at order."""
    rng = gen.rng
    total = shape.leads
    counts = spread(total, shape.big(total), tenants)
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
        if len(tenant.leads) < REFERENCED:
            tenant.leads.append(lead_id)
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
    "id, tenant_id, client_id, lead_id, name, status, value, value_type, start_date, end_date, "
    "assigned_to, created_by, created_at, updated_at, deleted_at"
)


def client_rows(gen: Generator, tenants: list[Tenant], shape: Shape) -> Iterator[tuple[Any, ...]]:
    rng = gen.rng
    for tenant, count in zip(
        tenants, spread(shape.clients, shape.big(shape.clients), tenants), strict=True
    ):
        users = tenant.users + tenant.admins
        for n in range(count):
            created = gen.moment()
            client_id = uuid7_at(created, rng)
            tenant.clients.append(client_id)
            yield (
                client_id, tenant.id, gen.company(n), gen.person(), f"client.{n}@example.com",
                gen.phone(), gen.phone_label(), rng.choice(CITIES), gen.client_status(),
                rng.choice(users) if rng.random() < 0.8 else None, rng.choice(users),
                created, created, created if rng.random() < 0.02 else None,
            )  # fmt: skip


def skewed(rng: random.Random, ids: list[uuid.UUID]) -> uuid.UUID | None:
    """One of `ids`, the first ones far more often (a few clients hold many projects)."""
    return ids[int(len(ids) * rng.random() ** 3)] if ids else None


def parent_of(
    rng: random.Random, tenant: Tenant, weights: tuple[float, float, float]
) -> tuple[uuid.UUID | None, uuid.UUID | None, uuid.UUID | None]:
    """(client_id, lead_id, project_id): one of them or none, by `weights` (client, lead,
    project; the rest none)."""
    draw = rng.random()
    if draw < weights[0] and tenant.clients:
        return skewed(rng, tenant.clients), None, None
    if draw < weights[0] + weights[1] and tenant.leads:
        return None, rng.choice(tenant.leads), None
    if draw < sum(weights) and tenant.projects:
        return None, None, skewed(rng, tenant.projects)
    return None, None, None


def project_rows(gen: Generator, tenants: list[Tenant], shape: Shape) -> Iterator[tuple[Any, ...]]:
    rng = gen.rng
    for tenant, count in zip(
        tenants, spread(shape.projects, shape.big(shape.projects), tenants), strict=True
    ):
        users = tenant.users + tenant.admins
        for n in range(count):
            created = gen.moment()
            start = created.date()
            client_id, lead_id, _ = parent_of(rng, tenant, (0.6, 0.25, 0.0))
            project_id = uuid7_at(created, rng)
            tenant.projects.append(project_id)
            yield (
                project_id, tenant.id, client_id, lead_id, f"Project {n}",
                gen.project_status(), round(rng.uniform(500, 250_000), 2), gen.value_type(),
                start, start + timedelta(days=rng.randrange(1, 400)),
                rng.choice(users) if rng.random() < 0.7 else None, rng.choice(users),
                created, created, created if rng.random() < 0.02 else None,
            )  # fmt: skip


INTERACTION_COLUMNS = (
    "id, tenant_id, client_id, lead_id, project_id, interaction_type, contact_date, summary, "
    "follow_up_at, follow_up_status, created_by, created_at, updated_at"
)
TASK_COLUMNS = (
    "id, tenant_id, title, due_at, status, assigned_to, completed_at, client_id, lead_id, "
    "project_id, created_by, created_at, updated_at, deleted_at"
)


def interaction_rows(
    gen: Generator, tenants: list[Tenant], shape: Shape
) -> Iterator[tuple[Any, ...]]:
    rng = gen.rng
    kinds = Picker(rng, enum("InteractionType"), [40, 30, 20, 10])
    follow = Picker(rng, enum("FollowUpStatus"), [40, 40, 10, 10])
    total = shape.interactions
    for tenant, count in zip(tenants, spread(total, shape.big(total), tenants), strict=True):
        users = tenant.users + tenant.admins
        for n in range(count):
            client_id, lead_id, project_id = parent_of(rng, tenant, (0.5, 0.35, 0.15))
            if client_id is None and lead_id is None and project_id is None:
                continue  # an interaction always hangs off something
            if rng.random() < 0.05:  # scheduled in the next month
                contact = gen.now + timedelta(seconds=rng.randrange(60, 30 * 86_400))
            else:
                contact = gen.moment()
            followed = rng.random() < 0.3
            created = min(contact, gen.now - timedelta(seconds=1))
            yield (
                uuid7_at(created, rng), tenant.id, client_id, lead_id, project_id, kinds(),
                contact, f"Interaction {n}",
                contact + timedelta(days=rng.randrange(1, 30)) if followed else None,
                follow() if followed else None, rng.choice(users), created, created,
            )  # fmt: skip


def task_rows(gen: Generator, tenants: list[Tenant], shape: Shape) -> Iterator[tuple[Any, ...]]:
    rng = gen.rng
    status = Picker(rng, enum("TaskStatus"), [40, 20, 35, 5])
    for tenant, count in zip(
        tenants, spread(shape.tasks, shape.big(shape.tasks), tenants), strict=True
    ):
        users = tenant.users + tenant.admins
        for n in range(count):
            created = gen.moment()
            client_id, lead_id, project_id = parent_of(rng, tenant, (0.4, 0.2, 0.2))
            state = status()
            due = (
                gen.now + timedelta(seconds=rng.randrange(-60 * 86_400, 60 * 86_400))
                if rng.random() < 0.8
                else None
            )
            yield (
                uuid7_at(created, rng), tenant.id, f"Task {n}", due, state,
                rng.choice(users) if rng.random() < 0.8 else None,
                created if state == "done" else None, client_id, lead_id, project_id,
                rng.choice(users), created, created, created if rng.random() < 0.02 else None,
            )  # fmt: skip


def copy_rows(
    conn: psycopg.Connection[Any],
    table: str,
    columns: str,
    rows: Iterable[tuple[Any, ...]],
    expected: int | None = None,
) -> int:
    """COPY `rows` into `table`; with `expected`, a progress bar on stderr."""
    count = 0
    if expected is not None:
        rows = Progress(table, expected).wrap(rows)
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
    migrate(cluster)


def migrate(cluster: Cluster) -> None:
    """`alembic upgrade head` as the owner, and the app's login role (a no-op when current)."""
    env = {**os.environ, "DATABASE_URL": cluster.url(DB_NAME)}
    alembic = ROOT / ".venv" / "bin" / "alembic"
    subprocess.run([str(alembic), "upgrade", "head"], cwd=ROOT, env=env, check=True)
    app_conninfo(cluster.conninfo(DB_NAME))


def app_conninfo(owner_conninfo: str) -> str:
    """`owner_conninfo` as the application connects: as APP_ROLE, a member of crm_app
    (migration d7f3b1e92a60), created when missing (trust auth: no password)."""
    with psycopg.connect(owner_conninfo, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (APP_ROLE,)).fetchone():
            conn.execute(f"CREATE ROLE {APP_ROLE} LOGIN IN ROLE crm_app")
    return psycopg.conninfo.make_conninfo(owner_conninfo, user=APP_ROLE)


def seed(cluster: Cluster, total_leads: int = 1_000_000, *, scale: float | None = None) -> Fixture:
    """Re-create the database in `cluster` and load it (scale: total_leads / 1M, unless given)."""
    t0 = time.perf_counter()
    create_database(cluster)
    schema = time.perf_counter() - t0
    fixture, visible = load(
        cluster.conninfo(DB_NAME), scale if scale is not None else total_leads / 1_000_000
    )
    fixture.seconds = {"schema": round(schema, 1), **fixture.seconds}
    (cluster.base / "fixture.json").write_text(json.dumps(asdict(fixture), indent=2))
    (cluster.base / "lead_ids.txt").write_text("\n".join(visible) + "\n")
    return fixture


LOADED = ("leads", "clients", "projects", "interactions", "tasks")


def load(conninfo: str, scale: float = 1.0) -> tuple[Fixture, list[str]]:
    """Load the dataset of `Shape.scaled(scale)` into a migrated, empty database; the fixture
    and the bench user's visible live lead ids."""
    shape = Shape.scaled(scale)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()

    from crm.passwords import hash_password

    now = datetime.now(UTC).replace(microsecond=0)
    gen = Generator(20261123, now)
    password_hash = hash_password(PASSWORD)
    tenants, users = tenants_and_users(gen, shape)
    bench, bench_user, bench_admin = tenants[0], tenants[0].users[0], tenants[0].admins[0]
    visible: list[str] = []
    counts: dict[str, int] = {}
    with psycopg.connect(conninfo) as conn:
        conn.execute("SET session_replication_role = replica")  # no FK triggers during COPY
        dropped: list[tuple[str, str]] = []
        for table in LOADED:
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
            conn, "leads", LEAD_COLUMNS, lead_rows(gen, tenants, shape, bench_user, visible),
            shape.leads,
        )  # fmt: skip
        timings["copy_leads"] = time.perf_counter() - t1
        t2 = time.perf_counter()
        for table, columns, rows, expected in (
            ("clients", CLIENT_COLUMNS, client_rows(gen, tenants, shape), shape.clients),
            ("projects", PROJECT_COLUMNS, project_rows(gen, tenants, shape), shape.projects),
            (
                "interactions",
                INTERACTION_COLUMNS,
                interaction_rows(gen, tenants, shape),
                shape.interactions,
            ),
            ("tasks", TASK_COLUMNS, task_rows(gen, tenants, shape), shape.tasks),
        ):
            counts[table] = copy_rows(conn, table, columns, rows, expected)
        timings["copy_others"] = time.perf_counter() - t2
        conn.commit()
        t3 = time.perf_counter()
        conn.execute("SET maintenance_work_mem = '512MB'")
        for _, definition in dropped:
            conn.execute(definition)
        conn.commit()
        timings["indexes"] = time.perf_counter() - t3
    t4 = time.perf_counter()
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")
        conn.execute("CHECKPOINT")
        in_tenant = {
            table: conn.execute(
                f"SELECT count(*) FROM {table} WHERE tenant_id = %s",
                (bench.id,),
            ).fetchone()[0]  # type: ignore[index]
            for table in LOADED
        }
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
        leads_in_tenant=in_tenant["leads"],
        leads_visible_to_user=len(visible),
        clients_total=counts["clients"],
        projects_total=counts["projects"],
        seconds={k: round(v, 1) for k, v in timings.items()},
        interactions_total=counts["interactions"],
        tasks_total=counts["tasks"],
        clients_in_tenant=in_tenant["clients"],
        projects_in_tenant=in_tenant["projects"],
        interactions_in_tenant=in_tenant["interactions"],
        tasks_in_tenant=in_tenant["tasks"],
        scale=scale,
    )
    return fixture, visible


def reset_writes(cluster: Cluster, fixture: Fixture) -> int:
    """Delete the leads earlier runs created (created_at after the seed), so runs compare."""
    with psycopg.connect(cluster.conninfo(fixture.database), autocommit=True) as conn:
        cur = conn.execute("DELETE FROM leads WHERE created_at >= %s", (fixture.seeded_at,))
        deleted = cur.rowcount
        if deleted:
            conn.execute("VACUUM (ANALYZE) leads")
    return deleted


def prepare(
    base: Path, *, reuse: bool, total_leads: int = 1_000_000, scale: float | None = None
) -> tuple[Cluster, Fixture]:
    """A running cluster with the seeded database: reused from `base` when asked and present."""
    cluster = Cluster(base, find_bindir())
    if reuse and cluster.initialised and (base / "fixture.json").is_file():
        cluster.start()
        fixture = Fixture.load(base)
        migrate(cluster)  # a cluster seeded at an older schema gets the newer migrations
        deleted = reset_writes(cluster, fixture)
        print(f"reusing the seeded cluster in {base} (removed {deleted} leads of earlier runs)")
        return cluster, fixture
    cluster.init()
    cluster.start()
    size = scale if scale is not None else total_leads / 1_000_000
    print(f"seeding scale {size} into {cluster.url(DB_NAME)} ...", flush=True)
    fixture = seed(cluster, total_leads, scale=scale)
    print(f"seeded in {fixture.seconds['total']:.1f} s: {json.dumps(fixture.seconds)}")
    return cluster, fixture


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cluster-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--leads", type=int, default=1_000_000, help="sets the scale to N / 1M")
    parser.add_argument("--scale", type=float, help="1.0: 1M leads, 2M interactions, ...")
    parser.add_argument("--keep-running", action="store_true", help="leave PostgreSQL up")
    args = parser.parse_args()
    cluster, fixture = prepare(
        args.cluster_dir, reuse=False, total_leads=args.leads, scale=args.scale
    )
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
