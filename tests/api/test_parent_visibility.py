"""Parent visibility: a child record is visible when its parent is, plus what its contract says.

Every case is derived from `generated.python.resources.RESOURCES` (through
tests/api/contract_data.py): the (child, parent field) pairs from `parents`, the assignee rule from
an `assigned_to` field, the author rule from `edit: author`, the parent count from
`parent_count`, the filters from `filters`. The people: alice and bob are users of acme (admin is
its admin), gus a user of globex.

- A child follows its parent, recursively (a task on a project on a client follows the client):
  the list, the record by id and the parent's children list show it exactly when the parent is
  visible (made visible to bob by assigning the root record to him, then taken away again).
- A project / task is visible to its assignee even when its parent is not.
- A record with no parent is visible to its creator only (and to an admin by id / on /all).
- A note's author rule: a non-author who sees the note gets 403 on PATCH and DELETE; an admin may.
- Parent count: interactions need exactly one parent, the others at most one. A body breaking
  it is a 400 (openapi.yaml states the rule on the bodies); an update breaking it only together
  with the stored record (a second parent, clearing the only one) is a 409.
- A list filter naming a parent the caller cannot see is 404 naming the parameter.
- The children list of a parent the caller cannot see is 404.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from generated.python.resources import RESOURCES
from tests.api.conftest import Api, assert_error
from tests.api.contract_data import (
    PREFIX,
    make,
    needs_parent,
    parent_fields,
    required_body,
    routes,
    snapshot,
)

pytestmark = pytest.mark.anyio

CHILDREN = sorted(name for name, r in RESOURCES.items() if r.visibility == "parent")
PAIRS = [(name, p.field, p.resource) for name in CHILDREN for p in RESOURCES[name].parents]
ASSIGNABLE = [name for name in CHILDREN if "assigned_to" in RESOURCES[name].fields]
PARENTLESS = [name for name in CHILDREN if not needs_parent(RESOURCES[name])]
AUTHORED = [name for name in CHILDREN if RESOURCES[name].edit == "author"]
MULTI_PARENT = [name for name in CHILDREN if len(RESOURCES[name].parents) > 1]
EXACTLY_ONE = [name for name in CHILDREN if RESOURCES[name].parent_count == "exactly-one"]
# the filters that name a record (a parent, or another visible resource such as a source lead)
RECORD_FILTERS = [
    (name, f.param, ref.resource)
    for name, r in sorted(RESOURCES.items())
    if "list" in r.operations
    for f in r.filters
    for ref in r.references
    # parent filters (client_id=...) are checked; a filter through another reference
    # (clients?source_lead_id=...) only narrows what the caller sees anyway: an empty page
    if ref.field == f.column and f.op == "=" and ref.parent
]


def test_the_cases_cover_the_contracts() -> None:
    assert {"Project", "Contact", "Interaction", "Note", "Task"} <= set(CHILDREN)
    assert ("Task", "project_id", "Project") in PAIRS
    assert {"Project", "Task"} <= set(ASSIGNABLE)
    assert {"Note", "Contact"} <= set(PARENTLESS)
    assert AUTHORED == ["Note"]
    assert EXACTLY_ONE == ["Interaction"]
    assert ("Project", "client_id", "Client") in RECORD_FILTERS


def url(resource: str, record_id: str | None = None) -> str:
    path = f"{PREFIX}{RESOURCES[resource].path}"
    return path if record_id is None else f"{path}/{record_id}"


def children_url(child: str, field: str, parent_id: str) -> str:
    [route] = [r for r in routes("list_children", resource=child) if r.op.parent == field]
    return route.url(parent_id)


async def status(api: Api, who: str, method: str, path: str, **kw: Any) -> int:
    response = await api.client.request(method, path, headers=await api.login(who), **kw)
    assert response.status_code < 500, response.text
    return response.status_code


async def listed(api: Api, who: str, path: str, record_id: str, **params: Any) -> bool:
    response = await api.client.get(
        path, params={"limit": 100, **params}, headers=await api.login(who)
    )
    assert response.status_code == 200, response.text
    return record_id in {item["id"] for item in response.json()["items"]}


async def assign(api: Api, resource: str, record_id: str, to: str | None) -> None:
    assigned_to = None if to is None else str(api.world[to].id)
    if "assign" in RESOURCES[resource].operations:
        response = await api.client.post(
            f"{url(resource, record_id)}/assign",
            json={"assigned_to": assigned_to},
            headers=await api.login("admin"),
        )
    else:  # assigned through the record itself (a task's assigned_to is writable)
        response = await api.client.patch(
            url(resource, record_id),
            json={"assigned_to": assigned_to},
            headers=await api.login("admin"),
        )
    assert response.status_code == 200, response.text


async def parent_chain(api: Api, who: str, parent: str) -> tuple[str, str, dict[str, Any]]:
    """(root resource, root id, parent record): a parent that itself needs a parent hangs off a
    root record of `who` (a project on a client), so its visibility follows that root."""
    info = RESOURCES[parent]
    if info.visibility != "parent":
        record = await make(api, who, parent)
        return parent, record["id"], record
    root = info.parents[0]
    root_record = await make(api, who, root.resource)
    record = await make(api, who, parent, **{root.field: root_record["id"]})
    return root.resource, root_record["id"], record


async def sees(api: Api, who: str, child: str, record: dict[str, Any], field: str) -> bool:
    """Whether `who` sees `record` by id, in the list and in its parent's children list; the
    three must agree."""
    by_id = await status(api, who, "GET", url(child, record["id"]))
    assert by_id in (200, 404), by_id
    in_list = await listed(api, who, url(child), record["id"])
    children = await api.client.get(
        children_url(child, field, record[field]), headers=await api.login(who)
    )
    if children.status_code == 200:
        in_children = record["id"] in {i["id"] for i in children.json()["items"]}
    else:
        assert_error(children, 404)
        in_children = False
    assert (by_id == 200) == in_list == in_children, (by_id, in_list, in_children)
    return in_list


@pytest.mark.parametrize(("child", "field", "parent"), PAIRS)
async def test_a_child_follows_its_parent(api: Api, child: str, field: str, parent: str) -> None:
    root, root_id, parent_record = await parent_chain(api, "alice", parent)
    record = await make(api, "alice", child, **{field: parent_record["id"]})
    assert record[field] == parent_record["id"]
    assert await sees(api, "alice", child, record, field)
    assert not await sees(api, "bob", child, record, field)
    assert not await sees(api, "gus", child, record, field)
    # the children list of a parent bob cannot see is a 404, not an empty page
    assert_error(
        await api.client.get(
            children_url(child, field, parent_record["id"]), headers=await api.login("bob")
        ),
        404,
    )
    await assign(api, root, root_id, "bob")
    assert await sees(api, "bob", child, record, field)
    assert not await sees(api, "gus", child, record, field)
    await assign(api, root, root_id, None)
    assert not await sees(api, "bob", child, record, field)
    assert await sees(api, "alice", child, record, field)


@pytest.mark.parametrize("child", ASSIGNABLE)
async def test_an_assignee_sees_the_record_without_its_parent(api: Api, child: str) -> None:
    info = RESOURCES[child]
    field = info.parents[0].field
    _, _, parent_record = await parent_chain(api, "alice", info.parents[0].resource)
    record = await make(api, "alice", child, **{field: parent_record["id"]})
    assert await status(api, "bob", "GET", url(child, record["id"])) == 404
    await assign(api, child, record["id"], "bob")
    assert await status(api, "bob", "GET", url(child, record["id"])) == 200
    assert await listed(api, "bob", url(child), record["id"])
    # ... but not the parent, nor the parent's children list
    assert await status(api, "bob", "GET", url(info.parents[0].resource, record[field])) == 404
    assert await status(api, "bob", "GET", children_url(child, field, record[field])) == 404
    assert await status(api, "gus", "GET", url(child, record["id"])) == 404
    await assign(api, child, record["id"], None)
    assert await status(api, "bob", "GET", url(child, record["id"])) == 404
    assert not await listed(api, "bob", url(child), record["id"])


@pytest.mark.parametrize("child", PARENTLESS)
async def test_a_record_without_a_parent_is_its_creators(api: Api, child: str) -> None:
    record = await make(api, "alice", child)
    assert all(record.get(f) is None for f in parent_fields(RESOURCES[child]))
    assert await status(api, "alice", "GET", url(child, record["id"])) == 200
    assert await listed(api, "alice", url(child), record["id"])
    assert await status(api, "bob", "GET", url(child, record["id"])) == 404
    assert not await listed(api, "bob", url(child), record["id"])
    assert await status(api, "gus", "GET", url(child, record["id"])) == 404
    # an admin: any record of the tenant by id and on /all, the normal list as a user
    assert await status(api, "admin", "GET", url(child, record["id"])) == 200
    assert await listed(api, "admin", f"{url(child)}/all", record["id"])
    assert not await listed(api, "admin", url(child), record["id"])
    assert await status(api, "gina", "GET", url(child, record["id"])) == 404


@pytest.mark.parametrize("child", AUTHORED)
async def test_only_the_author_or_an_admin_edits(api: Api, child: str) -> None:
    info = RESOURCES[child]
    field = info.parents[0].field
    root, root_id, parent_record = await parent_chain(api, "alice", info.parents[0].resource)
    record = await make(api, "alice", child, **{field: parent_record["id"]})
    await assign(api, root, root_id, "bob")
    assert await status(api, "bob", "GET", url(child, record["id"])) == 200
    change = required_body(info, "Changed")
    before = snapshot(api.world.url)
    assert_error(
        await api.client.patch(
            url(child, record["id"]), json=change, headers=await api.login("bob")
        ),
        403,
    )
    assert_error(
        await api.client.delete(url(child, record["id"]), headers=await api.login("bob")), 403
    )
    assert snapshot(api.world.url) == before
    # bob's own note on the same parent is his to edit
    own = await make(api, "bob", child, **{field: parent_record["id"]})
    assert await status(api, "bob", "PATCH", url(child, own["id"]), json=change) == 200
    assert await status(api, "alice", "PATCH", url(child, record["id"]), json=change) == 200
    assert await status(api, "admin", "PATCH", url(child, own["id"]), json=change) == 200
    assert await status(api, "admin", "DELETE", url(child, record["id"])) == 204
    assert await status(api, "bob", "DELETE", url(child, own["id"])) == 204


def error_paths(response: Any, status: int = 400) -> set[str]:
    return {e["path"] for e in assert_error(response, status)["details"]["errors"]}


@pytest.mark.parametrize("child", sorted(set(EXACTLY_ONE) | set(MULTI_PARENT)))
async def test_the_number_of_parents(api: Api, child: str) -> None:
    info = RESOURCES[child]
    headers = await api.login("alice")
    parents = {
        p.field: (await parent_chain(api, "alice", p.resource))[2]["id"] for p in info.parents
    }
    fields = list(parents)
    body = required_body(info, "Counted")
    before = snapshot(api.world.url)
    two = {fields[0]: parents[fields[0]], fields[1]: parents[fields[1]]}
    response = await api.client.post(url(child), json={**body, **two}, headers=headers)
    paths = error_paths(response)
    assert paths, response.text
    assert paths <= {f"/{f}" for f in fields}, paths
    if info.parent_count == "exactly-one":
        response = await api.client.post(url(child), json=body, headers=headers)
        paths = error_paths(response)
        assert paths, response.text
        assert paths <= {f"/{f}" for f in fields}, paths
        nulls = dict.fromkeys(fields)
        response = await api.client.post(url(child), json={**body, **nulls}, headers=headers)
        assert error_paths(response)
    assert snapshot(api.world.url) == before
    # one parent is fine; a second one added by PATCH conflicts with the stored record (409),
    # removing the only one too
    record = await api.client.post(
        url(child), json={**body, fields[0]: parents[fields[0]]}, headers=headers
    )
    assert record.status_code == 201, record.text
    record_id = record.json()["data"]["id"]
    before = snapshot(api.world.url)
    response = await api.client.patch(
        url(child, record_id), json={fields[1]: parents[fields[1]]}, headers=headers
    )
    assert error_paths(response, 409) == {f"/{fields[0]}", f"/{fields[1]}"}
    # the same two parents in one body: the spec's 400
    response = await api.client.patch(url(child, record_id), json=two, headers=headers)
    assert error_paths(response) == {f"/{fields[0]}", f"/{fields[1]}"}
    if info.parent_count == "exactly-one":
        response = await api.client.patch(
            url(child, record_id), json={fields[0]: None}, headers=headers
        )
        assert error_paths(response, 409) == {f"/{f}" for f in fields}
    assert snapshot(api.world.url) == before
    # moving to another parent in one request is fine
    moved = {fields[0]: None, fields[1]: parents[fields[1]]}
    assert await status(api, "alice", "PATCH", url(child, record_id), json=moved) == 200


@pytest.mark.parametrize(("resource", "param", "target"), RECORD_FILTERS)
async def test_a_filter_naming_an_invisible_record_is_404(
    api: Api, resource: str, param: str, target: str
) -> None:
    alices = await make(api, "alice", target)
    guss = await make(api, "gus", target)
    for who, record_id, expected in (
        ("alice", alices["id"], 200),
        ("bob", alices["id"], 404),
        ("alice", guss["id"], 404),
        ("admin", guss["id"], 404),
        ("alice", str(uuid.uuid4()), 404),  # none at all: the same answer
    ):
        response = await api.client.get(
            url(resource), params={param: record_id}, headers=await api.login(who)
        )
        if expected == 200:
            assert response.status_code == 200, response.text
            continue
        errors = assert_error(response, expected)["details"]["errors"]
        assert [e["path"] for e in errors] == [f"/{param}"], (who, errors)
        assert all(e.get("in") == "query" for e in errors), errors
    # an admin's tenant-wide list accepts any record of the tenant, not another tenant's
    all_url = f"{url(resource)}/all"
    response = await api.client.get(
        all_url, params={param: alices["id"]}, headers=await api.login("admin")
    )
    assert response.status_code == 200, response.text
    assert_error(
        await api.client.get(all_url, params={param: guss["id"]}, headers=await api.login("admin")),
        404,
    )


async def test_a_task_on_a_project_on_a_client_follows_the_client(api: Api) -> None:
    """The three-level case spelled out: client -> project -> task, and the project's assignee."""
    client = await make(api, "alice", "Client")
    project = await make(api, "alice", "Project", client_id=client["id"])
    task = await make(api, "alice", "Task", project_id=project["id"])
    assert await status(api, "bob", "GET", url("Task", task["id"])) == 404
    await assign(api, "Client", client["id"], "bob")
    assert await status(api, "bob", "GET", url("Task", task["id"])) == 200
    assert await listed(api, "bob", children_url("Task", "project_id", project["id"]), task["id"])
    await assign(api, "Client", client["id"], None)
    assert await status(api, "bob", "GET", url("Task", task["id"])) == 404
    # the project's assignee sees the project, and so its tasks, but not the client
    await assign(api, "Project", project["id"], "bob")
    assert await status(api, "bob", "GET", url("Task", task["id"])) == 200
    assert await status(api, "bob", "GET", url("Client", client["id"])) == 404
