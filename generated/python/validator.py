"""A JSON Schema 2020-12 validator that applies the project's rules.

generated from codegen/formats.py by python -m codegen; do not edit

Draft202012Validator with: format assertion on, using rules.py's one rule per format;
`multipleOf` in exact decimal arithmetic (plain jsonschema rejects 19.99 as a multiple of 0.01);
`pattern` with ECMA-262 meaning (`$` only at the very end). The API's request validation, the
agreement tests and the codegen lint all use this class, so there is one verdict.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError

from generated.python.rules import FORMAT_CHECKS, is_multiple_of, matches_pattern

FORMAT_CHECKER = FormatChecker(formats=())
for _name, _check in FORMAT_CHECKS.items():
    FORMAT_CHECKER.checks(_name)(lambda value, check=_check: not isinstance(value, str) or check(value))


def _multiple_of(validator: Any, divisor: Any, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "number") and not is_multiple_of(instance, divisor):
        yield ValidationError(f"{instance!r} is not a multiple of {divisor}")


def _pattern(validator: Any, pattern: Any, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not matches_pattern(instance, pattern):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


_Extended = validators.extend(
    Draft202012Validator, {"multipleOf": _multiple_of, "pattern": _pattern}
)


def ContractValidator(schema: Any) -> Any:  # noqa: N802 - reads like the class it builds
    """A validator for `schema` with the project's formats and keyword rules."""
    return _Extended(schema, format_checker=FORMAT_CHECKER)
