"""crm tenant export / crm tenant delete, on both databases, with records made through the API.

Each tenant gets a record of every resource (from the generated resource list, so a new entity
is covered without editing this file). Export writes exactly the tenant's rows; delete removes
every one of them in one transaction and leaves every other row of the database as it was,
compared as the driver returns it (SQLite's stored text, PostgreSQL's values).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from crm.cli import main
from crm.ops.tenant_data import tenant_tables
from generated.python.resources import RESOURCES
from tests.api.conftest import Api
from tests.api.contract_data import make
from tests.db.conftest import make_engine

pytestmark = pytest.mark.anyio

RESOURCE_NAMES = [name for name, r in RESOURCES.items() if r.path and name != "User"]


def raw_rows(url: str) -> dict[str, list[tuple[Any, ...]]]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return {
                name: sorted(
                    (tuple(r) for r in conn.execute(sa.text(f'SELECT * FROM "{name}"'))),
                    key=repr,
                )
                for name in sa.inspect(conn).get_table_names()
            }
    finally:
        engine.dispose()


def tenant_raw_id(url: str, slug: str) -> Any:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(
                sa.text("SELECT id FROM tenants WHERE slug = :slug"), {"slug": slug}
            ).scalar_one()
    finally:
        engine.dispose()


def without_tenant(
    rows: dict[str, list[tuple[Any, ...]]], columns: dict[str, list[str]], tenant: Any
) -> dict[str, list[tuple[Any, ...]]]:
    """Every row that is not the tenant's (its tenants row, or tenant_id = tenant)."""
    kept = {}
    for table, table_rows in rows.items():
        key = "id" if table == "tenants" else "tenant_id"
        if key not in columns[table]:
            kept[table] = table_rows
            continue
        at = columns[table].index(key)
        kept[table] = [r for r in table_rows if r[at] != tenant]
    return kept


def column_names(url: str) -> dict[str, list[str]]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            inspector = sa.inspect(conn)
            return {
                name: [c["name"] for c in inspector.get_columns(name)]
                for name in inspector.get_table_names()
            }
    finally:
        engine.dispose()


async def test_export_then_delete_leaves_every_other_tenants_rows_identical(
    api: Api, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for who in ("alice", "gus"):
        for name in RESOURCE_NAMES:
            await make(api, who, name)
    url = api.world.url
    acme = tenant_raw_id(url, "acme")
    columns = column_names(url)
    before = raw_rows(url)
    others_before = without_tenant(before, columns, acme)
    assert others_before["leads"], "globex has rows too"

    monkeypatch.setenv("DATABASE_URL", url)
    export = tmp_path / "acme.jsonl"
    assert main(["tenant", "export", "acme", "--output", str(export)]) == 0
    progress = capsys.readouterr().err.splitlines()
    total = sum(len(before[t]) - len(others_before[t]) for t in before)
    assert f"export acme: {total}/{total}" in progress  # the progress bar, as logs see it
    assert export.stat().st_mode & 0o077 == 0  # personal data: the owner's only
    header, *lines = [json.loads(line) for line in export.read_text().splitlines()]
    exported: dict[str, list[dict[str, Any]]] = {}
    for line in lines:
        exported.setdefault(line["table"], []).append(line["row"])
    acme_id = str(api.world.tenants["acme"])
    assert [row["id"] for row in exported["tenants"]] == [acme_id]
    for table in tenant_tables():
        mine = len(before[table.name]) - len(others_before[table.name])
        assert len(exported.get(table.name, [])) == mine, table.name
        assert all(row["tenant_id"] == acme_id for row in exported.get(table.name, []))
    assert header["export"]["rows"] == {t: len(rows) for t, rows in exported.items()} | {
        t.name: 0 for t in tenant_tables() if t.name not in exported
    }
    assert set(exported) >= {RESOURCES[n].table for n in RESOURCE_NAMES}

    assert main(["tenant", "delete", "acme", "--yes"]) == 0
    after = raw_rows(url)
    assert after == others_before  # byte for byte, table by table
    assert without_tenant(after, columns, acme) == after
    capsys.readouterr()

    # The deleted tenant's people cannot log in; the other tenant's still can.
    person = api.world["alice"]
    refused = await api.client.post(
        "/api/auth/login", json={"email": person.email, "password": person.password}
    )
    assert refused.status_code == 401
    gus = api.world["gus"]
    kept = await api.client.post(
        "/api/auth/login", json={"email": gus.email, "password": gus.password}
    )
    assert kept.status_code == 200


async def test_delete_asks_for_confirmation_and_names_an_unknown_slug(
    api: Api, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = api.world.url
    before = raw_rows(url)
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["tenant", "delete", "acme"]) == 2  # stdin is not a terminal: --yes needed
    assert "--yes" in capsys.readouterr().err
    assert main(["tenant", "delete", "nobody", "--yes"]) == 2
    assert "no tenant with slug 'nobody'" in capsys.readouterr().err
    unknown = tmp_path / "nobody.jsonl"
    assert main(["tenant", "export", "nobody", "--output", str(unknown)]) == 2
    assert "no tenant with slug 'nobody'" in capsys.readouterr().err
    assert not unknown.exists()  # no half-written export left behind
    assert main(["tenant", "export", "acme", "--output", "/dev/null/x"]) == 2
    assert "Cannot write" in capsys.readouterr().err
    assert raw_rows(url) == before
