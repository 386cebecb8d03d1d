"""The Node test suite (tests/client/api.test.ts) drives the real API through the generated client.

`crm quickstart` serves a SQLite database with the demo tenant; the packed package is installed
into a fresh project with the test suite, which `tsc --strict` compiles with TypeScript 5 and
type-checks with the latest; `node --test` runs it against the server.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from crm.demo import LOGINS
from tests.support.server import Server, server_env
from tests.support.zod import (
    NODE,
    NODE_MODULES,
    TSC,
    TSC_LATEST,
    install_into_fresh_project,
    pack_package,
    run_tsc,
)

SUITE = Path(__file__).with_name("api.test.ts")
TSCONFIG = {
    "compilerOptions": {
        "target": "ES2022",
        "lib": ["ES2022"],
        "module": "NodeNext",
        "moduleResolution": "NodeNext",
        "strict": True,
        "exactOptionalPropertyTypes": True,
        "noUncheckedIndexedAccess": True,
        "types": ["node"],
        "outDir": "dist",
    },
    "files": ["api.test.ts"],
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("client-suite")
    project = install_into_fresh_project(pack_package(work), work / "project")
    # The suite's own dev dependency: Node's types (node:test, process), from the repository.
    (project / "node_modules" / "@types").mkdir(exist_ok=True)
    (project / "node_modules" / "@types" / "node").symlink_to(NODE_MODULES / "@types" / "node")
    shutil.copy(SUITE, project / SUITE.name)
    (project / "tsconfig.json").write_text(json.dumps(TSCONFIG), encoding="utf-8")
    return project


@pytest.mark.parametrize("tsc", [TSC, TSC_LATEST], ids=["typescript-5", "typescript-latest"])
def test_tsc_strict_accepts_the_client_suite(project: Path, tsc: Path) -> None:
    result = run_tsc(["-p", "tsconfig.json", "--noEmit"], cwd=project, tsc=tsc)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_client_drives_the_running_api(project: Path, tmp_path: Path) -> None:
    built = run_tsc(["-p", "tsconfig.json"], cwd=project)
    assert built.returncode == 0, built.stdout + built.stderr
    server = Server(tmp_path, server_env(tmp_path / "crm.sqlite3"), "quickstart")
    try:
        server.wait_healthy()
        login = LOGINS[1]  # a user, not the admin: the ordinary frontend case
        env = {
            **os.environ,
            "CRM_API_URL": server.base,
            "CRM_EMAIL": login.email,
            "CRM_PASSWORD": login.password,
        }
        result = subprocess.run(
            [NODE, "--test", "--test-reporter=tap", "dist/api.test.js"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
    finally:
        server.stop()
    output = result.stdout + result.stderr
    declared = len(re.findall(r"^test\(", SUITE.read_text(encoding="utf-8"), re.MULTILINE))
    assert result.returncode == 0, output
    assert re.search(rf"^# pass {declared}$", result.stdout, re.MULTILINE), output
    assert re.search(r"^# fail 0$", result.stdout, re.MULTILINE), output
