"""Hypothesis strategies for the schema fuzzer: contracts inside the subset the lint accepts.

`bundles()` draws a `$defs` bundle of named schemas built from every keyword and combination
`codegen/lint.py` allows (nested objects, arrays, references to earlier schemas, nullable
references, enums beside string keywords, formats beside lengths and patterns, patterns
assembled from the portable grammar's atoms). Whether a draw is inside the subset is not
assumed here: `tests/codegen/test_fuzz.py` keeps only what the lint accepts, so the fuzzer's
subset follows the lint, never a copy of it.

Instances are JSON *texts*, not Python values: `1e400` and `1` followed by 400 zeros are JSON
numbers no Python float holds, and each party must read the text itself (jsonschema after
`json.loads`, Pydantic by `model_validate_json` too, Zod after `JSON.parse`).
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

from codegen.formats import FORMATS

Schema = dict[str, Any]

PROPERTY_NAMES = ("a", "b", "c", "d_e", "f1", "g")
ENUM_VALUES = ("a", "bb", "ccc", "", "é", "😀", "a-b", "2024-01-01", "A1")
# Atoms of the portable pattern grammar and its edges: escaped punctuation, classes with a
# leading `]` or a reversed range, astral characters, anchors. Combined below, then filtered
# by the lint like any contract. Hypothesis favours the first elements of a `sampled_from`,
# so the edges come first.
PATTERN_ATOMS = (
    "\\-",
    "[]a]",
    "[z-a]",
    "a",
    "b",
    "é",
    "😀",
    "0",
    "[a-c]",
    "[^a]",
    "[0-9]",
    "[a\\-c]",
    "\\.",
    "\\/",
    "\\$",
    "\\(",
    "(a|b)",
    "(?:ab)",
    "[😀-😂]",
)
QUANTIFIERS = ("", "", "*", "+", "?", "{1,2}", "{2}")
NUMBER_BOUNDS = (0, 1, -1, 2.5, -0.5, 10, 100, 1e308, -1e308, 2**53 - 1, -(2**53 - 1))
DIVISORS = (1, 2, 3, 0.5, 0.1, 0.01, 0.25)


def _nullable(t: str, null: bool) -> Any:
    return [t, "null"] if null else t


@st.composite
def patterns(draw: st.DrawFn) -> str:
    parts = [
        draw(st.sampled_from(PATTERN_ATOMS)) + draw(st.sampled_from(QUANTIFIERS))
        for _ in range(draw(st.integers(1, 3)))
    ]
    body = "".join(parts)
    if draw(st.booleans()):
        body = "^" + body
    if draw(st.booleans()):
        body += "$"
    return body


@st.composite
def strings(draw: st.DrawFn) -> Schema:
    null = draw(st.booleans())
    node: Schema = {"type": _nullable("string", null)}
    if draw(st.booleans()):
        values = draw(st.lists(st.sampled_from(ENUM_VALUES), min_size=1, max_size=4, unique=True))
        node["enum"] = [*values, None] if null else values
    if draw(st.booleans()):
        node["minLength"] = draw(st.integers(0, 3))
    if draw(st.booleans()):
        node["maxLength"] = draw(st.integers(node.get("minLength", 0), 12))
    if draw(st.integers(0, 2)) == 0:
        node["pattern"] = draw(patterns())
    if draw(st.integers(0, 2)) == 0:
        node["format"] = draw(st.sampled_from(FORMATS))
    return node


@st.composite
def numbers(draw: st.DrawFn) -> Schema:
    kind = draw(st.sampled_from(("integer", "number")))
    node: Schema = {"type": _nullable(kind, draw(st.booleans()))}
    low = draw(st.sampled_from(NUMBER_BOUNDS))
    high = draw(st.sampled_from(NUMBER_BOUNDS))
    low, high = min(low, high), max(low, high)
    if draw(st.booleans()):
        node[draw(st.sampled_from(("minimum", "exclusiveMinimum")))] = low
    if draw(st.booleans()):
        node[draw(st.sampled_from(("maximum", "exclusiveMaximum")))] = high
    if draw(st.integers(0, 2)) == 0:
        node["multipleOf"] = draw(st.sampled_from(DIVISORS))
    return node


LITERAL_VALUES = (1, 1.0, 0, -0.0, True, False, None, "a", "", "é", [1, "a"], {"a": 1}, {}, [])


@st.composite
def literals(draw: st.DrawFn) -> Schema:
    """`const`, or `enum` of any JSON values, alone or narrowed by a type and its keywords."""
    values = draw(st.lists(st.sampled_from(LITERAL_VALUES), min_size=1, max_size=4))
    node: Schema = {"const": values[0]} if draw(st.booleans()) else {"enum": values}
    if draw(st.integers(0, 2)) == 0:
        narrowed = draw(st.one_of(numbers(), strings().map(_without_enum)))
        node = {**narrowed, **node}
    return node


def _without_enum(node: Schema) -> Schema:
    return {k: v for k, v in node.items() if k != "enum"}


def scalars() -> st.SearchStrategy[Schema]:
    return st.one_of(
        strings(),
        numbers(),
        st.booleans().map(lambda null: {"type": _nullable("boolean", null)}),
        literals(),
        st.just({"type": "null"}),
        st.just({}),  # accepts anything
    )


def nodes(earlier: list[str], depth: int) -> st.SearchStrategy[Schema]:
    """A schema node that may reference any of `earlier` (so the bundle has no cycles)."""
    options = [scalars()]
    if earlier:
        target = st.sampled_from(earlier).map(lambda n: f"#/$defs/{n}")
        options.append(target.map(lambda r: {"$ref": r}))
        options.append(target.map(lambda r: {"anyOf": [{"$ref": r}, {"type": "null"}]}))
    if depth > 0:
        options += [
            arrays(earlier, depth - 1),
            objects(earlier, depth - 1),
            applied(earlier, depth - 1),
        ]
    return st.one_of(options)


# Assertions without a type: each applies only to values of its own type.
TYPELESS = (
    {"minLength": 2},
    {"maximum": 3, "minLength": 1},
    {"maxItems": 1, "uniqueItems": True},
    {"required": ["a"], "minProperties": 1},
    {"multipleOf": 2, "format": "ipv4"},
)


@st.composite
def applied(draw: st.DrawFn, earlier: list[str], depth: int) -> Schema:
    """Keywords translated as checks beside a core (codegen/applicators.py), and booleans."""
    sub = nodes(earlier, depth)
    kind = draw(
        st.sampled_from(
            ("allOf", "not", "anyOf", "oneOf", "ref", "typeless", "types", "if", "bool")
        )
    )
    if kind == "allOf":
        branches = draw(st.lists(st.one_of(objects(earlier, depth), sub), min_size=1, max_size=3))
        return {"allOf": branches}
    if kind in ("anyOf", "oneOf"):
        return {kind: draw(st.lists(sub, min_size=1, max_size=3))}
    if kind == "not":
        return {"not": draw(sub)}
    if kind == "ref" and earlier:
        sibling = draw(
            st.one_of(st.sampled_from(TYPELESS), objects(earlier, depth), arrays(earlier, depth))
        )
        return {"$ref": f"#/$defs/{draw(st.sampled_from(earlier))}", **sibling}
    if kind == "types":
        types = draw(
            st.lists(
                st.sampled_from(
                    ("string", "integer", "number", "array", "object", "boolean", "null")
                ),
                min_size=1,
                max_size=3,
                unique=True,
            )
        )
        return {"type": types, **draw(st.sampled_from(TYPELESS))}
    if kind == "if":
        node: Schema = {"if": draw(sub)}
        if draw(st.booleans()):
            node["then"] = draw(sub)
        if draw(st.booleans()):
            node["else"] = draw(sub)
        return node
    if kind == "bool":
        return draw(st.booleans())  # type: ignore[no-any-return]
    return dict(draw(st.sampled_from(TYPELESS)))


@st.composite
def arrays(draw: st.DrawFn, earlier: list[str], depth: int) -> Schema:
    node: Schema = {"type": _nullable("array", draw(st.booleans()))}
    if draw(st.integers(0, 3)):
        node["items"] = draw(nodes(earlier, depth))
    if draw(st.booleans()):
        node["minItems"] = draw(st.integers(0, 2))
    if draw(st.booleans()):
        node["maxItems"] = draw(st.integers(node.get("minItems", 0), 4))
    if draw(st.integers(0, 2)) == 0:
        node["uniqueItems"] = draw(st.booleans())
    if draw(st.integers(0, 2)) == 0:
        node["prefixItems"] = draw(st.lists(nodes(earlier, depth), max_size=3))
        if draw(st.booleans()):
            node["items"] = draw(st.one_of(st.booleans(), nodes(earlier, depth)))
    return node


@st.composite
def objects(draw: st.DrawFn, earlier: list[str], depth: int) -> Schema:
    names = draw(st.lists(st.sampled_from(PROPERTY_NAMES), max_size=4, unique=True))
    props = {name: draw(nodes(earlier, depth)) for name in names}
    node: Schema = {"type": _nullable("object", draw(st.booleans())), "properties": props}
    if names and draw(st.booleans()):
        node["required"] = draw(st.lists(st.sampled_from(names), unique=True))
    closing = draw(st.integers(0, 3))
    if closing == 1:
        node["additionalProperties"] = False
    elif closing == 2:
        node["additionalProperties"] = draw(st.one_of(st.booleans(), nodes(earlier, depth)))
    if draw(st.integers(0, 3)) == 0:
        node["patternProperties"] = {draw(patterns()): draw(nodes(earlier, depth))}
    if draw(st.integers(0, 4)) == 0:
        node["propertyNames"] = {"type": "string", "maxLength": draw(st.integers(0, 3))}
    if draw(st.integers(0, 3)) == 0:
        node["minProperties"] = draw(st.integers(0, 2))
    return node


@st.composite
def bundles(draw: st.DrawFn, size: int, prefix: str = "F") -> dict[str, Schema]:
    """`size` named schemas; each may reference the ones drawn before it."""
    defs: dict[str, Schema] = {}
    for i in range(size):
        # Every third one is a composition (codegen/applicators.py), so a bounded run meets
        # each of them; the others may still hold one anywhere.
        strategy = applied(list(defs), 1) if i % 3 == 2 else nodes(list(defs), depth=2)
        defs[f"{prefix}{i}"] = draw(strategy)
    return defs


# Texts no generated instance would produce: what the databases cannot store (NUL, lone
# surrogates), numbers beyond a double, and the characters the edge patterns are about.
TRAP_TEXTS = (
    '"\\u0000"',
    '"a\\u0000"',
    '"\\ud800"',
    '"a\\udfff"',
    '"\\ud83d\\ude00"',
    "1e400",
    "-1e400",
    "1" + "0" * 400,
    "1e308",
    "9007199254740993",
    "1.0",
    '"]"',
    '"a"',
    '"bb"',
    '"a-b"',
    '"-"',
    '"ab"',
    '"é"',
    '"2024-01-01"',
    '"2024-01-01T00:00:00Z"',
    '"0190c3a2-7d1e-7c3b-9a4f-1b2c3d4e5f60"',
    '"ada@example.com"',
    "-0",
    "[1, 1.0]",
    '{"a": 1.0}',
    '[{"\\u0000": 1}]',
    '{"k": ["\\ud800"]}',
)


def text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=True, allow_nan=False)


def spliced(base: Any, traps: tuple[str, ...] = TRAP_TEXTS) -> list[str]:
    """`base` (an object) with each trap put in place of one of its keys' values."""
    if not isinstance(base, dict):
        return []
    body = text(base)
    out = []
    for key in list(base)[:3]:
        rest = {k: v for k, v in base.items() if k != key}
        for trap in traps:
            # Built as text so that numbers beyond a double stay exactly as written.
            inner = text(rest)[1:-1]
            out.append("{" + (inner + ", " if inner else "") + f"{json.dumps(key)}: {trap}" + "}")
    return out if body else []
