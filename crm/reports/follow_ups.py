"""follow-ups and client-retention: who has been contacted, and who is overdue or going cold.

An interaction counts as contact once its contact_date has passed (one scheduled for later
is not contact yet). Interactions have no trash; clients and leads in the trash never count.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import bindparam as P

from crm.db import Query
from crm.reports import figures
from crm.reports.request import LIMIT, NO_OFFSET, ReportRequest, tenant
from crm.reports.sql import count_if, lit
from crm.reports.vocabulary import (
    ACTIVE_CLIENT,
    CLIENT_STATUSES,
    INACTIVE_CLIENT,
    OPEN_FOLLOW_UPS,
    OPEN_LEADS,
)
from crm.scope import Scope
from crm.statements import session_guard, table_of
from generated.python.resources import RESOURCES, ResourceInfo

LEAD = RESOURCES["Lead"]
CLIENT = RESOURCES["Client"]
PROJECT = RESOURCES["Project"]
INTERACTION = RESOURCES["Interaction"]
DAY = timedelta(days=1)


def without(row: dict[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != key}


def whole_days(since: datetime, now: datetime) -> int:
    return max((now - since) // DAY, 0)


def _interactions_of(
    parent: sa.Table, field: str
) -> tuple[sa.FromClause, list[sa.ColumnElement[bool]]]:
    i = table_of(INTERACTION).alias(f"contact_{parent.name}")
    return i, [
        i.c.tenant_id == parent.c.tenant_id,
        i.c[field] == parent.c.id,
        i.c.contact_date <= P("_now", type_=i.c.contact_date.type),
    ]


def _open_follow_up(i: sa.FromClause) -> list[sa.ColumnElement[bool]]:
    return [
        i.c.follow_up_status.in_([lit(s) for s in OPEN_FOLLOW_UPS]),
        i.c.follow_up_at < P("_now", type_=i.c.follow_up_at.type),
    ]


# --- follow-ups ---------------------------------------------------------------------------


def overdue_query(request: ReportRequest) -> Query:
    """The overdue follow-ups in view, the longest overdue first, `limit` of them, each row
    also carrying how many there are in all (a window count, taken before the LIMIT): both
    figures from one pass over the visible interactions. That pass reads only the columns of
    the (tenant_id, follow_up_status, follow_up_at, parents, created_by, id) index, so it is
    an index-only scan; the `limit` rows shown are then read by id."""

    def build() -> sa.Select[Any]:
        i = table_of(INTERACTION)
        # counted in a subquery of its own, unordered: else PostgreSQL may read every
        # interaction due before now in follow_up_at order (to skip the sort), as if the
        # LIMIT could stop it early, which the count does not let it
        counted = (
            sa.select(i.c.id, i.c.follow_up_at, sa.func.count().over().label("total"))
            .where(*request.where(INTERACTION, i), *_open_follow_up(i), session_guard())
            .subquery("overdue")
        )
        due = (
            sa.select(counted)
            .order_by(counted.c.follow_up_at, counted.c.id)
            .limit(LIMIT)
            .offset(NO_OFFSET)
            .subquery("due")
        )
        row = table_of(INTERACTION).alias("shown")
        c = table_of(CLIENT).alias("parent_client")
        l = table_of(LEAD).alias("parent_lead")  # noqa: E741
        p = table_of(PROJECT).alias("parent_project")
        joined = due.join(row, sa.and_(tenant(row), row.c.id == due.c.id))
        for parent, field in ((c, "client_id"), (l, "lead_id"), (p, "project_id")):
            joined = joined.outerjoin(parent, sa.and_(tenant(parent), parent.c.id == row.c[field]))
        return (
            sa.select(
                row.c.id,
                row.c.interaction_type,
                row.c.summary,
                row.c.follow_up_at,
                row.c.follow_up_status,
                row.c.client_id,
                c.c.name.label("client_name"),
                row.c.lead_id,
                l.c.name.label("lead_name"),
                row.c.project_id,
                p.c.name.label("project_name"),
                row.c.created_by,
                due.c.total,
            )
            .select_from(joined)
            .order_by(due.c.follow_up_at, due.c.id)
        )

    return Query(("report", "follow_ups.overdue", *request.shape()), build)


def _open_lead(resource: ResourceInfo, table: sa.Table) -> list[sa.ColumnElement[bool]]:
    if resource.name == "Lead":
        return [table.c.status.in_([lit(s) for s in OPEN_LEADS])]
    return []


def _inactive_where(
    request: ReportRequest, resource: ResourceInfo, table: sa.Table
) -> list[sa.ColumnElement[bool]]:
    return [*request.where(resource, table), *_open_lead(resource, table), session_guard()]


def never_contacted(request: ReportRequest, resource_name: str) -> Query:
    """Live visible clients (or open leads) without any contact yet, by name: the first of
    the inactive ones. Walks the (tenant_id, name) index and stops at `limit`; in a user's
    view, one walk per branch of the owner rule (the (tenant_id, owner, name, id) indexes),
    merged, instead of fetching and sorting every record the user sees."""

    def build() -> sa.Select[Any]:
        resource = RESOURCES[resource_name]
        table = table_of(resource)
        i, tied = _interactions_of(table, _FIELD[resource_name])
        columns = [
            table.c.id,
            table.c.name,
            table.c.status,
            table.c.assigned_to,
            sa.cast(sa.null(), i.c.contact_date.type).label("last_interaction_date"),
        ]
        parts = [
            sa.select(*columns)
            .where(*where, *_open_lead(resource, table), ~sa.exists().where(*tied))
            .where(session_guard())
            .order_by(table.c.name, table.c.id)
            .limit(LIMIT)
            .offset(NO_OFFSET)
            for where in request.where_branches(resource)
        ]
        if len(parts) == 1:
            return parts[0]
        # each branch a subquery of its own: SQLite takes no ORDER BY / LIMIT inside a UNION
        merged = sa.union_all(*[sa.select(*p.subquery().c) for p in parts]).subquery("never")
        return (
            sa.select(*merged.c).order_by(merged.c.name, merged.c.id).limit(LIMIT).offset(NO_OFFSET)
        )

    return Query(("report", "follow_ups.never", resource_name, *request.shape()), build)


def silent_since(request: ReportRequest, resource_name: str) -> Query:
    """Live visible clients (or open leads) whose latest contact is before the cutoff, the
    longest silent first: one grouped pass over their contacts."""

    def build() -> sa.Select[Any]:
        resource = RESOURCES[resource_name]
        table = table_of(resource)
        i, tied = _interactions_of(table, _FIELD[resource_name])
        last = sa.func.max(i.c.contact_date)
        columns = [table.c.id, table.c.name, table.c.status, table.c.assigned_to]
        return (
            sa.select(*columns, last.label("last_interaction_date"))
            .select_from(table.join(i, sa.and_(*tied)))
            .where(*_inactive_where(request, resource, table))
            .group_by(*columns)
            .having(last < P("_cutoff", type_=i.c.contact_date.type))
            .order_by(last, table.c.name, table.c.id)
            .limit(LIMIT)
            .offset(NO_OFFSET)
        )

    return Query(("report", "follow_ups.silent", resource_name, *request.shape()), build)


_FIELD = {"Client": "client_id", "Lead": "lead_id"}


async def _inactive(
    scope: Scope, request: ReportRequest, resource_name: str, params: dict[str, Any]
) -> list[dict[str, Any]]:
    """Never-contacted first (by name), then the longest silent: two statements, the second
    only when the first leaves room under `limit`."""
    rows = await scope.db.fetch_all(never_contacted(request, resource_name), params)
    if len(rows) < request.limit:
        rest = {**params, "limit": request.limit - len(rows)}
        rows += await scope.db.fetch_all(silent_since(request, resource_name), rest)
    return rows


async def follow_ups(scope: Scope, request: ReportRequest) -> dict[str, Any]:
    now = request.now
    cutoff = now - request.options.get("inactive_days", 30) * DAY
    params = request.params(scope, _cutoff=cutoff)
    overdue = await scope.db.fetch_all(overdue_query(request), params)
    clients = await _inactive(scope, request, "Client", params)
    leads = await _inactive(scope, request, "Lead", params)

    def silent(row: dict[str, Any], kind: str) -> dict[str, Any]:
        last = row["last_interaction_date"]
        return {
            f"{kind}_id": row["id"],
            f"{kind}_name": row["name"],
            "status": row["status"],
            "assigned_to": row["assigned_to"],
            "days_since_interaction": None if last is None else whole_days(last, now),
            "last_interaction_date": last,
        }

    return {
        "overdue_interactions": int(overdue[0]["total"]) if overdue else 0,
        "overdue": [
            {**without(r, "total"), "days_overdue": whole_days(r["follow_up_at"], now)}
            for r in overdue
        ],
        "inactive_clients": [silent(r, "client") for r in clients],
        "inactive_leads": [silent(r, "lead") for r in leads],
    }


# --- client-retention ---------------------------------------------------------------------


def retention_query(request: ReportRequest) -> Query:
    """Clients per status, and how many of them were contacted in the window: the clients
    contacted in the window are one uncorrelated subquery, which PostgreSQL hashes once
    (instead of one probe per client)."""

    def build() -> sa.Select[Any]:
        clients = table_of(CLIENT)
        i = table_of(INTERACTION).alias("recent_contact")
        contacted = sa.select(i.c.client_id).where(
            i.c.tenant_id == P("_tid", type_=i.c.tenant_id.type),
            i.c.client_id.is_not(None),
            i.c.contact_date >= P("_cutoff", type_=i.c.contact_date.type),
            i.c.contact_date <= P("_now", type_=i.c.contact_date.type),
        )
        return (
            sa.select(
                clients.c.status,
                sa.func.count().label("count"),
                count_if(clients.c.id.in_(contacted)).label("recent_interactions"),
            )
            .where(*request.where(CLIENT, clients), session_guard())
            .group_by(clients.c.status)
        )

    return Query(("report", "client_retention", *request.shape()), build)


async def client_retention(scope: Scope, request: ReportRequest) -> dict[str, Any]:
    cutoff = request.now - request.options.get("recent_days", 90) * DAY
    rows = {
        r["status"]: r
        for r in await scope.db.fetch_all(
            retention_query(request), request.params(scope, _cutoff=cutoff)
        )
    }
    counts = {s: int(rows[s]["count"]) if s in rows else 0 for s in CLIENT_STATUSES}
    both = counts[ACTIVE_CLIENT] + counts[INACTIVE_CLIENT]
    return {
        "retention_rate": figures.rate(counts[ACTIVE_CLIENT], both),
        "churn_rate": figures.rate(counts[INACTIVE_CLIENT], both),
        "status_breakdown": [
            {
                "status": s,
                "count": counts[s],
                "recent_interactions": int(rows[s]["recent_interactions"]) if s in rows else 0,
            }
            for s in CLIENT_STATUSES
        ],
    }
