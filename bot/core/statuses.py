"""The status words of SMM panel API v2 ("Pending", "In progress", "Partial"…), read however
a panel spells them. Shared by the panel adapter, which parses them, and the domain, which
maps them to an order's stage."""

from __future__ import annotations

import logging
from enum import StrEnum
from typing import Any

logger = logging.getLogger("bot.core.panels.models")  # where these warnings always came from


class OrderStatus(StrEnum):
    PENDING = "Pending"
    IN_PROGRESS = "In progress"
    PROCESSING = "Processing"
    COMPLETED = "Completed"
    PARTIAL = "Partial"
    CANCELED = "Canceled"
    UNKNOWN = "Unknown"

    @classmethod
    def parse(cls, raw: Any) -> OrderStatus:
        key = str(raw).strip().lower().replace("_", " ")
        status = _ORDER_STATUS_SPELLINGS.get(key)
        if status is None:
            logger.warning("panel sent an unknown order status", extra={"status": str(raw)[:50]})
            return cls.UNKNOWN
        return status

    @property
    def is_final(self) -> bool:
        return self in {OrderStatus.COMPLETED, OrderStatus.PARTIAL, OrderStatus.CANCELED}


_ORDER_STATUS_SPELLINGS = {
    "pending": OrderStatus.PENDING,
    "in progress": OrderStatus.IN_PROGRESS,
    "inprogress": OrderStatus.IN_PROGRESS,
    "processing": OrderStatus.PROCESSING,
    "completed": OrderStatus.COMPLETED,
    "complete": OrderStatus.COMPLETED,
    "partial": OrderStatus.PARTIAL,
    "canceled": OrderStatus.CANCELED,
    "cancelled": OrderStatus.CANCELED,
}


class RefillStatus(StrEnum):
    PENDING = "Pending"
    IN_PROGRESS = "In progress"
    COMPLETED = "Completed"
    REJECTED = "Rejected"
    ERROR = "Error"
    UNKNOWN = "Unknown"

    @classmethod
    def parse(cls, raw: Any) -> RefillStatus:
        key = str(raw).strip().lower().replace("_", " ")
        for member in cls:
            if member.value.lower() == key:
                return member
        logger.warning("panel sent an unknown refill status", extra={"status": str(raw)[:50]})
        return cls.UNKNOWN

    @property
    def is_final(self) -> bool:
        return self in {RefillStatus.COMPLETED, RefillStatus.REJECTED, RefillStatus.ERROR}
