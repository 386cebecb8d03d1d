"""The emitters against the official JSON-Schema-Test-Suite, for every keyword the contracts use.

Every suite case whose schema the lint accepts must get the suite's verdict from the emitted
Pydantic model and the emitted Zod schema: 100 %, or the keyword is refused at codegen time.
The per-keyword table (cases run, refused groups, agreement) is printed with `-s` and
written to build/conformance.md.
"""

from __future__ import annotations

import importlib
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from codegen import applicators, literals
from codegen.emit.python import write_package
from codegen.emit.zod import render_zod
from codegen.formats import FORMATS
from generated.python.schemas import BUNDLE
from tests.support.cases import verdict
from tests.support.suite import (
    DIALECT_DEVIATIONS,
    SUITE,
    Group,
    expected,
    formats_used,
    keywords_used,
    load_groups,
    suite_files_for,
)
from tests.support.zod import ZodRunner, build_zod

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = keywords_used(BUNDLE["$defs"])
# The keywords and formats contracts use, plus those the lint accepts that no contract uses yet.
FILES = suite_files_for(
    KEYWORDS | set(literals.KEYWORDS) | set(applicators.KEYWORDS),
    formats_used(BUNDLE["$defs"]) | set(FORMATS),
)
# Keywords the contracts use that have no suite file of their own (annotations, our bundle).
NO_SUITE_FILE = {
    "title",
    "description",
    "readOnly",
    "writeOnly",
    "examples",
    "$comment",
    "deprecated",
}

Row = tuple[Group, dict[str, Any], bool, bool, bool | str]  # group, test, expected, zod, pydantic


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> list[Row]:
    groups = load_groups(FILES)
    accepted = [g for g in groups if g.refused is None]
    defs: dict[str, Any] = {}
    for g in accepted:
        defs.update(g.compiled)
    base = tmp_path_factory.mktemp("suite")
    package = "suite_models"
    write_package(base / package, defs, package)
    sys.path.insert(0, str(base))
    try:
        module = importlib.import_module(f"{package}.models")
    finally:
        sys.path.remove(str(base))
    dist = build_zod(render_zod(defs), base / "zod")
    cases = [(g, t) for g in accepted for t in g.tests]
    with ZodRunner(dist) as zod:
        zod_verdicts = zod.verdicts([(g.name, t["data"]) for g, t in cases])
    rows: list[Row] = [
        (g, t, expected(g, t), z, verdict(getattr(module, g.name), t["data"]))
        for (g, t), z in zip(cases, zod_verdicts, strict=True)
    ]
    _write_table(groups, rows)
    return rows


def _tally(groups: list[Group], rows: list[Row]) -> dict[str, dict[str, int]]:
    per: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for g in groups:
        per[g.file]["groups"] += 1
        per[g.file]["refused groups"] += g.refused is not None
        per[g.file]["cases"] += len(g.tests)
        if g.refused is not None:
            per[g.file]["refused cases"] += len(g.tests)
    for g, _t, exp, z, py in rows:
        per[g.file]["cases run"] += 1
        per[g.file]["pydantic agrees"] += py == exp
        per[g.file]["zod agrees"] += z == exp
        per[g.file]["right"] += py == exp and z == exp
    return per


def _write_table(groups: list[Group], rows: list[Row]) -> None:
    per = _tally(groups, rows)
    total: dict[str, int] = defaultdict(int)
    for p in per.values():
        for k, v in p.items():
            total[k] += v
    lines = [
        "| suite file | groups | refused groups | cases run | right | refused cases "
        "| Pydantic | Zod | emitted |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for file, p in [*sorted(per.items()), ("**total**", total)]:
        run = p["cases run"]
        lines.append(
            f"| {file} | {p['groups']} | {p['refused groups']} | {run} | {p['right']} "
            f"| {p['refused cases']} | {_pct(p['pydantic agrees'], run)} "
            f"| {_pct(p['zod agrees'], run)} | {_pct(run, p['cases'])} |"
        )
    refused = [f"- {g.file} — {g.description}: {g.refused}" for g in groups if g.refused]
    text = "\n".join([*lines, "", "Refused groups (the lint's reason):", *refused]) + "\n"
    out = ROOT / "build" / "conformance.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(text)
    print("\n" + text)


def _pct(n: int, of: int) -> str:
    return f"{100 * n / of:.1f}%" if of else "—"


def test_every_used_keyword_has_its_suite_file() -> None:
    """The suite files are picked from the keywords the contracts use, not from a list here."""
    assert SUITE.is_dir(), f"the official suite is missing at {SUITE}"
    covered = {p.stem for p in FILES}
    uncovered = {k for k in KEYWORDS if k.lstrip("$") not in covered} - NO_SUITE_FILE
    assert not uncovered, f"keywords used by contracts with no suite file: {sorted(uncovered)}"
    missing = {f for f in FORMATS if f not in covered}
    assert not missing, f"formats with a project rule and no optional/format file: {missing}"
    assert {
        "type",
        "properties",
        "required",
        "enum",
        "maxLength",
        "pattern",
        "multipleOf",
    } <= covered


def test_suite_cases_are_run(results: list[Row]) -> None:
    by_file = {g.file for g, *_ in results}
    assert len(results) >= 200, f"only {len(results)} suite cases were run"
    assert by_file == {p.relative_to(SUITE).as_posix() for p in FILES} - _fully_refused(), by_file


def _fully_refused() -> set[str]:
    groups = load_groups(FILES)
    files = {g.file for g in groups}
    return {f for f in files if all(g.refused for g in groups if g.file == f)}


def test_pydantic_agrees_with_the_suite(results: list[Row]) -> None:
    wrong = [
        f"{g.file} / {g.description} / {t['description']}: "
        f"data={t['data']!r} expected={e} pydantic={py}"
        for g, t, e, _z, py in results
        if py != e
    ]
    assert not wrong, "\n".join(wrong[:30])


def test_zod_agrees_with_the_suite(results: list[Row]) -> None:
    wrong = [
        f"{g.file} / {g.description} / {t['description']}: data={t['data']!r} expected={e} zod={z}"
        for g, t, e, z, _py in results
        if z != e
    ]
    assert not wrong, "\n".join(wrong[:30])


def test_most_suite_cases_are_emitted(results: list[Row]) -> None:
    """At least 90 % of all cases of the files run are emitted rather than refused (issue 13);
    every emitted one is right (the two tests above)."""
    groups = load_groups(FILES)
    cases = sum(len(g.tests) for g in groups)
    assert cases == len(results) + sum(len(g.tests) for g in groups if g.refused)
    assert len(results) >= 0.9 * cases, f"only {len(results)} of {cases} cases emitted"


def test_dialect_deviations_are_exactly_the_reviewed_ones(results: list[Row]) -> None:
    """Our format rules differ from the suite only where codegen/formats.py says so."""
    seen = {
        (g.file, t["data"])
        for g, t, _e, _z, _py in results
        if isinstance(t["data"], str) and (g.file, t["data"]) in DIALECT_DEVIATIONS
    }
    assert seen == set(DIALECT_DEVIATIONS)
