"""The pool's gauges: a request refreshes them at most once a second; a scrape always does."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from crm.observability import metrics


class Pool:
    closed = False

    def __init__(self) -> None:
        self.reads = 0
        self.in_use = 0

    def get_stats(self) -> dict[str, int]:
        self.reads += 1
        return {"pool_size": 10, "pool_available": 10 - self.in_use, "requests_waiting": 0}


class Db:
    def __init__(self) -> None:
        self.pool = Pool()


def test_a_request_refreshes_the_gauges_at_most_once_a_second(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = [1000.0]
    monkeypatch.setattr(metrics, "monotonic", lambda: clock[0])
    monkeypatch.setattr(metrics, "_pool_read_at", float("-inf"))
    db = Db()
    every = metrics.POOL_EVERY_SECONDS
    db.pool.in_use = 3
    metrics.observe_pool(db, at_most_every=every)  # type: ignore[arg-type]
    assert metrics.POOL_IN_USE._value.get() == 3
    db.pool.in_use = 5
    clock[0] += every / 2
    metrics.observe_pool(db, at_most_every=every)  # type: ignore[arg-type]
    assert (db.pool.reads, metrics.POOL_IN_USE._value.get()) == (1, 3)
    clock[0] += every / 2
    metrics.observe_pool(db, at_most_every=every)  # type: ignore[arg-type]
    assert (db.pool.reads, metrics.POOL_IN_USE._value.get()) == (2, 5)


def test_a_scrape_reads_the_pool_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(metrics, "monotonic", lambda: 5.0)
    monkeypatch.setattr(metrics, "_pool_read_at", 5.0)  # a request set them this instant
    db = Db()
    db.pool.in_use = 7
    sent: list[Any] = []

    async def send(message: Any) -> None:
        sent.append(message)

    asyncio.run(metrics.serve(db, {"method": "GET"}, send))  # type: ignore[arg-type]
    assert db.pool.reads == 1
    assert b"crm_db_pool_connections_in_use 7.0" in sent[-1]["body"]
