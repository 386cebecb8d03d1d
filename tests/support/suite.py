"""The official JSON-Schema-Test-Suite (draft 2020-12) run through our emitters.

For each keyword the contracts use, every test group of the suite's file for that keyword
is either *refused* by the codegen lint (the construct is outside the subset we translate
exactly; the lint's message is the reason) or compiled by the real emitters and checked
against the suite's expected verdict on every case.

Type-less groups are run as "typed variants" (docs/architecture.md): the keyword's
natural type is added at the root, because a contract always declares one. Adding a type is
a conjunction, so the expected verdict becomes `suite verdict AND the instance has that type`.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codegen import patterns
from codegen.lint import ANNOTATIONS, KEYWORDS_BY_TYPE, lint_schema
from codegen.refs import bundle_document
from codegen.runtime import contract_validator

# A vendored subset of the official suite (its README says which files and from where).
SUITE = Path(__file__).resolve().parents[1] / "data" / "jsonschema-test-suite" / "draft2020-12"
NOT_ASSERTIONS = ANNOTATIONS | {"$schema", "$defs", "$ref", "anyOf", "$id"}


@dataclass
class Group:
    file: str
    description: str
    schema: Any
    tests: list[dict[str, Any]]
    name: str = ""
    compiled: dict[str, Any] = field(default_factory=dict)  # bundle defs for this group
    added_type: str | None = None
    refused: str | None = None


def keywords_used(defs: dict[str, Any]) -> set[str]:
    """Every JSON Schema keyword appearing anywhere in the contracts' bundle."""
    found: set[str] = set()

    def walk(node: Any, in_props: bool = False) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if not in_props:
                    found.add(k)
                walk(v, in_props=(k in ("properties", "$defs") and not in_props))
        elif isinstance(node, list):
            for x in node:
                walk(x)

    for schema in defs.values():
        walk(schema)
    found.add("$defs")
    return found


def suite_files_for(keywords: set[str], formats_used: set[str]) -> list[Path]:
    """The suite file of every keyword used, plus optional/format/<f>.json per format used."""
    stems = {k.lstrip("$") for k in keywords}
    main = sorted(p for p in SUITE.glob("*.json") if p.stem in stems)
    fmt = sorted(SUITE / "optional" / "format" / f"{f}.json" for f in formats_used)
    return main + [p for p in fmt if p.exists()]


def formats_used(defs: dict[str, Any]) -> set[str]:
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("format"), str):
                found.add(node["format"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for x in node:
                walk(x)

    walk(defs)
    return found


# The project asserts formats (format-assertion on, one rule per format: codegen/formats.py).
# format.json's "... is only an annotation by default" cases test the opposite vocabulary
# choice, so they do not apply; the optional/format files test the assertion instead.
NOT_APPLICABLE = "only an annotation by default"

# Reviewed dialect decisions: where the project's one rule deliberately differs from the
# suite's RFC reading. Each entry: (suite file, instance) -> why. The test requires the
# deviations to be exactly these, so a rule change that adds or removes one shows up.
DIALECT_DEVIATIONS: dict[tuple[str, str], str] = {
    ("optional/format/email.json", '"joe bloggs"@example.com'): "no quoted local parts",
    ("optional/format/email.json", '"joe..bloggs"@example.com'): "no quoted local parts",
    ("optional/format/email.json", '"joe@bloggs"@example.com'): "no quoted local parts",
    ("optional/format/email.json", "joe.bloggs@[127.0.0.1]"): "no address literals",
    ("optional/format/email.json", "joe.bloggs@[IPv6:::1]"): "no address literals",
    ("optional/format/date-time.json", "1998-12-31T23:59:60Z"): "no leap seconds",
    ("optional/format/date-time.json", "1998-12-31T15:59:60.123-08:00"): "no leap seconds",
    # The contract-wide rule: no string holds NUL, which PostgreSQL text cannot store.
    ("optional/format/json-pointer.json", "/foo\x00bar\n\tbaz"): "no NUL in any string",
    # time refuses :60 for the date-time reason: no Python time / JavaScript Date holds it.
    **{
        ("optional/format/time.json", t): "no leap seconds"
        for t in (
            "23:59:60Z",
            "23:59:60+00:00",
            "01:29:60+01:30",
            "23:29:60+23:30",
            "15:59:60-08:00",
            "00:29:60-23:30",
        )
    },
}


def json_type_matches(value: Any, t: str) -> bool:
    if t == "string":
        return isinstance(value, str)
    if t == "boolean":
        return isinstance(value, bool)
    if t == "integer":
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and value.is_integer()
        )
    if t == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if t == "object":
        return isinstance(value, dict)
    if t == "array":
        return isinstance(value, list)
    return value is None


def natural_type(schema: dict[str, Any]) -> str | None:
    """The one type whose keywords cover every assertion in a type-less schema, if any."""
    assertions = set(schema) - NOT_ASSERTIONS
    if not assertions:
        return None
    if assertions <= {"enum", "const"}:
        return None  # a set of values: translated as it is, no type needed
    for t in ("string", "number", "array", "object"):
        if assertions <= KEYWORDS_BY_TYPE[t]:
            return t
    return None


def prepare(group: Group, index: int) -> None:
    """Fill in group.name / compiled / added_type, or group.refused with the lint's reason."""
    group.name = f"Case{index}"
    schema = group.schema
    if isinstance(schema, bool):
        group.compiled = {group.name: schema}  # true / false: every emitter translates both
        return
    # References resolved at codegen time into named defs (codegen/refs.py). The type of a
    # typed variant is added at the top only: a reference to the root (`#`) still means the
    # suite's own schema, kept as <name>Root.
    root = f"{group.name}Root"
    defs = bundle_document(copy.deepcopy(schema), root)
    schema = defs[root]
    t = None
    if isinstance(schema, dict) and not {"type", "$ref", "anyOf"} & set(schema):
        t = natural_type(schema)
    if t is not None:
        schema = {"type": t, **schema}
        group.added_type = t
    if f'"#/$defs/{root}"' not in json.dumps(defs):
        del defs[root]
    names = set(defs) | {group.name}
    validator_cls = contract_validator()
    bundle = {**defs, group.name: schema}

    def is_valid(value: Any, node: dict[str, Any]) -> bool:
        s = {k: v for k, v in node.items() if k != "default"}
        return bool(validator_cls({**s, "$defs": bundle}).is_valid(value))

    problems = []
    for name, node in bundle.items():
        problems += list(
            lint_schema(
                node,
                f"/{name}",
                ref_exists=lambda r: r.startswith("#/$defs/") and r[8:] in names,
                is_valid=is_valid,
                policy=False,
            )
        )
    if problems:
        pointer, message = problems[0]
        group.refused = f"{pointer}: {message}"
        return
    group.compiled = bundle


def expected(group: Group, test: dict[str, Any]) -> bool:
    valid = bool(test["valid"])
    if isinstance(test["data"], str) and (group.file, test["data"]) in DIALECT_DEVIATIONS:
        valid = not valid
    if group.added_type is not None:
        valid = valid and json_type_matches(test["data"], group.added_type)
    return valid


def load_groups(paths: list[Path]) -> list[Group]:
    groups: list[Group] = []
    for path in paths:
        rel = path.relative_to(SUITE).as_posix()
        for g in json.loads(path.read_text()):
            tests = [t for t in g["tests"] if NOT_APPLICABLE not in t["description"]]
            groups.append(Group(rel, g["description"], g["schema"], tests))
    patterns.prime(patterns.patterns_in([g.schema for g in groups]))
    for i, g in enumerate(groups):
        prepare(g, i)
    return groups
