"""`crm serve --workers N` gives the workers a fresh PROMETHEUS_MULTIPROC_DIR, and tidies up."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crm.observability.metrics import MULTIPROC_ENV, multiprocess_directory


def test_several_workers_get_a_temporary_directory_removed_afterwards(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(MULTIPROC_ENV, raising=False)
    with multiprocess_directory(2, enabled=True) as path:
        assert path is not None
        assert path.is_dir()
        assert os.environ[MULTIPROC_ENV] == str(path)
    assert not path.exists()
    assert MULTIPROC_ENV not in os.environ


@pytest.mark.parametrize(("workers", "enabled"), [(1, True), (4, False)])
def test_one_worker_or_metrics_off_needs_none(
    monkeypatch: pytest.MonkeyPatch, workers: int, enabled: bool
) -> None:
    monkeypatch.delenv(MULTIPROC_ENV, raising=False)
    with multiprocess_directory(workers, enabled=enabled) as path:
        assert path is None
        assert MULTIPROC_ENV not in os.environ


def test_an_operators_directory_is_kept_but_emptied_of_a_previous_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    stale = tmp_path / "counter_12345.db"
    stale.write_bytes(b"old")
    monkeypatch.setenv(MULTIPROC_ENV, str(tmp_path))
    with multiprocess_directory(2, enabled=True) as path:
        assert path == tmp_path
        assert not stale.exists()
    assert tmp_path.is_dir()
