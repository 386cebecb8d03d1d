"""Pydantic types that read JSON the way JSON Schema does.

generated from contracts/ by python -m codegen; do not edit

datamodel-code-generator maps JSON Schema types to Python types with Pydantic's lax
conversions ("1" is an integer, 1 is a boolean, 12 is a date-time). The models in models.py
use these types instead (via `customTypePath`), so a model accepts exactly what the schema
accepts: a JSON integer is an int or an integral float, never a string or a boolean; a
number is never a string; formats follow the one rule in rules.py and still give handlers
real UUID / date / datetime values.
"""

from __future__ import annotations

import importlib
from datetime import date, datetime
from typing import Annotated, Any

from annotated_types import MinLen
from uuid import UUID

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    PlainSerializer,
    PlainValidator,
    Strict,
    TypeAdapter,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from generated.python.rules import (
    FORMAT_CHECKS,
    is_date,
    is_date_time,
    is_email,
    is_json_number,
    is_multiple_of,
    is_one_of,
    is_storable_text,
    is_unique_json,
    is_uuid,
    unstorable_text_paths,
    matches_pattern,
    parse_date,
    parse_date_time,
    parse_uuid,
)


def _json_integer(value: Any) -> Any:
    # Beyond a double (1e400, 10**400) is no JSON number at all: every party refuses it.
    if is_json_number(value):
        if type(value) is int:
            return value
        if value.is_integer():
            return int(value)
    raise PydanticCustomError("int_type", "Input should be a JSON integer")


def _json_number(value: Any) -> Any:
    if is_json_number(value):
        return value
    raise PydanticCustomError("float_type", "Input should be a JSON number")


def _storable(value: str) -> str:
    if not is_storable_text(value):
        raise PydanticCustomError("text", "Input should not contain NUL or an unpaired surrogate")
    return value


def _string_format(name: str, check: Any, parse: Any) -> Any:
    def validate(value: Any) -> Any:
        if type(value) is not str:
            raise PydanticCustomError("string_type", "Input should be a valid string")
        if not check(value):
            raise PydanticCustomError("format", "Input should be a valid {format}", {"format": name})
        return parse(value)

    return validate


def _storable_tree(value: Any) -> Any:
    if next(unstorable_text_paths(value), None) is not None:
        raise PydanticCustomError("text", "Input should not contain NUL or an unpaired surrogate")
    return value


def _one_of(values: list[Any]) -> Any:
    def validate(value: Any) -> Any:
        if not is_one_of(value, values):
            raise PydanticCustomError(
                "literal_error", "Input should be one of {values}", {"values": repr(values)}
            )
        return value

    return validate


def _text_rules(min_length: int | None, max_length: int | None, pattern: str | None) -> Any:
    """Lengths and a pattern checked on a format's text, before the format parses it."""

    def validate(value: Any) -> Any:
        if type(value) is not str:
            return value  # the format's own validator refuses it
        if min_length is not None and len(value) < min_length:
            raise PydanticCustomError(
                "string_too_short", "String should have at least {n} characters", {"n": min_length}
            )
        if max_length is not None and len(value) > max_length:
            raise PydanticCustomError(
                "string_too_long", "String should have at most {n} characters", {"n": max_length}
            )
        if pattern is not None and not matches_pattern(value, pattern):
            raise PydanticCustomError(
                "string_pattern_mismatch", "String should match pattern {p}", {"p": pattern}
            )
        return value

    return validate


def _multiple_of(divisor: int | float) -> Any:
    def validate(value: Any) -> Any:
        if not is_multiple_of(value, divisor):
            raise PydanticCustomError(
                "multiple_of", "Input should be a multiple of {multiple_of}", {"multiple_of": divisor}
            )
        return value

    return validate


def _nothing(value: Any) -> Any:
    raise PydanticCustomError("false_schema", "No value is valid here")


# Checks beside a core schema (codegen/applicators.py): each sub-schema is a model of its own
# in models.py, looked up when first used (models.py imports this module).
_MODELS = __name__.rpartition(".")[0] + ".models"
_ADAPTERS: dict[str, TypeAdapter[Any]] = {}


def _adapter(name: str) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(name)
    if adapter is None:
        adapter = _ADAPTERS[name] = TypeAdapter(getattr(importlib.import_module(_MODELS), name))
    return adapter


def _passes(name: str, value: Any) -> bool:
    try:
        _adapter(name).validate_python(value)
    except ValidationError:
        return False
    return True


_JSON_TYPES = {
    "string": lambda v: type(v) is str,
    "number": is_json_number,
    "array": lambda v: type(v) is list,
    "object": lambda v: type(v) is dict,
    "integer": lambda v: is_json_number(v) and float(v).is_integer(),
    "boolean": lambda v: type(v) is bool,
    "null": lambda v: v is None,
}


def _holds(check: tuple[Any, ...], value: Any) -> bool:
    kind = check[0]
    if kind == "all":
        return _passes(check[1], value)
    if kind == "not":
        return not _passes(check[1], value)
    if kind == "when":
        return not _JSON_TYPES[check[1]](value) or _passes(check[2], value)
    if kind == "any":
        return any(_passes(name, value) for name in check[1])
    if kind == "one":
        return sum(_passes(name, value) for name in check[1]) == 1
    if kind == "type":
        return any(_JSON_TYPES[t](value) for t in check[1])
    if type(value) is dict and kind == "required":
        return all(k in value for k in check[1])
    if type(value) is list and kind == "unique":
        return is_unique_json(value)
    if type(value) is list and kind == "prefix":
        prefix, rest = check[1], check[2]
        return all(
            _passes(prefix[i], x) if i < len(prefix) else rest is None or _passes(rest, x)
            for i, x in enumerate(value)
        )
    if kind == "if":
        then = check[2] if _passes(check[1], value) else check[3]
        return then is None or _passes(then, value)
    if type(value) is not dict:
        return True
    if kind == "extra":
        return all(
            _passes(check[3], v)
            for k, v in value.items()
            if k not in check[1] and not any(matches_pattern(k, p) for p in check[2])
        )
    if kind == "patterns":
        return all(
            _passes(name, v)
            for k, v in value.items()
            for p, name in check[1]
            if matches_pattern(k, p)
        )
    if kind == "names":
        return all(_passes(check[1], k) for k in value)
    if kind == "props":
        return all(_passes(name, value[k]) for k, name in check[1] if k in value)
    if kind == "dependent":
        return all(_passes(name, value) for k, name in check[1] if k in value)
    return True


def _checked(core: str | None, checks: list[tuple[Any, ...]]) -> Any:
    def validate(value: Any) -> Any:
        for check in checks:
            if not _holds(check, value):
                raise PydanticCustomError(
                    "schema_check", "Input should pass the schema's {check} check", {"check": check[0]}
                )
        return _storable_tree(value) if core is None else _adapter(core).validate_python(value)

    return validate


JsonInt = Annotated[int, BeforeValidator(_json_integer), Strict()]
JsonNumber = Annotated[float, BeforeValidator(_json_number), Strict()]
JsonBool = Annotated[bool, Strict()]
JsonStr = Annotated[str, Strict(), AfterValidator(_storable)]

Email = Annotated[str, PlainValidator(_string_format("email", is_email, str))]
Uuid = Annotated[UUID, PlainValidator(_string_format("uuid", is_uuid, parse_uuid)), PlainSerializer(str)]
Date = Annotated[
    date,
    PlainValidator(_string_format("date", is_date, parse_date)),
    PlainSerializer(date.isoformat),
]
DateTime = Annotated[
    datetime,
    PlainValidator(_string_format("date-time", is_date_time, parse_date_time)),
    PlainSerializer(datetime.isoformat),
]
FormatDuration = Annotated[str, PlainValidator(_string_format('duration', FORMAT_CHECKS['duration'], _storable))]
FormatIpv4 = Annotated[str, PlainValidator(_string_format('ipv4', FORMAT_CHECKS['ipv4'], _storable))]
FormatIpv6 = Annotated[str, PlainValidator(_string_format('ipv6', FORMAT_CHECKS['ipv6'], _storable))]
FormatIri = Annotated[str, PlainValidator(_string_format('iri', FORMAT_CHECKS['iri'], _storable))]
FormatIriReference = Annotated[str, PlainValidator(_string_format('iri-reference', FORMAT_CHECKS['iri-reference'], _storable))]
FormatJsonPointer = Annotated[str, PlainValidator(_string_format('json-pointer', FORMAT_CHECKS['json-pointer'], _storable))]
FormatRelativeJsonPointer = Annotated[str, PlainValidator(_string_format('relative-json-pointer', FORMAT_CHECKS['relative-json-pointer'], _storable))]
FormatTime = Annotated[str, PlainValidator(_string_format('time', FORMAT_CHECKS['time'], _storable))]
FormatUri = Annotated[str, PlainValidator(_string_format('uri', FORMAT_CHECKS['uri'], _storable))]
FormatUriReference = Annotated[str, PlainValidator(_string_format('uri-reference', FORMAT_CHECKS['uri-reference'], _storable))]
FormatUriTemplate = Annotated[str, PlainValidator(_string_format('uri-template', FORMAT_CHECKS['uri-template'], _storable))]
NumberMultipleOf_0_01 = Annotated[JsonNumber, AfterValidator(_multiple_of(0.01))]
NumberMultipleOf_0_1 = Annotated[JsonNumber, AfterValidator(_multiple_of(0.1))]
Nothing = Annotated[Any, PlainValidator(_nothing)]
# null alone: Pydantic's own None (no Python call; a nullable field's other values are refused
# without raising from Python on every request)
OneOf_1d8fc6ceb1 = None

# Any JSON value (an accept-anything schema, an array's absent items): its text under the rule.
JsonValue = Annotated[Any, AfterValidator(_storable_tree)]

# An object without properties: any JSON object, its text under the rule for storable text.
JsonObject = Annotated[dict[str, Any], Strict(), AfterValidator(_storable_tree)]
EmailText_0b336843f8 = Annotated[Email, BeforeValidator(_text_rules(None, 254, None))]

# Nullable forms: what a [T, "null"] field is, required or not.
NullableJsonInt = JsonInt | None
NullableJsonNumber = JsonNumber | None
NullableJsonBool = JsonBool | None
NullableJsonStr = JsonStr | None
NullableEmail = Email | None
NullableUuid = Uuid | None
NullableDate = Date | None
NullableDateTime = DateTime | None
NullableFormatDuration = FormatDuration | None
NullableFormatIpv4 = FormatIpv4 | None
NullableFormatIpv6 = FormatIpv6 | None
NullableFormatIri = FormatIri | None
NullableFormatIriReference = FormatIriReference | None
NullableFormatJsonPointer = FormatJsonPointer | None
NullableFormatRelativeJsonPointer = FormatRelativeJsonPointer | None
NullableFormatTime = FormatTime | None
NullableFormatUri = FormatUri | None
NullableFormatUriReference = FormatUriReference | None
NullableFormatUriTemplate = FormatUriTemplate | None
NullableNumberMultipleOf_0_01 = NumberMultipleOf_0_01 | None
NullableNumberMultipleOf_0_1 = NumberMultipleOf_0_1 | None
NullableEmailText_0b336843f8 = EmailText_0b336843f8 | None
NullableJsonObject = JsonObject | None


class ContractModel(BaseModel):
    """Base of every generated model."""

    @model_validator(mode="before")
    @classmethod
    def _storable_keys(cls, data: Any) -> Any:
        # Keys, and what sits under an undeclared key of an open model (which no field types),
        # fall under the rule for storable text; declared fields check their own text.
        if isinstance(data, dict):
            declared = _declared_keys(cls)
            for key, item in data.items():
                if not is_storable_text(key) or (
                    key not in declared and next(unstorable_text_paths(item), None) is not None
                ):
                    raise PydanticCustomError(
                        "text", "Input should not contain NUL or an unpaired surrogate"
                    )
        return data


_DECLARED: dict[type, frozenset[str]] = {}


def _declared_keys(model: type[BaseModel]) -> frozenset[str]:
    keys = _DECLARED.get(model)
    if keys is None:
        fields = model.model_fields.items()
        keys = _DECLARED[model] = frozenset(f.alias or name for name, f in fields)
    return keys


class MinProperties1(ContractModel):
    """An object with at least 1 property (a PATCH body must change something)."""

    @model_validator(mode="before")
    @classmethod
    def _min_properties(cls, data: Any) -> Any:
        if isinstance(data, dict) and len(data) < 1:
            raise PydanticCustomError(
                "min_properties", "Object should have at least {n} properties", {"n": 1}
            )
        return data

