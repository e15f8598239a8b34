"""Recurring plans: what a plan is, what a subscription's payload says, when a payment
matches it and when a subscription has ended. Plain functions: every rule here decides money
or whether an order is placed, and each has a test."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from enum import StrEnum

from bot.core.domain import parse_id
from bot.core.payments.stars import STARS

PERIOD_SECONDS = 30 * 24 * 3600  # the only period Telegram offers for subscriptions
MAX_PLAN_STARS = 10_000  # Telegram's ceiling for a subscription's price
MAX_NAME = 64
# Telegram charges a renewal when the period ends; one that has not come an hour later did
# not happen (the payment failed, or it was cancelled in Telegram's own settings).
GRACE_SECONDS = 3600.0
_PAYLOAD_PREFIX = "plan:"


class State(StrEnum):
    NEW = "new"  # its invoice was made, nothing paid yet
    ACTIVE = "active"
    CANCELLED = "cancelled"  # paid to the period's end, no renewal
    ENDED = "ended"


class Ending(StrEnum):
    CANCELLED = "cancelled"
    UNPAID = "unpaid"


LIVE_STATES = frozenset({State.ACTIVE, State.CANCELLED})


@dataclass(frozen=True)
class Plan:
    id: int
    name: str
    service_id: int
    quantity: int
    stars: int  # per 30 days
    on_sale: bool = True


@dataclass(frozen=True)
class Subscription:
    id: int
    user_id: int
    plan_id: int
    plan_name: str
    link: str
    stars: int
    state: State
    first_charge: str | None = None
    expires_at: float | None = None


@dataclass(frozen=True)
class PlanDraft:
    service_id: int
    quantity: int
    stars: int
    name: str


def parse_plan(args: str) -> PlanDraft | None:
    """`/plan add <service id> <quantity> <stars> <name…>`'s arguments, or None."""
    parts = args.split(maxsplit=3)
    numbers = [parse_id(p) for p in parts[:3]] if len(parts) == 4 else []
    if len(numbers) != 3 or None in numbers:
        return None
    service_id, quantity, stars = (n for n in numbers if n is not None)
    name = " ".join(parts[3].split())
    if not (quantity > 0 and 0 < stars <= MAX_PLAN_STARS and 0 < len(name) <= MAX_NAME):
        return None
    return PlanDraft(service_id, quantity, stars, name)


def payload_of(subscription_id: int) -> str:
    return f"{_PAYLOAD_PREFIX}{subscription_id}"


def is_plan_payload(payload: str) -> bool:
    return payload.startswith(_PAYLOAD_PREFIX)


def subscription_in(payload: str) -> int | None:
    """The subscription a payload names: an id its column holds (a longer number would fail
    the query on PostgreSQL), else None."""
    rest = payload.removeprefix(_PAYLOAD_PREFIX)
    return parse_id(rest) if rest != payload else None


def payment_matches(subscription: Subscription, currency: str, total: int, payer_id: int) -> bool:
    """A payment (first or renewal) is this subscription's: in Stars, its price, its payer."""
    return currency == STARS and total == subscription.stars and payer_id == subscription.user_id


def ending(subscription: Subscription, now: float) -> Ending | None:
    """Has this subscription ended by `now`, and why? A cancelled one at its period's end; an
    active one when the renewal has not come within the grace."""
    if subscription.state not in LIVE_STATES or subscription.expires_at is None:
        return None
    if subscription.state is State.CANCELLED:
        return Ending.CANCELLED if now >= subscription.expires_at else None
    return Ending.UNPAID if now >= subscription.expires_at + GRACE_SECONDS else None


def period_end(expiration_date: int | None, paid_at: float) -> float:
    """When the period a payment bought ends: as Telegram says, else 30 days on (a date in
    the past, or further than two periods away, is no period a payment bought)."""
    if expiration_date is not None and paid_at < expiration_date <= paid_at + 2 * PERIOD_SECONDS:
        return float(expiration_date)
    return paid_at + PERIOD_SECONDS


def stars_value(stars: int, stars_per_unit: Decimal) -> Decimal:
    """What `stars` are worth in the wallet's currency at the shop's rate (cents, down)."""
    if stars_per_unit <= 0:
        return Decimal("0.00")
    return (Decimal(stars) / stars_per_unit).quantize(Decimal("0.01"), rounding=ROUND_DOWN)


def period_token(charge_id: str) -> str:
    """The order a paid period places: one per Telegram charge, whoever places it (a
    digest: a charge id may be longer than an order's token)."""
    return "plan-" + hashlib.sha256(charge_id.encode()).hexdigest()[:32]
