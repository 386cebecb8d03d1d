"""upcoming-tasks: what is due between now and days_ahead days from now, soonest first.

Three kinds of rows in one statement (UNION ALL, then one ORDER BY and LIMIT): open tasks by
due_at, interactions by contact_date, open follow-ups by follow_up_at. Each branch keeps its
own visibility rule (a task is also visible to its assignee; an interaction only through its
parent). An interaction's assignee is that of its client, lead or project.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import bindparam as P

from crm.db import Query
from crm.reports.request import LIMIT, NO_OFFSET, ReportRequest
from crm.reports.sql import lit
from crm.reports.vocabulary import OPEN_FOLLOW_UPS, OPEN_TASKS
from crm.scope import Scope
from crm.statements import session_guard, table_of
from generated import tables
from generated.python.models import UpcomingTaskSource
from generated.python.resources import RESOURCES

TASK = RESOURCES["Task"]
INTERACTION = RESOURCES["Interaction"]
CLIENT = RESOURCES["Client"]
LEAD = RESOURCES["Lead"]
PROJECT = RESOURCES["Project"]


def _parents(record: sa.FromClause, tag: str) -> tuple[sa.FromClause, dict[str, sa.FromClause]]:
    """`record` LEFT JOIN its client, lead and project (names shown in the row)."""
    parents: dict[str, sa.FromClause] = {
        "client": table_of(CLIENT).alias(f"{tag}_client"),
        "lead": table_of(LEAD).alias(f"{tag}_lead"),
        "project": table_of(PROJECT).alias(f"{tag}_project"),
    }
    joined: sa.FromClause = record
    for kind, parent in parents.items():
        joined = joined.outerjoin(
            parent,
            sa.and_(
                parent.c.tenant_id == record.c.tenant_id, parent.c.id == record.c[f"{kind}_id"]
            ),
        )
    return joined, parents


def _branch(
    request: ReportRequest, source: str, record: sa.FromClause, due: str, tag: str, depth: int
) -> sa.Select[Any]:
    joined, parents = _parents(record, tag)
    if source == UpcomingTaskSource.task.value:
        resource, notes = TASK, record.c.title
        kind: sa.ColumnElement[Any] = sa.cast(sa.null(), sa.String())
        assignee: sa.ColumnElement[Any] = record.c.assigned_to
        extra = [record.c.status.in_([lit(s) for s in OPEN_TASKS])]
    else:
        resource, notes = INTERACTION, record.c.summary
        kind = record.c.interaction_type
        assignee = sa.func.coalesce(
            *[parents[k].c.assigned_to for k in ("client", "lead", "project")]
        )
        extra = []
        if source == UpcomingTaskSource.follow_up.value:
            extra = [record.c.follow_up_status.in_([lit(s) for s in OPEN_FOLLOW_UPS])]
    users = tables.users.alias(f"{tag}_assignee")
    when = record.c[due]
    return (
        sa.select(
            record.c.id,
            lit(source).label("source"),
            kind.label("interaction_type"),
            when.label("contact_date"),
            notes.label("notes"),
            record.c.client_id,
            parents["client"].c.name.label("client_name"),
            record.c.lead_id,
            parents["lead"].c.name.label("lead_name"),
            record.c.project_id,
            parents["project"].c.name.label("project_name"),
            assignee.label("assigned_to"),
            users.c.email.label("assigned_to_email"),
        )
        .select_from(
            joined.outerjoin(
                users, sa.and_(users.c.tenant_id == record.c.tenant_id, users.c.id == assignee)
            )
        )
        .where(
            *request.where(resource, record, dated=None, depth=depth),
            when >= P("_now", type_=when.type),
            when < P("_until", type_=when.type),
            *extra,
            session_guard(),
        )
    )


def upcoming_query(request: ReportRequest) -> Query:
    def build() -> sa.Select[Any]:
        tasks = table_of(TASK)
        interactions = table_of(INTERACTION)
        scheduled = interactions.alias("scheduled")
        follow_ups = interactions.alias("follow_up")
        union = sa.union_all(
            _branch(request, UpcomingTaskSource.task.value, tasks, "due_at", "t", 0),
            _branch(
                request, UpcomingTaskSource.interaction.value, scheduled, "contact_date", "i", 10
            ),
            _branch(
                request, UpcomingTaskSource.follow_up.value, follow_ups, "follow_up_at", "f", 20
            ),
        ).subquery("upcoming")
        return (
            sa.select(*union.c)
            .order_by(union.c.contact_date, union.c.id, union.c.source)
            .limit(LIMIT)
            .offset(NO_OFFSET)
        )

    return Query(("report", "upcoming", *request.shape()), build)


async def upcoming_tasks(scope: Scope, request: ReportRequest) -> dict[str, Any]:
    until = request.now + timedelta(days=request.options.get("days_ahead", 7))
    rows = await scope.db.fetch_all(upcoming_query(request), request.params(scope, _until=until))
    return {"tasks": rows}
