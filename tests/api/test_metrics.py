"""GET /metrics: the Prometheus text format, outside /api, refusable by a setting.

Values are read back through the endpoint itself (parsed with prometheus-client's own parser);
the metrics live for the whole test process, so each test compares before and after.
(Several workers adding up: tests/cli/test_metrics_workers.py.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from crm.settings import Settings
from tests.api.conftest import Api, assert_error

pytestmark = pytest.mark.anyio

GET_READY = "handlers.health.get_ready"
UNROUTED = "none"


async def scrape(client: httpx.AsyncClient) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def requests_of(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], op: str) -> float:
    key = ("crm_http_requests_total", (("operation_id", op), ("status", "200")))
    return samples.get(key, 0.0)


async def test_metrics_count_the_requests_made_by_operation_and_status(api: Api) -> None:
    before = await scrape(api.client)
    for _ in range(3):
        assert (await api.client.get("/api/ready")).status_code == 200
    assert_error(await api.client.get("/api/no-such-thing"), 404)
    after = await scrape(api.client)

    assert requests_of(after, GET_READY) - requests_of(before, GET_READY) == 3
    latency = (
        "crm_http_request_duration_seconds_count",
        (("operation_id", GET_READY), ("status", "200")),
    )
    assert after[latency] - before.get(latency, 0.0) == 3
    unrouted = ("crm_http_requests_total", (("operation_id", UNROUTED), ("status", "404")))
    assert after[unrouted] - before.get(unrouted, 0.0) == 1
    # Scrapes are not requests of the API: they are not counted.
    assert not any(labels and dict(labels).get("operation_id") == "/metrics" for _, labels in after)


async def test_the_pool_gauges_are_exported(api: Api) -> None:
    await api.client.get("/api/ready")
    samples = await scrape(api.client)
    names = {name for name, _ in samples}
    assert {"crm_db_pool_connections_in_use", "crm_db_pool_requests_waiting"} <= names
    assert "crm_slow_statements_total" in names
    assert samples[("crm_db_pool_requests_waiting", ())] >= 0


async def test_metrics_are_not_under_api(api: Api) -> None:
    assert_error(await api.client.get("/api/metrics"), 404)


async def test_metrics_can_be_turned_off(
    make_client: Callable[..., httpx.AsyncClient], settings: Settings
) -> None:
    async with make_client(app_settings=replace(settings, metrics_enabled=False)) as client:
        assert_error(await client.get("/metrics"), 404)
        assert (await client.get("/api/health")).status_code == 200


def test_metrics_enabled_reads_true_and_false() -> None:
    assert Settings.from_env({}).metrics_enabled is True
    assert Settings.from_env({"METRICS_ENABLED": "false"}).metrics_enabled is False
