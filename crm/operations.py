"""Connexion 3.3 builds each handler's call chain again on every request; build it once.

`connexion.apps.asynchronous.AsyncOperation.fn` is a property that, per request, creates a
`StarletteDecorator`, re-wraps the handler (sync/async adapter, parameter decorator, response
decorator; the parameter decorator runs `inspect.signature` on the handler) and a new URI parser
from the operation's parameters. None of that depends on the request: the wrappers read the
request, and the current operation, from Connexion's context when they run. `enable()` makes
`fn` build the chain once per operation (on its first request, inside the operation's
context) and reuse it. Same decorators, same order, same arguments; only the rebuilding goes.

It also hands the handler the JSON body `crm.openapi31.ContractBodyValidator` already parsed
and validated (kept in the ASGI scope), instead of letting Connexion parse the bytes again:
one parse per request; likewise the path and query parameters the parameter validator
resolved (the same URI parser class over the same parameters). openapi.yaml declares no form
or multipart body, so the handler's request has no files: Connexion's parameter decorator
would otherwise read a form out of every request to find none.
tests/unit/test_connexion_patch.py pins the internals these rely on.

Like `crm.openapi31` this touches Connexion internals, hence the `connexion==3.3.*` pin; the
whole API test suite runs through it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from connexion.apps.asynchronous import AsyncOperation
from connexion.context import receive, scope
from connexion.decorators import StarletteDecorator

from crm.openapi31 import PARSED_BODY, PARSED_PARAMS

_CACHE = "_crm_call"
_NOTHING = object()


def _fn(self: AsyncOperation) -> Callable[[], Awaitable[Any]]:
    call: Callable[[], Awaitable[Any]] | None = self.__dict__.get(_CACHE)
    if call is None:
        decorator = StarletteDecorator(
            pythonic_params=self.pythonic_params, jsonifier=self.jsonifier
        )
        decorated = decorator.decorate(self._fn)
        uri_parser = decorator.uri_parser  # the operation's parameters: fixed per operation
        framework = decorator.framework

        async def call() -> Any:
            request = framework.get_request(uri_parser=uri_parser, scope=scope, receive=receive)
            extensions = scope.get("extensions", {})
            parsed = extensions.get(PARSED_BODY, _NOTHING)
            if parsed is not _NOTHING:
                # the body the validator parsed: Starlette's Request.json() returns its `_json`
                # when set, so the parameter decorator does not parse the same bytes again
                request._starlette_request._json = parsed
            params = extensions.get(PARSED_PARAMS)
            if params is not None:
                # ConnexionRequest.path_params / query_params resolve only while these are None
                request._path_params, request._query_params = params
            request._files = {}  # ConnexionRequest.files() reads a form while this is None
            return await decorated(request)

        self.__dict__[_CACHE] = call
    return call


def enable() -> None:
    """Build each operation's handler chain once (idempotent)."""
    AsyncOperation.fn = property(_fn)
