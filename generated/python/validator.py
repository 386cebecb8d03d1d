"""A JSON Schema 2020-12 validator that applies the project's rules.

generated from codegen/formats.py by python -m codegen; do not edit

Draft202012Validator with: format assertion on, using rules.py's one rule per format;
`multipleOf` in exact decimal arithmetic (plain jsonschema rejects 19.99 as a multiple of 0.01);
`pattern` with ECMA-262 meaning (`$` only at the very end); and two contract-wide rules
(codegen/formats.py): a string or key holding text the databases cannot store (NUL, a lone
surrogate) anywhere in an instance is refused (reported as keyword `text`), and a number
beyond a double (1e400) is no JSON number or integer at all. The API's request validation, the
agreement tests and the codegen lint all use this class, so there is one verdict.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError

from generated.python.rules import (
    FORMAT_CHECKS,
    is_json_number,
    is_multiple_of,
    is_one_of,
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


def _enum(validator: Any, values: Any, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if not is_one_of(instance, values):
        yield ValidationError(f"{instance!r} is not one of {values!r}")


def _const(validator: Any, value: Any, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if not is_one_of(instance, [value]):
        yield ValidationError(f"{value!r} was expected")


_Extended = validators.extend(
    Draft202012Validator,
    # enum and const compare as JSON Schema says, on the number JavaScript reads (rules.py).
    {"multipleOf": _multiple_of, "pattern": _pattern, "enum": _enum, "const": _const},
    type_checker=TYPE_CHECKER,
)


class _WithTextRule:
    """A jsonschema validator plus the contract-wide rule on text (codegen/formats.py): no
    string or object key anywhere in an instance may hold NUL or a lone surrogate, whatever
    schema (typed, open, accept-anything) sits above it. Reported as keyword `text` at each
    such string's path; everything else is the wrapped validator's."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def iter_errors(self, instance: Any) -> Iterator[ValidationError]:
        for path in unstorable_text_paths(instance):
            yield ValidationError(
                "contains text that cannot be stored (NUL or an unpaired surrogate)",
                validator="text",
                validator_value=True,
                path=list(path),
                instance=instance,
            )
        yield from self._inner.iter_errors(instance)

    def is_valid(self, instance: Any) -> bool:
        if next(unstorable_text_paths(instance), None) is not None:
            return False
        return bool(self._inner.is_valid(instance))

    def validate(self, instance: Any) -> None:
        for error in self.iter_errors(instance):
            raise error


def ContractValidator(schema: Any) -> Any:  # noqa: N802 - reads like the class it builds
    """A validator for `schema` with the project's formats and keyword rules."""
    return _WithTextRule(_Extended(schema, format_checker=FORMAT_CHECKER))
