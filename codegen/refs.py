"""A standalone JSON Schema document -> the emitters' bundle, references resolved at codegen time.

The emitters read one form of reference, `#/$defs/<Name>` into a flat bundle. Contract files
are brought to it by load.py; a standalone document (the official test suite's, with `$id`
base URIs, URNs, `$anchor`s, JSON pointers into any part of itself, escaped and
percent-encoded tokens) is brought to it here: each reference is resolved the way JSON Schema
resolves it (RFC 3986 against the nearest `$id`), its target becomes a named def of its own
(the document's root keeps the document's name), and `$id`, `$anchor` and `$defs` go, as
they assert nothing. A reference that leaves the document (a remote URL) stays as written,
for the lint to refuse.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urldefrag, urljoin

# Keywords whose value is a schema, a list of schemas, or a map of names to schemas.
ONE = frozenset(
    {
        "items",
        "not",
        "additionalProperties",
        "contains",
        "if",
        "then",
        "else",
        "propertyNames",
        "unevaluatedItems",
        "unevaluatedProperties",
        "contentSchema",
    }
)
MANY = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
NAMED = frozenset({"properties", "patternProperties", "$defs", "dependentSchemas"})
DROPPED = frozenset({"$id", "$anchor", "$defs", "$schema"})
DEFAULT_BASE = "https://codegen.invalid/document"


def _children(node: dict[str, Any]) -> list[tuple[str | int, ...]]:
    """Pointer tokens of every sub-schema directly under `node`."""
    out: list[tuple[str | int, ...]] = []
    for k, v in node.items():
        if k in ONE:
            out.append((k,))
        elif k in MANY and isinstance(v, list):
            out.extend((k, i) for i in range(len(v)))
        elif k in NAMED and isinstance(v, dict):
            out.extend((k, name) for name in v)
    return out


def _at(node: Any, tokens: tuple[str | int, ...]) -> Any:
    for t in tokens:
        node = node[t]
    return node


def bundle_document(document: Any, name: str) -> dict[str, Any]:
    """{name: the document, other names: each referenced sub-schema}, references as #/$defs/X."""
    resources: dict[str, Any] = {}  # absolute URI (no fragment) or URI#anchor -> node
    bases: dict[int, str] = {}  # id(node) -> its base URI

    def index(node: Any, base: str) -> None:
        if not isinstance(node, dict):
            return
        if isinstance(node.get("$id"), str):
            base = urldefrag(urljoin(base, node["$id"])).url
            resources.setdefault(base, node)
        if isinstance(node.get("$anchor"), str):
            resources.setdefault(f"{base}#{node['$anchor']}", node)
        bases[id(node)] = base
        for tokens in _children(node):
            index(_at(node, tokens), base)

    index(document, DEFAULT_BASE)
    resources.setdefault(DEFAULT_BASE, document)
    names: dict[int, str] = {id(document): name}
    out: dict[str, Any] = {}
    todo = [document]

    def target(ref: str, base: str) -> Any:
        # urljoin leaves a fragment-only reference alone under a URN base: join it by hand.
        uri, fragment = urldefrag(base + ref if ref.startswith("#") else urljoin(base, ref))
        if uri not in resources:
            return None
        if fragment and not fragment.startswith("/"):
            return resources.get(f"{uri}#{fragment}")
        node: Any = resources[uri]
        for raw in fragment.split("/")[1:] if fragment else []:
            token = unquote(raw).replace("~1", "/").replace("~0", "~")
            if isinstance(node, list) and token.isdigit() and int(token) < len(node):
                node = node[int(token)]
            elif isinstance(node, dict) and token in node:
                node = node[token]
            else:
                return None
        return node

    def resolve(ref: str, base: str) -> str:
        found = target(ref, base)
        if not isinstance(found, dict | bool):
            return ref  # outside the document: the lint refuses it
        if id(found) not in names:
            names[id(found)] = f"{name}R{len(names)}"
            todo.append(found)
        return f"#/$defs/{names[id(found)]}"

    def convert(node: Any, base: str) -> Any:
        if not isinstance(node, dict):
            return node
        base = bases.get(id(node), base)
        copy: dict[str, Any] = {}
        for k, v in node.items():
            if k in DROPPED:
                continue
            if k == "$ref" and isinstance(v, str):
                copy[k] = resolve(v, base)
            elif k in ONE:
                copy[k] = convert(v, base)
            elif k in MANY and isinstance(v, list):
                copy[k] = [convert(x, base) for x in v]
            elif k in NAMED and isinstance(v, dict):
                copy[k] = {n: convert(x, base) for n, x in v.items()}
            else:
                copy[k] = v
        return copy

    while todo:
        node = todo.pop()
        out[names[id(node)]] = convert(node, bases.get(id(node), DEFAULT_BASE))
    return out
