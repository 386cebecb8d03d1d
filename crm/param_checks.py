"""Parameter schemas compiled to plain Python checks: the accept fast path of parameter validation.

Every path and query parameter of openapi.yaml has a small schema (a `type`, and `enum`,
`pattern`, `format`, `minimum`/`maximum` or `minLength`/`maxLength`); the reference validator
(`generated.python.validator.ContractValidator`, jsonschema) spends about 15 µs on each, on
every request. `compile_check(schema)` turns such a schema into a predicate that answers the
same verdict in about a microsecond, or None when the schema uses anything else (then the
reference validator alone decides).

It is only an accept path: a value the predicate accepts is valid; a refused one goes to the
reference validator, which decides and names the error. Formats are checked by the reference
validator's own format checker (the same function, so the same verdict). The agreement tests
(tests/agreement/test_parameter_agreement.py) compare predicate and reference on generated and
mutated values for every parameter schema of the spec.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from generated.python.rules import is_storable_text, matches_pattern
from generated.python.validator import FORMAT_CHECKER

Check = Callable[[Any], bool]

# keywords with no effect on the verdict
_ANNOTATIONS = frozenset({"default", "description", "title", "examples", "deprecated"})
_KNOWN = _ANNOTATIONS | {
    *("type", "enum", "format", "pattern", "minimum", "maximum", "minLength", "maxLength"),
}


def _is_integer(value: Any) -> bool:
    # JSON Schema: an integer is any number with a zero fractional part; a bool is not a number
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


_TYPES: dict[str, Check] = {
    # the contracts' text rule (NUL, lone surrogates) holds for every string of every instance
    "string": lambda v: isinstance(v, str) and is_storable_text(v),
    "integer": _is_integer,
    "number": _is_number,
    "boolean": lambda v: isinstance(v, bool),
}


def compile_check(schema: Mapping[str, Any]) -> Check | None:
    """A predicate with the schema's verdict, or None when the schema is not a simple one."""
    kind = schema.get("type")
    if not set(schema) <= _KNOWN or not isinstance(kind, str) or kind not in _TYPES:
        return None
    checks: list[Check] = [_TYPES[kind]]
    if "enum" in schema:
        allowed = schema["enum"]
        if not all(isinstance(v, str) for v in allowed) or kind != "string":
            return None  # enum equality across types (1 == 1.0, True) is jsonschema's to judge
        members = frozenset(allowed)
        checks.append(lambda v: v in members)
    if "format" in schema:
        fmt = schema["format"]
        if fmt not in FORMAT_CHECKER.checkers:
            return None  # an unknown format is an annotation for the reference; keep it simple
        checks.append(lambda v: FORMAT_CHECKER.conforms(v, fmt))
    if "pattern" in schema:
        # the reference validator's own rule (ECMA-262 meaning: `$` only at the very end)
        pattern = schema["pattern"]
        checks.append(lambda v: not isinstance(v, str) or matches_pattern(v, pattern))
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None:
        checks.append(lambda v: not _is_number(v) or v >= low)
    if high is not None:
        checks.append(lambda v: not _is_number(v) or v <= high)
    shortest, longest = schema.get("minLength"), schema.get("maxLength")
    if shortest is not None:
        checks.append(lambda v: not isinstance(v, str) or len(v) >= shortest)
    if longest is not None:
        checks.append(lambda v: not isinstance(v, str) or len(v) <= longest)
    if len(checks) == 1:
        return checks[0]
    return lambda v: all(check(v) for check in checks)
