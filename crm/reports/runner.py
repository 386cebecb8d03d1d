"""Reports run apart from ordinary requests, so that they cannot starve the API.

Issue 4's load run: 30 clients running a slow query made ordinary requests wait up to 5.2 s
for a pooled connection. So, per process and database:

- at most `REPORT_CONCURRENCY` reports run at once (the pool keeps its other connections for
  everything else); a report that cannot start within `REPORT_TIMEOUT_MS` answers 503 with
  Retry-After;
- on PostgreSQL a report is one read-only REPEATABLE READ transaction (its figures come from
  one snapshot), whose statements are cancelled after `REPORT_TIMEOUT_MS`
  (`SET LOCAL statement_timeout`, via set_config): 503 in the standard shape, never a hang.

SQLite runs in-process on one connection, in microseconds to milliseconds at the sizes it
serves; it gets the concurrency limit only.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

import psycopg.errors
import sqlalchemy as sa
from sqlalchemy import bindparam as P

from crm.db import Executor, Query
from crm.errors import ServiceUnavailable
from crm.reports.request import ReportRequest
from crm.scope import Scope
from crm.settings import Settings

log = logging.getLogger(__name__)

Report = Callable[[Scope, ReportRequest], Awaitable[dict[str, Any]]]

_READ_ONLY_SNAPSHOT = Query(
    ("report.snapshot",),
    lambda: sa.text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"),
)
_TIMEOUT = Query(
    ("report.timeout",),
    lambda: sa.select(
        sa.func.set_config(
            sa.literal_column("'statement_timeout'"),
            P("timeout", type_=sa.String()),
            sa.true(),  # local to the transaction
        ).label("timeout")
    ),
)

_slots: weakref.WeakKeyDictionary[Any, asyncio.Semaphore] = weakref.WeakKeyDictionary()


def slots(db: Executor, settings: Settings) -> asyncio.Semaphore:
    """The report slots of one database (one per process: the app's Database object)."""
    semaphore = _slots.get(db)
    if semaphore is None:
        semaphore = _slots[db] = asyncio.Semaphore(settings.report_concurrency)
    return semaphore


async def run(
    report: Report, scope: Scope, request: ReportRequest, settings: Settings
) -> dict[str, Any]:
    seconds = settings.report_timeout_ms / 1000
    # keyed by the app's Database: a tenant's executor (row-level security) is made per request
    semaphore = slots(getattr(scope.db, "database", scope.db), settings)
    try:
        await asyncio.wait_for(semaphore.acquire(), timeout=seconds)
    except TimeoutError:
        raise ServiceUnavailable(
            "Too many reports are running: please try again in a moment.",
            {"reason": "report_concurrency"},
            headers={"Retry-After": "1"},
        ) from None
    try:
        return await _run(report, scope, request, settings)
    finally:
        semaphore.release()


async def _run(
    report: Report, scope: Scope, request: ReportRequest, settings: Settings
) -> dict[str, Any]:
    if getattr(scope.db, "name", None) != "postgresql":
        await scope.ensure_session()
        return await report(scope, request)
    async with scope.db.transaction() as tx:
        # caught inside the transaction (which then rolls back), before crm.db would answer
        # a generic 503 for what psycopg counts as an operational error
        try:
            await tx.execute(_READ_ONLY_SNAPSHOT, {})
            await tx.fetch_one(_TIMEOUT, {"timeout": f"{settings.report_timeout_ms}ms"})
            snapshot = replace(scope, db=tx)
            # the figures' statements carry the guard too; this tells "no session" from "no rows"
            await snapshot.ensure_session()
            return await report(snapshot, request)
        except psycopg.errors.QueryCanceled:
            log.warning("report cancelled after %s ms", settings.report_timeout_ms)
            raise ServiceUnavailable(
                "The report took too long and was stopped: narrow it (dates, user) or try later.",
                {"reason": "report_timeout", "timeout_ms": settings.report_timeout_ms},
                headers={"Retry-After": "5"},
            ) from None
