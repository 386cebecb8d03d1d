"""Connexion's route match, narrowed: the one match per request reads the routes that can match.

Connexion routes each request once (`RoutingMiddleware`: a Starlette `Router` over one `Route`
per operation of openapi.yaml, in spec order) and puts the operationId in the ASGI scope, where
the security, validation and context middlewares look their operation up by that id (a dict).
That one match is a linear scan: `Route.matches` runs each route's regular expression until one
fits, about 40 of our 80 routes for `GET /api/leads/{id}`.

`enable()` gives that router an index: its routes grouped by their number of path segments and
their first segment (a literal, or a parameter). A request is first matched against the routes
of its group, in the router's order, through Starlette's own `Route.matches`; a route outside
the group cannot match the path (its regular expression needs that many segments and that
first literal), so the first full match in the group is the first full match in the list, the
one Starlette would pick. With no full match in the group (an unknown path, a 405, a trailing
slash) the request goes to Starlette's own `Router.app`, which scans every route as before.
Connexion stays the router and openapi.yaml the one routing table: only the scan is shorter.

The router Connexion's RoutingMiddleware calls holds one `Mount` per API (ours: /api) over
that indexed router. `enable()` lets it hand a matched request straight to the index, and the
index hand a fully matched request straight to the route's app: the calls it skips
(`Mount.handle`, the inner `Router.__call__`, `Route.handle`) only pass the request on when the
match is full, and every frame of that chain is passed again each time the request resumes
from a database wait. The scope is updated exactly as Starlette updates it on the way.

`enable()` also caches Connexion's per-request `inspect.signature` of the security function
(see `_accepts_kwarg` below), and keeps the objects request validation builds for each
operation instead of building them on every request (see `_validate_request` below).

It relies on Connexion internals (`RoutingMiddleware.add_api` mounting a `RoutingAPI`'s
`Router`) and Starlette's (`Router.__call__` calling `middleware_stack`, `Router.app`,
`Mount.handle`, `Route.handle`, `Route.path_format`, `Route.matches`, `get_route_path`,
`AbstractSecurityHandler._accepts_kwarg` and its caller, `RequestValidationOperation.__call__`);
tests/unit/test_connexion_patch.py fails when they change.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from connexion.middleware.request_validation import RequestValidationOperation
from connexion.middleware.routing import RoutingMiddleware
from connexion.security import AbstractSecurityHandler
from connexion.utils import is_nullable, split_content_type
from starlette._utils import get_route_path
from starlette.routing import BaseRoute, Match, Mount, Route, Router
from starlette.types import Receive, Scope, Send

_PATCHED = "_crm_route_index"
ANY = object()  # a group key: the route's first segment is a parameter


def _shape(route: BaseRoute) -> tuple[int, object] | None:
    """(segment count, first segment or ANY) of the paths a route can match; None: any path
    (a route that is not a plain `Route`, or a parameter that may span segments or share a
    segment with literal text)."""
    if not isinstance(route, Route):
        return None
    segments = route.path_format.strip("/").split("/")
    for segment in segments:
        if "{" in segment and not (segment.startswith("{") and segment.endswith("}")):
            return None
        if ":path" in segment:
            return None
    first = segments[0]
    return len(segments), (ANY if first.startswith("{") else first)


class RouteIndex:
    """The routes of one Starlette `Router`, grouped by the shape of the paths they match."""

    def __init__(self, routes: Sequence[BaseRoute]) -> None:
        self._shapes = [(route, _shape(route)) for route in routes]
        self._groups: dict[tuple[int, str], list[BaseRoute]] = {}

    def candidates(self, path: str) -> list[BaseRoute]:
        segments = path.strip("/").split("/")
        key = (len(segments), segments[0])
        group = self._groups.get(key)
        if group is None:
            group = [
                route
                for route, shape in self._shapes
                if shape is None or (shape[0] == key[0] and shape[1] in (ANY, key[1]))
            ]
            literal = any(shape is not None and shape[1] == key[1] for _, shape in self._shapes)
            if literal:  # cache only the spec's own first segments, not whatever clients send
                self._groups[key] = group
        return group


class IndexedRouter:
    """A Starlette `Router`'s ASGI app (its `middleware_stack`) through a `RouteIndex`."""

    def __init__(self, router: Router) -> None:
        self.router = router
        self.full_scan = router.app
        self.index: RouteIndex | None = None

    def match(self, scope: Scope) -> BaseRoute | None:
        """The route `Router.app` would hand a request to with a full match, and the scope
        updated as it updates it; None (the scope untouched) when there is none."""
        if self.index is None:  # built on the first request: every route of the spec is added
            self.index = RouteIndex(self.router.routes)
        path = get_route_path(scope)  # what Route.matches matches
        for route in self.index.candidates(path):
            match, child_scope = route.matches(scope)
            if match is Match.FULL:
                if "router" not in scope:
                    scope["router"] = self.router
                scope["route"] = route
                scope.update(child_scope)
                return route
        return None

    def __call__(self, scope: Scope, receive: Receive, send: Send) -> Awaitable[None]:
        # a tail call (crm/tail_calls.py): the route's awaitable, no frame of this one's
        route = self.match(scope) if scope["type"] == "http" else None
        if route is None:
            return self.full_scan(scope, receive, send)
        return _handle(route, scope, receive, send)


def _handle(route: BaseRoute, scope: Scope, receive: Receive, send: Send) -> Awaitable[None]:
    """`route.handle` of a full match: for a plain `Route` (the method is one of the route's),
    its app itself, one frame fewer."""
    if type(route) is Route:
        return route.app(scope, receive, send)
    return route.handle(scope, receive, send)


def _mounted(router: Router) -> Callable[[Scope, Receive, Send], Awaitable[None]]:
    """RoutingMiddleware's router: the first full match among its routes (as `Router.app`),
    and when that is a `Mount` over an indexed router, that router's match made here (what
    `Mount.handle` and the inner `Router.__call__` lead to). Anything else: `Router.app`."""
    full_scan = router.app

    def app(scope: Scope, receive: Receive, send: Send) -> Awaitable[None]:
        # a tail call (crm/tail_calls.py): the route's awaitable, no frame of this one's
        if scope["type"] == "http":
            for route in router.routes:
                match, child_scope = route.matches(scope)
                if match is Match.NONE:
                    continue
                inner = _index_behind(route) if match is Match.FULL else None
                if inner is None:
                    break  # a partial match, or a route of another kind: Router.app decides
                if "router" not in scope:
                    scope["router"] = router
                scope["route"] = route
                scope.update(child_scope)
                found = inner.match(scope)
                if found is None:
                    return inner.full_scan(scope, receive, send)
                return _handle(found, scope, receive, send)
        return full_scan(scope, receive, send)

    return app


def _index_behind(route: BaseRoute) -> IndexedRouter | None:
    if type(route) is Mount and type(route.app) is Router:
        stack = route.app.middleware_stack
        if isinstance(stack, IndexedRouter):
            return stack
    return None


def _add_api(self: RoutingMiddleware, *args: Any, **kwargs: Any) -> None:
    _original_add_api(self, *args, **kwargs)
    for route in self.router.routes:
        if isinstance(route, Mount) and isinstance(route.app, Router):
            api_router = route.app
            if not getattr(api_router, _PATCHED, False):
                # an ASGI app like Router.app (mypy sees the bound method's parameter names)
                api_router.middleware_stack = IndexedRouter(api_router)  # type: ignore[assignment]
                setattr(api_router, _PATCHED, True)
    if not getattr(self.router, _PATCHED, False):
        self.router.middleware_stack = _mounted(self.router)
        setattr(self.router, _PATCHED, True)


_original_add_api = RoutingMiddleware.add_api


# --- the security check's signature inspection, once per function --------------------------
#
# `AbstractSecurityHandler._generic_check` asks `_accepts_kwarg(func, keyword)` twice per
# request (does crm.auth.decode_token take `required_scopes`? `request`?), and each answer is
# `inspect.signature` of the same function: about 0.05 ms per request for a constant answer.
_original_accepts_kwarg = AbstractSecurityHandler.__dict__["_accepts_kwarg"].__func__
_accepts_kwarg = functools.cache(_original_accepts_kwarg)


# --- request validation: the per-operation objects, built once ------------------------------
#
# `RequestValidationOperation.__call__` builds, on every request, a URI parser and a parameter
# validator for the operation's parameters, a MediaTypeDict of the operation's media types (to
# check the request's), the body schema's lookup, and a body validator: objects that hold only
# the operation's definitions. `_validate_request` below is that method with those objects kept
# per operation (and per media type), in the same order, raising the same problems: the
# parameters first, then the media type, then the body.
_VALIDATION = "_crm_validation"
_MEDIA_TYPES_KEPT = 16  # per operation: the spec's media types, not whatever clients send


class _ValidationParts:
    def __init__(self, op: RequestValidationOperation) -> None:
        operation = op._operation
        self.operation = operation
        self.parameters = op._validator_map["parameter"](
            operation.parameters,
            uri_parser=operation._uri_parser_class(
                operation.parameters, operation.body_definition()
            ),
            strict_validation=op.strict_validation,
            security_query_params=op.security_query_params,
        )
        self.accepted: set[str] = set()  # media types validate_mime_type let through
        self.bodies: dict[tuple[str, str], Any] = {}  # (media type, encoding) -> validator

    def body_validator(self, op: RequestValidationOperation, mime_type: str, encoding: str) -> Any:
        key = (mime_type, encoding)
        if key in self.bodies:
            return self.bodies[key]
        operation = self.operation
        validator = None  # no schema, or a type without a validator: Connexion skips it
        schema = operation.body_schema(mime_type)
        body_validator = op._validator_map["body"].get(mime_type) if schema else None
        if body_validator is not None:
            validator = body_validator(
                schema=schema,
                required=operation.request_body.get("required", False),
                nullable=is_nullable(operation.body_definition(mime_type)),
                encoding=encoding,
                strict_validation=op.strict_validation,
                uri_parser=operation.uri_parser_class(
                    operation.parameters, operation.body_definition()
                ),
            )
        if len(self.bodies) < _MEDIA_TYPES_KEPT:
            self.bodies[key] = validator
        return validator


def content_type_of(headers: Sequence[tuple[bytes, bytes]]) -> str | None:
    """The first Content-Type of raw ASGI headers (connexion.utils.extract_content_type)."""
    for key, value in headers:
        if key == b"content-type" or key.lower() == b"content-type":
            return value.decode("latin-1")
    return None


def _validate_request(
    self: RequestValidationOperation, scope: Scope, receive: Receive, send: Send
) -> Awaitable[None]:
    parts: _ValidationParts | None = self.__dict__.get(_VALIDATION)
    if parts is None:
        parts = _ValidationParts(self)
        self.__dict__[_VALIDATION] = parts
    parts.parameters.validate(scope)

    mime_type, encoding = split_content_type(content_type_of(scope["headers"]))
    if mime_type is None:  # RequestValidationOperation.extract_content_type's best guess
        consumes = self._operation.consumes
        mime_type = consumes[0] if consumes else "application/octet-stream"
    if encoding is None:
        encoding = "utf-8"
    if mime_type not in parts.accepted:
        self.validate_mime_type(mime_type)  # raises UnsupportedMediaTypeProblem
        if len(parts.accepted) < _MEDIA_TYPES_KEPT:
            parts.accepted.add(mime_type)

    validator = parts.body_validator(self, mime_type, encoding)
    if validator is None:  # a tail call (crm/tail_calls.py): no frame of this one's
        return self.next_app(scope, receive, send)  # type: ignore[no-any-return]
    return _with_body(self, validator, scope, receive, send)


async def _with_body(
    self: RequestValidationOperation, validator: Any, scope: Scope, receive: Receive, send: Send
) -> None:
    receive, scope = await validator.wrap_receive(receive, scope=scope)
    await self.next_app(scope, receive, send)


_original_validate_request = RequestValidationOperation.__call__


def enable() -> None:
    """Index the routes of every API added to Connexion's RoutingMiddleware, remember which
    keywords a security function takes, and keep each operation's validation objects
    (idempotent)."""
    RoutingMiddleware.add_api = _add_api
    AbstractSecurityHandler._accepts_kwarg = staticmethod(_accepts_kwarg)
    RequestValidationOperation.__call__ = _validate_request
