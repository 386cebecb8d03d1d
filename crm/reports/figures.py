"""From the integers a report statement sums to the numbers a report shows.

The database counts and sums (whole cents, whole milliseconds, whole days); only the final
division and rounding happen here, on one aggregate row, in exact decimal arithmetic:
rates are percentages with 2 decimals (0 when the denominator is 0), averages have the
decimals their contract says (None when there is nothing to average), money has 2 decimals.
Halves round up (away from zero), as people round by hand.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from crm.errors import CrmError

MS_PER_DAY = 86_400_000
# MoneyTotal (contracts/shared_types.json): amounts below 2**46, where every two-decimal
# amount is a distinct double that prints back as itself in JavaScript and Python alike
# (2**53 - 1 whole cents would not do: JSON carries the amount, not the cents).
MAX_TOTAL_CENTS = 2**46 * 100 - 1
CENT = Decimal("0.01")


def _round(value: Decimal, places: int) -> float:
    return float(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def rate(part: int, whole: int) -> float:
    """part / whole as a percentage, 2 decimals; 0 when whole is 0."""
    if not whole:
        return 0.0
    return _round(Decimal(int(part)) * 100 / Decimal(int(whole)), 2)


def mean(
    total: int | Decimal | None, count: int, *, unit: int = 1, places: int = 1
) -> float | None:
    """total / count / unit, rounded to `places`; None when count is 0."""
    if not count or total is None:
        return None
    return _round(Decimal(total) / Decimal(int(count)) / Decimal(unit), places)


def money(cents: int | Decimal | None, *, scale: int = 1) -> float:
    """A sum of cents (times `scale`, for weighted sums in tenths of a cent) as an amount."""
    value = Decimal(cents or 0) / scale
    if value > MAX_TOTAL_CENTS:
        raise CrmError(
            "A total is larger than this report can show exactly.",
            {"maximum": float(Decimal(MAX_TOTAL_CENTS) / 100)},
        )
    return float((value / 100).quantize(CENT, rounding=ROUND_HALF_UP))
