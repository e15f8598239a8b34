"""Promo codes: created by admins, redeemed once per customer, limited uses kept under a lock
so the last use goes to exactly one customer however many race for it."""

from __future__ import annotations

import time
from dataclasses import dataclass
from decimal import Decimal

from bot.core.growth.promos import Promo, PromoKind, PromoSpec, Refusal, refusal
from bot.core.money import to_micros
from bot.core.storage.base import StoreBase
from bot.core.storage.db import IntegrityError
from bot.core.storage.rows import Row


@dataclass(frozen=True)
class Redeemed:
    promo: Promo
    credited: Decimal | None  # a credit code: what the wallet received


def _promo(row: Row) -> Promo:
    return Promo(
        code=row["code"],
        kind=PromoKind(row["kind"]),
        amount=Decimal(row["amount"]),
        max_uses=row["max_uses"],
        uses=row["uses"],
        expires_at=row["expires_at"],
        active=bool(row["active"]),
    )


# Every summary asks.
_PENDING_DISCOUNT = (
    "SELECT promo_codes.code, promo_codes.amount FROM promo_codes"
    " JOIN promo_redemptions ON promo_redemptions.code = promo_codes.code"
    " WHERE promo_redemptions.user_id = :user_id AND promo_redemptions.order_id IS NULL"
    f" AND promo_codes.kind = '{PromoKind.DISCOUNT.value}'"
    " ORDER BY promo_redemptions.id LIMIT 1"
)


class PromoStore(StoreBase):
    async def create_promo(self, spec: PromoSpec) -> bool:
        """False if the code exists already."""
        now = time.time()
        try:
            async with self.db.write() as conn:
                await conn.execute(
                    "INSERT INTO promo_codes"
                    " (code, kind, amount, max_uses, uses, expires_at, active, created_at)"
                    " VALUES (:code, :kind, :amount, :max_uses, 0, :expires_at, TRUE, :now)",
                    {
                        "code": spec.code,
                        "kind": spec.kind,
                        "amount": str(spec.amount),
                        "max_uses": spec.max_uses,
                        "expires_at": now + spec.days * 86400 if spec.days else None,
                        "now": now,
                    },
                )
        except IntegrityError:
            return False
        return True

    async def promos(self) -> list[Promo]:
        async with self.db.read() as conn:
            query = "SELECT * FROM promo_codes ORDER BY created_at DESC LIMIT 50"
            return [_promo(r) for r in (await conn.execute(query)).mappings().all()]

    async def deactivate_promo(self, code: str) -> bool:
        async with self.db.write() as conn:
            changed = await conn.execute(
                "UPDATE promo_codes SET active = FALSE WHERE code = :code", {"code": code}
            )
        return bool(changed.rowcount)

    async def redeem(self, code: str, user_id: int, now: float | None = None) -> Redeemed | Refusal:
        """Redeem once per customer within the code's uses and time; a credit code credits the
        wallet in the same transaction (a ledger row with its own reference)."""
        now = time.time() if now is None else now
        try:
            async with self.db.write() as conn:
                locked = await conn.execute(
                    "SELECT * FROM promo_codes WHERE code = :code FOR UPDATE", {"code": code}
                )
                row = locked.mappings().first()
                promo = _promo(row) if row else None
                used = await conn.execute(
                    "SELECT id FROM promo_redemptions WHERE code = :code AND user_id = :user_id",
                    {"code": code, "user_id": user_id},
                )
                refused = refusal(promo, now, used.first() is not None)
                if refused is not None or promo is None:
                    return refused or Refusal.UNKNOWN
                await conn.execute(
                    "UPDATE promo_codes SET uses = uses + 1 WHERE code = :code", {"code": code}
                )
                await conn.execute(
                    "INSERT INTO promo_redemptions (code, user_id, created_at)"
                    " VALUES (:code, :user_id, :now)",
                    {"code": code, "user_id": user_id, "now": now},
                )
                credited = None
                if promo.kind is PromoKind.CREDIT:
                    await self._lock_customer(conn, user_id)
                    await self._add_ledger(
                        conn,
                        user_id,
                        to_micros(promo.amount),
                        "promo",
                        ref=f"promo:{code}:{user_id}",
                        note=f"promo code {code}",
                    )
                    credited = promo.amount
        except IntegrityError:  # the same customer redeemed it at the same instant elsewhere
            return Refusal.ALREADY_USED
        return Redeemed(promo, credited)

    async def pending_discount(self, user_id: int) -> tuple[str, Decimal] | None:
        """The discount a customer redeemed and has not used on an order yet."""
        async with self.db.read() as conn:
            row = (await conn.execute(_PENDING_DISCOUNT, {"user_id": user_id})).first()
        return (str(row[0]), Decimal(row[1])) if row else None
