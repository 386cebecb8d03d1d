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
from connexion.middleware.routing import RoutingAPI, RoutingMiddleware
from connexion.security import AbstractSecurityHandler
from starlette.routing import BaseRoute, Match, Mount, Router

from crm import connexion_patch
from crm.app import BASE_PATH, create_app
from crm.openapi31 import load_spec
from crm.settings import Settings

# sha256 of the source of each function the patch relies on (connexion 3.3.0, starlette 1.10.0)
PINNED = {
    "starlette.routing.Router.__call__": "e93fc286faeae611",
    "starlette.routing.Router.app": "1b1fa16c99a8ce6b",
    "starlette.routing.Route.matches": "4de50d376de04a00",
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
    mounts = [r for r in routing[0].router.routes if isinstance(r, Mount) and r.path == BASE_PATH]
    assert len(mounts) == 1
    router = mounts[0].app
    assert isinstance(router, Router)
    return router


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
    paths = [_concrete(t) for t in load_spec()["paths"]]
    paths += ["/", "/leads/", "/leads/x/y/z", "/nothing", "//leads", "/leads//all", ""]
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


# --- the body, parsed once (crm.openapi31 stores it, crm.operations hands it over) ---------

BODY_PINNED = {
    "starlette.requests.Request.json": "49b2c23705a41dec",
    "connexion.lifecycle.ConnexionRequest.json": "f828d7e48f970ae7",
    "connexion.lifecycle.ConnexionRequest.get_body": "28f6a96f0cbc7948",
    "connexion.validators.abstract.AbstractRequestBodyValidator.wrap_receive": "44c469448a6e46fb",
}


def _body_objects() -> dict[str, Any]:
    import starlette.requests
    from connexion.lifecycle import ConnexionRequest
    from connexion.validators.abstract import AbstractRequestBodyValidator

    return {
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


def test_the_handler_gets_the_body_the_validator_parsed(tmp_path: Path) -> None:
    """The body a handler receives is the very object the body validator parsed (not a
    second parse of the same bytes), and equal to the JSON that was sent."""
    import uuid

    from connexion import context
    from connexion.resolver import Resolver
    from starlette.responses import Response

    from crm import auth
    from crm.openapi31 import PARSED_BODY

    seen: dict[str, Any] = {}

    async def create_lead(body: dict[str, Any], **_: Any) -> Response:
        seen["body"] = body
        seen["parsed"] = context.scope["extensions"][PARSED_BODY]
        return Response(status_code=204)

    settings = Settings.from_env(
        {"CRM_ENV": "test", "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"}
    )
    app = create_app(settings, resolver=Resolver(function_resolver=lambda _: create_lead))
    token = auth.issue_access_token(
        user_id=str(uuid.uuid4()), tenant_id=str(uuid.uuid4()), role="user",
        session_id=str(uuid.uuid4()),
    )  # fmt: skip
    sent = {"name": "Ada Ltd", "email": "ada@example.com", "status": "new"}

    async def post() -> int:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            response = await client.post(
                "/api/leads", json=sent, headers={"Authorization": f"Bearer {token}"}
            )
            return response.status_code

    assert asyncio.run(post()) == 204
    assert seen["body"] == sent
    assert seen["body"] is seen["parsed"]


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
