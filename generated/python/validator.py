"""A JSON Schema 2020-12 validator that applies the project's rules.

generated from codegen/formats.py by python -m codegen; do not edit

Draft202012Validator with: format assertion on, using rules.py's one rule per format;
`multipleOf` in exact decimal arithmetic (plain jsonschema rejects 19.99 as a multiple of 0.01);
`pattern` with ECMA-262 meaning (`$` only at the very end); and two contract-wide rules on
`type` (codegen/formats.py): a string holding text the databases cannot store (NUL, a lone
surrogate) fails `type: string` (reported as keyword `text`), and a number beyond a double
(1e400) is no JSON number or integer at all. The API's request validation, the
agreement tests and the codegen lint all use this class, so there is one verdict.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema import _keywords as keywords
from jsonschema.exceptions import ValidationError

from generated.python.rules import (
    FORMAT_CHECKS,
    is_json_number,
    is_multiple_of,
    is_storable_text,
    matches_pattern,
    unstorable_text_paths,
)

FORMAT_CHECKER = FormatChecker(formats=())
for _name, _check in FORMAT_CHECKS.items():
    FORMAT_CHECKER.checks(_name)(lambda value, check=_check: not isinstance(value, str) or check(value))


def _multiple_of(validator: Any, divisor: Any, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "number") and not is_multiple_of(instance, divisor):
        yield ValidationError(f"{instance!r} is not a multiple of {divisor}")


def _pattern(validator: Any, pattern: Any, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not matches_pattern(instance, pattern):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _is_number(checker: Any, instance: Any) -> bool:
    return is_json_number(instance)


def _is_integer(checker: Any, instance: Any) -> bool:
    return is_json_number(instance) and float(instance).is_integer()


TYPE_CHECKER = Draft202012Validator.TYPE_CHECKER.redefine_many(
    {"number": _is_number, "integer": _is_integer}
)


def _unstorable(path: Any = ()) -> ValidationError:
    return ValidationError(
        "contains text that cannot be stored (NUL or an unpaired surrogate)",
        validator="text",
        validator_value=True,
        path=path,
    )


def _type(validator: Any, types: Any, instance: Any, schema: Any) -> Iterator[ValidationError]:
    yield from keywords.type(validator, types, instance, schema)
    if isinstance(instance, str) and not is_storable_text(instance):
        yield _unstorable()
    elif isinstance(instance, dict) and validator.is_type(instance, "object"):
        # Keys, and what sits under a key no schema types (an open object's undeclared keys),
        # fall under the same rule: nothing else would look at them.
        declared = schema.get("properties", {})
        typed = schema.get("additionalProperties") is not None
        for key, item in instance.items():
            if not is_storable_text(key):
                yield _unstorable([key])
            elif key not in declared and not typed:
                for path in unstorable_text_paths(item, (key,)):
                    yield _unstorable(list(path))


_Extended = validators.extend(
    Draft202012Validator,
    {"multipleOf": _multiple_of, "pattern": _pattern, "type": _type},
    type_checker=TYPE_CHECKER,
)


def ContractValidator(schema: Any) -> Any:  # noqa: N802 - reads like the class it builds
    """A validator for `schema` with the project's formats and keyword rules."""
    return _Extended(schema, format_checker=FORMAT_CHECKER)
