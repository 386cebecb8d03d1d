"""Each lint rule refuses what the emitters cannot translate exactly, with a JSON pointer."""

from __future__ import annotations

from typing import Any

import pytest

from codegen import formats
from codegen.lint import lint_schema, pattern_problem
from codegen.patterns import engine_problem
from codegen.runtime import contract_validator


def problems(schema: Any) -> list[tuple[str, str]]:
    validator = contract_validator()
    return list(
        lint_schema(
            schema,
            "",
            ref_exists=lambda ref: ref == "#/$defs/Known",
            is_valid=lambda value, node: bool(
                validator({k: v for k, v in node.items() if k != "default"}).is_valid(value)
            ),
        )
    )


def obj(prop: Any) -> dict[str, Any]:
    return {"type": "object", "additionalProperties": False, "properties": {"p": prop}}


@pytest.mark.parametrize(
    ("schema", "pointer", "fragment"),
    [
        (obj({"minLength": 2}), "/properties/p", "without a 'type'"),
        (obj({}), "/properties/p", "accepts anything"),
        (obj({"type": "integer"}), "/properties/p", "within ±(2^53 - 1)"),
        (obj({"type": "integer", "minimum": 0, "maximum": 2**60}), "/properties/p", "2^53"),
        (obj({"type": "string", "pattern": "^\\d+$"}), "/properties/p/pattern", "not portable"),
        (obj({"type": "string", "pattern": "^a.b$"}), "/properties/p/pattern", "'.'"),
        (obj({"type": "string", "pattern": "(?<=a)b"}), "/properties/p/pattern", "lookaround"),
        (obj({"type": "string", "pattern": "^\\p{L}+$"}), "/properties/p/pattern", "not portable"),
        (obj({"type": "string", "pattern": "a{2"}), "/properties/p/pattern", "'{'"),
        (obj({"type": "string", "pattern": "(a)\\1"}), "/properties/p/pattern", "not portable"),
        (obj({"type": "string", "format": "regex"}), "/properties/p/format", "no project rule"),
        (obj({"type": "string", "enum": ["a", 1]}), "/properties/p/enum", "strings"),
        (obj({"type": ["string", "null"], "enum": ["a"]}), "/properties/p/enum", "list null"),
        (obj({"type": "string", "const": 1}), "/properties/p/const", "nothing is valid"),
        (obj({"const": "a", "maxLength": 3}), "/properties/p/maxLength", "needs a 'type'"),
        (obj({"type": "string", "default": 5}), "/properties/p/default", "not valid"),
        (obj({"contains": {"type": "string"}}), "/properties/p", "outside the translated"),
        # Each branch of an applicator is linted as a schema of its own.
        (
            obj({"anyOf": [{"type": "string"}, {"type": "integer"}]}),
            "/properties/p/anyOf/1",
            "within ±(2^53 - 1)",
        ),
        (
            obj({"not": {"type": "string", "pattern": "\\w"}}),
            "/properties/p/not/pattern",
            "portable",
        ),
        (obj({"allOf": []}), "/properties/p/allOf", "wrong shape"),
        (
            obj({"type": "object", "patternProperties": {"a.": {"type": "string"}}}),
            "/properties/p/patternProperties/a.",
            "'.'",
        ),
        (obj({"$ref": "#/$defs/Missing"}), "/properties/p/$ref", "unresolvable"),
        (obj({"$ref": "#/$defs/Known", "maxLength": 3}), "/properties/p", "without a 'type'"),
        (obj({"$ref": "#/$defs/Missing", "type": "object"}), "/properties/p/$ref", "unresolvable"),
        (obj({"type": "array"}), "/properties/p", "declare its items"),
        (
            obj({"type": "array", "items": {"type": "string"}, "uniqueItems": "yes"}),
            "/properties/p/uniqueItems",
            "wrong shape",
        ),
        (obj({"type": "number", "multipleOf": 0}), "/properties/p/multipleOf", "greater than 0"),
        (
            obj({"type": "string", "minLength": 5, "maxLength": 2}),
            "/properties/p",
            "nothing is valid",
        ),
        (
            {"type": "object", "properties": {"constructor": {"type": "string"}}},
            "/properties/constructor",
            "collides",
        ),
        (
            {"type": "object", "properties": {"class": {"type": "string"}}},
            "/properties/class",
            "collides",
        ),
        (
            {"type": "object", "properties": {"Bad-Name": {"type": "string"}}},
            "/properties/Bad-Name",
            "snake_case",
        ),
        (
            {"type": "object", "additionalProperties": 5},
            "/additionalProperties",
            "schema or a boolean",
        ),
        ({"type": "object", "required": ["x"], "properties": {}}, "/required/0", "not a property"),
        ({"type": ["string", "integer"]}, "/type", '[T, "null"]'),
        (True, "", "boolean schemas"),
        (obj({"type": "string", "x-unknown": 1}), "/properties/p/x-unknown", "not allowed"),
    ],
)
def test_rule_fires_with_pointer(schema: Any, pointer: str, fragment: str) -> None:
    found = problems(schema)
    assert any(p == pointer and fragment in m for p, m in found), found


@pytest.mark.parametrize(
    "schema",
    [
        obj({"type": "string", "minLength": 1, "maxLength": 10, "pattern": "^[a-z]+(-[a-z]+)*$"}),
        obj({"type": ["string", "null"], "format": "date-time"}),
        obj({"anyOf": [{"$ref": "#/$defs/Known"}, {"type": "null"}], "description": "x"}),
        obj({"type": "number", "minimum": 0, "multipleOf": 0.01, "default": 19.99}),
        obj({"type": "integer", "minimum": 1, "maximum": 100, "default": 25}),
        obj({"type": ["string", "null"], "enum": ["a", "b", None]}),
        obj({"type": "array", "items": {"type": "string"}, "maxItems": 3}),
        # The wider subset (codegen/applicators.py, codegen/formats.py).
        obj({"type": "string", "format": "ipv4"}),
        obj({"type": "array", "items": {"type": "string"}, "uniqueItems": True}),
        obj({"type": "array", "prefixItems": [{"type": "string"}], "items": {"type": "boolean"}}),
        obj({"type": "object", "additionalProperties": {"type": "string", "maxLength": 3}}),
        obj({"$ref": "#/$defs/Known", "type": "object", "minProperties": 1}),
        obj({"not": {"type": "string"}}),
        obj(
            {
                "allOf": [
                    {"type": "object", "properties": {"a": {"type": "string"}}},
                    {"type": "object", "required": ["b"], "properties": {"b": {"type": "boolean"}}},
                ]
            }
        ),
    ],
)
def test_subset_is_accepted(schema: Any) -> None:
    assert problems(schema) == []


@pytest.mark.parametrize(
    ("pattern", "ok"),
    [
        ("^[+]?[0-9 ().-]{7,20}$", True),
        ("^[a-z0-9]+(-[a-z0-9]+)*$", True),
        ("a|b", True),
        ("^(?:ab)+$", True),
        ("\\.", True),
        ("[a-z]*?", False),
        ("a++", False),
        ("[[a]", False),
        ("[a&&b]", False),
        ("\\w", False),
        ("\\s", False),
        ("\\b", False),
        ("a}", False),
        ("(a", False),
        ("a)", False),
        ("*a", False),
    ],
)
def test_pattern_subset(pattern: str, ok: bool) -> None:
    assert (pattern_problem(pattern) is None) is ok


@pytest.mark.parametrize("name", sorted(formats.PATTERN_FORMATS))
def test_format_rules_are_portable_patterns(name: str) -> None:
    """A regular-expression format reads alike in Python and JavaScript, as contract patterns."""
    pattern, _cap = formats.PATTERN_FORMATS[name]
    assert pattern_problem(pattern) is None
    assert engine_problem(pattern) is None
