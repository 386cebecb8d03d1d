"""Lead -> client conversion: fields copied, children moved, lead marked and linked, 409 again."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.api.conftest import Api, assert_error
from tests.api.snapshot import rows, snapshot

pytestmark = pytest.mark.anyio

LEAD = {
    "name": "Acme Ltd",
    "contact_person": "Ann Smith",
    "contact_title": "CEO",
    "email": "ann@acme.example",
    "phone": "+44 20 7946 0000",
    "phone_label": "mobile",
    "secondary_phone": "+44 20 7946 0001",
    "secondary_phone_label": "home",
    "address": "1 High St",
    "city": "Leeds",
    "state": "West Yorkshire",
    "zip": "LS1 1AA",
    "type": "Retail",
    "notes": "Met at the fair",
    "source": "Trade Show",
    "status": "qualified",
}
COPIED = [k for k in LEAD if k not in ("source", "status")]


async def _lead_with_children(api: Api, who: str = "alice") -> dict[str, Any]:
    lead = await api.create(who, "/api/leads", LEAD)
    lid = lead["id"]
    headers = await api.login(who)
    made: dict[str, list[str]] = {}

    async def add(table: str, body: dict[str, Any]) -> str:
        rec = await api.create(who, f"/api/{table}", {**body, "lead_id": lid})
        made.setdefault(table, []).append(rec["id"])
        return str(rec["id"])

    await add("contacts", {"first_name": "Ann"})
    await add("interactions", {"summary": "Call", "contact_date": "2026-01-02T10:00:00Z"})
    await add("notes", {"body": "N"})
    await add("tasks", {"title": "T"})
    trashed_task = await add("tasks", {"title": "Trashed"})
    await api.client.delete(f"/api/tasks/{trashed_task}", headers=headers)
    project = await add("projects", {"name": "P"})
    # a grandchild stays on its project
    task_on_project = await api.create(who, "/api/tasks", {"title": "PT", "project_id": project})
    other = await api.create(who, "/api/leads", {"name": "Other"})
    other_note = await api.create(who, "/api/notes", {"body": "Other", "lead_id": other["id"]})
    return {
        "lead": lead,
        "children": made,
        "task_on_project": task_on_project,
        "other_note": other_note,
    }


async def test_conversion_copies_moves_marks_and_links(api: Api) -> None:
    world = await _lead_with_children(api)
    lead = world["lead"]
    alice = await api.login("alice")
    response = await api.client.post(f"/api/leads/{lead['id']}/convert", headers=alice)
    assert response.status_code == 201, response.text
    client = response.json()["data"]
    for field in COPIED:
        assert client[field] == lead[field], field
    assert client["status"] == "new"  # the client's default, not the lead's status
    assert client["source_lead_id"] == lead["id"]
    assert client["converted_at"] is not None
    assert client["created_by"] == str(api.world["alice"].id)

    got = (await api.client.get(f"/api/leads/{lead['id']}", headers=alice)).json()["data"]
    assert got["status"] == "converted"
    assert got["converted_at"] is not None

    url = api.world.url
    cid = uuid.UUID(client["id"])
    for table, made in world["children"].items():
        for rid in made:
            (row,) = rows(url, table, id=uuid.UUID(rid))
            assert row["client_id"] == cid, table
            assert row["lead_id"] is None, table
        # and the client's children list shows them (live ones)
    listed = await api.client.get(f"/api/clients/{client['id']}/contacts", headers=alice)
    assert [c["id"] for c in listed.json()["items"]] == world["children"]["contacts"]
    (row,) = rows(url, "tasks", id=uuid.UUID(world["task_on_project"]["id"]))
    assert (row["project_id"], row["client_id"], row["lead_id"]) == (
        uuid.UUID(world["children"]["projects"][0]),
        None,
        None,
    )
    # another lead's children did not move
    (row,) = rows(url, "notes", id=uuid.UUID(world["other_note"]["id"]))
    assert row["client_id"] is None
    assert row["lead_id"] is not None
    # nothing is left on the lead
    for table in ("contacts", "interactions", "notes", "tasks", "projects"):
        assert rows(url, table, lead_id=uuid.UUID(lead["id"])) == []


async def test_second_conversion_is_409_with_the_client_id(api: Api) -> None:
    lead = await api.create("alice", "/api/leads", {"name": "Twice"})
    alice = await api.login("alice")
    first = await api.client.post(f"/api/leads/{lead['id']}/convert", headers=alice)
    assert first.status_code == 201
    before = snapshot(api.world.url)
    body = assert_error(
        await api.client.post(f"/api/leads/{lead['id']}/convert", headers=alice), 409
    )
    assert body["details"]["client_id"] == first.json()["data"]["id"]
    assert snapshot(api.world.url) == before
    assert len(rows(api.world.url, "clients")) == 1


async def test_invisible_foreign_and_trashed_leads_are_404(api: Api) -> None:
    for who in ("admin", "alice", "bob", "gus"):
        await api.login(who)
    lead = await api.create("alice", "/api/leads", {"name": "Mine"})
    await api.create("alice", "/api/notes", {"body": "N", "lead_id": lead["id"]})
    before = snapshot(api.world.url)
    for who in ("bob", "gus"):
        assert_error(
            await api.client.post(f"/api/leads/{lead['id']}/convert", headers=await api.login(who)),
            404,
        )
    assert_error(
        await api.client.post(
            f"/api/leads/{uuid.uuid4()}/convert", headers=await api.login("alice")
        ),
        404,
    )
    assert snapshot(api.world.url) == before
    await api.client.delete(f"/api/leads/{lead['id']}", headers=await api.login("alice"))
    before = snapshot(api.world.url)
    assert_error(
        await api.client.post(f"/api/leads/{lead['id']}/convert", headers=await api.login("alice")),
        404,
    )
    assert snapshot(api.world.url) == before


async def test_assigned_user_converting_keeps_the_assignee(api: Api) -> None:
    admin = await api.login("admin")
    lead = await api.create("alice", "/api/leads", {"name": "For Bob"})
    await api.client.post(
        f"/api/leads/{lead['id']}/assign",
        json={"assigned_to": str(api.world["bob"].id)},
        headers=admin,
    )
    response = await api.client.post(
        f"/api/leads/{lead['id']}/convert", headers=await api.login("bob")
    )
    assert response.status_code == 201, response.text
    client = response.json()["data"]
    assert client["assigned_to"] == str(api.world["bob"].id)
    assert client["created_by"] == str(api.world["bob"].id)


async def test_admin_converting_a_users_lead_leaves_it_visible_to_its_owner(api: Api) -> None:
    lead = await api.create("alice", "/api/leads", {"name": "Alice's"})
    note = await api.create("alice", "/api/notes", {"body": "N", "lead_id": lead["id"]})
    response = await api.client.post(
        f"/api/leads/{lead['id']}/convert", headers=await api.login("admin")
    )
    assert response.status_code == 201, response.text
    alice = await api.login("alice")
    client = response.json()["data"]
    assert (await api.client.get(f"/api/clients/{client['id']}", headers=alice)).status_code == 200
    assert (await api.client.get(f"/api/notes/{note['id']}", headers=alice)).status_code == 200
    # the client is assigned to the lead's creator (it had no assignee), created by the admin
    assert client["assigned_to"] == str(api.world["alice"].id)
    assert client["created_by"] == str(api.world["admin"].id)
