"""List requests as the API builds them, for the benchmark's own use of the statement builders.

`crm.listing.ListRequest.parse` takes a handler's keyword arguments after Connexion filled in
the spec's defaults (limit, offset, sort_by, sort_order). The baseline and `explain_statements`
call it without Connexion, so they take the same defaults from openapi.yaml here: the spec
stays the one place that says them, and a changed default changes the baseline's SQL too.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from crm.listing import ListRequest
from crm.openapi31 import load_spec
from generated.python.resources import ResourceInfo


@cache
def query_defaults(path: str) -> dict[str, Any]:
    """The `default` of each query parameter of `GET <path>` (path as in openapi.yaml)."""
    operation = load_spec()["paths"][path]["get"]
    defaults: dict[str, Any] = {}
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        if parameter.get("in") == "query" and "default" in schema:
            defaults[parameter["name"]] = schema["default"]
    return defaults


def list_request(resource: ResourceInfo, path: str, **params: Any) -> ListRequest:
    """`ListRequest.parse` of `params` over the spec's defaults of `GET <path>`."""
    return ListRequest.parse(resource, {**query_defaults(path), **params})
