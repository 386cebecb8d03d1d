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
from generated.python.resources import RESOURCES, ResourceInfo

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


def own(table: sa.FromClause, uid: sa.BindParameter[Any]) -> sa.ColumnElement[bool]:
    """The record's creator or its assignee."""
    return sa.or_(*own_branches(table, uid))


def own_branches(table: sa.FromClause, uid: sa.BindParameter[Any]) -> list[sa.ColumnElement[bool]]:
    """`own` as disjoint predicates whose OR is `own`: created by the user; or assigned to
    them and created by someone else (IS DISTINCT FROM: a NULL creator is someone else).

    A list reads each through its own ordered index and merges them (`crm.listing`), because
    PostgreSQL answers the OR by fetching and sorting every visible row. Disjoint, so the
    merged rows are exactly the OR's rows, each once (UNION ALL, no de-duplication).
    """
    creator = table.c.created_by == uid
    if "assigned_to" not in table.c:
        return [creator]
    return [creator, sa.and_(table.c.assigned_to == uid, table.c.created_by.is_distinct_from(uid))]


def visible_to_caller(
    resource: ResourceInfo,
    table: sa.FromClause | None = None,
    depth: int = 0,
    user: str = "_uid",
    *,
    sets: bool | VisibleSets = False,
) -> sa.ColumnElement[bool] | None:
    """The visibility predicate of `resource` for a non-admin caller (`_uid`), or None.

    `user` names another parameter for the same rule applied to another user (the admin-wide
    list's `user_id` filter: the records that user would see).

    The same predicate serves list, get, update, delete and restore, so a record missing from
    a user's list is also a 404 for them by id.

    - owner: the record's creator or its assignee.
    - parent: whoever can see the record it hangs off (EXISTS over the parent, whose own rule
      applies in turn: a task on a project on a client is visible to whoever sees the client),
      plus its assignee where it has one (projects, tasks); a record with no parent set falls
      back to its creator. The parent's trash state does not matter: who may see a record
      does not change when its client is trashed, and restoring the client needs its records.
    - tenant, admin: no predicate (admin-only resources are refused before any statement).

    `sets`: the parents are read as sets (`parent_id IN visible_ids(parent)`) instead of one
    EXISTS per row: the same rule, for statements over many rows of a tenant (reports), where
    PostgreSQL then builds each parent's visible ids once from indexes. A `VisibleSets` also
    shares each set between the parts of one statement.
    """
    terms = _visibility_terms(resource, table, depth, user, sets=sets)
    return None if terms is None else sa.or_(*terms)


def _visibility_terms(
    resource: ResourceInfo,
    table: sa.FromClause | None,
    depth: int,
    user: str,
    *,
    sets: bool | VisibleSets,
) -> list[sa.ColumnElement[bool]] | None:
    """`visible_to_caller` as the terms of its OR (None: no predicate). Owner terms are
    `own_branches` (disjoint); parent terms may overlap."""
    if resource.visibility in ("tenant", "admin"):
        return None
    table = table_of(resource) if table is None else table
    uid = P(user, type_=table.c.created_by.type)
    if resource.visibility == "owner":
        return own_branches(table, uid)
    if resource.visibility != "parent":
        raise NotImplementedError(f"visibility {resource.visibility!r} of {resource.name}")
    parents = [ref for ref in resource.references if ref.parent]
    terms: list[sa.ColumnElement[bool]] = []
    for ref in parents:
        parent = RESOURCES[ref.resource]
        if isinstance(sets, VisibleSets):
            terms.append(table.c[ref.field].in_(sets.ids(parent, user)))
            continue
        if sets:
            terms.append(table.c[ref.field].in_(visible_ids(parent, depth + 1, user)))
            continue
        # a name of its own per level: a nested EXISTS must not capture an outer alias
        ptable = table_of(parent).alias(f"vis_{parent.table}_{depth}")
        predicate = visible_to_caller(parent, ptable, depth + 1, user)
        terms.append(
            sa.exists().where(
                ptable.c.tenant_id == table.c.tenant_id,
                # the tenant again, as a constant: when PostgreSQL hashes this subquery once
                # (reports over a whole tenant), it then reads one tenant, not every tenant
                ptable.c.tenant_id == P("_tid", type_=ptable.c.tenant_id.type),
                ptable.c.id == table.c[ref.field],
                *([predicate] if predicate is not None else []),
            )
        )
    if "assigned_to" in table.c:
        terms.append(table.c.assigned_to == uid)
    orphan = [table.c[ref.field].is_(None) for ref in parents]
    terms.append(sa.and_(*orphan, table.c.created_by == uid))
    return terms


def visible_ids(
    resource: ResourceInfo,
    depth: int = 0,
    user: str = "_uid",
    sets: bool | VisibleSets = True,
) -> sa.Select[Any] | sa.CompoundSelect[Any]:
    """The ids of the tenant's `resource` records that `user` can see (any trash state): the
    rule of `visible_to_caller` as a set, read once by a statement over many rows.

    Owner visibility: UNION ALL of `own_branches`, each an index-only scan (the contracts
    declare `(created_by, id)` and `(assigned_to, created_by, id)`), where their OR would
    fetch every row. Parent visibility (a project, seen through its client or lead): one
    pass over the tenant's rows, probing the parents' sets (hashed once); a branch per
    parent would probe the parent's index once per visible parent instead, thousands of
    times for a user's leads.
    """
    table = table_of(resource).alias(f"vis_{resource.table}_{depth}")
    terms = _visibility_terms(resource, table, depth, user, sets=sets)
    tid = table.c.tenant_id == P("_tid", type_=table.c.tenant_id.type)
    if terms is None:
        return sa.select(table.c.id).where(tid)
    if resource.visibility == "owner":
        return sa.union_all(*[sa.select(table.c.id).where(tid, term) for term in terms])
    return sa.select(table.c.id).where(tid, sa.or_(*terms))


class VisibleSets:
    """The visible-id sets of one statement, each a CTE written once and read by every part
    of the statement that needs it (upcoming-tasks' three branches, a project's parents and
    an interaction's): PostgreSQL then builds each set once per statement."""

    def __init__(self) -> None:
        self._ctes: dict[tuple[str, str], sa.CTE] = {}

    def ids(self, resource: ResourceInfo, user: str) -> sa.Select[Any]:
        cte = self._ctes.get((resource.name, user))
        if cte is None:
            cte = visible_ids(resource, 0, user, self).cte(f"visible_{resource.table}")
            self._ctes[(resource.name, user)] = cte
        return sa.select(cte.c.id)


def visible_branches(
    resource: ResourceInfo, user: str = "_uid"
) -> list[sa.ColumnElement[bool]] | None:
    """`visible_to_caller` as disjoint predicates (OR-ed, they are that predicate), when the
    resource's rule splits that way (owner visibility); else None."""
    if resource.visibility != "owner":
        return None
    table = table_of(resource)
    return own_branches(table, P(user, type_=table.c.created_by.type))


def authored_by_caller(resource: ResourceInfo) -> sa.ColumnElement[bool] | None:
    """`edit: author` (notes): only the author changes or deletes a record they can see."""
    if resource.edit != "author":
        return None
    table = table_of(resource)
    return table.c.created_by == P("_uid", type_=table.c.created_by.type)


def _where_id(
    resource: ResourceInfo, *, visible: bool, deleted: bool | None, editing: bool = False
) -> list[sa.ColumnElement[bool]]:
    """tenant + guard + id (+ visibility, + authorship when editing) (+ deleted_at state)."""
    table = table_of(resource)
    where = [*scoped(table), table.c.id == P("id", type_=table.c.id.type)]
    if visible:
        where += _visibility(resource, editing=editing)
    if resource.soft_delete and deleted is not None:
        where.append(table.c.deleted_at.is_not(None) if deleted else table.c.deleted_at.is_(None))
    return where


def _visibility(resource: ResourceInfo, *, editing: bool) -> list[sa.ColumnElement[bool]]:
    predicates = [visible_to_caller(resource)]
    if editing:
        predicates.append(authored_by_caller(resource))
    return [p for p in predicates if p is not None]


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
    # one Query per set of columns (every create asks; the key is what the Query's is made of)
    key = (resource.name, frozenset(columns))
    query = _inserts.get(key)
    if query is None:
        if len(_inserts) >= _INSERTS_MAX:  # a body picks its fields: bounded all the same
            _inserts.clear()
        query = _inserts[key] = _insert(resource, columns)
    return query


_inserts: dict[tuple[str, frozenset[str]], Query] = {}
_INSERTS_MAX = 4096


def _insert(resource: ResourceInfo, columns: Sequence[str]) -> Query:
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
        return (
            sa.update(table)
            .where(*_where_id(resource, visible=visible, deleted=deleted, editing=True))
            .values(_set_values(table, cols, first))
            .returning(*api_columns(resource))
        )

    return Query(("update", resource.name, cols, first, visible, deleted), build)


def _set_values(table: sa.Table, cols: Sequence[str], first: Sequence[str]) -> dict[str, Any]:
    values: dict[str, Any] = {c: P(c, type_=table.c[c].type) for c in cols}
    for c in first:
        values[c] = sa.func.coalesce(table.c[c], P(c, type_=table.c[c].type))
    values["updated_at"] = P("_now", type_=table.c.updated_at.type)
    return values


def set_deleted(resource: ResourceInfo, *, visible: bool, delete: bool) -> Query:
    """Soft delete (deleted_at = now, deleted_by = caller; live rows only) or restore (both
    cleared; trash only)."""
    table = table_of(resource)

    def build() -> sa.Update:
        return (
            sa.update(table)
            .where(*_where_id(resource, visible=visible, deleted=not delete, editing=True))
            .values(_trash_values(table, delete))
            .returning(*api_columns(resource))
        )

    return Query(("set_deleted", resource.name, visible, delete), build)


def _trash_values(table: sa.Table, delete: bool) -> dict[str, Any]:
    if delete:
        return {
            "deleted_at": P("_now", type_=table.c.deleted_at.type),
            "deleted_by": P("_uid", type_=table.c.deleted_by.type),
            "updated_at": P("_now", type_=table.c.updated_at.type),
        }
    return {
        "deleted_at": sa.null(),
        "deleted_by": sa.null(),
        "updated_at": P("_now", type_=table.c.updated_at.type),
    }


def hard_delete(resource: ResourceInfo, *, visible: bool) -> Query:
    """DELETE a record of a resource without a trash (its cascading references go with it)."""
    table = table_of(resource)

    def build() -> sa.ClauseElement:
        return (
            sa.delete(table)
            .where(*_where_id(resource, visible=visible, deleted=None, editing=True))
            .returning(table.c.id)
        )

    return Query(("hard_delete", resource.name, visible), build)


# --- many ids at once (bulk, purge with dependents, conversion) -------------------------------


def id_slots(count: int) -> int:
    """The IN-list size for `count` ids: the next power of two, so that a statement over ids
    has at most 10 shapes up to 512 ids (the list is padded by repeating an id)."""
    slots = 1
    while slots < count:
        slots *= 2
    return slots


def ids_params(ids: Sequence[Any], prefix: str = "id") -> dict[str, Any]:
    """`{id_0: .., id_1: ..}` for `id_slots(len(ids))` slots, the last id repeated."""
    assert ids, "an empty id list has no statement"
    padded = [*ids, *[ids[-1]] * (id_slots(len(ids)) - len(ids))]
    return {f"{prefix}_{i}": v for i, v in enumerate(padded)}


def _ids(column: sa.ColumnElement[Any], slots: int, prefix: str = "id") -> sa.ColumnElement[bool]:
    return column.in_([P(f"{prefix}_{i}", type_=column.type) for i in range(slots)])


def states(resource: ResourceInfo, slots: int, *, visible: bool) -> Query:
    """For bulk: each listed id of the tenant, whether the caller can see it and change it
    (`edit: author`), and (soft delete) whether it is in the trash. An id missing from the
    answer is not the tenant's."""
    table = table_of(resource)

    def build() -> sa.Select[Any]:
        columns: list[Any] = [table.c.id]
        seen = visible_to_caller(resource) if visible else None
        author = authored_by_caller(resource) if visible else None
        columns.append((seen if seen is not None else sa.true()).label("visible"))
        columns.append((author if author is not None else sa.true()).label("editable"))
        if resource.soft_delete:
            columns.append(table.c.deleted_at.is_not(None).label("trashed"))
        return sa.select(*columns).where(*scoped(table), _ids(table.c.id, slots))

    return Query(("states", resource.name, slots, visible), build)


def update_many(
    resource: ResourceInfo,
    slots: int,
    *,
    columns: Sequence[str] = (),
    set_if_null: Sequence[str] = (),
    trash: bool | None = None,
    deleted: bool | None,
) -> Query:
    """One UPDATE over listed ids (already checked by `states`, so no visibility here; tenant
    and guard still apply): set `columns`, or move to / out of the trash (`trash`)."""
    table = table_of(resource)
    cols = tuple(sorted(columns))
    first = tuple(sorted(set_if_null))

    def build() -> sa.Update:
        where = [*scoped(table), _ids(table.c.id, slots)]
        if resource.soft_delete and deleted is not None:
            where.append(
                table.c.deleted_at.is_not(None) if deleted else table.c.deleted_at.is_(None)
            )
        values = (
            _trash_values(table, trash) if trash is not None else _set_values(table, cols, first)
        )
        return sa.update(table).where(*where).values(values).returning(table.c.id)

    return Query(("update_many", resource.name, slots, cols, first, trash, deleted), build)


def delete_many(resource: ResourceInfo, slots: int) -> Query:
    """DELETE listed ids of the tenant, in any trash state (purge, purge of dependents)."""
    table = table_of(resource)

    def build() -> sa.ClauseElement:
        return sa.delete(table).where(*scoped(table), _ids(table.c.id, slots)).returning(table.c.id)

    return Query(("delete_many", resource.name, slots), build)


def referencing(resource: ResourceInfo, field: str, slots: int) -> Query:
    """The ids of `resource` records whose `field` is one of the listed ids (any trash state):
    the dependents a purge must refuse or take along, the children a conversion moves."""
    table = table_of(resource)

    def build() -> sa.Select[Any]:
        return sa.select(table.c.id, table.c[field].label("ref")).where(
            *scoped(table), _ids(table.c[field], slots)
        )

    return Query(("referencing", resource.name, field, slots), build)


def clear_many(resource: ResourceInfo, field: str, slots: int) -> Query:
    """`on-delete: set-null` done by hand before a purge: the composite foreign key
    (tenant_id, field) cannot null its column without nulling tenant_id too."""
    table = table_of(resource)

    def build() -> sa.Update:
        return (
            sa.update(table)
            .where(*scoped(table), _ids(table.c[field], slots))
            .values({field: sa.null()})
        )

    return Query(("clear_many", resource.name, field, slots), build)


def move_children(resource: ResourceInfo, source: str, target: str) -> Query:
    """Re-parent every record of `resource` from one parent field to another (conversion:
    lead_id = :from -> client_id = :to, lead_id = NULL)."""
    table = table_of(resource)

    def build() -> sa.Update:
        return (
            sa.update(table)
            .where(*scoped(table), table.c[source] == P("from_id", type_=table.c[source].type))
            .values(
                {
                    target: P("to_id", type_=table.c[target].type),
                    source: sa.null(),
                    "updated_at": P("_now", type_=table.c.updated_at.type),
                }
            )
        )

    return Query(("move_children", resource.name, source, target), build)


def references_visible(resource: ResourceInfo, fields: Sequence[str], *, visible: bool) -> Query:
    """One row: for each reference field, whether the id in the parameter of that name is a
    record the caller may link to. Users (assignees) must be active; other records must be
    visible to the caller (any record of the tenant for an admin). No row: the session is gone.
    """
    refs = {ref.field: ref for ref in resource.references}
    names = tuple(sorted(fields))

    def build() -> sa.Select[Any]:
        columns: list[Any] = []
        for name in names:
            target = RESOURCES[refs[name].resource]
            ttable = table_of(target).alias(f"ref_{name}")
            column = table_of(resource).c[name]
            where: list[sa.ColumnElement[bool]] = [
                ttable.c.tenant_id == P("_tid", type_=ttable.c.tenant_id.type),
                ttable.c.id == P(name, type_=column.type),
            ]
            if "is_active" in ttable.c:
                where.append(ttable.c.is_active)
            elif visible:
                predicate = visible_to_caller(target, ttable)
                if predicate is not None:
                    where.append(predicate)
            columns.append(sa.exists().where(*where).label(name))
        return sa.select(*columns).where(session_guard())

    return Query(("references_visible", resource.name, names, visible), build)
