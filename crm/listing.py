"""List requests: the query parameters the spec declares for a list, as one statement shape.

`ListRequest.parse(resource, params)` turns a list handler's keyword arguments (already
validated and coerced by Connexion against openapi.yaml) into a request; `page_query` and
`count_query` build its statements. Which parameters exist comes from the contract
(`filterable`, `sortable`, `searchable`, `soft-delete`), through the spec; nothing is listed
here by hand.

Pagination is by offset by default, and by keyset when the client sends the `next_cursor` of
the page before: the id of that page's last record. The Scope reads that record's sort value
(`after`: a record the caller cannot see is a 404, as by id) and the page starts after
(value, id), so rows inserted or deleted meanwhile do not shift the next page. A cursor is a
position, not a token: any record the caller sees is one, whatever list it came from, so
there is no "invalid cursor" (a uuid is all the spec asks). Sorting always ends with `id`
(unique), and NULLs sort last in both directions on both databases, so pages never overlap.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy import bindparam as P

from crm.db import Query, utc_instant
from crm.errors import BadRequest
from crm.statements import api_columns, scoped, table_of, visible_branches, visible_to_caller
from generated.python.resources import ResourceInfo

# the spec's list parameters that are not filters (the filters are `ResourceInfo.filters`)
_PAGING = frozenset(
    {"limit", "offset", "include_total", "cursor", "sort_by", "sort_order", "q", "trash", "user_id"}
)
# what Connexion passes beside the operation's parameters to a handler taking **kwargs: the
# verified claims (token_info, user) and crm.app's request context (db, settings)
CONNEXION_CONTEXT = frozenset({"token_info", "user", "db", "settings"})


@dataclass(frozen=True)
class Cursor:
    """A keyset position: the sort value and id of the row the page starts after."""

    value: Any
    id: str


@dataclass(frozen=True)
class ListRequest:
    limit: int
    offset: int
    include_total: bool
    sort_by: str
    descending: bool
    trash: bool
    q: str | None
    filters: tuple[tuple[str, str, Any], ...]  # (column, operator, value)
    user_id: str | None
    cursor: Cursor | None  # the keyset position; the Scope sets it from `after`
    after: str | None = None  # the `cursor` parameter: the id of the record to start after

    parent: str | None = None  # a children list: the parent field, whose filter is the path id

    @classmethod
    def parse(
        cls,
        resource: ResourceInfo,
        params: Mapping[str, Any],
        *,
        parent: tuple[str, Any] | None = None,
    ) -> ListRequest:
        """A list handler's keyword arguments as a request. A name that is neither a list
        parameter of the spec nor Connexion context is a programming error (the spec and
        `ResourceInfo.filters` disagree), never silently dropped."""
        by_param = {f.param: f for f in resource.filters}
        filters: list[tuple[str, str, Any]] = []
        for name, value in params.items():
            if name in _PAGING or name in CONNEXION_CONTEXT:
                continue
            if name not in by_param:
                raise TypeError(f"{resource.name} list: unknown parameter {name!r}")
            if value is not None:
                f = by_param[name]
                if isinstance(table_of(resource).c[f.column].type, sa.DateTime):
                    value = _instant(name, value)
                filters.append((f.column, f.op, value))
        if parent is not None:
            filters.append((parent[0], "=", parent[1]))
        # limit, offset, sort_by and sort_order always arrive: Connexion fills the spec's defaults
        sort_by = params["sort_by"]
        sort_order = params["sort_order"]
        cursor_text = params.get("cursor")
        q = params.get("q")
        return cls(
            limit=int(params["limit"]),
            offset=0 if cursor_text else int(params["offset"]),
            include_total=bool(params.get("include_total")),
            sort_by=sort_by,
            descending=sort_order == "desc",
            trash=bool(params.get("trash")),
            q=q,
            filters=tuple(sorted(filters, key=lambda f: (f[0], f[1]))),
            user_id=params.get("user_id"),
            cursor=None,
            # the spec's uuid in any spelling Python reads, as the one both databases take
            after=str(UUID(str(cursor_text))) if cursor_text else None,
            parent=parent[0] if parent is not None else None,
        )

    def reference_filters(self, resource: ResourceInfo) -> dict[str, Any]:
        """The equality filters that name a parent record (client_id=...), by field: the Scope
        checks that the caller can see each before listing by it, so a list never answers
        "this parent exists but you cannot see it" with an empty page instead of a refusal."""
        refs = {ref.field for ref in resource.references if ref.parent}
        return {c: v for c, op, v in self.filters if op == "=" and c in refs}

    @property
    def sort_order(self) -> str:
        return "desc" if self.descending else "asc"

    def params(self) -> dict[str, Any]:
        """The named values of this request's statements (besides the Scope's own)."""
        # window: how many rows each branch of a merged list reads (`page_query`)
        values: dict[str, Any] = {
            "limit": self.limit,
            "offset": self.offset,
            "window": self.limit + self.offset,
            "window_offset": 0,
        }
        for column, op, value in self.filters:
            values[_filter_name(column, op)] = value
        if self.q is not None:
            values["q"] = like_pattern(self.q)
        if self.user_id is not None:
            values["user_id"] = self.user_id
        if self.cursor is not None:
            values["cursor_value"] = self.cursor.value
            values["cursor_id"] = self.cursor.id
        return values

    def next_cursor(self, rows: list[dict[str, Any]]) -> str | None:
        """A cursor after the last row, when the page is full (there may be more)."""
        if len(rows) < self.limit or not rows:
            return None
        return str(rows[-1]["id"])

    def shape(self, resource: ResourceInfo, visible: bool) -> tuple[Any, ...]:
        cursor = None if self.cursor is None else self.cursor.value is None
        return (
            resource.name,
            visible,
            self.trash,
            tuple((c, op) for c, op, _ in self.filters),
            self.q is not None,
            self.user_id is not None,
            self.sort_by,
            self.descending,
            cursor,
        )


def _filter_name(column: str, op: str) -> str:
    return f"f_{column}" if op == "=" else f"f_{column}_{'after' if op == '>=' else 'before'}"


def _listed(
    resource: ResourceInfo, *, visible: bool, trash: bool, split: bool = False
) -> list[sa.ColumnElement[bool]]:
    """What every list-like statement starts from: the tenant and the session guard, the
    caller's visibility (unless an admin-wide list, or `split` into branches by the caller),
    and the live rows or the trash."""
    table = table_of(resource)
    where = scoped(table)
    if visible and not split:
        predicate = visible_to_caller(resource)
        if predicate is not None:
            where.append(predicate)
    if resource.soft_delete:
        deleted = table.c.deleted_at
        where.append(deleted.is_not(None) if trash else deleted.is_(None))
    return where


def _split_user(resource: ResourceInfo, request: ListRequest, visible: bool) -> str | None:
    """The parameter naming the user whose visibility this list reads as branches (the
    caller's `_uid`, or an admin-wide list's `user_id` filter), when the rule splits."""
    if visible_branches(resource) is None:
        return None
    if visible:
        return "_uid"
    return "user_id" if request.user_id is not None else None


def _where(
    resource: ResourceInfo, request: ListRequest, visible: bool, split: str | None = None
) -> list[sa.ColumnElement[bool]]:
    """The list's conditions; with `split` (a user parameter), without that user's
    visibility, which `_branches` adds back one disjoint branch at a time."""
    table = table_of(resource)
    where = _listed(resource, visible=visible, trash=request.trash, split=split == "_uid")
    for column, op, _ in request.filters:
        col = table.c[column]
        value = P(_filter_name(column, op), type_=col.type)
        where.append(col == value if op == "=" else col >= value if op == ">=" else col < value)
    if request.q is not None:
        pattern = P("q", type_=sa.String())
        where.append(sa.or_(*[table.c[f].ilike(pattern, escape="\\") for f in resource.searchable]))
    if request.user_id is not None and split != "user_id":
        # the admin-wide list's user filter: the records this user would see themselves
        predicate = visible_to_caller(resource, user="user_id")
        if predicate is not None:
            where.append(predicate)
    return where


def _branches(
    resource: ResourceInfo, request: ListRequest, visible: bool
) -> list[list[sa.ColumnElement[bool]]]:
    """The list's conditions as one branch, or, when the visibility it applies is owner
    visibility, as one branch per disjoint part of that rule (`visible_branches`).

    Why: PostgreSQL answers `created_by = :u OR assigned_to = :u` by fetching every row the
    user sees (thousands) and sorting them for a page of 25; each branch alone is one ordered
    scan of a (tenant_id, owner, sort, id) index that stops after the page. The branches'
    OR is `visible_to_caller` itself and they are disjoint, so their UNION ALL holds exactly
    the rows of the single statement, each once (tests/api/test_lists.py and
    tests/unit/test_list_branches.py compare them).
    """
    user = _split_user(resource, request, visible)
    where = _where(resource, request, visible, split=user)
    if user is None:
        return [where]
    return [[*where, branch] for branch in visible_branches(resource, user) or []]


def _keyset(table: sa.Table, request: ListRequest) -> sa.ColumnElement[bool]:
    col = table.c[request.sort_by]
    last_id = P("cursor_id", type_=table.c.id.type)
    after_id = table.c.id < last_id if request.descending else table.c.id > last_id
    assert request.cursor is not None
    if request.cursor.value is None:  # the NULLs, sorted last, are being paged by id
        return sa.and_(col.is_(None), after_id)
    value = P("cursor_value", type_=col.type)
    beyond = col < value if request.descending else col > value
    return sa.or_(beyond, sa.and_(col == value, after_id), col.is_(None))


def _order(
    table: sa.Table, request: ListRequest, columns: sa.ColumnCollection[str, Any] | None = None
) -> list[sa.ColumnElement[Any]]:
    """sort column, then id, both in the requested direction; NULLs last on both databases.
    `columns`: the same columns read from a subquery over `table` (a merged list).

    NULLS LAST is written only for nullable columns: on a NOT NULL column it changes nothing,
    but PostgreSQL would then not read the (tenant_id, created_at) index backwards for
    `created_at DESC` and would sort the whole tenant instead.
    """
    cols = table.c if columns is None else columns
    col = cols[request.sort_by]
    first = col.desc() if request.descending else col.asc()
    if table.c[request.sort_by].nullable:
        first = first.nulls_last()
    return [first, cols["id"].desc() if request.descending else cols["id"].asc()]


def _merged(
    resource: ResourceInfo, request: ListRequest, branches: list[list[sa.ColumnElement[bool]]]
) -> sa.Subquery:
    """UNION ALL of the branches, each read in the list's order and cut at the page's end
    (`window` = offset + limit rows: no branch can contribute more to the page). Each branch
    is its own subquery so that SQLite accepts its ORDER BY and LIMIT inside the UNION."""
    table = table_of(resource)
    parts = []
    for where in branches:
        part = (
            sa.select(*api_columns(resource))
            .where(*where)
            .order_by(*_order(table, request))
            .limit(P("window", type_=sa.Integer()))
            .offset(P("window_offset", type_=sa.Integer()))  # SQLite writes one; 0
            .subquery()
        )
        parts.append(sa.select(*part.c))
    return sa.union_all(*parts).subquery("listed")


def page_query(resource: ResourceInfo, request: ListRequest, *, visible: bool) -> Query:
    def build() -> sa.Select[Any]:
        table = table_of(resource)
        branches = _branches(resource, request, visible)
        if request.cursor is not None:
            for where in branches:
                where.append(_keyset(table, request))
        if len(branches) == 1:
            statement = sa.select(*api_columns(resource)).where(*branches[0])
            order = _order(table, request)
        else:
            merged = _merged(resource, request, branches)
            statement = sa.select(*merged.c)
            order = _order(table, request, merged.c)
        return (
            statement.order_by(*order)
            .limit(P("limit", type_=sa.Integer()))
            .offset(P("offset", type_=sa.Integer()))
        )

    return Query(("page", *request.shape(resource, visible)), build)


def export_query(resource: ResourceInfo, request: ListRequest, *, visible: bool) -> Query:
    """Every matching row (text/csv), in the list's order, without paging."""

    def build() -> sa.Select[Any]:
        table = table_of(resource)
        branches = _branches(resource, request, visible)
        if len(branches) == 1:
            return (
                sa.select(*api_columns(resource))
                .where(*branches[0])
                .order_by(*_order(table, request))
            )
        parts = [sa.select(*api_columns(resource)).where(*where) for where in branches]
        merged = sa.union_all(*parts).subquery("listed")
        return sa.select(*merged.c).order_by(*_order(table, request, merged.c))

    return Query(("export", *request.shape(resource, visible)), build)


def count_query(resource: ResourceInfo, request: ListRequest, *, visible: bool) -> Query:
    def build() -> sa.Select[Any]:
        table = table_of(resource)
        branches = _branches(resource, request, visible)
        if len(branches) == 1:
            return sa.select(sa.func.count().label("total")).select_from(table).where(*branches[0])
        # each branch counted through its own index (an index-only scan where it covers the
        # filters); disjoint, so the sum is the OR's count
        parts = [sa.select(table.c.id).where(*where) for where in branches]
        merged = sa.union_all(*parts).subquery("listed")
        return sa.select(sa.func.count().label("total")).select_from(merged)

    return Query(("count", *request.shape(resource, visible)), build)


def _instant(param: str, value: str) -> datetime:
    """A date-time filter as one instant in UTC (crm.db.utc_instant), or a 400 naming it."""
    try:
        return utc_instant(value)
    except BadRequest as exc:
        raise BadRequest(
            exc.message, {"in": "parameters", "errors": [{"in": "query", "path": f"/{param}"}]}
        ) from None


def like_pattern(text: str) -> str:
    """`text` as an ILIKE contains-pattern with `%`, `_` and the escape character literal."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def search_query(resource: ResourceInfo, *, visible: bool) -> Query:
    """GET /api/search over one resource: live records matching `q` in any searchable field,
    newest first, `limit` rows; for each searchable field, whether it matched (`m_<field>`)."""

    def build() -> sa.Select[Any]:
        table = table_of(resource)
        pattern = P("q", type_=sa.String())
        matches = [table.c[f].ilike(pattern, escape="\\") for f in resource.searchable]
        where = _listed(resource, visible=visible, trash=False)
        return (
            sa.select(
                table.c.id,
                *[table.c[f] for f in resource.searchable],
                *[
                    sa.func.coalesce(m, sa.false()).label(f"m_{f}")
                    for f, m in zip(resource.searchable, matches, strict=True)
                ],
            )
            .where(*where, sa.or_(*matches))
            .order_by(table.c.created_at.desc(), table.c.id.desc())
            .limit(P("limit", type_=sa.Integer()))
            .offset(P("offset", type_=sa.Integer()))  # SQLite adds OFFSET <literal> otherwise
        )

    return Query(("search", resource.name, visible), build)
