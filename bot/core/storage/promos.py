"""Promo codes: created by admins, redeemed once per customer, limited uses kept under a lock
so the last use goes to exactly one customer however many race for it."""

from __future__ import annotations

import time
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.engine import RowMapping
from sqlalchemy.exc import IntegrityError

from bot.core.money import to_micros
from bot.core.promos import Promo, PromoKind, PromoSpec, Refusal, refusal
from bot.core.storage.base import StoreBase
from bot.core.storage.db import plain
from bot.core.storage.tables import promo_codes, promo_redemptions


@dataclass(frozen=True)
class Redeemed:
    promo: Promo
    credited: Decimal | None  # a credit code: what the wallet received


def _promo(row: RowMapping) -> Promo:
    return Promo(
        code=row["code"],
        kind=PromoKind(row["kind"]),
        amount=Decimal(row["amount"]),
        max_uses=row["max_uses"],
        uses=row["uses"],
        expires_at=row["expires_at"],
        active=bool(row["active"]),
    )


# Every summary asks: built once.
_PENDING_DISCOUNT = plain(
    select(promo_codes.c.code, promo_codes.c.amount)
    .join(promo_redemptions, promo_redemptions.c.code == promo_codes.c.code)
    .where(
        promo_redemptions.c.user_id == bindparam("user_id"),
        promo_redemptions.c.order_id.is_(None),
        promo_codes.c.kind == PromoKind.DISCOUNT,
    )
    .order_by(promo_redemptions.c.id)
    .limit(1)
)


class PromoStore(StoreBase):
    async def create_promo(self, spec: PromoSpec) -> bool:
        """False if the code exists already."""
        now = time.time()
        try:
            async with self.db.write() as conn:
                await conn.execute(
                    insert(promo_codes).values(
                        code=spec.code,
                        kind=spec.kind,
                        amount=str(spec.amount),
                        max_uses=spec.max_uses,
                        uses=0,
                        expires_at=now + spec.days * 86400 if spec.days else None,
                        active=True,
                        created_at=now,
                    )
                )
        except IntegrityError:
            return False
        return True

    async def promos(self) -> list[Promo]:
        async with self.db.read() as conn:
            query = select(promo_codes).order_by(promo_codes.c.created_at.desc()).limit(50)
            return [_promo(r) for r in (await conn.execute(query)).mappings().all()]

    async def deactivate_promo(self, code: str) -> bool:
        async with self.db.write() as conn:
            changed = await conn.execute(
                update(promo_codes).where(promo_codes.c.code == code).values(active=False)
            )
        return bool(changed.rowcount)

    async def redeem(self, code: str, user_id: int, now: float | None = None) -> Redeemed | Refusal:
        """Redeem once per customer within the code's uses and time; a credit code credits the
        wallet in the same transaction (a ledger row with its own reference)."""
        now = time.time() if now is None else now
        try:
            async with self.db.write() as conn:
                locked = await conn.execute(
                    select(promo_codes).where(promo_codes.c.code == code).with_for_update()
                )
                row = locked.mappings().first()
                promo = _promo(row) if row else None
                used = await conn.execute(
                    select(promo_redemptions.c.id).where(
                        promo_redemptions.c.code == code, promo_redemptions.c.user_id == user_id
                    )
                )
                refused = refusal(promo, now, used.first() is not None)
                if refused is not None or promo is None:
                    return refused or Refusal.UNKNOWN
                await conn.execute(
                    update(promo_codes)
                    .where(promo_codes.c.code == code)
                    .values(uses=promo_codes.c.uses + 1)
                )
                await conn.execute(
                    insert(promo_redemptions).values(code=code, user_id=user_id, created_at=now)
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
