"""A child shop as the parent keeps it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from pydantic import SecretStr


class ChildState(StrEnum):
    RUNNING = "running"
    SUSPENDED = "suspended"  # the parent's owner paused it: its customers get one line
    UNPAID = "unpaid"  # its monthly fee lapsed: paused the same way until it is paid


@dataclass(frozen=True, slots=True)
class Child:
    bot_id: int
    owner_id: int  # the reseller: a customer of this shop, the owner of the child
    username: str
    token: SecretStr
    state: ChildState
    created_at: float
    paid_until: float | None = None

    @property
    def running(self) -> bool:
        return self.state is ChildState.RUNNING


@dataclass(frozen=True, slots=True)
class ChildFigures:
    """What the parent's owner sees of a running child: its customers, and its orders and
    their volume (after refunds) in the last 30 days."""

    customers: int
    orders: int
    volume: Decimal
