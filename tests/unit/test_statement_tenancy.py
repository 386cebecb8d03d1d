"""Every statement the Scope runs is pinned to the caller's tenant, table by table.

Each statement builder of `crm/statements.py` and `crm/listing.py` is built here for every
resource, in every shape that changes which tables a statement reads (visibility on and off,
parents, filters, search, cursors). For each statement, every occurrence of a tenant table
(the table itself, or an alias of it in an EXISTS) must have its `tenant_id` equated, directly
or through other tenant tables' `tenant_id`, to the `:_tid` parameter (the token's tenant).
Such a statement touches one tenant only, so a distributed PostgreSQL (Citus, by tenant_id)
could route it to one node; and none can read across tenants.

A builder added to those modules without being exercised here fails
`test_every_builder_is_exercised`.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.sql import operators, visitors

from crm import listing, statements
from crm.db import Query
from crm.listing import ListRequest
from generated.python.resources import RESOURCES, ResourceInfo

TID = "_tid"
LISTED = [r for r in RESOURCES.values() if r.tenant_scoped and "list" in r.operations]


def _from_of(element: Any) -> Any | None:
    """The table or alias a tenant_id column belongs to, or None."""
    if (
        isinstance(element, sa.Column | sa.sql.elements.ColumnClause)
        and element.name == "tenant_id"
    ):
        return element.table
    return None


def untethered(statement: sa.ClauseElement) -> list[str]:
    """Names of tenant-table occurrences whose tenant_id is not tied to :_tid."""
    parent: dict[Any, Any] = {}

    def find(x: Any) -> Any:
        while parent.get(x, x) is not x:
            x = parent.get(x, x)
        return x

    def union(a: Any, b: Any) -> None:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        parent[find(a)] = find(b)

    occurrences: set[Any] = set()
    for element in visitors.iterate(statement):
        # a tenant table or alias occurs where a column of it is used (an alias's base table
        # is visited too, but only the alias's columns stand for rows the statement reads)
        owner = getattr(element, "table", None) if isinstance(element, sa.ColumnClause) else None
        # a derived table (a subquery, a merged list's UNION ALL) holds only rows of the
        # tables its selects read, each of which is an occurrence checked on its own
        derived = isinstance(owner, sa.Subquery)
        if isinstance(owner, sa.FromClause) and "tenant_id" in owner.c and not derived:
            occurrences.add(owner)
        if (
            isinstance(element, sa.sql.elements.BinaryExpression)
            and element.operator is operators.eq
        ):
            sides = [element.left, element.right]
            froms = [_from_of(s) for s in sides]
            binds = [s.key for s in sides if isinstance(s, sa.sql.elements.BindParameter)]
            if froms[0] is not None and froms[1] is not None:
                union(froms[0], froms[1])
            for f in froms:
                if f is not None and TID in binds:
                    union(f, TID)
    target = getattr(statement, "table", None)
    if isinstance(statement, sa.Insert) and target is not None:
        # INSERT ... SELECT: the tenant_id column takes the :_tid parameter
        select = statement.select
        assert select is not None
        labels = {c.name: c for c in select.selected_columns}
        value = labels["tenant_id"].element if "tenant_id" in labels else None
        if isinstance(value, sa.sql.elements.BindParameter) and value.key == TID:
            union(target, TID)
        occurrences.add(target)
    elif target is not None and "tenant_id" in target.c:
        occurrences.add(target)
    return sorted(str(getattr(t, "name", t)) for t in occurrences if find(t) != find(TID))


def _request(resource: ResourceInfo, **params: Any) -> ListRequest:
    base = {"limit": 25, "offset": 0, "sort_by": "created_at", "sort_order": "desc"}
    return ListRequest.parse(resource, {**base, **params})


def built() -> Iterator[tuple[str, str, Query]]:
    """(builder name, resource, query) for every builder and shape."""
    yield "guard_only", "-", statements.guard_only()
    for r in [r for r in RESOURCES.values() if r.tenant_scoped and r.path]:
        fields = [f for f in r.fields if f not in r.read_only][:3]
        refs = [ref.field for ref in r.references]
        for visible in (True, False):
            yield "get", r.name, statements.get(r, visible=visible)
            yield "update", r.name, statements.update(r, fields, visible=visible)
            yield "hard_delete", r.name, statements.hard_delete(r, visible=visible)
            yield "states", r.name, statements.states(r, 4, visible=visible)
            if refs:
                yield (
                    "references_visible",
                    r.name,
                    statements.references_visible(r, refs, visible=visible),
                )
            if r.soft_delete:
                for delete in (True, False):
                    yield (
                        "set_deleted",
                        r.name,
                        statements.set_deleted(r, visible=visible, delete=delete),
                    )
        yield "insert", r.name, statements.insert(r, fields)
        yield "_insert", r.name, statements._insert(r, fields)  # what insert keeps
        yield "update_many", r.name, statements.update_many(r, 2, columns=fields, deleted=None)
        yield "delete_many", r.name, statements.delete_many(r, 2)
        for ref in r.references:
            yield "referencing", r.name, statements.referencing(r, ref.field, 2)
            yield "clear_many", r.name, statements.clear_many(r, ref.field, 2)
        parents = [ref.field for ref in r.references if ref.parent]
        if len(parents) > 1:
            yield "move_children", r.name, statements.move_children(r, parents[0], parents[1])
        if r in LISTED:
            requests = [_request(r), _request(r, user_id="00000000-0000-0000-0000-000000000001")]
            if r.searchable:
                requests.append(_request(r, q="x"))
            requests += [_parent_request(r, field) for field in parents]
            for request in requests:
                for visible in (True, False):
                    yield "page_query", r.name, listing.page_query(r, request, visible=visible)
                    yield "count_query", r.name, listing.count_query(r, request, visible=visible)
                    yield "export_query", r.name, listing.export_query(r, request, visible=visible)
        if r.global_search:
            for visible in (True, False):
                yield "search_query", r.name, listing.search_query(r, visible=visible)


def _parent_request(resource: ResourceInfo, field: str) -> ListRequest:
    base = {"limit": 25, "offset": 0, "sort_by": "created_at", "sort_order": "desc"}
    return ListRequest.parse(resource, base, parent=(field, "00000000-0000-0000-0000-000000000002"))


CASES = list(built())


@pytest.mark.parametrize(
    ("builder", "resource", "query"),
    CASES,
    ids=[f"{b}-{r}-{i}" for i, (b, r, _) in enumerate(CASES)],
)
def test_every_tenant_table_is_pinned_to_the_callers_tenant(
    builder: str, resource: str, query: Query
) -> None:
    assert untethered(query.build()) == []


def test_every_builder_is_exercised() -> None:
    exercised = {b for b, _, _ in CASES}
    builders = {
        name
        for module in (statements, listing)
        for name, fn in inspect.getmembers(module, inspect.isfunction)
        if fn.__module__ == module.__name__ and inspect.signature(fn).return_annotation == "Query"
    }
    assert builders <= exercised, builders - exercised


def test_the_check_sees_an_unpinned_table() -> None:
    """The check itself can fail: a statement on leads without the tenant predicate, and one
    that ties an EXISTS over clients to the outer row by id only."""
    leads, clients = (
        statements.table_of(RESOURCES["Lead"]),
        statements.table_of(RESOURCES["Client"]),
    )
    assert untethered(sa.select(leads.c.id).where(leads.c.id == sa.bindparam("id"))) == ["leads"]
    inner = clients.alias("c")
    leaky = sa.select(leads.c.id).where(
        leads.c.tenant_id == sa.bindparam(TID),
        sa.exists().where(inner.c.id == leads.c.id),
    )
    assert untethered(leaky) == ["c"]
