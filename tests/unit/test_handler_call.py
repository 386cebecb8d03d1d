"""crm.operations.HandlerCall passes each handler what Connexion's parameter decorator passes.

For every operation of openapi.yaml, bound to its real handler (so each handler's own
signature: named parameters, `**params`, context names), generated requests (query strings
with and without each parameter, repeated names, values equal to the defaults, path values,
JSON bodies including null and empty ones) are turned into keyword arguments twice: by
`HandlerCall.kwargs`, from what the validators resolved, and by Connexion's own
`AsyncParameterDecorator` over a fresh `ConnexionRequest` of the same scope. Both must be equal
value for value and type for type, and the context entries must be the very same objects.
"""

from __future__ import annotations

import asyncio
import functools
import uuid
from typing import Any
from urllib.parse import quote

import pytest
from connexion.context import _context, _operation, _receive, _scope
from connexion.decorators.parameter import AsyncParameterDecorator
from connexion.frameworks.starlette import Starlette as StarletteFramework
from connexion.lifecycle import ConnexionRequest
from connexion.operations import OpenAPIOperation
from connexion.resolver import Resolver
from connexion.spec import Specification
from connexion.uri_parsing import OpenAPIURIParser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from starlette.datastructures import QueryParams

from crm.openapi31 import PARSED_BODY, PARSED_PARAMS, enable_openapi31, load_spec
from crm.operations import HandlerCall
from crm.resolver import find_handler

HTTP_METHODS = ("get", "put", "post", "delete", "patch")


def connexion_operations() -> list[OpenAPIOperation]:
    enable_openapi31()
    spec = Specification.from_dict(load_spec())
    resolver = Resolver(function_resolver=find_handler)
    return [
        OpenAPIOperation.from_spec(spec, path=path, method=method, resolver=resolver)
        for path, item in spec["paths"].items()
        for method in HTTP_METHODS
        if method in item
    ]


OPERATIONS = connexion_operations()

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)


def typed(value: Any) -> Any:
    if isinstance(value, dict):
        return ("dict", {k: typed(v) for k, v in value.items()})
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    if isinstance(value, (str, int, float, bool)) or value is None:
        return (type(value).__name__, value)
    return ("object", id(value))  # context entries: the very same object


def outcome(compute: Any) -> tuple[str, Any]:
    try:
        return ("kwargs", typed(compute()))
    except (ValueError, TypeError) as exc:
        return ("raises", type(exc).__name__)


def query_value(parameter: dict[str, Any], draw: Any) -> str:
    schema = parameter["schema"]
    choices = ["5", "x", "true", "false", "0", "25", "new"]
    if "default" in schema:
        choices.append(str(schema["default"]).lower())  # equal to the default, as text
    if "enum" in schema:
        choices += schema["enum"]
    return str(draw(st.sampled_from(choices)))


async def reference(op: OpenAPIOperation, scope: dict[str, Any], body: Any) -> dict[str, Any]:
    """What Connexion's own parameter decorator passes for this scope."""
    request = ConnexionRequest(
        scope, _receive.get(), uri_parser=op.uri_parser_class(op.parameters, op.body_definition())
    )
    if PARSED_BODY in scope["extensions"]:
        request._starlette_request._json = body  # what Starlette's Request.json() returns

    async def recorder(**kwargs: Any) -> dict[str, Any]:
        return kwargs

    functools.update_wrapper(recorder, op.function)  # the real handler's signature
    decorated = AsyncParameterDecorator(framework=StarletteFramework)(recorder)
    return await decorated(request)  # type: ignore[no-any-return]


@pytest.mark.parametrize("op", OPERATIONS, ids=[op.operation_id for op in OPERATIONS])
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_handler_arguments_are_connexions(op: OpenAPIOperation, data: st.DataObject) -> None:
    call = HandlerCall.of(op.function, op)
    assert call is not None  # every operation of the spec takes the compiled call
    query = [p for p in op.parameters if p["in"] == "query"]
    pairs = [
        (p["name"], query_value(p, data.draw))
        for p in data.draw(st.lists(st.sampled_from(query), max_size=4) if query else st.just([]))
    ]
    query_string = "&".join(f"{quote(k)}={quote(v)}" for k, v in pairs).encode()
    raw_path = {p["name"]: str(uuid.uuid4()) for p in op.parameters if p["in"] == "path"}
    parser = OpenAPIURIParser(op.parameters, op.body_definition())
    args = QueryParams(query_string)
    resolved = (
        parser.resolve_path(dict(raw_path)),
        parser.resolve_query({k: args.getlist(k) for k in args}),
    )
    context = {"db": object(), "settings": object(), "scope": object(), "token_info": {"sub": "u"}}
    extensions: dict[str, Any] = {PARSED_PARAMS: resolved, "connexion_context": context}
    body = None
    if op.is_request_body_defined:
        body = data.draw(JSON)
        extensions[PARSED_BODY] = body
    scope = {
        "type": "http",
        "method": op.method.upper(),
        "path": op.path,
        "query_string": query_string,
        "path_params": raw_path,
        "headers": [(b"content-type", b"application/json")] if op.is_request_body_defined else [],
        "extensions": extensions,
    }

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    _context.set(context)
    _operation.set(op)
    _scope.set(scope)
    _receive.set(receive)
    # a value validation would refuse ("x" for an integer) fails the same way in both
    ours = outcome(lambda: call.kwargs(scope))
    expected = outcome(lambda: asyncio.run(reference(op, scope, body)))
    assert ours == expected
    assert ours[0] == "kwargs" or pairs  # without parameters every case gives arguments
    if op.is_request_body_defined and call.body_name is not None:
        # without a parsed JSON body the request goes to Connexion's own chain
        del extensions[PARSED_BODY]
        assert call.kwargs(scope) is None


def test_sync_handlers_and_form_bodies_are_left_to_connexion() -> None:
    op = next(op for op in OPERATIONS if op.is_request_body_defined)

    def sync_handler(body: dict[str, Any]) -> None:
        return None

    assert HandlerCall.of(sync_handler, op) is None
    assert HandlerCall.of(op.function, op) is not None
