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
    is_multiple_of,
    is_uuid,
    parse_date,
    parse_date_time,
    parse_uuid,
)


def _json_integer(value: Any) -> Any:
    if type(value) is int:
        return value
    if type(value) is float and value.is_integer():
        return int(value)
    raise PydanticCustomError("int_type", "Input should be a JSON integer")


def _json_number(value: Any) -> Any:
    if type(value) is int or type(value) is float:
        return value
    raise PydanticCustomError("float_type", "Input should be a JSON number")


def _string_format(name: str, check: Any, parse: Any) -> Any:
    def validate(value: Any) -> Any:
        if type(value) is not str:
            raise PydanticCustomError("string_type", "Input should be a valid string")
        if not check(value):
            raise PydanticCustomError("format", "Input should be a valid {format}", {"format": name})
        return parse(value)

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
JsonStr = Annotated[str, Strict()]

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


class ContractModel(BaseModel):
    """Base of every generated model."""


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

