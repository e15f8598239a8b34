"""What a status change reported by the panel means for the customer's money and for who is
told: plain rules, tested without a database. The storage executes a plan in one transaction
(the stage, the refund, the customer's notice and the admins' alert together)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bot.core.domain import POLLED_STAGES, Stage
from bot.core.money import partial_refund
from bot.core.outbox import OutboxKind


@dataclass(frozen=True)
class OrderFacts:
    """What the stored order says before the change."""

    stage: Stage
    charge: Decimal
    quantity: int
    remains: int | None


@dataclass(frozen=True)
class TransitionPlan:
    stage: Stage
    refund: Decimal  # refunded once per order; zero for none
    notify_customer: bool
    admin_alert: OutboxKind | None = None


def plan_transition(order: OrderFacts, stage: Stage, remains: int | None) -> TransitionPlan | None:
    """The plan for the panel's new stage, or None when there is nothing to change: the same
    stage (progress only), or an order the poller has no say over (final, stuck, resolving)."""
    if order.stage not in POLLED_STAGES or order.stage is stage:
        return None
    refund = Decimal(0)
    alert: OutboxKind | None = None
    if stage is Stage.PARTIAL:
        undelivered = remains if remains is not None else order.remains
        if undelivered is None:
            # The panel did not say how much is missing: a person decides the refund.
            alert = OutboxKind.ADMIN_PARTIAL_UNKNOWN
        else:
            refund = partial_refund(order.charge, order.quantity, undelivered)
    elif stage is Stage.CANCELED:
        refund = order.charge
    # An unknown status is still polled: nothing the customer can act on yet.
    return TransitionPlan(
        stage, refund, notify_customer=stage is not Stage.UNKNOWN, admin_alert=alert
    )


@dataclass(frozen=True)
class PollErrorPlan:
    errors: int
    flag_stuck: bool


def plan_poll_error(stage: Stage, errors_before: int, limit: int) -> PollErrorPlan | None:
    """A per-id panel error on an open order: counted, and at `limit` the order is flagged for
    admins and no longer polled. None when the order is not polled any more."""
    if stage not in POLLED_STAGES:
        return None
    errors = errors_before + 1
    return PollErrorPlan(errors=errors, flag_stuck=errors >= limit)
