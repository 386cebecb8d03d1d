"""Tenants and users made by an operator: the `crm` CLI, and the tests' fixtures.

Tenants are never created through the API, so this is the only writer of `tenants`. It runs
outside any request, with a plain synchronous SQLAlchemy engine: the request path's `crm.db`
is built for throughput, this for a handful of rows. SQLAlchemy stores UUIDs and timestamps
on SQLite in exactly the text forms `crm.db` reads back (32 hex digits, UTC
`YYYY-MM-DD HH:MM:SS.ffffff`), so every column is set here explicitly, never left to a
server default whose format would differ.

Input is checked against the contracts (`TenantCreate`, `UserCreate`) before it reaches the
database, so an operator gets the same verdict the API would give; duplicates are checked
first for a clear message, and the unique keys still catch a concurrent insert.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from crm import passwords
from crm.ids import new_id
from crm.openapi31 import error_sentence, validator_errors
from generated import tables
from generated.python.schemas import validator_for

__all__ = [
    "ProvisionError",
    "create_tenant",
    "create_user",
    "engine_for",
    "new_id",
    "normalize_url",
    "tenant_id_for",
]

# Never echoed back in an error message: it would land in a terminal's scrollback or a log.
# The drivers crm.db uses on the request path, whatever driver the URL names.
_DRIVERS = {"sqlite": "sqlite", "postgresql": "postgresql+psycopg"}


class ProvisionError(ValueError):
    """The operator's input (a database URL, a record) is not acceptable; the message says why."""


def normalize_url(url: str) -> str:
    """`url` with the drivers the app uses (a bare postgresql:// would mean psycopg2)."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        raise ProvisionError(f"{url!r} is not a database URL.") from None
    backend = parsed.get_backend_name()
    if backend not in _DRIVERS:
        raise ProvisionError(
            f"The database URL must be sqlite:///... or postgresql://..., not {backend}."
        )
    return parsed.set(drivername=_DRIVERS[backend]).render_as_string(hide_password=False)


def engine_for(url: str) -> sa.Engine:
    """A synchronous engine on `url`; on SQLite with foreign keys enforced, as the app does."""
    engine = sa.create_engine(normalize_url(url), poolclass=sa.pool.NullPool)
    if engine.dialect.name == "sqlite":

        @sa.event.listens_for(engine, "connect")
        def _foreign_keys_on(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

    return engine


def create_tenant(conn: sa.Connection, *, name: str, slug: str) -> uuid.UUID:
    """Insert an active tenant; ProvisionError for an invalid or taken slug or name."""
    check_contract("TenantCreate", {"name": name, "slug": slug})
    if tenant_id_for(conn, slug) is not None:
        raise ProvisionError(f"A tenant with slug {slug!r} already exists.")
    tenant_id = new_id()
    now = datetime.now(UTC)
    # scope-ok: operator tool, outside any request
    statement = sa.insert(tables.tenants).values(
        id=tenant_id, name=name, slug=slug, is_active=True, created_at=now, updated_at=now
    )
    _insert(conn, statement, f"A tenant with slug {slug!r} already exists.")
    return tenant_id


def create_user(
    conn: sa.Connection,
    *,
    tenant_id: uuid.UUID,
    email: str,
    name: str | None,
    role: str,
    password: str,
) -> uuid.UUID:
    """Insert an active user of `tenant_id`, email lower-cased, password hashed (argon2id).

    Call `crm.passwords.configure(settings)` first: it picks the hashing cost.
    """
    email = email.lower()  # login is case-insensitive; the unique key then is too
    check_contract("UserCreate", {"email": email, "name": name, "role": role, "password": password})
    # scope-ok: operator tool, outside any request
    tenant_exists = conn.execute(
        sa.select(tables.tenants.c.id).where(tables.tenants.c.id == tenant_id)
    ).first()
    if tenant_exists is None:
        raise ProvisionError(f"There is no tenant with id {tenant_id}.")
    users = tables.users
    # scope-ok: operator tool, outside any request
    taken = conn.execute(
        sa.select(users.c.id).where(users.c.tenant_id == tenant_id, users.c.email == email)
    ).first()
    duplicate = f"This tenant already has a user with email {email!r}."
    if taken is not None:
        raise ProvisionError(duplicate)
    user_id = new_id()
    now = datetime.now(UTC)
    # scope-ok: operator tool, outside any request
    statement = sa.insert(users).values(
        id=user_id,
        tenant_id=tenant_id,
        email=email,
        name=name,
        role=role,
        is_active=True,
        last_login_at=None,
        password_hash=passwords.hash_password(password),
        created_at=now,
        updated_at=now,
    )
    _insert(conn, statement, duplicate)
    return user_id


def tenant_id_for(conn: sa.Connection, slug: str) -> uuid.UUID | None:
    """The id of the tenant with `slug`, or None."""
    tenants = tables.tenants
    # scope-ok: operator tool, outside any request
    row = conn.execute(sa.select(tenants.c.id).where(tenants.c.slug == slug)).first()
    return None if row is None else uuid.UUID(str(row[0]))


def check_contract(schema: str, instance: Mapping[str, Any]) -> None:
    """ProvisionError naming the field when `instance` breaks the contract `schema`.

    The same error items and sentence as the API's validation (values are never echoed, so a
    refused password does not reach the terminal or a log).
    """
    items = validator_errors(validator_for(schema), dict(instance), where="input")
    if items:
        raise ProvisionError(error_sentence("input", items))


def _insert(conn: sa.Connection, statement: sa.Insert, duplicate: str) -> None:
    try:
        conn.execute(statement)
    except IntegrityError:
        # The checks above ran first; only a concurrent insert of the same key lands here.
        raise ProvisionError(duplicate) from None
