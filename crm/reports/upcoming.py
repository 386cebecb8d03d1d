"""upcoming-tasks: what is due between now and days_ahead days from now, soonest first.

Three kinds of rows in one statement (UNION ALL, then one ORDER BY and LIMIT): open tasks by
due_at, interactions by contact_date, open follow-ups by follow_up_at. Each branch keeps its
own visibility rule (a task is also visible to its assignee; an interaction only through its
parent). An interaction's assignee is that of its client, lead or project. Names and
assignees are joined after the LIMIT.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy import bindparam as P

from crm.db import Query
from crm.reports.request import LIMIT, NO_OFFSET, ReportRequest, tenant
from crm.reports.sql import lit
from crm.reports.vocabulary import OPEN_FOLLOW_UPS, OPEN_TASKS
from crm.scope import Scope
from crm.statements import VisibleSets, session_guard, table_of
from generated import tables
from generated.python.models import UpcomingTaskSource
from generated.python.resources import RESOURCES

TASK = RESOURCES["Task"]
INTERACTION = RESOURCES["Interaction"]
CLIENT = RESOURCES["Client"]
LEAD = RESOURCES["Lead"]
PROJECT = RESOURCES["Project"]


def _branch(
    request: ReportRequest,
    source: str,
    record: sa.FromClause,
    due: str,
    depth: int,
    sets: VisibleSets,
) -> sa.Select[Any]:
    """One kind of row, with the record's own columns only: the parents' names and the
    assignee are joined to the `limit` rows that remain after the ORDER BY, not to every
    row due in the window."""
    if source == UpcomingTaskSource.task.value:
        resource, notes = TASK, record.c.title
        kind: sa.ColumnElement[Any] = sa.cast(sa.null(), sa.String())
        assignee: sa.ColumnElement[Any] = record.c.assigned_to
        extra = [record.c.status.in_([lit(s) for s in OPEN_TASKS])]
    else:
        resource, notes = INTERACTION, record.c.summary
        kind = record.c.interaction_type
        assignee = sa.cast(sa.null(), record.c.created_by.type)  # its parent's: joined later
        extra = []
        if source == UpcomingTaskSource.follow_up.value:
            extra = [record.c.follow_up_status.in_([lit(s) for s in OPEN_FOLLOW_UPS])]
    when = record.c[due]
    return sa.select(
        record.c.id,
        lit(source).label("source"),
        kind.label("interaction_type"),
        when.label("contact_date"),
        notes.label("notes"),
        record.c.client_id,
        record.c.lead_id,
        record.c.project_id,
        assignee.label("task_assignee"),
    ).where(
        *request.where(resource, record, dated=None, depth=depth, sets=sets),
        when >= P("_now", type_=when.type),
        when < P("_until", type_=when.type),
        *extra,
        session_guard(),
    )


def upcoming_query(request: ReportRequest) -> Query:
    def build() -> sa.Select[Any]:
        tasks = table_of(TASK)
        interactions = table_of(INTERACTION)
        scheduled = interactions.alias("scheduled")
        follow_ups = interactions.alias("follow_up")
        sets = VisibleSets()  # the three branches read the same parents' sets
        union = sa.union_all(
            _branch(request, UpcomingTaskSource.task.value, tasks, "due_at", 0, sets),
            _branch(
                request, UpcomingTaskSource.interaction.value, scheduled, "contact_date", 10, sets
            ),
            _branch(
                request, UpcomingTaskSource.follow_up.value, follow_ups, "follow_up_at", 20, sets
            ),
        ).subquery("due")
        order = [union.c.contact_date, union.c.id, union.c.source]
        first = (
            sa.select(*union.c).order_by(*order).limit(LIMIT).offset(NO_OFFSET).subquery("first")
        )
        parents = {
            "client": table_of(CLIENT).alias("parent_client"),
            "lead": table_of(LEAD).alias("parent_lead"),
            "project": table_of(PROJECT).alias("parent_project"),
        }
        joined: sa.FromClause = first
        for kind, parent in parents.items():
            joined = joined.outerjoin(
                parent, sa.and_(tenant(parent), parent.c.id == first.c[f"{kind}_id"])
            )
        # a task's assignee is its own; an interaction's, that of its client, lead or project
        assignee = sa.case(
            (first.c.source == lit(UpcomingTaskSource.task.value), first.c.task_assignee),
            else_=sa.func.coalesce(*[p.c.assigned_to for p in parents.values()]),
        )
        users = tables.users.alias("assignee")
        joined = joined.outerjoin(users, sa.and_(tenant(users), users.c.id == assignee))
        return (
            sa.select(
                first.c.id,
                first.c.source,
                first.c.interaction_type,
                first.c.contact_date,
                first.c.notes,
                first.c.client_id,
                parents["client"].c.name.label("client_name"),
                first.c.lead_id,
                parents["lead"].c.name.label("lead_name"),
                first.c.project_id,
                parents["project"].c.name.label("project_name"),
                assignee.label("assigned_to"),
                users.c.email.label("assigned_to_email"),
            )
            .select_from(joined)
            .order_by(first.c.contact_date, first.c.id, first.c.source)
        )

    return Query(("report", "upcoming", *request.shape()), build)


async def upcoming_tasks(scope: Scope, request: ReportRequest) -> dict[str, Any]:
    until = request.now + timedelta(days=request.options.get("days_ahead", 7))
    rows = await scope.db.fetch_all(upcoming_query(request), request.params(scope, _until=until))
    return {"tasks": rows}
