"""The compiled parameter checks give the reference validator's verdict, for every parameter.

`crm.param_checks.compile_check` turns each path and query parameter schema of openapi.yaml
into a predicate that accepts a value without jsonschema (`crm.openapi31`: a refused value goes
on to the reference validator). Here, for every distinct parameter schema of the spec, the
predicate and the project's 2020-12 validator judge the same values: instances drawn from the
schema, the schema-driven mutations of tests/support/cases.py (boundaries, wrong types, format
traps, enum look-alikes), arbitrary JSON, and the strings Connexion leaves in place when it
cannot coerce a query value to the parameter's type.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from crm.openapi31 import load_spec
from crm.param_checks import compile_check
from generated.python.validator import ContractValidator
from tests.support.cases import arbitrary_json, dedupe, mutations, sample_valid

# what a query string can leave behind when coercion fails, and near misses of coerced values
RAW = ["", " ", "abc", "5", "5.0", "1e3", "-1", "0", "101", "true", "True", "false", "null",
       "2026-11-27", "2026-11-27T08:00:00Z", "2026-13-01", "018c14ef-ff50-7e5e-9362-da5cc13da58a",
       "018C14EF-FF50-7E5E-9362-DA5CC13DA58A", "018c14efff507e5e9362da5cc13da58a", "desc", "asc ",
       "x" * 1001, 5, 5.0, 5.5, -0.0, 0, 1, 100, 101, 1_000_000_001, True, False, None,
       ]  # fmt: skip


def parameter_schemas() -> list[tuple[str, dict[str, Any]]]:
    """Every distinct (location, schema) of the spec's path and query parameters."""
    spec = load_spec()
    seen: dict[str, tuple[str, dict[str, Any]]] = {}
    for item in spec["paths"].values():
        shared = item.get("parameters", [])
        for method, operation in item.items():
            if not isinstance(operation, dict) or method == "parameters":
                continue
            for param in [*shared, *operation.get("parameters", [])]:
                if param["in"] in ("path", "query"):
                    schema = param["schema"]
                    seen[json.dumps([param["in"], schema], sort_keys=True)] = (param["in"], schema)
    return [seen[k] for k in sorted(seen)]


SCHEMAS = parameter_schemas()


def test_every_parameter_of_the_spec_is_compiled() -> None:
    assert len(SCHEMAS) > 20
    assert [s for _, s in SCHEMAS if compile_check(s) is None] == []


@pytest.mark.parametrize(("where", "schema"), SCHEMAS, ids=[json.dumps(s) for _, s in SCHEMAS])
def test_compiled_check_agrees_with_the_reference(where: str, schema: dict[str, Any]) -> None:
    check = compile_check(schema)
    assert check is not None
    reference = ContractValidator(schema)
    drawn = sample_valid(schema, 40)
    cases = [*drawn, *RAW, *arbitrary_json(150)]
    for base in drawn[:3]:
        cases += mutations(schema, {}, base)
    cases = dedupe(cases)
    disagreements = [
        (value, check(value)) for value in cases if check(value) != reference.is_valid(value)
    ]
    assert disagreements == [], where
    verdicts = {reference.is_valid(v) for v in cases}
    assert verdicts == {True, False}  # valid and invalid values were both judged


def test_unsupported_keywords_fall_back_to_the_reference() -> None:
    assert compile_check({"type": "string", "multipleOf": 2}) is None
    assert compile_check({"type": "integer", "enum": [1, 2]}) is None
    assert compile_check({"type": ["string", "null"]}) is None
    assert compile_check({"type": "string", "format": "no-such-format"}) is None
