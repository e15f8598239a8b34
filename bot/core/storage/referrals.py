"""Referrals: share codes, ties made once on arrival, commissions credited once per order and
reversed once if the order is refunded later."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from bot.core.money import from_micros, to_micros
from bot.core.outbox import OutboxKind
from bot.core.referrals import (
    DEFAULT_PERCENT,
    PERCENT_KEY,
    commission,
    may_tie,
    new_code,
    stored_percent,
)
from bot.core.storage.base import ADD_LEDGER, SUM_LEDGER, Message, StoreBase
from bot.core.storage.db import Conn, Database, IntegrityError
from bot.core.storage.rows import Row

COMMISSION = "referral"
REVERSAL = "referral_back"
_EARNINGS = SUM_LEDGER + f" WHERE kind IN ('{COMMISSION}', '{REVERSAL}')"


@dataclass(frozen=True)
class ReferralSummary:
    code: str
    joined: int
    earned: Decimal  # commissions less reversals


def commission_ref(order_id: int) -> str:
    return f"referral:{order_id}"


class ReferralStore(StoreBase):
    def __init__(self, db: Database, referral_percent: Decimal = DEFAULT_PERCENT) -> None:
        super().__init__(db)
        self.referral_default = referral_percent

    async def referral_code(self, user_id: int) -> str:
        """The customer's share code, made on first use."""
        async with self.db.read() as conn:
            stored = await self._stored_code(conn, user_id)
        for _ in range(5):  # a clash with another customer's code is one in a trillion
            if stored is not None:
                return stored
            stored = await self._draw_code(user_id)
        raise LookupError(f"no referral code for user {user_id}")

    @staticmethod
    async def _stored_code(conn: Conn, user_id: int) -> str | None:
        found = await conn.execute("SELECT ref_code FROM users WHERE id = :id", {"id": user_id})
        code = found.scalar()
        return None if code is None else str(code)

    async def _draw_code(self, user_id: int) -> str | None:
        try:
            async with self.db.write() as conn:
                await conn.execute(
                    "UPDATE users SET ref_code = :code WHERE id = :id AND ref_code IS NULL",
                    {"code": new_code(), "id": user_id},
                )
                return await self._stored_code(conn, user_id)
        except IntegrityError:  # another customer holds that code: draw again
            return None

    async def tie_referrer(self, user_id: int, code: str, is_new: bool) -> int | None:
        """Tie a customer who has just arrived to the owner of `code`, once and for good.
        Returns the referrer's id, or None when no tie was made (for any reason)."""
        async with self.db.write() as conn:
            found = await conn.execute(
                "SELECT id, is_banned FROM users WHERE ref_code = :code", {"code": code}
            )
            row = found.first()
            referrer, banned = (int(row[0]), bool(row[1])) if row else (None, False)
            if not may_tie(user_id, referrer, banned, is_new):
                return None
            tied = await conn.execute(
                "UPDATE users SET referrer_id = :referrer WHERE id = :id AND referrer_id IS NULL",
                {"referrer": referrer, "id": user_id},
            )
        return referrer if tied.rowcount else None

    async def referral_summary(self, user_id: int) -> ReferralSummary:
        code = await self.referral_code(user_id)
        async with self.db.read() as conn:
            joined = await conn.execute(
                "SELECT COUNT(*) FROM users WHERE referrer_id = :id", {"id": user_id}
            )
            earned = await conn.execute(_EARNINGS + " AND user_id = :id", {"id": user_id})
            return ReferralSummary(
                code, int(joined.scalar_one()), from_micros(int(earned.scalar_one()))
            )

    async def referral_percent(self) -> Decimal:
        async with self.db.read() as conn:
            return await self._referral_percent(conn)

    async def set_referral_percent(self, percent: Decimal) -> None:
        async with self.db.write() as conn:
            await conn.execute("DELETE FROM kv WHERE key = :key", {"key": PERCENT_KEY})
            await conn.execute(
                "INSERT INTO kv (key, value) VALUES (:key, :value)",
                {"key": PERCENT_KEY, "value": str(percent)},
            )

    async def referral_totals(self, since: float) -> tuple[int, Decimal]:
        """Customers who joined through a link since `since`, and commissions paid since."""
        async with self.db.read() as conn:
            joined = await conn.execute(
                "SELECT COUNT(*) FROM users WHERE referrer_id IS NOT NULL AND created_at >= :since",
                {"since": since},
            )
            paid = await conn.execute(_EARNINGS + " AND created_at >= :since", {"since": since})
            return int(joined.scalar_one()), from_micros(int(paid.scalar_one()))

    async def _referral_percent(self, conn: Conn) -> Decimal:
        found = await conn.execute("SELECT value FROM kv WHERE key = :key", {"key": PERCENT_KEY})
        return stored_percent(found.scalar(), self.referral_default)

    async def _pay_commissions(
        self, conn: Conn, delivered: Sequence[tuple[Row, int]], now: float
    ) -> list[Message]:
        """Credit referrers for orders that just ended delivered: (order row, micros refunded
        on it). Once per order (the ref is unique); returns the referrers' notices to queue."""
        if not delivered:
            return []
        percent = await self._referral_percent(conn)
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

    async def _reverse_commission(self, conn: Conn, order_id: int) -> Decimal:
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
