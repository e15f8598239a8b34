"""The rules of child shops: the monthly fee (bot/core/children/fees.py), where they run."""

from __future__ import annotations

from bot.core.children import fees

DAY = 86400.0


def test_a_new_child_runs_through_its_grace_before_the_first_payment() -> None:
    created = 1_000_000.0
    assert not fees.lapsed(created + 3 * DAY - 1, 100, created, None)
    assert fees.lapsed(created + 3 * DAY + 1, 100, created, None)
    assert not fees.lapsed(created + 365 * DAY, 0, created, None)  # no fee: never lapses


def test_a_paid_period_and_the_grace_after_it() -> None:
    created, paid = 1_000_000.0, 1_000_000.0 + 30 * DAY
    assert not fees.lapsed(paid + 2 * DAY, 100, created, paid)
    assert fees.lapsed(paid + 3 * DAY + 1, 100, created, paid)


def test_a_payment_never_shortens_and_a_repeated_one_changes_nothing() -> None:
    now = 5_000_000.0
    first = fees.extended(None, int(now + 30 * DAY), now)
    assert first == now + 30 * DAY
    assert fees.extended(first, int(now + 30 * DAY), now) == first
    assert fees.extended(first, int(now + 10 * DAY), now) == first
    # A stranger's expiration years away is held to two periods.
    assert fees.extended(None, int(now + 900 * DAY), now) == now + 60 * DAY


def test_only_the_owner_paying_todays_fee_in_stars_matches() -> None:
    assert fees.payment_matches("XTR", 100, 7, 7, 100)
    assert not fees.payment_matches("XTR", 99, 7, 7, 100)
    assert not fees.payment_matches("USD", 100, 7, 7, 100)
    assert not fees.payment_matches("XTR", 100, 8, 7, 100)
    assert not fees.payment_matches("XTR", 0, 7, 7, 0)


def test_payloads() -> None:
    assert fees.child_in(fees.payload_of(42)) == 42
    assert fees.child_in("plan:42") is None
    assert fees.child_in("childfee:99999999999999999999999") is None
