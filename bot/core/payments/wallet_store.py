"""Wallets: a ledger row per change; the balance is their sum and never negative. A payment
brings its top-up bonus (TOPUP_BONUSES) in the same transaction, as its own ledger row."""

from __future__ import annotations

import time
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from bot.core.money import from_micros, to_micros
from bot.core.outbox import OutboxKind
from bot.core.steps import Step, bonus
from bot.core.storage.base import SUM_LEDGER, Message, StoreBase
from bot.core.storage.db import Conn, Database, IntegrityError

BONUS_KIND = "bonus"
# What customers spent on orders that were delivered: charges less refunds, in whole or part.
_DELIVERED_SPEND = (
    "SELECT COALESCE(-SUM(ledger.amount_micros), 0) FROM ledger"
    " JOIN orders ON orders.id = ledger.order_id"
    " WHERE ledger.user_id = :user_id AND orders.user_id = :user_id"
    " AND orders.status IN ('completed', 'partial') AND ledger.kind IN ('charge', 'refund')"
)


def bonus_ref(ref: str) -> str:
    return f"{ref}:bonus"


class WalletStore(StoreBase):
    def __init__(self, db: Database, bonuses: Sequence[Step] = ()) -> None:
        super().__init__(db)
        self.bonuses = tuple(bonuses)

    def bonus_for(self, amount: Decimal) -> Decimal:
        """What a payment of `amount` earns on top."""
        return bonus(amount, self.bonuses)

    async def delivered_spend(self, user_id: int) -> Decimal:
        """What decides a customer's spend tier."""
        async with self.db.read() as conn:
            found = await conn.execute(_DELIVERED_SPEND, {"user_id": user_id})
            return from_micros(int(found.scalar_one()))

    async def balance(self, user_id: int) -> Decimal:
        async with self.db.read() as conn:
            return from_micros(await self._balance_micros(conn, user_id))

    async def total_balances(self) -> Decimal:
        async with self.db.read() as conn:
            total = await conn.execute(SUM_LEDGER)
            return from_micros(int(total.scalar_one()))

    async def credit(
        self,
        user_id: int,
        amount: Decimal,
        kind: str,
        ref: str | None = None,
        note: str | None = None,
    ) -> bool:
        """Add money; with a `ref`, at most once per ref. Returns False if already done."""
        return await self._move(user_id, to_micros(amount), kind, ref, note)

    async def debit(
        self,
        user_id: int,
        amount: Decimal,
        kind: str,
        ref: str | None = None,
        note: str | None = None,
    ) -> bool:
        """Take money if the wallet holds it (never negative). False if it does not, or if
        this `ref` was already debited."""
        return await self._move(user_id, -to_micros(amount), kind, ref, note)

    async def top_up(
        self,
        user_id: int,
        amount: Decimal,
        kind: str,
        ref: str,
        note: str | None = None,
        notify_currency: str | None = None,
    ) -> bool:
        """A payment landed: credit it and its bonus once per `ref`. In the same transaction,
        an order that waits for this money gets its "Place order now" message queued, and with
        `notify_currency` (a payment learnt in the background) the customer is told of the
        credit."""
        try:
            async with self.db.write() as conn:
                earned = await self.pay_in(conn, user_id, amount, kind, ref, note)
                if earned is None:
                    return False
                await self.queue_top_up_notices(conn, user_id, amount, notify_currency, earned)
        except IntegrityError:
            return False  # the same ref committed by a concurrent transaction: done once
        return True

    async def pay_in(
        self, conn: Conn, user_id: int, amount: Decimal, kind: str, ref: str, note: str | None
    ) -> Decimal | None:
        """A payment inside the caller's transaction, with the bonus its amount earns (a row
        of its own, referenced after the payment's, so it too lands once). None: this payment
        was credited before; otherwise the bonus (zero when it earns none)."""
        if not await self.move_in(conn, user_id, to_micros(amount), kind, ref, note):
            return None
        earned = self.bonus_for(amount)
        if earned > 0:
            await self._add_ledger(
                conn, user_id, to_micros(earned), BONUS_KIND, ref=bonus_ref(ref), note=note
            )
        return earned

    async def queue_top_up_notices(
        self,
        conn: Conn,
        user_id: int,
        amount: Decimal,
        currency: str | None,
        earned: Decimal = Decimal(0),
    ) -> None:
        now = time.time()
        messages: list[Message] = []
        if currency is not None:
            payload = {"amount": str(amount), "currency": currency, "bonus": str(earned)}
            messages.append((user_id, OutboxKind.WALLET_CREDIT, payload, None))
        found = await conn.execute(
            "SELECT token, price FROM held_orders WHERE user_id = :user_id AND expires_at > :now",
            {"user_id": user_id, "now": now},
        )
        held = found.first()
        balance = await self._balance_micros(conn, user_id)
        if held is not None and balance >= to_micros(Decimal(held[1])):
            ready = {"token": str(held[0])}
            messages.append((user_id, OutboxKind.HELD_ORDER_READY, ready, f"held:{user_id}"))
        # Queued after the credit notice: the customer reads "added", then "place it now".
        await self._enqueue_many(conn, messages, now)

    async def _move(
        self, user_id: int, micros: int, kind: str, ref: str | None, note: str | None
    ) -> bool:
        try:
            async with self.db.write() as conn:
                return await self.move_in(conn, user_id, micros, kind, ref, note)
        except IntegrityError:
            return False  # the same ref committed by a concurrent transaction: done once

    async def move_in(
        self,
        conn: Conn,
        user_id: int,
        micros: int,
        kind: str,
        ref: str | None,
        note: str | None,
    ) -> bool:
        """One ledger row inside the caller's transaction, under the customer's lock: at
        most once per `ref`, and never below an empty wallet. False when nothing moved."""
        await self._lock_customer(conn, user_id)
        if ref is not None and await self._ref_used(conn, ref):
            return False
        if micros < 0 and await self._balance_micros(conn, user_id) < -micros:
            return False
        await self._add_ledger(conn, user_id, micros, kind, ref=ref, note=note)
        return True

    async def ledger_entry(self, ref: str) -> tuple[int, Decimal] | None:
        """(user id, amount) of the ledger row with this reference."""
        query = "SELECT user_id, amount_micros FROM ledger WHERE ref = :ref"
        async with self.db.read() as conn:
            row = (await conn.execute(query, {"ref": ref})).first()
        return (int(row[0]), from_micros(int(row[1]))) if row else None

    async def ledger_tail(self, user_id: int, limit: int = 10) -> list[dict[str, Any]]:
        async with self.db.read() as conn:
            query = "SELECT * FROM ledger WHERE user_id = :user_id ORDER BY id DESC LIMIT :limit"
            found = await conn.execute(query, {"user_id": user_id, "limit": limit})
            rows = found.mappings().all()
        return [
            {
                "amount": from_micros(r["amount_micros"]),
                "kind": r["kind"],
                "note": r["note"],
                "at": r["created_at"],
            }
            for r in rows
        ]
