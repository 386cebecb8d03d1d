"""Per-request cost of crm.observability's middleware (request id, access line, metrics).

The middleware wraps a constant ASGI app, so only its own work is timed: the access line is
written by the production path (crm.observability.access, the app's JSON log handler) into a
discarded stream, and the Prometheus samples are recorded (single-process mode). Compare with
the bare app; results in bench/results/observability.md.

    .venv/bin/python bench/observability.py [--requests 20000]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import time
from dataclasses import replace
from typing import Any

from crm.db import open_database
from crm.observability import logs
from crm.observability.requests import ObservabilityMiddleware
from crm.settings import Settings


async def constant(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"{}"})


async def run(app: Any, requests: int) -> float:
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/api/health",
        "headers": [(b"x-request-id", b"bench-1")],
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send(_: Any) -> None:
        return None

    started = time.perf_counter()
    for _ in range(requests):
        await app(dict(scope), receive, send)
    return (time.perf_counter() - started) / requests * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=20000)
    requests = parser.parse_args().requests
    settings = Settings.from_env({"CRM_ENV": "test", "DATABASE_URL": "sqlite:///:memory:"})
    logs.configure(settings).setStream(io.StringIO())
    db = open_database(settings)
    routes = {"handlers.health.get_health": "/api/health"}
    variants = {
        "bare app": constant,
        "observability, metrics on": ObservabilityMiddleware(
            constant, settings=settings, routes=routes, db=db
        ),
        "observability, metrics off": ObservabilityMiddleware(
            constant, settings=replace(settings, metrics_enabled=False), routes=routes, db=db
        ),
    }
    for name, app in variants.items():
        asyncio.run(run(app, 1000))  # warm up
        best = min(asyncio.run(run(app, requests)) for _ in range(3))
        print(f"{name:28} {best:7.1f} µs per request")


if __name__ == "__main__":
    main()
