"""A list request costs at most 3 SQL statements, whatever the page size, filters or total.

How statements are counted, on each backend, by two counters that must agree:

- SQLite: `sqlite3.Connection.set_trace_callback` on the app's own connection
  (`database.conn`) sees every statement SQLite actually executes (PRAGMA, BEGIN, COMMIT and
  ROLLBACK, which are not queries, are left out; none are expected on a list anyway).
- PostgreSQL: `psycopg.AsyncCursor.execute` is wrapped for the test, so every statement the
  driver sends on any pooled connection is counted (`AsyncConnection.execute` goes through
  it); psycopg's pool runs no statements of its own here (no check or reset callbacks).
- Both: `Database.compile`, which `crm.db` calls exactly once per statement it executes, is
  wrapped on the app's database object. It is the app's own bookkeeping, so it only
  corroborates the driver-level count: the two must be equal.

Rows are inserted by direct SQL (SQLAlchemy Core on a sync engine) so that there are enough of
them (more than the largest page) without hundreds of API calls.
"""

from __future__ import annotations

import sqlite3
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

from crm.db import Compiled, Database, Query, SqliteDatabase
from crm.ids import new_id
from crm.scope import create_defaults
from generated import tables
from generated.python.models import LeadStatus
from generated.python.resources import RESOURCES
from tests.api.conftest import Api
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
