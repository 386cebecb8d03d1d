"""The application's errors, and the one JSON body every non-2xx answer carries.

```
CrmError(status, message, details)        any error the API answers on purpose
 ├── BadRequest            400   malformed or invalid input (details name each field by path)
 ├── Unauthorized          401   no valid token, or wrong credentials
 ├── Forbidden             403   authenticated, but the role does not allow it
 ├── NotFound              404   no such record *visible to the caller* (never 403)
 ├── Conflict              409   clashes with stored data (unique key, blocked delete)
 ├── PayloadTooLarge       413   body over Settings.max_body_bytes
 ├── UnsupportedMediaType  415   body without, or with a non-JSON, Content-Type
 ├── TooManyRequests       429   rate limit; `retry_after` seconds go to Retry-After
 └── ServiceUnavailable    503   the database is unreachable or its pool stayed exhausted
```

Raise them anywhere in a request (handlers, middleware inside Connexion's exception layer);
`crm.app` turns them, and Connexion's and Starlette's own errors, into
`{"error": "<sentence>", "details": {...}}` with `application/json` via `error_body`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import orjson


class CrmError(Exception):
    """An error with an HTTP status, a sentence a person can read, and machine-readable details."""

    status: ClassVar[int] = 500
    default_message: ClassVar[str] = "The server could not complete the request."

    def __init__(
        self,
        message: str | None = None,
        details: Mapping[str, Any] | None = None,
        *,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.message = message or self.default_message
        self.details: dict[str, Any] = dict(details or {})
        self.headers: dict[str, str] = dict(headers or {})
        super().__init__(self.message)

    def body(self) -> bytes:
        return error_body(self.message, self.details)


class BadRequest(CrmError):
    status = 400
    default_message = "The request is not valid."


class Unauthorized(CrmError):
    status = 401
    default_message = "Authentication is required: log in again."


class Forbidden(CrmError):
    status = 403
    default_message = "You do not have permission to do this."


class NotFound(CrmError):
    status = 404
    default_message = "The requested resource was not found."


class Conflict(CrmError):
    status = 409
    default_message = "The request conflicts with the stored data."


class PayloadTooLarge(CrmError):
    status = 413
    default_message = "The request body is too large."


class UnsupportedMediaType(CrmError):
    status = 415
    default_message = "The request body must be JSON, sent with Content-Type: application/json."


class TooManyRequests(CrmError):
    status = 429
    default_message = "Too many requests: please wait a moment and try again."

    def __init__(
        self,
        message: str | None = None,
        details: Mapping[str, Any] | None = None,
        *,
        retry_after: int = 1,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            message, details, headers={**(headers or {}), "Retry-After": str(max(retry_after, 1))}
        )


class ServiceUnavailable(CrmError):
    status = 503
    default_message = "The service is busy or unavailable: please try again in a moment."


def error_body(message: str, details: Mapping[str, Any] | None = None) -> bytes:
    """The one error body: `{"error": message, "details": details or {}}` as JSON bytes."""
    body = {"error": message, "details": dict(details or {})}
    try:
        raw = orjson.dumps(body)
    except TypeError:  # a lone surrogate echoed from the request (a field name): not UTF-8
        return orjson.dumps(_printable(body))
    if b"\\u0000" in raw:  # a NUL echoed from the request: the contracts' text rule allows
        return orjson.dumps(_printable(body))  # none in any string, the Error body's included
    return raw


def _printable(value: Any) -> Any:
    """`value` with each lone surrogate and NUL written out as text (`\\ud800`, `\\x00`), so
    it encodes and keeps the text rule."""
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")
    if isinstance(value, Mapping):
        return {_printable(k): _printable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_printable(v) for v in value]
    return value
