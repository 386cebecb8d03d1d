"""The subset of JSON Schema every emitter translates exactly; anything else is an error.

Each rule names a trap seen in practice (docs/architecture.md, "Agreement is tested"):
type-less assertions that generators drop, optional-vs-nullable, regex dialects, integers that
JavaScript cannot hold, defaults that would leak into PATCH bodies. `lint_schema` walks one
schema node and returns every problem with its JSON pointer.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from codegen.applicators import (
    ANNOTATIONS as ANNOTATIONS,
)
from codegen.applicators import (
    JS_PROTOTYPE_NAMES as JS_PROTOTYPE_NAMES,
)
from codegen.applicators import (
    TYPE_KEYWORDS,
    colliding_name,
    is_anything,
    needs_split,
    split,
    sub_schemas,
    type_list,
)
from codegen.errors import ContractError, pointer_join
from codegen.formats import FORMATS, MAX_DOUBLE, MAX_SAFE_INTEGER, UNSTORABLE_TEXT
from codegen.literals import is_literal_node, listed_values, surviving_values
from codegen.patterns import engine_problem
from codegen.runtime import rules_module_name
from codegen.strings import enum_survivors

TYPES = ("object", "array", "string", "integer", "number", "boolean", "null")
ROOT_ONLY = frozenset({"$schema", "$id", "$defs"})
# The keywords of each type (codegen/applicators.py), a string's enum, and none for the rest.
KEYWORDS_BY_TYPE: dict[str, frozenset[str]] = {
    "string": TYPE_KEYWORDS["string"] | {"enum"},
    "integer": TYPE_KEYWORDS["number"],
    "number": TYPE_KEYWORDS["number"],
    "boolean": frozenset(),
    "null": frozenset(),
    "array": TYPE_KEYWORDS["array"],
    "object": TYPE_KEYWORDS["object"],
}
PROPERTY_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
PATTERN_ESCAPABLE = frozenset("\\.^$|?*+()[]{}/-")

Problem = tuple[str, str]  # (pointer, message)
ARRAY_ITEMS = "an array must declare its items"


def pattern_problem(pattern: str) -> str | None:
    """Why `pattern` is outside the portable regex subset, or None when it is inside.

    The subset reads the same in Python `re` (after `$` -> `\\Z`), pydantic-core's Rust
    `regex` and JavaScript with the `u` flag: literals, escaped punctuation, classes,
    groups, alternation, greedy quantifiers, `^` and `$`.
    """
    i, depth, n = 0, 0, len(pattern)
    can_quantify = False
    while i < n:
        ch = pattern[i]
        if ord(ch) < 0x20 or ch == "\x7f":
            return "control characters are not portable; escape them differently or avoid them"
        if ch == "\\":
            if i + 1 >= n or pattern[i + 1] not in PATTERN_ESCAPABLE:
                esc = pattern[i : i + 2]
                return (
                    f"escape {esc!r} is not portable (\\d, \\w, \\s and \\b mean different "
                    "things in Python, Rust and JavaScript; write a class such as [0-9])"
                )
            i, can_quantify = i + 2, True
            continue
        if ch == "[":
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            first = True
            while j < n and (pattern[j] != "]" or first):
                c = pattern[j]
                if c == "\\":
                    if j + 1 >= n or pattern[j + 1] not in PATTERN_ESCAPABLE:
                        return f"escape {pattern[j : j + 2]!r} inside a class is not portable"
                    j += 2
                elif c == "[":
                    return "'[' inside a class is read differently (nested sets); escape it"
                elif pattern.startswith(("&&", "--", "||", "~~"), j):
                    return "set operations inside a class are not portable"
                else:
                    j += 1
                first = False
            if j >= n:
                return "unterminated character class"
            i, can_quantify = j + 1, True
            continue
        if ch == "(":
            if pattern.startswith("(?", i) and not pattern.startswith("(?:", i):
                return "only (...) and (?:...) groups are portable (no lookaround, no flags)"
            depth += 1
            i += 3 if pattern.startswith("(?:", i) else 1
            can_quantify = False
            continue
        if ch == ")":
            depth -= 1
            if depth < 0:
                return "unbalanced ')'"
            i, can_quantify = i + 1, True
            continue
        if ch in "*+?":
            if not can_quantify:
                return f"quantifier {ch!r} has nothing to repeat"
            if i + 1 < n and pattern[i + 1] in "?+":
                return "lazy and possessive quantifiers are not portable"
            i, can_quantify = i + 1, False
            continue
        if ch == "{":
            m = re.match(r"\{([0-9]+)(,([0-9]*))?\}", pattern[i:])
            if m is None:
                return "a literal '{' must be escaped (JavaScript's u mode refuses it)"
            if not can_quantify:
                return "quantifier has nothing to repeat"
            if m[3] and int(m[3]) < int(m[1]):
                return "quantifier {n,m} with m < n"
            i += len(m[0])
            if i < n and pattern[i] in "?+":
                return "lazy and possessive quantifiers are not portable"
            can_quantify = False
            continue
        if ch in "}]":
            return f"a literal {ch!r} must be escaped (JavaScript's u mode refuses it)"
        if ch == ".":
            return (
                "'.' matches different line terminators in Python, Rust and JavaScript; use a class"
            )
        i += 1
        can_quantify = ch not in "^$|"
    if depth != 0:
        return "unbalanced '('"
    return None


def node_types(node: dict[str, Any]) -> tuple[str, bool]:
    """(the non-null type, nullable) of a typed node."""
    t = node["type"]
    if isinstance(t, str):
        return t, False
    rest = [x for x in t if x != "null"]
    return rest[0], True


def lint_schema(
    node: Any,
    pointer: str,
    *,
    ref_exists: Callable[[str], bool],
    is_valid: Callable[[Any, dict[str, Any]], bool],
    allowed_x: frozenset[str] = frozenset(),
    root: bool = False,
    policy: bool = True,
) -> Iterator[Problem]:
    """Every problem in one schema node and below.

    Two kinds of rule: what the emitters cannot translate exactly (always), and the
    contracts' house policy (`policy=True`): integers bounded to what JavaScript holds,
    snake_case property names, no accept-anything schemas. The conformance tests run the
    official suite with `policy=False`, so they measure the emitters, not the house style.
    """
    if not isinstance(node, dict):
        if policy or not isinstance(node, bool):
            yield pointer, "boolean schemas are not supported; write an object schema"
        return  # true / false: any JSON value / none (codegen/applicators.py)
    keys = set(node)
    x_keys = {k for k in keys if k.startswith("x-")}
    for k in sorted(x_keys - allowed_x):
        yield pointer_join(pointer, k), f"keyword {k!r} is not allowed here"
    keys -= x_keys
    if not root:
        for k in sorted(keys & ROOT_ONLY):
            yield pointer_join(pointer, k), f"{k!r} is only allowed at the top of a contract file"
    keys -= ROOT_ONLY

    if needs_split(node):
        yield from _lint_split(node, pointer, ref_exists, is_valid, root, policy)
        return
    if "$ref" in node:
        extra = keys - ANNOTATIONS - {"$ref"}
        for k in sorted(extra):
            yield (
                pointer_join(pointer, k),
                f"{k!r} beside $ref is not translated; only annotations may sit there",
            )
        if not ref_exists(node["$ref"]):
            yield pointer_join(pointer, "$ref"), f"unresolvable reference {node['$ref']!r}"
        yield from _lint_default(node, pointer, is_valid)
        return
    if "anyOf" in node:
        branches = node["anyOf"]
        ok = (
            isinstance(branches, list)
            and len(branches) == 2
            and isinstance(branches[0], dict)
            and set(branches[0]) == {"$ref"}
            and branches[1] == {"type": "null"}
        )
        if not ok:
            yield (
                pointer_join(pointer, "anyOf"),
                (
                    "the only anyOf translated is the nullable reference "
                    '{"anyOf": [{"$ref": "..."}, {"type": "null"}]}'
                ),
            )
            return
        for k in sorted(keys - ANNOTATIONS - {"anyOf"}):
            yield pointer_join(pointer, k), f"{k!r} beside anyOf is not translated"
        if not ref_exists(branches[0]["$ref"]):
            yield (
                pointer_join(pointer, "anyOf", 0, "$ref"),
                f"unresolvable reference {branches[0]['$ref']!r}",
            )
        yield from _lint_default(node, pointer, is_valid)
        return

    if is_literal_node(node):
        yield from _lint_literal(node, keys, pointer, ref_exists, is_valid, policy)
        return
    if "type" not in node:
        if root and keys <= ANNOTATIONS:
            return  # a $defs-only file
        assertions = sorted(keys - ANNOTATIONS)
        if assertions:
            # What splits into checks went to _lint_split: these keywords are not translated.
            yield pointer, f"keywords {assertions} are outside the translated subset"
        elif policy:
            yield pointer, "a schema that accepts anything is not allowed; declare a type"
        return
    t = node["type"]
    valid_type = (isinstance(t, str) and t in TYPES) or (
        isinstance(t, list)
        and len(t) == 2
        and "null" in t
        and all(isinstance(x, str) and x in TYPES for x in t)
        and t[0] != t[1]
    )
    if not valid_type:
        yield pointer_join(pointer, "type"), 'type must be one name or a pair [T, "null"]'
        return
    base, nullable = node_types(node)
    allowed = KEYWORDS_BY_TYPE[base] | ANNOTATIONS | {"type"}
    for k in sorted(keys - allowed):
        yield pointer_join(pointer, k), f"keyword {k!r} is not supported for type {base!r}"

    if base == "string":
        yield from _lint_string(node, pointer, nullable)
    elif base in ("integer", "number"):
        yield from _lint_number(node, pointer, base, policy)
    elif base == "array":
        if "items" not in node:
            if policy:
                yield pointer, ARRAY_ITEMS
        else:
            yield from lint_schema(
                node["items"],
                pointer_join(pointer, "items"),
                ref_exists=ref_exists,
                is_valid=is_valid,
                policy=policy,
            )
        yield from _lint_bounds(node, pointer, "minItems", "maxItems")
    elif base == "object":
        yield from _lint_object(node, pointer, ref_exists, is_valid, policy)
    yield from _lint_default(node, pointer, is_valid)


def _lint_split(
    node: dict[str, Any],
    pointer: str,
    ref_exists: Callable[[str], bool],
    is_valid: Callable[[Any, dict[str, Any]], bool],
    root: bool,
    policy: bool,
) -> Iterator[Problem]:
    """A node translated as a core and checks (codegen/applicators.py): each part linted."""
    shapes: dict[str, Callable[[Any], bool]] = {
        "allOf": lambda v: isinstance(v, list) and bool(v),
        "anyOf": lambda v: isinstance(v, list) and bool(v),
        "oneOf": lambda v: isinstance(v, list) and bool(v),
        "type": lambda v: (
            isinstance(v, str)
            or (
                isinstance(v, list)
                and bool(v)
                and len(set(map(str, v))) == len(v)
                and all(isinstance(x, str) and x in TYPES for x in v)
            )
        ),
        "prefixItems": lambda v: isinstance(v, list),
        "uniqueItems": lambda v: isinstance(v, bool),
        "additionalProperties": lambda v: isinstance(v, dict | bool),
        "patternProperties": lambda v: isinstance(v, dict),
        "dependentSchemas": lambda v: isinstance(v, dict),
    }
    bad = [k for k, ok in shapes.items() if k in node and not ok(node[k])]
    for k in bad:
        yield pointer_join(pointer, k), f"{k} has the wrong shape"
    if bad:
        return
    core, checks = split(node)
    if policy and type_list(node):
        yield pointer_join(pointer, "type"), 'type must be one name or a pair [T, "null"]'
        return
    for check in checks if policy else []:
        if check[0] == "props":
            # House policy too: contracts' property names are plain identifiers everywhere.
            for name, _sub, tokens in check[1]:
                yield (
                    pointer_join(pointer, *tokens),
                    f"property name {name!r} collides with a JavaScript, Python or Pydantic name",
                )
            return
    if policy and any(c[0] == "required" for c in checks):
        # House policy: a required name without a property is a typo in a contract.
        for i, name in enumerate(node["required"]):
            if name not in node.get("properties", {}):
                yield pointer_join(pointer, "required", i), f"required {name!r} is not a property"
        return
    if policy and any(c[0] == "when" for c in checks):
        assertions = sorted(set(node) - ANNOTATIONS - {"$ref", "allOf", "not", "anyOf", "oneOf"})
        yield (
            pointer,
            (
                f"assertions {assertions} without a 'type': generators drop them; "
                "declare the type they apply to"
            ),
        )
        return
    core = {k: v for k, v in core.items() if k not in ROOT_ONLY and not k.startswith("x-")}
    if not is_anything(core):
        for problem in lint_schema(
            core, pointer, ref_exists=ref_exists, is_valid=is_valid, root=root, policy=policy
        ):
            # `items` beside prefixItems went to the check, yet the array declares them.
            if not ("items" in node and problem[1] == ARRAY_ITEMS):
                yield problem
    for pattern in node.get("patternProperties", {}):
        why = pattern_problem(pattern) or engine_problem(pattern)
        if why is not None:
            where = pointer_join(pointer, "patternProperties", pattern)
            yield where, f"pattern outside the portable subset: {why}"
    for check in checks:
        for sub, tokens in sub_schemas(check):
            yield from lint_schema(
                sub,
                pointer_join(pointer, *tokens),
                ref_exists=ref_exists,
                is_valid=is_valid,
                policy=policy,
            )
    yield from _lint_default(node, pointer, is_valid)


def _lint_literal(
    node: dict[str, Any],
    keys: set[str],
    pointer: str,
    ref_exists: Callable[[str], bool],
    is_valid: Callable[[Any, dict[str, Any]], bool],
    policy: bool,
) -> Iterator[Problem]:
    """`const` or a non-string `enum`: a set of JSON values, narrowed by a scalar type."""
    rules: Any = sys.modules[rules_module_name()]
    where = pointer_join(pointer, "enum" if "enum" in node and "const" not in node else "const")
    if "enum" in node and (not isinstance(node["enum"], list) or not node["enum"]):
        yield pointer_join(pointer, "enum"), "enum must be a non-empty list"
        return
    for value in listed_values(node) if "const" not in node else [node["const"]]:
        if not _json_value(value):
            yield where, "values must be JSON with numbers a double holds"
            return
        if next(rules.unstorable_text_paths(value), None) is not None:
            yield where, f"values must not hold {UNSTORABLE_TEXT}"
            return
    rest = {k: v for k, v in node.items() if k not in ("const", "enum")}
    if "type" in rest:
        base = rest["type"][0] if isinstance(rest["type"], list) and rest["type"] else rest["type"]
        siblings = keys - ANNOTATIONS - {"const", "enum", "type"}
        if base in ("object", "array") and siblings:
            yield pointer, "beside const or enum only a type and a scalar type's keywords"
            return
        inner = list(
            lint_schema(rest, pointer, ref_exists=ref_exists, is_valid=is_valid, policy=policy)
        )
        if inner:
            yield from inner
            return
    else:
        for k in sorted(keys - ANNOTATIONS - {"const", "enum"}):
            yield pointer_join(pointer, k), f"{k!r} beside const or enum needs a 'type'"
            return
    if not surviving_values(node):
        yield where, "no listed value satisfies the other keywords: nothing is valid"
        return
    yield from _lint_default(node, pointer, is_valid)


def _json_value(value: Any) -> bool:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return True
    if isinstance(value, int | float):
        return -MAX_DOUBLE <= value <= MAX_DOUBLE
    if isinstance(value, list):
        return all(_json_value(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _json_value(v) for k, v in value.items())
    return False


def _lint_string(node: dict[str, Any], pointer: str, nullable: bool) -> Iterator[Problem]:
    if "format" in node and node["format"] not in FORMATS:
        yield (
            pointer_join(pointer, "format"),
            (f"format {node['format']!r} has no project rule; known: {', '.join(FORMATS)}"),
        )
    pattern_ok = True
    if "pattern" in node:
        why = (
            pattern_problem(node["pattern"]) if isinstance(node["pattern"], str) else "not a string"
        )
        if why:
            yield pointer_join(pointer, "pattern"), f"pattern outside the portable subset: {why}"
        elif (why := engine_problem(node["pattern"])) is not None:
            yield pointer_join(pointer, "pattern"), f"pattern refused: {why}"
        pattern_ok = why is None
    if "enum" in node:
        values = node["enum"]
        strings = [v for v in values if v is not None]
        if not values or not all(isinstance(v, str) for v in strings):
            yield pointer_join(pointer, "enum"), "enum values must be strings"
        elif None in values and not nullable:
            yield pointer_join(pointer, "enum"), 'null in enum needs type ["string", "null"]'
        elif len(set(strings)) != len(strings):
            yield pointer_join(pointer, "enum"), "enum values repeat"
        elif nullable and None not in values:
            yield (
                pointer_join(pointer, "enum"),
                ("a nullable enum must list null too (JSON Schema checks enum after type)"),
            )
        elif not all(sys.modules[rules_module_name()].is_storable_text(v) for v in strings):
            yield pointer_join(pointer, "enum"), f"enum values must not hold {UNSTORABLE_TEXT}"
        elif pattern_ok and not any(v is not None for v in enum_survivors(node)):
            yield (
                pointer_join(pointer, "enum"),
                "no enum value satisfies the string's other keywords: nothing is valid",
            )
    yield from _lint_bounds(node, pointer, "minLength", "maxLength")


def _lint_number(node: dict[str, Any], pointer: str, base: str, policy: bool) -> Iterator[Problem]:
    for k in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"):
        v = node.get(k)
        if k in node and (isinstance(v, bool) or not isinstance(v, int | float)):
            yield pointer_join(pointer, k), f"{k} must be a number"
        elif isinstance(v, int | float) and not -MAX_DOUBLE <= v <= MAX_DOUBLE:
            yield (
                pointer_join(pointer, k),
                f"{k} is beyond a double (±{MAX_DOUBLE!r}): no party can hold it",
            )
        elif k != "multipleOf" and isinstance(v, int | float) and abs(v) > MAX_SAFE_INTEGER:
            # Beyond 2^53 JavaScript reads an instance as the nearest double, which may sit on
            # the other side of such a bound than the number written; within, both agree.
            yield pointer_join(pointer, k), f"{k} must lie within ±(2^53 - 1)"
    if (
        "multipleOf" in node
        and isinstance(node["multipleOf"], int | float)
        and node["multipleOf"] <= 0
    ):
        yield pointer_join(pointer, "multipleOf"), "multipleOf must be greater than 0"
    if base == "integer" and policy:
        low = node.get("minimum", node.get("exclusiveMinimum"))
        high = node.get("maximum", node.get("exclusiveMaximum"))
        if (
            not isinstance(low, int | float)
            or not isinstance(high, int | float)
            or (low < -MAX_SAFE_INTEGER or high > MAX_SAFE_INTEGER)
        ):
            yield (
                pointer,
                (
                    "an integer needs a minimum and a maximum within ±(2^53 - 1): JavaScript "
                    "cannot hold larger integers exactly"
                ),
            )


def _count(v: Any) -> bool:
    """A non-negative integer; JSON Schema counts 2.0 as the integer 2 (the emitters do too)."""
    integral = (isinstance(v, int) and not isinstance(v, bool)) or (
        isinstance(v, float) and v.is_integer()
    )
    return integral and v >= 0


def _lint_bounds(node: dict[str, Any], pointer: str, low: str, high: str) -> Iterator[Problem]:
    for k in (low, high):
        v = node.get(k)
        if k in node and not _count(v):
            yield pointer_join(pointer, k), f"{k} must be a non-negative integer"
    lo, hi = node.get(low), node.get(high)
    if _count(lo) and _count(hi) and lo is not None and hi is not None and lo > hi:
        yield pointer, f"{low} is greater than {high}: nothing is valid"


def _lint_object(
    node: dict[str, Any],
    pointer: str,
    ref_exists: Callable[[str], bool],
    is_valid: Callable[[Any, dict[str, Any]], bool],
    policy: bool,
) -> Iterator[Problem]:
    props = node.get("properties", {})
    if not isinstance(props, dict):
        yield pointer_join(pointer, "properties"), "properties must be an object"
        return
    if node.get("additionalProperties", False) is not False:
        # A schema or true is split off as a check (codegen/applicators.py); nothing else is one.
        yield (
            pointer_join(pointer, "additionalProperties"),
            "additionalProperties must be a schema or a boolean",
        )
    required = node.get("required", [])
    if not isinstance(required, list) or len(set(required)) != len(required):
        yield pointer_join(pointer, "required"), "required must be a list of distinct names"
    else:
        for i, name in enumerate(required):
            if name not in props:
                yield pointer_join(pointer, "required", i), f"required {name!r} is not a property"
    if "minProperties" in node and not _count(node["minProperties"]):
        yield (
            pointer_join(pointer, "minProperties"),
            "minProperties must be a non-negative integer",
        )
    for name, sub in props.items():
        where = pointer_join(pointer, "properties", name)
        if policy and not PROPERTY_NAME.match(name):
            yield where, "property names are lower_snake_case identifiers"
        elif colliding_name(name):
            yield (
                where,
                f"property name {name!r} collides with a JavaScript, Python or Pydantic name",
            )
        yield from lint_schema(
            sub,
            where,
            ref_exists=ref_exists,
            is_valid=is_valid,
            allowed_x=frozenset({"x-references"}),
            policy=policy,
        )


def _lint_default(
    node: dict[str, Any], pointer: str, is_valid: Callable[[Any, dict[str, Any]], bool]
) -> Iterator[Problem]:
    if "default" in node and not is_valid(node["default"], node):
        yield pointer_join(pointer, "default"), "the default is not valid for its own schema"


def errors_for(file: str, problems: Iterator[Problem]) -> list[ContractError]:
    return [ContractError(file, p, m) for p, m in problems]
