"""The application factory: Connexion's AsyncApp over the generated openapi.yaml, at /api.

Request path through the stack (outermost first; Connexion's own middlewares in plain text):

```
ServerErrorMiddleware   last resort -> our 500 body
ObservabilityMiddleware GET /metrics (unless METRICS_ENABLED=false); X-Request-ID, the access
                        line, slow requests, metrics, Sentry (crm.observability)
CORSMiddleware          (BEFORE_EXCEPTION, only when CORS_ORIGINS is set)
ExceptionMiddleware     every error handler below turns an exception into {"error", "details"}
SwaggerUIMiddleware     /api/openapi.json (development and test only)
DocsMiddleware          /api, /api/ (JSON index); /api/docs/ Swagger UI 5 (development and test)
RequestShape            /api/leads/ is routed as /api/leads, never redirected; 405 on literal paths;
                        413 over Settings.max_body_bytes; chunked bodies get a Content-Length
RoutingMiddleware
SecurityMiddleware      bearerAuth -> crm.auth.decode_token
Operation               429 before validation: login/refresh per address, per user (crm.ratelimit);
                        415 for a body without Content-Type (docs/architecture.md, 1f-1);
                        db, settings and, for a verified token, the tenant Scope -> handler args
RequestValidationMiddleware   crm.openapi31 validators (JSON Schema 2020-12)
ResponseValidationMiddleware  development and test only
LifespanMiddleware, ContextMiddleware -> handlers/<resource>.py
```

Layers that only hand a request on do so as tail calls (crm/tail_calls.py): they return the
next app's awaitable, so a request waiting on the database does not carry them.
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from functools import cache
from typing import Any

import connexion
from connexion import AsyncApp
from connexion.exceptions import (
    BadRequestProblem,
    NonConformingResponse,
    ProblemException,
    ResolverProblem,
    UnsupportedMediaTypeProblem,
)
from connexion.exceptions import Unauthorized as ConnexionUnauthorized
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from connexion.middleware import MiddlewarePosition
from connexion.middleware.response_validation import ResponseValidationMiddleware
from connexion.middleware.swagger_ui import SwaggerUIMiddleware
from connexion.options import SwaggerUIOptions
from connexion.resolver import Resolver
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from crm import auth, connexion_patch, operations, passwords, tail_calls
from crm.db import Database, open_database
from crm.docs import DocsMiddleware
from crm.errors import (
    BadRequest,
    CrmError,
    PayloadTooLarge,
    Unauthorized,
    UnsupportedMediaType,
    error_body,
)
from crm.observability import access, metrics, sentry, wiring
from crm.openapi31 import VALIDATOR_MAP, ValidationProblem, enable_openapi31, load_spec
from crm.ratelimit import RateLimits, count_request
from crm.resolver import ResourceResolver
from crm.scope import Scope as TenantScope
from crm.settings import Settings

log = logging.getLogger(__name__)

BASE_PATH = "/api"
JSON = "application/json"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

INTERNAL_ERROR = "Something went wrong on our side; the error has been logged."
NOT_IMPLEMENTED = "This operation is not available yet."


def create_app(
    settings: Settings,
    *,
    resolver: Resolver | None = None,
    database: Database | None = None,
) -> AsyncApp:
    """Build the ASGI app for `settings`.

    `resolver` lets tests swap handlers in; `database` lets them share one they close
    themselves (an app opens its own from DATABASE_URL and closes it at shutdown).
    """
    enable_openapi31()
    operations.enable()
    connexion_patch.enable()
    tail_calls.enable()
    auth.configure(settings)
    passwords.configure(settings)
    wiring.configure(settings)
    db = database or open_database(settings)
    rate_limits = RateLimits(settings)
    spec = _spec()
    development = settings.env in ("development", "test")

    middlewares = [
        m
        for m in connexion.middleware.ConnexionMiddleware.default_middlewares
        if development or m not in (SwaggerUIMiddleware, ResponseValidationMiddleware)
    ]

    @asynccontextmanager
    async def lifespan(_: Any) -> AsyncIterator[None]:
        yield
        access.flush()  # the access lines and metrics still kept (ACCESS_LOG_FLUSH_MS)
        metrics.flush()
        await rate_limits.close()
        if database is None:
            await db.close()

    app = AsyncApp(
        __name__,
        lifespan=lifespan,
        middlewares=middlewares,
        validator_map=VALIDATOR_MAP,
        strict_validation=True,
        validate_responses=development,
        resolver_error=501,
        # Connexion serves the spec only; its Swagger UI is 4.x, which cannot read OpenAPI 3.1.
        swagger_ui_options=SwaggerUIOptions(swagger_ui=False),
    )
    # Each operationId binds to its resource's own handler or to the standard one.
    app.add_api(spec, base_path=BASE_PATH, resolver=resolver or ResourceResolver(), name="crm")
    wiring.install(app, settings, spec, db, BASE_PATH)  # request ids, access log, metrics

    # Outside Connexion's routers (each redirects /api to /api/, which RequestShapeMiddleware
    # strips again), and before RequestShapeMiddleware: /api/docs/ is seen as sent.
    app.add_middleware(
        DocsMiddleware,
        position=(
            MiddlewarePosition.BEFORE_SWAGGER if development else MiddlewarePosition.BEFORE_ROUTING
        ),
        spec=spec,
        base_path=BASE_PATH,
        docs=development,
    )

    # Before routing, so the router sees the stripped path.
    allowed = AllowedMethods(spec, BASE_PATH)
    app.add_middleware(
        RequestShapeMiddleware,
        position=MiddlewarePosition.BEFORE_ROUTING,
        allowed=allowed,
        max_body_bytes=settings.max_body_bytes,
    )
    # After routing and security (the operation and the verified user are known), before
    # validation and the handler: a refused request costs no parsing and no password hash.
    app.add_middleware(
        OperationMiddleware,
        position=MiddlewarePosition.BEFORE_VALIDATION,
        rate_limits=rate_limits,
        db=db,
        settings=settings,
    )
    if settings.cors_origins:
        app.add_middleware(
            JsonCORSMiddleware,
            position=MiddlewarePosition.BEFORE_EXCEPTION,
            allow_origins=list(settings.cors_origins),
            allow_credentials=True,
            allow_methods=sorted(
                {m.upper() for p in spec["paths"].values() for m in p if m in HTTP_METHODS}
            ),
            allow_headers=["Authorization", "Content-Type"],
            expose_headers=[
                "Retry-After",
                "X-Request-ID",  # a frontend can quote the id
                "RateLimit-Limit",
                "RateLimit-Remaining",
                "RateLimit-Reset",
            ],
            max_age=600,
        )

    app.add_error_handler(CrmError, _crm_error)
    app.add_error_handler(ProblemException, _problem)
    app.add_error_handler(HTTPException, _http_error_for(allowed))
    app.add_error_handler(Exception, _unhandled)
    return app


@cache
def _spec_cached() -> dict[str, Any]:
    return load_spec()


def _spec() -> dict[str, Any]:
    # Connexion mutates the dict it is given (defaults, servers); each app gets its own copy.
    return copy.deepcopy(_spec_cached())


# --- error handlers ---------------------------------------------------------------------------


def json_error(
    status: int,
    message: str,
    details: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
) -> ConnexionResponse:
    return ConnexionResponse(
        status_code=status,
        mimetype=JSON,
        content_type=JSON,
        body=error_body(message, details),
        headers=dict(headers or {}),
    )


async def _crm_error(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    assert isinstance(exc, CrmError)
    if exc.status == Unauthorized.status:
        # One answer for every token and session problem (which check failed stays in the
        # server); login's own sentence ("The email or password is not correct.") passes.
        message = (
            exc.message if exc.message != Unauthorized.default_message else auth.TOKEN_REJECTED
        )
        return json_error(401, message, {}, {"WWW-Authenticate": "Bearer"})
    return json_error(exc.status, exc.message, exc.details, exc.headers)


async def _problem(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    assert isinstance(exc, ProblemException)
    if isinstance(exc, ValidationProblem):
        return json_error(400, exc.message, exc.details)
    if isinstance(exc, BadRequestProblem):
        return json_error(400, f"The request is not valid: {exc.detail}", {})
    if isinstance(exc, ConnexionUnauthorized):
        # Connexion raises this when no bearer token came at all (a bad one reaches
        # decode_token, whose Unauthorized is handled above).
        scheme = request.headers.get("authorization", "").partition(" ")[0].lower()
        message = auth.TOKEN_REJECTED if scheme == "bearer" else auth.TOKEN_MISSING
        return json_error(401, message, {}, {"WWW-Authenticate": "Bearer"})
    if isinstance(exc, UnsupportedMediaTypeProblem):
        return json_error(415, UnsupportedMediaType.default_message, {})
    if isinstance(exc, ResolverProblem):
        return json_error(501, NOT_IMPLEMENTED, {})
    if isinstance(exc, NonConformingResponse):
        log.error(
            "response does not conform to openapi.yaml: %s %s: %s",
            request.method,
            request.url.path,
            exc.detail,
        )
        return json_error(500, INTERNAL_ERROR, {})
    status = int(exc.status)
    if status >= 500:
        log.error("%s %s: %r", request.method, request.url.path, exc)
        return json_error(status, INTERNAL_ERROR, {})
    return json_error(status, str(exc.detail or exc.title or "The request failed."), {})


def _http_error_for(
    allowed: AllowedMethods,
) -> Callable[[ConnexionRequest, Exception], Awaitable[ConnexionResponse]]:
    async def _http_error(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
        assert isinstance(exc, HTTPException)
        status = exc.status_code
        if status == 404:
            return json_error(404, "There is nothing at this address.", {})
        if status == 405:
            methods = allowed.for_path(request.url.path)
            return json_error(
                405,
                f"{request.method} is not allowed here; use {', '.join(methods)}.",
                {"allowed": methods},
                {"Allow": ", ".join(methods)},
            )
        if status == 403:
            return json_error(403, "You do not have permission to do this.", {})
        if status >= 500:
            log.error("%s %s: %r", request.method, request.url.path, exc)
            return json_error(status, INTERNAL_ERROR, {})
        return json_error(status, str(exc.detail) if exc.detail else "The request failed.", {})

    return _http_error


async def _unhandled(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    # The traceback goes to the log and, once, to Sentry; never to the client.
    log.error("unhandled error in %s %s", request.method, request.url.path, exc_info=exc)
    sentry.report(exc, request.scope)
    return json_error(500, INTERNAL_ERROR, {})


class AllowedMethods:
    """The methods the spec declares for a concrete path, for 405's `Allow` (architecture 1f-3).

    Connexion registers one Starlette route per operation, so Starlette's own `Allow` names only
    the first route that matched the path. Literal paths win over templated ones, as in routing.
    """

    def __init__(self, spec: Mapping[str, Any], base_path: str) -> None:
        entries: list[tuple[int, re.Pattern[str], list[str]]] = []
        literals: dict[str, list[str]] = {}
        for template, item in spec["paths"].items():
            methods = {m.upper() for m in item if m in HTTP_METHODS}
            if "GET" in methods:
                methods.add("HEAD")  # Starlette answers HEAD wherever it answers GET
            pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(base_path + template))
            entries.append((template.count("{"), re.compile(pattern), sorted(methods)))
            if "{" not in template:
                # matches only its own text: a dict, not a scan of patterns (every request)
                literals[base_path + template] = sorted(methods)
        entries.sort(key=lambda entry: entry[0])  # stable: spec order among equals
        self._entries = entries
        self._literals = literals

    def literal(self, path: str) -> list[str] | None:
        """The methods of a spec path without parameters that is exactly `path`, or None."""
        if len(path) > 1 and path.endswith("/"):
            path = path[:-1]
        return self._literals.get(path)

    def for_path(self, path: str) -> list[str]:
        # Error handlers see the path as sent, before RequestShapeMiddleware stripped it.
        if len(path) > 1 and path.endswith("/"):
            path = path[:-1]
        for _, pattern, methods in self._entries:
            if pattern.fullmatch(path):
                return methods
        return []


# --- middleware -------------------------------------------------------------------------------


class RequestShapeMiddleware:
    """Before routing: the path routed as sent less one trailing slash, a 405 for a method a
    literal spec path does not declare, and the body's size limit.

    One middleware for the three (each a method below, in this order): each layer of the stack
    is passed again whenever a request resumes from a database wait (docs/architecture.md,
    "The hot path"). Inside ExceptionMiddleware, so a 413 raised while the body streams in
    still gets the JSON shape.
    """

    def __init__(self, app: ASGIApp, *, allowed: AllowedMethods, max_body_bytes: int) -> None:
        self.app = app
        self.allowed = allowed
        self.max_body_bytes = max_body_bytes

    def __call__(self, scope: Scope, receive: Receive, send: Send) -> Awaitable[None]:
        # a tail call (crm/tail_calls.py): the next app's awaitable, no frame of this one's,
        # unless a body without Content-Length must be read first
        if scope["type"] == "http":
            scope = self.without_trailing_slash(scope)
            self.check_method(scope)
            if scope["method"] in BODY_METHODS:
                declared = Headers(scope=scope).get("content-length")
                if declared is None:
                    return self._read_first(scope, receive, send)
                receive = self.limit_declared(declared, receive)
        return self.app(scope, receive, send)

    @staticmethod
    def without_trailing_slash(scope: Scope) -> Scope:
        """Route `/api/leads/` exactly as `/api/leads`: strip one trailing slash, never
        redirect. The frontends in use call collections with a trailing slash
        (docs/architecture.md, "What existing frontends rely on"); a redirect would lose the
        body of a POST and costs a round trip."""
        path: str = scope["path"]
        if "//" in path:
            # An empty segment (`/api/leads//`, `/api/leads/%2F`) names no route. Starlette's
            # router would answer it with a redirect built from the Host header.
            raise HTTPException(404)
        if len(path) > 1 and path.endswith("/"):
            scope = dict(scope)
            scope["path"] = path[:-1]
            raw = scope.get("raw_path")
            if isinstance(raw, bytes) and raw.endswith(b"/"):
                scope["raw_path"] = raw[:-1]
        return scope

    def check_method(self, scope: Scope) -> None:
        """405 for a method a literal spec path does not declare (PATCH /api/leads/bulk).

        Connexion's router tries the other routes too, so without this `/leads/bulk` would be
        read as `/leads/{id}` with the id "bulk", and answer 400 instead of 405 with `Allow`.
        """
        methods = self.allowed.literal(scope["path"])
        if methods is not None and scope["method"] not in methods:
            raise HTTPException(405)

    def limit_declared(self, declared: str, receive: Receive) -> Receive:
        """413 for a body over `max_body_bytes`, checked on the header and on the bytes
        received."""
        if not declared.isdigit():
            raise BadRequest("The Content-Length header must be a whole number.")
        if int(declared) > self.max_body_bytes:
            raise self._too_large()
        return self._counting(receive)

    async def _read_first(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A body sent without Content-Length (chunked) is read here, up to the limit, and
        passed on with a Content-Length: Connexion's body validation treats a missing
        Content-Length as no body at all."""
        body = await self._read_all(receive)
        scope = dict(scope)
        scope["headers"] = [*scope["headers"], (b"content-length", str(len(body)).encode())]
        await self.app(scope, _replay(body, receive), send)

    def _too_large(self) -> PayloadTooLarge:
        return PayloadTooLarge(
            f"The request body is larger than the {self.max_body_bytes} bytes this server accepts.",
            {"max_bytes": self.max_body_bytes},
        )

    def _counting(self, receive: Receive) -> Receive:
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body_bytes:
                raise self._too_large()
            return message

        return counted

    async def _read_all(self, receive: Receive) -> bytes:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                raise self._too_large()
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def require_content_type(scope: Scope) -> Scope:
    """415 for a request body without Content-Type (docs/architecture.md, 1f-1); the scope with
    the media type lower-cased for everything after this.

    Connexion validates a body without Content-Type as JSON but hands the handler raw bytes (a
    500). A wrong Content-Type is already a 415 from Connexion's validation; this covers the
    missing one. Media types are case-insensitive (RFC 9110 8.3.1), but Connexion looks up the
    body validator and decides how to parse by the exact spelling: `APPLICATION/JSON` would skip
    validation and reach the handler as bytes.
    """
    if scope["method"] not in BODY_METHODS:
        return scope
    headers = Headers(scope=scope)
    content_type = headers.get("content-type")
    if int(headers.get("content-length", "0") or 0) > 0 and not content_type:
        raise UnsupportedMediaType(details={"content_type": None})
    if content_type:
        media_type, sep, parameters = content_type.partition(";")
        if media_type != media_type.lower():
            scope = dict(scope)
            scope["headers"] = [
                (k, f"{media_type.lower()}{sep}{parameters}".encode("latin-1"))
                if k.lower() == b"content-type"
                else (k, v)
                for k, v in scope["headers"]
            ]
    return scope


class JsonCORSMiddleware(CORSMiddleware):
    """Starlette's CORS (exact origins, credentials), with its preflight refusal in our shape."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code < 400:
            return response
        body = error_body(
            "This origin, method or header is not allowed by the CORS policy.",
            {"reason": bytes(response.body).decode("utf-8", "replace")},
        )
        headers = {
            k: v
            for k, v in response.headers.items()
            if k.lower() not in ("content-length", "content-type")
        }
        return Response(body, status_code=response.status_code, headers=headers, media_type=JSON)


class OperationMiddleware:
    """A routed request, between security and validation: its rate limit, the Content-Type
    rule, and what its handler declares.

    After Connexion's routing and security (the operation and the verified user are known),
    before validation and the handler, in this order: a request refused by its budget costs no
    parsing and no password hash (`crm.ratelimit.count_request`); a body without Content-Type
    is a 415 (`require_content_type`); then the handler's context. Connexion passes a context
    entry to a handler whose signature names it: `db`, `settings`, and `scope`, the tenant
    Scope of the verified token (set by the security layer just before this). An operation
    without security (login, refresh, health) gets no scope, only `db`.

    One middleware for the three: each layer of the stack is passed again whenever a request
    resumes from a database wait (docs/architecture.md, "The hot path").
    """

    def __init__(
        self, app: ASGIApp, *, rate_limits: RateLimits, db: Database, settings: Settings
    ) -> None:
        self.app = app
        self.rate_limits = rate_limits
        self.db = db
        self.settings = settings

    def __call__(self, scope: Scope, receive: Receive, send: Send) -> Awaitable[None]:
        # a tail call (crm/tail_calls.py) unless the count must wait (a shared storage, login)
        if scope["type"] != "http":
            return self.app(scope, receive, send)
        counting = count_request(self.rate_limits, scope)
        if counting is not None:
            return self._counted(counting, scope, receive, send)
        return self.app(self._prepared(scope), receive, send)

    async def _counted(
        self, counting: Awaitable[None], scope: Scope, receive: Receive, send: Send
    ) -> None:
        await counting
        await self.app(self._prepared(scope), receive, send)

    def _prepared(self, scope: Scope) -> Scope:
        scope = require_content_type(scope)
        context = scope.setdefault("extensions", {}).setdefault("connexion_context", {})
        context["db"] = self.db
        context["settings"] = self.settings
        claims = context.get("token_info")
        if claims is not None:
            context["scope"] = TenantScope.from_claims(self.db, claims)
        return scope
