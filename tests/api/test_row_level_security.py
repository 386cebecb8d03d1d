"""The second tenancy wall: PostgreSQL row-level security (migration d7f3b1e92a60).

Statements here are deliberately written *without* a tenant filter and run through the
application's own connection (the `crm_web` role, a member of crm_app that owns nothing): only
the policies stand between them and the other tenant's rows. The owner's view of the same
tables proves the rows are there, so every "only one tenant" below could fail.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa

from crm.db import Database, Query
from crm.ids import new_id
from crm.scope import Scope, create_defaults
from crm.settings import Settings
from generated import tables
from tests.api.conftest import World
from tests.db.conftest import make_engine

pytestmark = [
    pytest.mark.anyio,
    pytest.mark.parametrize("database_url", ["postgresql"], indirect=True),
]

LEADS = tables.leads
# No tenant filter, no visibility, no session guard: what a handler bug would run.
UNFILTERED = Query(("rls-test", "all leads"), lambda: sa.select(LEADS.c.id, LEADS.c.tenant_id))
RENAME_ALL = Query(
    ("rls-test", "rename all"),
    lambda: sa.update(LEADS).values(name=sa.bindparam("name", type_=LEADS.c.name.type)),
)
COUNTS = {"acme": 2, "globex": 3}
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def claims(world: World, who: str) -> dict[str, Any]:
    person = world[who]
    return {
        "tenant_id": str(person.tenant_id),
        "sub": str(person.id),
        "role": person.role,
        "sid": str(uuid.uuid4()),
    }


@pytest.fixture
def leads(world: World) -> dict[str, set[uuid.UUID]]:
    """COUNTS leads per tenant, inserted as the owner; their ids by tenant slug."""
    ids: dict[str, set[uuid.UUID]] = {slug: set() for slug in COUNTS}
    engine = make_engine(world.url)
    with engine.begin() as conn:
        for slug, count in COUNTS.items():
            creator = world["admin" if slug == "acme" else "gina"]
            for i in range(count):
                lead_id = new_id()
                ids[slug].add(lead_id)
                conn.execute(
                    sa.insert(LEADS).values(
                        **create_defaults("Lead"),
                        id=lead_id,
                        tenant_id=world.tenants[slug],
                        name=f"{slug} lead {i}",
                        created_by=creator.id,
                        created_at=NOW,
                        updated_at=NOW,
                    )
                )
    engine.dispose()
    return ids


def owner_rows(world: World) -> list[Any]:
    engine = make_engine(world.url)
    with engine.connect() as conn:
        rows = conn.execute(sa.select(LEADS.c.id, LEADS.c.tenant_id, LEADS.c.name)).all()
    engine.dispose()
    return rows


async def test_an_unfiltered_statement_sees_only_the_scopes_tenant(
    database: Database, world: World, leads: dict[str, set[uuid.UUID]]
) -> None:
    assert {r.id for r in owner_rows(world)} == leads["acme"] | leads["globex"]

    for who, slug in (("alice", "acme"), ("gus", "globex")):
        scope = Scope.from_claims(database, claims(world, who))
        rows = await scope.db.fetch_all(UNFILTERED, {})
        assert {r["id"] for r in rows} == leads[slug], who
        assert {r["tenant_id"] for r in rows} == {world.tenants[slug]}
        # the same inside a unit of work
        async with scope.atomic() as uow:
            rows = await uow.db.fetch_all(UNFILTERED, {})
        assert {r["id"] for r in rows} == leads[slug], who


async def test_without_a_tenant_the_application_sees_nothing(
    database: Database, world: World, leads: dict[str, set[uuid.UUID]]
) -> None:
    assert await database.fetch_all(UNFILTERED, {}) == []
    async with database.transaction() as tx:
        assert await tx.fetch_all(UNFILTERED, {}) == []
    # and a tenant's setting does not outlive its transaction on a pooled connection
    scope = Scope.from_claims(database, claims(world, "alice"))
    assert len(await scope.db.fetch_all(UNFILTERED, {})) == COUNTS["acme"]
    for _ in range(4):  # more than the test pool's connections: every one of them is reused
        assert await database.fetch_all(UNFILTERED, {}) == []


FAILS = Query(("rls-test", "fails"), lambda: sa.select(sa.literal_column("1/0").label("x")))


async def test_pooled_connections_change_tenant_and_never_carry_one_over(
    database: Database,
    world: World,
    leads: dict[str, set[uuid.UUID]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """crm.db keeps each pooled connection's tenant as a setting of its session: whatever the
    order of tenants, of failures and of untenanted statements, each statement sees exactly
    its own tenant's rows (or none), and a connection that already holds the tenant is not set
    again."""
    from crm.db import SET_TENANT

    sets = 0
    execute = psycopg.AsyncCursor.execute

    async def counting(self: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal sets
        sets += str(query) == SET_TENANT
        return await execute(self, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.AsyncCursor, "execute", counting)
    people = {"acme": Scope.from_claims(database, claims(world, "alice")),
              "globex": Scope.from_claims(database, claims(world, "gus"))}  # fmt: skip
    order = ["acme", "acme", "globex", None, "globex", "fail-acme", "acme", None, "fail-globex"]
    for step in order * 3:  # more statements than the test pool has connections
        if step is None:
            assert await database.fetch_all(UNFILTERED, {}) == []
        elif step.startswith("fail-"):
            with pytest.raises(psycopg.errors.DivisionByZero):
                await people[step[5:]].db.fetch_all(FAILS, {})
        else:
            rows = await people[step].db.fetch_all(UNFILTERED, {})
            assert {r["id"] for r in rows} == leads[step], step
    # a connection that holds the tenant is not set again
    for _ in range(8):
        await people["acme"].db.fetch_all(UNFILTERED, {})
    before = sets
    for _ in range(8):
        rows = await people["acme"].db.fetch_all(UNFILTERED, {})
        assert {r["id"] for r in rows} == leads["acme"]
    assert sets == before
    assert sets > 0  # the counter does see the setting when it is sent
    # and none of them leaks into an untenanted statement or another tenant's unit of work
    for _ in range(8):
        assert await database.fetch_all(UNFILTERED, {}) == []
        async with people["globex"].atomic() as uow:
            rows = await uow.db.fetch_all(UNFILTERED, {})
        assert {r["id"] for r in rows} == leads["globex"]


async def test_an_unfiltered_write_touches_only_the_scopes_tenant(
    database: Database, world: World, leads: dict[str, set[uuid.UUID]]
) -> None:
    scope = Scope.from_claims(database, claims(world, "alice"))
    assert await scope.db.execute(RENAME_ALL, {"name": "renamed"}) == COUNTS["acme"]
    names = {r.id: r.name for r in owner_rows(world)}
    assert {i for i, name in names.items() if name == "renamed"} == leads["acme"]
    assert await database.execute(RENAME_ALL, {"name": "nobody"}) == 0


async def test_a_row_for_another_tenant_cannot_be_written(
    database: Database, world: World, leads: dict[str, set[uuid.UUID]]
) -> None:
    scope = Scope.from_claims(database, claims(world, "alice"))
    params = {
        **create_defaults("Lead"),
        "id": new_id(),
        "tenant_id": world.tenants["globex"],
        "name": "smuggled",
        "created_by": world["gina"].id,
        "created_at": NOW,
        "updated_at": NOW,
    }
    smuggle = Query(
        ("rls-test", "insert"),
        lambda: sa.insert(LEADS).values(
            **{k: sa.bindparam(k, type_=LEADS.c[k].type) for k in params}
        ),
    )
    with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
        await scope.db.execute(smuggle, params)
    assert "smuggled" not in {r.name for r in owner_rows(world)}


def test_every_tenant_table_is_walled_and_the_app_role_owns_nothing(
    world: World, settings: Settings
) -> None:
    walled = {"tenants"} | {t.name for t in tables.metadata.sorted_tables if "tenant_id" in t.c}
    engine = make_engine(world.url)
    with engine.connect() as conn:
        state = {
            row.relname: row
            for row in conn.execute(
                sa.text(
                    "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, "
                    "pg_get_userbyid(c.relowner) AS owner, "
                    "(SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid "
                    " AND p.polname = 'tenant_wall') AS walls "
                    "FROM pg_class c WHERE c.relkind = 'r' AND c.relname = ANY(:names)"
                ),
                {"names": sorted(walled)},
            )
        }
        app_role = sa.make_url(settings.database_url)
        role = conn.execute(
            sa.text(
                "SELECT rolsuper, rolbypassrls, pg_has_role(rolname, 'crm_app', 'MEMBER') AS app "
                "FROM pg_roles WHERE rolname = :name"
            ),
            {"name": app_role.username},
        ).one()
    engine.dispose()
    assert set(state) == walled
    for name, row in state.items():
        assert row.relrowsecurity, name
        assert row.relforcerowsecurity, name
        assert row.walls == 1, name
        assert row.owner != app_role.username, name
    assert (role.rolsuper, role.rolbypassrls, role.app) == (False, False, True)


async def test_login_crosses_the_wall_only_for_tenant_ids(database: Database, world: World) -> None:
    """The application role can ask which tenants hold an email, and nothing else."""
    ask = Query(
        ("rls-test", "login tenants"),
        lambda: sa.select(sa.column("tenant_id", sa.Uuid)).select_from(
            sa.func.crm_login_tenants(
                sa.bindparam("email", type_=sa.String), sa.bindparam("slug", type_=sa.String)
            ).table_valued("tenant_id")
        ),
    )
    alice = world["alice"]
    rows = await database.fetch_all(ask, {"email": alice.email, "slug": None})
    assert rows == [{"tenant_id": alice.tenant_id}]
    assert await database.fetch_all(ask, {"email": alice.email, "slug": "globex"}) == []
    users = Query(("rls-test", "users"), lambda: sa.select(tables.users.c.password_hash))
    assert await database.fetch_all(users, {}) == []
