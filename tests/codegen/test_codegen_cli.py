"""`python -m codegen generate|check`: fresh on main, stale after a contract change, fast."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from codegen.run import check, generate

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "codegen", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def copy_of_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """contracts/ and the generated outputs, copied, so tests may change them."""
    dst = tmp_path_factory.mktemp("repo")
    shutil.copytree(ROOT / "contracts", dst / "contracts")
    shutil.copytree(
        ROOT / "generated",
        dst / "generated",
        ignore=shutil.ignore_patterns("node_modules", "__pycache__"),
    )
    shutil.copy(ROOT / "openapi.yaml", dst / "openapi.yaml")
    return dst


def test_check_is_clean_on_main() -> None:
    # no time budget here: speed is a benchmark's business, and a loaded 2-core CI machine
    # made this one flaky
    result = run_cli("check", cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_generate_is_byte_identical() -> None:
    first = generate(ROOT)
    second = generate(ROOT)
    assert first == second
    assert not check(ROOT, first), "the committed generated files differ from a fresh run"


@pytest.mark.parametrize(
    ("contract", "change", "must_be_stale"),
    [
        (
            "shared_types.json",
            lambda d: d["$defs"]["LeadStatus"]["enum"].append("archived"),
            [
                "generated/python/models.py",
                "generated/tables.py",
                "generated/zod/schemas.ts",
                "openapi.yaml",
            ],
        ),
        (
            "lead.json",
            lambda d: d["properties"]["name"].update(maxLength=120),
            [
                "generated/python/models.py",
                "generated/tables.py",
                "generated/zod/schemas.ts",
                "openapi.yaml",
            ],
        ),
        (
            "lead.json",
            lambda d: d["x-resource"]["sortable"].remove("source"),
            ["generated/python/resources.py", "openapi.yaml"],
        ),
    ],
)
def test_a_contract_change_makes_check_fail_and_name_the_stale_files(
    copy_of_repo: Path, contract: str, change: object, must_be_stale: list[str]
) -> None:
    path = copy_of_repo / "contracts" / contract
    original = path.read_text()
    assert run_cli("check", cwd=copy_of_repo).returncode == 0
    doc = json.loads(original)
    change(doc)  # type: ignore[operator]
    path.write_text(json.dumps(doc, indent=2))
    try:
        result = run_cli("check", cwd=copy_of_repo)
        assert result.returncode == 1
        for rel in must_be_stale:
            assert f"stale: {rel}" in result.stderr, result.stderr
    finally:
        path.write_text(original)


def test_orphaned_generated_file_is_reported(copy_of_repo: Path) -> None:
    orphan = copy_of_repo / "generated" / "python" / "leftover.py"
    orphan.write_text("x = 1\n")
    try:
        result = run_cli("check", cwd=copy_of_repo)
        assert result.returncode == 1
        assert "orphaned: generated/python/leftover.py" in result.stderr
    finally:
        orphan.unlink()


def test_contract_error_names_file_and_pointer(copy_of_repo: Path) -> None:
    path = copy_of_repo / "contracts" / "lead.json"
    original = path.read_text()
    doc = json.loads(original)
    doc["properties"]["name"] = {"minLength": 1}  # an assertion without a type
    path.write_text(json.dumps(doc))
    try:
        result = run_cli("generate", cwd=copy_of_repo)
        assert result.returncode == 2
        assert "lead.json#/properties/name" in result.stderr
        assert "without a 'type'" in result.stderr
    finally:
        path.write_text(original)
