"""GET /api/search: visibility, literal wildcards, case folding, groups, limits, trash."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.conftest import Api, assert_error

pytestmark = pytest.mark.anyio

TYPES = ["Lead", "Client", "Project", "Contact", "Account"]


async def search(api: Api, who: str, q: str, **params: Any) -> dict[str, dict[str, Any]]:
    response = await api.client.get(
        "/api/search", params={"q": q, **params}, headers=await api.login(who)
    )
    assert response.status_code == 200, response.text
    data = response.json()["data"]
    assert data["q"] == q
    assert sorted(g["type"] for g in data["groups"]) == sorted(TYPES)
    return {g["type"]: g for g in data["groups"]}


def found(groups: dict[str, dict[str, Any]], type_: str | None = None) -> set[str]:
    chosen = [groups[type_]] if type_ else list(groups.values())
    return {i["id"] for g in chosen for i in g["items"]}


async def test_visibility_is_respected(api: Api) -> None:
    alice = await api.create("alice", "/api/leads", {"name": "Zebra alice"})
    bob = await api.create("bob", "/api/leads", {"name": "Zebra bob"})
    gus = await api.create("gus", "/api/leads", {"name": "Zebra gus"})
    client = await api.create("bob", "/api/clients", {"name": "Zebra client"})
    project = await api.create(
        "bob", "/api/projects", {"name": "Zebra project", "client_id": client["id"]}
    )
    contact = await api.create(
        "bob", "/api/contacts", {"first_name": "Zebra", "client_id": client["id"]}
    )
    account = await api.create(
        "bob", "/api/accounts", {"client_id": client["id"], "account_number": "ZEBRA-1"}
    )
    bobs = {bob["id"], client["id"], project["id"], contact["id"], account["id"]}

    assert found(await search(api, "alice", "zebra")) == {alice["id"]}
    assert found(await search(api, "bob", "zebra")) == bobs
    # the admin finds the whole tenant, never the other one
    assert found(await search(api, "admin", "zebra")) == bobs | {alice["id"]}
    assert found(await search(api, "gus", "zebra")) == {gus["id"]}
    assert found(await search(api, "gina", "zebra")) == {gus["id"]}
    # a project assigned to alice becomes findable by her (parent visibility + assignee)
    await api.client.post(
        f"/api/projects/{project['id']}/assign",
        json={"assigned_to": str(api.world["alice"].id)},
        headers=await api.login("admin"),
    )
    assert found(await search(api, "alice", "zebra")) == {alice["id"], project["id"]}


async def test_percent_and_underscore_are_literal(api: Api) -> None:
    pct = await api.create("alice", "/api/leads", {"name": "100% Pure"})
    und = await api.create("alice", "/api/leads", {"name": "snake_case Ltd"})
    back = await api.create("alice", "/api/leads", {"name": "back\\slash"})
    await api.create("alice", "/api/leads", {"name": "1000 Pure"})
    await api.create("alice", "/api/leads", {"name": "snakeXcase Ltd"})
    await api.create("alice", "/api/leads", {"name": "backslash"})
    assert found(await search(api, "alice", "0%"), "Lead") == {pct["id"]}
    assert found(await search(api, "alice", "%"), "Lead") == {pct["id"]}
    assert found(await search(api, "alice", "e_c"), "Lead") == {und["id"]}
    assert found(await search(api, "alice", "_"), "Lead") == {und["id"]}
    assert found(await search(api, "alice", "k\\s"), "Lead") == {back["id"]}


async def test_case_insensitive_including_non_ascii(api: Api) -> None:
    e = await api.create("alice", "/api/leads", {"name": "Émile Zola SARL"})
    u = await api.create("alice", "/api/clients", {"name": "ÜBER Straße GmbH"})
    await api.create("alice", "/api/leads", {"name": "Emile plain"})
    assert found(await search(api, "alice", "émile")) == {e["id"]}
    assert found(await search(api, "alice", "ÉMILE")) == {e["id"]}
    assert found(await search(api, "alice", "zola sarl")) == {e["id"]}
    assert found(await search(api, "alice", "über")) == {u["id"]}
    assert found(await search(api, "alice", "gmbh")) == {u["id"]}


async def test_groups_carry_the_field_that_matched(api: Api) -> None:
    by_name = await api.create("alice", "/api/leads", {"name": "Kestrel Ltd"})
    by_email = await api.create(
        "alice", "/api/leads", {"name": "Other", "email": "ops@kestrel.example"}
    )
    by_person = await api.create(
        "alice", "/api/clients", {"name": "Hawk", "contact_person": "Kim Kestrel"}
    )
    groups = await search(api, "alice", "KESTREL")
    items = {i["id"]: i for g in groups.values() for i in g["items"]}
    assert items[by_name["id"]]["field"] == "name"
    assert items[by_name["id"]]["text"] == "Kestrel Ltd"
    assert items[by_name["id"]]["label"] == "Kestrel Ltd"
    assert items[by_email["id"]]["field"] == "email"
    assert items[by_email["id"]]["text"] == "ops@kestrel.example"
    assert items[by_email["id"]]["label"] == "Other"
    assert items[by_person["id"]]["field"] == "contact_person"
    assert groups["Lead"]["path"] == "/leads"
    assert found(groups, "Lead") == {by_name["id"], by_email["id"]}
    assert found(groups, "Client") == {by_person["id"]}
    assert found(groups, "Project") == set()
    # newest first
    assert [i["id"] for i in groups["Lead"]["items"]] == [by_email["id"], by_name["id"]]


async def test_limited_per_type_with_has_more(api: Api) -> None:
    leads = [await api.create("alice", "/api/leads", {"name": f"Osprey {i}"}) for i in range(7)]
    clients = [await api.create("alice", "/api/clients", {"name": f"Osprey {i}"}) for i in range(2)]
    groups = await search(api, "alice", "osprey")
    assert len(groups["Lead"]["items"]) == 5  # the default
    assert groups["Lead"]["has_more"] is True
    assert [i["id"] for i in groups["Lead"]["items"]] == [x["id"] for x in leads[::-1][:5]]
    assert len(groups["Client"]["items"]) == 2
    assert groups["Client"]["has_more"] is False
    groups = await search(api, "alice", "osprey", limit=7)
    assert len(groups["Lead"]["items"]) == 7
    assert groups["Lead"]["has_more"] is False
    groups = await search(api, "alice", "osprey", limit=1)
    assert [i["id"] for i in groups["Lead"]["items"]] == [leads[-1]["id"]]
    assert [i["id"] for i in groups["Client"]["items"]] == [clients[-1]["id"]]
    headers = await api.login("alice")
    bad_params: list[dict[str, str | int]] = [
        {"q": "osprey", "limit": 51},
        {"q": "osprey", "limit": 0},
        {"q": ""},
        {},
    ]
    for bad in bad_params:
        assert_error(await api.client.get("/api/search", params=bad, headers=headers), 400)


async def test_trashed_records_are_not_found(api: Api) -> None:
    alice = await api.login("alice")
    lead = await api.create("alice", "/api/leads", {"name": "Pelican"})
    client = await api.create("alice", "/api/clients", {"name": "Pelican"})
    project = await api.create("alice", "/api/projects", {"name": "Pelican"})
    for path, rec in (("leads", lead), ("clients", client), ("projects", project)):
        await api.client.delete(f"/api/{path}/{rec['id']}", headers=alice)
    assert found(await search(api, "alice", "pelican")) == set()
    assert found(await search(api, "admin", "pelican")) == set()


async def test_search_needs_a_live_session(api: Api) -> None:
    assert_error(await api.client.get("/api/search", params={"q": "x"}), 401)
