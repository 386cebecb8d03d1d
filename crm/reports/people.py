"""user-activity (admins): per active user, their current workload and activity in the range."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import bindparam as P

from crm.db import Query
from crm.reports.request import LIMIT, NO_OFFSET, ReportRequest
from crm.scope import Scope
from crm.statements import session_guard, table_of
from generated import tables
from generated.python.resources import RESOURCES

LEAD = RESOURCES["Lead"]
CLIENT = RESOURCES["Client"]
INTERACTION = RESOURCES["Interaction"]
PROJECT = RESOURCES["Project"]


def activity_query(request: ReportRequest) -> Query:
    """One row per active user: a counting subquery per figure, each tied to the user's row
    (and so to the tenant) and read through the (tenant_id, assigned_to / created_by) indexes."""

    def build() -> sa.Select[Any]:
        users = tables.users

        def count(resource_name: str, column: str, *, dated: bool) -> sa.ScalarSelect[Any]:
            resource = RESOURCES[resource_name]
            table = table_of(resource)
            where = [table.c.tenant_id == users.c.tenant_id, table.c[column] == users.c.id]
            if resource.soft_delete:
                where.append(table.c.deleted_at.is_(None))
            if dated:
                where += request.dated(table.c.created_at)
            return sa.select(sa.func.count()).where(*where).scalar_subquery()

        where = [
            users.c.tenant_id == P("_tid", type_=users.c.tenant_id.type),
            users.c.is_active,
            session_guard(),
        ]
        if request.user_id is not None:
            where.append(users.c.id == P("user_id", type_=users.c.id.type))
        return (
            sa.select(
                users.c.id.label("user_id"),
                users.c.email.label("user_email"),
                users.c.name.label("user_name"),
                count("Lead", "assigned_to", dated=False).label("assigned_leads"),
                count("Client", "assigned_to", dated=False).label("assigned_clients"),
                count("Interaction", "created_by", dated=True).label("interactions_logged"),
                count("Project", "created_by", dated=True).label("projects_created"),
            )
            .where(*where)
            .order_by(users.c.email, users.c.id)
            .limit(LIMIT)
            .offset(NO_OFFSET)
        )

    return Query(("report", "user_activity", *request.shape()), build)


async def user_activity(scope: Scope, request: ReportRequest) -> dict[str, Any]:
    rows = await scope.db.fetch_all(activity_query(request), request.params(scope))
    return {"users": rows}
