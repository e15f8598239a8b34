"""Referral rules (bot/core/growth/referrals.py): codes, who may be tied, what a referrer earns."""

from __future__ import annotations

from decimal import Decimal

from bot.core.growth.referrals import (
    ALPHABET,
    CODE_LENGTH,
    code_from_start,
    commission,
    may_tie,
    new_code,
    parse_percent,
)


def test_codes_are_short_unambiguous_and_read_back_from_the_start_link() -> None:
    codes = {new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == CODE_LENGTH and set(code) <= set(ALPHABET)
        assert code_from_start(f"ref_{code}") == code
        assert code_from_start(f"ref_{code.lower()}") == code
    for other in (None, "", "ref_", "ref_SHORT", "ref_ABCDEFG0", "promo_ABCDEFGH", "12345"):
        assert code_from_start(other) is None


def test_only_a_new_customer_is_tied_to_someone_else_in_good_standing() -> None:
    assert may_tie(1, referrer_id=2, referrer_banned=False, is_new=True)
    assert not may_tie(1, referrer_id=2, referrer_banned=False, is_new=False)
    assert not may_tie(1, referrer_id=1, referrer_banned=False, is_new=True)
    assert not may_tie(1, referrer_id=2, referrer_banned=True, is_new=True)
    assert not may_tie(1, referrer_id=None, referrer_banned=False, is_new=True)


def test_commission_is_on_what_was_delivered_rounded_down_to_the_cent() -> None:
    assert commission(Decimal("10.00"), Decimal(0), Decimal(5)) == Decimal("0.50")
    assert commission(Decimal("3.99"), Decimal(0), Decimal(5)) == Decimal("0.19")  # 0.1995
    assert commission(Decimal("10.00"), Decimal("4.00"), Decimal(5)) == Decimal("0.30")
    assert commission(Decimal("10.00"), Decimal("10.00"), Decimal(5)) == Decimal(0)
    assert commission(Decimal("0.19"), Decimal(0), Decimal(5)) == Decimal(0)
    assert commission(Decimal("10.00"), Decimal("12.00"), Decimal(5)) == Decimal(0)


def test_admin_percent_accepts_zero_to_fifty_and_off() -> None:
    assert parse_percent("7") == Decimal(7)
    assert str(parse_percent("10")) == "10"
    assert parse_percent("2.5%") == Decimal("2.5")
    assert parse_percent("off") == Decimal(0)
    for wrong in ("", "abc", "-1", "51", "nan", "inf"):
        assert parse_percent(wrong) is None
