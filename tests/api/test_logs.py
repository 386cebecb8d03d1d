"""Structured logs: request ids, one access line per request, slow statements and requests.

The app's own log handler (crm.observability.logs) is pointed at a buffer: what is read here
is exactly what production writes to stderr (CRM_ENV=test formats JSON, as production does).
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
import yaml
from starlette.responses import Response

from crm import responses
from crm.app import create_app
from crm.db import Database, Query
from crm.observability import access, logs
from crm.observability.requests import REQUEST_ID_HEADER
from crm.settings import Settings
from tests.api.conftest import Api, assert_error, lifespan, stub_token

pytestmark = pytest.mark.anyio

SPEC: dict[str, Any] = yaml.safe_load((Path(__file__).parents[2] / "openapi.yaml").read_text())

POSTGRES_ONLY = pytest.mark.parametrize(
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
SLEEP = Query(("test", "pg_sleep"), lambda: sa.select(sa.func.pg_sleep(sa.bindparam("seconds"))))


class Lines:
    """The JSON lines the app's log handler wrote."""

    def __init__(self, buffer: io.StringIO) -> None:
        self.buffer = buffer

    def clear(self) -> None:
        self.buffer.seek(0)
        self.buffer.truncate()

    def all(self) -> list[dict[str, Any]]:
        """Every line but the test client's own (httpx logs each request it made)."""
        parsed = [json.loads(line) for line in self.buffer.getvalue().splitlines() if line]
        return [line for line in parsed if line["logger"] != "httpx"]

    def events(self, event: str) -> list[dict[str, Any]]:
        return [line for line in self.all() if line["event"] == event]


def read_logs() -> Lines:
    handler = logs.installed_handler()
    assert handler is not None, "create_app installs the log handler"
    buffer = io.StringIO()
    handler.setStream(buffer)
    return Lines(buffer)


@pytest.fixture
async def lines(api: Api) -> Lines:
    """The app's log lines from here on (after Connexion's start-up lines, on a first request)."""
    await api.client.get("/api/")
    return read_logs()


async def test_one_request_gives_json_lines_sharing_its_request_id(
    make_client: Callable[..., httpx.AsyncClient],
) -> None:
    async with make_client() as client:
        lines = read_logs()
        await client.get("/api/")  # Connexion builds its middleware stack (and logs it) here
        lines.clear()
        # The stubbed delete_lead raises: the 500 handler logs the error, then the access line.
        auth = {"Authorization": f"Bearer {stub_token()}"}
        response = await client.delete(
            "/api/leads/0190b6b4-0000-7000-8000-000000000001",
            headers={**auth, REQUEST_ID_HEADER: "req-from-the-proxy.42"},
        )
        assert_error(response, 500)
        first = lines.all()
        assert response.headers[REQUEST_ID_HEADER] == "req-from-the-proxy.42"
        assert len(first) >= 2
        assert {line["request_id"] for line in first} == {"req-from-the-proxy.42"}
        assert [line["event"] for line in first if line["level"] == "error"]
        assert "Traceback" in next(line for line in first if "exception" in line)["exception"]

        lines.clear()
        other = await client.get("/api/health")
        second = lines.all()
        created = other.headers[REQUEST_ID_HEADER]
        assert created != "req-from-the-proxy.42"
        assert second
        assert {line["request_id"] for line in second} == {created}


async def test_the_access_line_names_route_operation_status_statements_tenant_and_user(
    api: Api, lines: Lines
) -> None:
    headers = await api.login("alice")
    lines.clear()
    lead = await api.create("alice", "/api/leads", {"name": "Logged Lead"})
    (created,) = lines.events("request")
    response = await api.client.get(f"/api/leads/{lead['id']}", headers=headers)
    assert response.status_code == 200
    access = lines.events("request")[1]
    alice = api.world["alice"]
    assert access["method"] == "GET"
    assert access["path"] == f"/api/leads/{lead['id']}"
    (route,) = [
        SPEC["servers"][0]["url"] + path
        for path, item in SPEC["paths"].items()
        if item.get("get", {}).get("operationId") == "handlers.leads.get_lead"
    ]
    assert access["route"] == route
    assert "{" in route
    assert access["operation_id"] == "handlers.leads.get_lead"
    assert access["status"] == 200
    assert access["tenant_id"] == str(alice.tenant_id)
    assert access["user_id"] == str(alice.id)
    assert access["statements"] >= 1
    assert access["duration_ms"] >= 0
    assert created["operation_id"] == "handlers.leads.create_lead"
    assert created["status"] == 201
    assert access["request_id"] != created["request_id"]


@pytest.mark.parametrize(
    "given",
    ["x" * 129, "has space", "new\nline", "<script>", ""],
)
async def test_an_unsafe_request_id_is_replaced(api: Api, lines: Lines, given: str) -> None:
    response = await api.client.get("/api/health", headers={REQUEST_ID_HEADER: given})
    used = response.headers[REQUEST_ID_HEADER]
    assert used != given
    assert len(used) == 36  # a new UUID
    assert {line["request_id"] for line in lines.all()} == {used}


async def _sleepy_statement(db: Database, **_: Any) -> Response:
    await db.fetch_one(SLEEP, {"seconds": 0.3})
    return responses.json({"status": "ok"})


async def _sleepy_request(db: Database, **_: Any) -> Response:
    await db.ping()
    await asyncio.sleep(0.3)
    return responses.json({"status": "ok"})


@POSTGRES_ONLY
async def test_a_slow_statement_is_logged_with_its_sql_duration_and_request_id(
    make_client: Callable[..., httpx.AsyncClient], settings: Settings
) -> None:
    quick = replace(settings, slow_statement_ms=200, slow_request_ms=10_000)
    stubs = {"handlers.health.get_health": _sleepy_statement}
    async with make_client(stubs, app_settings=quick) as client:
        lines = read_logs()
        response = await client.get("/api/health", headers={REQUEST_ID_HEADER: "slow-sql-1"})
        assert response.status_code == 200
    (slow,) = lines.events("slow statement")
    assert slow["request_id"] == "slow-sql-1"
    assert slow["level"] == "warning"
    assert "pg_sleep" in slow["sql"]
    assert slow["duration_ms"] >= 300
    assert lines.events("slow request") == []
    (access,) = lines.events("request")
    assert access["statements"] == 1


@POSTGRES_ONLY
async def test_a_statement_under_the_threshold_is_not_logged(
    make_client: Callable[..., httpx.AsyncClient], settings: Settings
) -> None:
    patient = replace(settings, slow_statement_ms=5_000, slow_request_ms=10_000)
    stubs = {"handlers.health.get_health": _sleepy_statement}
    async with make_client(stubs, app_settings=patient) as client:
        lines = read_logs()
        assert (await client.get("/api/health")).status_code == 200
    assert lines.events("slow statement") == []
    assert len(lines.events("request")) == 1


async def test_a_slow_request_is_logged_with_its_statement_count(
    make_client: Callable[..., httpx.AsyncClient], settings: Settings
) -> None:
    quick = replace(settings, slow_request_ms=200)
    stubs = {"handlers.health.get_health": _sleepy_request}
    async with make_client(stubs, app_settings=quick) as client:
        lines = read_logs()
        response = await client.get("/api/health", headers={REQUEST_ID_HEADER: "slow-req-1"})
        assert response.status_code == 200
        lines_after_slow = lines.events("slow request")
        lines.clear()
        assert (await client.get("/api/")).status_code == 200  # a quick one: no slow line
    (slow,) = lines_after_slow
    assert slow["request_id"] == "slow-req-1"
    assert slow["statements"] == 1
    assert slow["duration_ms"] >= 300
    assert slow["operation_id"] == "handlers.health.get_health"
    assert lines.events("slow request") == []


def test_development_logs_are_console_lines_not_json() -> None:
    handler = logs.configure(Settings.from_env({"CRM_ENV": "development"}))
    buffer = io.StringIO()
    handler.setStream(buffer)
    logging.getLogger("crm.test").warning("hello %s", "there", extra={"answer": 42})
    text = buffer.getvalue()
    assert "hello there" in text
    assert "answer" in text
    assert "42" in text
    with pytest.raises(json.JSONDecodeError):
        json.loads(text.splitlines()[0])
    logs.configure(Settings.from_env({"CRM_ENV": "test"}))


async def test_a_browser_frontend_may_read_the_request_id(api: Api, settings: Settings) -> None:
    origin = settings.cors_origins[0]
    response = await api.client.get("/api/health", headers={"Origin": origin})
    exposed = response.headers["access-control-expose-headers"].lower()
    assert REQUEST_ID_HEADER.lower() in exposed
    assert response.headers[REQUEST_ID_HEADER]


# Logger's own steps, taken when the tests are collected: before any test has initialised
# sentry-sdk, whose logging integration patches them for the rest of the process.
_LOGGER_STEPS = {name: getattr(logging.Logger, name) for name in access.LOGGER_STEPS}


@pytest.mark.parametrize("flush_ms", [50, 600_000])
async def test_buffered_access_lines_are_written_after_the_interval_or_at_shutdown(
    settings: Settings, database: Database, flush_ms: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ACCESS_LOG_FLUSH_MS (production's default keeps lines a moment): no line while kept,
    then the request's own line, after the interval or when the app shuts down, whichever
    comes first."""
    # Logging as a served app has it: pytest's capturing handler on the root logger, or a
    # patched Logger, rightly sends the access line through `logging`, which keeps nothing.
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])
    for name, step in _LOGGER_STEPS.items():
        monkeypatch.setattr(logging.Logger, name, step)
    app = create_app(replace(settings, access_log_flush_ms=flush_ms), database=database)
    lines = read_logs()
    assert access._direct_handler() is logs.installed_handler()
    try:
        shutdown = await lifespan(app)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.get("/api/health")
        assert response.status_code == 200
        assert lines.events("request") == []  # kept
        await asyncio.sleep(0.5)
        if flush_ms < 500:  # the interval is over: written while the app runs
            assert len(lines.events("request")) == 1
        else:
            assert lines.events("request") == []
        await shutdown()
        (line,) = lines.events("request")  # and nothing lost at shutdown
        assert line["request_id"] == response.headers[REQUEST_ID_HEADER]
        assert (line["path"], line["status"]) == ("/api/health", 200)
    finally:
        create_app(settings, database=database)  # the tests' own: each line at once
