"""Money arithmetic: prices with markup, partial refunds (bot/core/money.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.core.money import customer_price, fmt, fmt_rate, partial_refund


@pytest.mark.parametrize(
    ("rate", "units_", "markup", "price"),
    [
        ("0.90", 1000, "0", "0.90"),
        ("0.90", 1000, "30", "1.17"),
        ("0.90", 50, "30", "0.06"),
        ("0.00123", 1, "0", "0.01"),
        ("8", 10, "25", "0.10"),
        ("0.333333", 3000, "0", "1.00"),
    ],
)
def test_price_is_rate_times_units_with_markup_rounded_up_to_cents(
    rate: str, units_: int, markup: str, price: str
) -> None:
    assert customer_price(Decimal(rate), units_, Decimal(markup)) == Decimal(price)


def test_partial_refund_is_the_undelivered_share_of_the_charge() -> None:
    # 0.2925 undelivered: refunded in whole cents, never more than was not delivered
    assert partial_refund(Decimal("1.17"), 1000, 250) == Decimal("0.29")
    assert partial_refund(Decimal("1.17"), 1000, 0) == 0
    assert partial_refund(Decimal("1.17"), 1000, 5000) == Decimal("1.17")  # never more than paid


@pytest.mark.parametrize(
    ("amount", "shown"),
    [("8", "8.00"), ("0.9", "0.90"), ("12.5", "12.50"), ("0.2925", "0.29"), ("9.995", "10.00")],
)
def test_amounts_always_show_two_decimals(amount: str, shown: str) -> None:
    assert fmt(Decimal(amount)) == shown


@pytest.mark.parametrize(
    ("rate", "shown"),
    [
        ("8", "8.00"),
        ("0.9", "0.90"),
        ("1.17", "1.17"),
        ("0.0125", "0.0125"),
        ("0.00001", "0.00001"),
        ("0.123456", "0.12346"),  # more than five decimals: rounded up, never shown cheaper
        ("1.2000", "1.20"),
    ],
)
def test_rates_show_as_many_decimals_as_needed_between_two_and_five(rate: str, shown: str) -> None:
    assert fmt_rate(Decimal(rate)) == shown


@pytest.mark.parametrize("typed", ["NaN", "sNaN", "Infinity", "-inf", "1E30", "9" * 20, "", "abc"])
def test_a_typed_number_that_is_no_amount_is_none(typed: str) -> None:
    """Issue 34: `/crypto 1E30` raised while rounding to cents (found by the entry fuzz)."""
    from bot.core.money import parse_decimal

    assert parse_decimal(typed) is None


def test_typed_amounts_are_read_as_people_write_them() -> None:
    from bot.core.money import parse_decimal

    assert parse_decimal(" 12,50 ") == Decimal("12.50")
    assert parse_decimal("1e3") == Decimal(1000)
