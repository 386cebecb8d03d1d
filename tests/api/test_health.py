"""GET /api/health (liveness), GET /api/ready (readiness), and that the app builds from the real
openapi.yaml with all its operations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from connexion.exceptions import ResolverError
from connexion.resolver import Resolver

from crm.app import create_app
from crm.db import Database
from crm.resolver import find_handler
from crm.settings import Settings
from tests.api.conftest import assert_error
from tests.db.conftest import alembic, make_engine

pytestmark = pytest.mark.anyio


async def test_health_answers_ok(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/health")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"status": "ok"}


async def test_health_needs_no_token(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/health", headers={"Authorization": "Bearer garbage"})
    assert response.status_code == 200


async def test_the_served_spec_is_the_31_document(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/api/openapi.json")).json()
    assert spec["openapi"].startswith("3.1")
    operations = [
        op for item in spec["paths"].values() for m, op in item.items() if m != "parameters"
    ]
    assert len(operations) >= 80


async def test_an_operation_without_a_handler_answers_501_in_the_error_shape(
    settings: Settings, database: Database
) -> None:
    def resolve(operation_id: str) -> Callable[..., Any]:
        if operation_id == "handlers.reports.get_pipeline_report":
            raise ResolverError(f"no handler for {operation_id}")
        return find_handler(operation_id)

    app = create_app(settings, resolver=Resolver(function_resolver=resolve), database=database)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        body = assert_error(await client.get("/api/reports/pipeline"), 501)
    assert body["details"] == {}


async def test_swagger_ui_is_served_in_test(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/docs/")
    assert response.status_code == 200
    assert "swagger-ui" in response.text.lower()


async def test_production_builds_without_swagger_ui(
    make_client: Callable[..., httpx.AsyncClient], settings: Settings
) -> None:
    production = replace(settings, env="production", jwt_secret="p" * 48)
    async with make_client(app_settings=production) as client:
        assert (await client.get("/api/health/")).json() == {"status": "ok"}
        assert_error(await client.get("/api/docs/"), 404)


async def test_ready_is_503_when_the_database_is_unreachable_and_health_stays_200(
    settings: Settings,
) -> None:
    from crm.app import create_app

    unreachable = "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=1"
    broken = replace(
        settings, database_url=unreachable, db_pool_min=1, db_pool_max=1, db_pool_timeout=1
    )
    transport = httpx.ASGITransport(app=create_app(broken))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        body = assert_error(await client.get("/api/ready"), 503)
        # Liveness does not touch the database: the process is alive.
        assert (await client.get("/api/health")).json() == {"status": "ok"}
    assert "127.0.0.1" not in str(body)


async def test_ready_answers_ok_at_the_latest_migration(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/ready", headers={"Authorization": "Bearer garbage"})
    assert response.status_code == 200
    assert response.json() == {"status": "ready"}


async def test_ready_is_503_when_the_schema_is_one_revision_behind(
    make_client: Callable[..., httpx.AsyncClient], settings: Settings
) -> None:
    engine = make_engine(settings.owner_database_url)
    alembic(engine, "downgrade", "-1")
    with engine.begin() as conn:
        behind = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()
        if engine.dialect.name == "postgresql":
            # the row-level-security revision's downgrade also takes the app role's grants:
            # give back the one /api/ready reads, so only the revision differs from a live app
            conn.execute(sa.text("GRANT SELECT ON alembic_version TO crm_app"))
    engine.dispose()
    async with make_client() as client:
        body = assert_error(await client.get("/api/ready"), 503)
        assert (await client.get("/api/health")).status_code == 200
    assert body["details"]["database_revision"] == [behind]
    assert body["details"]["expected_revision"] != [behind]
    assert "crm migrate" in body["error"]
