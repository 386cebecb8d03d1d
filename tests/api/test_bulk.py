"""Bulk delete, restore, purge, assign and status on leads, clients, projects and tasks.

Each request mixes valid, wrong-state, invisible (same tenant), foreign (other tenant) and
nonexistent ids; the answer gives the right result per distinct id, in the order sent, and the
database changed exactly for the ids answered `done`.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from crm.app import create_app
from crm.db import Database
from crm.settings import Settings
from generated.tables import leads
from tests.api.conftest import Api, World, assert_error
from tests.api.snapshot import rows, snapshot
from tests.db.conftest import make_engine

pytestmark = pytest.mark.anyio

PATHS = ["/api/leads", "/api/clients", "/api/projects", "/api/tasks"]
BODY: dict[str, dict[str, Any]] = {
    "/api/leads": {"name": "L"},
    "/api/clients": {"name": "C"},
    "/api/projects": {"name": "P"},
    "/api/tasks": {"title": "T"},
}
STATUS = {
    "/api/leads": "contacted",
    "/api/clients": "active",
    "/api/projects": "completed",
    "/api/tasks": "in_progress",
}


@pytest.fixture
async def big(settings: Settings, database: Database, world: World) -> AsyncIterator[Api]:
    """The app with the production body limit (1 MiB): 500 ids do not fit in the tests' 4 KiB."""
    app = create_app(dataclasses.replace(settings, max_body_bytes=1024 * 1024), database=database)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield Api(client, world)


def table(path: str) -> str:
    return path.rsplit("/", 1)[1]


async def _mixed(api: Api, path: str) -> dict[str, str]:
    """alice's live and trashed records, bob's (invisible to alice), gus's, a made-up id."""
    for who in ("admin", "alice", "bob", "gus"):
        await api.login(who)  # logins write rows: before any snapshot
    alice = await api.login("alice")
    live = await api.create("alice", path, BODY[path])
    trashed = await api.create("alice", path, BODY[path])
    await api.client.delete(f"{path}/{trashed['id']}", headers=alice)
    return {
        "live": live["id"],
        "trashed": trashed["id"],
        "invisible": (await api.create("bob", path, BODY[path]))["id"],
        "foreign": (await api.create("gus", path, BODY[path]))["id"],
        "missing": str(uuid.uuid4()),
    }


def _changed(before: dict[str, Any], after: dict[str, Any]) -> dict[str, int]:
    return {t: len(set(before[t]) ^ set(after[t])) for t in before if before[t] != after[t]}


async def _post(api: Api, who: str, url: str, body: dict[str, Any]) -> Any:
    return await api.client.post(url, json=body, headers=await api.login(who))


def _results(response: Any) -> dict[str, str]:
    assert response.status_code == 200, response.text
    data = response.json()["data"]
    out = {r["id"]: r["result"] for r in data["results"]}
    assert data["done"] == sum(1 for r in out.values() if r == "done")
    return out


@pytest.mark.parametrize("path", PATHS)
async def test_bulk_delete_and_restore_per_id(api: Api, path: str) -> None:
    ids = await _mixed(api, path)
    order = ["missing", "live", "foreign", "trashed", "invisible"]
    before = snapshot(api.world.url)
    response = await _post(
        api, "alice", f"{path}/bulk", {"action": "delete", "ids": [ids[k] for k in order]}
    )
    assert [r["id"] for r in response.json()["data"]["results"]] == [ids[k] for k in order]
    assert _results(response) == {
        ids["missing"]: "not_found",
        ids["live"]: "done",
        ids["foreign"]: "not_found",
        ids["trashed"]: "invalid",
        ids["invisible"]: "not_found",
    }
    after = snapshot(api.world.url)
    assert _changed(before, after) == {table(path): 2}  # one row, old and new version
    (row,) = rows(api.world.url, table(path), id=uuid.UUID(ids["live"]))
    assert row["deleted_at"] is not None
    assert row["deleted_by"] == api.world["alice"].id
    for key in ("invisible", "foreign"):
        (other,) = rows(api.world.url, table(path), id=uuid.UUID(ids[key]))
        assert other["deleted_at"] is None

    before = snapshot(api.world.url)
    response = await _post(
        api, "alice", f"{path}/bulk", {"action": "restore", "ids": [ids[k] for k in order]}
    )
    assert _results(response) == {
        ids["missing"]: "not_found",
        ids["live"]: "done",  # trashed a moment ago
        ids["foreign"]: "not_found",
        ids["trashed"]: "done",
        ids["invisible"]: "not_found",
    }
    assert _changed(before, snapshot(api.world.url)) == {table(path): 4}
    for key in ("live", "trashed"):
        (row,) = rows(api.world.url, table(path), id=uuid.UUID(ids[key]))
        assert (row["deleted_at"], row["deleted_by"]) == (None, None)
    # restoring live records: invalid, nothing changes
    before = snapshot(api.world.url)
    response = await _post(
        api, "alice", f"{path}/bulk", {"action": "restore", "ids": [ids["live"]]}
    )
    assert _results(response) == {ids["live"]: "invalid"}
    assert snapshot(api.world.url) == before


@pytest.mark.parametrize("path", PATHS)
async def test_bulk_purge_per_id_is_admin_only(api: Api, path: str) -> None:
    ids = await _mixed(api, path)
    order = ["trashed", "live", "invisible", "foreign", "missing"]
    body = {"action": "purge", "ids": [ids[k] for k in order]}
    before = snapshot(api.world.url)
    assert_error(await _post(api, "alice", f"{path}/bulk", body), 403)
    assert snapshot(api.world.url) == before

    # for the admin, bob's record is visible (admins reach their whole tenant by id)
    response = await _post(api, "admin", f"{path}/bulk", body)
    assert _results(response) == {
        ids["trashed"]: "done",
        ids["live"]: "invalid",
        ids["invisible"]: "invalid",  # bob's, live
        ids["foreign"]: "not_found",
        ids["missing"]: "not_found",
    }
    after = snapshot(api.world.url)
    assert _changed(before, after) == {table(path): 1}
    assert rows(api.world.url, table(path), id=uuid.UUID(ids["trashed"])) == []


async def test_bulk_purge_blocked_by_dependents_is_not_allowed(api: Api) -> None:
    await api.login("admin")
    alice = await api.login("alice")
    blocked = await api.create("alice", "/api/clients", {"name": "Has projects"})
    await api.create("alice", "/api/projects", {"name": "P", "client_id": blocked["id"]})
    free = await api.create("alice", "/api/clients", {"name": "Free"})
    note = await api.create("alice", "/api/notes", {"body": "N", "client_id": free["id"]})
    for c in (blocked, free):
        await api.client.delete(f"/api/clients/{c['id']}", headers=alice)
    before = snapshot(api.world.url)
    response = await _post(
        api, "admin", "/api/clients/bulk", {"action": "purge", "ids": [blocked["id"], free["id"]]}
    )
    assert _results(response) == {blocked["id"]: "not_allowed", free["id"]: "done"}
    after = snapshot(api.world.url)
    assert _changed(before, after) == {"clients": 1, "notes": 1}
    assert rows(api.world.url, "notes", id=uuid.UUID(note["id"])) == []


@pytest.mark.parametrize("path", PATHS)
async def test_bulk_assign_per_id_is_admin_only(api: Api, path: str) -> None:
    ids = await _mixed(api, path)
    bob = str(api.world["bob"].id)
    order = ["live", "trashed", "invisible", "foreign", "missing"]
    body = {"ids": [ids[k] for k in order], "assigned_to": bob}
    before = snapshot(api.world.url)
    assert_error(await _post(api, "alice", f"{path}/bulk/assign", body), 403)
    assert snapshot(api.world.url) == before

    response = await _post(api, "admin", f"{path}/bulk/assign", body)
    assert _results(response) == {
        ids["live"]: "done",
        ids["trashed"]: "invalid",
        ids["invisible"]: "done",  # bob's own record, reachable by the admin
        ids["foreign"]: "not_found",
        ids["missing"]: "not_found",
    }
    assert _changed(before, snapshot(api.world.url)) == {table(path): 4}
    for key in ("live", "invisible"):
        (row,) = rows(api.world.url, table(path), id=uuid.UUID(ids[key]))
        assert str(row["assigned_to"]) == bob
    (row,) = rows(api.world.url, table(path), id=uuid.UUID(ids["trashed"]))
    assert row["assigned_to"] is None

    # an assignee of another tenant: 409 naming the field, nothing changes
    before = snapshot(api.world.url)
    bad = {"ids": [ids["live"]], "assigned_to": str(api.world["gus"].id)}
    response = await _post(api, "admin", f"{path}/bulk/assign", bad)
    assert assert_error(response, 409)["details"]["errors"][0]["path"] == "/assigned_to"
    assert snapshot(api.world.url) == before


@pytest.mark.parametrize("path", PATHS)
async def test_bulk_status_per_id(api: Api, path: str) -> None:
    ids = await _mixed(api, path)
    order = ["live", "trashed", "invisible", "foreign", "missing"]
    before = snapshot(api.world.url)
    response = await _post(
        api,
        "alice",
        f"{path}/bulk/status",
        {"ids": [ids[k] for k in order], "status": STATUS[path]},
    )
    assert _results(response) == {
        ids["live"]: "done",
        ids["trashed"]: "invalid",
        ids["invisible"]: "not_found",
        ids["foreign"]: "not_found",
        ids["missing"]: "not_found",
    }
    assert _changed(before, snapshot(api.world.url)) == {table(path): 2}
    (row,) = rows(api.world.url, table(path), id=uuid.UUID(ids["live"]))
    assert row["status"] == STATUS[path]
    for key in ("trashed", "invisible", "foreign"):
        (row,) = rows(api.world.url, table(path), id=uuid.UUID(ids[key]))
        assert row["status"] != STATUS[path]


async def test_bulk_task_status_done_sets_completed_at_and_keeps_it(api: Api) -> None:
    tasks = [await api.create("alice", "/api/tasks", {"title": f"T{i}"}) for i in range(2)]
    ids = [t["id"] for t in tasks]
    response = await _post(api, "alice", "/api/tasks/bulk/status", {"ids": ids, "status": "done"})
    assert _results(response) == dict.fromkeys(ids, "done")
    first = {str(r["id"]): r["completed_at"] for r in rows(api.world.url, "tasks")}
    assert all(v is not None for v in first.values())
    # done again: completed_at kept
    await _post(api, "alice", "/api/tasks/bulk/status", {"ids": ids, "status": "done"})
    assert {str(r["id"]): r["completed_at"] for r in rows(api.world.url, "tasks")} == first
    # leaving done clears it
    await _post(api, "alice", "/api/tasks/bulk/status", {"ids": ids[:1], "status": "todo"})
    again = {str(r["id"]): r["completed_at"] for r in rows(api.world.url, "tasks")}
    assert again == {ids[0]: None, ids[1]: first[ids[1]]}


async def test_bulk_lead_status_converted_sets_converted_at(api: Api) -> None:
    lead = await api.create("alice", "/api/leads", {"name": "L"})
    response = await _post(
        api, "alice", "/api/leads/bulk/status", {"ids": [lead["id"]], "status": "converted"}
    )
    assert _results(response) == {lead["id"]: "done"}
    (row,) = rows(api.world.url, "leads", id=uuid.UUID(lead["id"]))
    assert row["converted_at"] is not None


async def test_duplicates_collapse_and_the_limits(big: Api) -> None:
    api = big
    await api.login("alice")
    lead = await api.create("alice", "/api/leads", {"name": "L"})
    missing = str(uuid.uuid4())
    response = await _post(
        api,
        "alice",
        "/api/leads/bulk",
        {"action": "delete", "ids": [lead["id"], missing, lead["id"], missing]},
    )
    assert response.json()["data"] == {
        "done": 1,
        "results": [
            {"id": lead["id"], "result": "done"},
            {"id": missing, "result": "not_found"},
        ],
    }
    fake = [str(uuid.uuid4()) for _ in range(501)]
    before = snapshot(api.world.url)
    assert_error(
        await _post(api, "alice", "/api/leads/bulk", {"action": "delete", "ids": fake}), 400
    )
    assert_error(await _post(api, "alice", "/api/leads/bulk", {"action": "delete", "ids": []}), 400)
    assert snapshot(api.world.url) == before
    response = await _post(
        api, "alice", "/api/leads/bulk", {"action": "restore", "ids": [lead["id"], *fake[:499]]}
    )
    results = _results(response)
    assert len(results) == 500
    assert results[lead["id"]] == "done"
    assert sum(1 for r in results.values() if r == "not_found") == 499


async def test_500_records_in_one_request(big: Api) -> None:
    """500 real records: every one done (the statements' id lists hold 512 slots)."""
    api = big
    alice = api.world["alice"]
    made = [uuid.uuid4() for _ in range(500)]
    engine = make_engine(api.world.url)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            leads.insert(),
            [
                {
                    "id": i,
                    "tenant_id": alice.tenant_id,
                    "name": f"L{n}",
                    "status": "new",
                    "phone_label": "work",
                    "secondary_phone_label": "mobile",
                    "created_by": alice.id,
                    "created_at": now,
                    "updated_at": now,
                }
                for n, i in enumerate(made)
            ],
        )
    engine.dispose()
    ids = [str(i) for i in made]
    response = await _post(api, "alice", "/api/leads/bulk", {"action": "delete", "ids": ids})
    assert _results(response) == dict.fromkeys(ids, "done")
    assert all(r["deleted_at"] is not None for r in rows(api.world.url, "leads"))
