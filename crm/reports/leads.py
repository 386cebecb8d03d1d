"""lead-source and conversion-rate: leads counted by source, by assignee and overall."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from crm.db import Query
from crm.reports import figures
from crm.reports.request import CALLER, ReportRequest, tenant
from crm.reports.sql import count_if, epoch_ms, lit, sum_if
from crm.reports.vocabulary import CONVERTED, LEAD_SOURCES, QUALIFIED
from crm.scope import Scope
from crm.statements import session_guard, table_of
from generated import tables
from generated.python.resources import RESOURCES

LEAD = RESOURCES["Lead"]


def by_source(request: ReportRequest) -> Query:
    def build() -> sa.Select[Any]:
        leads = table_of(LEAD)
        return (
            sa.select(
                leads.c.source,
                sa.func.count().label("total_leads"),
                count_if(leads.c.status == lit(CONVERTED)).label("converted"),
                count_if(leads.c.status == lit(QUALIFIED)).label("qualified"),
            )
            .where(*request.where(LEAD, leads), session_guard())
            .group_by(leads.c.source)
        )

    return Query(("report", "lead_source", *request.shape()), build)


async def lead_source(scope: Scope, request: ReportRequest) -> dict[str, Any]:
    rows = {
        r["source"]: r for r in await scope.db.fetch_all(by_source(request), request.params(scope))
    }
    sources = []
    for source in [*LEAD_SOURCES, None]:  # None: the leads without a source, always last
        row = rows.get(source)
        total = int(row["total_leads"]) if row else 0
        converted = int(row["converted"]) if row else 0
        sources.append(
            {
                "source": source,
                "total_leads": total,
                "converted": converted,
                "qualified": int(row["qualified"]) if row else 0,
                "conversion_rate": figures.rate(converted, total),
            }
        )
    return {"sources": sources}


def _conversion_columns(leads: sa.Table) -> list[sa.ColumnElement[Any]]:
    converted = leads.c.status == lit(CONVERTED)
    timed = sa.and_(converted, leads.c.converted_at.is_not(None))
    return [
        sa.func.count().label("total_leads"),
        count_if(converted).label("converted"),
        # converted leads whose conversion time is known, and the sum of their durations
        count_if(timed).label("timed"),
        sum_if(timed, epoch_ms(leads.c.converted_at) - epoch_ms(leads.c.created_at)).label("ms"),
    ]


def by_assignee(request: ReportRequest) -> Query:
    """One row per assignee of the leads in view (unassigned: user_id NULL), most leads first,
    unassigned last. Every group, not `limit` of them: `overall` is their sum. The leads are
    grouped first and the users joined to the groups (a few dozen), not to every lead."""

    def build() -> sa.Select[Any]:
        leads = table_of(LEAD)
        users = tables.users
        groups = (
            sa.select(leads.c.assigned_to, *_conversion_columns(leads))
            .where(*request.where(LEAD, leads), session_guard())
            .group_by(leads.c.assigned_to)
            .subquery("by_assignee")
        )
        return (
            sa.select(groups.c.assigned_to.label("user_id"), users.c.email, *groups.c[1:])
            .select_from(
                groups.outerjoin(users, sa.and_(tenant(users), users.c.id == groups.c.assigned_to))
            )
            .order_by(
                groups.c.assigned_to.is_(None),
                groups.c.total_leads.desc(),
                users.c.email,
                groups.c.assigned_to,
            )
        )

    return Query(("report", "conversion.by_user", *request.shape()), build)


def _figures(row: Mapping[str, Any] | None) -> dict[str, Any]:
    total = int(row["total_leads"]) if row else 0
    converted = int(row["converted"]) if row else 0
    return {
        "total_leads": total,
        "converted": converted,
        "conversion_rate": figures.rate(converted, total),
        "avg_days_to_convert": (
            figures.mean(row["ms"], int(row["timed"]), unit=figures.MS_PER_DAY) if row else None
        ),
    }


async def conversion_rate(scope: Scope, request: ReportRequest) -> dict[str, Any]:
    """One grouped statement: `overall` is the sum of the assignee groups (a handful of
    aggregate rows, one per user of the tenant), so the leads are read once."""
    groups = await scope.db.fetch_all(by_assignee(request), request.params(scope))
    overall = {
        key: sum(int(g[key] or 0) for g in groups)
        for key in ("total_leads", "converted", "timed", "ms")
    }
    if request.mode == CALLER:  # a user sees only their own row
        groups = [g for g in groups if g["user_id"] == scope.user_id]
    return {
        "overall": _figures(overall),
        "by_user": [
            {"user_id": g["user_id"], "user_email": g["email"], **_figures(g)}
            for g in groups[: request.limit]
        ],
    }
