"""What every report asks of a request: who is looking, which dates, how many rows.

`ReportRequest.parse` reads the query parameters Connexion validated against the report's
contract (`x-report.parameters`: types, ranges, defaults, the dates' grammar) and adds what
JSON Schema cannot say: `user_id` only for admins.

Whose records a report covers (REPORTS.md, "Who sees what"), as a statement shape:

    caller  a user: the records visible to them (crm.statements.visible_to_caller, the rule
            every list, get and search applies)
    user    an admin with user_id: the records visible to that user (the same rule)
    all     an admin: the whole tenant

`where(...)` is the start of every report statement on a tenant table: the tenant, that
visibility, live rows only (soft delete), and the created_at range.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import bindparam as P

from crm.errors import BadRequest, Forbidden
from crm.scope import Scope
from crm.statements import VisibleSets, table_of, visible_branches, visible_to_caller
from generated.python.resources import ResourceInfo

CALLER, USER, ALL = "caller", "user", "all"
ONE_MICROSECOND = timedelta(microseconds=1)
# every list inside a report: `limit` rows (the contract's default and maximum); the explicit
# OFFSET 0 keeps SQLite from writing a literal one, which crm.db refuses
LIMIT = P("limit", type_=sa.Integer())
NO_OFFSET = P("offset", type_=sa.Integer())


def _bad_parameter(name: str, message: str) -> BadRequest:
    return BadRequest(
        message, {"in": "parameters", "errors": [{"in": "query", "path": f"/{name}"}]}
    )


def parse_bound(name: str, text: str, *, end: bool) -> datetime:
    """An ISO date or date-time as a UTC instant. A date-only start is that day's first
    instant; a date-only end includes that whole day. A date-time without an offset is UTC.
    The end comes back exclusive (the next day, or one microsecond after the instant)."""
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            moment = datetime.combine(day, time(), UTC)
            return moment + timedelta(days=1) if end else moment
        moment = datetime.fromisoformat(text)
    except (ValueError, OverflowError):
        raise _bad_parameter(
            name,
            f"The parameter {name} must be an ISO date (2024-01-31) "
            "or date-time (2024-01-31T09:00:00Z).",
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        moment = moment.astimezone(UTC)
        return moment + ONE_MICROSECOND if end else moment
    except OverflowError:
        raise _bad_parameter(name, f"The parameter {name} is outside the range of dates.") from None


@dataclass(frozen=True)
class ReportRequest:
    mode: str
    now: datetime
    start: datetime | None = None
    end: datetime | None = None  # exclusive
    user_id: uuid.UUID | None = None
    limit: int = 25
    options: dict[str, int] = field(default_factory=dict)

    @classmethod
    def parse(
        cls, scope: Scope, params: dict[str, Any], *, now: datetime, admin_only: bool = False
    ) -> ReportRequest:
        if admin_only:
            scope.require_admin()
        user_id = params.get("user_id")
        if user_id is not None and not scope.is_admin:
            raise Forbidden("Only an administrator can see another user's figures.")
        start = params.get("start_date")
        end = params.get("end_date")
        start_at = parse_bound("start_date", start, end=False) if start is not None else None
        end_at = parse_bound("end_date", end, end=True) if end is not None else None
        # A start after the end is an empty range (every figure zero), not a 400: the range
        # is two positions, each one the contract's grammar guarantees (ReportBound), and no
        # query parameter rule can relate two of them, so the spec could not state a refusal.
        if admin_only:
            mode = ALL  # user_id narrows user-activity to one row, not to a user's view
        elif not scope.is_admin:
            mode = CALLER
        else:
            mode = USER if user_id is not None else ALL
        options = {
            k: int(v)
            for k, v in params.items()
            if k in ("days_ahead", "inactive_days", "recent_days", "months") and v is not None
        }
        return cls(
            mode=mode,
            now=now,
            start=start_at,
            end=end_at,
            user_id=uuid.UUID(str(user_id)) if user_id is not None else None,
            limit=int(params.get("limit") or 25),
            options=options,
        )

    def params(self, scope: Scope, **values: Any) -> dict[str, Any]:
        """The Scope's parameters, this request's, and `values`."""
        own: dict[str, Any] = {"_now": self.now, "limit": self.limit, "offset": 0}
        if self.start is not None:
            own["_start"] = self.start
        if self.end is not None:
            own["_end"] = self.end
        if self.user_id is not None:
            own["user_id"] = self.user_id
        return scope.params(**own, **values)

    def shape(self) -> tuple[Any, ...]:
        """What, beside the report, decides a statement's text (compiled once per shape)."""
        return (self.mode, self.start is not None, self.end is not None, self.user_id is not None)

    def visible(
        self,
        resource: ResourceInfo,
        table: sa.FromClause,
        depth: int = 0,
        sets: VisibleSets | None = None,
    ) -> list[sa.ColumnElement[bool]]:
        if self.mode == ALL:
            return []
        # as sets: a report reads many rows, whose parents' visible ids are built once per
        # statement (`sets`: shared with the statement's other parts)
        predicate = visible_to_caller(
            resource,
            table,
            depth,
            user="_uid" if self.mode == CALLER else "user_id",
            sets=VisibleSets() if sets is None else sets,
        )
        return [predicate] if predicate is not None else []

    def where_branches(
        self, resource: ResourceInfo, *, dated: str | None = "created_at"
    ) -> list[list[sa.ColumnElement[bool]]]:
        """`where` on `resource`'s table, split in disjoint branches whose OR is its
        visibility when that is owner visibility in a user's view (`visible_branches`), so
        that each branch reads one ordered (tenant_id, owner, ...) index and stops early, as a
        user's list does; else `where` alone."""
        table = table_of(resource)
        user = "_uid" if self.mode == CALLER else "user_id"
        branches = None if self.mode == ALL else visible_branches(resource, user)
        if branches is None:
            return [self.where(resource, table, dated=dated)]
        rest = [tenant(table)]
        if resource.soft_delete:
            rest.append(table.c.deleted_at.is_(None))
        if dated is not None:
            rest += self.dated(table.c[dated])
        return [[*rest, branch] for branch in branches]

    def dated(self, column: sa.ColumnElement[Any]) -> list[sa.ColumnElement[bool]]:
        where = []
        if self.start is not None:
            where.append(column >= P("_start", type_=column.type))
        if self.end is not None:
            where.append(column < P("_end", type_=column.type))
        return where

    def where(
        self,
        resource: ResourceInfo,
        table: sa.FromClause,
        *,
        dated: str | None = "created_at",
        depth: int = 0,
        sets: VisibleSets | None = None,
    ) -> list[sa.ColumnElement[bool]]:
        """Tenant, visibility, live rows, and the date range on `dated` (None: no range)."""
        where = [tenant(table), *self.visible(resource, table, depth, sets)]
        if resource.soft_delete:
            where.append(table.c.deleted_at.is_(None))
        if dated is not None:
            where += self.dated(table.c[dated])
        return where


def tenant(table: sa.FromClause) -> sa.ColumnElement[bool]:
    return table.c.tenant_id == P("_tid", type_=table.c.tenant_id.type)


def now_param(column: sa.ColumnElement[Any], name: str = "_now") -> sa.BindParameter[Any]:
    """A moment computed from the request's `now`, typed like the column it is compared to."""
    return P(name, type_=column.type)
