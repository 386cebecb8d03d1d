"""The request being served, for whatever runs inside it (crm.db's statements, log lines).

A contextvar, not an argument: the database layer and the loggers are far from the middleware
that knows the request, and every request runs in its own context.
"""

from __future__ import annotations

from contextvars import ContextVar, Token
from dataclasses import dataclass


@dataclass(slots=True)  # made on every request; slots: less to make
class RequestRecord:
    request_id: str
    statements: int = 0
    statement_seconds: float = 0.0


_current: ContextVar[RequestRecord | None] = ContextVar("crm_request", default=None)


def current() -> RequestRecord | None:
    return _current.get()


def start(request_id: str) -> tuple[RequestRecord, Token[RequestRecord | None]]:
    record = RequestRecord(request_id)
    return record, _current.set(record)


def finish(token: Token[RequestRecord | None]) -> None:
    _current.reset(token)
