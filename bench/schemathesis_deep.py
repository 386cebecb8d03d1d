"""Schemathesis, deep profile (issue 10): the CLI against `crm serve` over loopback.

```
.venv/bin/python -m bench.schemathesis_deep                       # SQLite, 100 examples
.venv/bin/python -m bench.schemathesis_deep --postgresql          # a throwaway PostgreSQL
.venv/bin/python -m bench.schemathesis_deep --examples 500 --max-time 1800
```

The same set-up as the quick profile in the suite (tests/support/schemathesis_run.py): two
tenants whose admins are Web Fuzzing Commons peers, `--checks all`, the examples, coverage,
fuzzing and stateful phases, every implemented operation; only the number of examples (and
the optional time budget) differ. The figures (operations, failures) and the failures the CLI
printed go to bench/results/schemathesis_deep.md; the full CLI output to the work directory.
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from pathlib import Path

import psycopg

from tests.support import schemathesis_run as st

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "schemathesis_deep.md"


def postgres_url(cluster_dir: Path) -> tuple[str, object]:
    from bench.load.pg import Cluster, find_bindir

    cluster = Cluster(cluster_dir, find_bindir())
    if not cluster.initialised:
        cluster.init()
    cluster.start()
    with psycopg.connect(cluster.conninfo("postgres"), autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS crm_schemathesis WITH (FORCE)")
        conn.execute("CREATE DATABASE crm_schemathesis")
    return cluster.url("crm_schemathesis"), cluster


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100, help="max examples per operation")
    parser.add_argument("--max-time", type=int, default=None, help="seconds for the whole run")
    parser.add_argument("--seed", type=int, default=None, help="fixed seed (default: random)")
    parser.add_argument("--postgresql", action="store_true", help="a throwaway PostgreSQL")
    parser.add_argument("--cluster-dir", type=Path, default=ROOT / "build" / "schemathesis-pg")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.name}")
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="crm-schemathesis-"))
    workdir.mkdir(parents=True, exist_ok=True)
    cluster = None
    if args.postgresql:
        url, cluster = postgres_url(args.cluster_dir)
    else:
        url = st.sqlite_url(workdir)
    started = time.monotonic()
    try:
        st.prepare(url)
        outcome = st.run(
            workdir, url, st.Profile(args.examples, max_time=args.max_time, seed=args.seed)
        )
    finally:
        if cluster is not None:
            cluster.stop()  # type: ignore[attr-defined]
    seconds = time.monotonic() - started
    found = st.failures(outcome.output)
    answered = st.requests_per_operation(workdir)
    table = [
        "| operation | requests | 2xx | 4xx | 5xx |",
        "|---|---:|---:|---:|---:|",
        *(
            f"| {op.removeprefix('handlers.')} | {sum(c.values())} "
            f"| {sum(n for s, n in c.items() if 200 <= s < 300)} "
            f"| {sum(n for s, n in c.items() if 400 <= s < 500)} "
            f"| {sum(n for s, n in c.items() if s >= 500)} |"
            for op, c in answered.items()
        ),
    ]
    errors = sum(n for c in answered.values() for s, n in c.items() if s >= 500)
    summary = [line for line in outcome.output.splitlines() if "generated," in line]
    text = "\n".join(
        [
            "# Schemathesis, deep profile",
            "",
            f"- machine: {platform.machine()}, {platform.python_version()}",
            f"- database: {'PostgreSQL' if args.postgresql else 'SQLite'}",
            f"- max examples per operation: {args.examples}; time budget: {args.max_time}",
            f"- phases: {st.PHASES}; checks: all; peers: {', '.join(st.PEERS)}",
            f"- {outcome.summary()}; {' '.join(s.strip() for s in summary)}",
            f"- wall time: {seconds:.0f} s; 5xx answers in the server's log: {errors}",
            "",
            "## Failures",
            "",
            *([f"- {f}" for f in sorted(set(found))] or ["none"]),
            "",
            "## Requests per operation (the server's access log)",
            "",
            "Cases per operation as the server saw them (the CLI sends one request per test",
            "case, plus the stateful phase's chains; `auth.login` includes the identities'",
            "own logins). 501 (an operation with no handler yet) would count as 5xx.",
            "",
            *table,
        ]
    )
    print(text)
    print(f"CLI output: {workdir / 'schemathesis.txt'}")
    if not args.no_write:
        RESULTS.write_text(text + "\n")
    return 0 if outcome.returncode == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
