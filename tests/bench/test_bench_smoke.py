"""bench.bulk_search with tiny sizes on the tests' throwaway PostgreSQL, so it cannot rot."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bench.bulk_search import Sizes, report, run

pytestmark = pytest.mark.postgres


def test_bulk_search_benchmark_runs_with_tiny_sizes(pg_create_database: Callable[..., str]) -> None:
    url = pg_create_database()
    sizes = Sizes(leads=60, clients=10, projects=10, contacts=10, bulk=(5, 10), runs=2)
    timings, seconds = run(url, sizes)
    names = [t.name for t in timings]
    assert names[:4] == [f"bulk {k}, 5 leads" for k in ("delete", "restore", "status", "assign")]
    assert len(names) == 8 + 6
    assert all(len(t.ms) == 2 and min(t.ms) > 0 for t in timings)
    text = report(timings, sizes, seconds, "test")
    assert "| bulk delete, 100 leads" not in text
    assert "| search common word (alpha) as user |" in text
