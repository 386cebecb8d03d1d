"""`x-resource.parent-count` as JSON Schema, for the request bodies of openapi.yaml.

A record hangs off at most one parent (`exactly-one`: exactly one), so whose records it
follows is never ambiguous. The rule is about the body as a whole, so it is stated beside
the Create and Update variants in the spec, as `allOf` entries Connexion enforces (a 400
naming the fields) and Schemathesis reads (it never sends such a body as valid data):

- at most one parent set: per pair of parent fields, `not` both set (set = a string; null
  and absent are unset), so a refusal names the two fields;
- exactly one (Create only): also `anyOf` one of them set.

An update is checked against the stored record too (crm/scope.py): adding a second parent or
clearing the only one is a conflict with the record's state, which no schema can see.
"""

from __future__ import annotations

from itertools import combinations

from codegen.model import Resource, Schema

SET: Schema = {"type": "string"}  # a parent field is a uuid or null


def body_rules(resource: Resource, *, create: bool) -> list[Schema]:
    """The allOf entries of the Create (`create`) or Update body; [] when there is no rule."""
    fields = [f.name for f in resource.parents]
    exactly = resource.parent_count == "exactly-one"
    rules: list[Schema] = [
        {"not": {"required": [a, b], "properties": {a: SET, b: SET}}}
        for a, b in combinations(fields, 2)
    ]
    if exactly and create and fields:
        rules.append({"anyOf": [{"required": [f], "properties": {f: SET}} for f in fields]})
    return rules


def description(resource: Resource) -> str:
    """The rule in a sentence, for the operation's description."""
    fields = [f.name for f in resource.parents]
    if len(fields) < 2 and resource.parent_count != "exactly-one":
        return ""
    need = "exactly one" if resource.parent_count == "exactly-one" else "at most one"
    return f"The body sets {need} of {', '.join(fields)} (400 otherwise)."
