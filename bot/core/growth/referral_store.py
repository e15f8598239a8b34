"""Referrals: share codes, ties made once on arrival, commissions credited once per order and
reversed once if the order is refunded later."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bot.core.growth.commissions import COMMISSION, REVERSAL, Commissions
from bot.core.growth.referrals import (
    PERCENT_KEY,
    may_tie,
    new_code,
)
from bot.core.money import from_micros
from bot.core.storage.base import SUM_LEDGER, StoreBase
from bot.core.storage.db import Conn, Database, IntegrityError

_EARNINGS = SUM_LEDGER + f" WHERE kind IN ('{COMMISSION}', '{REVERSAL}')"


@dataclass(frozen=True)
class ReferralSummary:
    code: str
    joined: int
    earned: Decimal  # commissions less reversals


class ReferralStore(StoreBase):
    """Share codes, ties and what a referrer earned. Commissions themselves are paid and
    taken back inside the order's transactions (`Commissions`)."""

    def __init__(self, db: Database, commissions: Commissions) -> None:
        super().__init__(db)
        self._commissions = commissions

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
            return await self._commissions.percent(conn)

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
