"""What a string enum means beside the string's other keywords, decided once for every emitter.

JSON Schema applies `minLength`, `maxLength`, `pattern` and `format` to an enum's values too, so
`{"enum": ["a", "bb"], "maxLength": 1}` accepts only "a". Pydantic's enum classes and Zod's
`z.enum` carry values only: both emitters take the values that survive the other keywords
(judged by the project's own rules) and drop those keywords, which then say nothing more.
"""

from __future__ import annotations

import sys
from typing import Any

from codegen.runtime import rules_module_name

STRING_KEYWORDS = ("minLength", "maxLength", "pattern", "format")


def enum_survivors(node: dict[str, Any]) -> list[str | None]:
    """The enum's distinct values the node's other string keywords accept; null as listed."""
    rules = sys.modules[rules_module_name()]
    kept: list[str | None] = []
    for v in node["enum"]:
        if v in kept:
            continue
        if isinstance(v, str) and not (
            ("minLength" not in node or len(v) >= node["minLength"])
            and ("maxLength" not in node or len(v) <= node["maxLength"])
            and ("pattern" not in node or rules.matches_pattern(v, node["pattern"]))
            and ("format" not in node or rules.FORMAT_CHECKS[node["format"]](v))
        ):
            continue
        kept.append(v)
    return kept


def without_string_keywords(node: dict[str, Any]) -> dict[str, Any]:
    """An enum node with only its surviving values and no keywords that would restate them."""
    out = {k: v for k, v in node.items() if k not in STRING_KEYWORDS}
    out["enum"] = enum_survivors(node)
    return out
