"""The database refuses what the contracts refuse — with raw SQL, not through any model.

Every rejection has an accepted twin that differs only in the value under test, so a test
cannot pass because the row was wrong in some other way. Limits and enum values come from the
generated code, never from a hand-written copy.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import CheckConstraint, Engine, text
from sqlalchemy.exc import DataError, IntegrityError

from generated.python.models import (
    ClientStatus,
    LeadStatus,
    PhoneLabel,
    ProjectStatus,
    Role,
    ValueType,
)
from generated.tables import SET_NULL_ON_DELETE, clients, leads, projects

BUNDLE = json.loads(
    (Path(__file__).resolve().parents[2] / "generated/python/bundle.json").read_text()
)["$defs"]


def new_id() -> str:
    # 32 hex digits: what SQLAlchemy's Uuid stores on SQLite, and valid uuid input on PostgreSQL
    return uuid.uuid4().hex


def insert(engine: Engine, table: str, row: dict[str, Any]) -> None:
    cols = ", ".join(row)
    params = ", ".join(f":{c}" for c in row)
    with engine.begin() as conn:
        conn.execute(text(f"INSERT INTO {table} ({cols}) VALUES ({params})"), row)


def count(engine: Engine, table: str, row_id: str) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                text(f"SELECT count(*) FROM {table} WHERE id = :id"), {"id": row_id}
            ).scalar_one()
        )


def check_name(table: Any, column: str, kind: str) -> str:
    names = [
        c.name
        for c in table.constraints
        if isinstance(c, CheckConstraint)
        and str(c.name).startswith(f"ck_{table.name}_{column}_{kind}_")
    ]
    assert len(names) == 1, names
    return str(names[0])


@dataclass
class Tenant:
    id: str
    user: str
    client: str
    lead: str


def lead_row(t: Tenant, **over: Any) -> dict[str, Any]:
    row = {
        "id": new_id(),
        "tenant_id": t.id,
        "name": "Lead",
        "phone_label": PhoneLabel.work.value,
        "status": LeadStatus.new.value,
        "created_by": t.user,
    }
    return {**row, **over}


def client_row(t: Tenant, **over: Any) -> dict[str, Any]:
    row = {
        "id": new_id(),
        "tenant_id": t.id,
        "name": "Client",
        "phone_label": PhoneLabel.work.value,
        "status": ClientStatus.new.value,
        "created_by": t.user,
    }
    return {**row, **over}


def project_row(t: Tenant, **over: Any) -> dict[str, Any]:
    row = {
        "id": new_id(),
        "tenant_id": t.id,
        "name": "Project",
        "status": ProjectStatus.pending.value,
        "value": 0,
        "value_type": ValueType.one_time.value,
        "created_by": t.user,
    }
    return {**row, **over}


def make_tenant(engine: Engine) -> Tenant:
    tid, uid = new_id(), new_id()
    insert(
        engine, "tenants", {"id": tid, "name": "Tenant", "slug": f"t-{tid[:12]}", "is_active": True}
    )
    insert(
        engine,
        "users",
        {
            "id": uid,
            "tenant_id": tid,
            "email": f"u{uid[:8]}@example.com",
            "role": Role.user.value,
            "is_active": True,
            "password_hash": "x",
        },
    )
    t = Tenant(tid, uid, new_id(), new_id())
    insert(engine, "clients", client_row(t, id=t.client))
    insert(engine, "leads", lead_row(t, id=t.lead))
    return t


@pytest.fixture(scope="module")
def two_tenants(migrated_engine: Engine) -> tuple[Tenant, Tenant]:
    return make_tenant(migrated_engine), make_tenant(migrated_engine)


@pytest.fixture
def engine(migrated_engine: Engine) -> Engine:
    return migrated_engine


def test_valid_rows_are_accepted(engine: Engine, two_tenants: tuple[Tenant, Tenant]) -> None:
    a, _ = two_tenants
    for status in LeadStatus:
        row = lead_row(a, status=status.value)
        insert(engine, "leads", row)
        assert count(engine, "leads", row["id"]) == 1
    row = project_row(
        a,
        client_id=a.client,
        lead_id=a.lead,
        start_date="2026-01-01",
        end_date="2026-01-01",
        value=19.99,
    )
    insert(engine, "projects", row)
    assert count(engine, "projects", row["id"]) == 1


def test_lead_status_outside_the_enum_is_rejected(
    engine: Engine, two_tenants: tuple[Tenant, Tenant]
) -> None:
    a, _ = two_tenants
    # not a status, and short enough for the column, so only the CHECK can refuse it
    bad = ("x" + max((s.value for s in LeadStatus), key=len))[: leads.c.status.type.length]
    assert bad not in {s.value for s in LeadStatus}
    with pytest.raises(IntegrityError) as err:
        insert(engine, "leads", lead_row(a, status=bad))
    assert check_name(leads, "status", "enum") in str(err.value)
    with pytest.raises(IntegrityError):
        insert(engine, "leads", lead_row(a, status=LeadStatus.new.value.upper()))


def test_lead_name_longer_than_the_contract_is_rejected(
    engine: Engine, two_tenants: tuple[Tenant, Tenant]
) -> None:
    a, _ = two_tenants
    limit = leads.c.name.type.length
    assert limit == BUNDLE["Lead"]["properties"]["name"]["maxLength"]
    for ok in ("x" * limit, "é" * limit):  # characters, not bytes
        row = lead_row(a, name=ok)
        insert(engine, "leads", row)
        assert count(engine, "leads", row["id"]) == 1
    # PostgreSQL's VARCHAR(n) refuses first (DataError); SQLite only has the length CHECK
    expected = DataError if engine.dialect.name == "postgresql" else IntegrityError
    with pytest.raises(expected) as err:
        insert(engine, "leads", lead_row(a, name="x" * (limit + 1)))
    if engine.dialect.name == "sqlite":
        assert check_name(leads, "name", "length") in str(err.value)
    # minLength 1: the empty name is refused by the CHECK on both backends
    with pytest.raises(IntegrityError):
        insert(engine, "leads", lead_row(a, name=""))
    with pytest.raises(IntegrityError):  # NOT NULL
        insert(engine, "leads", lead_row(a, name=None))


@pytest.mark.parametrize("column", ["client_id", "lead_id"])
def test_link_to_another_tenants_record_is_rejected(
    engine: Engine, two_tenants: tuple[Tenant, Tenant], column: str
) -> None:
    a, b = two_tenants
    target = {"client_id": "client", "lead_id": "lead"}[column]
    ok = project_row(a, **{column: getattr(a, target)})
    insert(engine, "projects", ok)
    assert count(engine, "projects", ok["id"]) == 1
    bad = project_row(a, **{column: getattr(b, target)})  # tenant A's project, tenant B's parent
    with pytest.raises(IntegrityError):
        insert(engine, "projects", bad)
    assert count(engine, "projects", bad["id"]) == 0
    with pytest.raises(IntegrityError):  # and an id that exists nowhere
        insert(engine, "projects", project_row(a, **{column: new_id()}))


def test_cross_tenant_user_reference_is_rejected(
    engine: Engine, two_tenants: tuple[Tenant, Tenant]
) -> None:
    a, b = two_tenants
    with pytest.raises(IntegrityError):
        insert(engine, "leads", lead_row(a, created_by=b.user))
    insert(engine, "leads", lead_row(a, assigned_to=a.user))
    with pytest.raises(IntegrityError):
        insert(engine, "leads", lead_row(a, assigned_to=b.user))


def test_project_start_after_end_is_rejected(
    engine: Engine, two_tenants: tuple[Tenant, Tenant]
) -> None:
    a, _ = two_tenants
    for start, end in (("2026-01-31", "2026-02-01"), ("2026-02-01", None), (None, "2026-01-01")):
        row = project_row(a, start_date=start, end_date=end)
        insert(engine, "projects", row)
        assert count(engine, "projects", row["id"]) == 1
    with pytest.raises(IntegrityError) as err:
        insert(engine, "projects", project_row(a, start_date="2026-02-01", end_date="2026-01-31"))
    names = [
        str(c.name)
        for c in projects.constraints
        if isinstance(c, CheckConstraint) and "project_dates_ordered" in str(c.name)
    ]
    assert len(names) == 1
    assert names[0] in str(err.value)


def test_money_bounds(engine: Engine, two_tenants: tuple[Tenant, Tenant]) -> None:
    a, _ = two_tenants
    money = BUNDLE["Money"]
    insert(engine, "projects", project_row(a, value=money["maximum"]))
    with pytest.raises(IntegrityError):
        insert(engine, "projects", project_row(a, value=-0.01))


def test_set_null_reference_must_be_cleared_before_delete(
    engine: Engine, two_tenants: tuple[Tenant, Tenant]
) -> None:
    """on-delete set-null between tenant tables: the delete is refused until the link is cleared."""
    a, _ = two_tenants
    assert ("clients", "source_lead_id") in SET_NULL_ON_DELETE["leads"]
    lead = lead_row(a)
    insert(engine, "leads", lead)
    client = client_row(a, source_lead_id=lead["id"])
    insert(engine, "clients", client)
    delete = text("DELETE FROM leads WHERE tenant_id = :t AND id = :id")
    params = {"t": a.id, "id": lead["id"]}
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(delete, params)
    with engine.begin() as conn:
        for table, column in SET_NULL_ON_DELETE["leads"]:
            conn.execute(
                text(f"UPDATE {table} SET {column} = NULL WHERE tenant_id = :t AND {column} = :id"),
                params,
            )
        conn.execute(delete, params)
    assert count(engine, "leads", lead["id"]) == 0
    assert count(engine, "clients", client["id"]) == 1


def test_cascade_delete_stays_in_the_tenant(
    engine: Engine, two_tenants: tuple[Tenant, Tenant]
) -> None:
    a, _ = two_tenants
    client = client_row(a)
    insert(engine, "clients", client)
    account = {
        "id": new_id(),
        "tenant_id": a.id,
        "client_id": client["id"],
        "account_number": "A-1",
        "status": "active",
        "created_by": a.user,
    }
    insert(engine, "accounts", account)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM clients WHERE id = :id"), {"id": client["id"]})
    assert count(engine, "accounts", account["id"]) == 0
    assert count(engine, "clients", a.client) == 1
    assert clients.name == "clients"
