"""Connexion's pass-through layers as tail calls: no frame of their own on a waiting request.

A request waiting on the database is a chain of coroutines, one per layer between uvicorn and
psycopg. Each time it resumes (about three times per detail or create), CPython passes the
value down the whole chain and the next suspension back up it: every layer costs on every
resume, not once (docs/architecture.md, "The hot path", item 10).

Most of Connexion's per-request layers do some work and end by awaiting the next app:
`ConnexionMiddleware` (the stack built on the first call, the app into the scope),
`RoutingMiddleware` (the routing context, then its router), `RoutingOperation` (the
operation's id into the scope), `RoutedMiddleware` (look the operation up; four of them per
request: security, validation, context, the app), `LifespanMiddleware` (nothing for HTTP),
`ContextOperation` (Connexion's context variables), `SecurityOperation` (the bearer check, below)
and `ExceptionMiddleware` (Connexion's only
delegates to Starlette's, which stores the error handlers in the scope and awaits the app
wrapped in the `try` that applies them: that wrapper stays). A layer that ends by awaiting the
next app can instead do its work and *return* the next app's awaitable: the caller awaits it
directly, and the layer leaves no frame in the chain. The replacements below are those
methods, line for line, with each final `await x(...)` a `return x(...)`; `RoutingMiddleware`
calls its router's `middleware_stack` (what `Router.__call__` awaits). What runs, and in which
order, is unchanged; an exception raised by the work is raised where the layer is called,
inside the caller's `try`, as before.

`SecurityOperation` awaits its verification before the next app; Connexion's verification is a
chain of coroutines around a `ConnexionRequest` even when the check it calls is a plain function.
For the one shape our spec uses (a single requirement, one HTTP bearer scheme, a plain function
that takes the token alone: `crm.auth.decode_token`), the replacement does what that chain does
(the same header read, the same errors, the same `connexion_context`) without it, and is a
tail call; any other shape goes through Connexion's own `__call__`.

Context variables are per task, not per coroutine, so `ContextOperation`'s `set` calls reach
the handler as before. The outermost app (`AbstractApp.__call__`) stays a coroutine function
(uvicorn tells ASGI 3 from ASGI 2 by that). tests/unit/test_tail_calls.py pins the source of
each replaced method and checks the depth of a served request's chain.
"""

from __future__ import annotations

import inspect
import typing as t
from collections.abc import Awaitable, Callable

from connexion.context import _context, _operation, _receive, _scope
from connexion.exceptions import OAuthProblem, OAuthResponseProblem
from connexion.middleware.abstract import (
    ROUTING_CONTEXT,
    MissingMiddleware,
    MissingOperation,
    RoutedMiddleware,
)
from connexion.middleware.abstract import logger as routed_logger
from connexion.middleware.context import ContextOperation
from connexion.middleware.exceptions import ExceptionMiddleware
from connexion.middleware.lifespan import LifespanMiddleware
from connexion.middleware.main import ConnexionMiddleware
from connexion.middleware.routing import RoutingMiddleware, RoutingOperation
from connexion.middleware.routing import _scope as _routing_scope
from connexion.middleware.security import SecurityOperation
from connexion.security import NO_VALUE, BearerSecurityHandler
from starlette._exception_handler import wrap_app_handling_exceptions
from starlette.middleware.exceptions import ExceptionMiddleware as StarletteExceptionMiddleware
from starlette.requests import Request
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket

ORIGINALS: dict[str, t.Any] = {
    "connexion.middleware.main.ConnexionMiddleware.__call__": ConnexionMiddleware.__call__,
    "connexion.middleware.routing.RoutingMiddleware.__call__": RoutingMiddleware.__call__,
    "connexion.middleware.routing.RoutingOperation.__call__": RoutingOperation.__call__,
    "connexion.middleware.abstract.RoutedMiddleware.__call__": RoutedMiddleware.__call__,
    "connexion.middleware.lifespan.LifespanMiddleware.__call__": LifespanMiddleware.__call__,
    "connexion.middleware.context.ContextOperation.__call__": ContextOperation.__call__,
    "connexion.middleware.security.SecurityOperation.__call__": SecurityOperation.__call__,
    # Connexion's is `await super().__call__(...)`: the replacement mirrors Starlette's
    "connexion.middleware.exceptions.ExceptionMiddleware.__call__": (
        ExceptionMiddleware.__dict__["__call__"]
    ),
    "starlette.middleware.exceptions.ExceptionMiddleware.__call__": (
        StarletteExceptionMiddleware.__call__
    ),
}


def _connexion_middleware(
    self: ConnexionMiddleware, scope: Scope, receive: Receive, send: Send
) -> Awaitable[None]:
    if self.middleware_stack is None:
        self.app, self.middleware_stack = self._build_middleware_stack()
    # Set so starlette router throws exceptions instead of returning error responses
    # This instance is also passed to any lifespan handler
    scope["app"] = self
    return self.app(scope, receive, send)  # type: ignore[no-any-return]


def _routing_middleware(
    self: RoutingMiddleware, scope: Scope, receive: Receive, send: Send
) -> Awaitable[None]:
    if scope["type"] != "http":
        return self.app(scope, receive, send)  # type: ignore[no-any-return]
    _routing_scope.set(scope.copy())  # type: ignore[attr-defined]
    return self.router.middleware_stack(scope, receive, send)  # type: ignore[no-any-return]


def _routing_operation(
    self: RoutingOperation, scope: Scope, receive: Receive, send: Send
) -> Awaitable[None]:
    """Attach operation to scope and pass it to the next app"""
    original_scope = _routing_scope.get()
    # Pass resolved path params along
    original_scope.setdefault("path_params", {}).update(scope.get("path_params", {}))

    def get_root_path(scope: Scope) -> str:
        return scope.get("route_root_path", scope.get("root_path", ""))  # type: ignore[no-any-return]

    api_base_path = get_root_path(scope)[len(get_root_path(original_scope)) :]

    extensions = original_scope.setdefault("extensions", {})
    connexion_routing = extensions.setdefault(ROUTING_CONTEXT, {})
    connexion_routing.update({"api_base_path": api_base_path, "operation_id": self.operation_id})
    return self.next_app(original_scope, receive, send)  # type: ignore[no-any-return]


def _routed_middleware(
    self: RoutedMiddleware[t.Any], scope: Scope, receive: Receive, send: Send
) -> Awaitable[None]:
    """Fetches the operation related to the request and calls it."""
    if scope["type"] != "http":
        return self.app(scope, receive, send)  # type: ignore[no-any-return]

    try:
        connexion_context = scope["extensions"][ROUTING_CONTEXT]
    except KeyError:
        raise MissingMiddleware(  # noqa: B904 - as Connexion raises it
            "Could not find routing information in scope. Please make sure "
            "you have a routing middleware registered upstream. "
        )
    api_base_path = connexion_context.get("api_base_path")
    if api_base_path is not None and api_base_path in self.apis:
        for api in self.apis[api_base_path]:
            operation_id = connexion_context.get("operation_id")
            try:
                operation = api.operations[operation_id]
            except KeyError:
                if operation_id is None:
                    routed_logger.debug("Skipping operation without id.")
                    return self.app(scope, receive, send)  # type: ignore[no-any-return]
            else:
                return operation(scope, receive, send)  # type: ignore[no-any-return]

        raise MissingOperation("Encountered unknown operation_id.")

    return self.app(scope, receive, send)  # type: ignore[no-any-return]


def _lifespan_middleware(
    self: LifespanMiddleware, scope: Scope, receive: Receive, send: Send
) -> Awaitable[None]:
    # If no lifespan is registered, pass to next app so it can be handled downstream.
    if scope["type"] == "lifespan" and self._lifespan:
        return self.router(scope, receive, send)  # type: ignore[no-any-return]
    return self.next_app(scope, receive, send)  # type: ignore[no-any-return]


def _context_operation(
    self: ContextOperation, scope: Scope, receive: Receive, send: Send
) -> Awaitable[None]:
    _context.set(scope.get("extensions", {}).get("connexion_context", {}))
    _operation.set(self.operation)
    _receive.set(receive)
    _scope.set(scope)
    return self.next_app(scope, receive, send)  # type: ignore[no-any-return]


def _exception_middleware(
    self: ExceptionMiddleware, scope: Scope, receive: Receive, send: Send
) -> Awaitable[None]:
    if scope["type"] not in ("http", "websocket"):
        return self.app(scope, receive, send)  # type: ignore[no-any-return]

    scope["starlette.exception_handlers"] = (
        self._exception_handlers,
        self._status_handlers,
    )

    conn: Request | WebSocket
    if scope["type"] == "http":
        conn = Request(scope, receive, send)
    else:
        conn = WebSocket(scope, receive, send)

    return wrap_app_handling_exceptions(self.app, conn)(scope, receive, send)


def _security_operation(
    self: SecurityOperation, scope: Scope, receive: Receive, send: Send
) -> Awaitable[None]:
    if not self.security:
        return self.next_app(scope, receive, send)  # type: ignore[no-any-return]
    check = _bearer_function(self)
    if check is None:  # not the one shape done here: Connexion's own verification
        return ORIGINALS["connexion.middleware.security.SecurityOperation.__call__"](  # type: ignore[no-any-return]
            self, scope, receive, send
        )
    token_info = check(_bearer_token(scope))
    if inspect.isawaitable(token_info):  # a plain function may still hand back a coroutine
        return _verified_later(self, token_info, scope, receive, send)
    _verified(scope, token_info)
    return self.next_app(scope, receive, send)  # type: ignore[no-any-return]


_NO_TOKEN = "No authorization token provided"  # noqa: S105 - a message, not a secret
_AUTHORIZATION = b"authorization"


def _bearer_token(scope: Scope) -> str:
    """The token of `Authorization: Bearer <token>`, or the error Connexion's chain raises:
    `get_auth_header_value` (the first Authorization header, split once on whitespace) in
    `BearerSecurityHandler`'s wrapper; a missing header or another scheme is its NO_VALUE,
    which `verify_security` turns into "No authorization token provided"."""
    authorization: str | None = None
    for key, value in scope["headers"]:
        if key == _AUTHORIZATION:  # as starlette's Headers.get: the first, names as sent
            authorization = value.decode("latin-1")
            break
    if not authorization:
        raise OAuthProblem(detail=_NO_TOKEN)
    try:
        auth_type, token = authorization.split(maxsplit=1)
    except ValueError:
        raise OAuthProblem(detail="Invalid authorization header") from None
    if auth_type.lower() != "bearer":
        raise OAuthProblem(detail=_NO_TOKEN)
    return token


def _verified(scope: Scope, token_info: t.Any) -> None:
    """`_generic_check`'s verdict on the function's answer, then `verify_security`'s context."""
    if token_info is NO_VALUE:
        raise OAuthProblem(detail=_NO_TOKEN)
    if token_info is None:
        raise OAuthResponseProblem(detail="Provided token is not valid")
    # ConnexionRequest(scope).context: the same dict, in the same place
    context = scope.setdefault("extensions", {}).setdefault("connexion_context", {})
    context.update({"user": token_info.get("sub", token_info.get("uid")), "token_info": token_info})


async def _verified_later(
    self: SecurityOperation, token_info: t.Any, scope: Scope, receive: Receive, send: Send
) -> None:
    while inspect.isawaitable(token_info):
        token_info = await token_info
    _verified(scope, token_info)
    await self.next_app(scope, receive, send)


_BEARER = "_crm_bearer_function"
_NOT_YET = object()  # not looked for yet (None: looked for, not this shape)


def _bearer_function(operation: SecurityOperation) -> Callable[[str], t.Any] | None:
    """The function an operation's security calls with a bearer token, when the security is
    one requirement of one HTTP bearer scheme that Connexion's BearerSecurityHandler checks
    with a plain function of the token alone; None otherwise (found once per operation)."""
    found = operation.__dict__.get(_BEARER, _NOT_YET)
    if found is _NOT_YET:
        found = _plain_bearer_function(operation)
        operation.__dict__[_BEARER] = found
    return found  # type: ignore[no-any-return]


def _plain_bearer_function(operation: SecurityOperation) -> Callable[[str], t.Any] | None:
    if len(operation.security) != 1 or len(operation.security[0]) != 1:
        return None
    ((name, _scopes),) = operation.security[0].items()
    scheme = operation.security_schemes.get(name) or {}
    handlers = operation.security_handler_factory.security_handlers
    if scheme.get("type") != "http" or str(scheme.get("scheme", "")).lower() != "bearer":
        return None
    if handlers.get("bearer") is not BearerSecurityHandler:
        return None  # a handler of the app's own: its rules, not these
    handler = BearerSecurityHandler()
    func = handler._resolve_func(scheme)
    if func is None or inspect.iscoroutinefunction(func):
        return None
    if handler._accepts_kwarg(func, handler.required_scopes_kw) or handler._accepts_kwarg(
        func, handler.request_kw
    ):
        return None
    return func  # type: ignore[no-any-return]


# (the original's name in ORIGINALS, the class, the replacement of its __call__)
REPLACED: list[tuple[str, type, t.Any]] = [
    ("connexion.middleware.main.ConnexionMiddleware.__call__", ConnexionMiddleware,
     _connexion_middleware),
    ("connexion.middleware.routing.RoutingMiddleware.__call__", RoutingMiddleware,
     _routing_middleware),
    ("connexion.middleware.routing.RoutingOperation.__call__", RoutingOperation,
     _routing_operation),
    ("connexion.middleware.abstract.RoutedMiddleware.__call__", RoutedMiddleware,
     _routed_middleware),
    ("connexion.middleware.lifespan.LifespanMiddleware.__call__", LifespanMiddleware,
     _lifespan_middleware),
    ("connexion.middleware.context.ContextOperation.__call__", ContextOperation,
     _context_operation),
    ("connexion.middleware.exceptions.ExceptionMiddleware.__call__", ExceptionMiddleware,
     _exception_middleware),
    ("connexion.middleware.security.SecurityOperation.__call__", SecurityOperation,
     _security_operation),
]  # fmt: skip


def enable() -> None:
    """Install the tail calls (idempotent)."""
    for _, cls, replacement in REPLACED:
        setattr(cls, "__call__", replacement)  # noqa: B010 - mypy refuses `cls.__call__ = ...`
