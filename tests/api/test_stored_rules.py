"""A contract's cross-field checks (`x-resource.checks`, e.g. a project's start_date not after
its end_date) are the database's to enforce; breaking one is a 409 (PostgreSQL names the
constraint): a conflict with a rule of the stored data, never a 400 or a 500, on create and on
an update that breaks it together with the stored value (Schemathesis' deep profile found the
400: no rule of the spec's bodies can relate two fields, so a schema-valid body got a 400).

The checks are read from the contracts themselves, so a new one is covered here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generated.python.resources import RESOURCES
from tests.api.conftest import Api, assert_error
from tests.api.contract_data import PREFIX, make
from tests.api.snapshot import snapshot

pytestmark = pytest.mark.anyio

ROOT = Path(__file__).resolve().parents[2]
CHECKS = [
    (doc["title"], check["le"][0], check["le"][1])
    for path in sorted((ROOT / "contracts").glob("*.json"))
    for doc in [json.loads(path.read_text())]
    for check in doc.get("x-resource", {}).get("checks", [])
]
EARLY, LATE = "2026-01-31", "2026-02-01"  # both fields are dates in every check here


def test_there_are_checks() -> None:
    assert CHECKS


@pytest.mark.parametrize(("name", "low", "high"), CHECKS)
async def test_breaking_a_check_is_409(api: Api, name: str, low: str, high: str) -> None:
    info = RESOURCES[name]
    headers = await api.login("alice")
    url = f"{PREFIX}{info.path}"
    before = snapshot(api.world.url)
    record: dict[str, Any] = await make(api, "alice", name, **{low: EARLY, high: LATE})
    after_create = snapshot(api.world.url)
    assert after_create != before

    created = await api.client.post(
        url, json={"name": "Reversed", low: LATE, high: EARLY}, headers=headers
    )
    assert_error(created, 409)
    # the body alone is fine; with the stored start_date it is not
    updated = await api.client.patch(
        f"{url}/{record['id']}", json={high: "2026-01-01"}, headers=headers
    )
    assert_error(updated, 409)
    assert snapshot(api.world.url) == after_create
    fine = await api.client.patch(f"{url}/{record['id']}", json={high: LATE}, headers=headers)
    assert fine.status_code == 200, fine.text
