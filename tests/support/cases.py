"""Instances for the agreement tests: generated valid ones and mutated invalid-ish ones.

Valid instances come from Schemathesis' JSON Schema strategy (Hypothesis underneath), with
the project's format rules supplying emails, UUIDs and dates. Mutations are derived from the
schema itself, one field at a time: wrong types, missing required keys, enum misses, lengths
one past a bound (also in astral characters, where UTF-16 and code points disagree),
pattern breaks, trailing newlines, extra keys, nulls, boundary and integral-float numbers,
numeric strings, non-ASCII digits, and the format traps the conformance suite covers.
Whether a mutation is valid is not assumed: the three validators are compared.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from typing import Any

import jsonschema_rs
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter, ValidationError
from schemathesis.generation.jsonschema.builder import build

from codegen import formats
from generated.python.rules import python_pattern

Schema = dict[str, Any]

FORMAT_STRATEGIES = {
    "email": st.from_regex(re.compile(formats.EMAIL_PATTERN), fullmatch=True),
    "uuid": st.uuids().map(str),
    "date": st.dates().map(dt.date.isoformat),
    "date-time": st.datetimes(
        timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=2))])
    ).map(dt.datetime.isoformat),
    # The regular-expression formats: strings drawn from the rule itself.
    **{
        name: st.from_regex(re.compile(python_pattern(pattern)), fullmatch=True)
        for name, (pattern, _cap) in formats.PATTERN_FORMATS.items()
    },
}

FORMAT_TRAPS: dict[str, list[Any]] = {
    "email": [
        "ada@example.com",
        "a@b",
        "Ada <ada@example.com>",
        "te~st@example.com",
        "a..b@x.io",
        '"q"@x.io',
        "joe@[127.0.0.1]",
        ".ada@example.com",
        "ada@example.com\n",
        "é@example.com",
        "ADA@EXAMPLE.COM",
        "d&db@ta06r.test",
        "x" * 65 + "@example.com",
    ],
    "uuid": [
        "0190c3a2-7d1e-7c3b-9a4f-1b2c3d4e5f60",
        "0190C3A2-7D1E-7C3B-9A4F-1B2C3D4E5F60",
        "0190c3a27d1e7c3b9a4f1b2c3d4e5f60",
        "{0190c3a2-7d1e-7c3b-9a4f-1b2c3d4e5f60}",
        "urn:uuid:0190c3a2-7d1e-7c3b-9a4f-1b2c3d4e5f60",
        "00000000-0000-0000-0000-000000000000",
        "0190c3a2-7d1e-7c3b-9a4f-1b2c3d4e5f6g",
    ],
    "date": [
        "2024-02-29",
        "2023-02-29",
        "2024-13-01",
        "2024-04-31",
        "2024-1-01",
        "٢٠٢٤-01-01",
        "2024-01-01\n",
        "2024-01-01T00:00:00Z",
        "0000-01-01",
        20240101,
    ],
    "date-time": [
        "2024-01-01T00:00:00Z",
        "2024-01-01T09:30:00.123456+02:00",
        "2024-01-01t00:00:00z",
        "2024-12-31T23:59:60Z",
        "2024-01-01 00:00:00Z",
        "2024-01-01T00:00:00",
        "1704103200",
        1704103200,
        "2024-02-30T00:00:00Z",
        "2024-01-01T24:00:00Z",
        "2024-01-01T00:00:00+24:00",
        "2024-01-01T00:00:00.1234567891Z",
        "2024-01-01T00:00:00Z\n",
    ],
}
# The regular-expression formats' edges: near misses of each rule, in either direction.
FORMAT_TRAPS.update(
    {
        "ipv4": ["192.168.0.1", "256.1.1.1", "01.2.3.4", "1.2.3", "1.2.3.4\n", "١.2.3.4"],
        "ipv6": ["::1", "::", "1:2:3:4:5:6:7:8", "1::2::3", "::ffff:1.2.3.4", "12345::", ":1"],
        "time": ["08:30:06Z", "08:30:06+01:00", "24:00:00Z", "08:30:60Z", "08:30:06", "8:30:06Z"],
        "duration": ["P1D", "PT1H", "P1Y2M3DT4H5M6S", "P", "PT", "P1W", "P1DT", "P1H"],
        "uri": [
            "https://example.com/a?b#c",
            "example.com",
            "a:b",
            "http://x/%zz",
            "http://x/ y",
            "http://h:8a/",
            "http:/[::1]",
        ],
        "uri-reference": ["/a/b", "#f", "", "a b", "%41", "\\x", "1:b", "//a@b@c/"],
        "iri": ["http://例え.テスト/", "http://x/ y", "a:é"],
        "iri-reference": ["/é", "é", "a b"],
        "uri-template": ["/a/{b}", "/a/{b", "{}", "}", "a'b"],
        "json-pointer": ["", "/a/b", "/a~0b~1", "a", "/~2"],
        "relative-json-pointer": ["0", "1/a", "2#", "01", "-1", "0##"],
    }
)
WRONG_TYPES: list[Any] = [None, 1, 1.5, "x", True, [], {}]
NUMBER_TRAPS: list[Any] = [
    0,
    -1,
    5.0,
    "5",
    "٣",
    19.99,
    0.001,
    1e-7,
    0.30000000000000004,
    True,
    1e20,
    -0.0,
]


def draw(strategy: st.SearchStrategy[Any], n: int) -> list[Any]:
    """Up to `n` values from `strategy`, deterministically (derandomized, no example database)."""
    out: list[Any] = []

    @settings(
        max_examples=n,
        database=None,
        derandomize=True,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate],
    )
    @given(strategy)
    def collect(value: Any) -> None:
        out.append(value)

    collect()
    return out


def sample_valid(schema: Schema, n: int) -> list[Any]:
    """Up to `n` instances drawn for `schema`."""
    return draw(build(schema, draft=jsonschema_rs.Draft202012, formats=FORMAT_STRATEGIES), n)


def verdict(target: Any, instance: Any) -> bool | str:
    """A generated Pydantic model's (or type's) verdict; a crash is reported, not hidden."""
    try:
        if isinstance(target, type) and issubclass(target, BaseModel):
            target.model_validate(instance)
        else:
            TypeAdapter(target).validate_python(instance)
    except ValidationError:
        return False
    except Exception as exc:
        return f"crash: {type(exc).__name__}: {exc}"
    return True


def resolve(node: Schema, defs: dict[str, Schema]) -> tuple[Schema, bool]:
    """Follow $ref and the nullable-ref idiom: (the target schema, nullable)."""
    nullable = False
    while True:
        if not isinstance(node, dict):
            return {}, nullable  # a boolean schema: no keywords to mutate from
        branches = node.get("anyOf")
        if isinstance(branches, list) and len(branches) == 2 and branches[1] == {"type": "null"}:
            nullable = True
            node = node["anyOf"][0]
        elif isinstance(node.get("$ref"), str):
            node = defs[node["$ref"].rsplit("/", 1)[1]]
        else:
            t = node.get("type")
            return node, nullable or (isinstance(t, list) and "null" in t)


def _base_type(node: Schema) -> str | None:
    t = node.get("type")
    if isinstance(t, list):
        return next((x for x in t if x != "null"), None)
    return t


def value_mutations(node: Schema, defs: dict[str, Schema], current: Any) -> list[Any]:
    """Values worth trying in place of a valid one, from the node's own keywords."""
    target, _ = resolve(node, defs)
    out: list[Any] = list(WRONG_TYPES)
    kind = _base_type(target)
    if kind == "string":
        hi, lo = target.get("maxLength"), target.get("minLength")
        if hi is not None and hi <= 20000:
            out += ["a" * hi, "a" * (hi + 1), "😀" * hi, "😀" * (hi + 1), "é" * (hi + 1)]
        if lo is not None:
            out += ["", "a" * max(lo - 1, 0), "a" * lo]
        if "pattern" in target:
            out += ["0123456", "+1 (555) 010-9999", "+1 (555) 010-9999\n", "٠١٢٣٤٥٦٧", "abc"]
        if "enum" in target:
            first = next(v for v in target["enum"] if v is not None)
            out += [first, first.upper(), first + " ", first + "\n", "", first.capitalize()]
        if "format" in target:
            out += FORMAT_TRAPS[target["format"]]
        if isinstance(current, str):
            out += [current + "\n", " " + current]
    elif kind in ("integer", "number"):
        out += NUMBER_TRAPS
        for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
            if key in target:
                b = target[key]
                out += [b, b - 1, b + 1, b - 0.5, b + 0.01, float(b)]
        if isinstance(current, int | float) and not isinstance(current, bool):
            out += [current + 0.001, str(current), float(current)]
    elif kind == "boolean":
        out += [False, 0, "true", "false"]
    elif kind == "array":
        hi = target.get("maxItems")
        item = current[0] if isinstance(current, list) and current else None
        out += [[None], [item]]
        if hi is not None and hi <= 200:
            out += [[item] * (hi + 1)]
    elif kind == "object":
        out += [{"unexpected": 1}]
    return out


def mutations(schema: Schema, defs: dict[str, Schema], base: Any) -> list[Any]:
    """Instances one mutation away from `base` (a valid instance of `schema`)."""
    target, _ = resolve(schema, defs)
    if _base_type(target) != "object" or not isinstance(base, dict):
        return value_mutations(schema, defs, base)
    out: list[Any] = [
        {},
        {**base, "unexpected_field": 1},
        {**base, "tenant_id": FORMAT_TRAPS["uuid"][0]},
    ]
    out.append({**base, "id": FORMAT_TRAPS["uuid"][0], "created_at": "2024-01-01T00:00:00Z"})
    for key in target.get("required", []):
        out.append({k: v for k, v in base.items() if k != key})
    for key, sub in target.get("properties", {}).items():
        for value in value_mutations(sub, defs, base.get(key)):
            out.append({**base, key: value})
    return out


def dedupe(instances: list[Any]) -> list[Any]:
    seen: set[str] = set()
    out = []
    for inst in instances:
        key = json.dumps(inst, sort_keys=True)
        if key not in seen:
            seen.add(key)
            out.append(inst)
    return out


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=8,
)


@functools.cache
def arbitrary_json(n: int) -> tuple[Any, ...]:
    """A fixed pool of arbitrary JSON values: fuzz no schema would suggest."""
    return tuple(draw(JSON_VALUES, n))


def cases_for(
    name: str, defs: dict[str, Schema], valid: int, minimum: int, bases: int = 2
) -> list[Any]:
    """Generated instances, mutations of the `bases` richest ones, then arbitrary JSON.

    The arbitrary values top the cases up to `minimum`: as whole instances and, for
    objects, spliced into one field of a valid instance at a time.
    """
    schema = {"$ref": f"#/$defs/{name}", "$defs": defs}
    drawn = sample_valid(schema, valid)
    richest = sorted(drawn, key=lambda x: -len(json.dumps(x)))[:bases]
    out = list(drawn)
    for base in richest:
        out += mutations(defs[name], defs, base)
    out = dedupe(out)
    pool = arbitrary_json(400)
    target, _ = resolve(defs[name], defs)
    keys = sorted(target.get("properties", {}))
    i = 0
    while len(out) < minimum and i < len(pool):
        if keys and richest and isinstance(richest[0], dict):
            out.append({**richest[i % len(richest)], keys[i % len(keys)]: pool[i]})
        out.append(pool[i])
        out = dedupe(out)
        i += 1
    return out
