"""Sentry, when SENTRY_DSN is set: each unhandled error once, nothing secret or personal sent.

Exactly once: the 500 handler in crm.app calls `report()`, the one place an event is made.
sentry-sdk's own ways in are shut: no auto-enabled integrations (its Starlette integration
would capture the same error again from Starlette's exception middleware), and the logging
integration keeps log lines as breadcrumbs only (`event_level=None`; the 500 handler also logs).

Nothing secret or personal: `scrub()` (before_send, before_send_transaction) walks the whole
event (request headers, breadcrumbs, exception messages) and replaces the values of keys that
name a secret (Authorization, Cookie, passwords, tokens) and every email address; local
variables are never attached (a login handler's locals hold the password).

Events carry the operationId as their transaction, and the tenant and user ids as tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

import sentry_sdk
from sentry_sdk.integrations.logging import LoggingIntegration
from sentry_sdk.tracing import Span
from sentry_sdk.transport import Transport
from starlette.datastructures import Headers
from starlette.types import Scope

from crm.observability import context
from crm.settings import Settings

FILTERED = "[Filtered]"
_SECRET_KEY = re.compile(
    r"authorization|cookie|passw|secret|token|api[-_]?key|session|email|e-mail", re.IGNORECASE
)
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
_JWT = re.compile(r"eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]*")


def init(settings: Settings, *, transport: type[Transport] | Transport | None = None) -> None:
    """Start the SDK when SENTRY_DSN is set. `transport` is for tests (no network)."""
    if not settings.sentry_dsn:
        return
    options: dict[str, Any] = {}
    if transport is not None:
        options["transport"] = transport
    sentry_sdk.init(
        dsn=settings.sentry_dsn,
        environment=settings.env,
        include_local_variables=False,
        auto_enabling_integrations=False,
        integrations=[LoggingIntegration(event_level=None)],
        traces_sample_rate=settings.sentry_traces_sample_rate,
        before_send=_before_send,
        before_send_transaction=_before_send,
        **options,
    )


def active() -> bool:
    return sentry_sdk.get_client().is_active()


def report(exc: BaseException, scope: Scope) -> None:
    """Send one unhandled error, tagged with what the request knew (no-op without a DSN)."""
    if not active():
        return
    operation_id, claims = request_identity(scope)
    with sentry_sdk.new_scope() as event_scope:
        if operation_id:
            event_scope.set_transaction_name(operation_id)
        event_scope.set_tag("tenant_id", claims.get("tenant_id"))
        event_scope.set_tag("user_id", claims.get("sub"))
        if claims.get("sub"):
            event_scope.set_user({"id": claims["sub"]})
        record = context.current()
        if record is not None:
            event_scope.set_tag("request_id", record.request_id)
        request = {
            "method": scope.get("method"),
            "url": scope.get("path"),
            "headers": dict(Headers(scope=scope).items()),
        }
        event_scope.add_event_processor(lambda event, _hint: {**event, "request": request})
        sentry_sdk.capture_exception(exc)


def request_identity(scope: Scope) -> tuple[str | None, Mapping[str, Any]]:
    """The operationId routed to and the verified token's claims, as far as the request got."""
    extensions = scope.get("extensions") or {}
    operation_id = (extensions.get("connexion_routing") or {}).get("operation_id")
    claims = (extensions.get("connexion_context") or {}).get("token_info") or {}
    return operation_id, claims


_NO_TRANSACTION: AbstractContextManager[None] = nullcontext()


def transaction(scope: Scope) -> AbstractContextManager[Span | None]:
    """A performance transaction for one request (sampled by SENTRY_TRACES_SAMPLE_RATE)."""
    # Without a DSN, on every request: a shared no-op instead of a generator-based manager.
    return _transaction(scope) if active() else _NO_TRANSACTION


@contextmanager
def _transaction(scope: Scope) -> Iterator[Span | None]:
    headers = dict(Headers(scope=scope).items())
    with sentry_sdk.isolation_scope():
        started = sentry_sdk.continue_trace(
            headers, op="http.server", name=scope.get("path", ""), source="url"
        )
        with sentry_sdk.start_transaction(started) as tx:
            yield tx


def name_transaction(tx: Span | None, operation_id: str | None, status: int) -> None:
    """Inside `transaction()`: the operationId as its name, once routing has found it."""
    if tx is None:
        return
    if operation_id:
        sentry_sdk.get_current_scope().set_transaction_name(operation_id, source="component")
    tx.set_http_status(status)


def _before_send(event: Any, _hint: Any) -> Any:
    return scrub(event)


def scrub(value: Any) -> Any:
    """`value` with secret-named keys' values and email addresses replaced, recursively."""
    if isinstance(value, Mapping):
        return {
            k: FILTERED if isinstance(k, str) and _SECRET_KEY.search(k) and v else scrub(v)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [scrub(v) for v in value]
    if isinstance(value, str):
        return _JWT.sub(FILTERED, _EMAIL.sub(FILTERED, value))
    return value
