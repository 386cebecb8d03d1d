"""crm.openapi31.parse_json: orjson first, the standard library's verdict and value always.

The reference is `json.loads` with NaN and Infinity refused, the parser request bodies had
before orjson was asked first: for every input, the same value (type included: an integer stays
an integer, -0.0 stays -0.0) or the same 400 with the same message.
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm.openapi31 import ValidationProblem, parse_json


def _reference(raw: bytes) -> Any:
    def refuse(name: str) -> Any:
        raise ValueError(f"{name} is not valid JSON")

    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return ("refused", "The request body is not valid UTF-8.")
    try:
        return ("value", _typed(json.loads(text, parse_constant=refuse)))
    except RecursionError:
        return ("refused", "deep")
    except ValueError as exc:
        return ("refused", f"The request body is not valid JSON ({exc}).")


def _ours(raw: bytes) -> Any:
    try:
        return ("value", _typed(parse_json(raw)))
    except ValidationProblem as problem:
        message = str(problem.detail)
        return ("refused", "deep" if "deeper" in message else message)


def _typed(value: Any) -> Any:
    """The value with every scalar's type beside it (1 and 1.0 and True are not the same)."""
    if isinstance(value, dict):
        return ("object", [(k, _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("array", [_typed(v) for v in value])
    if isinstance(value, float):
        return ("float", math.copysign(1.0, value), repr(value))
    return (type(value).__name__, value)


CASES = [
    b'{"a":1}',
    b'\xef\xbb\xbf{"a":1}',  # a BOM
    b'{"a":1e400}',  # inf
    b'{"a":-0}',
    b'{"a":-0.0}',
    b'{"a":1,"a":2,"b":3}',  # a repeated name: the last wins, in the first place
    b'{"a":"\\ud800"}',  # a lone surrogate
    b'{"a":"\\ud83d\\ude00"}',
    b"[1,]",
    b'"\x7f"',
    b" 1 ",
    b"\t[]\r\n",
    b'{"a":18446744073709551616}',  # past 64 bits
    b'{"a":-9223372036854775809}',
    b'{"a":9223372036854775807}',
    b'{"a":12345678901234567890123}',
    b'{"a":1.2345678901234567890123}',
    b"NaN",
    b"-Infinity",
    b"1.7976931348623157e308",
    b"5e-324",
    b"2.2250738585072011e-308",
    b'"\\u0000"',
    b'"a\x00"',
    b"01",
    b"1.",
    b"1e5",
    b"1E+2",
    b'"\\x"',
    b"\x0c1",
    b'"\xff"',  # not UTF-8
    b'"\xed\xa0\x80"',  # a surrogate encoded in UTF-8: not UTF-8
    b"[" * 2000 + b"]" * 2000,  # deeper than orjson goes
    b"true",
    b"null",
    b'[true, false, null, 0, -1, 1.5, "x"]',
]


@pytest.mark.parametrize("raw", CASES, ids=lambda raw: repr(raw[:40]))
def test_the_same_verdict_and_value_as_the_standard_parser(raw: bytes) -> None:
    assert _ours(raw) == _reference(raw)


def _values() -> st.SearchStrategy[Any]:
    scalars = (
        st.none()
        | st.booleans()
        | st.integers(min_value=-(2**80), max_value=2**80)
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text()
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
        max_leaves=12,
    )


@settings(max_examples=400, deadline=None)
@given(value=_values(), ascii_only=st.booleans())
def test_any_json_text_parses_as_the_standard_parser_parses_it(
    value: Any, ascii_only: bool
) -> None:
    raw = json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    assert _ours(raw) == _reference(raw)


@settings(max_examples=400, deadline=None)
@given(
    raw=st.binary(max_size=40)
    | st.text(alphabet='{}[]",:0123456789.eE+-tfnul \\', max_size=30).map(str.encode)
)
def test_any_bytes_get_the_standard_parsers_verdict(raw: bytes) -> None:
    if not raw:
        return  # an empty body is no JSON value: the validator handles it before parsing
    assert _ours(raw) == _reference(raw)
