"""A list request costs at most 3 SQL statements, whatever the page size, filters or total.

How statements are counted, on each backend, by two counters that must agree:

- SQLite: `sqlite3.Connection.set_trace_callback` on the app's own connection
  (`database.conn`) sees every statement SQLite actually executes (PRAGMA, BEGIN, COMMIT and
  ROLLBACK, which are not queries, are left out; none are expected on a list anyway).
- PostgreSQL: `psycopg.AsyncCursor.execute` is wrapped for the test, so every statement the
  driver sends on any pooled connection is counted (`AsyncConnection.execute` goes through
  it); psycopg's pool runs no statements of its own here (no check or reset callbacks). The
  `set_config` that opens row-level security for the tenant (`crm.db.SET_TENANT`, when a pooled
  connection changes tenant) and its `RESET_TENANT` are left out like BEGIN: a setting of the
  connection, not a query, and the set shares its statement's round trip and transaction.
- Both: `Database.compile`, which `crm.db` calls exactly once per statement it executes, is
  wrapped on the app's database object. It is the app's own bookkeeping, so it only
  corroborates the driver-level count: the two must be equal.

Rows are inserted by direct SQL (SQLAlchemy Core on a sync engine) so that there are enough of
them (more than the largest page) without hundreds of API calls.

`test_every_list_costs_at_most_three_statements` iterates over every resource whose contract
declares a list, and over each of its list operations (the list, the admin's /all and every
children list such as /clients/{id}/projects), from `generated.python.resources` and openapi.yaml,
so a new entity is measured without editing this file. Its rows are built from the Create
schema's required fields and the contract's defaults (tests/api/contract_data.py).
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa
import yaml

from crm.db import RESET_TENANT, SET_TENANT, Compiled, Database, Query, SqliteDatabase
from crm.ids import new_id
from crm.scope import create_defaults
from generated import tables
from generated.python.models import LeadStatus
from generated.python.resources import RESOURCES
from tests.api.conftest import Api
from tests.api.contract_data import make, python_value, required_body, routes
from tests.db.conftest import make_engine

pytestmark = pytest.mark.anyio

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())
LEAD = RESOURCES["Lead"]
assert LEAD.path is not None
LEADS = f"{SPEC['servers'][0]['url']}{LEAD.path}"
PARAMS = {p["name"]: p["schema"] for p in SPEC["paths"][LEAD.path]["get"]["parameters"]}
MAX_LIMIT: int = PARAMS["limit"]["maximum"]
PAGE_SIZES = [1, PARAMS["limit"]["default"], MAX_LIMIT]
MAX_STATEMENTS = 3
NOT_QUERIES = ("PRAGMA", "BEGIN", "COMMIT", "ROLLBACK")
VISIBLE = MAX_LIMIT + 30  # alice's leads: more than the largest page
STATUSES = list(LeadStatus)


@dataclass
class Counter:
    driver: list[str] = field(default_factory=list)
    compiled: int = 0

    def reset(self) -> None:
        self.driver.clear()
        self.compiled = 0


@pytest.fixture
def counter(database: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter]:
    count = Counter()
    compile_once: Callable[[Query], Compiled] = database.compile

    def counting_compile(query: Query) -> Compiled:
        count.compiled += 1
        return compile_once(query)

    monkeypatch.setattr(database, "compile", counting_compile)
    if isinstance(database, SqliteDatabase):
        conn: sqlite3.Connection = database.conn

        def trace(sql: str) -> None:
            if not sql.lstrip().upper().startswith(NOT_QUERIES):
                count.driver.append(sql)

        conn.set_trace_callback(trace)
        yield count
        conn.set_trace_callback(None)
    else:
        execute = psycopg.AsyncCursor.execute

        async def counting_execute(self: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
            if str(query) not in (SET_TENANT, RESET_TENANT):
                count.driver.append(str(query))
            return await execute(self, query, *args, **kwargs)

        monkeypatch.setattr(psycopg.AsyncCursor, "execute", counting_execute)
        yield count


def seed(api: Api) -> None:
    """VISIBLE leads for alice and some for bob, by direct SQL, with the contract's defaults."""
    defaults = create_defaults(LEAD.name)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    rows = []
    for i, who in enumerate(["alice"] * VISIBLE + ["bob"] * 20):
        person = api.world[who]
        when = start + timedelta(hours=i)
        rows.append(
            {
                **defaults,
                "id": new_id(),
                "tenant_id": person.tenant_id,
                "name": f"Lead {i:03d} {'acme' if i % 2 else 'globex'}",
                "status": STATUSES[i % len(STATUSES)],
                "created_by": person.id,
                "created_at": when,
                "updated_at": when,
            }
        )
    engine = make_engine(api.world.url)
    with engine.begin() as conn:
        conn.execute(sa.insert(tables.leads), rows)
    engine.dispose()


@contextmanager
def measured(counter: Counter, what: Any) -> Iterator[None]:
    counter.reset()
    yield
    assert 1 <= len(counter.driver) <= MAX_STATEMENTS, (what, counter.driver)
    assert counter.compiled == len(counter.driver), (what, counter.compiled, counter.driver)


async def get(api: Api, counter: Counter, params: dict[str, Any], **kw: Any) -> Any:
    headers = {**await api.login(kw.get("who", "alice")), **kw.get("headers", {})}
    with measured(counter, params):
        response = await api.client.get(kw.get("url", LEADS), params=params, headers=headers)
    assert response.status_code == 200, response.text
    return response


async def test_list_pages_cost_at_most_three_statements(api: Api, counter: Counter) -> None:
    seed(api)
    await api.login("alice")
    await api.login("admin")
    filtered = {"status": STATUSES[1].value, "q": "ACME", "created_after": "2024-01-02T00:00:00Z"}
    for limit in PAGE_SIZES:
        body = (await get(api, counter, {"limit": limit, "include_total": True})).json()
        assert (len(body["items"]), body["total"]) == (limit, VISIBLE)
        body = (await get(api, counter, {"limit": limit})).json()
        assert len(body["items"]) == limit
        body = (
            await get(
                api,
                counter,
                {**filtered, "limit": limit, "include_total": True, "sort_by": "name"},
            )
        ).json()
        assert 0 < len(body["items"]) <= limit
        assert body["total"] >= len(body["items"])
        body = (
            await get(api, counter, {"limit": limit, "offset": limit, "include_total": True})
        ).json()
        assert len(body["items"]) == min(limit, VISIBLE - limit)
        # the next page by cursor
        first = (await get(api, counter, {"limit": limit, "sort_by": "name"})).json()
        body = (
            await get(
                api,
                counter,
                {
                    "limit": limit,
                    "sort_by": "name",
                    "include_total": True,
                    "cursor": first["next_cursor"],
                },
            )
        ).json()
        assert len(body["items"]) == min(limit, VISIBLE - limit)
        # the admin's tenant-wide list
        body = (
            await get(
                api,
                counter,
                {"limit": limit, "include_total": True},
                who="admin",
                url=f"{LEADS}/all",
            )
        ).json()
        assert body["total"] == VISIBLE + 20


async def test_an_empty_page_costs_at_most_three(api: Api, counter: Counter) -> None:
    seed(api)
    await api.login("alice")
    for params in (
        {"q": "no such lead", "include_total": True},
        {"q": "no such lead"},
        {"offset": VISIBLE, "include_total": True},
        {"trash": True, "include_total": True},
    ):
        body = (await get(api, counter, params)).json()
        assert body["items"] == []
        assert body.get("total", 0) == (VISIBLE if "offset" in params else 0)


async def test_a_csv_export_costs_at_most_three(api: Api, counter: Counter) -> None:
    seed(api)
    await api.login("alice")
    response = await get(api, counter, {}, headers={"Accept": "text/csv"})
    assert response.text.count("\n") == VISIBLE + 1
    response = await get(api, counter, {"q": "nothing"}, headers={"Accept": "text/csv"})
    assert response.text.count("\n") == 1


# --- every list of every resource -------------------------------------------------------------

LISTED = sorted(name for name, r in RESOURCES.items() if "list" in r.operations)
PER_PARENT = MAX_LIMIT + 5  # rows under each parent: more than the largest page
LIST_KINDS = ("list", "list_all", "list_children")


def test_every_list_is_measured() -> None:
    measured_kinds = {r.op.kind for name in LISTED for r in routes(*LIST_KINDS, resource=name)}
    assert measured_kinds == set(LIST_KINDS)
    assert len(routes(*LIST_KINDS)) >= 30  # 8 lists, 7 /all, 14 children lists at the time


async def seed_resource(api: Api, name: str) -> tuple[dict[str, str], int]:
    """Rows of `name` visible to alice, by direct SQL: PER_PARENT under each kind of parent
    (a parent of alice's, created through the API), or PER_PARENT of her own for a resource
    without parents. Returns the parents' ids by field and the number of rows inserted."""
    resource = RESOURCES[name]
    table = tables.metadata.tables[resource.table]
    alice = api.world["alice"]
    parents = {p.field: (await make(api, "alice", p.resource))["id"] for p in resource.parents}
    # every row names every parent column (one set, the others NULL): one executemany
    groups: list[dict[str, Any]] = [
        {**dict.fromkeys(parents), f: uuid.UUID(v)} for f, v in parents.items()
    ] or [{}]
    defaults = create_defaults(name)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    rows: list[dict[str, Any]] = []
    for group in groups:
        for i in range(PER_PARENT):
            when = start + timedelta(minutes=len(rows))
            body = {**defaults, **required_body(resource, f"Row {i:03d}")}
            rows.append(
                {
                    **{k: python_value(table.c[k], v) for k, v in body.items()},
                    **group,
                    "id": new_id(),
                    "tenant_id": alice.tenant_id,
                    "created_by": alice.id,
                    "created_at": when,
                    "updated_at": when,
                }
            )
    engine = make_engine(api.world.url)
    with engine.begin() as conn:
        conn.execute(sa.insert(table), rows)
    engine.dispose()
    return parents, len(rows)


@pytest.mark.parametrize("name", LISTED)
async def test_every_list_costs_at_most_three_statements(
    api: Api, counter: Counter, name: str
) -> None:
    resource = RESOURCES[name]
    admin_only = resource.visibility == "admin"
    if admin_only:  # no rows to seed through the contract (a password is hashed); the 5 users
        parents: dict[str, str] = {}
        expected: int | None = None
    else:
        parents, expected = await seed_resource(api, name)
    await api.login("alice")
    await api.login("admin")
    measured_routes = routes(*LIST_KINDS, resource=name)
    assert any(r.op.kind == "list" for r in measured_routes), name
    for route in measured_routes:
        who = "admin" if admin_only or route.op.kind == "list_all" else "alice"
        total = expected
        if route.op.kind == "list_children":
            assert route.op.parent is not None
            url = route.url(parents[route.op.parent])
            total = PER_PARENT
        else:
            url = route.url()
        for limit in PAGE_SIZES:
            for include_total in (False, True):
                params = {"limit": limit, "include_total": include_total}
                body = (await get(api, counter, params, who=who, url=url)).json()
                if total is not None:
                    assert len(body["items"]) == min(limit, total), (route.path, params)
                    assert body.get("total", total) == total, (route.path, params)
                else:
                    assert body["items"], (route.path, params)
