"""crm/reports/figures.py: rounding halves up, empty denominators, and the MoneyTotal bound
(the contract's maximum is what the code enforces, read from the contract here)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crm.errors import CrmError
from crm.reports import figures
from generated.python.schemas import BUNDLE

MONEY_TOTAL_MAX = Decimal(str(BUNDLE["$defs"]["MoneyTotal"]["maximum"]))


def test_rates_round_halves_up_and_zero_over_nothing() -> None:
    assert figures.rate(1, 8) == 12.5
    assert figures.rate(1, 3) == 33.33
    assert figures.rate(2, 3) == 66.67
    assert figures.rate(1, 200_000) == 0.0  # 0.0005 % -> 0.00
    assert figures.rate(1, 2_000) == 0.05  # exactly 0.05
    assert figures.rate(1, 80_000) == 0.0  # 0.00125 -> 0.00
    assert figures.rate(1, 40_000) == 0.0  # 0.0025 -> 0.00 (2 decimals)
    assert figures.rate(1, 400) == 0.25
    assert figures.rate(0, 0) == 0.0


def test_means_round_halves_up_and_are_none_over_nothing() -> None:
    assert figures.mean(3, 2) == 1.5
    assert figures.mean(1, 20) == 0.1  # 0.05 -> 0.1, not banker's 0.0
    assert figures.mean(43_200_000, 1, unit=figures.MS_PER_DAY) == 0.5
    assert figures.mean(None, 0) is None
    assert figures.mean(5, 0) is None


def test_money_totals_stop_where_doubles_stop_holding_cents() -> None:
    assert Decimal(figures.MAX_TOTAL_CENTS) / 100 == MONEY_TOTAL_MAX
    # below the bound every amount survives JSON as a double; just above it, some do not
    below = range(figures.MAX_TOTAL_CENTS - 500, figures.MAX_TOTAL_CENTS + 1)
    above = range(figures.MAX_TOTAL_CENTS + 1, figures.MAX_TOTAL_CENTS + 501)
    assert all(Decimal(repr(c / 100)) == Decimal(c) / 100 for c in below)
    assert not all(Decimal(repr(c / 100)) == Decimal(c) / 100 for c in above)
    assert figures.money(figures.MAX_TOTAL_CENTS) == float(MONEY_TOTAL_MAX)
    assert figures.money(1999) == 19.99
    assert figures.money(15, scale=10) == 0.02  # 1.5 cents -> 2
    with pytest.raises(CrmError) as raised:
        figures.money(figures.MAX_TOTAL_CENTS + 1)
    assert raised.value.status == 500
    assert "exactly" in raised.value.message
