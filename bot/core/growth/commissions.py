"""Referral commissions: paid in the transaction that completes an order, once per order,
and taken back once in the transaction that refunds it later. The order and status stores
call these with their own connection."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from bot.core.growth.referrals import DEFAULT_PERCENT, PERCENT_KEY, commission, stored_percent
from bot.core.money import from_micros, to_micros
from bot.core.outbox import OutboxKind
from bot.core.storage.base import ADD_LEDGER, Message, StoreBase
from bot.core.storage.db import Conn, Database
from bot.core.storage.rows import Row

COMMISSION = "referral"
REVERSAL = "referral_back"


def commission_ref(order_id: int) -> str:
    return f"referral:{order_id}"


class Commissions(StoreBase):
    def __init__(self, db: Database, default_percent: Decimal = DEFAULT_PERCENT) -> None:
        super().__init__(db)
        self._default = default_percent

    async def percent(self, conn: Conn) -> Decimal:
        found = await conn.execute("SELECT value FROM kv WHERE key = :key", {"key": PERCENT_KEY})
        return stored_percent(found.scalar(), self._default)

    async def pay(
        self, conn: Conn, delivered: Sequence[tuple[Row, int]], now: float
    ) -> list[Message]:
        """Credit referrers for orders that just ended delivered: (order row, micros refunded
        on it). Once per order (the ref is unique); returns the referrers' notices to queue."""
        if not delivered:
            return []
        percent = await self.percent(conn)
        if percent <= 0:
            return []
        customers = {int(row["user_id"]) for row, _ in delivered}
        found = await conn.execute(
            "SELECT id, referrer_id FROM users WHERE id IN :ids AND referrer_id IS NOT NULL",
            {"ids": list(customers)},
        )
        referrer_of = {int(r[0]): int(r[1]) for r in found.all()}
        rows = []
        for order, refunded in delivered:
            referrer = referrer_of.get(int(order["user_id"]))
            if referrer is None:
                continue
            paid = from_micros(int(order["charge_micros"]))
            share = commission(paid, from_micros(refunded), percent)
            if share > 0:
                rows.append((referrer, order["id"], to_micros(share), order["currency"]))
        if not rows:
            return []
        refs = [commission_ref(order_id) for _, order_id, _, _ in rows]
        used = await conn.execute("SELECT ref FROM ledger WHERE ref IN :refs", {"refs": refs})
        done = set(used.scalars().all())
        fresh = [r for r in rows if commission_ref(r[1]) not in done]
        if fresh:
            await conn.execute(
                ADD_LEDGER,
                [
                    {
                        "user_id": referrer,
                        "amount_micros": micros,
                        "kind": COMMISSION,
                        "ref": commission_ref(order_id),
                        "order_id": order_id,
                        "note": "referral commission",
                        "created_at": now,
                    }
                    for referrer, order_id, micros, _ in fresh
                ],
            )
        return [
            (
                referrer,
                OutboxKind.REFERRAL_EARNED,
                {"amount": str(from_micros(micros)), "currency": currency},
                None,
            )
            for referrer, _, micros, currency in fresh
        ]

    async def reverse(self, conn: Conn, order_id: int) -> Decimal:
        """Take back what an order earned its referrer, once; never below an empty wallet
        (what was already spent stays spent). Returns what was taken back."""
        found = await conn.execute(
            "SELECT user_id, amount_micros FROM ledger WHERE ref = :ref",
            {"ref": commission_ref(order_id)},
        )
        earned = found.first()
        reversal_ref = commission_ref(order_id) + ":reversal"
        if earned is None or await self._ref_used(conn, reversal_ref):
            return Decimal(0)
        referrer, micros = int(earned[0]), int(earned[1])
        await self._lock_customer(conn, referrer)
        take = min(micros, await self._balance_micros(conn, referrer))
        await self._add_ledger(
            conn,
            referrer,
            -take,
            REVERSAL,
            ref=reversal_ref,
            order_id=order_id,
            note="order refunded: commission taken back",
        )
        return from_micros(take)
