"""crm.uri_params resolves path and query parameters exactly as Connexion's own parser does.

For every operation of openapi.yaml, generated query strings (declared and undeclared names,
repeated names, values that convert and values that do not, percent-encoding, blank values)
and path values go through `ParameterPlan` and through Connexion's `OpenAPIURIParser` fed the
way `ConnexionRequest` feeds it (Starlette's QueryParams, `getlist` per name). The results must
be equal value for value and type for type (1, 1.0 and True are different answers).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from connexion.uri_parsing import OpenAPIURIParser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.datastructures import QueryParams

from crm.openapi31 import load_spec
from crm.uri_params import ParameterPlan

HTTP_METHODS = ("get", "put", "post", "delete", "patch")


def operations() -> list[tuple[str, list[dict[str, Any]]]]:
    """(operationId, parameters in Connexion's order: the operation's, then the path's)."""
    found = []
    for item in load_spec()["paths"].values():
        shared = item.get("parameters", [])
        for method in HTTP_METHODS:
            if method in item:
                operation = item[method]
                found.append(
                    (operation["operationId"], [*operation.get("parameters", []), *shared])
                )
    return found


OPERATIONS = operations()

# text a client may send for a value: numbers in Python's and JSON's spellings, booleans in
# any case, what int() and float() accept and JSON does not (" 5", "1_0", "nan", "٣")
VALUES = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            "5",
            " 5",
            "+5",
            "-1",
            "1_0",
            "5.0",
            "1e3",
            "nan",
            "inf",
            "-0",
            "٣",
            "25",
            "100",
            "true",
            "True",
            "TRUE",
            "false",
            "False",
            "yes",
            "1",
            "0",
            "null",
            "None",
            "new",
            "desc",
            "asc",
            "name",
            "2026-11-27",
            "2026-11-27T08:00:00Z",
            "018c14ef-ff50-7e5e-9362-da5cc13da58a",
            "a,b",
            "x y",
            "%",
            "&",
            "=",
            "é",
            "\x00",
        ]
    ),
    st.text(max_size=8),
)


def typed(value: Any) -> Any:
    """A value with its type made part of equality."""
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    if isinstance(value, float) and value != value:
        return ("float", "nan")
    return (type(value).__name__, value)


def typed_dict(values: dict[str, Any]) -> dict[str, Any]:
    return {k: typed(v) for k, v in values.items()}


def connexion_query(parameters: list[dict[str, Any]], query_string: bytes) -> dict[str, Any]:
    args = QueryParams(query_string)  # what ConnexionRequest.query_params reads
    parser = OpenAPIURIParser(parameters, {})
    return parser.resolve_query({k: args.getlist(k) for k in args})  # type: ignore[no-any-return]


def test_every_operation_of_the_spec_has_a_plan() -> None:
    assert len(OPERATIONS) > 50
    assert [op for op, params in OPERATIONS if ParameterPlan.of(params) is None] == []


@pytest.mark.parametrize(("operation_id", "parameters"), OPERATIONS, ids=[o for o, _ in OPERATIONS])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_query_strings_resolve_as_connexion_resolves_them(
    operation_id: str, parameters: list[dict[str, Any]], data: st.DataObject
) -> None:
    plan = ParameterPlan.of(parameters)
    assert plan is not None
    names = [p["name"] for p in parameters] or ["q"]
    name = st.one_of(st.sampled_from(names), st.sampled_from(["zz", "limit[x]", "a b"]))
    pairs = data.draw(st.lists(st.tuples(name, VALUES), max_size=6))
    encode = data.draw(st.booleans())
    parts = [
        f"{quote(k)}={quote(v)}" if encode else f"{k}={v}".replace("&", "%26").replace("#", "")
        for k, v in pairs
    ]
    if data.draw(st.booleans()):
        parts.append(data.draw(st.sampled_from(names)))  # a name without `=`
    query_string = "&".join(parts).encode("utf-8")
    assert typed_dict(plan.resolve_query(query_string)) == typed_dict(
        connexion_query(parameters, query_string)
    )


@pytest.mark.parametrize(("operation_id", "parameters"), OPERATIONS, ids=[o for o, _ in OPERATIONS])
@settings(max_examples=25, deadline=None)
@given(value=VALUES)
def test_path_values_resolve_as_connexion_resolves_them(
    operation_id: str, parameters: list[dict[str, Any]], value: str
) -> None:
    plan = ParameterPlan.of(parameters)
    assert plan is not None
    path_params = {p["name"]: value for p in parameters if p["in"] == "path"}
    path_params["undeclared"] = value  # a route parameter the operation does not declare
    expected = OpenAPIURIParser(parameters, {}).resolve_path(dict(path_params))
    assert typed_dict(plan.resolve_path(path_params)) == typed_dict(expected)


def test_a_name_shared_by_path_and_query_is_cast_as_connexion_casts_it() -> None:
    parameters = [
        {"name": "n", "in": "query", "schema": {"type": "integer"}},
        {"name": "n", "in": "path", "required": True, "schema": {"type": "string"}},
    ]
    plan = ParameterPlan.of(parameters)
    assert plan is not None
    expected = connexion_query(parameters, b"n=5")
    assert expected == {"n": "5"}  # the later (path) declaration wins in Connexion's parser
    assert typed_dict(plan.resolve_query(b"n=5")) == typed_dict(expected)


@pytest.mark.parametrize(
    "parameter",
    [
        {"name": "a", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
        {"name": "a", "in": "query", "style": "deepObject", "schema": {"type": "string"}},
        {"name": "a", "in": "query", "schema": {"type": "string", "nullable": True}},
        {"name": "a", "in": "header", "schema": {"type": "string"}},
        {"name": "a", "in": "query", "schema": {"type": ["string", "null"]}},
        {"name": "a", "in": "query", "schema": {"type": "object"}},
    ],
)
def test_what_the_plan_does_not_reproduce_is_left_to_connexion(parameter: dict[str, Any]) -> None:
    assert ParameterPlan.of([parameter]) is None
