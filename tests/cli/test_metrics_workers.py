"""`crm serve --workers 2`: /metrics adds up every worker's requests (prometheus multiprocess).

Each request is a new connection, so the kernel hands them to either worker; every scrape,
whichever worker answers it, must show all of them.
"""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.support.server import SERVER_START_SECONDS, Server, crm_command, server_env

REQUESTS = 20
GET_READY = "handlers.health.get_ready"
WORKERS = 2


def ready_count(metrics_text: str) -> float:
    for family in text_string_to_metric_families(metrics_text):
        for sample in family.samples:
            if sample.name == "crm_http_requests_total" and sample.labels == {
                "operation_id": GET_READY,
                "status": "200",
            }:
                return sample.value
    return 0.0


def wait_for_every_worker(server: Server) -> None:
    deadline = time.monotonic() + 2 * SERVER_START_SECONDS
    while server.err.read_text().count("Application startup complete") < WORKERS:
        if time.monotonic() > deadline or server.process.poll() is not None:
            pytest.fail(f"the workers did not all start:\n{server.logs()}")
        time.sleep(0.2)


def test_metrics_add_up_the_requests_of_every_worker(tmp_path: Path) -> None:
    env = server_env(tmp_path / "crm.sqlite3")
    env.pop("PROMETHEUS_MULTIPROC_DIR", None)
    subprocess.run([*crm_command(), "migrate"], cwd=tmp_path, env=env, check=True)
    server = Server(tmp_path, env, "serve", "--workers", str(WORKERS))
    root = server.base.removesuffix("/api")
    try:
        server.wait_healthy()
        wait_for_every_worker(server)
        for _ in range(REQUESTS):
            with httpx.Client() as client:  # a new connection each time: either worker
                assert client.get(f"{server.base}/ready").status_code == 200
        counts = []
        for _ in range(6):
            with httpx.Client() as client:
                counts.append(ready_count(client.get(f"{root}/metrics").text))
    finally:
        server.stop()
    assert counts == [REQUESTS] * len(counts), server.logs()
    workers = set(re.findall(r"Started server process \[(\d+)\]", server.err.read_text()))
    assert len(workers) == WORKERS
