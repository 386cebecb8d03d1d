"""Keys ready to distribute by tenant (issue 8, point 9; DESIGN "growing past one database server").

From generated/tables.py's metadata: the primary key of every tenant table is (tenant_id, id),
and every unique constraint, index and foreign key of a tenant table leads with tenant_id; a
foreign key between tenant tables is composite, tenant_id to tenant_id. So each of a tenant's rows,
and each lookup through any key, can be routed to the one node holding that tenant.

`key_faults` is checked against a table built here to break each rule once, so it cannot pass by
finding nothing. Alembic's autogenerate does not compare primary keys, so the migrated database's
primary keys are checked here too, and rows go through the revision that changed them.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import (
    Column,
    Engine,
    ForeignKeyConstraint,
    Index,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    UniqueConstraint,
    Uuid,
    inspect,
    text,
)
from sqlalchemy.exc import IntegrityError

from generated.python.resources import RESOURCES
from generated.tables import TABLES, metadata
from tests.db.conftest import alembic, make_engine

TENANT = "tenant_id"
KEYS_REVISION = "a34b73bd255f"  # the primary keys became (tenant_id, id)


def is_tenant_table(table: Table) -> bool:
    return TENANT in table.c


def key_faults(table: Table) -> list[str]:
    """Every key of a tenant table that does not lead with tenant_id, one line each."""
    faults: list[str] = []
    pk = tuple(c.name for c in table.primary_key.columns)
    if pk != (TENANT, "id"):
        faults.append(f"{table.name}: primary key {pk}")
    for const in table.constraints:
        if isinstance(const, UniqueConstraint):
            cols = tuple(c.name for c in const.columns)
            if cols[:1] != (TENANT,):
                faults.append(f"{table.name}: unique {const.name} {cols}")
            if set(cols) == {TENANT, "id"}:
                faults.append(f"{table.name}: unique {const.name} repeats the primary key")
        if isinstance(const, ForeignKeyConstraint):
            cols = tuple(const.column_keys)
            pairs = [(e.parent.name, e.column.table, e.column.name) for e in const.elements]
            target = const.referred_table
            if cols[:1] != (TENANT,):
                faults.append(f"{table.name}: foreign key {const.name} {cols}")
            if is_tenant_table(target):
                if len(pairs) < 2 or pairs[0][0] != TENANT or pairs[0][2] != TENANT:
                    faults.append(
                        f"{table.name}: foreign key {const.name} to tenant table {target.name}"
                        " is not composite on tenant_id"
                    )
                referred = tuple(name for _, _, name in pairs)
                pk_target = tuple(c.name for c in target.primary_key.columns)
                if referred != pk_target:
                    faults.append(
                        f"{table.name}: foreign key {const.name} refers to {referred},"
                        f" not {target.name}'s primary key {pk_target}"
                    )
            elif cols != (TENANT,):
                faults.append(
                    f"{table.name}: foreign key {const.name} to non-tenant table {target.name}"
                    " is not the tenant_id reference"
                )
    for index in table.indexes:
        cols = tuple(getattr(e, "name", str(e)) for e in index.expressions)
        if cols[:1] != (TENANT,):
            kind = "unique index" if index.unique else "index"
            faults.append(f"{table.name}: {kind} {index.name} {cols}")
    return faults


TENANT_TABLES = [t for t in TABLES.values() if is_tenant_table(t)]


def test_the_tenant_tables_are_the_tenant_scoped_resources() -> None:
    scoped = {r.table for r in RESOURCES.values() if r.tenant_scoped}
    assert {t.name for t in TENANT_TABLES} == scoped
    assert {"users", "leads", "clients", "tasks", "refresh_tokens"} <= scoped
    assert "tenants" not in scoped


@pytest.mark.parametrize("table", TENANT_TABLES, ids=lambda t: t.name)
def test_every_key_of_a_tenant_table_leads_with_tenant_id(table: Table) -> None:
    assert key_faults(table) == []
    assert table.indexes, table.name  # something was looked at
    assert any(isinstance(c, ForeignKeyConstraint) for c in table.constraints), table.name


def test_tenants_keeps_its_own_id_key() -> None:
    assert tuple(c.name for c in metadata.tables["tenants"].primary_key.columns) == ("id",)


def test_key_faults_finds_every_kind_of_fault() -> None:
    """A table breaking each rule once: each fault is named, and a well-keyed twin has none."""
    md = MetaData()
    Table("tenants", md, Column("id", Uuid(), primary_key=True))
    Table("lookups", md, Column("id", Uuid(), primary_key=True))
    Table(
        "parents",
        md,
        Column("id", Uuid(), nullable=False),
        Column(TENANT, Uuid(), nullable=False),
        PrimaryKeyConstraint("id", name="pk_parents"),  # id alone
        UniqueConstraint(TENANT, "id", name="uq_parents_tenant_id_id"),  # the old redundant key
        ForeignKeyConstraint([TENANT], ["tenants.id"], name="fk_parents_tenant_id_tenants"),
    )
    broken = Table(
        "broken",
        md,
        Column("id", Uuid(), nullable=False),
        Column(TENANT, Uuid(), nullable=False),
        Column("parent_id", Uuid()),
        Column("other_parent_id", Uuid()),
        Column("lookup_id", Uuid()),
        Column("email", String(50)),
        PrimaryKeyConstraint(TENANT, "id", name="pk_broken"),
        UniqueConstraint("email", name="uq_broken_email"),
        ForeignKeyConstraint([TENANT], ["tenants.id"], name="fk_broken_tenant_id_tenants"),
        ForeignKeyConstraint(["parent_id"], ["parents.id"], name="fk_broken_parent_id"),
        ForeignKeyConstraint(
            ["other_parent_id", TENANT],
            ["parents.id", "parents.tenant_id"],
            name="fk_broken_other_parent_id",
        ),
        ForeignKeyConstraint(["lookup_id"], ["lookups.id"], name="fk_broken_lookup_id"),
        Index("ix_broken_email", "email"),
        Index("uq_broken_email_tenant", "email", TENANT, unique=True),
        Index("ix_broken_tenant_id_parent_id", TENANT, "parent_id"),
    )
    faults = key_faults(broken)
    expected = [
        "unique uq_broken_email ('email',)",
        "foreign key fk_broken_parent_id ('parent_id',)",
        "fk_broken_parent_id to tenant table parents is not composite",
        "foreign key fk_broken_other_parent_id ('other_parent_id', 'tenant_id')",
        "fk_broken_other_parent_id to tenant table parents is not composite",
        "foreign key fk_broken_lookup_id ('lookup_id',)",
        "fk_broken_lookup_id to non-tenant table lookups",
        "index ix_broken_email ('email',)",
        "unique index uq_broken_email_tenant ('email', 'tenant_id')",
    ]
    for fault in expected:
        assert any(fault in f for f in faults), (fault, faults)
    assert not any("ix_broken_tenant_id_parent_id" in f for f in faults), faults
    assert not any("fk_broken_tenant_id_tenants" in f for f in faults), faults
    parents = md.tables["parents"]
    assert key_faults(parents) == [
        "parents: primary key ('id',)",
        "parents: unique uq_parents_tenant_id_id repeats the primary key",
    ]

    good_md = MetaData()
    Table("tenants", good_md, Column("id", Uuid(), primary_key=True))
    Table(
        "parents",
        good_md,
        Column("id", Uuid(), nullable=False),
        Column(TENANT, Uuid(), nullable=False),
        PrimaryKeyConstraint(TENANT, "id"),
    )
    good = Table(
        "good",
        good_md,
        Column("id", Uuid(), nullable=False),
        Column(TENANT, Uuid(), nullable=False),
        Column("parent_id", Uuid()),
        Column("email", String(50)),
        PrimaryKeyConstraint(TENANT, "id"),
        UniqueConstraint(TENANT, "email"),
        ForeignKeyConstraint([TENANT], ["tenants.id"]),
        ForeignKeyConstraint([TENANT, "parent_id"], ["parents.tenant_id", "parents.id"]),
        Index("ix_good_tenant_id_email", TENANT, "email"),
    )
    assert key_faults(good) == []


# -- the migrated database ------------------------------------------------------------------------


def test_migrated_primary_keys_and_foreign_keys(migrated_engine: Engine) -> None:
    insp = inspect(migrated_engine)
    for table in metadata.tables.values():
        pk = insp.get_pk_constraint(table.name)
        assert tuple(pk["constrained_columns"]) == tuple(c.name for c in table.primary_key), (
            table.name
        )
        if is_tenant_table(table):
            uniques = {tuple(u["column_names"]) for u in insp.get_unique_constraints(table.name)}
            assert (TENANT, "id") not in uniques, table.name
            for fk in insp.get_foreign_keys(table.name):
                assert fk["constrained_columns"][0] == TENANT, (table.name, fk)


def _id() -> str:
    return uuid.uuid4().hex  # what SQLAlchemy's Uuid stores on SQLite; valid uuid input on PG


def _insert(conn: Any, table: str, **row: Any) -> None:
    names = ", ".join(row)
    conn.execute(
        text(f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + n for n in row)})"), row
    )


def _counts(engine: Engine, tables: list[str]) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t: int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()) for t in tables
        }


def test_rows_survive_the_key_change_up_and_down(db_url: str) -> None:
    """A populated database at the previous revision: upgrade and downgrade keep every row (and
    the links between them); a trashed task goes on the way down (tasks were hard-deleted)."""
    engine = make_engine(db_url)
    try:
        alembic(engine, "upgrade", f"{KEYS_REVISION}-1")
        t, u, lead, client, project, session = (_id() for _ in range(6))
        with engine.begin() as conn:
            _insert(conn, "tenants", id=t, name="Acme", slug="acme", is_active=True)
            _insert(
                conn,
                "users",
                id=u,
                tenant_id=t,
                email="a@example.com",
                role="admin",
                is_active=True,
                password_hash="x",
            )
            _insert(
                conn,
                "auth_sessions",
                id=session,
                tenant_id=t,
                user_id=u,
                expires_at="2030-01-01 00:00:00",
            )
            _insert(
                conn,
                "refresh_tokens",
                id=_id(),
                tenant_id=t,
                session_id=session,
                token_hash="a" * 64,
            )
            _insert(
                conn,
                "leads",
                id=lead,
                tenant_id=t,
                name="L",
                phone_label="work",
                status="new",
                created_by=u,
            )
            _insert(
                conn,
                "clients",
                id=client,
                tenant_id=t,
                name="C",
                phone_label="work",
                status="active",
                created_by=u,
                source_lead_id=lead,
            )
            _insert(
                conn,
                "accounts",
                id=_id(),
                tenant_id=t,
                client_id=client,
                account_number="1",
                status="active",
                created_by=u,
            )
            _insert(
                conn,
                "contacts",
                id=_id(),
                tenant_id=t,
                first_name="F",
                phone_label="work",
                created_by=u,
                client_id=client,
            )
            _insert(
                conn,
                "projects",
                id=project,
                tenant_id=t,
                name="P",
                status="active",
                value=1,
                value_type="one_time",
                created_by=u,
                client_id=client,
            )
            for parent in ({"client_id": client}, {"lead_id": lead}, {"project_id": project}):
                _insert(
                    conn,
                    "interactions",
                    id=_id(),
                    tenant_id=t,
                    interaction_type="call",
                    contact_date="2026-01-01 00:00:00",
                    summary="s",
                    created_by=u,
                    **parent,
                )
                _insert(conn, "notes", id=_id(), tenant_id=t, body="b", created_by=u, **parent)
                _insert(
                    conn,
                    "tasks",
                    id=_id(),
                    tenant_id=t,
                    title="T",
                    status="todo",
                    created_by=u,
                    **parent,
                )
        tables = [n for n in metadata.tables if n != "alembic_version"]
        before = _counts(engine, tables)
        assert all(before.values()), before

        alembic(engine, "upgrade", KEYS_REVISION)
        assert _counts(engine, tables) == before
        trashed = _id()
        with engine.begin() as conn:
            _insert(
                conn,
                "tasks",
                id=trashed,
                tenant_id=t,
                title="gone",
                status="todo",
                created_by=u,
                deleted_at="2026-02-01 00:00:00",
                deleted_by=u,
            )
        with pytest.raises(IntegrityError), engine.begin() as conn:  # the new primary key
            _insert(
                conn, "tasks", id=trashed, tenant_id=t, title="again", status="todo", created_by=u
            )
        with pytest.raises(IntegrityError), engine.begin() as conn:  # still tenant-bound
            _insert(
                conn,
                "tasks",
                id=_id(),
                tenant_id=t,
                title="x",
                status="todo",
                created_by=u,
                lead_id=_id(),
            )

        alembic(engine, "downgrade", f"{KEYS_REVISION}-1")
        assert _counts(engine, tables) == before
        with engine.connect() as conn:
            gone = conn.execute(text("SELECT count(*) FROM tasks WHERE id = :i"), {"i": trashed})
            assert gone.scalar_one() == 0
            linked = conn.execute(text("SELECT source_lead_id FROM clients")).scalar_one()
            assert str(linked).replace("-", "") == lead
        alembic(engine, "upgrade", "head")
        assert _counts(engine, tables) == before
    finally:
        engine.dispose()
