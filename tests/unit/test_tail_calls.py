"""crm/tail_calls.py: Connexion's pass-through layers, replaced by tail calls, do what the
originals do, and leave no frame in a served request's chain.

Each replacement runs beside the original it replaces (kept in `tail_calls.ORIGINALS`) on the
same inputs: the same next app called with the same arguments, the same context variables
set, the same exception. The originals' sources are pinned: a Connexion upgrade that changes
one fails here, naming what to re-read.
"""

from __future__ import annotations

import asyncio
import hashlib
import inspect
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from connexion import context as connexion_context
from connexion.middleware.abstract import ROUTING_CONTEXT, RoutedMiddleware
from connexion.middleware.context import ContextOperation
from connexion.middleware.exceptions import ExceptionMiddleware
from connexion.middleware.lifespan import LifespanMiddleware
from connexion.middleware.main import ConnexionMiddleware
from connexion.middleware.routing import RoutingMiddleware, RoutingOperation
from connexion.middleware.routing import _scope as routing_scope
from connexion.resolver import Resolver

from crm import auth, tail_calls
from crm.app import create_app
from crm.settings import Settings

PINNED = {
    "connexion.middleware.main.ConnexionMiddleware.__call__": "473eac78e7a24c3f",
    "connexion.middleware.routing.RoutingMiddleware.__call__": "32944caa9c9cad13",
    "connexion.middleware.routing.RoutingOperation.__call__": "634b2f09f2375ba4",
    "connexion.middleware.abstract.RoutedMiddleware.__call__": "10e95f7a2d823872",
    "connexion.middleware.lifespan.LifespanMiddleware.__call__": "0245b0f22e2a194f",
    "connexion.middleware.context.ContextOperation.__call__": "3d58a914f557d135",
    "connexion.middleware.exceptions.ExceptionMiddleware.__call__": "566bca4c0305477d",
    "starlette.middleware.exceptions.ExceptionMiddleware.__call__": "c0b5cb274777981d",
    "connexion.middleware.security.SecurityOperation.__call__": "64eb38b0d5982445",
    # what the RoutingMiddleware replacement calls instead of `self.router(...)`
    "starlette.routing.Router.__call__": "e93fc286faeae611",
    # what the SecurityOperation replacement does instead of Connexion's verification chain
    "connexion.security.SecurityHandlerFactory.verify_security": "eb34fea712e0643a",
    "connexion.security.SecurityHandlerFactory._raise_most_specific": "31c57164202788f8",
    "connexion.security.SecurityHandlerFactory.parse_security_scheme": "687e91b8803382e0",
    "connexion.security.AbstractSecurityHandler._generic_check": "28e23fb07ef65fb6",
    "connexion.security.AbstractSecurityHandler.get_auth_header_value": "f2808eab920f17d8",
    "connexion.security.AbstractSecurityHandler.get_fn": "6a2992e2057688ca",
    "connexion.security.BearerSecurityHandler._get_verify_func": "2d831c150d65535a",
    "connexion.lifecycle.ConnexionRequest.context": "5ee2afcadc9c35fe",
    "starlette.datastructures.Headers.__getitem__": "c49baa3cfea56709",
}


def _mirrored() -> dict[str, Any]:
    """The methods the replacements mirror rather than replace, by the names PINNED uses."""
    import starlette.datastructures
    import starlette.routing
    from connexion import lifecycle, security

    factory, handler = security.SecurityHandlerFactory, security.AbstractSecurityHandler
    return {
        "starlette.routing.Router.__call__": starlette.routing.Router.__call__,
        "connexion.security.SecurityHandlerFactory.verify_security": factory.verify_security,
        "connexion.security.SecurityHandlerFactory._raise_most_specific": (
            factory._raise_most_specific
        ),
        "connexion.security.SecurityHandlerFactory.parse_security_scheme": (
            factory.parse_security_scheme
        ),
        "connexion.security.AbstractSecurityHandler._generic_check": handler._generic_check,
        "connexion.security.AbstractSecurityHandler.get_auth_header_value": (
            handler.get_auth_header_value
        ),
        "connexion.security.AbstractSecurityHandler.get_fn": handler.get_fn,
        "connexion.security.BearerSecurityHandler._get_verify_func": (
            security.BearerSecurityHandler._get_verify_func
        ),
        "connexion.lifecycle.ConnexionRequest.context": lifecycle.ConnexionRequest.context.fget,
        "starlette.datastructures.Headers.__getitem__": (
            starlette.datastructures.Headers.__getitem__
        ),
    }


def _digest(obj: Any) -> str:
    return hashlib.sha256(inspect.getsource(obj).encode()).hexdigest()[:16]


@pytest.mark.parametrize("name", sorted(PINNED))
def test_the_replaced_methods_are_unchanged(name: str) -> None:
    originals = {**tail_calls.ORIGINALS, **_mirrored()}
    assert _digest(originals[name]) == PINNED[name], (
        f"{name} changed: re-read it against crm/tail_calls.py, then update the digest"
    )


def test_every_replaced_method_is_replaced_once_enabled() -> None:
    tail_calls.enable()
    names = {name for name, _, _ in tail_calls.REPLACED}
    # every original is replaced, but Starlette's own, which the exception layer mirrors
    assert names | {"starlette.middleware.exceptions.ExceptionMiddleware.__call__"} == (
        tail_calls.ORIGINALS.keys()
    )
    for name, cls, replacement in tail_calls.REPLACED:
        assert cls.__call__ is replacement, name
        assert replacement is not tail_calls.ORIGINALS[name], name
        assert not inspect.iscoroutinefunction(replacement), name


# --- the same calls, side by side --------------------------------------------------------


class Recorder:
    """An ASGI app that notes each call (its name, the scope's content, receive and send)."""

    def __init__(self, log: list[Any], name: str) -> None:
        self.log = log
        self.name = name

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        self.log.append((self.name, _plain(scope), receive, send))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


async def _run(method: Any, self: Any, scope: dict[str, Any], log: list[Any]) -> list[Any]:
    """What calling `method` did: the calls recorded, the scope after, the exception."""
    log.clear()

    async def receive() -> dict[str, Any]:
        return {"type": "http.request"}

    async def send(message: Any) -> None:
        return None

    try:
        await method(self, scope, receive, send)
        raised = None
    except Exception as exc:
        raised = (type(exc), str(exc))
    return [[(n, s, r is receive, x is send) for n, s, r, x in log], _plain(scope), raised]


def _side_by_side(name: str, replacement: Any, make: Any, scopes: list[dict[str, Any]]) -> None:
    original = tail_calls.ORIGINALS[name]

    async def compare() -> None:
        for scope in scopes:
            log: list[Any] = []
            theirs = await _run(original, make(log), _plain(scope), log)
            ours = await _run(replacement, make(log), _plain(scope), log)
            assert ours == theirs, (name, scope)

    asyncio.run(compare())


ROUTED = {"api_base_path": "/api", "operation_id": "op"}
SCOPES = [
    {"type": "http", "extensions": {ROUTING_CONTEXT: ROUTED}},
    {"type": "http", "extensions": {ROUTING_CONTEXT: {**ROUTED, "operation_id": None}}},
    {"type": "http", "extensions": {ROUTING_CONTEXT: {**ROUTED, "operation_id": "other"}}},
    {"type": "http", "extensions": {ROUTING_CONTEXT: {**ROUTED, "api_base_path": "/x"}}},
    {"type": "http", "extensions": {ROUTING_CONTEXT: {"operation_id": "op"}}},
    {"type": "http", "extensions": {}},
    {"type": "http"},
    {"type": "lifespan"},
    {"type": "websocket", "extensions": {ROUTING_CONTEXT: ROUTED}},
]


def test_routed_middleware_reaches_the_same_operation() -> None:
    class Api:
        def __init__(self, log: list[Any]) -> None:
            self.operations = {"op": Recorder(log, "operation")}

    def make(log: list[Any]) -> Any:
        middleware = RoutedMiddleware.__new__(RoutedMiddleware)
        middleware.app = Recorder(log, "next")
        middleware.apis = {"/api": [Api(log)]}
        return middleware

    _side_by_side(
        "connexion.middleware.abstract.RoutedMiddleware.__call__",
        tail_calls._routed_middleware,
        make,
        SCOPES,
    )


def test_connexion_middleware_builds_its_stack_once_and_hands_on() -> None:
    built: list[Any] = []
    middleware = ConnexionMiddleware.__new__(ConnexionMiddleware)  # "app" in the scope: one

    def make(log: list[Any]) -> Any:
        middleware.middleware_stack = None  # not built yet

        def build() -> Any:
            built.append(1)
            return Recorder(log, "stack"), ["the stack"]

        middleware._build_middleware_stack = build  # type: ignore[method-assign]
        return middleware

    scopes = [{"type": "http"}, {"type": "lifespan"}]
    _side_by_side(
        "connexion.middleware.main.ConnexionMiddleware.__call__",
        tail_calls._connexion_middleware,
        make,
        scopes,
    )
    assert len(built) == 2 * len(scopes)  # built on the first call of each run


def test_lifespan_middleware_passes_the_same_way() -> None:
    def make(log: list[Any], lifespan: Any) -> Any:
        middleware = LifespanMiddleware.__new__(LifespanMiddleware)
        middleware.next_app = Recorder(log, "next")
        middleware._lifespan = lifespan
        middleware.router = Recorder(log, "router")
        return middleware

    for lifespan in (None, object()):
        _side_by_side(
            "connexion.middleware.lifespan.LifespanMiddleware.__call__",
            tail_calls._lifespan_middleware,
            lambda log, lifespan=lifespan: make(log, lifespan),
            SCOPES,
        )


def test_routing_operation_hands_on_the_same_scope() -> None:
    """The operation's id and base path go into the scope RoutingMiddleware saved."""
    scopes = [
        {"type": "http", "root_path": "/api", "path_params": {"id": "1"}},
        {"type": "http", "route_root_path": "/api/v2", "root_path": "/api"},
        {"type": "http"},
    ]
    for operation_id in ("op", None):

        def make(log: list[Any], operation_id: str | None = operation_id) -> Any:
            # the scope as RoutingMiddleware saved it, fresh for each run
            routing_scope.set({"type": "http", "root_path": "", "extensions": {}})
            return RoutingOperation(operation_id, Recorder(log, "next"))

        _side_by_side(
            "connexion.middleware.routing.RoutingOperation.__call__",
            tail_calls._routing_operation,
            make,
            scopes,
        )


def test_routing_middleware_saves_the_scope_and_calls_the_router() -> None:
    saved: list[Any] = []

    def make(log: list[Any]) -> Any:
        middleware = RoutingMiddleware.__new__(RoutingMiddleware)
        middleware.app = Recorder(log, "next")

        class Router:
            async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
                await self.middleware_stack(scope, receive, send)

            async def middleware_stack(self, scope: Any, receive: Any, send: Any) -> None:
                saved.append(_plain(routing_scope.get()))
                log.append(("router", _plain(scope), receive, send))

        middleware.router = Router()
        return middleware

    _side_by_side(
        "connexion.middleware.routing.RoutingMiddleware.__call__",
        tail_calls._routing_middleware,
        make,
        SCOPES,
    )
    assert saved
    assert saved[0::2] == saved[1::2]  # the same copy saved by both


def test_context_operation_sets_the_same_context() -> None:
    seen: list[Any] = []

    class Next:
        async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
            seen.append(
                (
                    connexion_context._context.get(),
                    connexion_context._operation.get(),
                    connexion_context._receive.get() is receive,
                    connexion_context._scope.get() is scope,
                )
            )

    def make(log: list[Any]) -> Any:
        return ContextOperation(Next(), operation="the operation")  # type: ignore[arg-type]

    scopes = [
        {"type": "http", "extensions": {"connexion_context": {"db": 1}}},
        {"type": "http", "extensions": {}},
        {"type": "http"},
    ]
    _side_by_side(
        "connexion.middleware.context.ContextOperation.__call__",
        tail_calls._context_operation,
        make,
        scopes,
    )
    assert len(seen) == 2 * len(scopes)
    assert seen[0::2] == seen[1::2]


def _errors() -> list[Exception | None]:
    from starlette.exceptions import HTTPException

    return [None, KeyError("k"), HTTPException(409), HTTPException(400), ValueError("v")]


@pytest.mark.parametrize("error", _errors(), ids=repr)
def test_exception_middleware_handles_the_same_errors(error: Exception | None) -> None:
    """Starlette's ExceptionMiddleware call (what Connexion's delegates to) and the tail call,
    on Connexion's middleware with its handlers: the same handler for the same error, the same
    response, the same error passed on."""
    from starlette.responses import PlainTextResponse

    async def teapot(request: Any, exc: Exception) -> Any:
        return PlainTextResponse(f"{type(exc).__name__}", status_code=418)

    log: list[Any] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        log.append(("app", _plain(scope), True, True))
        if error is not None:
            raise error
        await send({"type": "http.response.start", "status": 204, "headers": []})

    middleware = ExceptionMiddleware(app)
    middleware.add_exception_handler(KeyError, teapot)
    middleware.add_exception_handler(409, teapot)

    async def sent(message: Any) -> None:
        log.append(("sent", message, True, True))

    def with_sent(method: Any) -> Any:
        async def call(self: Any, scope: Any, receive: Any, send: Any) -> None:
            await method(self, scope, receive, sent)

        return call

    original = tail_calls.ORIGINALS["starlette.middleware.exceptions.ExceptionMiddleware.__call__"]
    scopes = [
        {"type": "http", "method": "GET", "path": "/x", "headers": [], "query_string": b""},
        {"type": "lifespan"},
    ]

    async def compare() -> None:
        for scope in scopes:
            theirs = await _run(with_sent(original), middleware, _plain(scope), log)
            ours = await _run(
                with_sent(tail_calls._exception_middleware), middleware, _plain(scope), log
            )
            assert ours == theirs, scope
            assert theirs[0], scope  # the app was called

    asyncio.run(compare())


# --- the bearer check ----------------------------------------------------------------------

CLAIMS = {"sub": "u1", "tenant_id": "t1"}


def check_token(token: str) -> Any:
    """A bearer check with every kind of answer Connexion's chain tells apart."""
    from connexion.security import NO_VALUE

    from crm.errors import Forbidden, Unauthorized

    answers: dict[str, Any] = {
        "good": CLAIMS,
        "uid-only": {"uid": "legacy"},
        "none": None,
        "no-value": NO_VALUE,
        "not-a-mapping": 7,
    }
    if token in answers:
        return answers[token]
    if token == "forbidden":
        raise Forbidden()
    if token == "boom":
        raise ValueError("boom")
    raise Unauthorized()


async def check_token_async(token: str) -> Any:
    return check_token(token)


def check_token_later(token: str) -> Any:
    """A plain function that hands back a coroutine (Connexion awaits it)."""
    return check_token_async(token)


def check_token_with_scopes(token: str, required_scopes: Any = None) -> Any:
    return check_token(token)


HERE = __name__
AUTHORIZATIONS: list[list[tuple[bytes, bytes]]] = [
    [],
    [(b"authorization", b"")],
    [(b"authorization", b"   ")],
    [(b"authorization", b"Bearer")],
    [(b"authorization", b"Basic dTpw")],
    [(b"authorization", b"bearer good")],
    [(b"authorization", b"BEARER  good")],
    [(b"authorization", b"Bearer good extra")],
    [(b"Authorization", b"Bearer good")],  # a name not lower-cased: Headers does not see it
    [(b"authorization", b"Bearer bad"), (b"authorization", b"Bearer good")],
    [(b"x-other", b"1"), (b"authorization", b"Bearer uid-only")],
    [(b"authorization", b"Bearer none")],
    [(b"authorization", b"Bearer no-value")],
    [(b"authorization", b"Bearer forbidden")],
    [(b"authorization", b"Bearer boom")],
    [(b"authorization", b"Bearer not-a-mapping")],
    [(b"authorization", "Bearer caf\u00e9".encode("latin-1"))],
]


def _security_outcome(
    method: Any, operation: Any, headers: list[tuple[bytes, bytes]], extensions: Any
) -> Any:
    log: list[Any] = []
    operation.next_app = Recorder(log, "next")
    scope: dict[str, Any] = {"type": "http", "headers": headers, "path": "/x", "method": "GET"}
    if extensions is not None:
        scope["extensions"] = _plain(extensions)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request"}

    async def send(message: Any) -> None:
        return None

    async def call() -> Any:
        try:
            await method(operation, scope, receive, send)
        except Exception as exc:
            status = getattr(exc, "status_code", getattr(exc, "status", None))
            return ("raised", type(exc), str(exc), getattr(exc, "detail", None), status)
        return ("passed", [(n, s, r is receive, x is send) for n, s, r, x in log], _plain(scope))

    return asyncio.run(call())


@pytest.mark.parametrize(
    "func",
    ["check_token", "check_token_async", "check_token_later", "check_token_with_scopes"],
)
def test_security_operation_verifies_the_same_way(func: str) -> None:
    """Connexion's verification and the replacement, on the same operation, for every kind of
    Authorization header and every kind of answer: the same next app called with the same
    scope (token_info and user in connexion_context), or the same error."""
    from connexion.middleware.security import SecurityOperation
    from connexion.security import SecurityHandlerFactory

    from crm import connexion_patch

    connexion_patch.enable()  # the cached signature check, as in the app
    schemes = {"bearerAuth": {"type": "http", "scheme": "bearer",
                              "x-bearerInfoFunc": f"{HERE}.{func}"}}  # fmt: skip
    securities: list[Any] = [[{"bearerAuth": []}], []]
    original = tail_calls.ORIGINALS["connexion.middleware.security.SecurityOperation.__call__"]
    compared = 0
    for security in securities:
        operation = SecurityOperation(
            Recorder([], "next"),
            security_handler_factory=SecurityHandlerFactory(),
            security=security,
            security_schemes=schemes,
        )
        for headers in AUTHORIZATIONS:
            for extensions in (None, {}, {"connexion_context": {"db": 1}}):
                theirs = _security_outcome(original, operation, headers, extensions)
                ours = _security_outcome(
                    tail_calls._security_operation, operation, headers, extensions
                )
                assert ours == theirs, (security, headers, extensions)
                compared += 1
    assert compared == 2 * len(AUTHORIZATIONS) * 3


def test_the_bearer_shortcut_is_taken_only_for_a_plain_bearer_function() -> None:
    """Which operations the replacement verifies itself; every other shape is Connexion's."""
    from connexion.middleware.security import SecurityOperation
    from connexion.security import SecurityHandlerFactory

    def operation(func: str, security: Any = None, scheme: Any = None) -> Any:
        schemes = {
            "bearerAuth": scheme
            or {"type": "http", "scheme": "Bearer", "x-bearerInfoFunc": f"{HERE}.{func}"},
            "key": {"type": "apiKey", "in": "header", "name": "X-Key",
                    "x-apikeyInfoFunc": f"{HERE}.{func}"},
        }  # fmt: skip
        return SecurityOperation(
            Recorder([], "next"),
            security_handler_factory=SecurityHandlerFactory(),
            security=security if security is not None else [{"bearerAuth": []}],
            security_schemes=schemes,
        )

    assert tail_calls._bearer_function(operation("check_token")) is check_token
    assert tail_calls._bearer_function(operation("check_token_later")) is check_token_later
    assert tail_calls._bearer_function(operation("check_token_async")) is None
    assert tail_calls._bearer_function(operation("check_token_with_scopes")) is None
    assert tail_calls._bearer_function(operation("check_token", [{"key": []}])) is None
    two = [{"bearerAuth": []}, {"key": []}]
    assert tail_calls._bearer_function(operation("check_token", two)) is None
    both = [{"bearerAuth": [], "key": []}]
    assert tail_calls._bearer_function(operation("check_token", both)) is None
    basic = {"type": "http", "scheme": "basic", "x-basicInfoFunc": f"{HERE}.check_token"}
    assert tail_calls._bearer_function(operation("check_token", scheme=basic)) is None


# --- a served request ---------------------------------------------------------------------

# The frames between the app's entry and a handler of a GET, in production: each one a layer
# that must stay on the chain (a `try` around the rest, or an await followed by more work).
PRODUCTION_CHAIN = [
    "tests/unit/test_tail_calls.py:handler",
    "crm/operations.py:_call",  # awaits the handler, then sends its response
    "starlette/_exception_handler.py:wrapped_app",  # error handlers: a try
    "crm/observability/requests.py:ObservabilityMiddleware.__call__",  # the access line
    "starlette/middleware/errors.py:ServerErrorMiddleware.__call__",  # the last resort
    "connexion/apps/abstract.py:AbstractApp.__call__",  # uvicorn's app: a coroutine function
]


def test_a_served_request_passes_no_pass_through_frame() -> None:
    """What a handler's frame chain holds in production (no Swagger UI, no response
    validation): none of the routing and pass-through layers, only the layers above."""
    chains: list[list[str]] = []

    async def handler(**_: Any) -> Any:
        frame = inspect.currentframe()
        chain = []
        while frame is not None:
            name = frame.f_code.co_qualname.replace(".<locals>.", ":").split(":")[-1]
            chain.append(f"{_where(frame.f_code.co_filename)}:{name}")
            frame = frame.f_back
        chains.append(chain)
        return {"ok": True}

    settings = Settings.from_env(
        {
            "CRM_ENV": "production",
            "DATABASE_URL": "postgresql://crm:unused@127.0.0.1:9/crm",  # never connected
            "JWT_SECRET": "a production secret of at least thirty-two bytes",
        }
    )
    app = create_app(settings, resolver=Resolver(function_resolver=lambda _: handler))
    token = auth.issue_access_token(
        user_id=str(uuid.uuid4()), tenant_id=str(uuid.uuid4()), role="user",
        session_id=str(uuid.uuid4()),
    )  # fmt: skip

    async def get() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            headers = {"Authorization": f"Bearer {token}"}
            await client.get(f"/api/leads/{uuid.uuid4()}", headers=headers)

    asyncio.run(get())
    (chain,) = chains
    end = next(i for i, f in enumerate(chain) if f.endswith("AbstractApp.__call__"))
    assert chain[: end + 1] == PRODUCTION_CHAIN


PROJECT = Path(tail_calls.__file__).resolve().parents[1]


def _where(filename: str) -> str:
    """A frame's file: relative to the project (wherever it is checked out), or to
    site-packages (`connexion/middleware/main.py`)."""
    path = Path(filename).resolve()
    if path.is_relative_to(PROJECT) and "site-packages" not in path.parts:
        return path.relative_to(PROJECT).as_posix()
    parts = path.parts
    if "site-packages" in parts:
        return "/".join(parts[parts.index("site-packages") + 1 :])
    return path.name
