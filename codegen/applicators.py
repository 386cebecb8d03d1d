"""Keywords translated as checks beside a core schema: one split, read by lint and emitters.

A node using `allOf`, `not`, `$ref` with sibling keywords, `uniqueItems`, `prefixItems`,
`additionalProperties` with a schema, or assertions without a `type` is split into a *core*
(the node without them, which the emitters translate as before) and a list of *checks*, each a
verdict the value must also pass. Every check is exact by construction: it combines verdicts of
sub-schemas that are themselves translated exactly, and tests JSON values as JSON Schema does.

| keyword | check |
|---|---|
| `allOf: [A, B]` | ("all", A), ("all", B) |
| `not: A` | ("not", A) |
| `anyOf` / `oneOf: [A, B]` | ("any" / "one", [A, B]): at least / exactly one passes |
| `type: [T, U, ...]` beyond the pair [T, "null"] | ("type", [T, U, ...]); T's keywords as below |
| `required` names without a property | ("required", [names]): own keys present |
| a property named `__proto__`, `class`, `copy`, ... | ("props", [(name, S)]): own key vs S |
| `$ref: R` beside other keywords | ("all", {"$ref": R}); the siblings stay in the core |
| `uniqueItems: true` | ("unique",): no two items JSON-equal (1 == 1.0, never true) |
| `prefixItems: [A, B]`, `items: C` | ("prefix", [A, B], C or None): item i against A, B, then C |
| `additionalProperties: S` | ("extra", [names], [patterns], S): every other key's value vs S |
| `patternProperties: {p: S}` | ("patterns", [(p, S)]): a key matching p (search) has a value vs S |
| `propertyNames: S` | ("names", S): every key against S |
| `dependentSchemas: {k: S}` | ("dependent", [(k, S)]): with key k present, the object vs S |
| `if: I`, `then: T`, `else: E` | ("if", I, T, E): I passes -> T, else E (either may be None) |
| assertions of type T without `type` | ("when", T, {"type": T, ...}): a value of type T passes it |

The last row is JSON Schema's own reading: `{"maxLength": 2}` says nothing about a number.
Integer and number share their keywords and are judged as "number".
Boolean schemas are the core `true` (any JSON value) and `false` (none).
"""

from __future__ import annotations

import keyword
from typing import Any

ANNOTATIONS = frozenset(
    {
        "title",
        "description",
        "default",
        "examples",
        "readOnly",
        "writeOnly",
        "deprecated",
        "$comment",
    }
)
# Names that break one of the targets: JavaScript looks them up through Object.prototype
# (so `required: ["constructor"]` passes on `{}`), Python cannot use keywords as attributes,
# and Pydantic reserves its own attribute names.
JS_PROTOTYPE_NAMES = frozenset(
    {
        "__proto__",
        "constructor",
        "hasOwnProperty",
        "isPrototypeOf",
        "propertyIsEnumerable",
        "toLocaleString",
        "toString",
        "valueOf",
        "__defineGetter__",
        "__defineSetter__",
        "__lookupGetter__",
        "__lookupSetter__",
    }
)
PYDANTIC_NAMES = frozenset(
    {"copy", "dict", "json", "schema", "schema_json", "validate", "construct", "fields"}
)


def colliding_name(name: str) -> bool:
    """A property name one of the targets cannot use as a field (checked on own keys instead)."""
    return (
        name in JS_PROTOTYPE_NAMES
        or keyword.iskeyword(name)
        or name in PYDANTIC_NAMES
        or name.startswith("model_")
    )


# Keywords judged per JSON type ("integer" and "number" share theirs).
TYPE_KEYWORDS: dict[str, frozenset[str]] = {
    "string": frozenset({"minLength", "maxLength", "pattern", "format"}),
    "number": frozenset(
        {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}
    ),
    "array": frozenset({"items", "minItems", "maxItems", "uniqueItems", "prefixItems"}),
    "object": frozenset(
        {
            "properties",
            "required",
            "additionalProperties",
            "minProperties",
            "patternProperties",
            "propertyNames",
            "dependentSchemas",
        }
    ),
}
SPLIT = frozenset(
    {
        "allOf",
        "not",
        "uniqueItems",
        "prefixItems",
        "oneOf",
        "patternProperties",
        "propertyNames",
        "dependentSchemas",
        "if",
        "then",
        "else",
    }
)
# What this module adds to the translated subset, by suite file name (tests/conformance).
KEYWORDS = ("allOf", "not", "uniqueItems", "prefixItems", "boolean_schema")
JSON_TYPES = ("object", "array", "string", "integer", "number", "boolean", "null")

Check = tuple[Any, ...]  # (kind, ...), each sub-schema followed by its pointer tokens


def _literal(node: dict[str, Any]) -> bool:
    if "const" in node:
        return True
    t = node.get("type")
    return "enum" in node and not (t == "string" or (isinstance(t, list) and "string" in t))


def nullable_ref(node: dict[str, Any]) -> bool:
    """The one anyOf the emitters translate natively: {"anyOf": [{"$ref": R}, {"type": "null"}]}."""
    branches = node.get("anyOf")
    return (
        isinstance(branches, list)
        and len(branches) == 2
        and isinstance(branches[0], dict)
        and set(branches[0]) == {"$ref"}
        and branches[1] == {"type": "null"}
        and not (set(node) - ANNOTATIONS - {"anyOf"})
    )


def type_list(node: dict[str, Any]) -> bool:
    """A `type` list other than one type or the pair [T, "null"]."""
    t = node.get("type")
    if not isinstance(t, list):
        return False
    pair = len(t) == 2 and "null" in t and t[0] != t[1]
    return not pair


def _colliding(node: dict[str, Any]) -> bool:
    props = node.get("properties")
    return isinstance(props, dict) and any(colliding_name(k) for k in props)


def _undeclared_required(node: dict[str, Any]) -> bool:
    required, props = node.get("required"), node.get("properties", {})
    return (
        isinstance(required, list)
        and isinstance(props, dict)
        and any(isinstance(k, str) and k not in props for k in required)
    )


def needs_split(node: Any) -> bool:
    """Does the node hold a keyword translated as a check (the table above)?"""
    if not isinstance(node, dict) or _literal(node) or nullable_ref(node):
        return False
    keys = set(node) - ANNOTATIONS
    if keys & SPLIT or "anyOf" in keys or type_list(node) or _undeclared_required(node):
        return True
    if "type" in node and _colliding(node):
        return True
    if "$ref" in node:
        return bool(keys - {"$ref", "$schema", "$id", "$defs"})
    if (
        isinstance(node.get("additionalProperties"), dict | bool)
        and node.get("additionalProperties") is not False
    ):
        return True
    return "type" not in node and bool(keys & frozenset().union(*TYPE_KEYWORDS.values()))


def split(node: dict[str, Any]) -> tuple[dict[str, Any], list[Check]]:
    """(core, checks) of a node for which `needs_split` holds."""
    core = dict(node)
    checks: list[Check] = []
    if "$ref" in core:
        checks.append(("all", {"$ref": core.pop("$ref")}, ()))  # linted in place
    for i, branch in enumerate(core.pop("allOf", [])):
        checks.append(("all", branch, ("allOf", i)))
    if "not" in core:
        checks.append(("not", core.pop("not"), ("not",)))
    for key, kind in (("anyOf", "any"), ("oneOf", "one")):
        if key in core:
            checks.append((kind, [(b, (key, i)) for i, b in enumerate(core.pop(key))]))
    if "if" in core:
        then, otherwise = core.pop("then", None), core.pop("else", None)
        checks.append(
            (
                "if",
                (core.pop("if"), ("if",)),
                None if then is None else (then, ("then",)),
                None if otherwise is None else (otherwise, ("else",)),
            )
        )
    core.pop("then", None)  # without `if`, then and else assert nothing
    core.pop("else", None)
    if type_list(core):
        checks.append(("type", list(core.pop("type"))))
    if "type" in core and _colliding(core):
        props = dict(core["properties"])
        moved = [(k, props.pop(k), ("properties", k)) for k in list(props) if colliding_name(k)]
        if core.get("additionalProperties") is False:
            # Closed over every declared name, the moved ones included.
            names = sorted(core["properties"])
            patterns = sorted(core.get("patternProperties", {}))
            checks.append(("extra", names, patterns, False, ("additionalProperties",)))
            del core["additionalProperties"]
        core["properties"] = props
        checks.append(("props", moved))
    if _undeclared_required(core):
        props = core.get("properties", {})
        names = [k for k in core["required"] if k not in props]
        core["required"] = [k for k in core["required"] if k in props]
        checks.append(("required", names))
    typed = "type" in core
    if not typed:
        for t, keywords in TYPE_KEYWORDS.items():
            group = {k: core.pop(k) for k in sorted(keywords & set(core))}
            if group:
                # Checked as a typed node of its own, which may split again (uniqueItems, ...).
                checks.append(("when", t, {"type": t, **group}, ()))
        return core, checks
    if core.pop("uniqueItems", False) is True:
        checks.append(("unique",))
    if "prefixItems" in core:
        prefix = core.pop("prefixItems")
        rest = core.pop("items", None)
        checks.append(
            (
                "prefix",
                [(p, ("prefixItems", i)) for i, p in enumerate(prefix)],
                None if rest is None else (rest, ("items",)),
            )
        )
    patterns = core.pop("patternProperties", {})
    if patterns:
        checks.append(
            ("patterns", [(p, sub, ("patternProperties", p)) for p, sub in patterns.items()])
        )
    extra = core.get("additionalProperties", False)
    if "additionalProperties" in core and (extra is not False or patterns):
        del core["additionalProperties"]
        if extra is not True:
            names = sorted(core.get("properties", {}))
            checks.append(("extra", names, sorted(patterns), extra, ("additionalProperties",)))
    if "propertyNames" in core:
        checks.append(("names", core.pop("propertyNames"), ("propertyNames",)))
    dependent = core.pop("dependentSchemas", {})
    if dependent:
        checks.append(
            ("dependent", [(k, sub, ("dependentSchemas", k)) for k, sub in dependent.items()])
        )
    return core, checks


def is_anything(core: dict[str, Any]) -> bool:
    """A core with nothing left to assert: any JSON value."""
    return not (set(core) - ANNOTATIONS - {"$schema", "$id", "$defs"})


def sub_schemas(check: Check) -> list[tuple[Any, tuple[Any, ...]]]:
    """Every (sub-schema, pointer tokens) a check judges with."""
    kind = check[0]
    if kind in ("all", "not"):
        return [(check[1], check[2])]
    if kind == "when":
        return [(check[2], check[3])]
    if kind in ("any", "one"):
        return list(check[1])
    if kind in ("patterns", "dependent", "props"):
        return [(sub, tokens) for _k, sub, tokens in check[1]]
    if kind == "names":
        return [(check[1], check[2])]
    if kind == "if":
        return [c for c in check[1:] if c is not None]
    if kind == "prefix":
        return [*check[1], *([check[2]] if check[2] is not None else [])]
    if kind == "extra":
        return [(check[3], check[4])]
    return []
