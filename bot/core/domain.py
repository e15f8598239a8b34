"""The bot's own view of orders, refills and money, independent of Telegram and SQL."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

from bot.core.statuses import OrderStatus, RefillStatus


class Stage(StrEnum):
    """An order's state in the bot. The first three exist before the panel confirms it."""

    PLACING = "placing"  # charged; `add` is in flight
    UNCERTAIN = "uncertain"  # `add` may have reached the panel: an admin decides
    REJECTED = "rejected"  # the panel refused it, or an admin refunded it
    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    PROCESSING = "processing"
    COMPLETED = "completed"
    PARTIAL = "partial"
    CANCELED = "canceled"
    UNKNOWN = "unknown"  # the panel sent a status the bot does not know: still polled
    STUCK = "stuck"  # the panel keeps failing on this id: not polled, admins alerted

    @classmethod
    def from_panel(cls, status: OrderStatus) -> Stage:
        return _FROM_PANEL[status]

    @property
    def is_final(self) -> bool:
        return self in FINAL_STAGES

    @property
    def is_polled(self) -> bool:
        return self in POLLED_STAGES


_FROM_PANEL = {
    OrderStatus.PENDING: Stage.PENDING,
    OrderStatus.IN_PROGRESS: Stage.IN_PROGRESS,
    OrderStatus.PROCESSING: Stage.PROCESSING,
    OrderStatus.COMPLETED: Stage.COMPLETED,
    OrderStatus.PARTIAL: Stage.PARTIAL,
    OrderStatus.CANCELED: Stage.CANCELED,
    OrderStatus.UNKNOWN: Stage.UNKNOWN,
}
FINAL_STAGES = frozenset({Stage.REJECTED, Stage.COMPLETED, Stage.PARTIAL, Stage.CANCELED})
POLLED_STAGES = frozenset({Stage.PENDING, Stage.IN_PROGRESS, Stage.PROCESSING, Stage.UNKNOWN})

STAGE_EMOJI = {
    Stage.PLACING: "⏳",
    Stage.UNCERTAIN: "❔",
    Stage.REJECTED: "↩️",
    Stage.PENDING: "🕓",
    Stage.IN_PROGRESS: "🚀",
    Stage.PROCESSING: "⚙️",
    Stage.COMPLETED: "✅",
    Stage.PARTIAL: "🌓",
    Stage.CANCELED: "❌",
    Stage.UNKNOWN: "❓",
    Stage.STUCK: "⚠️",
}


class RefillStage(StrEnum):
    PENDING = "pending"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    REJECTED = "rejected"
    UNKNOWN = "unknown"
    # The panel kept failing on this refill's id: the shop stops asking, tells the customer,
    # and lets them ask for another.
    FAILED = "failed"

    @classmethod
    def from_panel(cls, status: RefillStatus) -> RefillStage:
        return {
            RefillStatus.PENDING: cls.PENDING,
            RefillStatus.IN_PROGRESS: cls.IN_PROGRESS,
            RefillStatus.COMPLETED: cls.COMPLETED,
            RefillStatus.REJECTED: cls.REJECTED,
            RefillStatus.ERROR: cls.REJECTED,
            RefillStatus.UNKNOWN: cls.UNKNOWN,
        }[status]

    @property
    def is_final(self) -> bool:
        return self in {RefillStage.COMPLETED, RefillStage.REJECTED, RefillStage.FAILED}


# The refills the poller follows, and that keep another refill of the order from being asked.
OPEN_REFILL_STAGES = frozenset(stage for stage in RefillStage if not stage.is_final)


@dataclass(frozen=True)
class NewOrder:
    """Everything a confirmed form becomes, before the panel sees it."""

    user_id: int
    client_token: str
    service_id: int
    service_name: str
    service_type: str
    category: str
    link: str
    fields: dict[str, str]
    quantity: int
    charge: Decimal
    cost: Decimal
    currency: str
    discount_code: str | None = None  # a redeemed promo discount this order uses up
    units: int = 0  # what the panel bills per 1000 (quantity × runs); 0: the quantity
    via_api: bool = False  # placed through the shop's own API v2
    avoid_panel: str | None = None  # re-placed: never on the panel it failed to start on


@dataclass(frozen=True)
class Order:
    id: int
    user_id: int
    service_id: int
    service_name: str
    service_type: str
    category: str
    link: str
    fields: dict[str, Any]
    quantity: int
    charge: Decimal
    cost: Decimal
    currency: str
    stage: Stage
    panel_order_id: int | None
    start_count: int | None
    remains: int | None
    error: str | None
    created_at: float
    status_changed_at: float
    panel: str = "main"  # the panel it was placed on
    via_api: bool = False  # placed through the shop's own API v2
    card_message_id: int | None = None  # its live card in the customer's chat

    @property
    def delivered(self) -> int | None:
        if self.stage is Stage.COMPLETED:
            return self.quantity
        if self.remains is None:
            return None
        return max(0, self.quantity - self.remains)


@dataclass(frozen=True)
class Refill:
    id: int
    order_id: int
    user_id: int
    panel_refill_id: int | None
    stage: RefillStage
    created_at: float
    updated_at: float


@dataclass(frozen=True)
class User:
    id: int
    username: str | None
    first_name: str | None
    locale: str | None
    is_banned: bool
    is_active: bool


class InsufficientFundsError(Exception):
    def __init__(self, missing: Decimal) -> None:
        super().__init__(f"missing {missing}")
        self.missing = missing


class DiscountGoneError(Exception):
    """The discount the summary applied was used by another order meanwhile."""


class LinkBusyError(Exception):
    """An order of the same service for the same link is still open: the panel would refuse
    a second one, so the shop does before any money moves."""

    def __init__(self, order_id: int, own: bool) -> None:
        super().__init__(f"order {order_id} is open for this link")
        self.order_id = order_id
        self.own = own  # the customer's own order (its number may be shown)


class AlreadyPlacedError(Exception):
    def __init__(self, order_id: int) -> None:
        super().__init__(f"order {order_id} already placed from this form")
        self.order_id = order_id


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# Service types as panels name them; a package is one unit whatever its size.
PACKAGE_TYPES = frozenset({"package", "custom comments package"})


def normalize_type(name: str) -> str:
    """Panels spell types loosely ("Custom_Comments", "custom comments"): one key for all."""
    return " ".join(name.lower().replace("_", " ").split())


# The largest id the shop's own rows have (orders, tickets, services: 32-bit columns), and
# the largest a Telegram user or a panel's order may have (64-bit columns).
MAX_ID = 2**31 - 1
MAX_BIG_ID = 2**63 - 1


def parse_id(text: str, largest: int = MAX_ID) -> int | None:
    """An id typed or sent by someone: decimal digits (any script's: "١٢" is 12) within what
    its database column holds, else None. `str.isdigit` also takes "²", which `int` refuses."""
    if not text.isdecimal() or len(text) > 19:
        return None
    value = int(text)
    return value if value <= largest else None
