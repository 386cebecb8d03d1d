"""jsonschema, Pydantic and Zod give the same verdict on the same instances, for every contract.

For every named schema in the bundle (entity variants, list pages, envelopes, report responses
and rows, shared types) the cases are instances drawn from the schema plus schema-driven
mutations (tests/support/cases.py). The three verdicts come from the project's 2020-12
validator (format assertion on, the project's rules), the generated Pydantic model and the
generated Zod schema run in Node (every case of the session in one Node process).

One documented difference is tested rather than hidden: a response schema (what the API
answers; codegen.emit.zod.response_schemas) drops unknown keys in Zod, while JSON Schema and
Pydantic refuse them. So for those, Zod's verdict is compared with the contract's verdict with
every `additionalProperties: false` removed, and `test_response_schemas_drop_unknown_keys` /
`test_request_schemas_refuse_unknown_keys` check the difference itself on every such schema.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from codegen.emit import openapi
from codegen.emit.zod import export_name, response_schemas, schema_roles
from codegen.load import load
from generated.python import models
from generated.python.schemas import BUNDLE, NAMES, validator_for
from generated.python.validator import ContractValidator
from tests.support.cases import cases_for, resolve, verdict
from tests.support.zod import ZodRunner, build_zod

ROOT = Path(__file__).resolve().parents[2]
DEFS: dict[str, Any] = BUNDLE["$defs"]
CONTRACTS = load(ROOT / "contracts")
DOCUMENT = openapi.document(CONTRACTS)
LENIENT = response_schemas(CONTRACTS.defs, DOCUMENT)
REQUESTS = schema_roles(CONTRACTS.defs, DOCUMENT)[0]
EXTRA_KEY = "added_by_a_newer_api"


def opened(node: Any) -> Any:
    """`node` without any `additionalProperties: false` (what a lenient Zod object checks)."""
    if isinstance(node, dict):
        return {
            k: (v if k in ("enum", "const", "default", "examples") else opened(v))
            for k, v in node.items()
            if not (k == "additionalProperties" and v is False)
        }
    if isinstance(node, list):
        return [opened(x) for x in node]
    return node


OPEN_DEFS = {name: opened(s) if name in LENIENT else s for name, s in DEFS.items()}


@cache
def opened_validator(name: str) -> Any:
    return ContractValidator({"$ref": f"#/$defs/{name}", "$defs": OPEN_DEFS})


def zod_counterpart_verdict(name: str, instance: Any) -> bool:
    """The jsonschema verdict Zod must reproduce: the opened schema for a response schema."""
    if name not in LENIENT:
        return bool(validator_for(name).is_valid(instance))
    return bool(opened_validator(name).is_valid(instance))


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
def verdicts(zod_dist: Path) -> dict[str, list[tuple[Any, bool, bool | str, bool, bool]]]:
    """name -> [(instance, jsonschema, pydantic, zod, zod's jsonschema counterpart)], once."""
    cases = {
        name: cases_for(name, DEFS, VALID_PER_SCHEMA, MIN_CASES) for name in names_under_test()
    }
    flat = [(name, inst) for name, insts in cases.items() for inst in insts]
    with ZodRunner(zod_dist) as zod:
        zod_verdicts = zod.verdicts([(export_name(name), inst) for name, inst in flat])
    out: dict[str, list[tuple[Any, bool, bool | str, bool, bool]]] = {n: [] for n in cases}
    for (name, inst), z in zip(flat, zod_verdicts, strict=True):
        js = validator_for(name).is_valid(inst)
        counterpart = zod_counterpart_verdict(name, inst)
        out[name].append((inst, js, pydantic_verdict(name, inst), z, counterpart))
    return out


def test_every_object_schema_is_under_test() -> None:
    """A contract whose model went missing must not drop out of the agreement silently."""
    objects = [n for n in NAMES if resolve(DEFS[n], DEFS)[0].get("type") == "object"]
    missing = sorted(set(objects) - set(names_under_test()))
    assert not missing, f"object schemas without a generated model: {missing}"
    assert len(objects) >= 40


@pytest.mark.parametrize("name", names_under_test())
def test_three_validators_agree(
    name: str, verdicts: dict[str, list[tuple[Any, bool, bool | str, bool, bool]]]
) -> None:
    rows = verdicts[name]
    assert len(rows) >= MIN_CASES, f"{name}: only {len(rows)} cases"
    disagreements = [r for r in rows if not (r[1] == r[2] and r[3] == r[4])]
    report = "\n".join(
        f"  {json.dumps(inst, ensure_ascii=False)[:300]}  jsonschema={js} pydantic={py} zod={z}"
        f" (zod's counterpart={c})"
        for inst, js, py, z, c in disagreements[:20]
    )
    assert not disagreements, f"{name}: {len(disagreements)} of {len(rows)} disagree:\n{report}"
    accepted = sum(1 for r in rows if r[1])
    # Non-vacuous: the cases exercise both verdicts.
    assert 0 < accepted < len(rows), f"{name}: accepted {accepted} of {len(rows)}"


Rows = dict[str, list[tuple[Any, bool, bool | str, bool, bool]]]


def _objects_with_valid_instance(names: list[str], rows: Rows) -> list[tuple[str, Any]]:
    """(name, a valid instance) for each closed-object schema, from the session's cases."""
    out = []
    for name in names:
        schema = resolve(DEFS[name], DEFS)[0]
        if schema.get("type") != "object" or schema.get("additionalProperties") is not False:
            continue
        valid = [inst for inst, js, *_ in rows.get(name, []) if js and isinstance(inst, dict)]
        if valid:
            out.append((name, valid[0]))
    return out


def test_response_schemas_drop_unknown_keys(zod_dist: Path, verdicts: Rows) -> None:
    """The documented difference: JSON Schema and Pydantic refuse the key, Zod drops it."""
    samples = _objects_with_valid_instance(sorted(LENIENT & set(names_under_test())), verdicts)
    assert len(samples) >= 20, [n for n, _ in samples]
    with ZodRunner(zod_dist) as zod:
        parsed = zod.parse([(export_name(n), {**i, EXTRA_KEY: 1}) for n, i in samples])
    for (name, instance), (ok, data) in zip(samples, parsed, strict=True):
        extended = {**instance, EXTRA_KEY: 1}
        assert not validator_for(name).is_valid(extended), name
        assert pydantic_verdict(name, extended) is False, name
        assert ok, f"{name}: Zod refused a response with one more key"
        assert EXTRA_KEY not in data, f"{name}: Zod kept the unknown key"


def test_request_schemas_refuse_unknown_keys(zod_dist: Path, verdicts: Rows) -> None:
    """Request bodies stay strict in all three, as the API refuses unknown keys."""
    samples = _objects_with_valid_instance(sorted(REQUESTS & set(names_under_test())), verdicts)
    assert any(n.endswith("Create") for n, _ in samples)
    assert any(n.endswith("Update") for n, _ in samples)
    assert not {n for n, _ in samples} & LENIENT
    with ZodRunner(zod_dist) as zod:
        plain = zod.verdicts([(export_name(n), i) for n, i in samples])
        extended = zod.verdicts([(export_name(n), {**i, EXTRA_KEY: 1}) for n, i in samples])
    for (name, instance), ok, refused in zip(samples, plain, extended, strict=True):
        assert ok, f"{name}: Zod refused a valid body"
        assert not refused, f"{name}: Zod accepted a body with an unknown key"
        assert not validator_for(name).is_valid({**instance, EXTRA_KEY: 1}), name
        assert pydantic_verdict(name, {**instance, EXTRA_KEY: 1}) is False, name
