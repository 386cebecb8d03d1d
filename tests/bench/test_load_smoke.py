"""bench.load briefly on the tests' throwaway PostgreSQL, so the load benchmark cannot rot.

A small seed (the benchmark's own seeder, 3,000 leads), both servers as the benchmark starts
them (`crm serve` in production mode and the raw baseline under uvicorn), the answers compared
as the benchmark compares them, the EXPLAIN of its statements, and one second of wrk per
scenario against each server with no failed request. Timings are not asserted: speed is
measured by `python -m bench.load.run`, not here.
"""

from __future__ import annotations

import asyncio
import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import inprocess
from bench.load import run
from bench.load.pg import Cluster
from bench.load.seed import Fixture, Shape, seed
from tests.fixtures.postgres import PostgresServer

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def seeded(
    postgres_server: PostgresServer, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Cluster, Fixture]:
    # the benchmark's Cluster pointed at the tests' server: only its URLs are used here
    base = tmp_path_factory.mktemp("bench-load")
    cluster = Cluster(base, postgres_server.bindir, postgres_server.port)
    fixture = seed(cluster, total_leads=3000)
    return cluster, fixture


@pytest.fixture(scope="module")
def servers(seeded: tuple[Cluster, Fixture]) -> Iterator[tuple[run.Server, run.Server]]:
    cluster, fixture = seeded
    api, baseline = run.api_server(cluster, fixture), run.baseline_server(cluster, fixture)
    try:
        for server in (api, baseline):
            server.start(cluster.base)
        headers = {"Authorization": f"Bearer {run.mint_token(fixture)}"}
        api.wait_ready("/api/leads?limit=1", headers)
        baseline.wait_ready("/api/leads?limit=1", headers)
        yield api, baseline
    finally:
        for server in (api, baseline):
            server.stop()


def _load(cluster: Cluster, fixture: Fixture, pipeline: str) -> run.Load:
    return run.Load(
        threads=1,
        connections=4,
        duration=1,
        warmup=0,
        token=run.mint_token(fixture),
        writer_token=run.mint_token(fixture, "writer"),
        admin_token=run.mint_token(fixture, "admin"),
        ids_file=cluster.base / "lead_ids.txt",
        pipeline=pipeline,
    )


def test_the_seed_gives_the_bench_user_a_visible_share(seeded: tuple[Cluster, Fixture]) -> None:
    cluster, fixture = seeded
    ids = (cluster.base / "lead_ids.txt").read_text().split()
    # the bench tenant holds its share of every lead; its user sees some of them, not all
    assert fixture.leads_in_tenant == round(fixture.leads_total * Shape().big_share)
    assert 0 < len(ids) == fixture.leads_visible_to_user < fixture.leads_in_tenant


def test_both_servers_answer_the_scenarios_alike(
    seeded: tuple[Cluster, Fixture], servers: tuple[run.Server, run.Server]
) -> None:
    cluster, fixture = seeded
    api, baseline = servers
    token = run.mint_token(fixture)
    pipeline, _ = run.pick_pipeline(api, baseline, token)
    load = _load(cluster, fixture, pipeline)
    ids = (cluster.base / "lead_ids.txt").read_text().split()
    compared = run.compare_answers(api, baseline, load, ids, pipeline)
    assert "DIFFERENT" not in compared
    assert compared.count("identical") == compared.count("`") // 2  # every request compared


def test_explain_shows_every_statement_of_the_benchmark(seeded: tuple[Cluster, Fixture]) -> None:
    cluster, fixture = seeded
    ids = (cluster.base / "lead_ids.txt").read_text().split()
    lines = run.explain_statements(cluster, fixture, ids[0])
    text = "\n".join(lines)
    for name in run.EXPLAINED:
        assert f"{name}:" in text
    assert text.count("Execution Time") == len(run.EXPLAINED)


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is installed by ./dev setup")
def test_every_scenario_runs_under_wrk_without_a_failure(
    seeded: tuple[Cluster, Fixture], servers: tuple[run.Server, run.Server]
) -> None:
    cluster, fixture = seeded
    api, baseline = servers
    load = _load(cluster, fixture, run.PIPELINE_FALLBACK)
    for scenario in run.SCENARIOS:
        for server in (api, baseline):
            result = run.run_wrk(load, server, scenario, 1, None)
            assert result["requests"] > 0, (scenario, server.name)
            assert result["failed"] == 0, (scenario, server.name, result, server.log_tail())
            assert result["server_cpu_ms"] > 0


def test_the_in_process_benchmark_runs_every_scenario(seeded: tuple[Cluster, Fixture]) -> None:
    """bench.inprocess on the same seed: a few requests per scenario to both apps, every answer
    the scenario's success (measure raises on any other status), and a report of them all."""
    cluster, fixture = seeded
    results = asyncio.run(inprocess.measure(cluster, fixture, requests=6, rounds=2, warmup=2))
    assert [r.scenario for r in results] == [s for s in inprocess.SCENARIOS for _ in range(2)]
    for r in results:
        assert len(r.api_ns) == len(r.baseline_ns) == 6
        assert min(r.api_ns + r.baseline_ns) > 0
    text = inprocess.report(results, 6, "test")
    assert "| create | 2 |" in text
    assert "- update: " in text


def test_the_in_process_benchmark_runs_requests_in_flight(seeded: tuple[Cluster, Fixture]) -> None:
    """--in-flight: batches of requests at once, each answered with the scenario's success."""
    cluster, fixture = seeded
    results = asyncio.run(
        inprocess.measure(
            cluster, fixture, scenarios=("detail",), requests=8, rounds=1, warmup=1, in_flight=4
        )
    )
    (detail,) = results
    assert len(detail.api_ns) == len(detail.baseline_ns) == 8
    assert min(detail.api_ns + detail.baseline_ns) > 0
    text = inprocess.report(results, 8, "test", in_flight=4)
    assert "4 requests in flight at once" in text
    assert "- detail: " in text


@pytest.mark.skipif(shutil.which("wrk") is None, reason="wrk is installed by ./dev setup")
def test_each_measured_run_gets_a_server_started_for_it(
    seeded: tuple[Cluster, Fixture],
    servers: tuple[run.Server, run.Server],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cluster, fixture = seeded
    monkeypatch.setitem(run.QUIET, "threshold", 100.0)  # a busy test machine: never wait
    monkeypatch.setitem(run.DISTURBED, "threshold", 100.0)  # nor rerun
    headers = {"Authorization": f"Bearer {run.mint_token(fixture)}"}
    pids: list[tuple[str, int, int]] = []

    def restart(server: run.Server) -> None:
        assert server.proc is not None
        before = server.proc.pid
        server.restart("/api/leads?limit=1", headers)
        assert server.proc is not None
        pids.append((server.name, before, server.proc.pid))

    load = dataclasses.replace(_load(cluster, fixture, run.PIPELINE_FALLBACK), warmup=1)
    results = run.benchmark(load, servers, 2, None, lambda: None, ("detail",), restart=restart)
    # round 1 API then baseline, round 2 the other way round; every run on a new process
    assert [name for name, _, _ in pids] == ["api", "baseline", "baseline", "api"]
    assert all(before != after for _, before, after in pids)
    for name in ("api", "baseline"):
        assert results["detail"][name]["failed"] == 0
        assert len(results["detail"][name]["rounds"]) == 2
        assert results["detail"][name]["reruns"] == 0


def test_a_disturbed_run_is_run_again_at_most_the_retries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """measured_run's rule alone: wrk's results stand in (other jobs' share is what decides)."""
    shares: list[float] = []

    def fake_wrk(
        load: run.Load, server: run.Server, scenario: str, seconds: int, pg: int | None
    ) -> dict[str, float]:
        return {"other_cpu_pct": shares.pop(0), "rps": 1.0, "p50_ms": 1.0, "p99_ms": 1.0}

    monkeypatch.setattr(run, "run_wrk", fake_wrk)
    monkeypatch.setattr(run, "wait_for_quiet", lambda: 0.0)
    monkeypatch.setitem(run.DISTURBED, "threshold", 5.0)
    monkeypatch.setitem(run.DISTURBED, "retries", 2)
    server = run.Server("api", [], {}, 0)
    load = run.Load(1, 1, 1, 0, "t", "w", Path("ids"), "", "a")

    # each attempt is a warm-up and a measured run: the measured one's share decides
    shares[:] = [0.0, 40.0, 0.0, 3.0]
    kept = run.measured_run(load, server, "detail", None)
    assert (kept["other_cpu_pct"], kept["reruns"], shares) == (3.0, 1, [])

    shares[:] = [0.0, 40.0, 0.0, 30.0, 0.0, 20.0, 0.0, 1.0]
    kept = run.measured_run(load, server, "detail", None)
    assert (kept["other_cpu_pct"], kept["reruns"]) == (20.0, 2)  # given up: the last one kept
    assert shares == [0.0, 1.0]


def test_other_jobs_are_the_processes_outside_the_benchmark() -> None:
    """others_ticks: our trees (here 10 with its child 11, PostgreSQL 20 with 21) left out; a
    foreign process counts its growth, one started in between all of it, a pid used again
    nothing (never below zero)."""
    before = {10: (1, 100), 11: (10, 50), 20: (1, 500), 21: (20, 70), 30: (1, 1000), 50: (1, 90)}
    after = {
        10: (1, 180),
        11: (10, 95),
        20: (1, 650),
        21: (20, 99),
        30: (1, 1012),  # someone else's job: 12
        40: (1, 7),  # started during the run: 7
        50: (1, 3),  # ended, its pid taken by a new process: 0, not -87
    }
    assert run.others_ticks(before, after, [10, 20]) == 12 + 7
