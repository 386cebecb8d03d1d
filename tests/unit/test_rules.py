"""The project's format and number rules, checked against independent computations."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from generated.python import rules


@given(st.integers(1, 9999), st.integers(0, 13), st.integers(0, 32))
def test_is_date_matches_the_calendar(year: int, month: int, day: int) -> None:
    text = f"{year:04d}-{month:02d}-{day:02d}"
    try:
        dt.date(year, month, day)
        real = True
    except ValueError:
        real = False
    assert rules.is_date(text) is real


@given(
    st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30)),
    st.integers(-23 * 60, 23 * 60),
)
def test_date_time_round_trips_python_isoformat(moment: dt.datetime, offset_minutes: int) -> None:
    aware = moment.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset_minutes)))
    text = aware.isoformat()
    assert rules.is_date_time(text)
    assert rules.parse_date_time(text) == aware


def test_date_time_dialect_decisions() -> None:
    assert rules.is_date_time("2024-01-01t10:00:00z")  # RFC 3339 allows lower case
    assert not rules.is_date_time("2016-12-31T23:59:60Z")  # leap seconds refused everywhere
    assert not rules.is_date_time("2024-01-01T10:00:00")  # the offset is mandatory
    assert not rules.is_date_time("2024-01-01 10:00:00Z")
    assert not rules.is_date_time("2024-01-01T10:00:00Z\n")


@given(
    st.decimals(min_value=-(10**6), max_value=10**6, places=4, allow_nan=False),
    st.sampled_from(["0.01", "0.1", "0.5", "1.5", "0.0001", "3"]),
)
def test_multiple_of_is_exact_decimal(value: object, divisor: str) -> None:
    as_float = float(str(value))
    exact = Fraction(repr(as_float)) / Fraction(divisor)
    assert rules.is_multiple_of(as_float, float(divisor)) is (exact.denominator == 1)


def test_multiple_of_known_float_traps() -> None:
    assert rules.is_multiple_of(19.99, 0.01)  # float division says 1998.9999999999998
    assert not rules.is_multiple_of(0.30000000000000004, 0.01)
    assert rules.is_multiple_of(12391239123, 1e-8)
    assert not rules.is_multiple_of(1e308, 0.123456789)


def test_pattern_dollar_means_the_very_end() -> None:
    assert rules.matches_pattern("abc", "^[a-z]+$")
    assert not rules.matches_pattern("abc\n", "^[a-z]+$")
    assert rules.matches_pattern("x$y", "^x[$]y$")


def test_email_rule() -> None:
    ok = ["ada@example.com", "te~st@example.com", "d&db@ta06r.test", "a.b+c@sub.example.co"]
    bad = [
        "a@b",
        "Ada <ada@example.com>",
        "a..b@x.io",
        '"q"@x.io',
        "joe@[127.0.0.1]",
        ".a@x.io",
        "é@example.com",
        "a@-x.io",
        "a@x.i0",
        "x" * 65 + "@example.com",
    ]
    assert [rules.is_email(e) for e in ok] == [True] * len(ok)
    assert [rules.is_email(e) for e in bad] == [False] * len(bad)
