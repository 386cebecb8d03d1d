"""Tenancy and visibility, as a matrix: every operation that takes an id, for leads and clients,
called with another tenant's record and with an invisible record of the caller's own tenant,
answers 404 (or 403 for an admin-only operation called by a non-admin, whatever the id) and
changes nothing in the database. Bodies that try to set server fields are refused.
"""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from generated import tables
from generated.python.resources import RESOURCES
from tests.api.conftest import Api, assert_error
from tests.db.conftest import make_engine

pytestmark = pytest.mark.anyio

RESOURCE_NAMES = ["Lead", "Client"]
ADMIN_ONLY = {"purge", "assign"}
SERVER_FIELDS = ["tenant_id", "id", "created_by", "created_at"]


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = {
            name: [tuple(r) for r in conn.execute(sa.select(t).order_by(t.c.id))]
            for name, t in (("leads", tables.leads), ("clients", tables.clients))
        }
    engine.dispose()
    return rows


def operations(path: str, record_id: str, user_id: str) -> dict[str, tuple[str, str, Any]]:
    url = f"/api{path}/{record_id}"
    return {
        "get": ("GET", url, None),
        "update": ("PATCH", url, {"notes": "changed"}),
        "delete": ("DELETE", url, None),
        "restore": ("POST", f"{url}/restore", None),
        "purge": ("DELETE", f"{url}/purge", None),
        "assign": ("POST", f"{url}/assign", {"assigned_to": user_id}),
    }


@pytest.mark.parametrize("resource_name", RESOURCE_NAMES)
@pytest.mark.parametrize(
    ("caller", "owner", "why"),
    [
        ("alice", "gus", "another tenant's record, as a user"),
        ("admin", "gus", "another tenant's record, as an admin"),
        ("bob", "alice", "an invisible record of the same tenant"),
    ],
)
async def test_operations_by_id_answer_404_and_change_nothing(
    api: Api, resource_name: str, caller: str, owner: str, why: str
) -> None:
    path = RESOURCES[resource_name].path
    assert path is not None
    owner_headers = await api.login(owner)
    live = await api.create(owner, f"/api{path}", {"name": "Live"})
    trashed = await api.create(owner, f"/api{path}", {"name": "Trashed"})
    assert (
        await api.client.delete(f"/api{path}/{trashed['id']}", headers=owner_headers)
    ).status_code == 204
    headers = await api.login(caller)
    before = snapshot(api.world.url)

    caller_id = str(api.world[caller].id)
    for op, (method, url, body) in operations(path, live["id"], caller_id).items():
        if op in ("restore", "purge"):
            method, url, body = operations(path, trashed["id"], caller_id)[op]
        response = await api.client.request(method, url, json=body, headers=headers)
        expected = 403 if op in ADMIN_ONLY and api.world[caller].role != "admin" else 404
        payload = assert_error(response, expected)
        assert live["name"] not in response.text, (op, why)
        assert trashed["id"] not in str(payload), (op, why)

    assert snapshot(api.world.url) == before, why


@pytest.mark.parametrize("resource_name", RESOURCE_NAMES)
@pytest.mark.parametrize("field", SERVER_FIELDS)
async def test_server_fields_in_a_body_are_400(api: Api, resource_name: str, field: str) -> None:
    path = RESOURCES[resource_name].path
    headers = await api.login("alice")
    record = await api.create("alice", f"/api{path}", {"name": "Mine"})
    before = snapshot(api.world.url)
    forged = {
        "tenant_id": str(api.world["gus"].tenant_id),
        "id": str(api.world["gus"].id),
        "created_by": str(api.world["bob"].id),
        "created_at": "2020-01-01T00:00:00Z",
    }[field]
    created = await api.client.post(
        f"/api{path}", json={"name": "Forged", field: forged}, headers=headers
    )
    body = assert_error(created, 400)
    assert [e["path"] for e in body["details"]["errors"]] == [f"/{field}"]
    updated = await api.client.patch(
        f"/api{path}/{record['id']}", json={"name": "Forged", field: forged}, headers=headers
    )
    assert_error(updated, 400)
    assert snapshot(api.world.url) == before


@pytest.mark.parametrize("resource_name", RESOURCE_NAMES)
async def test_lists_show_only_what_the_caller_may_see(api: Api, resource_name: str) -> None:
    path = f"/api{RESOURCES[resource_name].path}"
    mine = await api.create("alice", path, {"name": "Alice's"})
    await api.create("bob", path, {"name": "Bob's"})
    await api.create("gus", path, {"name": "Gus's"})
    admin = await api.login("admin")
    assigned = await api.create("admin", path, {"name": "Admin's, for Alice"})
    await api.client.post(
        f"{path}/{assigned['id']}/assign",
        json={"assigned_to": str(api.world["alice"].id)},
        headers=admin,
    )

    async def names(who: str, url: str, **params: str) -> list[str]:
        response = await api.client.get(url, params=params, headers=await api.login(who))
        assert response.status_code == 200, response.text
        return sorted(item["name"] for item in response.json()["items"])

    assert await names("alice", path) == sorted([mine["name"], assigned["name"]])
    assert await names("bob", path) == ["Bob's"]
    assert await names("gus", path) == ["Gus's"]
    # admins: the same rule on the normal list; the whole tenant on /all, filterable by user
    assert await names("admin", path) == ["Admin's, for Alice"]
    assert await names("admin", f"{path}/all") == sorted(["Alice's", "Bob's", "Admin's, for Alice"])
    assert await names("admin", f"{path}/all", user_id=str(api.world["alice"].id)) == sorted(
        ["Alice's", "Admin's, for Alice"]
    )
    assert_error(await api.client.get(f"{path}/all", headers=await api.login("alice")), 403)
