"""Refills and their results."""

from __future__ import annotations

import time

from bot.core.domain import (
    OPEN_REFILL_STAGES,
    Order,
    Refill,
    RefillStage,
)
from bot.core.outbox import OutboxKind
from bot.core.storage.base import StoreBase
from bot.core.storage.rows import (
    refill_from_row,
)

_REFILL = "SELECT * FROM refills WHERE id = :id"


class RefillStore(StoreBase):
    async def create_refill(self, order: Order, panel_refill_id: int) -> int:
        now = time.time()
        async with self.db.write() as conn:
            result = await conn.execute(
                "INSERT INTO refills"
                " (order_id, user_id, panel_refill_id, status, poll_errors, created_at, updated_at)"
                " VALUES (:order_id, :user_id, :panel_refill_id, :status, 0, :now, :now)"
                " RETURNING id",
                {
                    "order_id": order.id,
                    "user_id": order.user_id,
                    "panel_refill_id": panel_refill_id,
                    "status": RefillStage.PENDING,
                    "now": now,
                },
            )
            return int(result.scalar_one())

    async def latest_refill(self, order_id: int) -> Refill | None:
        query = "SELECT * FROM refills WHERE order_id = :order_id ORDER BY id DESC LIMIT 1"
        async with self.db.read() as conn:
            row = (await conn.execute(query, {"order_id": order_id})).mappings().first()
        return refill_from_row(row) if row else None

    async def open_refills(self) -> list[tuple[int, int, str]]:
        """(refill id, panel refill id, panel) of every refill the poller follows."""
        query = (
            "SELECT refills.id, refills.panel_refill_id, orders.panel"
            " FROM refills JOIN orders ON orders.id = refills.order_id"
            " WHERE refills.status IN :open AND refills.panel_refill_id IS NOT NULL"
        )
        followed = sorted(OPEN_REFILL_STAGES)
        async with self.db.read() as conn:
            found = await conn.execute(query, {"open": followed})
            return [(r[0], r[1], r[2]) for r in found.all()]

    async def apply_refill_status(self, refill_id: int, stage: RefillStage) -> bool:
        async with self.db.write() as conn:
            row = (await conn.execute(_REFILL, {"id": refill_id})).mappings().first()
            if row is None or RefillStage(row["status"]).is_final or row["status"] == stage:
                return False
            await conn.execute(
                "UPDATE refills SET status = :stage, updated_at = :now, poll_errors = 0"
                " WHERE id = :id",
                {"stage": stage, "now": time.time(), "id": refill_id},
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

    async def record_refill_error(self, refill_id: int, limit: int) -> bool:
        """Count a per-id panel error; at `limit` the refill has failed: no longer polled, the
        customer told in the same transaction. True when it failed now."""
        async with self.db.write() as conn:
            await conn.execute(
                "UPDATE refills SET poll_errors = poll_errors + 1 WHERE id = :id", {"id": refill_id}
            )
            failed = await conn.execute(
                "UPDATE refills SET status = :failed, updated_at = :now"
                " WHERE id = :id AND poll_errors >= :limit AND status IN :open"
                " RETURNING user_id, order_id",
                {
                    "failed": RefillStage.FAILED,
                    "now": time.time(),
                    "id": refill_id,
                    "limit": limit,
                    "open": sorted(OPEN_REFILL_STAGES),
                },
            )
            row = failed.first()
            if row is None:
                return False
            await self._enqueue(
                conn,
                row[0],
                OutboxKind.REFILL_RESULT,
                {"refill_id": refill_id, "order_id": row[1]},
                f"refill:{refill_id}",
            )
        return True

    async def get_refill(self, refill_id: int) -> Refill | None:
        async with self.db.read() as conn:
            row = (await conn.execute(_REFILL, {"id": refill_id})).mappings().first()
        return refill_from_row(row) if row else None
