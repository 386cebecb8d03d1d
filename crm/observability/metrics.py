"""Prometheus metrics, and `GET /metrics` in the text format (outside /api, not in the spec).

Under `crm serve --workers N` each worker is its own process: prometheus-client's multiprocess
mode keeps every worker's values in files under PROMETHEUS_MULTIPROC_DIR, and a scrape (served
by whichever worker the connection reaches) adds them up. `multiprocess_directory()` gives
`crm serve` a fresh directory before the workers start; prometheus-client reads the variable
when it is imported, so it must be set in the parent, before the workers import the app.
`METRICS_ENABLED=false` serves no /metrics at all.
"""

from __future__ import annotations

import math
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.types import Scope, Send

from crm.observability.kept import Kept
from crm.settings import Settings

if TYPE_CHECKING:  # crm.db reports its statements to this package: no import back at run time
    from crm.db import Database

PATH = "/metrics"
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"

REQUESTS = Counter("crm_http_requests_total", "HTTP requests answered.", ["operation_id", "status"])
LATENCY = Histogram(
    "crm_http_request_duration_seconds",
    "Time to answer an HTTP request.",
    ["operation_id", "status"],
)
SLOW_REQUESTS = Counter("crm_slow_requests_total", "Requests over SLOW_REQUEST_MS.")
SLOW_STATEMENTS = Counter("crm_slow_statements_total", "SQL statements over SLOW_STATEMENT_MS.")
# livesum: the sum over the workers alive now (a gauge per process would mean nothing summed
# with the values of workers that have exited).
POOL_IN_USE = Gauge(
    "crm_db_pool_connections_in_use",
    "PostgreSQL connections checked out of the pool.",
    multiprocess_mode="livesum",
)
POOL_WAITING = Gauge(
    "crm_db_pool_requests_waiting",
    "Requests waiting for a PostgreSQL connection.",
    multiprocess_mode="livesum",
)

UNROUTED = "none"  # operation_id of a request that matched no operation (404, /api index ...)


# (operation_id, status) -> its children of REQUESTS and LATENCY. `labels()` returns the same
# child for the same values every time, but finds it through validation, string conversion
# and a lock on every request; the keys are bounded (the spec's operations times the statuses).
_children: dict[tuple[str | None, int], tuple[Counter, Histogram]] = {}


def _observe(operation_id: str | None, status: int, seconds: float) -> None:
    children = _children.get((operation_id, status))
    if children is None:
        labels = (operation_id or UNROUTED, str(status))
        children = _children[operation_id, status] = (
            REQUESTS.labels(*labels),
            LATENCY.labels(*labels),
        )
    count, latency = children
    count.inc()
    latency.observe(seconds)


def _observe_kept(waiting: list[tuple[str | None, int, float]]) -> None:
    for operation_id, status, seconds in waiting:
        _observe(operation_id, status, seconds)


# A request's count and latency, kept with its access line (crm.observability.kept) when
# ACCESS_LOG_FLUSH_MS is above 0; a scrape counts them first (serve).
_kept: Kept[tuple[str | None, int, float]] = Kept(_observe_kept, at_most=512)


def configure(settings: Settings) -> None:
    flush()
    _kept.seconds = settings.access_log_flush_ms / 1000


def observe_request(operation_id: str | None, status: int, seconds: float) -> None:
    if _kept.seconds > 0:
        _kept.add((operation_id, status, seconds))
    else:
        _observe(operation_id, status, seconds)


def flush() -> None:
    """Count the requests kept so far."""
    _kept.flush()


# How often a request refreshes the pool's gauges. A scrape reads them itself (serve); with
# several workers, the others' values are what their requests last set: at most this old.
POOL_EVERY_SECONDS = 1.0
_pool_read_at = -math.inf


def observe_pool(db: Database, *, at_most_every: float = 0.0) -> None:
    """Set the pool's gauges, unless they were set less than `at_most_every` seconds ago."""
    global _pool_read_at
    now = monotonic()
    if now - _pool_read_at < at_most_every:
        return
    _pool_read_at = now
    pool = getattr(db, "pool", None)  # PostgreSQL only; SQLite has one connection, no pool
    if pool is not None and not pool.closed:
        stats = pool.get_stats()
        POOL_IN_USE.set(stats.get("pool_size", 0) - stats.get("pool_available", 0))
        POOL_WAITING.set(stats.get("requests_waiting", 0))


def exposition() -> bytes:
    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        return generate_latest(registry)
    return generate_latest(REGISTRY)


def is_scrape(scope: Scope) -> bool:
    """`GET /metrics` (or HEAD): answered before routing, like the docs, and neither logged
    nor counted as a request (crm.observability.requests)."""
    return scope["path"] == PATH and scope["method"] in ("GET", "HEAD")


async def serve(db: Database, scope: Scope, send: Send) -> None:
    """The exposition, with the pool's gauges read now and every request kept so far counted."""
    flush()
    observe_pool(db)
    body = exposition()
    headers = [
        (b"content-type", CONTENT_TYPE_LATEST.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
    ]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    if scope["method"] == "HEAD":
        body = b""
    await send({"type": "http.response.body", "body": body})


@contextmanager
def multiprocess_directory(workers: int, enabled: bool) -> Iterator[Path | None]:
    """For `crm serve`: a metrics directory for the workers (None when not needed).

    An operator's own PROMETHEUS_MULTIPROC_DIR is used and emptied of a previous run's files;
    otherwise a temporary one is made and removed when the server stops.
    """
    if workers < 2 or not enabled:
        yield None
        return
    given = os.environ.get(MULTIPROC_ENV)
    if given:
        path = Path(given)
        path.mkdir(parents=True, exist_ok=True)
        for stale in path.glob("*.db"):
            stale.unlink()
        yield path
        return
    path = Path(tempfile.mkdtemp(prefix="crm-metrics-"))
    os.environ[MULTIPROC_ENV] = str(path)
    try:
        yield path
    finally:
        os.environ.pop(MULTIPROC_ENV, None)
        shutil.rmtree(path, ignore_errors=True)
