"""`crm serve`'s app factory freezes the startup heap and raises the collector's thresholds
(crm.cli.settle_heap); a test process, which builds many apps, keeps Python's defaults."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

from crm.cli import GC_THRESHOLDS

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import gc, json, os
from crm.cli import app_factory
before = {"frozen": gc.get_freeze_count(), "thresholds": gc.get_threshold()}
app_factory()
print(json.dumps({"before": before,
                  "after": {"frozen": gc.get_freeze_count(), "thresholds": gc.get_threshold()}}))
"""


def test_the_served_app_settles_its_heap(tmp_path: Path) -> None:
    env = {
        "PATH": "/usr/bin:/bin",
        "CRM_ENV": "development",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'crm.sqlite3'}",
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["before"]["frozen"] == 0
    assert seen["after"]["frozen"] > 100_000  # modules, the spec, schemas, validators
    assert tuple(seen["after"]["thresholds"]) == GC_THRESHOLDS
    assert tuple(seen["before"]["thresholds"]) != GC_THRESHOLDS


def test_building_an_app_in_a_test_process_changes_nothing() -> None:
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold()[0] != GC_THRESHOLDS[0]
