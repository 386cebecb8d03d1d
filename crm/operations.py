"""Each operation's handler call, built once: the keyword arguments Connexion's parameter
decorator would pass, from what the validators already resolved.

Connexion 3.3 rebuilds each handler's call chain on every request
(`connexion.apps.asynchronous.AsyncOperation.fn`: a `StarletteDecorator`, the sync/async
adapter, the parameter decorator with `inspect.signature`, the response decorator, a URI
parser), then builds a `ConnexionRequest`, resolves the path and query parameters again, merges
the query defaults with a deepcopy and casts every value a second time: about a fifth of a small
request's framework CPU, for arguments that depend only on the operation and on values the
validators already hold. `enable()` makes each operation build, once, a `HandlerCall` (this
module): the handler's argument names, its parameters' names and casts, its query defaults and
its body name. Per request it reads the path and query parameters the parameter validator
resolved (`crm.openapi31.PARSED_PARAMS`) and the body the body validator parsed
(`PARSED_BODY`), and passes what Connexion's `prep_kwargs` would: path parameters, query
parameters with the spec's defaults, the body (or the schema's default when none came),
and the context entries (`db`, `settings`, `scope`, ...) the handler names.

Where the plan does not reproduce Connexion (a sync handler, a form body, a parameter style it
does not cover, a request whose body was not parsed as JSON), the request goes through
Connexion's own chain, built once per operation. tests/unit/test_handler_call.py compares the
arguments of both for every operation of openapi.yaml; tests/unit/test_connexion_patch.py pins
the Connexion functions mirrored here.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from copy import deepcopy
from functools import lru_cache
from typing import Any

from connexion.apps.asynchronous import AsyncOperation
from connexion.context import operation as current_operation
from connexion.decorators import StarletteDecorator
from connexion.decorators.parameter import CONTEXT_NAME, unwrap_decorators
from connexion.decorators.parameter import sanitized as connexion_sanitized
from connexion.decorators.response import AsyncResponseDecorator
from connexion.frameworks.starlette import Starlette as StarletteFramework
from connexion.http_facts import FORM_CONTENT_TYPES
from connexion.lifecycle import ConnexionRequest
from connexion.operations import AbstractOperation
from connexion.utils import inspect_function_arguments, is_null, is_nullable, make_type
from python_multipart.multipart import parse_options_header
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from crm.connexion_patch import content_type_of
from crm.openapi31 import PARSED_BODY, PARSED_PARAMS
from crm.uri_params import ParameterPlan

# Connexion's argument name of a parameter (three regular expressions), once per name: the
# names are the spec's (strict validation refuses any other before a handler is called).
sanitized = lru_cache(maxsize=1024)(connexion_sanitized)

_CACHE = "_crm_call"
_NOTHING = object()
_OCTET_STREAM = "application/octet-stream"  # Connexion's content type when none is sent

Call = Callable[[Scope, Receive], Awaitable[Any]]


class HandlerCall:
    """The arguments of one operation's handler, as Connexion's `prep_kwargs` builds them."""

    def __init__(self, function: Callable[..., Any], op: AbstractOperation) -> None:
        arguments, has_kwargs = inspect_function_arguments(unwrap_decorators(function))
        self.arguments = frozenset(arguments)
        self.has_kwargs = has_kwargs
        self.context_argument = CONTEXT_NAME in arguments
        # name -> (argument name, type, format) of each declared path / query parameter
        self.path = {p["name"]: _cast_of(p) for p in op.parameters if p["in"] == "path"}
        query = {p["name"]: p for p in op.parameters if p["in"] == "query"}
        self.query = {
            name: _cast_of(p)
            for name, p in query.items()
            if has_kwargs or sanitized(name) in self.arguments
        }
        self.query_defaults = {
            name: default for name, default in _query_defaults(query).items() if name in self.query
        }
        self.op = op
        self.body_name: str | None = None
        if (arguments or has_kwargs) and op.is_request_body_defined:
            name = sanitized(op.body_name(""))
            if name in self.arguments or has_kwargs:
                self.body_name = name
        self._body_schemas: dict[str, Mapping[str, Any]] = {}

    @classmethod
    def of(cls, function: Callable[..., Any], op: AbstractOperation) -> HandlerCall | None:
        """The call of `function` for `op`, or None where only Connexion's chain is exact."""
        if not asyncio.iscoroutinefunction(unwrap_decorators(function)):
            return None  # Connexion runs a sync handler in a thread
        if op.method.upper() == "TRACE" or ParameterPlan.of(op.parameters) is None:
            return None
        if any(_mimetype(c) in FORM_CONTENT_TYPES for c in op.consumes):
            return None
        return cls(function, op)

    def kwargs(self, scope: Scope) -> dict[str, Any] | None:
        """The handler's keyword arguments, or None when this request needs Connexion's chain."""
        extensions = scope.get("extensions") or {}
        resolved = extensions.get(PARSED_PARAMS)
        if resolved is None:
            return None
        path_params, query_params = resolved
        kwargs: dict[str, Any] = {}
        for name, value in path_params.items():
            cast = self.path.get(name)
            kwargs[sanitized(name)] = value if cast is None else _typed(value, cast)
        # Connexion deep-merges the request's values into a deepcopy of the defaults: a value
        # equal to its default keeps the default's object (a plan's parameters are scalars,
        # whose defaults are immutable: a shallow copy is that deepcopy)
        values = dict(self.query_defaults)
        for name, value in query_params.items():
            if name not in values or values[name] != value:
                values[name] = value
        for name, value in values.items():
            cast = self.query.get(name)
            if cast is not None:
                kwargs[sanitized(name)] = _typed(value, cast)
        if self.body_name is not None:
            body = extensions.get(PARSED_BODY, _NOTHING)
            if body is _NOTHING:
                return None  # no JSON body was parsed: Connexion decides what the handler gets
            schema = self._body_schema(scope)
            if is_nullable(schema) and is_null(body):
                body = None
            elif body is None:
                body = deepcopy(schema.get("default", {}))
            kwargs[self.body_name] = body
        context: dict[str, Any] = extensions.get("connexion_context", {})
        for key, value in context.items():
            if self.has_kwargs or key in self.arguments:
                kwargs[key] = value
        if self.context_argument:
            kwargs[CONTEXT_NAME] = context
        return kwargs

    def _body_schema(self, scope: Scope) -> Mapping[str, Any]:
        mimetype = _mimetype(content_type_of(scope["headers"]) or _OCTET_STREAM)
        schema = self._body_schemas.get(mimetype)
        if schema is None:
            schema = self.op.body_schema(mimetype)
            if len(self._body_schemas) < 16:  # the spec's media types, not whatever is sent
                self._body_schemas[mimetype] = schema
        return schema


def _mimetype(content_type: str) -> str:
    # ConnexionRequest.mimetype
    mimetype, _ = parse_options_header(content_type)
    return mimetype.decode()


def _cast_of(parameter: Mapping[str, Any]) -> tuple[Mapping[str, Any], str, str | None]:
    schema = parameter.get("schema", parameter)
    return schema, schema["type"], schema.get("format")


def _typed(value: Any, cast: tuple[Mapping[str, Any], str, str | None]) -> Any:
    # connexion.decorators.parameter._get_val_from_param, for the scalar parameters of a plan
    schema, type_, format_ = cast
    if is_nullable(schema) and is_null(value):
        return None
    return make_type(value, type_, format_)


def _query_defaults(query: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    # connexion.decorators.parameter._get_query_defaults, for scalar parameters
    defaults = {}
    for name, parameter in query.items():
        if "default" in parameter:
            defaults[name] = parameter["default"]
        elif "default" in parameter.get("schema", {}):
            defaults[name] = parameter["schema"]["default"]
    return defaults


def _connexion_chain(self: AsyncOperation) -> Call:
    """Connexion's own chain for this operation, built once instead of per request."""
    decorator = StarletteDecorator(pythonic_params=self.pythonic_params, jsonifier=self.jsonifier)
    decorated = decorator.decorate(self._fn)
    uri_parser = decorator.uri_parser  # the operation's parameters: fixed per operation
    framework = decorator.framework

    async def call(scope: Scope, receive: Receive) -> Any:
        request: ConnexionRequest = framework.get_request(
            uri_parser=uri_parser, scope=scope, receive=receive
        )
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

    return call


class _Built:
    """One operation's call: the plan (None: Connexion's chain for every request), the handler
    and Connexion's response decorator for a result that is not a Response already."""

    def __init__(self, op: AsyncOperation) -> None:
        self.chain = _connexion_chain(op)
        self.plan = HandlerCall.of(op._fn, current_operation._get_current_object())
        self.function = op._fn
        self.responses = AsyncResponseDecorator(
            framework=StarletteFramework, jsonifier=op.jsonifier
        )

    async def respond(self, result: Any) -> Any:
        async def returns() -> Any:
            return result

        return await self.responses(returns)()


async def _call(self: AsyncOperation, scope: Scope, receive: Receive, send: Send) -> Any:
    # AsyncOperation.__call__, with the call built on the operation's first request (inside
    # its context: Connexion's `operation` is the one being served) and kept. One frame: the
    # handler is awaited from here, not from a nested helper (each frame is passed again
    # whenever the request resumes from a database wait).
    built: _Built | None = self.__dict__.get(_CACHE)
    if built is None:
        built = _Built(self)
        self.__dict__[_CACHE] = built
    kwargs = built.plan.kwargs(scope) if built.plan is not None else None
    if kwargs is None:
        response = await built.chain(scope, receive)
    else:
        response = await built.function(**kwargs)
        if not isinstance(response, Response):
            response = await built.respond(response)
    return await response(scope, receive, send)


_original_call = AsyncOperation.__call__


def enable() -> None:
    """Build each operation's handler call once (idempotent)."""
    AsyncOperation.__call__ = _call
