"""Trash, restore and purge on every resource with a trash, checked in the database itself.

Trash listings are per type and per role (a user sees only the trashed records they can see);
restore is idempotent; purge is admin-only, refuses a record with `restrict` dependents (409
listing them) unless `?dependents=true`, and its cascading children go with it: never an orphan.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.conftest import Api, assert_error
from tests.api.snapshot import ids, orphans, rows, snapshot

pytestmark = pytest.mark.anyio

TRASHED = ["/api/leads", "/api/clients", "/api/projects", "/api/tasks"]
BODY: dict[str, dict[str, Any]] = {
    "/api/leads": {"name": "L"},
    "/api/clients": {"name": "C"},
    "/api/projects": {"name": "P"},
    "/api/tasks": {"title": "T"},
}


async def _trash(api: Api, who: str, path: str) -> list[dict[str, Any]]:
    response = await api.client.get(path, params={"trash": "true"}, headers=await api.login(who))
    assert response.status_code == 200, response.text
    return response.json()["items"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("path", TRASHED)
async def test_trash_listing_is_per_type_and_per_role(api: Api, path: str) -> None:
    alice_rec = await api.create("alice", path, BODY[path])
    bob_rec = await api.create("bob", path, BODY[path])
    gus_rec = await api.create("gus", path, BODY[path])
    live = await api.create("alice", path, BODY[path])
    for who, rec in (("alice", alice_rec), ("bob", bob_rec), ("gus", gus_rec)):
        response = await api.client.delete(f"{path}/{rec['id']}", headers=await api.login(who))
        assert response.status_code == 204, response.text

    mine = await _trash(api, "alice", path)
    assert [r["id"] for r in mine] == [alice_rec["id"]]
    assert mine[0]["deleted_by"] == str(api.world["alice"].id)
    assert mine[0]["deleted_at"] is not None
    assert [r["id"] for r in await _trash(api, "bob", path)] == [bob_rec["id"]]
    assert [r["id"] for r in await _trash(api, "gus", path)] == [gus_rec["id"]]
    # the live record is not in the trash, the trashed ones are not in the normal list
    normal = await api.client.get(path, headers=await api.login("alice"))
    assert [r["id"] for r in normal.json()["items"]] == [live["id"]]
    # the other types' trash does not show this one
    for other in TRASHED:
        if other != path:
            assert alice_rec["id"] not in [r["id"] for r in await _trash(api, "alice", other)]
    # the database agrees: deleted_by is the deleter
    (stored,) = rows(api.world.url, path.rsplit("/", 1)[1], id=_uuid(alice_rec["id"]))
    assert stored["deleted_by"] == api.world["alice"].id


async def test_admin_deleting_a_users_record_is_recorded_as_the_deleter(api: Api) -> None:
    lead = await api.create("alice", "/api/leads", {"name": "L"})
    admin = await api.login("admin")
    assert (await api.client.delete(f"/api/leads/{lead['id']}", headers=admin)).status_code == 204
    (stored,) = rows(api.world.url, "leads", id=_uuid(lead["id"]))
    assert stored["deleted_by"] == api.world["admin"].id
    # alice still sees it in her trash (it is hers), with the admin as deleter
    (item,) = await _trash(api, "alice", "/api/leads")
    assert item["deleted_by"] == str(api.world["admin"].id)


@pytest.mark.parametrize("path", TRASHED)
async def test_restore_is_idempotent_and_scoped(api: Api, path: str) -> None:
    alice, bob, gus = [await api.login(k) for k in ("alice", "bob", "gus")]
    rec = await api.create("alice", path, BODY[path])
    url = f"{path}/{rec['id']}"
    await api.client.delete(url, headers=alice)
    # another user, another tenant: 404, still in the trash
    assert_error(await api.client.post(f"{url}/restore", headers=bob), 404)
    assert_error(await api.client.post(f"{url}/restore", headers=gus), 404)
    assert [r["id"] for r in await _trash(api, "alice", path)] == [rec["id"]]

    first = await api.client.post(f"{url}/restore", headers=alice)
    assert first.status_code == 200, first.text
    assert first.json()["data"]["deleted_at"] is None
    assert first.json()["data"]["deleted_by"] is None
    before = snapshot(api.world.url)
    second = await api.client.post(f"{url}/restore", headers=alice)
    assert second.status_code == 200
    assert second.json() == first.json()
    assert snapshot(api.world.url) == before


async def test_purge_is_for_admins_and_only_from_the_trash(api: Api) -> None:
    admin, alice, gina = [await api.login(k) for k in ("admin", "alice", "gina")]
    for path in TRASHED:
        rec = await api.create("alice", path, BODY[path])
        url = f"{path}/{rec['id']}"
        assert_error(await api.client.delete(f"{url}/purge", headers=admin), 409)
        await api.client.delete(url, headers=alice)
        assert_error(await api.client.delete(f"{url}/purge", headers=alice), 403)
        assert_error(await api.client.delete(f"{url}/purge", headers=gina), 404)
        assert (await api.client.delete(f"{url}/purge", headers=admin)).status_code == 204
        assert ids(api.world.url, path.rsplit("/", 1)[1], id=_uuid(rec["id"])) == set()
        assert_error(await api.client.delete(f"{url}/purge", headers=admin), 404)
        assert (await _trash(api, "alice", path)) == []


async def _client_with_everything(api: Api) -> dict[str, Any]:
    """A client with two projects (one trashed), and on the client and the projects
    contacts, accounts, interactions, notes and tasks. A second client is left untouched."""
    client = await api.create("alice", "/api/clients", {"name": "Parent"})
    cid = client["id"]
    projects = [
        await api.create("alice", "/api/projects", {"name": f"P{i}", "client_id": cid})
        for i in range(2)
    ]
    await api.client.delete(f"/api/projects/{projects[1]['id']}", headers=await api.login("alice"))
    children: dict[str, list[str]] = {
        t: [] for t in ("contacts", "accounts", "interactions", "notes", "tasks")
    }
    children["contacts"].append(
        (await api.create("alice", "/api/contacts", {"first_name": "A", "client_id": cid}))["id"]
    )
    children["accounts"].append(
        (await api.create("alice", "/api/accounts", {"client_id": cid, "account_number": "ACC-1"}))[
            "id"
        ]
    )
    for parent in [("client_id", cid)] + [("project_id", p["id"]) for p in projects]:
        children["interactions"].append(
            (
                await api.create(
                    "alice",
                    "/api/interactions",
                    {
                        "summary": "Call",
                        "contact_date": "2026-01-02T10:00:00Z",
                        parent[0]: parent[1],
                    },
                )
            )["id"]
        )
        children["notes"].append(
            (await api.create("alice", "/api/notes", {"body": "N", parent[0]: parent[1]}))["id"]
        )
        children["tasks"].append(
            (await api.create("alice", "/api/tasks", {"title": "T", parent[0]: parent[1]}))["id"]
        )
    other = await api.create("alice", "/api/clients", {"name": "Bystander"})
    await api.create("alice", "/api/projects", {"name": "Other", "client_id": other["id"]})
    await api.create("alice", "/api/notes", {"body": "Other", "client_id": other["id"]})
    return {"client": client, "projects": projects, "children": children, "other": other}


async def test_purge_with_dependents_refuses_then_takes_them_along(api: Api) -> None:
    admin, alice = await api.login("admin"), await api.login("alice")
    world = await _client_with_everything(api)
    cid = world["client"]["id"]
    url = f"/api/clients/{cid}"
    await api.client.delete(url, headers=alice)
    before = snapshot(api.world.url)

    body = assert_error(await api.client.delete(f"{url}/purge", headers=admin), 409)
    (dep,) = body["details"]["dependents"]
    assert dep["type"] == "Project"
    assert dep["field"] == "client_id"
    assert dep["count"] == 2
    assert sorted(dep["ids"]) == sorted(p["id"] for p in world["projects"])
    assert snapshot(api.world.url) == before  # refused: nothing changed

    response = await api.client.delete(f"{url}/purge", params={"dependents": "true"}, headers=admin)
    assert response.status_code == 204, response.text
    after = snapshot(api.world.url)
    url_ = api.world.url
    assert ids(url_, "clients", id=_uuid(cid)) == set()
    for p in world["projects"]:
        assert ids(url_, "projects", id=_uuid(p["id"])) == set()
    for table, gone in world["children"].items():
        assert ids(url_, table) & set(gone) == set(), table
    # the bystander client and its records are untouched
    other = world["other"]["id"]
    assert ids(url_, "clients", id=_uuid(other)) == {other}
    assert len(rows(url_, "projects", client_id=_uuid(other))) == 1
    assert len(rows(url_, "notes", client_id=_uuid(other))) == 1
    # exactly those rows went
    removed = sum(len(before[t]) - len(after[t]) for t in before)
    assert removed == 1 + 2 + sum(len(v) for v in world["children"].values())
    assert orphans(url_) == []


async def test_purge_without_restrict_dependents_cascades_children(api: Api) -> None:
    admin, alice = await api.login("admin"), await api.login("alice")
    lead = await api.create("alice", "/api/leads", {"name": "Lead"})
    lid = lead["id"]
    contact = await api.create("alice", "/api/contacts", {"first_name": "C", "lead_id": lid})
    note = await api.create("alice", "/api/notes", {"body": "N", "lead_id": lid})
    task = await api.create("alice", "/api/tasks", {"title": "T", "lead_id": lid})
    inter = await api.create(
        "alice",
        "/api/interactions",
        {"summary": "S", "contact_date": "2026-01-02T10:00:00Z", "lead_id": lid},
    )
    # a client converted from the lead keeps existing; its source_lead_id is cleared
    client = await api.create("alice", "/api/clients", {"name": "Src", "source_lead_id": lid})
    await api.client.delete(f"/api/leads/{lid}", headers=alice)
    response = await api.client.delete(f"/api/leads/{lid}/purge", headers=admin)
    assert response.status_code == 204, response.text
    url = api.world.url
    assert ids(url, "leads", id=_uuid(lid)) == set()
    for table, rec in (
        ("contacts", contact),
        ("notes", note),
        ("tasks", task),
        ("interactions", inter),
    ):
        assert ids(url, table, id=_uuid(rec["id"])) == set(), table
    (kept,) = rows(url, "clients", id=_uuid(client["id"]))
    assert kept["source_lead_id"] is None
    assert orphans(url) == []


async def test_purge_of_a_lead_with_projects(api: Api) -> None:
    admin, alice = await api.login("admin"), await api.login("alice")
    lead = await api.create("alice", "/api/leads", {"name": "Lead"})
    project = await api.create("alice", "/api/projects", {"name": "P", "lead_id": lead["id"]})
    task = await api.create("alice", "/api/tasks", {"title": "T", "project_id": project["id"]})
    await api.client.delete(f"/api/leads/{lead['id']}", headers=alice)
    body = assert_error(
        await api.client.delete(f"/api/leads/{lead['id']}/purge", headers=admin), 409
    )
    assert body["details"]["dependents"][0]["ids"] == [project["id"]]
    response = await api.client.delete(
        f"/api/leads/{lead['id']}/purge", params={"dependents": "true"}, headers=admin
    )
    assert response.status_code == 204, response.text
    for table, rec in (("leads", lead), ("projects", project), ("tasks", task)):
        assert ids(api.world.url, table, id=_uuid(rec["id"])) == set()
    assert orphans(api.world.url) == []


async def test_records_without_a_trash_are_deleted_for_good(api: Api) -> None:
    alice = await api.login("alice")
    client = await api.create("alice", "/api/clients", {"name": "C"})
    contact = await api.create(
        "alice", "/api/contacts", {"first_name": "C", "client_id": client["id"]}
    )
    assert (
        await api.client.delete(f"/api/contacts/{contact['id']}", headers=alice)
    ).status_code == 204
    assert ids(api.world.url, "contacts") == set()
    assert_error(
        await api.client.post(f"/api/contacts/{contact['id']}/restore", headers=alice), 404
    )


def _uuid(value: str) -> Any:
    import uuid

    return uuid.UUID(value)


@pytest.mark.parametrize("path", TRASHED)
async def test_admin_sees_the_whole_tenants_trash_paginated(api: Api, path: str) -> None:
    made = []
    for who in ("alice", "bob", "gus"):
        rec = await api.create(who, path, BODY[path])
        await api.client.delete(f"{path}/{rec['id']}", headers=await api.login(who))
        made.append(rec["id"])
    admin = await api.login("admin")
    # the admin's own trash list is like anyone's: none of these is theirs
    assert await _trash(api, "admin", path) == []
    seen = []
    params: dict[str, str | int] = {"trash": "true", "limit": 1, "include_total": "true"}
    page = await api.client.get(f"{path}/all", params=params, headers=admin)
    assert page.status_code == 200, page.text
    assert page.json()["total"] == 2
    seen += [r["id"] for r in page.json()["items"]]
    page = await api.client.get(f"{path}/all", params={**params, "offset": 1}, headers=admin)
    seen += [r["id"] for r in page.json()["items"]]
    assert sorted(seen) == sorted(made[:2])  # alice's and bob's, never globex's
    alice = await api.login("alice")
    assert_error(await api.client.get(f"{path}/all", params={"trash": "true"}, headers=alice), 403)
