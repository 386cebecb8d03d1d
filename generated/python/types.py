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
    model_validator,
)
from pydantic_core import PydanticCustomError

from generated.python.rules import (
    is_date,
    is_date_time,
    is_email,
    is_json_number,
    is_multiple_of,
    is_one_of,
    is_storable_text,
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
NumberMultipleOf_0_01 = Annotated[JsonNumber, AfterValidator(_multiple_of(0.01))]
NumberMultipleOf_0_1 = Annotated[JsonNumber, AfterValidator(_multiple_of(0.1))]
OneOf_1d8fc6ceb1 = Annotated[Any, PlainValidator(_one_of([None]))]

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

