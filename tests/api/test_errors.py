"""One error shape for every non-2xx answer: status, application/json, {"error", "details"}."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import httpx
import pytest

from generated.python.rules import is_storable_text
from tests.api.conftest import REACHED, SQL_IN_ERROR, assert_error, stub_token

pytestmark = pytest.mark.anyio

LEAD_ID = "0190f5c2-7a1b-7c3d-8e4f-a1b2c3d4e5f6"


@pytest.fixture
def auth(client: httpx.AsyncClient) -> dict[str, str]:
    return {"Authorization": f"Bearer {stub_token()}"}


def paths(body: dict[str, object]) -> list[str]:
    details = body["details"]
    assert isinstance(details, dict)
    return [error["path"] for error in details["errors"]]


# --- 400 -----------------------------------------------------------------------------------


async def test_a_valid_body_reaches_the_handler_as_a_dict(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    response = await client.post("/api/leads", json={"name": "Acme"}, headers=auth)
    body = assert_error(response, 409)
    assert body["error"] == REACHED
    assert body["details"]["body_type"] == "dict"


async def test_bad_json_is_400(client: httpx.AsyncClient, auth: dict[str, str]) -> None:
    response = await client.post(
        "/api/leads",
        content=b'{"name": "Acme",',
        headers={**auth, "Content-Type": "application/json"},
    )
    body = assert_error(response, 400)
    assert body["details"]["in"] == "body"
    assert body["details"]["errors"][0]["keyword"] == "json"


@pytest.mark.parametrize("raw", [b'{"name": NaN}', b'{"name": Infinity}', b"\xff\xfe{}"])
async def test_non_json_constants_and_invalid_utf8_are_400_not_500(
    client: httpx.AsyncClient, auth: dict[str, str], raw: bytes
) -> None:
    response = await client.post(
        "/api/leads", content=raw, headers={**auth, "Content-Type": "application/json"}
    )
    assert_error(response, 400)


async def test_an_unknown_field_is_named_by_its_path(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    response = await client.post("/api/leads", json={"name": "Acme", "nickname": "A"}, headers=auth)
    body = assert_error(response, 400)
    assert paths(body) == ["/nickname"]
    assert body["details"]["errors"][0]["keyword"] == "additionalProperties"
    assert "nickname" in body["error"]


async def test_a_wrong_type_is_named_by_its_path(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    response = await client.post("/api/leads", json={"name": 42}, headers=auth)
    body = assert_error(response, 400)
    assert body["details"]["errors"] == [
        {"in": "body", "path": "/name", "message": "must be a string", "keyword": "type"}
    ]


async def test_every_failing_field_is_named(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    response = await client.post(
        "/api/leads",
        json={"contact_person": 7, "email": "not-an-email", "status": "won", "extra": 1},
        headers=auth,
    )
    body = assert_error(response, 400)
    assert sorted(paths(body)) == ["/contact_person", "/email", "/extra", "/name", "/status"]
    keywords = {e["path"]: e["keyword"] for e in body["details"]["errors"]}
    assert keywords["/name"] == "required"
    assert keywords["/email"] == "format"
    assert keywords["/status"] == "enum"


async def test_a_rejected_value_is_not_echoed(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    response = await client.post(
        "/api/leads", json={"name": "Acme", "email": "s3cr3t-value"}, headers=auth
    )
    assert_error(response, 400)
    assert "s3cr3t-value" not in response.text


@pytest.mark.parametrize("field", ["id", "tenant_id", "created_by", "created_at"])
async def test_server_set_fields_are_rejected(
    client: httpx.AsyncClient, auth: dict[str, str], field: str
) -> None:
    response = await client.post("/api/leads", json={"name": "Acme", field: LEAD_ID}, headers=auth)
    assert paths(assert_error(response, 400)) == [f"/{field}"]


async def test_an_empty_required_body_is_400(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    response = await client.post(
        "/api/leads", content=b"", headers={**auth, "Content-Type": "application/json"}
    )
    assert_error(response, 400)


async def test_query_parameters_are_validated_and_named(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    response = await client.get("/api/leads?limit=abc&colour=red", headers=auth)
    body = assert_error(response, 400)
    assert body["details"]["in"] == "parameters"
    found = {(e["in"], e["path"]) for e in body["details"]["errors"]}
    assert found == {("query", "/limit"), ("query", "/colour")}
    (limit,) = [e for e in body["details"]["errors"] if e["path"] == "/limit"]
    assert limit["message"] == "must be an integer"


async def test_a_malformed_path_id_names_no_record(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    """A path names a record: an id that is no uuid names none, so 404 (not 400), naming the
    parameter; a bad query parameter beside it does not turn it into a 400."""
    body = assert_error(await client.get("/api/leads/not-a-uuid", headers=auth), 404)
    assert [(e["in"], e["path"]) for e in body["details"]["errors"]] == [("path", "/id")]
    for url in ("/api/leads/None/purge", "/api/leads/not-a-uuid?limit=0"):
        method = "DELETE" if url.endswith("purge") else "GET"
        assert_error(await client.request(method, url, headers=auth), 404)


# --- 403, 404, 405 -------------------------------------------------------------------------


async def test_403_from_a_handler(client: httpx.AsyncClient, auth: dict[str, str]) -> None:
    assert_error(await client.get("/api/auth/me", headers=auth), 403)


async def test_404_from_a_handler(client: httpx.AsyncClient, auth: dict[str, str]) -> None:
    assert_error(await client.get(f"/api/leads/{LEAD_ID}", headers=auth), 404)


@pytest.mark.parametrize("path", ["/api/no-such-thing", "/api/leads/x/y/z", "/nowhere", "/"])
async def test_404_for_unknown_routes(client: httpx.AsyncClient, path: str) -> None:
    assert_error(await client.get(path), 404)


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("DELETE", "/api/leads", "GET, HEAD, POST"),
        ("PUT", f"/api/leads/{LEAD_ID}", "DELETE, GET, HEAD, PATCH"),
        ("PUT", f"/api/leads/{LEAD_ID}/", "DELETE, GET, HEAD, PATCH"),
        ("POST", "/api/health", "GET, HEAD"),
    ],
)
async def test_405_names_every_allowed_method(
    client: httpx.AsyncClient, method: str, path: str, allow: str
) -> None:
    response = await client.request(method, path)
    body = assert_error(response, 405)
    assert response.headers["allow"] == allow
    assert body["details"]["allowed"] == allow.split(", ")


# --- 413, 415 ------------------------------------------------------------------------------


async def test_413_for_a_declared_body_over_the_limit(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    big = b'{"name": "' + b"x" * 5000 + b'"}'
    response = await client.post(
        "/api/leads", content=big, headers={**auth, "Content-Type": "application/json"}
    )
    body = assert_error(response, 413)
    assert body["details"] == {"max_bytes": 4096}


async def _chunks(data: bytes, size: int = 1000) -> AsyncIterator[bytes]:
    for start in range(0, len(data), size):
        yield data[start : start + size]


async def test_413_for_a_chunked_body_over_the_limit(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    big = b'{"name": "' + b"x" * 5000 + b'"}'
    response = await client.post(
        "/api/leads", content=_chunks(big), headers={**auth, "Content-Type": "application/json"}
    )
    assert_error(response, 413)


async def test_a_chunked_body_under_the_limit_is_validated_normally(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    response = await client.post(
        "/api/leads",
        content=_chunks(b'{"name": "Acme"}', 4),
        headers={**auth, "Content-Type": "application/json"},
    )
    assert assert_error(response, 409)["details"]["body"] == {"name": "Acme"}


async def test_415_for_a_body_without_content_type(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    response = await client.post("/api/leads", content=b'{"name": "Acme"}', headers=auth)
    assert_error(response, 415)


async def test_415_for_a_body_with_a_wrong_content_type(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    response = await client.post(
        "/api/leads", content=b'{"name": "Acme"}', headers={**auth, "Content-Type": "text/plain"}
    )
    assert_error(response, 415)


# --- 429, 500 ------------------------------------------------------------------------------


async def test_429_carries_retry_after(client: httpx.AsyncClient, auth: dict[str, str]) -> None:
    response = await client.get("/api/users", headers=auth)
    assert_error(response, 429)
    assert response.headers["retry-after"] == "7"


async def test_500_shows_no_traceback_and_no_sql(
    client: httpx.AsyncClient, auth: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="crm"):
        response = await client.delete(f"/api/leads/{LEAD_ID}", headers=auth)
    body = assert_error(response, 500)
    assert body["details"] == {}
    for secret in ("SELECT", "password_hash", "tenant-secret", "boom", "RuntimeError", 'File "'):
        assert secret not in response.text
    logged = [r for r in caplog.records if r.exc_info]
    assert logged
    assert SQL_IN_ERROR in str(logged[0].exc_info[1])


async def test_a_response_that_breaks_the_contract_is_a_logged_500(
    client: httpx.AsyncClient, auth: dict[str, str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="crm"):
        response = await client.get("/api/leads", headers=auth)
    assert_error(response, 500)
    assert "/items" in caplog.text


# --- trailing slash ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "json"),
    [
        ("GET", "/api/health", None),
        ("POST", "/api/leads", {"name": "Acme"}),
        ("POST", "/api/leads", {"name": 1}),
        ("GET", f"/api/leads/{LEAD_ID}", None),
        ("GET", "/api/nothing-here", None),
        ("DELETE", "/api/leads", None),
    ],
)
async def test_with_and_without_a_trailing_slash_answer_alike(
    client: httpx.AsyncClient, auth: dict[str, str], method: str, path: str, json: object
) -> None:
    plain = await client.request(method, path, json=json, headers=auth)
    slashed = await client.request(method, path + "/", json=json, headers=auth)
    assert plain.status_code < 300 or plain.status_code >= 400
    assert (slashed.status_code, slashed.json()) == (plain.status_code, plain.json())
    assert slashed.headers.get("allow") == plain.headers.get("allow")


async def test_an_echoed_nul_keeps_the_text_rule(
    client: httpx.AsyncClient, auth: dict[str, str]
) -> None:
    """An unknown query parameter whose name holds NUL is named in the 400, written out as
    text: the Error body's strings keep the contracts' text rule like every other string."""
    response = await client.get("/api/leads?a%00b=1", headers=auth)
    body = assert_error(response, 400)
    assert "\\u0000" not in response.text  # orjson would write an echoed NUL so
    assert "a\\x00b" in body["error"]
    assert is_storable_text(body["error"])
