"""One ASGI middleware around every request: its id, its access line, its slow line, its metrics.

```
X-Request-ID     taken from the request when it is 1-128 safe characters, else a new UUID;
                 bound to every log line written while the request runs; echoed back
access line      crm.access, INFO: method, path, route template, operationId, status,
                 duration_ms, statements (run by crm.db), tenant_id, user_id
slow request     crm.slow, WARNING, over SLOW_REQUEST_MS: the same fields
metrics          request count and latency by operationId and status; the pool's gauges;
                 GET /metrics answered here, first: a scrape is neither logged nor counted
Sentry           a transaction per request, named by operationId (when SENTRY_DSN is set)
```

The route, operationId and token claims are read back from the scope's `extensions`, where
Connexion's routing and security layers leave them: this middleware shares that dict with the
layers inside it, so it learns them without touching any of them.

It runs on every request, so it stays off the general-purpose paths where a direct one does
the same: the raw header list rather than starlette's Headers, the access line straight to the
log handler (crm.observability.access), the request id for log lines from the request's record
(crm.observability.context) rather than structlog's bound contextvars.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Mapping
from time import perf_counter
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from crm.db import Database
from crm.observability import access, context, metrics, sentry
from crm.settings import Settings

slow_log = logging.getLogger("crm.slow")

REQUEST_ID_HEADER = "X-Request-ID"
_HEADER_KEY = REQUEST_ID_HEADER.lower().encode()  # ASGI servers give names in lower case
_SAFE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:+/=-]{1,128}")
_HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def request_id_from(raw_headers: Iterable[tuple[bytes, bytes]]) -> str:
    """The request's X-Request-ID (the first one, as Headers.get) if safe, else a new UUID."""
    for key, value in raw_headers:
        if key == _HEADER_KEY:
            given = value.decode("latin-1")
            if _SAFE_REQUEST_ID.fullmatch(given):
                return given
            break
    return new_request_id()


# A hex digit -> the digit with the RFC 4122 variant (0b10) in its top two bits.
_VARIANT = {f"{n:x}": f"{8 | (n & 3):x}" for n in range(16)}


def new_request_id() -> str:
    """`str(uuid.uuid4())` in half the time: 122 random bits, version 4, variant RFC 4122."""
    h = os.urandom(16).hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"


def routes_of(spec: Mapping[str, Any], base_path: str) -> dict[str, str]:
    """operationId -> its route template (`/api/leads/{lead_id}`), from the spec."""
    return {
        operation["operationId"]: base_path + template
        for template, item in spec["paths"].items()
        for method, operation in item.items()
        if method in _HTTP_METHODS and "operationId" in operation
    }


class ObservabilityMiddleware:
    def __init__(
        self, app: ASGIApp, *, settings: Settings, routes: Mapping[str, str], db: Database
    ) -> None:
        self.app = app
        self.routes = routes
        self.db = db
        self.slow_seconds = settings.slow_request_ms / 1000
        self.metrics = settings.metrics_enabled

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.metrics and metrics.is_scrape(scope):
            await metrics.serve(self.db, scope, send)
            return
        request_id = request_id_from(scope["headers"])
        echoed = (_HEADER_KEY, request_id.encode("latin-1"))
        # One extensions dict shared with the layers inside (see the module docstring).
        scope = {**scope, "extensions": dict(scope.get("extensions") or {})}
        status = 500  # unless a response starts: an exception escaped every handler

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                # A new list, as starlette's MutableHeaders makes: the response may own the old.
                message["headers"] = [*message.get("headers", ()), echoed]
            await send(message)

        # The request's record carries its id to every log line (crm.observability.logs).
        record, token = context.start(request_id)
        started = perf_counter()
        try:
            with sentry.transaction(scope) as tx:
                try:
                    await self.app(scope, receive, send_with_id)
                finally:
                    seconds = perf_counter() - started
                    operation_id, claims = sentry.request_identity(scope)
                    sentry.name_transaction(tx, operation_id, status)
                    self._finished(scope, record, operation_id, claims, status, seconds)
        finally:
            context.finish(token)

    def _finished(
        self,
        scope: Scope,
        record: context.RequestRecord,
        operation_id: str | None,
        claims: Mapping[str, Any],
        status: int,
        seconds: float,
    ) -> None:
        fields = {
            "method": scope["method"],
            "path": scope["path"],
            "route": self.routes.get(operation_id or ""),
            "operation_id": operation_id,
            "status": status,
            "duration_ms": round(seconds * 1000, 1),
            "statements": record.statements,
            "tenant_id": claims.get("tenant_id"),
            "user_id": claims.get("sub"),
        }
        access.write(fields)
        if seconds >= self.slow_seconds:
            metrics.SLOW_REQUESTS.inc()
            slow_log.warning("slow request", extra=fields)
        if self.metrics:
            metrics.observe_request(operation_id, status, seconds)
            metrics.observe_pool(self.db, at_most_every=metrics.POOL_EVERY_SECONDS)
