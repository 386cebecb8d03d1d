"""Server CPU per request, the API against the raw baseline, in one process and interleaved.

    .venv/bin/python -m bench.inprocess [--cluster-dir DIR] [--requests 3000] [--rounds 3]
                                        [--in-flight 1]

The load benchmark (`bench.load.run`) measures each server under wrk, on a machine that
PostgreSQL and wrk share; the CPU per request it reports moves by 10-15 % between rounds,
and a slow spell of the machine lands on whichever server is being measured. This one answers
the narrower question "how much CPU does the API spend per request, against the baseline", as
steadily as this machine allows:

- both apps (the API as `crm serve` builds it, production settings, every check: JWT, session
  guard, request validation, rate limit, row-level security; the baseline of
  bench/baselines/starlette_app.py) live in this one process, on the load benchmark's seeded
  cluster (`python -m bench.load.run --reuse` keeps it; so does this);
- they are driven through ASGI one request at a time, alternating request by request (API then
  baseline, then baseline then API), so both see the same machine; with `--in-flight 32`, 32
  requests at a time (each its own task, as uvicorn serves them), alternating batch by batch:
  a request then waits on the database while 31 others run, as under wrk's 32 connections,
  and the API ÷ baseline ratio comes out near the load benchmark's (one at a time, the code
  a request runs after its database wait is still in the CPU's caches, and work kept for
  later is not in the medians: read the ratio of means);
- a request's cost is the thread's CPU time around it: psycopg's work counts, PostgreSQL's (in
  its own processes) does not, nor does HTTP parsing (uvicorn's, the same for both, is in the
  load benchmark's figures).

Reported per scenario and round: the median and the 10th percentile of each app's per-request
CPU, and their ratios; the spread of the rounds shows the noise (a few % here, against 10-15 %
under wrk). It is the instrument for before/after comparisons of the API's own cost (run it on
both commits). It is not the acceptance figure (compare bench/results/inprocess.md with
bench/results/load.md of the same commit).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import logging
import os
import random
import statistics
import sys
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.load import run as load
from bench.load.pg import DEFAULT_DIR, Cluster
from bench.load.seed import Fixture, prepare, reset_writes

RESULTS = Path(__file__).parent / "results" / "inprocess.md"
SCENARIOS = ("detail", "list", "list_all", "create", "update")
EXPECTED = {"create": 201}  # every other scenario: 200

ASGIApp = Callable[[dict[str, Any], Any, Any], Awaitable[None]]


@dataclass
class Requests:
    """The requests of the load benchmark's scenarios (bench/load/common.lua), as ASGI scopes."""

    user: str
    writer: str
    admin: str
    ids: list[str]
    counter: int = 0

    def make(self, scenario: str) -> tuple[dict[str, Any], bytes]:
        self.counter += 1
        n = self.counter
        if scenario == "detail":
            return _scope("GET", f"/api/leads/{random.choice(self.ids)}", self.user), b""
        if scenario == "list":
            query = f"limit=25&offset={25 * random.randint(0, 3)}"
            return _scope("GET", "/api/leads", self.user, query), b""
        if scenario == "list_all":
            query = f"limit=25&offset={25 * random.randint(0, 3)}"
            return _scope("GET", "/api/leads/all", self.admin, query), b""
        if scenario == "create":
            body = json.dumps(
                {
                    "name": f"Bench lead {n}",
                    "email": f"bench{n}@example.com",
                    "status": "new",
                    "phone_label": "work",
                }
            ).encode()
            return _scope("POST", "/api/leads", self.writer, body=body), body
        if scenario == "update":
            body = json.dumps({"city": f"Bench city {n}"}).encode()
            path = f"/api/leads/{random.choice(self.ids)}"
            return _scope("PATCH", path, self.user, body=body), body
        raise ValueError(f"unknown scenario {scenario!r}")


def _scope(
    method: str, path: str, token: str, query: str = "", body: bytes | None = None
) -> dict[str, Any]:
    headers = [(b"host", b"bench"), (b"authorization", f"Bearer {token}".encode())]
    if body is not None:
        headers += [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ]
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.3"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": query.encode(),
        "headers": headers,
        "server": ("127.0.0.1", 8000),
        "client": ("127.0.0.1", 50000),
        "state": {},
    }


async def call(app: ASGIApp, scope: dict[str, Any], body: bytes) -> int:
    """One request through `app`; its status."""
    sent = False
    status = 0

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.Event().wait()  # the client stays connected; nothing reads this far
        raise AssertionError("unreachable")

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(scope, receive, send)
    return status


@dataclass
class Lifespan:
    """An app's lifespan, started and stopped as uvicorn does it."""

    app: ASGIApp
    received: asyncio.Queue[dict[str, Any]] = field(default_factory=asyncio.Queue)
    sent: asyncio.Queue[dict[str, Any]] = field(default_factory=asyncio.Queue)
    task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        scope = {"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}
        self.task = asyncio.ensure_future(self.app(scope, self.received.get, self.sent.put))
        await self.received.put({"type": "lifespan.startup"})
        message = await self.sent.get()
        if message["type"] != "lifespan.startup.complete":
            raise RuntimeError(f"startup failed: {message}")

    async def stop(self) -> None:
        await self.received.put({"type": "lifespan.shutdown"})
        await self.sent.get()
        if self.task is not None:
            await self.task


@contextmanager
def environment(values: dict[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(values)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def apps(cluster: Cluster, fixture: Fixture) -> tuple[ASGIApp, ASGIApp]:
    """The API (as `crm serve` builds it, with the load benchmark's settings) and the baseline."""
    from crm.app import create_app
    from crm.settings import Settings

    api_env = load.api_server(cluster, fixture).env
    api = create_app(Settings.from_env(api_env))
    # the baseline reads its settings from the environment when it is imported
    with environment(load.baseline_server(cluster, fixture).env):
        module = sys.modules.get("bench.baselines.starlette_app")
        if module is None:
            module = importlib.import_module("bench.baselines.starlette_app")
        else:
            module = importlib.reload(module)
    return api, module.app


@dataclass
class Round:
    scenario: str
    api_ns: list[int]
    baseline_ns: list[int]

    @staticmethod
    def _at(samples: list[int], share: float) -> float:
        ordered = sorted(samples)
        return ordered[min(len(ordered) - 1, int(len(ordered) * share))] / 1000

    def median_us(self, which: str) -> float:
        return statistics.median(self.api_ns if which == "api" else self.baseline_ns) / 1000

    def p10_us(self, which: str) -> float:
        return self._at(self.api_ns if which == "api" else self.baseline_ns, 0.10)

    def mean_us(self, which: str) -> float:
        return statistics.mean(self.api_ns if which == "api" else self.baseline_ns) / 1000


async def measure(
    cluster: Cluster,
    fixture: Fixture,
    *,
    scenarios: Sequence[str] = SCENARIOS,
    requests: int = 3000,
    rounds: int = 3,
    warmup: int = 300,
    in_flight: int = 1,
    built: Callable[[], None] | None = None,
) -> list[Round]:
    """`rounds` rounds of `requests` requests to each app per scenario, interleaved, in batches
    of `in_flight` at once (each its own task, as uvicorn serves them; a batch's CPU is shared
    evenly among its requests); `built` is called once both apps are built."""
    api, baseline = apps(cluster, fixture)
    if built is not None:
        built()
    lifespans = [Lifespan(api), Lifespan(baseline)]
    for lifespan in lifespans:
        await lifespan.start()
    make = Requests(
        user=load.mint_token(fixture),
        writer=load.mint_token(fixture, "writer"),
        admin=load.mint_token(fixture, "admin"),
        ids=(cluster.base / "lead_ids.txt").read_text().split(),
    )
    results: list[Round] = []
    try:
        for scenario in scenarios:
            expected = EXPECTED.get(scenario, 200)
            for _ in range(warmup):
                for app in (api, baseline):
                    await _checked(app, make.make(scenario), expected, scenario)
            for _ in range(rounds):
                timed: dict[int, list[int]] = {id(api): [], id(baseline): []}
                for i in range(max(1, requests // in_flight)):
                    order = (api, baseline) if i % 2 == 0 else (baseline, api)
                    for app in order:
                        batch = [make.make(scenario) for _ in range(in_flight)]
                        started = time.thread_time_ns()
                        if in_flight == 1:
                            await _checked(app, batch[0], expected, scenario)
                        else:
                            await asyncio.gather(
                                *(_checked(app, r, expected, scenario) for r in batch)
                            )
                        spent = time.thread_time_ns() - started
                        timed[id(app)].extend([spent // in_flight] * in_flight)
                results.append(Round(scenario, timed[id(api)], timed[id(baseline)]))
    finally:
        for lifespan in lifespans:
            await lifespan.stop()
    return results


async def _checked(
    app: ASGIApp, request: tuple[dict[str, Any], bytes], expected: int, scenario: str
) -> None:
    status = await call(app, *request)
    if status != expected:
        raise RuntimeError(f"{scenario}: {request[0]['method']} {request[0]['path']} -> {status}")


def report(results: list[Round], requests: int, code: str, in_flight: int = 1) -> str:
    at_once = (
        "one request at a time, alternating"
        if in_flight == 1
        else f"{in_flight} requests in flight at once (gathered as tasks), alternating batches"
    )
    lines = [
        "# In-process CPU per request: the API against the raw baseline",
        "",
        "Written by `python -m bench.inprocess` (the method is in its docstring). Both apps in one",
        f"process on the load benchmark's seeded cluster, {at_once};",
        f"{requests} requests per app per round. µs of the thread's CPU per request (psycopg's",
        "work counted, PostgreSQL's and HTTP parsing not). Ratio: API / baseline. The means",
        "count everything, the work kept for later (access lines, metrics) included.",
        "",
        f"Code: {code}",
        "",
        "| scenario | round | API median | baseline median | ratio of medians |"
        " API p10 | baseline p10 | ratio of p10 | ratio of means |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    rounds_of: dict[str, int] = {}
    for r in results:
        rounds_of[r.scenario] = rounds_of.get(r.scenario, 0) + 1
        api, base = r.median_us("api"), r.median_us("baseline")
        api10, base10 = r.p10_us("api"), r.p10_us("baseline")
        means = r.mean_us("api") / r.mean_us("baseline")
        lines.append(
            f"| {r.scenario} | {rounds_of[r.scenario]} | {api:.0f} | {base:.0f} | "
            f"{api / base:.2f} | {api10:.0f} | {base10:.0f} | {api10 / base10:.2f} | {means:.2f} |"
        )
    lines += ["", "Median over the rounds of the ratio of medians (of means):", ""]
    for scenario in rounds_of:
        of = [r for r in results if r.scenario == scenario]
        medians = statistics.median(r.median_us("api") / r.median_us("baseline") for r in of)
        means = statistics.median(r.mean_us("api") / r.mean_us("baseline") for r in of)
        lines.append(f"- {scenario}: {medians:.2f} ({means:.2f})")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cluster-dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--requests", type=int, default=3000, help="per app, scenario and round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument(
        "--in-flight",
        type=int,
        default=1,
        help="requests at once (32: as the load benchmark's wrk connections)",
    )
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    scenarios = [s for s in args.scenarios.split(",") if s]

    from crm.cli import settle_heap
    from crm.observability import logs
    from crm.settings import Settings

    cluster, fixture = prepare(args.cluster_dir, reuse=True)
    log_file = (args.cluster_dir / "inprocess-api.log").open("a")
    try:
        logs.configure(Settings.from_env(load.api_server(cluster, fixture).env))

        def built() -> None:
            # the access lines go to a file beside the cluster, as the served API's do; the
            # handler is the one the app's wiring installed
            for handler in logging.getLogger().handlers:
                if isinstance(handler, logs.CrmLogHandler):
                    handler.stream = log_file
            settle_heap()  # as `crm serve` does once the app is built

        async def run() -> list[Round]:
            return await measure(
                cluster,
                fixture,
                scenarios=scenarios,
                requests=args.requests,
                rounds=args.rounds,
                in_flight=args.in_flight,
                built=built,
            )

        import uvloop

        results = uvloop.run(run())
        text = report(results, args.requests, load.code_state(), args.in_flight)
        args.output.write_text(text)
        print(text)
    finally:
        log_file.close()
        reset_writes(cluster, fixture)
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
