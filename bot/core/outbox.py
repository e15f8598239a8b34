"""What the bot may say to someone later: the kinds of outbox rows, and the interface through
which the core hands a row to whoever can deliver it (the Telegram layer implements it)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol


class OutboxKind(StrEnum):
    """Each kind has exactly one renderer in the UI layer (a test checks it)."""

    ORDER_STATUS = "order_status"
    REFILL_RESULT = "refill_result"
    WALLET_CREDIT = "wallet_credit"
    BROADCAST = "broadcast"
    PAID_BROADCAST = "paid_broadcast"  # sent with allow_paid_broadcast, up to 1,000 a second
    BROADCAST_PROGRESS = "broadcast_progress"
    ADMIN_UNCERTAIN = "admin_uncertain"
    ADMIN_STUCK = "admin_stuck"
    ADMIN_PARTIAL_UNKNOWN = "admin_partial_unknown"
    ADMIN_PANEL_PROBLEM = "admin_panel_problem"
    ADMIN_ERROR = "admin_error"
    ADMIN_LOW_BALANCE = "admin_low_balance"
    ORDER_STALLED = "order_stalled"  # the customer: it is being looked at
    ADMIN_STALLED = "admin_stalled"
    REFERRAL_EARNED = "referral_earned"
    HELD_ORDER_READY = "held_order_ready"  # a top-up landed: the waiting order can be placed
    ADMIN_CATALOG_DIGEST = "admin_catalog_digest"  # what moved at a catalog refresh
    ADMIN_BELOW_COST = "admin_below_cost"  # a hand-set price under the cost: paused
    ADMIN_LOW_MARGIN = "admin_low_margin"  # a margin under MARGIN_ALERT_PERCENT
    MASS_REPORT = "mass_report"  # a mass order cut by a crash was finished: its report
    PLAN_PERIOD = "plan_period"  # a plan's period was paid: its order, or why none
    PLAN_ENDED = "plan_ended"  # a plan ran out (cancelled, or its renewal not paid)
    ADMIN_QUARANTINE = "admin_quarantine"  # a service's recent orders failed: it is paused
    ORDER_REPLACED = "order_replaced"  # an order that never started, re-placed elsewhere
    CHILD_FEE_DUE = "child_fee_due"  # a child shop's monthly fee lapsed: it is paused


@dataclass(frozen=True)
class OutboxRow:
    id: int
    chat_id: int
    kind: OutboxKind
    payload: dict[str, Any]
    attempts: int
    revision: int = 0  # the row's state when it was read (a newer one may be folded in)


class RecipientGoneError(Exception):
    """The recipient blocked the bot or deleted their account: nothing more reaches them."""


class SlowDownError(Exception):
    """The messenger asked to wait before sending again."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"retry after {retry_after} s")
        self.retry_after = retry_after


class UndeliverableError(Exception):
    """This message can never be delivered as it is (chat gone, text refused)."""


class Messenger(Protocol):
    """Delivers one outbox row: False when there is nothing left to say (the row is dropped).
    Raises RecipientGoneError, SlowDownError or UndeliverableError; anything else is retried."""

    async def deliver(self, row: OutboxRow) -> bool: ...
