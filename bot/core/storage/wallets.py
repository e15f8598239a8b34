"""Wallets: a ledger row per change; the balance is their sum and never negative."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bot.core.money import from_micros, to_micros
from bot.core.storage.base import StoreBase
from bot.core.storage.tables import ledger


class WalletStore(StoreBase):
    async def balance(self, user_id: int) -> Decimal:
        async with self.db.read() as conn:
            return from_micros(await self._balance_micros(conn, user_id))

    async def total_balances(self) -> Decimal:
        async with self.db.read() as conn:
            total = await conn.execute(select(func.coalesce(func.sum(ledger.c.amount_micros), 0)))
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

    async def _move(
        self, user_id: int, micros: int, kind: str, ref: str | None, note: str | None
    ) -> bool:
        try:
            async with self.db.write() as conn:
                await self._lock_customer(conn, user_id)
                if ref is not None and await self._ref_used(conn, ref):
                    return False
                if micros < 0 and await self._balance_micros(conn, user_id) < -micros:
                    return False
                await self._add_ledger(conn, user_id, micros, kind, ref=ref, note=note)
        except IntegrityError:
            return False  # the same ref committed by a concurrent transaction: done once
        return True

    async def ledger_entry(self, ref: str) -> tuple[int, Decimal] | None:
        """(user id, amount) of the ledger row with this reference."""
        query = select(ledger.c.user_id, ledger.c.amount_micros).where(ledger.c.ref == ref)
        async with self.db.read() as conn:
            row = (await conn.execute(query)).first()
        return (int(row[0]), from_micros(int(row[1]))) if row else None

    async def ledger_tail(self, user_id: int, limit: int = 10) -> list[dict[str, Any]]:
        async with self.db.read() as conn:
            query = (
                select(ledger)
                .where(ledger.c.user_id == user_id)
                .order_by(ledger.c.id.desc())
                .limit(limit)
            )
            rows = (await conn.execute(query)).mappings().all()
        return [
            {
                "amount": from_micros(r["amount_micros"]),
                "kind": r["kind"],
                "note": r["note"],
                "at": r["created_at"],
            }
            for r in rows
        ]
