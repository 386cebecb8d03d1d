"""The repository stands on its own: nothing in it reads or points at files beside it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# A path that climbs out of the repository to a sibling: ../shared/..., parents[3] / "shared".
OUTSIDE = re.compile(r"\.\./shared(?!_)|parents\[[3-9]\]|/work/shared")
TEXT = {".py", ".md", ".json", ".yaml", ".yml", ".toml", ".ini", ".j2", ".ts", ".mjs", ".sh"}


def repository_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    files = [ROOT / name for name in listed]
    return [p for p in files if p.is_file() and (p.suffix in TEXT or p.name in {"dev", "run"})]


def test_no_file_reaches_outside_the_repository() -> None:
    files = repository_files()
    assert len(files) > 100
    this = Path(__file__).resolve()
    offenders = [
        f"{p.relative_to(ROOT)}:{n}: {line.strip()}"
        for p in files
        if p.resolve() != this
        for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert offenders == []


def test_the_vendored_suite_carries_its_licence_and_origin() -> None:
    suite = ROOT / "tests" / "data" / "jsonschema-test-suite"
    assert "Permission is hereby granted" in (suite / "LICENSE").read_text()
    assert "json-schema-org/JSON-Schema-Test-Suite" in (suite / "README.md").read_text()
    assert len(list((suite / "draft2020-12").glob("*.json"))) >= 20
