"""`const`, and `enum` beyond the string enum: a node that accepts a finite set of JSON values.

Such a node means "one of these values, JSON-equal" (1 equals 1.0, never true; objects equal
key by key in any order). Whatever sits beside it (`type`, a scalar type's keywords) can only
narrow that set, so it is decided here, once, with the project's validator: both emitters get
the surviving values and test membership with the same JSON equality (rules.py `is_one_of`,
rules.ts `isOneOf`). The string enum beside `type: "string"` keeps its own translation (an
enum class in Python, `z.enum` in Zod): codegen/strings.py.
"""

from __future__ import annotations

import sys
from typing import Any

from codegen.runtime import contract_validator, rules_module_name

KEYWORDS = ("const", "enum")


def is_literal_node(node: Any) -> bool:
    if not isinstance(node, dict) or ("const" not in node and "enum" not in node):
        return False
    if "const" in node:
        return True
    t = node.get("type")
    return not (t == "string" or (isinstance(t, list) and "string" in t))


def listed_values(node: dict[str, Any]) -> list[Any]:
    """The values the node lists: `const`, `enum`, or the `const` only if `enum` has it too."""
    rules: Any = sys.modules[rules_module_name()]
    if "const" in node and "enum" in node:
        enum = node["enum"] if isinstance(node["enum"], list) else []
        return [node["const"]] if any(rules.json_equal(node["const"], v) for v in enum) else []
    if "const" in node:
        return [node["const"]]
    return list(node["enum"]) if isinstance(node["enum"], list) else []


def surviving_values(node: dict[str, Any]) -> list[Any]:
    """The distinct listed values the node's other keywords accept."""
    rules: Any = sys.modules[rules_module_name()]
    rest = {k: v for k, v in node.items() if k not in ("const", "enum", "default")}
    validator = contract_validator()(rest)
    out: list[Any] = []
    for value in listed_values(node):
        if not any(rules.json_equal(value, v) for v in out) and validator.is_valid(value):
            out.append(value)
    return out
