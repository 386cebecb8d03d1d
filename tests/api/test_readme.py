"""README.md tells a newcomer the truth: its tables and its curl walk-through match the API."""

from __future__ import annotations

import re
import shlex
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.api.conftest import Api

pytestmark = pytest.mark.anyio

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
METHODS = ("get", "put", "post", "delete", "patch")
NOT_YET = "answers 501 for now"


def section(title: str) -> str:
    return README.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def table(text: str) -> list[list[str]]:
    rows = [line for line in text.splitlines() if line.startswith("|")]
    return [[c.strip() for c in r.strip("|").split("|")] for r in rows[2:]]


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, op)
        for path, item in SPEC["paths"].items()
        for method, op in item.items()
        if method in METHODS
    ]


WORKS = {row[0]: (int(row[2]), row[3]) for row in table(section("What works today"))}


def test_the_table_names_every_area_with_its_operation_count() -> None:
    counts = Counter(op["tags"][0] for _, _, op in operations())
    assert {area: n for area, (n, _) in WORKS.items()} == dict(counts)
    assert {state for _, state in WORKS.values()} <= {"works", NOT_YET}


async def test_the_state_column_is_what_the_api_answers(api: Api) -> None:
    """ "works": no parameterless GET of the area answers 501; otherwise every one does."""
    headers = await api.login("admin")
    for area, (_, state) in WORKS.items():
        answers = []
        for method, path, op in operations():
            if op["tags"][0] != area or method != "GET" or "{" in path:
                continue
            required = {p["name"]: "a" for p in op.get("parameters", []) if p.get("required")}
            response = await api.client.get(f"/api{path}", params=required, headers=headers)
            answers.append(response.status_code)
        assert answers, area
        if state == "works":
            assert 501 not in answers, (area, answers)
        else:
            assert set(answers) == {501}, (area, answers)


def test_the_settings_table_is_what_the_code_reads() -> None:
    code = (ROOT / "crm" / "settings.py").read_text(encoding="utf-8")
    read = set(re.findall(r'get\(\s*"([A-Z_]+)"\s*\)|get,\s*"([A-Z_]+)"', code))
    names = {a or b for a, b in read}
    names |= set(
        re.findall(r'os\.environ\.get\("([A-Z_]+)"\)', (ROOT / "crm" / "cli.py").read_text())
    )
    documented = {
        name for row in table(section("Settings")) for name in re.findall(r"`([A-Z_]+)`", row[0])
    }
    assert len(names) >= 14
    assert documented == names


def test_every_curl_in_the_walk_through_is_a_route_of_the_spec() -> None:
    script = section("A walk through with curl").split("```bash\n", 1)[1].split("```", 1)[0]
    commands = re.sub(r"\\\n\s*", " ", script).splitlines()
    routes = {(m, re.sub(r"\{[^}]+\}", "{}", p)) for m, p, _ in operations()}
    seen = []
    for line in commands:
        if "curl " not in line:
            continue
        argv = shlex.split(line.split("curl ", 1)[1].split(")")[0], comments=True)
        method = argv[argv.index("-X") + 1] if "-X" in argv else "GET"
        url = next(a for a in argv if a.startswith("$API"))
        path = re.sub(r"\$ID", "{}", url.removeprefix("$API").split("?")[0])
        assert (method, path) in routes, line
        seen.append((method, path))
    kinds = {m for m, _ in seen}
    assert {"GET", "POST", "PATCH", "DELETE"} <= kinds
    assert any(p.endswith("/restore") for _, p in seen)
    assert "Accept: text/csv" in script
