"""jsonschema, Pydantic and Zod give the same verdict on the same instances, for every contract.

For every named schema in the bundle (entity variants, list pages, envelopes, report responses
and rows, shared types) the cases are instances drawn from the schema plus schema-driven
mutations (tests/support/cases.py). The three verdicts come from the project's 2020-12
validator (format assertion on, the project's rules), the generated Pydantic model and the
generated Zod schema run in Node (every case of the session in one Node process).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generated.python import models
from generated.python.schemas import BUNDLE, NAMES, validator_for
from tests.support.cases import cases_for, resolve, verdict
from tests.support.zod import ZodRunner, build_zod

ROOT = Path(__file__).resolve().parents[2]
DEFS: dict[str, Any] = BUNDLE["$defs"]
VALID_PER_SCHEMA = 60  # + the mutations: at least MIN_CASES per schema
MIN_CASES = 300


def pydantic_verdict(name: str, instance: Any) -> bool | str:
    return verdict(getattr(models, name), instance)


def names_under_test() -> list[str]:
    return [n for n in NAMES if hasattr(models, n)]


@pytest.fixture(scope="session")
def zod_dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sources = {p.name: p.read_text() for p in (ROOT / "generated" / "zod").glob("*.ts")}
    return build_zod(sources, tmp_path_factory.mktemp("zod"))


@pytest.fixture(scope="session")
def verdicts(zod_dist: Path) -> dict[str, list[tuple[Any, bool, bool | str, bool]]]:
    """name -> [(instance, jsonschema, pydantic, zod)], computed once for the session."""
    cases = {
        name: cases_for(name, DEFS, VALID_PER_SCHEMA, MIN_CASES) for name in names_under_test()
    }
    flat = [(name, inst) for name, insts in cases.items() for inst in insts]
    with ZodRunner(zod_dist) as zod:
        zod_verdicts = zod.verdicts(flat)
    out: dict[str, list[tuple[Any, bool, bool | str, bool]]] = {n: [] for n in cases}
    for (name, inst), z in zip(flat, zod_verdicts, strict=True):
        js = validator_for(name).is_valid(inst)
        out[name].append((inst, js, pydantic_verdict(name, inst), z))
    return out


def test_every_object_schema_is_under_test() -> None:
    """A contract whose model went missing must not drop out of the agreement silently."""
    objects = [n for n in NAMES if resolve(DEFS[n], DEFS)[0].get("type") == "object"]
    missing = sorted(set(objects) - set(names_under_test()))
    assert not missing, f"object schemas without a generated model: {missing}"
    assert len(objects) >= 40


@pytest.mark.parametrize("name", names_under_test())
def test_three_validators_agree(
    name: str, verdicts: dict[str, list[tuple[Any, bool, bool | str, bool]]]
) -> None:
    rows = verdicts[name]
    assert len(rows) >= MIN_CASES, f"{name}: only {len(rows)} cases"
    disagreements = [r for r in rows if not (r[1] == r[2] == r[3])]
    report = "\n".join(
        f"  {json.dumps(inst, ensure_ascii=False)[:300]}  jsonschema={js} pydantic={py} zod={z}"
        for inst, js, py, z in disagreements[:20]
    )
    assert not disagreements, f"{name}: {len(disagreements)} of {len(rows)} disagree:\n{report}"
    accepted = sum(1 for r in rows if r[1])
    # Non-vacuous: the cases exercise both verdicts.
    assert 0 < accepted < len(rows), f"{name}: accepted {accepted} of {len(rows)}"
