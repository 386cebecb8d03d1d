"""Tenancy and visibility, as a matrix over every resource and every operation of the contracts.

The matrix is built from `generated.python.resources.OPERATIONS` and openapi.yaml (through
tests/api/contract_data.py), so a new entity is covered without editing this file:

- every operation that takes an id or a parent id (get, update, delete, restore, purge, assign,
  convert, the children lists) called with another tenant's record (as a user and as an admin)
  and with an invisible record of the caller's own tenant answers 404 — 403 where a non-admin
  calls an admin-only operation — and every bulk operation answers 200 with `not_found` for each
  such id (403 for an admin-only bulk called by a non-admin); the database, compared row by row,
  is unchanged;
- bodies carrying a server field (tenant_id, id, created_by, created_at) answer 400 on create
  and update;
- a body naming a record the caller cannot see (another tenant's, or an invisible one of the
  caller's tenant) in a reference field answers 409 naming the field, and nothing is written.

The size of the matrix (one case per request) is computed from the contracts by `id_cases` /
`reference_cases` and asserted by `test_the_matrix_covers_every_operation` (at the time of
writing: 216 requests by id, 62 with references, 64 with server fields: 342 per database).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from generated.python.resources import OPERATIONS, RESOURCES
from tests.api.conftest import Api, assert_error
from tests.api.contract_data import (
    PREFIX,
    ROUTES,
    Route,
    make,
    needs_parent,
    parent_fields,
    required_body,
    resolve,
    routes,
    sample,
    schema,
    snapshot,
    trash,
    update_body,
)

pytestmark = pytest.mark.anyio

ID_KINDS = ("get", "update", "delete", "restore", "purge", "assign", "convert", "list_children")
BULK_KINDS = ("bulk", "bulk_assign", "bulk_status")
ADMIN_ONLY_KINDS = {"purge", "assign", "bulk_assign"}
ADMIN_ONLY_BULK_ACTIONS = {"purge"}
SERVER_FIELDS = ["tenant_id", "id", "created_by", "created_at"]
SCENARIOS = [
    ("alice", "gus", "another tenant's record, as a user"),
    ("admin", "gus", "another tenant's record, as an admin"),
    ("bob", "alice", "an invisible record of the same tenant"),
]
# resources whose records anyone may reach by id within the tenant have no invisible case
ADMIN_VISIBILITY = {name for name, r in RESOURCES.items() if r.visibility == "admin"}
MATRIX_BY_ID = 216  # 9 resources, 72 requests by id, 3 callers
MATRIX_TOTAL = 342  # + 62 reference cases + 64 server-field cases
TESTED = sorted({op.resource for op in OPERATIONS.values()})
CREATABLE = sorted(
    {op.resource for op in OPERATIONS.values() if op.kind == "create"} - ADMIN_VISIBILITY
)


@dataclass(frozen=True)
class Case:
    route: Route
    action: str | None = None  # a bulk request's action

    @property
    def admin_only(self) -> bool:
        return (
            self.route.op.kind in ADMIN_ONLY_KINDS
            or self.action in ADMIN_ONLY_BULK_ACTIONS
            or self.route.op.resource in ADMIN_VISIBILITY
        )


def id_cases(resource: str) -> list[Case]:
    """Every request of the matrix that names a record of (or under) `resource` by id."""
    cases = [Case(r) for r in routes(*ID_KINDS, resource=resource)]
    for route in routes("bulk", resource=resource):
        assert route.body_schema is not None
        actions = resolve(schema(route.body_schema)["properties"]["action"])["enum"]
        cases += [Case(route, action) for action in actions]
    cases += [Case(r) for r in routes("bulk_assign", "bulk_status", resource=resource)]
    return cases


def reference_fields(resource: str) -> list[tuple[str, str]]:
    """(field, referenced resource) for each reference a Create body may carry."""
    create = schema(f"{resource}Create")["properties"]
    return [(r.field, r.resource) for r in RESOURCES[resource].references if r.field in create]


def reference_cases(resource: str) -> list[tuple[str, str, str]]:
    """(field, referenced resource, owner): gus's record, and bob's unless users are meant."""
    return [
        (field, target, owner)
        for field, target in reference_fields(resource)
        for owner in (("gus",) if target == "User" else ("gus", "bob"))
    ]


def matrix_size() -> dict[str, int]:
    """The number of requests the matrix makes, per database."""
    return {
        "by id": sum(len(id_cases(name)) for name in TESTED) * len(SCENARIOS),
        "references": sum(2 * len(reference_cases(name)) for name in CREATABLE),
        "server fields": 2 * len(SERVER_FIELDS) * len(CREATABLE),
    }


def test_the_matrix_covers_every_operation() -> None:
    # every operation kind that takes an id is in the matrix, for every resource declaring it
    kinds = {c.route.op.kind for name in TESTED for c in id_cases(name)}
    assert kinds == set(ID_KINDS) | set(BULK_KINDS)
    for op_id, op in OPERATIONS.items():
        if op.kind in ID_KINDS or op.kind in BULK_KINDS:
            assert any(c.route.operation_id == op_id for c in id_cases(op.resource)), op_id
    size = matrix_size()
    print(f"isolation matrix: {size}, {sum(size.values())} requests per database")
    assert size["by id"] >= MATRIX_BY_ID, size
    assert sum(size.values()) >= MATRIX_TOTAL, size


async def records(api: Api, owner: str, resource: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A live record and, for a resource with a trash, a trashed one (else the live one)."""
    live = await make(api, owner, resource, label="Live")
    if not RESOURCES[resource].soft_delete or resource in ADMIN_VISIBILITY:
        return live, live
    trashed = await make(api, owner, resource, label="Trashed")
    await trash(api, owner, resource, trashed["id"])
    return live, trashed


def request(
    case: Case, live: dict[str, Any], trashed: dict[str, Any], parent_ids: dict[str, str], me: str
) -> tuple[str, str, Any]:
    route, kind = case.route, case.route.op.kind
    resource = RESOURCES[route.op.resource]
    if kind == "list_children":
        assert route.op.parent is not None
        return route.method, route.url(parent_ids[route.op.parent]), None
    if kind in ("restore", "purge"):
        return route.method, route.url(trashed["id"]), None
    if kind == "update":
        return route.method, route.url(live["id"]), update_body(resource, "Changed")
    if kind == "assign":
        return route.method, route.url(live["id"]), {"assigned_to": me}
    if kind in BULK_KINDS:
        ids = list(dict.fromkeys([live["id"], trashed["id"]]))
        body: dict[str, Any] = {"ids": ids}
        if kind == "bulk":
            body["action"] = case.action
        elif kind == "bulk_assign":
            body["assigned_to"] = me
        else:
            assert route.body_schema is not None
            status = schema(route.body_schema)["properties"]["status"]
            body["status"] = sample(status, "status")
        return route.method, route.url(), body
    return route.method, route.url(live["id"]), None


@pytest.mark.parametrize("resource", TESTED)
async def test_operations_by_id_answer_404_and_change_nothing(api: Api, resource: str) -> None:
    """Every case of `id_cases(resource)` for each of SCENARIOS (one test per resource, so the
    records of each owner are created once); the failures are collected, then reported."""
    cases = id_cases(resource)
    assert cases, resource
    owned: dict[str, tuple[dict[str, Any], dict[str, Any], dict[str, str]]] = {}
    for owner in sorted({owner for _, owner, _ in SCENARIOS}):
        live, trashed = await records(api, owner, resource)
        parent_ids: dict[str, str] = {}
        for case in cases:
            parent = case.route.op.parent
            if parent is not None and parent not in parent_ids:
                target = next(p.resource for p in RESOURCES[resource].parents if p.field == parent)
                parent_ids[parent] = (await make(api, owner, target))["id"]
        owned[owner] = (live, trashed, parent_ids)
    for caller, _, _ in SCENARIOS:
        await api.login(caller)
    before = snapshot(api.world.url)

    failures: list[Any] = []
    for caller, owner, why in SCENARIOS:
        live, trashed, parent_ids = owned[owner]
        headers = await api.login(caller)
        is_admin = api.world[caller].role == "admin"
        me = str(api.world[caller].id)
        for case in cases:
            method, url, body = request(case, live, trashed, parent_ids, me)
            response = await api.client.request(method, url, json=body, headers=headers)
            what = (case.route.operation_id, case.action, why)
            if case.admin_only and not is_admin:
                expected = 403
            elif case.route.op.kind in BULK_KINDS:
                expected = 200
            else:
                expected = 404
            if response.status_code != expected:
                failures.append((what, response.status_code, response.text[:300]))
            elif expected == 200:
                results = response.json()["data"]
                not_found = [{"id": i, "result": "not_found"} for i in body["ids"]]
                if (results["done"], results["results"]) != (0, not_found):
                    failures.append((what, results))
            else:
                payload = assert_error(response, expected)
                if live["id"] in str(payload):
                    failures.append((what, "the record's id is in the error", payload))
    assert failures == [], failures
    assert snapshot(api.world.url) == before


@pytest.mark.parametrize("resource", CREATABLE)
async def test_server_fields_in_a_body_are_400(api: Api, resource: str) -> None:
    info = RESOURCES[resource]
    headers = await api.login("alice")
    record = await make(api, "alice", resource, label="Mine")
    body = required_body(info, "Forged")
    if needs_parent(info):
        body[info.parents[0].field] = (await make(api, "alice", info.parents[0].resource))["id"]
    before = snapshot(api.world.url)
    forged = {
        "tenant_id": str(api.world["gus"].tenant_id),
        "id": str(api.world["gus"].id),
        "created_by": str(api.world["bob"].id),
        "created_at": "2020-01-01T00:00:00Z",
    }
    for field in SERVER_FIELDS:
        created = await api.client.post(
            f"{PREFIX}{info.path}", json={**body, field: forged[field]}, headers=headers
        )
        payload = assert_error(created, 400)
        assert [e["path"] for e in payload["details"]["errors"]] == [f"/{field}"], field
        updated = await api.client.patch(
            f"{PREFIX}{info.path}/{record['id']}",
            json={**update_body(info, "Forged"), field: forged[field]},
            headers=headers,
        )
        payload = assert_error(updated, 400)
        assert [e["path"] for e in payload["details"]["errors"]] == [f"/{field}"], field
    assert snapshot(api.world.url) == before


@pytest.mark.parametrize("resource", [r for r in CREATABLE if reference_cases(r)])
async def test_a_body_naming_an_invisible_record_is_409(api: Api, resource: str) -> None:
    """Create and update with a reference to gus's record (another tenant) or bob's (same
    tenant, invisible to alice): 409 naming the field, nothing written."""
    info = RESOURCES[resource]
    headers = await api.login("alice")
    update_fields = schema(f"{resource}Update")["properties"]
    # alice's own record to update, and a parent of her own for bodies that need one
    mine = await make(api, "alice", resource, label="Mine")
    own_parent = (
        {info.parents[0].field: (await make(api, "alice", info.parents[0].resource))["id"]}
        if needs_parent(info)
        else {}
    )
    targets = {
        (target, owner): (await make(api, owner, target))["id"]
        for _, target, owner in reference_cases(resource)
    }
    before = snapshot(api.world.url)
    failures: list[Any] = []
    for field, target, owner in reference_cases(resource):
        bad = {field: targets[(target, owner)]}
        parents = parent_fields(info)
        base = required_body(info, "Refused")
        if field not in parents:
            base.update(own_parent)
        what = (resource, field, owner)
        created = await api.client.post(
            f"{PREFIX}{info.path}", json={**base, **bad}, headers=headers
        )
        if created.status_code != 409:
            failures.append((what, "create", created.status_code, created.text[:300]))
        else:
            paths = [e["path"] for e in assert_error(created, 409)["details"]["errors"]]
            if paths != [f"/{field}"]:
                failures.append((what, "create", paths))
        if field not in update_fields:
            continue
        body = dict(bad)
        if field in parents and info.parent_count == "exactly-one":
            # keep exactly one parent: clear the one the record has
            body.update({p: None for p in parents if p != field and mine.get(p)})
        updated = await api.client.patch(
            f"{PREFIX}{info.path}/{mine['id']}", json=body, headers=headers
        )
        if updated.status_code != 409:
            failures.append((what, "update", updated.status_code, updated.text[:300]))
        else:
            paths = [e["path"] for e in assert_error(updated, 409)["details"]["errors"]]
            if paths != [f"/{field}"]:
                failures.append((what, "update", paths))
    assert failures == [], failures
    assert snapshot(api.world.url) == before


# lists of an admin-visibility resource (users) are covered in test_users.py
@pytest.mark.parametrize("resource", [r for r in CREATABLE if "list" in RESOURCES[r].operations])
async def test_lists_show_only_what_the_caller_may_see(api: Api, resource: str) -> None:
    info = RESOURCES[resource]
    url = f"{PREFIX}{info.path}"
    mine = await make(api, "alice", resource)
    bobs = await make(api, "bob", resource)
    guss = await make(api, "gus", resource)

    async def ids(who: str, path: str) -> set[str]:
        response = await api.client.get(path, headers=await api.login(who))
        assert response.status_code == 200, response.text
        return {item["id"] for item in response.json()["items"]}

    alice_sees = await ids("alice", url)
    assert mine["id"] in alice_sees
    assert not {bobs["id"], guss["id"]} & alice_sees
    assert not {mine["id"], guss["id"]} & await ids("bob", url)
    everything = await ids("admin", f"{url}/all")
    assert {mine["id"], bobs["id"]} <= everything
    assert guss["id"] not in everything
    assert_error(await api.client.get(f"{url}/all", headers=await api.login("alice")), 403)


assert all(ROUTES[op_id].op.kind for op_id in OPERATIONS)
