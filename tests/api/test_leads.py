"""Leads end to end: create, read, update, convert, delete, restore, purge, assign, bulk."""

from __future__ import annotations

import pytest

from generated.python.models import LeadStatus
from generated.python.schemas import validator_for
from tests.api.conftest import Api, assert_error

pytestmark = pytest.mark.anyio


def valid(name: str, instance: object) -> None:
    errors = [e.message for e in validator_for(name).iter_errors(instance)]
    assert errors == [], errors


async def test_create_then_get_returns_the_contract_shape(api: Api) -> None:
    alice = api.world["alice"]
    lead = await api.create(
        "alice", "/api/leads", {"name": "Acme Ltd", "email": "Ops@Acme.example"}
    )
    valid("Lead", lead)
    assert lead["created_by"] == str(alice.id)
    assert lead["tenant_id"] == str(alice.tenant_id)
    assert lead["status"] == "new"
    assert lead["phone_label"] == "work"
    assert lead["assigned_to"] is None
    assert lead["converted_at"] is None

    response = await api.client.get(f"/api/leads/{lead['id']}", headers=await api.login("alice"))
    assert response.status_code == 200
    assert response.json() == {"data": lead}


async def test_partial_update_changes_only_what_is_sent(api: Api) -> None:
    lead = await api.create("alice", "/api/leads", {"name": "Acme", "city": "Leeds"})
    response = await api.client.patch(
        f"/api/leads/{lead['id']}",
        json={"city": None, "type": "Retail"},
        headers=await api.login("alice"),
    )
    assert response.status_code == 200, response.text
    updated = response.json()["data"]
    valid("Lead", updated)
    assert (updated["name"], updated["city"], updated["type"]) == ("Acme", None, "Retail")
    assert updated["updated_at"] >= lead["updated_at"]


async def test_converted_at_is_set_on_the_first_conversion_only(api: Api) -> None:
    converted = LeadStatus.converted.value
    headers = await api.login("alice")
    lead = await api.create("alice", "/api/leads", {"name": "Acme"})
    first = (
        await api.client.patch(
            f"/api/leads/{lead['id']}", json={"status": converted}, headers=headers
        )
    ).json()["data"]
    assert first["converted_at"] is not None
    await api.client.patch(
        f"/api/leads/{lead['id']}", json={"status": "qualified"}, headers=headers
    )
    again = (
        await api.client.patch(
            f"/api/leads/{lead['id']}", json={"status": converted}, headers=headers
        )
    ).json()["data"]
    assert again["converted_at"] == first["converted_at"]

    born = await api.create("alice", "/api/leads", {"name": "Born converted", "status": converted})
    assert born["converted_at"] is not None


async def test_delete_restore_and_purge(api: Api) -> None:
    alice, admin = await api.login("alice"), await api.login("admin")
    lead = await api.create("alice", "/api/leads", {"name": "Trash me"})
    url = f"/api/leads/{lead['id']}"
    assert (await api.client.delete(url, headers=alice)).status_code == 204
    assert_error(await api.client.get(url, headers=alice), 404)
    trash = (await api.client.get("/api/leads", params={"trash": "true"}, headers=alice)).json()
    assert [item["id"] for item in trash["items"]] == [lead["id"]]
    assert trash["items"][0]["deleted_at"] is not None
    assert trash["items"][0]["deleted_by"] == str(api.world["alice"].id)

    restored = await api.client.post(f"{url}/restore", headers=alice)
    assert restored.status_code == 200
    assert restored.json()["data"]["deleted_at"] is None
    assert restored.json()["data"]["deleted_by"] is None
    assert (await api.client.get(url, headers=alice)).status_code == 200
    # restore is idempotent: a live record comes back as it is
    again = await api.client.post(f"{url}/restore", headers=alice)
    assert again.status_code == 200
    assert again.json()["data"] == (await api.client.get(url, headers=alice)).json()["data"]

    # purge: admins only, and only from the trash (409 for a live record)
    assert_error(await api.client.delete(f"{url}/purge", headers=alice), 403)
    assert_error(await api.client.delete(f"{url}/purge", headers=admin), 409)
    await api.client.delete(url, headers=alice)
    assert (await api.client.delete(f"{url}/purge", headers=admin)).status_code == 204
    assert_error(await api.client.post(f"{url}/restore", headers=alice), 404)


async def test_assign_and_unassign(api: Api) -> None:
    admin, bob = await api.login("admin"), await api.login("bob")
    lead = await api.create("alice", "/api/leads", {"name": "For Bob"})
    url = f"/api/leads/{lead['id']}"
    assert_error(await api.client.get(url, headers=bob), 404)

    assigned = await api.client.post(
        f"{url}/assign", json={"assigned_to": str(api.world["bob"].id)}, headers=admin
    )
    assert assigned.status_code == 200, assigned.text
    assert assigned.json()["data"]["assigned_to"] == str(api.world["bob"].id)
    assert (await api.client.get(url, headers=bob)).status_code == 200

    # a user of another tenant cannot be the assignee: 409 (the body is well formed)
    body = assert_error(
        await api.client.post(
            f"{url}/assign", json={"assigned_to": str(api.world["gus"].id)}, headers=admin
        ),
        409,
    )
    assert body["details"]["errors"][0]["path"] == "/assigned_to"

    unassigned = await api.client.post(f"{url}/assign", json={"assigned_to": None}, headers=admin)
    assert unassigned.json()["data"]["assigned_to"] is None
    assert_error(await api.client.get(url, headers=bob), 404)
    # assigning is for admins
    assert_error(
        await api.client.post(f"{url}/assign", json={"assigned_to": None}, headers=bob), 403
    )


async def test_bulk_acts_only_on_the_callers_tenant(api: Api) -> None:
    admin = await api.login("admin")
    ours = [await api.create("alice", "/api/leads", {"name": f"L{i}"}) for i in range(3)]
    theirs = await api.create("gus", "/api/leads", {"name": "Globex lead"})
    ids = [lead["id"] for lead in ours] + [theirs["id"]]
    response = await api.client.post(
        "/api/leads/bulk", json={"action": "delete", "ids": ids}, headers=admin
    )
    assert response.status_code == 200, response.text
    results = [{"id": lead["id"], "result": "done"} for lead in ours]
    results.append({"id": theirs["id"], "result": "not_found"})
    assert response.json() == {"data": {"done": 3, "results": results}}
    gus = await api.login("gus")
    assert (await api.client.get(f"/api/leads/{theirs['id']}", headers=gus)).status_code == 200
