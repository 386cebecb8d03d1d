"""pipeline: leads per lead status; projects, and their summed value, per project status."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from crm.db import Query
from crm.reports import figures
from crm.reports.request import ReportRequest
from crm.reports.sql import cents, sum_if
from crm.reports.vocabulary import LEAD_STATUSES, PROJECT_STATUSES
from crm.scope import Scope
from crm.statements import session_guard, table_of
from generated.python.resources import RESOURCES

LEAD = RESOURCES["Lead"]
PROJECT = RESOURCES["Project"]


def leads_by_status(request: ReportRequest) -> Query:
    def build() -> sa.Select[Any]:
        leads = table_of(LEAD)
        return (
            sa.select(leads.c.status, sa.func.count().label("count"))
            .where(*request.where(LEAD, leads), session_guard())
            .group_by(leads.c.status)
        )

    return Query(("report", "pipeline.leads", *request.shape()), build)


def projects_by_status(request: ReportRequest) -> Query:
    def build() -> sa.Select[Any]:
        projects = table_of(PROJECT)
        return (
            sa.select(
                projects.c.status,
                sa.func.count().label("count"),
                sum_if(None, cents(projects.c.value)).label("cents"),
            )
            .where(*request.where(PROJECT, projects), session_guard())
            .group_by(projects.c.status)
        )

    return Query(("report", "pipeline.projects", *request.shape()), build)


async def pipeline(scope: Scope, request: ReportRequest) -> dict[str, Any]:
    params = request.params(scope)
    leads = {r["status"]: r for r in await scope.db.fetch_all(leads_by_status(request), params)}
    projects = {
        r["status"]: r for r in await scope.db.fetch_all(projects_by_status(request), params)
    }
    return {
        "leads": [
            {"status": s, "count": int(leads[s]["count"]) if s in leads else 0}
            for s in LEAD_STATUSES
        ],
        "projects": [
            {
                "status": s,
                "count": int(projects[s]["count"]) if s in projects else 0,
                "total_value": figures.money(projects[s]["cents"] if s in projects else 0),
            }
            for s in PROJECT_STATUSES
        ],
    }
