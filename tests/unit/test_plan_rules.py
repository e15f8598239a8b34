"""The rules of recurring plans (bot/core/plans/rules.py): what `/plan add` accepts, which
payment is a subscription's, when a subscription ends, what a period is worth."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.core.plans.rules import (
    GRACE_SECONDS,
    PERIOD_SECONDS,
    Ending,
    PlanDraft,
    State,
    Subscription,
    ending,
    parse_plan,
    payload_of,
    payment_matches,
    period_end,
    period_token,
    stars_value,
    subscription_in,
)


def test_a_plan_is_a_service_a_quantity_a_price_in_stars_and_a_name() -> None:
    assert parse_plan("12 1000 300 Growth  pack ") == PlanDraft(12, 1000, 300, "Growth pack")
    for bad in (
        "",
        "12 1000 300",
        "x 1000 300 Name",
        "12 0 300 Name",
        "12 1000 0 Name",
        "12 1000 10001 Name",
        "12 -5 300 Name",
        "12 1000 300 " + "n" * 65,
        "12 1000 1e3 Name",
        "99999999999 1 1 Name",
    ):
        assert parse_plan(bad) is None, bad


def test_a_payload_names_one_subscription_and_nothing_else() -> None:
    assert subscription_in(payload_of(42)) == 42
    for bad in (
        "topup:1:2:3",
        "plan:",
        "plan:x",
        "plan:-1",
        "plan:1:2",
        "plan:" + "9" * 13,
        "plan:2147483648",
    ):
        assert subscription_in(bad) is None, bad


def _subscription(state: State = State.ACTIVE, expires_at: float | None = 1000.0) -> Subscription:
    return Subscription(
        7, 500, 1, "Growth", "https://instagram.com/x", 300, state, "c1", expires_at
    )


def test_only_the_payer_paying_the_price_in_stars_pays_a_subscription() -> None:
    subscription = _subscription()
    assert payment_matches(subscription, "XTR", 300, 500)
    assert not payment_matches(subscription, "XTR", 299, 500)
    assert not payment_matches(subscription, "USD", 300, 500)
    assert not payment_matches(subscription, "XTR", 300, 501)


@pytest.mark.parametrize(
    ("state", "now", "expected"),
    [
        (State.ACTIVE, 999.0, None),
        (State.ACTIVE, 1000.0 + GRACE_SECONDS - 1, None),  # the renewal may still come
        (State.ACTIVE, 1000.0 + GRACE_SECONDS, Ending.UNPAID),
        (State.CANCELLED, 999.0, None),
        (State.CANCELLED, 1000.0, Ending.CANCELLED),  # no renewal to wait for
        (State.NEW, 10**9, None),  # never paid: nothing to end
        (State.ENDED, 10**9, None),
    ],
)
def test_a_subscription_ends_when_its_period_runs_out_unrenewed(
    state: State, now: float, expected: Ending | None
) -> None:
    assert ending(_subscription(state), now) == expected


def test_a_period_ends_when_telegram_says_else_thirty_days_on() -> None:
    assert period_end(5000, 100.0) == 5000.0
    assert period_end(None, 100.0) == 100.0 + PERIOD_SECONDS
    assert period_end(50, 100.0) == 100.0 + PERIOD_SECONDS  # a date in the past is not trusted


def test_stars_are_worth_whole_cents_rounded_down() -> None:
    assert stars_value(300, Decimal(50)) == Decimal("6.00")
    assert stars_value(1, Decimal(3)) == Decimal("0.33")
    assert stars_value(300, Decimal(0)) == Decimal("0.00")


def test_each_charge_places_its_own_order_and_the_token_fits_an_order() -> None:
    first, second = period_token("stx" + "a" * 200), period_token("stx" + "b" * 200)
    assert first != second and len(first) <= 40
    assert period_token("same") == period_token("same")


def test_an_expiration_date_no_subscription_could_have_is_not_believed() -> None:
    """Strangers' numbers: a date years away (or past what a datetime holds) is 30 days on."""
    assert period_end(10**15, 100.0) == 100.0 + PERIOD_SECONDS
    assert period_end(100 + 400 * 86400, 100.0) == 100.0 + PERIOD_SECONDS
