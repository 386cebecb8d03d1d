"""The Connexion patches of crm/connexion_patch.py and crm/operations.py, and their hooks.

crm.connexion_patch: the indexed route match picks Starlette's route. crm.operations: the
handler gets the body the validator parsed.

The index is proven against Starlette's own linear scan for every operation of openapi.yaml
(and paths no operation has); the internals the patch relies on are pinned by their source,
so a Connexion or Starlette upgrade that changes them fails here first, naming what to re-read.
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
import starlette._utils
import starlette.routing
from connexion.apps.asynchronous import AsyncOperation
from connexion.middleware.routing import RoutingAPI, RoutingMiddleware, RoutingOperation
from connexion.security import AbstractSecurityHandler
from starlette.routing import BaseRoute, Match, Mount, Router

from crm import connexion_patch, tail_calls
from crm.app import BASE_PATH, create_app
from crm.openapi31 import load_spec
from crm.settings import Settings

# sha256 of the source of each function the patch relies on (connexion 3.3.0, starlette 1.10.0)
PINNED = {
    "starlette.routing.Router.__call__": "e93fc286faeae611",
    "starlette.routing.Router.app": "1b1fa16c99a8ce6b",
    "starlette.routing.Route.matches": "4de50d376de04a00",
    "starlette.routing.Route.handle": "96b34240b73daf60",
    "starlette.routing.Mount.handle": "208ab48a6510dffd",
    "starlette._utils.get_route_path": "243011d2a68ca7fe",
    "connexion.middleware.routing.RoutingMiddleware.add_api": "a25f6d00c2c1d3d2",
    "connexion.middleware.routing.RoutingAPI._add_operation_internal": "1b9e5ec803988f5d",
    "connexion.security.AbstractSecurityHandler._accepts_kwarg": "f04f41d0fb5eea37",
    "connexion.security.AbstractSecurityHandler._generic_check": "28e23fb07ef65fb6",
}
OBJECTS: dict[str, Any] = {
    "starlette.routing.Router.__call__": starlette.routing.Router.__call__,
    "starlette.routing.Router.app": starlette.routing.Router.app,
    "starlette.routing.Route.matches": starlette.routing.Route.matches,
    "starlette.routing.Route.handle": starlette.routing.Route.handle,
    "starlette.routing.Mount.handle": starlette.routing.Mount.handle,
    "starlette._utils.get_route_path": starlette._utils.get_route_path,
    "connexion.middleware.routing.RoutingMiddleware.add_api": connexion_patch._original_add_api,
    "connexion.middleware.routing.RoutingAPI._add_operation_internal": (
        RoutingAPI._add_operation_internal
    ),
    "connexion.security.AbstractSecurityHandler._accepts_kwarg": (
        connexion_patch._original_accepts_kwarg
    ),
    "connexion.security.AbstractSecurityHandler._generic_check": (
        AbstractSecurityHandler._generic_check
    ),
}


def _digest(obj: Any) -> str:
    return hashlib.sha256(inspect.getsource(obj).encode()).hexdigest()[:16]


@pytest.mark.parametrize("name", sorted(PINNED))
def test_the_internals_the_patch_relies_on_are_unchanged(name: str) -> None:
    assert _digest(OBJECTS[name]) == PINNED[name], (
        f"{name} changed: re-read it against crm/connexion_patch.py, then update the digest"
    )


def test_the_hooks_are_where_the_patch_expects_them() -> None:
    assert "self.middleware_stack(scope, receive, send)" in inspect.getsource(Router.__call__)
    assert "get_route_path(scope)" in inspect.getsource(starlette.routing.Route.matches)
    assert "self.router.mount(api.base_path, app=api.router)" in inspect.getsource(
        connexion_patch._original_add_api
    )
    assert "self.router.add_route(path, operation, methods=[method])" in inspect.getsource(
        RoutingAPI._add_operation_internal
    )


def _api_router(tmp_path: Path) -> Router:
    """The Router Connexion's RoutingMiddleware mounts at /api, after one request."""
    routing = _routing_middleware(tmp_path)
    mounts = [r for r in routing.router.routes if isinstance(r, Mount) and r.path == BASE_PATH]
    assert len(mounts) == 1
    router = mounts[0].app
    assert isinstance(router, Router)
    return router


def _routing_middleware(tmp_path: Path) -> RoutingMiddleware:
    """Connexion's RoutingMiddleware of the app, after one request."""
    settings = Settings.from_env(
        {"CRM_ENV": "test", "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"}
    )
    app = create_app(settings)

    async def one_request() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            await client.get("/api/nothing-here")

    asyncio.run(one_request())
    # ConnexionMiddleware keeps the middlewares it built, outermost first
    routing = [m for m in app.middleware.middleware_stack if isinstance(m, RoutingMiddleware)]
    assert len(routing) == 1
    return routing[0]


def _first_full(routes: list[BaseRoute], scope: dict[str, Any]) -> BaseRoute | None:
    for route in routes:
        if route.matches(scope)[0] is Match.FULL:
            return route
    return None


def _concrete(template: str) -> str:
    return re.sub(r"\{[^}]+\}", "018c14ef-ff50-7e5e-9362-da5cc13da58a", template)


def test_the_patch_is_installed_on_the_api_router(tmp_path: Path) -> None:
    router = _api_router(tmp_path)
    assert getattr(router, connexion_patch._PATCHED) is True
    assert router.middleware_stack != router.app


def test_the_index_picks_the_route_starlette_picks_for_every_path(tmp_path: Path) -> None:
    router = _api_router(tmp_path)
    index = connexion_patch.RouteIndex(router.routes)
    paths = _paths()
    methods = ["GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS"]
    full_matches = 0
    for path in paths:
        for method in methods:
            scope = {"type": "http", "path": BASE_PATH + path, "root_path": BASE_PATH,
                     "method": method}  # fmt: skip
            expected = _first_full(router.routes, scope)
            assert _first_full(index.candidates(path), scope) is expected, (method, path)
            full_matches += expected is not None
    operations = sum(
        1 for item in load_spec()["paths"].values() for m in item if m.upper() in methods
    )
    assert full_matches >= operations  # every operation matched (GET ones by HEAD too)
    assert len(index.candidates(_concrete("/leads/{id}"))) < len(router.routes) / 5


def _paths() -> list[str]:
    paths = [_concrete(t) for t in load_spec()["paths"]]
    return [*paths, "/", "/leads/", "/leads/x/y/z", "/nothing", "//leads", "/leads//all", ""]


def test_the_mounted_shortcut_ends_where_starlette_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """RoutingMiddleware's router, patched (`_mounted`, then the index, then the route's app)
    against Starlette's own chain (`Router.app`, `Mount.handle`, the inner `Router.__call__`
    with its linear scan, `Route.handle`): for every path and method, the same operation is
    reached with the same scope, or the same response is sent (404 default, 405, redirect)."""
    routing = _routing_middleware(tmp_path)
    outer = routing.router
    assert getattr(outer, connexion_patch._PATCHED) is True
    (mount,) = [r for r in outer.routes if isinstance(r, Mount) and r.path == BASE_PATH]
    inner = mount.app
    indexed = inner.middleware_stack
    reached: list[tuple[str | None, dict[str, Any]]] = []
    sent: list[Any] = []

    async def operation(self: RoutingOperation, scope: Any, receive: Any, send: Any) -> None:
        reached.append((self.operation_id, dict(scope)))

    async def send(message: Any) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    monkeypatch.setattr(RoutingOperation, "__call__", operation)

    async def route(stack: Any, inner_stack: Any, path: str, method: str) -> tuple[Any, ...]:
        reached.clear()
        sent.clear()
        inner.middleware_stack = inner_stack
        scope = {"type": "http", "path": BASE_PATH + path, "root_path": "", "method": method,
                 "headers": [(b"host", b"t")], "query_string": b"", "scheme": "http",
                 "server": ("t", 80)}  # fmt: skip
        await stack(scope, receive, send)
        return list(reached), list(sent), scope

    async def compare() -> int:
        operations = 0
        for path in _paths():
            for method in ["GET", "POST", "PATCH", "PUT", "DELETE", "HEAD", "OPTIONS"]:
                ours = await route(outer.middleware_stack, indexed, path, method)
                theirs = await route(outer.app, inner.app, path, method)
                assert ours == theirs, (method, path)
                operations += bool(ours[0] and ours[0][0][0] is not None)
        return operations

    try:
        operations = asyncio.run(compare())
    finally:
        inner.middleware_stack = indexed
    declared = sum(1 for item in load_spec()["paths"].values() for m in item if m in HTTP)
    assert operations >= declared  # every operation reached (GET ones by HEAD too)


HTTP = ("get", "post", "patch", "put", "delete")


# --- the body, parsed once (crm.openapi31 stores it, crm.operations hands it over) ---------

BODY_PINNED = {
    "starlette.requests.Request.json": "49b2c23705a41dec",
    "connexion.lifecycle.ConnexionRequest.json": "f828d7e48f970ae7",
    "connexion.lifecycle.ConnexionRequest.get_body": "28f6a96f0cbc7948",
    # mirrored by crm.openapi31.ContractBodyValidator.wrap_receive
    "connexion.validators.abstract.AbstractRequestBodyValidator.wrap_receive": "44c469448a6e46fb",
    # the parameters resolved once, no form read (crm.operations)
    "connexion.lifecycle.ConnexionRequest.path_params": "546382a52e95ac2f",
    "connexion.lifecycle.ConnexionRequest.query_params": "f01f735c6643fe68",
    "connexion.lifecycle.ConnexionRequest.files": "59e5f5dcf1d86e00",
    "connexion.decorators.parameter.AsyncParameterDecorator.__call__": "c3223e31eb92742e",
    "connexion.decorators.parameter._get_file_arguments": "4db36f2ce7488666",
}


def _body_objects() -> dict[str, Any]:
    import starlette.requests
    from connexion.decorators.parameter import AsyncParameterDecorator, _get_file_arguments
    from connexion.lifecycle import ConnexionRequest
    from connexion.validators.abstract import AbstractRequestBodyValidator

    return {
        "connexion.lifecycle.ConnexionRequest.path_params": ConnexionRequest.path_params.fget,
        "connexion.lifecycle.ConnexionRequest.query_params": ConnexionRequest.query_params.fget,
        "connexion.lifecycle.ConnexionRequest.files": ConnexionRequest.files,
        "connexion.decorators.parameter.AsyncParameterDecorator.__call__": (
            AsyncParameterDecorator.__call__
        ),
        "connexion.decorators.parameter._get_file_arguments": _get_file_arguments,
        "starlette.requests.Request.json": starlette.requests.Request.json,
        "connexion.lifecycle.ConnexionRequest.json": ConnexionRequest.json,
        "connexion.lifecycle.ConnexionRequest.get_body": ConnexionRequest.get_body,
        "connexion.validators.abstract.AbstractRequestBodyValidator.wrap_receive": (
            AbstractRequestBodyValidator.wrap_receive
        ),
    }


@pytest.mark.parametrize("name", sorted(BODY_PINNED))
def test_the_internals_the_parsed_body_relies_on_are_unchanged(name: str) -> None:
    assert _digest(_body_objects()[name]) == BODY_PINNED[name], (
        f"{name} changed: re-read it against crm/operations.py, then update the digest"
    )


def _served(tmp_path: Path, handler: Any) -> Any:
    """An app whose every operation is `handler`, and a way to call it with a user's token:
    `await call(method, path, json)` gives the status."""
    import uuid

    from connexion.resolver import Resolver

    from crm import auth

    settings = Settings.from_env(
        {"CRM_ENV": "test", "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"}
    )
    app = create_app(settings, resolver=Resolver(function_resolver=lambda _: handler))
    token = auth.issue_access_token(
        user_id=str(uuid.uuid4()), tenant_id=str(uuid.uuid4()), role="user",
        session_id=str(uuid.uuid4()),
    )  # fmt: skip

    async def call(method: str, path: str, json: Any = None) -> int:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            response = await client.request(
                method, path, json=json, headers={"Authorization": f"Bearer {token}"}
            )
            return response.status_code

    return call


def test_the_handler_gets_the_body_the_validator_parsed(tmp_path: Path) -> None:
    """The body a handler receives is the very object the body validator parsed (not a
    second parse of the same bytes), and equal to the JSON that was sent."""

    from connexion import context
    from starlette.responses import Response

    from crm.openapi31 import PARSED_BODY

    seen: dict[str, Any] = {}

    async def create_lead(body: dict[str, Any], **_: Any) -> Response:
        seen["body"] = body
        seen["parsed"] = context.scope["extensions"][PARSED_BODY]
        return Response(status_code=204)

    call = _served(tmp_path, create_lead)
    sent = {"name": "Ada Ltd", "email": "ada@example.com", "status": "new"}

    assert asyncio.run(call("POST", "/api/leads", sent)) == 204
    assert seen["body"] == sent
    assert seen["body"] is seen["parsed"]


def test_the_handler_gets_the_parameters_the_validator_resolved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The query and path values a handler receives are the ones the parameter validator
    resolved (the very dicts, not a second resolution), equal to what Connexion's own request
    resolves from the same scope, and no form is read."""
    import uuid

    from connexion import context
    from connexion.lifecycle import ConnexionRequest
    from connexion.uri_parsing import OpenAPIURIParser
    from starlette.responses import Response

    from crm.openapi31 import PARSED_PARAMS

    seen: dict[str, Any] = {}
    resolved = {"path": 0, "query": 0}
    resolve_path, resolve_query = OpenAPIURIParser.resolve_path, OpenAPIURIParser.resolve_query

    def counting_path(self: Any, *args: Any) -> Any:
        resolved["path"] += 1
        return resolve_path(self, *args)

    def counting_query(self: Any, *args: Any) -> Any:
        resolved["query"] += 1
        return resolve_query(self, *args)

    monkeypatch.setattr(OpenAPIURIParser, "resolve_path", counting_path)
    monkeypatch.setattr(OpenAPIURIParser, "resolve_query", counting_query)

    async def handler(**kwargs: Any) -> Response:
        seen["kwargs"] = kwargs
        seen["resolved"] = dict(resolved)  # before the fresh request below
        seen["parsed"] = context.scope["extensions"][PARSED_PARAMS]
        fresh = ConnexionRequest(
            context.scope, uri_parser=context.operation.uri_parser_class(
                context.operation.parameters, context.operation.body_definition()
            ),
        )  # fmt: skip
        seen["fresh"] = (fresh.path_params, fresh.query_params)
        return Response(status_code=204)

    call = _served(tmp_path, handler)
    lead = str(uuid.uuid4())

    assert asyncio.run(call("GET", "/api/leads?limit=5&include_total=true")) == 204
    path_params, query_params = seen["parsed"]
    assert query_params == seen["fresh"][1]
    assert query_params["limit"] == 5
    assert query_params["include_total"] is True
    # resolved once, by the validator's plan (crm.uri_params); Connexion's parser not at all
    assert seen["resolved"]["query"] == 0
    assert seen["kwargs"]["limit"] == 5
    resolved.update(path=0, query=0)
    assert asyncio.run(call("GET", f"/api/leads/{lead}")) == 204
    path_params, _ = seen["parsed"]
    assert path_params == seen["fresh"][0] == {"id": lead}
    assert seen["resolved"]["path"] == 0
    assert seen["kwargs"]["id"] == lead


def test_the_security_keyword_answers_are_remembered_and_right() -> None:
    from crm import auth

    connexion_patch.enable()
    accepts = AbstractSecurityHandler._accepts_kwarg
    assert accepts is connexion_patch._accepts_kwarg
    for keyword in ("required_scopes", "request", "token"):
        assert accepts(auth.decode_token, keyword) == connexion_patch._original_accepts_kwarg(
            auth.decode_token, keyword
        )
    assert accepts(auth.decode_token, "token") is True


# --- the compiled parameters and handler call (crm.uri_params, crm.operations) --------------
#
# crm.uri_params and crm.operations.HandlerCall reproduce what these Connexion functions do
# (their agreement is shown by tests/unit/test_uri_params.py and test_handler_call.py on the
# installed Connexion); a change to any of them is a reason to re-read both modules.


def _call_objects() -> dict[str, Any]:
    import connexion.decorators.parameter as parameter
    import connexion.utils
    from connexion.middleware.request_validation import RequestValidationOperation
    from connexion.uri_parsing import AbstractURIParser, OpenAPIURIParser
    from connexion.validators.parameter import ParameterValidator

    from crm import operations

    return {
        "AsyncOperation.__call__": operations._original_call,
        "ContextOperation.__call__": tail_calls.ORIGINALS[
            "connexion.middleware.context.ContextOperation.__call__"
        ],
        "RequestValidationOperation.__call__": connexion_patch._original_validate_request,
        "RequestValidationOperation.extract_content_type": (
            RequestValidationOperation.extract_content_type
        ),
        "utils.extract_content_type": connexion.utils.extract_content_type,
        "utils.split_content_type": connexion.utils.split_content_type,
        "ParameterValidator.__init__": ParameterValidator.__init__,
        "ParameterValidator.validate": ParameterValidator.validate,
        "AbstractURIParser.resolve_params": AbstractURIParser.resolve_params,
        "OpenAPIURIParser.resolve_query": OpenAPIURIParser.resolve_query,
        "OpenAPIURIParser.resolve_path": OpenAPIURIParser.resolve_path,
        "OpenAPIURIParser._preprocess_deep_objects": OpenAPIURIParser._preprocess_deep_objects,
        "OpenAPIURIParser._make_deep_object": OpenAPIURIParser._make_deep_object,
        "utils.coerce_type": connexion.utils.coerce_type,
        "utils.make_type": connexion.utils.make_type,
        "utils.boolean": connexion.utils.boolean,
        "parameter.BaseParameterDecorator._maybe_get_body": (
            parameter.BaseParameterDecorator._maybe_get_body
        ),
        "parameter.prep_kwargs": parameter.prep_kwargs,
        "parameter.get_arguments": parameter.get_arguments,
        "parameter._get_path_arguments": parameter._get_path_arguments,
        "parameter._get_val_from_param": parameter._get_val_from_param,
        "parameter._get_query_arguments": parameter._get_query_arguments,
        "parameter._get_query_defaults": parameter._get_query_defaults,
        "parameter._query_args_helper": parameter._query_args_helper,
        "parameter._get_body_argument": parameter._get_body_argument,
        "parameter._get_body_argument_json": parameter._get_body_argument_json,
    }


# sha256 of each function's source (connexion 3.3.0)
CALL_PINNED = {
    "AbstractURIParser.resolve_params": "cd5c04e13032a24c",
    "AsyncOperation.__call__": "5435ed498983193d",
    "ContextOperation.__call__": "3d58a914f557d135",
    "OpenAPIURIParser._make_deep_object": "6affd4c2b8f3f199",
    "OpenAPIURIParser._preprocess_deep_objects": "d4da8fcd9acd76e7",
    "OpenAPIURIParser.resolve_path": "b268a83c9edc81c5",
    "OpenAPIURIParser.resolve_query": "446701f944d63e58",
    "ParameterValidator.__init__": "24776a9397239d06",
    "ParameterValidator.validate": "e5615916d947428b",
    "RequestValidationOperation.__call__": "af472716211911b9",
    "RequestValidationOperation.extract_content_type": "b08fa016a712fc41",
    "utils.extract_content_type": "cf05b8c47077bb9b",
    "utils.split_content_type": "6f7f4bda7788a575",
    "parameter.BaseParameterDecorator._maybe_get_body": "18183067248151ee",
    "parameter._get_body_argument": "ad0202326b99a5b7",
    "parameter._get_body_argument_json": "848df9bf9c63aa3e",
    "parameter._get_path_arguments": "dce2f42b8282c286",
    "parameter._get_query_arguments": "77f3e0a63d78d965",
    "parameter._get_query_defaults": "e8c78eeae75a9e2b",
    "parameter._get_val_from_param": "23ae7326c64a85ea",
    "parameter._query_args_helper": "272f1cd04f9d1145",
    "parameter.get_arguments": "b2912a96f0107039",
    "parameter.prep_kwargs": "46eb57dd9685e1c4",
    "utils.boolean": "07fa683f69dfce2a",
    "utils.coerce_type": "802d7bd3ca28f106",
    "utils.make_type": "0562a0715000039d",
}


@pytest.mark.parametrize("name", sorted(_call_objects()))
def test_the_internals_the_compiled_call_mirrors_are_unchanged(name: str) -> None:
    assert _digest(_call_objects()[name]) == CALL_PINNED.get(name), (
        f"{name} changed: re-read it against crm/uri_params.py and crm/operations.py, "
        "then update the digest"
    )


def test_every_operation_runs_the_compiled_call() -> None:
    from crm import operations

    operations.enable()
    assert AsyncOperation.__call__ is operations._call
