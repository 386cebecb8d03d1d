"""One regression test per bug class the schema fuzzer found (tests/codegen/test_fuzz.py).

Each schema is inside the subset the lint accepted before the fix. Every case states the
verdict JSON Schema gives with the project's rules (codegen/formats.py), and every reader must
give it: the project's validator, Pydantic by `model_validate` and `model_validate_json`, and
Zod after `JSON.parse` of the same text. Where the fix is a refusal, the lint must refuse with
the keyword's JSON pointer.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from codegen.lint import lint_schema
from codegen.runtime import contract_validator
from tests.support.fuzz import READERS, Readers, load_readers

BIG = "1" + "0" * 400  # a JSON integer no double holds

# name -> (schema, [(JSON text, expected verdict), ...])
FINDINGS: dict[str, tuple[dict[str, Any], list[tuple[str, bool]]]] = {
    # Pydantic dropped the keywords beside a string enum.
    "EnumMaxLength": (
        {"type": "string", "enum": ["a", "bb"], "maxLength": 1},
        [('"a"', True), ('"bb"', False)],
    ),
    "EnumPattern": (
        {"type": ["string", "null"], "enum": ["a1", "b", None], "pattern": "^[a-z][0-9]$"},
        [('"a1"', True), ('"b"', False), ("null", True)],
    ),
    "EnumFormat": (
        {"type": "string", "enum": ["2024-02-29", "2023-02-29", "x"], "format": "date"},
        [('"2024-02-29"', True), ('"2023-02-29"', False), ('"x"', False)],
    ),
    # Pydantic crashed (TypeError: Unable to apply constraint) on a format beside lengths.
    "DateWithLength": (
        {"type": "string", "format": "date", "maxLength": 10, "pattern": "^2"},
        [('"2024-01-01"', True), ('"1999-01-01"', False), ('"2024-13-01"', False), ("5", False)],
    ),
    "UuidWithLength": (
        {"type": ["string", "null"], "format": "uuid", "minLength": 36},
        [('"0190c3a2-7d1e-7c3b-9a4f-1b2c3d4e5f60"', True), ('"x"', False), ("null", True)],
    ),
    "DateTimeWithPattern": (
        {"type": "string", "format": "date-time", "pattern": "Z$"},
        [('"2024-01-01T00:00:00Z"', True), ('"2024-01-01T00:00:00+02:00"', False)],
    ),
    # Numbers beyond a double: jsonschema and Pydantic took 1e400 as infinity, Zod refused it.
    "AnyNumber": (
        {"type": "number"},
        [("1e400", False), ("-1e400", False), (BIG, False), ("1e308", True), ("1.5", True)],
    ),
    "AnyInteger": ({"type": "integer"}, [(BIG, False), ("1e300", True), ("-1e400", False)]),
    # Text no database stores: jsonschema and Zod accepted a lone surrogate, Pydantic (python)
    # too, while model_validate_json refused it; NUL was refused by the API's hand-made check.
    "Text": (
        {"type": "string", "maxLength": 8},
        [
            ('"\\u0000"', False),
            ('"a\\ud800"', False),
            ('"\\udfff"', False),
            ('"\\ud83d\\ude00"', True),
        ],
    ),
    "TextInObject": (
        {
            "type": "object",
            "properties": {"name": {"type": ["string", "null"]}},
            "additionalProperties": False,
        },
        [('{"name": "a\\u0000b"}', False), ('{"name": "\\ud800"}', False), ('{"name": "é"}', True)],
    ),
    # A named [object, null] schema refused null in Pydantic; minProperties on an object
    # without properties was dropped.
    "NullableObject": (
        {"type": ["object", "null"], "properties": {"a": {"type": "boolean"}}},
        [("null", True), ("{}", True), ('{"a": 1}', False)],
    ),
    "NullableObjectMinProperties": (
        {"type": ["object", "null"], "properties": {}, "minProperties": 1},
        [("null", True), ("{}", False), ('{"x": 1}', True)],
    ),
    "NestedMinProperties": (
        {
            "type": "object",
            "properties": {"x": {"type": ["object", "null"], "properties": {}, "minProperties": 1}},
        },
        [('{"x": {}}', False), ('{"x": null}', True), ('{"x": {"k": 1}}', True)],
    ),
    # The wider subset (codegen/applicators.py). A type list holding object and null was
    # translated as a nullable object by Pydantic (arrays refused).
    "TypeList": (
        {"type": ["array", "object", "null"]},
        [("[1]", True), ("{}", True), ("null", True), ("1", False), ('"a"', False)],
    ),
    # A check looks its sub-schema's model up by name, and the generator drops the class of a
    # root model it inlines where it is referenced: the lookup crashed.
    "NotString": ({"not": {"type": "string"}}, [("1", True), ('"a"', False), ("null", True)]),
    "HoldsNotString": (
        {"type": "object", "properties": {"v": {"$ref": "#/$defs/NotString"}}},
        [('{"v": 1}', True), ('{"v": "a"}', False)],
    ),
    # Judged through its users only: the generator drops its class (collapse_root_models).
    "Natural": ({"type": "integer", "minimum": 0}, []),
    "HoldsNatural": (
        {"type": "object", "properties": {"n": {"$ref": "#/$defs/Natural"}}},
        [('{"n": 1}', True), ('{"n": -1}', False)],
    ),
    "SmallNatural": (
        {"$ref": "#/$defs/Natural", "maximum": 5},
        [("3", True), ("-1", False), ("6", False), ('"x"', False), ("5.0", True)],
    ),
    # uniqueItems under JSON equality: 1 and 1.0 repeat, 1 and true do not, keys in any order.
    "Unique": (
        {"type": "array", "uniqueItems": True},
        [("[1, 1.0]", False), ("[1, true]", True), ('[{"a": 1, "b": 2}, {"b": 2, "a": 1}]', False)],
    ),
    # A type-less assertion applies to its own type only.
    "TypelessMaxLength": (
        {"maxLength": 2},
        [("12345", True), ('"abc"', False), ('"ab"', True), ("[1, 2, 3]", True)],
    ),
}
CASES = [(name, text, ok) for name, (_, cases) in FINDINGS.items() for text, ok in cases]


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], dict[str, Any]]:
    """Every case judged by every reader, with one Node exchange."""
    defs = {name: schema for name, (schema, _) in FINDINGS.items()}
    with load_readers(defs, tmp_path_factory.mktemp("findings"), "findings") as readers:
        assert isinstance(readers, Readers)
        cases = [(name, text) for name, text, _ in CASES]
        return dict(zip(cases, readers.judge(cases), strict=True))


def test_the_findings_are_inside_the_subset() -> None:
    defs = {name: schema for name, (schema, _) in FINDINGS.items()}
    validator = contract_validator()
    for name, schema in defs.items():
        found = list(
            lint_schema(
                schema,
                f"/$defs/{name}",
                ref_exists=lambda r: r.removeprefix("#/$defs/") in defs,
                is_valid=lambda v, n: bool(validator({**n, "$defs": defs}).is_valid(v)),
                policy=False,
            )
        )
        assert not found, (name, found)


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[f"{n}:{t}" for n, t, _ in CASES])
def test_every_reader_gives_the_rule_s_verdict(
    verdicts: dict[tuple[str, str], dict[str, Any]], name: str, text: str, expected: bool
) -> None:
    got = verdicts[(name, text)]
    assert set(got) == set(READERS)
    assert got == dict.fromkeys(READERS, expected), json.dumps(got)


def lint(schema: dict[str, Any]) -> list[tuple[str, str]]:
    validator = contract_validator()
    return list(
        lint_schema(
            schema,
            "/$defs/X",
            ref_exists=lambda r: False,
            is_valid=lambda v, n: bool(validator(n).is_valid(v)),
            policy=False,
        )
    )


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        # JavaScript (u mode) cannot compile these: the whole Zod package failed to load.
        ("^a\\-b$", "JavaScript"),
        ("^[]a]$", "JavaScript"),  # and Python read `]` as a literal
        ("^[z-a]$", "Python cannot compile"),
    ],
)
def test_patterns_either_engine_refuses_are_refused_at_lint_time(pattern: str, why: str) -> None:
    found = lint({"type": "string", "pattern": pattern})
    assert [p for p, _ in found] == ["/$defs/X/pattern"], found
    assert why in found[0][1], found


@pytest.mark.parametrize(
    ("schema", "pointer", "fragment"),
    [
        ({"type": "number", "maximum": float("inf")}, "/$defs/X/maximum", "beyond a double"),
        ({"type": "number", "minimum": -(10**400)}, "/$defs/X/minimum", "beyond a double"),
        ({"type": "string", "enum": ["a\x00"]}, "/$defs/X/enum", "NUL"),
        ({"type": "string", "enum": ["\ud800"]}, "/$defs/X/enum", "surrogate"),
        ({"type": "string", "enum": ["aa"], "maxLength": 1}, "/$defs/X/enum", "nothing is valid"),
    ],
)
def test_values_no_party_can_hold_are_refused(
    schema: dict[str, Any], pointer: str, fragment: str
) -> None:
    found = lint(schema)
    assert [p for p, _ in found] == [pointer], found
    assert fragment in found[0][1], found


def test_pattern_properties_are_linted_like_patterns() -> None:
    found = lint({"type": "object", "patternProperties": {"^a\\-b$": {"type": "string"}}})
    assert [p for p, _ in found] == ["/$defs/X/patternProperties/^a\\-b$"], found
    assert "JavaScript" in found[0][1], found
