"""A failure forced half-way through a unit of work leaves the database exactly as before.

Two ways of forcing it, on SQLite and PostgreSQL alike:
- a statement builder of crm.statements used mid-flow (move_children, delete_many) answers,
  on its Nth use, a statement the database refuses (an unknown table);
- the transaction's executor runs its Nth statement and then raises.
Either way the answer is the standard 500 (no traceback) and every table is, row by row,
what it was before the request.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa

from crm import statements
from crm.auth import decode_token
from crm.db import Database, Query, _PgSession, _SqliteSession
from crm.errors import NotFound, Unauthorized
from crm.scope import Scope
from generated.python.resources import RESOURCES
from tests.api.conftest import Api, assert_error
from tests.api.snapshot import rows, snapshot

pytestmark = pytest.mark.anyio

BROKEN = Query(("broken",), lambda: sa.text("UPDATE no_such_table SET x = 1"))


def break_builder(monkeypatch: pytest.MonkeyPatch, name: str, on_call: int) -> list[int]:
    """`statements.<name>` returns the real statement, except on call number `on_call`
    (1-based), where it returns one the database refuses. The calls made, for the test."""
    real = getattr(statements, name)
    calls: list[int] = []

    def patched(*args: Any, **kwargs: Any) -> Query:
        calls.append(1)
        return BROKEN if len(calls) == on_call else real(*args, **kwargs)

    monkeypatch.setattr(statements, name, patched)
    return calls


@pytest.fixture
def fail_after(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], list[str]]:
    """`fail_after(n)`: inside a transaction, the nth statement runs, then RuntimeError.
    Returns the kinds of the statements run in transactions (their Query keys' first item)."""
    seen: list[str] = []
    limit: list[int] = []

    def wrap(cls: type, method: str) -> None:
        real = getattr(cls, method)

        async def run(self: Any, query: Query, params: Any) -> Any:
            result = await real(self, query, params)
            if not limit or not _in_transaction(self):
                return result
            seen.append(str(query.key[0]))
            if limit and len(seen) == limit[0]:
                raise RuntimeError("forced failure after a statement")
            return result

        monkeypatch.setattr(cls, method, run)

    for cls, methods in (
        (_PgSession, ("fetch_all", "fetch_one", "execute")),
        (_SqliteSession, ("fetch_all", "fetch_one", "execute")),
    ):
        for method in methods:
            wrap(cls, method)

    def arm(n: int) -> list[str]:
        seen.clear()
        limit.append(n)
        return seen

    return arm


def _in_transaction(session: Any) -> bool:
    """A _PgSession also runs lone autocommit statements; a _SqliteSession is always one."""
    if isinstance(session, _PgSession):
        status = session._conn.info.transaction_status
        return bool(status != psycopg.pq.TransactionStatus.IDLE)
    return True


async def _logins(api: Api) -> None:
    for who in ("admin", "alice", "bob", "gus"):
        await api.login(who)  # logins write rows: before any snapshot


async def _lead_with_children(api: Api) -> dict[str, Any]:
    lead = await api.create("alice", "/api/leads", {"name": "Acme", "email": "a@acme.example"})
    lid = lead["id"]
    await api.create("alice", "/api/contacts", {"first_name": "Ann", "lead_id": lid})
    await api.create(
        "alice",
        "/api/interactions",
        {"summary": "S", "contact_date": "2026-01-02T10:00:00Z", "lead_id": lid},
    )
    await api.create("alice", "/api/notes", {"body": "N", "lead_id": lid})
    await api.create("alice", "/api/tasks", {"title": "T", "lead_id": lid})
    await api.create("alice", "/api/projects", {"name": "P", "lead_id": lid})
    return lead


@pytest.mark.parametrize("on_call", [2, 4, 5])
async def test_conversion_failing_half_way_changes_nothing(
    api: Api, monkeypatch: pytest.MonkeyPatch, on_call: int
) -> None:
    await _logins(api)
    lead = await _lead_with_children(api)
    before = snapshot(api.world.url)
    calls = break_builder(monkeypatch, "move_children", on_call)
    response = await api.client.post(
        f"/api/leads/{lead['id']}/convert", headers=await api.login("alice")
    )
    assert_error(response, 500)
    assert len(calls) == on_call  # the earlier moves ran, then the failure
    assert snapshot(api.world.url) == before
    # and the same conversion succeeds once the failure is gone
    monkeypatch.undo()
    ok = await api.client.post(f"/api/leads/{lead['id']}/convert", headers=await api.login("alice"))
    assert ok.status_code == 201, ok.text


async def test_conversion_failing_after_its_last_statement_changes_nothing(
    api: Api, fail_after: Callable[[int], list[str]]
) -> None:
    await _logins(api)
    lead = await _lead_with_children(api)
    before = snapshot(api.world.url)
    # mark lead, look for a client, check references, insert client, move x5 = 9 statements
    seen = fail_after(9)
    response = await api.client.post(
        f"/api/leads/{lead['id']}/convert", headers=await api.login("alice")
    )
    assert_error(response, 500)
    assert seen[-1] == "move_children", seen
    assert seen.count("move_children") == 5, seen
    assert snapshot(api.world.url) == before


async def test_purge_with_dependents_failing_half_way_changes_nothing(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _logins(api)
    alice, admin = await api.login("alice"), await api.login("admin")
    client = await api.create("alice", "/api/clients", {"name": "C"})
    for i in range(3):
        p = await api.create("alice", "/api/projects", {"name": f"P{i}", "client_id": client["id"]})
        await api.create("alice", "/api/tasks", {"title": "T", "project_id": p["id"]})
    await api.create("alice", "/api/contacts", {"first_name": "C", "client_id": client["id"]})
    await api.client.delete(f"/api/clients/{client['id']}", headers=alice)
    before = snapshot(api.world.url)
    # the projects' DELETE is the first delete_many, the client's the second
    calls = break_builder(monkeypatch, "delete_many", 2)
    response = await api.client.delete(
        f"/api/clients/{client['id']}/purge", params={"dependents": "true"}, headers=admin
    )
    assert_error(response, 500)
    assert len(calls) == 2
    assert snapshot(api.world.url) == before
    assert len(rows(api.world.url, "projects")) == 3


@pytest.mark.parametrize(
    ("path", "body", "statements_run"),
    [
        ("/api/leads/bulk", {"action": "delete"}, 2),
        ("/api/tasks/bulk/status", {"status": "done"}, 2),
        ("/api/projects/bulk/assign", {"assigned_to": "bob"}, 2),
        ("/api/leads/bulk", {"action": "purge"}, 4),  # states, referencing x1, clear, delete
    ],
)
async def test_bulk_failing_half_way_changes_nothing(
    api: Api,
    fail_after: Callable[[int], list[str]],
    path: str,
    body: dict[str, Any],
    statements_run: int,
) -> None:
    await _logins(api)
    alice = await api.login("alice")
    base = path.split("/bulk")[0]
    record = {
        "/api/leads": {"name": "L"},
        "/api/tasks": {"title": "T"},
        "/api/projects": {"name": "P"},
    }
    ids = [(await api.create("alice", base, record[base]))["id"] for _ in range(3)]
    if body.get("action") == "purge":
        for i in ids:
            await api.client.delete(f"{base}/{i}", headers=alice)
        # a client whose source_lead_id the purge clears before deleting
        await api.create("alice", "/api/clients", {"name": "C", "source_lead_id": ids[0]})
    if body.get("assigned_to") == "bob":
        body = {"assigned_to": str(api.world["bob"].id)}
    who = "admin" if "purge" in body.values() or "assigned_to" in body else "alice"
    before = snapshot(api.world.url)
    seen = fail_after(statements_run)
    response = await api.client.post(path, json={**body, "ids": ids}, headers=await api.login(who))
    assert_error(response, 500)
    assert len(seen) == statements_run, seen
    assert snapshot(api.world.url) == before


# --- Scope.atomic() itself --------------------------------------------------------------


async def _scope(api: Api, database: Database, who: str = "alice") -> Scope:
    token = (await api.login(who))["Authorization"].removeprefix("Bearer ")
    return Scope.from_claims(database, decode_token(token))


async def test_atomic_commits_at_the_end_of_the_block(api: Api, database: Database) -> None:
    scope = await _scope(api, database)
    async with scope.atomic() as uow:
        a = await uow.create(RESOURCES["Lead"], {"name": "A"})
        b = await uow.create(RESOURCES["Lead"], {"name": "B"})
    assert {str(r["id"]) for r in rows(api.world.url, "leads")} == {str(a["id"]), str(b["id"])}


async def test_atomic_rolls_back_on_any_error(api: Api, database: Database) -> None:
    scope = await _scope(api, database)
    before = snapshot(api.world.url)

    async def work() -> None:
        async with scope.atomic() as uow:
            lead = await uow.create(RESOURCES["Lead"], {"name": "A"})
            await uow.create(RESOURCES["Note"], {"body": "N", "lead_id": str(lead["id"])})
            await uow.delete(RESOURCES["Lead"], lead["id"])
            raise RuntimeError("half-way")

    with pytest.raises(RuntimeError, match="half-way"):
        await work()
    assert snapshot(api.world.url) == before
    # the database is usable afterwards
    async with scope.atomic() as uow:
        await uow.create(RESOURCES["Lead"], {"name": "After"})
    assert [r["name"] for r in rows(api.world.url, "leads")] == ["After"]


async def test_atomic_rolls_back_an_api_error_and_a_nested_block(
    api: Api, database: Database
) -> None:
    scope = await _scope(api, database)
    before = snapshot(api.world.url)

    async def work() -> None:
        async with scope.atomic() as uow:
            await uow.create(RESOURCES["Lead"], {"name": "Outer"})
            async with uow.atomic() as inner:
                await inner.create(RESOURCES["Lead"], {"name": "Inner"})
                await inner.get(RESOURCES["Lead"], uuid.uuid4())  # 404

    with pytest.raises(NotFound):
        await work()
    assert snapshot(api.world.url) == before


async def test_atomic_still_checks_the_session(api: Api, database: Database) -> None:
    scope = await _scope(api, database)
    revoked = Scope(scope.db, scope.tenant_id, scope.user_id, scope.role, uuid.uuid4())
    before = snapshot(api.world.url)

    async def work() -> None:
        async with revoked.atomic() as uow:
            await uow.create(RESOURCES["Lead"], {"name": "No session"})

    with pytest.raises(Unauthorized):
        await work()
    assert snapshot(api.world.url) == before
