"""revenue-by-client, project-performance, revenue-forecast: sums over projects."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy import bindparam as P

from crm.db import Query
from crm.reports import figures
from crm.reports.request import LIMIT, NO_OFFSET, ReportRequest
from crm.reports.sql import cents, count_if, days_between, lit, sum_if, year_month
from crm.reports.vocabulary import ANNUAL_FACTOR, LOST, OPEN_PROJECTS, WEIGHT_TENTHS, WON
from crm.scope import Scope
from crm.statements import session_guard, table_of
from generated.python.resources import RESOURCES

PROJECT = RESOURCES["Project"]
CLIENT = RESOURCES["Client"]


def _status_in(projects: sa.Table, statuses: list[str]) -> sa.ColumnElement[bool]:
    return projects.c.status.in_([lit(s) for s in statuses])


# --- revenue-by-client ---------------------------------------------------------------------


def revenue_by_client_query(request: ReportRequest) -> Query:
    """Visible live clients with live projects (created in the range), by total value."""

    def build() -> sa.ClauseElement:
        clients = table_of(CLIENT)
        projects = table_of(PROJECT)
        value = cents(projects.c.value)
        total = sum_if(None, value)
        return (
            sa.select(
                clients.c.id.label("client_id"),
                clients.c.name.label("client_name"),
                sa.func.count().label("total_projects"),
                total.label("total_cents"),
                sum_if(projects.c.status == lit(WON), value).label("won_cents"),
                sum_if(_status_in(projects, OPEN_PROJECTS), value).label("pending_cents"),
            )
            .select_from(
                clients.join(
                    projects,
                    sa.and_(
                        projects.c.tenant_id == clients.c.tenant_id,
                        projects.c.client_id == clients.c.id,
                    ),
                )
            )
            .where(
                *request.where(CLIENT, clients, dated=None),
                projects.c.deleted_at.is_(None),
                *request.dated(projects.c.created_at),
                session_guard(),
            )
            .group_by(clients.c.id, clients.c.name)
            .order_by(total.desc(), clients.c.name, clients.c.id)
            .limit(LIMIT)
            .offset(NO_OFFSET)
        )

    return Query(("report", "revenue_by_client", *request.shape()), build)


async def revenue_by_client(scope: Scope, request: ReportRequest) -> dict[str, Any]:
    rows = await scope.db.fetch_all(revenue_by_client_query(request), request.params(scope))
    return {
        "clients": [
            {
                "client_id": r["client_id"],
                "client_name": r["client_name"],
                "total_projects": int(r["total_projects"]),
                "total_value": figures.money(r["total_cents"]),
                "won_value": figures.money(r["won_cents"]),
                "pending_value": figures.money(r["pending_cents"]),
            }
            for r in rows
        ]
    }


# --- project-performance ------------------------------------------------------------------


def performance_query(request: ReportRequest) -> Query:
    def build() -> sa.ClauseElement:
        projects = table_of(PROJECT)
        timed = sa.and_(
            projects.c.status == lit(WON),
            projects.c.start_date.is_not(None),
            projects.c.end_date.is_not(None),
        )
        return sa.select(
            sa.func.count().label("total_projects"),
            count_if(projects.c.status == lit(WON)).label("won"),
            count_if(projects.c.status == lit(LOST)).label("lost"),
            count_if(_status_in(projects, OPEN_PROJECTS)).label("pending"),
            sum_if(None, cents(projects.c.value)).label("cents"),
            count_if(timed).label("timed"),
            sum_if(timed, days_between(projects.c.start_date, projects.c.end_date)).label("days"),
        ).where(*request.where(PROJECT, projects), session_guard())

    return Query(("report", "project_performance", *request.shape()), build)


async def project_performance(scope: Scope, request: ReportRequest) -> dict[str, Any]:
    row = await scope.db.fetch_one(performance_query(request), request.params(scope))
    assert row is not None  # an aggregate without GROUP BY always answers one row
    total = int(row["total_projects"])
    won = int(row["won"])
    return {
        "summary": {
            "total_projects": total,
            "won": won,
            "lost": int(row["lost"]),
            "pending": int(row["pending"]),
            "win_rate": figures.rate(won, total),
            "avg_value": figures.mean(row["cents"], total, unit=100, places=2),
            "avg_duration_days": figures.mean(row["days"], int(row["timed"])),
        }
    }


# --- revenue-forecast ---------------------------------------------------------------------


def forecast_query(request: ReportRequest) -> Query:
    """The projects' cents per (status, value type, month of end_date within the months
    asked, else NULL): a few dozen groups from one pass over the projects in view. Every
    figure of the forecast is a weighted sum of these groups (`revenue_forecast`), so the
    per-project arithmetic is one conversion to cents and one addition."""

    def build() -> sa.ClauseElement:
        projects = table_of(PROJECT)
        end = projects.c.end_date
        month = sa.case(
            (
                sa.and_(
                    end >= P("_from_month", type_=end.type), end < P("_to_month", type_=end.type)
                ),
                year_month(end),
            ),
            else_=sa.null(),
        ).label("month")
        return (
            sa.select(
                projects.c.status,
                projects.c.value_type,
                month,
                sum_if(None, cents(projects.c.value)).label("cents"),
            )
            .where(*request.where(PROJECT, projects), session_guard())
            .group_by(projects.c.status, projects.c.value_type, month)
        )

    return Query(("report", "forecast", *request.shape()), build)


def months_from(first: date, count: int) -> list[date]:
    """The first day of `count` consecutive months starting at `first`'s month, and one more."""
    out = []
    year, month = first.year, first.month
    for _ in range(count + 1):
        out.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


async def revenue_forecast(scope: Scope, request: ReportRequest) -> dict[str, Any]:
    months = months_from(request.now.date(), request.options.get("months", 12))
    params = request.params(scope, _from_month=months[0], _to_month=months[-1])
    pipeline = weighted = won = pending = 0
    per_month: dict[str, int] = {}
    # a few dozen aggregate groups (status x value type x month), not projects
    for group in await scope.db.fetch_all(forecast_query(request), params):
        annual = int(group["cents"]) * ANNUAL_FACTOR.get(group["value_type"], 1)
        tenths = annual * WEIGHT_TENTHS.get(group["status"], 0)  # tenths of a cent
        weighted += tenths
        if group["month"] is not None:
            per_month[group["month"]] = per_month.get(group["month"], 0) + tenths
        if group["status"] == WON:
            won += annual
        if group["status"] in OPEN_PROJECTS:
            pending += annual
        if group["status"] in (*OPEN_PROJECTS, WON):
            pipeline += annual
    return {
        "forecast": {
            "total_pipeline_value": figures.money(pipeline),
            "weighted_forecast": figures.money(weighted, scale=10),
            "won_value": figures.money(won),
            "pending_value": figures.money(pending),
        },
        "by_month": [
            {
                "month": f"{m.year:04d}-{m.month:02d}",
                "weighted_forecast": figures.money(
                    per_month.get(f"{m.year:04d}-{m.month:02d}", 0), scale=10
                ),
            }
            for m in months[:-1]
        ],
    }
