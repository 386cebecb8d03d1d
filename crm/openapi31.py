"""Adapter that lets Connexion 3.3 serve our OpenAPI 3.1 document with JSON Schema 2020-12.

Connexion 3.3 (pinned `connexion==3.3.*` in pyproject) knows only OpenAPI 3.0 / Draft 4.
This module changes exactly four things, and nothing else:

1. **Spec check.** `OpenAPISpecification._validate_spec` (a *private* classmethod, hence the pin)
   checks every document against Connexion's bundled 3.0 meta-schema, so any `openapi: 3.1.x`
   document fails in `add_api`. `enable_openapi31()` replaces it with
   `openapi_spec_validator.validate`, which picks the 3.0 or 3.1 meta-schema itself. A document
   is checked once per content (Connexion checks it again when it clones the spec for the base
   path; the second check is served from a digest cache). The test suite builds the app from the
   real `openapi.yaml`, so a Connexion upgrade that moves the method fails loudly.
2. **Request bodies** (`validator_map["body"]`, JSON media types): `ContractBodyValidator`
   validates with `generated.python.validator.ContractValidator` — the project's one 2020-12
   validator with our format rules, the same verdicts as the agreement tests — instead of
   Draft 4. It collects *every* error (not the first) and raises `ValidationProblem`, a
   `BadRequestProblem` whose `details` are
   `{"in": "body", "errors": [{"in": "body", "path": "/email", "message": ..., "keyword": ...}]}`.
   Paths are JSON Pointers; an unknown field (`additionalProperties: false`) and a missing
   required field are reported at the field's own path, not at the enclosing object's.
   Messages are written from the keyword and the schema, never by echoing the submitted value
   (a rejected password must not come back in an error body or a log line).
   Parsing is strict: invalid UTF-8, invalid JSON and the non-JSON constants `NaN`/`Infinity`
   are a 400 with the same details shape (stock Connexion answers invalid UTF-8 with a 500,
   docs/architecture.md, 1f-2). An empty body where one is required is a 400 in the same shape.
3. **Parameters** (`validator_map["parameter"]`): `ContractParameterValidator` validates path,
   query, header and cookie values (after Connexion's type coercion) with the same validator,
   collects every error over all locations, and reports unknown query parameters when the app
   runs with `strict_validation=True`, in
   `{"in": "parameters", "errors": [{"in": "query", "path": "/limit", ...}]}`.
4. **Response bodies** (`validator_map["response"]`, JSON media types, only when the app enables
   `validate_responses`): `ContractResponseValidator` uses the same validator and raises
   Connexion's `NonConformingResponseBody` (a 500). The error handler logs its detail; the
   client sees only the generic 500 body.

What the adapter does not do: it does not touch routing, security, Content-Type negotiation or
form bodies (the spec has none); the 415-for-a-missing-Content-Type defect (§1f-1) and the
405 `Allow` defect (§1f-3) are fixed in `crm.app`, where the other error handling lives.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import AsyncGenerator, Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import openapi_spec_validator
import orjson
import yaml
from connexion.datastructures import MediaTypeDict
from connexion.exceptions import (
    BadRequestProblem,
    InvalidSpecification,
    NonConformingResponseBody,
)
from connexion.lifecycle import ConnexionRequest
from connexion.spec import OpenAPISpecification
from connexion.validators import (
    JSONRequestBodyValidator,
    JSONResponseBodyValidator,
    ParameterValidator,
)
from jsonschema.exceptions import ValidationError, best_match
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError
from starlette.datastructures import Headers
from starlette.types import Receive, Scope

from crm.errors import NotFound
from crm.param_checks import compile_check
from crm.uri_params import ParameterPlan
from generated.python import models
from generated.python.rules import UNSTORABLE_TEXT
from generated.python.validator import ContractValidator

log = logging.getLogger(__name__)

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"
# the ASGI scope extension holding the JSON body ContractBodyValidator parsed and validated
PARSED_BODY = "crm_parsed_body"
# (path parameters, query parameters) as the validator's request resolved them (None: not
# read, the operation has none): the handler's request takes them instead of resolving again
PARSED_PARAMS = "crm_parsed_params"

# The structure every validation error item has. The API's consumers rely on these keys.
ErrorItem = dict[str, str]


class ValidationProblem(BadRequestProblem):  # type: ignore[misc]
    """A 400 that carries structured `details` naming each failing field by JSON Pointer."""

    def __init__(self, message: str, details: Mapping[str, Any]) -> None:
        super().__init__(detail=message)
        self.message = message
        self.details = dict(details)


# --- 1. the spec check -------------------------------------------------------------------------

_checked: set[str] = set()


def _validate_spec_31(cls: type[OpenAPISpecification], spec: dict[str, Any]) -> None:
    digest = hashlib.sha256(orjson.dumps(spec, option=orjson.OPT_SORT_KEYS)).hexdigest()
    if digest in _checked:
        return
    try:
        openapi_spec_validator.validate(spec)
    except Exception as exc:  # the validator raises several unrelated types
        raise InvalidSpecification(f"openapi.yaml is not a valid OpenAPI document: {exc}") from exc
    _checked.add(digest)


def enable_openapi31() -> None:
    """Replace Connexion's 3.0-only document check (idempotent)."""
    OpenAPISpecification._validate_spec = classmethod(_validate_spec_31)


def load_spec(path: Path = SPEC_PATH) -> dict[str, Any]:
    """The OpenAPI document as a dict (libyaml when available: ~10x faster on our 6k lines)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open("rb") as stream:
        spec = yaml.load(stream, Loader=loader)  # noqa: S506 - a SafeLoader
    if not isinstance(spec, dict):
        raise InvalidSpecification(f"{path} does not hold an OpenAPI document")
    return spec


# --- errors as data ----------------------------------------------------------------------------


def _pointer(parts: Iterable[Any]) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def _plural(n: Any, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _a(kind: str) -> str:
    """A JSON Schema type with its article: "a string", "an integer", "null"."""
    if kind == "null":
        return kind
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _message(error: ValidationError) -> str:
    """A short sentence fragment for one failing keyword, without the submitted value."""
    keyword, value = error.validator, error.validator_value
    if keyword == "type":
        kinds = value if isinstance(value, list) else [value]
        return "must be " + " or ".join(_a(k) for k in kinds)
    if keyword == "minLength":
        return f"must be at least {_plural(value, 'character')} long"
    if keyword == "maxLength":
        return f"must be at most {_plural(value, 'character')} long"
    if keyword in ("enum", "const"):
        choices = value if keyword == "enum" else [value]
        return "must be one of: " + ", ".join(json.dumps(c) for c in choices)
    if keyword == "format":
        return f"must be a valid {value}"
    if keyword == "pattern":
        return "has the wrong form"
    if keyword == "text":  # the contracts' rule for text no database stores (codegen/formats.py)
        return f"must not contain {UNSTORABLE_TEXT}"
    if keyword == "minimum":
        return f"must be at least {value}"
    if keyword == "maximum":
        return f"must be at most {value}"
    if keyword == "exclusiveMinimum":
        return f"must be greater than {value}"
    if keyword == "exclusiveMaximum":
        return f"must be less than {value}"
    if keyword == "multipleOf":
        return f"must be a multiple of {value}"
    if keyword == "minItems":
        return f"must have at least {_plural(value, 'item')}"
    if keyword == "maxItems":
        return f"must have at most {_plural(value, 'item')}"
    if keyword == "uniqueItems":
        return "must not contain duplicates"
    if keyword == "minProperties":
        return f"must have at least {_plural(value, 'field')}"
    if keyword == "maxProperties":
        return f"must have at most {_plural(value, 'field')}"
    return "is not valid"


def _items(error: ValidationError, where: str, prefix: tuple[Any, ...]) -> list[ErrorItem]:
    """One item per failing field; unknown and missing fields are named at their own path."""
    path = (*prefix, *error.absolute_path)
    keyword = str(error.validator)
    instance, schema = error.instance, error.schema
    if keyword == "required" and isinstance(instance, dict):
        return [
            {
                "in": where,
                "path": _pointer((*path, name)),
                "message": "is required",
                "keyword": keyword,
            }
            for name in error.validator_value
            if name not in instance
        ]
    if keyword in ("additionalProperties", "unevaluatedProperties") and isinstance(instance, dict):
        known = set(schema.get("properties", {})) if isinstance(schema, dict) else set()
        patterns = list(schema.get("patternProperties", {})) if isinstance(schema, dict) else []
        unknown = [
            name
            for name in instance
            if name not in known and not any(re.search(p, name) for p in patterns)
        ]
        if unknown:
            return [
                {
                    "in": where,
                    "path": _pointer((*path, name)),
                    "message": "is not an allowed field",
                    "keyword": keyword,
                }
                for name in unknown
            ]
    if keyword == "not" and isinstance(instance, dict) and _names_fields(error.validator_value):
        # `not` both of these set (the parent count): name each, beside the other
        together = error.validator_value["required"]
        return [
            {
                "in": where,
                "path": _pointer((*path, name)),
                "message": "must not be set together with "
                + ", ".join(other for other in together if other != name),
                "keyword": keyword,
            }
            for name in together
        ]
    if (
        keyword == "anyOf"
        and isinstance(instance, dict)
        and all(map(_names_fields, error.validator_value))
    ):
        # one of these must be set (exactly one parent)
        names = [name for branch in error.validator_value for name in branch["required"]]
        return [
            {
                "in": where,
                "path": _pointer((*path, name)),
                "message": "is required: one of " + ", ".join(names) + " must be set",
                "keyword": keyword,
            }
            for name in names
        ]
    if keyword in ("anyOf", "oneOf") and error.context:
        # `anyOf: [X, null]` is how a nullable field is written: report why X failed.
        relevant = [
            e for e in error.context if not (e.validator == "type" and e.validator_value == "null")
        ]
        inner = best_match(relevant) if relevant else None
        if inner is not None:
            return _items(inner, where, prefix)  # its absolute_path already includes ours
    return [{"in": where, "path": _pointer(path), "message": _message(error), "keyword": keyword}]


def _names_fields(schema: Any) -> bool:
    """Whether `schema` only requires some fields to be set: `{"required": [...],
    "properties": {...}}` (codegen/emit/parent_count.py)."""
    return (
        isinstance(schema, dict)
        and set(schema) == {"required", "properties"}
        and isinstance(schema["required"], list)
    )


def _dedupe(items: Iterable[ErrorItem]) -> list[ErrorItem]:
    seen: set[tuple[str, str, str]] = set()
    out: list[ErrorItem] = []
    for item in items:
        key = (item["in"], item["path"], item["keyword"])
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def schema_errors(
    schema: Mapping[str, Any], instance: Any, *, where: str, prefix: tuple[Any, ...] = ()
) -> list[ErrorItem]:
    """Every failure of `instance` against `schema`, as error items, in document order."""
    return validator_errors(_tools_for(schema).validator, instance, where=where, prefix=prefix)


def validator_errors(
    validator: Any, instance: Any, *, where: str, prefix: tuple[Any, ...] = ()
) -> list[ErrorItem]:
    """Every failure `validator` finds in `instance`, as error items, in document order."""
    errors = sorted(
        validator.iter_errors(instance), key=lambda e: [str(p) for p in e.absolute_path]
    )
    items = _dedupe(item for error in errors for item in _items(error, where, prefix))
    # The spec states the text rule as a pattern too (codegen/emit/openapi.py TEXT_PATTERN):
    # a string refused by the rule is reported once, as the rule.
    texts = {(i["in"], i["path"]) for i in items if i["keyword"] == "text"}
    return [i for i in items if i["keyword"] != "pattern" or (i["in"], i["path"]) not in texts]


@dataclass(frozen=True)
class _SchemaTools:
    validator: Any  # the reference: ContractValidator
    # the accept fast path: a body's Pydantic model (_fast_accept) or a parameter's compiled
    # check (crm.param_checks); a refusal goes to `validator`
    accepts: Callable[[Any], bool] | None


# Connexion hands the validators the same schema dict for every request of an operation, so
# the tools are found by that dict's identity (the dict is kept alive here, so its id cannot
# be reused); the canonical-JSON key below is only computed once per dict.
_by_identity: dict[int, tuple[Mapping[str, Any], _SchemaTools]] = {}


def _tools_for(schema: Mapping[str, Any]) -> _SchemaTools:
    entry = _by_identity.get(id(schema))
    if entry is None or entry[0] is not schema:
        tools = _SchemaTools(
            _validator(orjson.dumps(schema, option=orjson.OPT_SORT_KEYS)),
            _fast_accept(schema) or compile_check(schema),  # a body model, or a parameter's
        )
        entry = (schema, tools)
        _by_identity[id(schema)] = entry
    return entry[1]


@cache
def _validator(schema_json: bytes) -> Any:
    # Connexion builds a validator per request; building ours once per schema shape is what
    # docs/architecture.md "The hot path" item 4 asks for. Keyed by the schema's canonical JSON.
    return ContractValidator(orjson.loads(schema_json))


def error_sentence(subject: str, items: list[ErrorItem]) -> str:
    """One line for people: the first problem, and how many more."""
    first = items[0]
    field = first["path"].lstrip("/").replace("/", ".") or subject
    more = f" (and {_plural(len(items) - 1, 'other problem')})" if len(items) > 1 else ""
    return f"Invalid {subject}: {field} {first['message']}{more}."


def _body_problem(message: str, keyword: str) -> ValidationProblem:
    return ValidationProblem(
        f"The request body {message}.",
        {
            "in": "body",
            "errors": [{"in": "body", "path": "", "message": message, "keyword": keyword}],
        },
    )


# No CRM body nests more than a few levels; a limit far above that keeps every later walk over
# the body (validation, the text rule) shallow, and refuses "[[[[..." floods as a 400.
MAX_JSON_DEPTH = 32


def _too_deep(raw: bytes, body: Any) -> bool:
    """Whether `body` nests arrays and objects deeper than MAX_JSON_DEPTH (walked without
    recursion; skipped when the raw text has too few brackets to get there)."""
    if raw.count(b"[") + raw.count(b"{") <= MAX_JSON_DEPTH:
        return False
    stack: list[tuple[Any, int]] = [(body, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            children: Iterable[Any] = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > MAX_JSON_DEPTH:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def _too_deep_problem() -> ValidationProblem:
    return _body_problem(f"nests deeper than {MAX_JSON_DEPTH} levels", "depth")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


_LONG_NUMBER = re.compile(rb"[0-9]{19}")


def parse_json(raw: bytes) -> Any:
    """A request body's JSON value, or the 400 that names what is wrong with it.

    The standard library's parser decides; orjson, several times faster, is asked first:
    what it accepts, the standard parser accepts with the same value (tests/unit/
    test_body_json.py). What it refuses (lone surrogates, NaN, 1e400, bad UTF-8 or JSON) goes
    to the standard parser, for its verdict and its message; so does any body with a run of
    19 digits, which may be an integer orjson would read as a float.
    """
    if not _LONG_NUMBER.search(raw):  # orjson reads an integer past 64 bits as a float
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass
    try:
        text = raw.decode("utf-8")  # RFC 8259 8.1: JSON between systems is UTF-8
    except UnicodeDecodeError:
        raise _body_problem("is not valid UTF-8", "encoding") from None
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except RecursionError:  # deeper than the parser itself can go
        raise _too_deep_problem() from None
    except ValueError as exc:
        raise _body_problem(f"is not valid JSON ({exc})", "json") from None


def _fast_accept(schema: Mapping[str, Any]) -> Callable[[Any], bool] | None:
    """The generated Pydantic model of a body schema (Connexion inlines it; its `title` names
    the contract variant, e.g. LeadCreate, and titles are unique), as a predicate, or None.

    pydantic-core checks a body about ten times faster than jsonschema. Its verdicts are the
    same as the reference validator's (tests/agreement: every schema, 0 disagreements;
    bench/agreement.py: 10,000 cases each for the request bodies; tests/api/
    test_agreement_party.py through the API), so an accepted body is accepted; a refused
    one goes on to the reference validator, which decides and names every failing field.
    """
    title = schema.get("title")
    candidate = getattr(models, title, None) if isinstance(title, str) else None
    if not (isinstance(candidate, type) and issubclass(candidate, BaseModel)):
        return None
    accepts = _predicate(candidate)
    extra = schema.get("allOf")
    if not extra:
        return accepts
    # The spec adds rules to a variant that its model does not carry (the parent count,
    # codegen/emit/parent_count.py): a body is accepted when both accept it.
    rules = _validator(orjson.dumps({"allOf": extra}, option=orjson.OPT_SORT_KEYS))
    return lambda body: accepts(body) and bool(rules.is_valid(body))


def _predicate(model: type[BaseModel]) -> Callable[[Any], bool]:
    validate = model.__pydantic_validator__.validate_python

    def accepts(body: Any) -> bool:
        try:
            validate(body)
        except PydanticValidationError:
            return False
        return True

    return accepts


# --- 2. request bodies -------------------------------------------------------------------------


class ContractBodyValidator(JSONRequestBodyValidator):  # type: ignore[misc]
    """JSON request bodies: strict parsing, 2020-12 validation, every error with its path."""

    async def wrap_receive(self, receive: Receive, *, scope: Scope) -> tuple[Receive, Scope]:
        """`AbstractRequestBodyValidator.wrap_receive` (Connexion), with our 400 for a missing
        required body, and the body read in a loop rather than through an async generator.
        As there: an empty body is the schema's default (or none); the messages read are
        replayed to the app after validation."""
        headers = Headers(scope=scope)
        if not int(headers.get("content-length", 0) or 0):
            default = self._schema.get("default")
            if self._required and default is None:
                raise _body_problem("is required", "required")
            receive, scope = self._insert_body(receive, body=default, scope=scope)
        messages = []
        more_body = True
        while more_body:
            message = await receive()
            messages.append(message)
            more_body = message.get("more_body", False)
        body = self._parse_bytes(b"".join([m.get("body", b"") for m in messages]), scope)
        if not (body is None and self._nullable):
            self._validate(body)
        if self.MUTABLE_VALIDATION:
            receive, scope = self._insert_body(receive, body=body, scope=scope)
        else:
            receive = self._insert_messages(receive, messages=messages)
        return receive, scope

    async def _parse(self, stream: AsyncGenerator[bytes, None], scope: Scope) -> Any:
        return self._parse_bytes(b"".join([chunk async for chunk in stream]), scope)

    def _parse_bytes(self, raw: bytes, scope: Scope) -> Any:
        if not raw:
            return None
        body = parse_json(raw)
        if _too_deep(raw, body):
            raise _too_deep_problem()
        # handed to the handler as is (crm.operations), so the body is parsed once
        scope.setdefault("extensions", {})[PARSED_BODY] = body
        return body

    def _validate(self, body: Any) -> dict[str, Any] | None:
        if body is None and not self._nullable:
            raise _body_problem("must not be empty", "required")
        accepts = _tools_for(self._schema).accepts
        if accepts is not None and accepts(body):
            return None
        items = schema_errors(self._schema, body, where="body")
        if items:
            raise ValidationProblem(
                error_sentence("request body", items), {"in": "body", "errors": items}
            )
        return None


# --- 3. parameters -----------------------------------------------------------------------------


class ContractParameterValidator(ParameterValidator):  # type: ignore[misc]
    """Path, query, header and cookie parameters, every error over every location."""

    _LOCATIONS = ("path", "query", "header", "cookie")

    def __init__(
        self,
        parameters: list[Mapping[str, Any]],
        uri_parser: Any,
        strict_validation: bool = False,
        security_query_params: list[str] | None = None,
    ) -> None:
        super().__init__(
            parameters,
            uri_parser,
            strict_validation=strict_validation,
            security_query_params=security_query_params,
        )
        self.parameters_list = parameters  # the operation's own list: its plan's key
        # the names a query may carry (strict validation refuses any other)
        self._query_names = {p["name"] for p in self.parameters.get("query", [])} | set(
            self.security_query_params
        )

    def validate(self, scope: Scope) -> None:
        # The operation's own resolution (crm.uri_params), without a ConnexionRequest and
        # Connexion's URI parser per request; the same dicts (tests/unit/test_uri_params.py).
        plan = _plan_for(self.parameters_list)
        if plan is None:
            super().validate(scope)  # -> validate_request below, through Connexion's parser
            return
        query = plan.resolve_query(scope.get("query_string", b""))
        path = plan.resolve_path(scope.get("path_params", {}))
        self._check(scope, path, query, {"path": lambda: path, "query": lambda: query})

    def validate_request(self, request: ConnexionRequest) -> None:
        path, query = request.path_params, request.query_params
        sources = {
            "path": lambda: path,
            "query": lambda: query,
            "header": lambda: request.headers,  # read only when a parameter needs it
            "cookie": lambda: request.cookies,
        }
        self._check(request.scope, path, query, sources)

    def _check(
        self,
        scope: Scope,
        path_params: Mapping[str, Any],
        query_params: Mapping[str, Any],
        sources: Mapping[str, Callable[[], Mapping[str, Any]]],
    ) -> None:
        items: list[ErrorItem] = []
        if self.strict_validation:
            extra = sorted(set(query_params) - self._query_names)
            items += [
                {
                    "in": "query",
                    "path": _pointer([name]),
                    "message": "is not a known parameter",
                    "keyword": "additionalProperties",
                }
                for name in extra
            ]
        for where in self._LOCATIONS:
            params = self.parameters.get(where)
            if not params:
                continue  # each source is parsed from the request only when it is read
            source = sources[where]()
            for param in params:
                name = param["name"]
                key = name.replace("-", "_") if where == "path" else name
                value = source.get(key)
                if value is None:
                    if param.get("required"):
                        items.append(
                            {
                                "in": where,
                                "path": _pointer([name]),
                                "message": "is required",
                                "keyword": "required",
                            }
                        )
                    continue
                schema = param.get("schema", {})
                accepts = _tools_for(schema).accepts  # crm.param_checks: the accept fast path
                if accepts is not None and accepts(value):
                    continue
                items += schema_errors(schema, value, where=where, prefix=(name,))
        if items:
            in_path = [item for item in items if item["in"] == "path"]
            if in_path:
                # A path names a record; a malformed id names none, so the URL identifies
                # nothing: 404 like any id the caller cannot see (an id a client took from a
                # null link, `/api/leads/None`, is no bad request but a missing record).
                raise NotFound(details={"in": "parameters", "errors": in_path})
            raise ValidationProblem(
                error_sentence("parameter", items), {"in": "parameters", "errors": items}
            )
        # handed on to the handler (crm.operations), which so resolves nothing again
        scope.setdefault("extensions", {})[PARSED_PARAMS] = (path_params, query_params)


# The parameter list Connexion hands the validator is the operation's own list, the same
# object on every request: its plan is found by identity (the list is kept alive here, so its
# id cannot be reused).
_plans: dict[int, tuple[Any, ParameterPlan | None]] = {}


def _plan_for(parameters: list[Mapping[str, Any]]) -> ParameterPlan | None:
    entry = _plans.get(id(parameters))
    if entry is None or entry[0] is not parameters:
        entry = (parameters, ParameterPlan.of(parameters))
        _plans[id(parameters)] = entry
    return entry[1]


# --- 4. response bodies ------------------------------------------------------------------------


class ContractResponseValidator(JSONResponseBodyValidator):  # type: ignore[misc]
    """JSON response bodies (development and test only): a mismatch is a logged 500."""

    def _validate(self, body: Any) -> None:
        items = schema_errors(self._schema, body, where="response")
        if items:
            raise NonConformingResponseBody(
                detail="Response body does not conform to the contract: "
                + "; ".join(f"{i['path'] or '/'} {i['message']} ({i['keyword']})" for i in items)
            )


VALIDATOR_MAP: dict[str, Any] = {
    "parameter": ContractParameterValidator,
    "body": MediaTypeDict({"*/*json": ContractBodyValidator}),
    "response": MediaTypeDict({"*/*json": ContractResponseValidator}),
}
