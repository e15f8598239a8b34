"""Orders waiting for a top-up: the summary a customer could not pay, kept for a while at the
price they saw. One per customer; a newer summary replaces it."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from bot.core.storage.base import StoreBase

HOLD_SECONDS = 30 * 60
_DROP_HOLD = "DELETE FROM held_orders WHERE user_id = :uid"
_ADD_HOLD = (
    "INSERT INTO held_orders"
    " (user_id, token, service_id, service_name, answers, price, currency, expires_at)"
    " VALUES (:user_id, :token, :service_id, :service_name, :answers, :price, :currency,"
    " :expires_at)"
)


@dataclass(frozen=True)
class HeldOrder:
    user_id: int
    token: str  # the form's token: placing it twice finds the first order
    service_id: int
    service_name: str
    answers: dict[str, Any]
    price: Decimal
    currency: str
    expires_at: float


class HoldStore(StoreBase):
    async def hold_order(
        self,
        user_id: int,
        token: str,
        service_id: int,
        service_name: str,
        answers: dict[str, Any],
        price: Decimal,
        currency: str,
        seconds: float = HOLD_SECONDS,
    ) -> None:
        async with self.db.write() as conn:
            await conn.execute(_DROP_HOLD, {"uid": user_id})
            await conn.execute(
                _ADD_HOLD,
                {
                    "user_id": user_id,
                    "token": token,
                    "service_id": service_id,
                    "service_name": service_name[:300],
                    "answers": json.dumps(answers),
                    "price": str(price),
                    "currency": currency,
                    "expires_at": time.time() + seconds,
                },
            )

    async def held_order(self, user_id: int, now: float | None = None) -> HeldOrder | None:
        """The customer's order waiting for funds, unless it expired (then it is gone)."""
        now = time.time() if now is None else now
        query = "SELECT * FROM held_orders WHERE user_id = :user_id AND expires_at > :now"
        async with self.db.read() as conn:
            row = (await conn.execute(query, {"user_id": user_id, "now": now})).mappings().first()
        if row is None:
            return None
        return HeldOrder(
            user_id=row["user_id"],
            token=row["token"],
            service_id=row["service_id"],
            service_name=row["service_name"],
            answers=json.loads(row["answers"]),
            price=Decimal(row["price"]),
            currency=row["currency"],
            expires_at=row["expires_at"],
        )

    async def release_hold(self, user_id: int, token: str | None = None) -> None:
        """Forget the waiting order (placed, cancelled, or replaced by a new form)."""
        query = _DROP_HOLD if token is None else _DROP_HOLD + " AND token = :token"
        async with self.db.write() as conn:
            await conn.execute(query, {"uid": user_id, "token": token})
