"""Small things a newcomer trips over in the first hour (issue 11, "Papercuts")."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

from crm.auth import TOKEN_MISSING, TOKEN_REJECTED
from generated.python.resources import RESOURCES
from tests.api.conftest import Api, assert_error

pytestmark = pytest.mark.anyio

LEAD = RESOURCES["Lead"]
LEADS = f"/api{LEAD.path}"
TIMESTAMPS = [f for f in LEAD.fields if f.endswith("_at")]


async def test_csv_timestamps_are_written_as_in_json(api: Api) -> None:
    created = await api.create("alice", LEADS, {"name": "Timestamp format"})
    headers = await api.login("alice")
    as_json = (await api.client.get(LEADS, headers=headers)).json()["items"]
    as_csv = await api.client.get(LEADS, headers={**headers, "Accept": "text/csv"})
    assert as_csv.status_code == 200, as_csv.text
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    json_row = next(r for r in as_json if r["id"] == created["id"])
    csv_row = next(r for r in rows if r["id"] == created["id"])
    assert {"created_at", "updated_at"} <= set(TIMESTAMPS)
    for field in TIMESTAMPS:
        assert csv_row[field] == (json_row[field] or ""), field
    assert csv_row["created_at"].endswith("Z")


async def test_a_request_without_a_token_is_told_to_authenticate(
    client: httpx.AsyncClient,
) -> None:
    body = assert_error(await client.get(LEADS), 401)
    assert body["error"] == TOKEN_MISSING
    assert "expired" not in body["error"]
    assert body["error"].startswith("Authentication required")


async def test_a_bad_token_is_still_told_its_session_is_not_valid(
    client: httpx.AsyncClient,
) -> None:
    body = assert_error(
        await client.get(LEADS, headers={"Authorization": "Bearer not.a.token"}), 401
    )
    assert body["error"] == TOKEN_REJECTED
