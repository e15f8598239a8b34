"""Refills and their results."""

from __future__ import annotations

import time

from sqlalchemy import insert, select, update

from bot.core.domain import (
    Order,
    Refill,
    RefillStage,
)
from bot.core.outbox import OutboxKind
from bot.core.storage.base import StoreBase
from bot.core.storage.rows import (
    refill_from_row,
)
from bot.core.storage.tables import orders, refills


class RefillStore(StoreBase):
    async def create_refill(self, order: Order, panel_refill_id: int) -> int:
        now = time.time()
        async with self.db.write() as conn:
            result = await conn.execute(
                insert(refills).values(
                    order_id=order.id,
                    user_id=order.user_id,
                    panel_refill_id=panel_refill_id,
                    status=RefillStage.PENDING,
                    poll_errors=0,
                    created_at=now,
                    updated_at=now,
                )
            )
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    async def latest_refill(self, order_id: int) -> Refill | None:
        query = (
            select(refills)
            .where(refills.c.order_id == order_id)
            .order_by(refills.c.id.desc())
            .limit(1)
        )
        async with self.db.read() as conn:
            row = (await conn.execute(query)).mappings().first()
        return refill_from_row(row) if row else None

    async def open_refills(self) -> list[tuple[int, int, str]]:
        """(refill id, panel refill id, panel) of every refill the poller follows."""
        query = (
            select(refills.c.id, refills.c.panel_refill_id, orders.c.panel)
            .join(orders, orders.c.id == refills.c.order_id)
            .where(
                refills.c.status.in_(
                    [RefillStage.PENDING, RefillStage.IN_PROGRESS, RefillStage.UNKNOWN]
                ),
                refills.c.panel_refill_id.is_not(None),
            )
        )
        async with self.db.read() as conn:
            return [(r[0], r[1], r[2]) for r in (await conn.execute(query)).all()]

    async def apply_refill_status(self, refill_id: int, stage: RefillStage) -> bool:
        async with self.db.write() as conn:
            row = (
                (await conn.execute(select(refills).where(refills.c.id == refill_id)))
                .mappings()
                .first()
            )
            if row is None or RefillStage(row["status"]).is_final or row["status"] == stage:
                return False
            await conn.execute(
                update(refills)
                .where(refills.c.id == refill_id)
                .values(status=stage, updated_at=time.time(), poll_errors=0)
            )
            if stage.is_final:
                await self._enqueue(
                    conn,
                    row["user_id"],
                    OutboxKind.REFILL_RESULT,
                    {"refill_id": refill_id, "order_id": row["order_id"]},
                    f"refill:{refill_id}",
                )
        return True

    async def record_refill_error(self, refill_id: int, limit: int) -> None:
        async with self.db.write() as conn:
            await conn.execute(
                update(refills)
                .where(refills.c.id == refill_id)
                .values(poll_errors=refills.c.poll_errors + 1)
            )
            await conn.execute(
                update(refills)
                .where(refills.c.id == refill_id, refills.c.poll_errors >= limit)
                .values(status=RefillStage.UNKNOWN, panel_refill_id=None)
            )

    async def get_refill(self, refill_id: int) -> Refill | None:
        async with self.db.read() as conn:
            row = (
                (await conn.execute(select(refills).where(refills.c.id == refill_id)))
                .mappings()
                .first()
            )
        return refill_from_row(row) if row else None
