"""Reports cannot starve the API: their own concurrency limit, and a statement timeout.

- With every report slot taken, a report waits at most REPORT_TIMEOUT_MS and answers 503 in
  the standard shape, while ordinary requests are served as usual.
- On PostgreSQL a report statement running past REPORT_TIMEOUT_MS is cancelled by the server
  (SET LOCAL statement_timeout): 503 in the standard shape, and the connection serves the next
  request normally.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import httpx
import pytest
import sqlalchemy as sa

from crm.app import create_app
from crm.db import Database
from crm.reports import runner
from crm.settings import Settings
from tests.api.conftest import Api, World, assert_error
from tests.db.conftest import make_engine

pytestmark = pytest.mark.anyio


@pytest.fixture
async def strict_api(settings: Settings, database: Database, world: World) -> AsyncIterator[Api]:
    limited = replace(settings, report_concurrency=1, report_timeout_ms=300)
    app = create_app(limited, database=database)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield Api(client, world)


async def test_a_report_waits_for_a_slot_then_answers_503(
    strict_api: Api, database: Database, settings: Settings
) -> None:
    admin = await strict_api.login("admin")
    slots = runner.slots(database, replace(settings, report_concurrency=1))
    await slots.acquire()  # the one slot is busy, as with a long report
    try:
        response = await strict_api.client.get("/api/reports/pipeline", headers=admin)
        body = assert_error(response, 503)
        assert body["details"]["reason"] == "report_concurrency"
        assert response.headers["retry-after"] == "1"
        # ordinary requests do not queue behind reports
        assert (await strict_api.client.get("/api/leads", headers=admin)).status_code == 200
    finally:
        slots.release()
    assert (await strict_api.client.get("/api/reports/pipeline", headers=admin)).status_code == 200


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
async def test_a_report_past_the_statement_timeout_is_stopped_with_503(
    settings: Settings, database: Database, world: World
) -> None:
    engine = make_engine(settings.owner_database_url)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO leads (id, tenant_id, name, phone_label, status, created_by,"
                " created_at, updated_at) SELECT gen_random_uuid(), :t, 'lead ' || n, 'work',"
                " 'new', :u, now(), now() FROM generate_series(1, 300000) AS n"
            ),
            {"t": world["admin"].tenant_id, "u": world["admin"].id},
        )
    engine.dispose()
    quick = replace(settings, report_timeout_ms=5)
    app = create_app(quick, database=database)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://test"
    ) as client:
        api = Api(client, world)
        admin = await api.login("admin")
        response = await client.get("/api/reports/conversion-rate", headers=admin)
        body = assert_error(response, 503)
        assert body["details"] == {"reason": "report_timeout", "timeout_ms": 5}
        # the cancelled transaction left nothing behind: the next request is served
        page = await client.get("/api/leads", params={"limit": 1}, headers=admin)
        assert page.status_code == 200
        assert len(page.json()["items"]) == 1
