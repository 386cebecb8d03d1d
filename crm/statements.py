"""The SQL of tenant tables: one builder per statement shape, every one tenant-scoped.

Each function returns a `crm.db.Query`: a key naming the shape and a `build()` that makes the
SQLAlchemy statement, compiled once per process and dialect by `crm.db`. Values are named
parameters; the ones every scoped statement takes come from the `Scope`, never from a request:

    _tid   the caller's tenant        _uid   the caller's user id
    _sid   the caller's session       _role  the role their token claims

**The session guard.** Every statement that reads or writes tenant data carries
`EXISTS (session not revoked AND user active with that role AND tenant active)`. It is an
uncorrelated subquery, evaluated once per statement (PostgreSQL: a one-time InitPlan filter on
primary keys), so deactivating a user, changing their role, logging out or revoking a session
takes effect on the very next request at no extra round trip. A statement that matches nothing
is ambiguous (no such record, or no valid session?); only then does the Scope ask `guard_only`.

Only this module and `crm.scope` build statements on tenant tables; handlers never do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy import bindparam

from crm.db import Query
from generated import tables
from generated.python.resources import ResourceInfo

P = bindparam


def table_of(resource: ResourceInfo) -> sa.Table:
    table: sa.Table = tables.TABLES[resource.name]
    return table


def api_columns(resource: ResourceInfo) -> list[sa.Column[Any]]:
    """The columns the API shows: the contract's fields, never server columns (password_hash)."""
    table = table_of(resource)
    return [table.c[f] for f in resource.fields if f in table.c]


def session_guard() -> sa.Exists:
    # Aliased, so that it never correlates with an outer query on the same tables (a list of
    # users would otherwise check each listed user's row instead of the caller's).
    s = tables.auth_sessions.alias("guard_session")
    u = tables.users.alias("guard_user")
    t = tables.tenants.alias("guard_tenant")
    return sa.exists().where(
        s.c.id == P("_sid", type_=s.c.id.type),
        s.c.tenant_id == P("_tid", type_=s.c.tenant_id.type),
        s.c.user_id == P("_uid", type_=s.c.user_id.type),
        s.c.revoked_at.is_(None),
        u.c.tenant_id == s.c.tenant_id,
        u.c.id == s.c.user_id,
        u.c.is_active,
        u.c.role == P("_role", type_=u.c.role.type),
        t.c.id == s.c.tenant_id,
        t.c.is_active,
    )


def guard_only() -> Query:
    return Query(("guard",), lambda: sa.select(session_guard().label("ok")))


def scoped(table: sa.Table) -> list[sa.ColumnElement[bool]]:
    return [table.c.tenant_id == P("_tid", type_=table.c.tenant_id.type), session_guard()]


def visible_to_caller(resource: ResourceInfo) -> sa.ColumnElement[bool] | None:
    """The visibility predicate of `resource` for a non-admin caller (`_uid`), or None.

    owner: the record's creator or its assignee. The same predicate serves list, get, update,
    delete and restore, so a record missing from a user's list is also a 404 for them by id.
    """
    table = table_of(resource)
    if resource.visibility == "owner" or (resource.visibility == "parent" and not resource.parents):
        uid = P("_uid", type_=table.c.created_by.type)
        if "assigned_to" in table.c:
            return sa.or_(table.c.created_by == uid, table.c.assigned_to == uid)
        return table.c.created_by == uid
    if resource.visibility in ("tenant", "admin"):
        return None
    raise NotImplementedError(f"visibility {resource.visibility!r} of {resource.name}")


def _where_id(
    resource: ResourceInfo, *, visible: bool, deleted: bool | None
) -> list[sa.ColumnElement[bool]]:
    """tenant + guard + id (+ visibility) (+ deleted_at state when the resource soft-deletes)."""
    table = table_of(resource)
    where = [*scoped(table), table.c.id == P("id", type_=table.c.id.type)]
    if visible:
        predicate = visible_to_caller(resource)
        if predicate is not None:
            where.append(predicate)
    if resource.soft_delete and deleted is not None:
        where.append(table.c.deleted_at.is_not(None) if deleted else table.c.deleted_at.is_(None))
    return where


def get(resource: ResourceInfo, *, visible: bool, deleted: bool | None = False) -> Query:
    def build() -> sa.Select[Any]:
        return sa.select(*api_columns(resource)).where(
            *_where_id(resource, visible=visible, deleted=deleted)
        )

    return Query(("get", resource.name, visible, deleted), build)


def insert(resource: ResourceInfo, columns: Sequence[str]) -> Query:
    """INSERT ... SELECT <values> WHERE <session guard> RETURNING <api columns>.

    `columns` are the ones the caller supplies, besides id, tenant_id, created_by (if the
    table has it), created_at and updated_at, which the Scope sets. No row back means the
    guard failed: the session is no longer valid.
    """
    table = table_of(resource)
    server = ["id", "tenant_id", "created_at", "updated_at"]
    if "created_by" in table.c:
        server.append("created_by")
    names = [*server, *sorted(set(columns) - set(server))]
    binds = {
        "tenant_id": "_tid",
        "created_by": "_uid",
    }

    def build() -> sa.Insert:
        values = sa.select(
            *[P(binds.get(n, n), type_=table.c[n].type).label(n) for n in names]
        ).where(session_guard())
        return (
            sa.insert(table)
            .from_select([table.c[n] for n in names], values)
            .returning(*api_columns(resource))
        )

    return Query(("insert", resource.name, tuple(names)), build)


def update(
    resource: ResourceInfo,
    columns: Sequence[str],
    *,
    visible: bool,
    set_if_null: Sequence[str] = (),
    deleted: bool | None = False,
) -> Query:
    """UPDATE ... SET <columns>, updated_at WHERE <tenant, guard, id, visibility> RETURNING.

    `set_if_null` columns keep their value once set (e.g. a lead's converted_at records the
    first conversion): SET col = COALESCE(col, :col).
    """
    table = table_of(resource)
    cols = tuple(sorted(columns))
    first = tuple(sorted(set_if_null))

    def build() -> sa.Update:
        values: dict[str, Any] = {c: P(c, type_=table.c[c].type) for c in cols}
        for c in first:
            values[c] = sa.func.coalesce(table.c[c], P(c, type_=table.c[c].type))
        values["updated_at"] = P("_now", type_=table.c.updated_at.type)
        return (
            sa.update(table)
            .where(*_where_id(resource, visible=visible, deleted=deleted))
            .values(values)
            .returning(*api_columns(resource))
        )

    return Query(("update", resource.name, cols, first, visible, deleted), build)


def set_deleted(resource: ResourceInfo, *, visible: bool, delete: bool) -> Query:
    """Soft delete (deleted_at = now, live rows only) or restore (deleted_at = NULL, trash only)."""
    table = table_of(resource)

    def build() -> sa.Update:
        deleted_at = P("_now", type_=table.c.deleted_at.type) if delete else sa.null()
        return (
            sa.update(table)
            .where(*_where_id(resource, visible=visible, deleted=not delete))
            .values(deleted_at=deleted_at, updated_at=P("_now", type_=table.c.updated_at.type))
            .returning(*api_columns(resource))
        )

    return Query(("set_deleted", resource.name, visible, delete), build)


def purge(resource: ResourceInfo) -> Query:
    """DELETE a record from the trash (admins only: no visibility predicate)."""
    table = table_of(resource)

    def build() -> sa.ClauseElement:
        return (
            sa.delete(table)
            .where(*_where_id(resource, visible=False, deleted=True))
            .returning(table.c.id)
        )

    return Query(("purge", resource.name), build)


def clear_references(table_name: str, column: str, target: ResourceInfo, count: int) -> Query:
    """`on-delete: set-null` done by hand before a purge (see generated.tables.SET_NULL_ON_DELETE):
    the composite foreign key cannot null its column without nulling tenant_id too.

    Only references to the given ids that are in the trash (the ones the purge will delete)
    are cleared, so a purge that skips a live record changes nothing of it.
    """
    referencing = tables.metadata.tables[table_name]
    target_table = table_of(target)
    ids = [P(f"id_{i}", type_=target_table.c.id.type) for i in range(count)]

    def build() -> sa.Update:
        purged = sa.select(target_table.c.id).where(
            target_table.c.tenant_id == P("_tid", type_=target_table.c.tenant_id.type),
            target_table.c.id.in_(ids),
            target_table.c.deleted_at.is_not(None),
        )
        return (
            sa.update(referencing)
            .where(*scoped(referencing), referencing.c[column].in_(purged))
            .values({column: sa.null()})
        )

    return Query(("clear_references", table_name, column, target.name, count), build)


def bulk(resource: ResourceInfo, action: str, count: int) -> Query:
    """Bulk delete / restore / purge of `count` ids (admins: no visibility predicate).

    One statement per action and id count, so at most 100 shapes per action are compiled.
    """
    table = table_of(resource)
    ids = [P(f"id_{i}", type_=table.c.id.type) for i in range(count)]

    def build() -> sa.ClauseElement:
        where: list[sa.ColumnElement[bool]] = [*scoped(table), table.c.id.in_(ids)]
        now = P("_now", type_=table.c.updated_at.type)
        if action == "delete":
            where.append(table.c.deleted_at.is_(None))
            return (
                sa.update(table)
                .where(*where)
                .values(deleted_at=now, updated_at=now)
                .returning(table.c.id)
            )
        if action == "restore":
            where.append(table.c.deleted_at.is_not(None))
            return (
                sa.update(table)
                .where(*where)
                .values(deleted_at=sa.null(), updated_at=now)
                .returning(table.c.id)
            )
        if action == "purge":
            where.append(table.c.deleted_at.is_not(None))
            return sa.delete(table).where(*where).returning(table.c.id)
        raise ValueError(action)

    return Query(("bulk", resource.name, action, count), build)
