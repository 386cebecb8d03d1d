"""A list's CSV export: streamed in keyset batches, equal to its JSON pages concatenated.

The batch size is made tiny here, so that an export of a few dozen rows crosses many batch
boundaries, including ones inside a run of NULL sort values. Cells are compared with the JSON
items through Python's csv module: commas, quotes, newlines and formula-looking text round
trip (formulas come back behind the one quote that neutralises them).
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from crm import scope as scope_module
from crm.responses import FORMULA_STARTS
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio

AWKWARD = [
    'Acme, "the best" Ltd',
    "Acme\nsecond line",
    "Acme\r\nwindows line",
    "=Acme+1",
    "\tAcme tab",
    "\rAcme return",
    "-Acme minus",
    "@Acme at",
    "Acme plain",
    "Ácmé ünïcode",
]


def cell(value: Any) -> str:
    """What a JSON value is as a CSV cell, written independently of crm/responses.py."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


async def json_pages(api: Api, params: dict[str, Any]) -> list[dict[str, Any]]:
    headers = await api.login("alice")
    items: list[dict[str, Any]] = []
    query = {**params, "limit": 5}
    while True:
        response = await api.client.get("/api/leads", params=query, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        if "next_cursor" not in body:
            return items
        query = {**params, "limit": 5, "cursor": body["next_cursor"]}


async def csv_export(api: Api, params: dict[str, Any]) -> list[dict[str, str]]:
    headers = {**await api.login("alice"), "Accept": "text/csv"}
    response = await api.client.get("/api/leads", params=params, headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == "text/csv"
    return list(csv.DictReader(io.StringIO(response.text, newline="")))


@pytest.mark.parametrize(
    "params",
    [
        {"q": "acme", "status": "new", "sort_by": "name", "sort_order": "asc"},
        {"q": "acme", "sort_by": "source", "sort_order": "desc"},  # NULLs inside batches
        {"created_after": "2000-01-01T00:00:00Z"},
    ],
)
async def test_a_filtered_export_equals_its_json_pages(
    api: Api, monkeypatch: pytest.MonkeyPatch, params: dict[str, Any]
) -> None:
    monkeypatch.setattr(scope_module, "EXPORT_BATCH", 3)
    for i in range(26):
        body: dict[str, Any] = {"name": f"{AWKWARD[i % len(AWKWARD)]} {i}"}
        if i % 3 == 0:
            body["source"] = "Referral"
        if i % 4 == 0:
            body["status"] = "contacted"
        body["notes"] = AWKWARD[(i + 3) % len(AWKWARD)]
        await api.create("alice", "/api/leads", body)
    await api.create("bob", "/api/leads", {"name": "Acme of bob's"})  # not alice's

    items = await json_pages(api, params)
    rows = await csv_export(api, params)
    assert len(items) > 3 * 3  # several batches
    assert len(rows) == len(items)
    for row, item in zip(rows, items, strict=True):
        assert row == {k: cell(v) for k, v in item.items()}


async def test_formula_starts_are_neutralised_tab_and_return_included(api: Api) -> None:
    for name in AWKWARD:
        await api.create("alice", "/api/leads", {"name": name})
    rows = {r["id"]: r for r in await csv_export(api, {})}
    assert {"\t", "\r"} <= set(FORMULA_STARTS)
    names = sorted(r["name"] for r in rows.values())
    expected = sorted(("'" + n if n[0] in "=+-@\t\r" else n) for n in AWKWARD)
    assert names == expected
    assert "'\tAcme tab" in names
    assert "'\rAcme return" in names
