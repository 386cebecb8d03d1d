"""Issue 10, "No input gives a 500": one regression test per finding, on both databases."""

from __future__ import annotations

import uuid

import orjson
import pytest

from generated.python.resources import RESOURCES
from tests.api.conftest import Api, assert_error

pytestmark = pytest.mark.anyio

LEAD = RESOURCES["Lead"]
LEADS = f"/api{LEAD.path}"


def _nested(depth: int) -> bytes:
    return b'{"name": ' + b"[" * depth + b"]" * depth + b"}"


@pytest.mark.parametrize("depth", [33, 1_000, 2_000])
async def test_deeply_nested_json_is_a_400(api: Api, depth: int) -> None:
    headers = {**await api.login("alice"), "Content-Type": "application/json"}
    body = assert_error(await api.client.post(LEADS, content=_nested(depth), headers=headers), 400)
    assert body["details"]["errors"][0]["keyword"] == "depth"


async def test_deep_json_refused_before_login(api: Api) -> None:
    response = await api.client.post(
        "/api/auth/login",
        content=b'{"email": "a@b.example", "password": ' + b"[" * 1900 + b"]" * 1900 + b"}",
        headers={"Content-Type": "application/json"},
    )
    assert_error(response, 400)


@pytest.mark.parametrize("content_type", ["APPLICATION/JSON", "Application/Json; Charset=UTF-8"])
async def test_content_type_is_compared_without_case(api: Api, content_type: str) -> None:
    headers = {**await api.login("alice"), "Content-Type": content_type}
    invalid = orjson.dumps({"name": ""})
    body = assert_error(await api.client.post(LEADS, content=invalid, headers=headers), 400)
    assert body["details"]["errors"][0]["path"] == "/name"
    valid = orjson.dumps({"name": "Case-blind media types"})
    created = await api.client.post(LEADS, content=valid, headers=headers)
    assert created.status_code == 201, created.text


@pytest.mark.parametrize(
    "moment",
    [
        "2024-01-01T00:00:00+23:59",
        "2024-01-01T00:00:00-23:59",
        "0001-01-01T00:00:00+01:00",
        "9999-12-31T23:59:59-01:00",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999Z",
        "2024-01-01t00:00:00z",
    ],
)
async def test_extreme_date_time_filters_never_fail(api: Api, moment: str) -> None:
    await api.create("alice", LEADS, {"name": "Timed"})
    headers = await api.login("alice")
    for param in ("created_after", "created_before"):
        response = await api.client.get(LEADS, params={param: moment}, headers=headers)
        assert response.status_code in (200, 400), response.text
        if response.status_code == 400:
            error = assert_error(response, 400)
            assert error["details"]["errors"][0]["path"] == f"/{param}"


async def test_a_body_date_time_past_the_calendar_edge_is_a_400(api: Api) -> None:
    url = f"/api{RESOURCES['Interaction'].path}"
    headers = await api.login("alice")
    lead = await api.create("alice", LEADS, {"name": "Interacted"})
    for moment, status in (
        ("0001-01-01T00:00:00+01:00", 400),
        ("9999-12-31T23:59:59-01:00", 400),
        ("2024-06-01T12:00:00+23:59", 201),
        ("2024-06-01t12:00:00z", 201),
    ):
        body = {"summary": "Call", "lead_id": lead["id"], "contact_date": moment}
        response = await api.client.post(url, json=body, headers=headers)
        if status == 400:
            assert "out of range" in assert_error(response, 400)["error"]
        else:
            assert response.status_code == 201, (moment, response.text)
    listed = await api.client.get(url, headers=headers)
    assert len(listed.json()["items"]) == 2


async def test_extreme_offsets_filter_as_the_same_instant(api: Api) -> None:
    await api.create("alice", LEADS, {"name": "Timed"})
    headers = await api.login("alice")
    # +23:59 at 00:00 is the day before in UTC: every lead created now is after it
    response = await api.client.get(
        LEADS, params={"created_after": "2024-01-01T00:00:00+23:59"}, headers=headers
    )
    assert response.status_code == 200, response.text
    assert len(response.json()["items"]) == 1


@pytest.mark.parametrize(
    ("spelling", "status"),
    [("{U}", 200), ("urn:uuid:{u}", 400), ("{{{u}}}", 400), ("{h}", 400)],
    ids=["upper", "urn", "braces", "hex"],
)
async def test_cursor_ids_in_any_uuid_spelling(api: Api, spelling: str, status: int) -> None:
    """The cursor is a uuid in the spec's spelling (either case); what Python's UUID also reads
    (urn:uuid:, braces, bare hex) is the spec's 400, never a 500 from PostgreSQL."""
    for n in range(3):
        await api.create("alice", LEADS, {"name": f"Paged {n}"})
    headers = await api.login("alice")
    first = await api.client.get(LEADS, params={"limit": 1}, headers=headers)
    row = first.json()["items"][0]
    u = uuid.UUID(row["id"])
    cursor = spelling.format(u=u, h=u.hex, U=str(u).upper())
    response = await api.client.get(LEADS, params={"limit": 1, "cursor": cursor}, headers=headers)
    assert response.status_code == status, response.text
    if status == 200:
        assert response.json()["items"][0]["id"] != row["id"]


@pytest.mark.parametrize("path", ["/api/leads//", "/api/leads/%2F", "/api//leads", "/api/leads///"])
async def test_odd_slashes_are_a_404_never_a_redirect(api: Api, path: str) -> None:
    headers = {**await api.login("alice"), "Host": "evil.example"}
    response = await api.client.get(path, headers=headers)
    assert "location" not in response.headers
    assert_error(response, 404)


SURROGATE = b'"\\ud800"'


async def test_lone_surrogate_in_login_with_unknown_email(api: Api) -> None:
    for body in (
        b'{"email": "nobody@nowhere.example", "password": ' + SURROGATE + b"}",
        b'{"email": "alice@acme.example", "password": ' + SURROGATE + b"}",
        b'{"email": "x\\udfff@acme.example", "password": "whatever-password"}',
    ):
        response = await api.client.post(
            "/api/auth/login", content=body, headers={"Content-Type": "application/json"}
        )
        body_json = assert_error(response, 400)
        assert body_json["details"]["errors"][0]["keyword"] == "text"


async def test_lone_surrogate_in_a_body_is_a_400(api: Api) -> None:
    headers = {**await api.login("alice"), "Content-Type": "application/json"}
    body_bytes = b'{"name": ' + SURROGATE + b"}"
    response = await api.client.post(LEADS, content=body_bytes, headers=headers)
    body = assert_error(response, 400)
    assert body["details"]["errors"][0]["path"] == "/name"
    listed = await api.client.get(LEADS, headers=await api.login("alice"))
    assert listed.json()["items"] == []


@pytest.mark.parametrize("where", ["q", "status", "path"])
async def test_surrogate_bytes_in_query_or_path_never_fail(api: Api, where: str) -> None:
    """The UTF-8 form of U+D800 (invalid UTF-8) in a URL: decoded with replacement characters,
    so a search answers (no record matches) and a path or an enum filter is refused."""
    headers = await api.login("alice")
    raw = "%ED%A0%80"
    url = f"{LEADS}/{raw}" if where == "path" else f"{LEADS}?{where}={raw}"
    response = await api.client.get(url, headers=headers)
    if where == "path":
        assert_error(response, 404)  # not a uuid: names no record
    elif where == "status":
        assert_error(response, 400)  # not a status
    else:
        assert response.status_code == 200, response.text
        assert response.json()["items"] == []


async def test_an_undeclared_method_on_a_literal_path_is_a_405(api: Api) -> None:
    """PATCH /leads/bulk is not PATCH /leads/{id} with the id "bulk" (Schemathesis ST204)."""
    headers = await api.login("admin")
    response = await api.client.patch(f"{LEADS}/bulk", json={"ids": []}, headers=headers)
    body = assert_error(response, 405)
    assert response.headers["allow"] == "POST"
    assert body["details"]["allowed"] == ["POST"]
    trailing = await api.client.patch(f"{LEADS}/bulk/", json={"ids": []}, headers=headers)
    assert_error(trailing, 405)


async def test_a_task_leaving_done_clears_completed_at(api: Api) -> None:
    """Schemathesis ST202: the handler's own completed_at was refused as a body field (400)."""
    url = f"/api{RESOURCES['Task'].path}"
    headers = await api.login("alice")
    task = await api.create("alice", url, {"title": "Finish", "status": "done"})
    assert task["completed_at"] is not None
    reopened = await api.client.patch(
        f"{url}/{task['id']}", json={"status": "todo"}, headers=headers
    )
    assert reopened.status_code == 200, reopened.text
    assert reopened.json()["data"]["completed_at"] is None
    refused = await api.client.patch(
        f"{url}/{task['id']}", json={"completed_at": None}, headers=headers
    )
    assert_error(refused, 400)


def test_conversion_copies_fields_that_differ_only_in_annotations() -> None:
    """Schemathesis ST202 (convert answered 400): lead.name and client.name carry different
    `examples`, and the conversion stopped copying the name."""
    from crm.flows.conversion import copied_fields
    from generated.python.schemas import schema_for

    def name_schema(variant: str) -> dict[str, object]:
        schema: dict[str, object] = schema_for(variant)["$defs"][variant]["properties"]["name"]
        return schema

    assert name_schema("LeadCreate") != name_schema("ClientCreate")
    assert "name" in copied_fields("Lead", "Client")
