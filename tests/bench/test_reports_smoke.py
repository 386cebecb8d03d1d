"""bench.reports and the seed generator at a tiny scale on the tests' PostgreSQL, so they
cannot rot: every report timed for both views, as the application's role behind row-level
security, a plan per statement, the results page."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
import sqlalchemy as sa

from bench.load.seed import load
from bench.reports import measure, report
from generated.python.resources import REPORTS
from tests.db.conftest import alembic, make_engine

pytestmark = pytest.mark.postgres


def test_report_benchmark_runs_at_a_tiny_scale(pg_create_database: Callable[..., str]) -> None:
    url = pg_create_database()
    engine = make_engine(url)
    alembic(engine, "upgrade", "head")
    engine.dispose()
    conninfo = sa.make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    fixture, visible = load(conninfo, scale=0.0002)
    assert fixture.leads_total >= 30
    assert fixture.interactions_total > 0
    assert fixture.tasks_total > 0
    assert fixture.leads_in_tenant > 0
    assert len(visible) <= fixture.leads_in_tenant

    timings = asyncio.run(measure(conninfo, fixture, runs=2))
    admin_only = sum(info.admin_only for info in REPORTS.values())
    assert len(timings) == 2 * len(REPORTS) - admin_only
    assert all(len(t.ms) == 2 and min(t.ms) > 0 and t.plans for t in timings)
    assert all("actual time" in plan for t in timings for _, plan in t.plans)
    # measured behind row-level security, as the application runs: each plan applies the
    # tenant_wall policy (a superuser or the tables' owner with BYPASSRLS would skip it)
    assert all("app.tenant_id" in plan for t in timings for _, plan in t.plans)
    text = report(timings, fixture, 2, None, None, "test")
    for info in REPORTS.values():
        assert f"| {info.path} | admin |" in text
