"""Promo code rules (bot/core/growth/promos.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.core.growth.promos import Promo, PromoKind, Refusal, discounted, parse_create, refusal


def test_create_parses_credits_and_discounts() -> None:
    credit = parse_create(["spring", "5", "100", "7"])
    assert credit is not None
    assert (credit.code, credit.kind, credit.amount) == ("SPRING", PromoKind.CREDIT, Decimal(5))
    assert (credit.max_uses, credit.days) == (100, 7.0)
    discount = parse_create(["vip10", "10%"])
    assert discount is not None and discount.kind is PromoKind.DISCOUNT
    assert discount.amount == 10 and discount.max_uses is None


@pytest.mark.parametrize(
    "args",
    [
        ["X", "5"],
        ["CODE"],
        ["CODE", "0"],
        ["CODE", "-5"],
        ["CODE", "100%"],
        ["CODE", "2.5%"],
        ["CODE", "1.234"],
        ["CODE", "5", "0"],
        ["CODE", "5", "2", "-1"],
        ["CO DE!", "5"],
        ["CODE", "abc"],
        ["CODE", "5", "many"],
    ],
)
def test_create_refuses_what_makes_no_sense(args: list[str]) -> None:
    assert parse_create(args) is None


def promo(**changes: object) -> Promo:
    values: dict[str, object] = {
        "code": "X1",
        "kind": PromoKind.CREDIT,
        "amount": Decimal(5),
        "max_uses": 2,
        "uses": 0,
        "expires_at": 2000.0,
        "active": True,
    }
    values.update(changes)
    return Promo(**values)  # type: ignore[arg-type]


def test_who_may_redeem() -> None:
    assert refusal(promo(), 1000, False) is None
    assert refusal(None, 1000, False) is Refusal.UNKNOWN
    assert refusal(promo(active=False), 1000, False) is Refusal.UNKNOWN
    assert refusal(promo(), 2000, False) is Refusal.EXPIRED
    assert refusal(promo(), 1000, True) is Refusal.ALREADY_USED
    assert refusal(promo(uses=2), 1000, False) is Refusal.USED_UP
    assert refusal(promo(max_uses=None, uses=10**6, expires_at=None), 10**9, False) is None


def test_a_discount_rounds_up_to_the_cent_and_never_sells_below_cost() -> None:
    assert discounted(Decimal("10.00"), Decimal(10), Decimal("5.00")) == Decimal("9.00")
    assert discounted(Decimal("1.17"), Decimal(15), Decimal("0.50")) == Decimal("1.00")  # 0.9945
    assert discounted(Decimal("10.00"), Decimal(90), Decimal("6.001")) == Decimal("6.01")


@pytest.mark.parametrize(
    "args",
    [
        ["CODE", "5", "1", "nan"],
        ["CODE", "5", "1", "inf"],
        ["CODE", "5", "99999999999"],
        ["CODE", "NaN%"],
        ["CODE", "sNaN"],
        ["CODE", "5", "1", "1e308"],
    ],
)
def test_strange_numbers_make_no_promo_code(args: list[str]) -> None:
    """Issue 34: NaN days never expired, 11-digit uses overflowed PostgreSQL's column."""
    assert parse_create(args) is None
