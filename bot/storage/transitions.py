"""What the poller stores: status changes with their refunds and notifications, progress, errors."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import bindparam, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.domain import (
    POLLED_STAGES,
    Stage,
)
from bot.money import from_micros, partial_refund, to_micros
from bot.storage.base import StoreBase
from bot.storage.rows import (
    OpenOrder,
    StatusChange,
)
from bot.storage.tables import orders


class TransitionStore(StoreBase):
    async def open_panel_orders(self) -> list[OpenOrder]:
        """Every order the poller follows, with what is known of it."""
        query = select(
            orders.c.id,
            orders.c.panel_order_id,
            orders.c.status,
            orders.c.start_count,
            orders.c.remains,
        ).where(orders.c.status.in_(list(POLLED_STAGES)), orders.c.panel_order_id.is_not(None))
        async with self.db.read() as conn:
            return [
                OpenOrder(
                    id=r[0], panel_order_id=r[1], stage=Stage(r[2]), start_count=r[3], remains=r[4]
                )
                for r in (await conn.execute(query)).all()
            ]

    async def apply_status(
        self,
        order_id: int,
        stage: Stage,
        start_count: int | None,
        remains: int | None,
        admin_ids: Iterable[int] = (),
    ) -> bool:
        """Store what the panel says; refund and notify on a change. True if it changed."""
        changes = [(order_id, stage, start_count, remains)]
        return bool(await self.apply_statuses(changes, admin_ids))

    async def apply_statuses(
        self, changes: Sequence[StatusChange], admin_ids: Iterable[int] = ()
    ) -> int:
        """Several orders' new states in one transaction; returns how many changed stage."""
        if not changes:
            return 0
        changed = 0
        async with self.db.write() as conn:
            for order_id, stage, start_count, remains in changes:
                changed += await self._apply_status(
                    conn, order_id, stage, start_count, remains, list(admin_ids)
                )
        return changed

    async def _apply_status(
        self,
        conn: AsyncConnection,
        order_id: int,
        stage: Stage,
        start_count: int | None,
        remains: int | None,
        admin_ids: list[int],
    ) -> bool:
        row = await self._lock_order(conn, order_id)
        if row is None or Stage(row["status"]) not in POLLED_STAGES:
            return False  # final, stuck or being resolved: the poller has no say
        values: dict[str, Any] = {"poll_errors": 0}
        if start_count is not None:
            values["start_count"] = start_count
        if remains is not None:
            values["remains"] = remains
        if Stage(row["status"]) is stage:
            await conn.execute(update(orders).where(orders.c.id == order_id).values(**values))
            return False
        await self._set_stage(conn, order_id, stage, **values)
        if stage is Stage.PARTIAL:
            undelivered = remains if remains is not None else row["remains"]
            if undelivered is None:
                # The panel did not say how much is missing: a person decides the refund.
                for admin_id in admin_ids:
                    await self._enqueue(
                        conn, admin_id, "admin_partial_unknown", {"order_id": order_id}
                    )
            else:
                refund = partial_refund(
                    from_micros(row["charge_micros"]), row["quantity"], undelivered
                )
                await self._refund_once(conn, row, to_micros(refund))
        elif stage is Stage.CANCELED:
            await self._refund_once(conn, row, row["charge_micros"])
        if stage is not Stage.UNKNOWN:
            await self._enqueue(
                conn, row["user_id"], "order_status", {"order_id": order_id}, f"order:{order_id}"
            )
        return True

    async def update_progress(self, progress: Sequence[tuple[int, int | None, int | None]]) -> None:
        """(order id, start count, remains) of orders whose stage did not change: one statement."""
        if not progress:
            return
        statement = (
            update(orders)
            # IN (…) expands per call, which executemany cannot do: spell the stages out.
            .where(
                orders.c.id == bindparam("order_id"),
                or_(*(orders.c.status == s for s in POLLED_STAGES)),
            )
            .values(
                start_count=func.coalesce(bindparam("start"), orders.c.start_count),
                remains=func.coalesce(bindparam("left"), orders.c.remains),
                poll_errors=0,
            )
        )
        params = [{"order_id": i, "start": s, "left": r} for i, s, r in progress]
        async with self.db.write() as conn:
            await conn.execute(statement, params)

    async def record_poll_error(self, order_id: int, limit: int, admin_ids: Iterable[int]) -> bool:
        """Count a per-id panel error; at `limit` the order is flagged. True if flagged."""
        async with self.db.write() as conn:
            row = await self._lock_order(conn, order_id)
            if row is None or Stage(row["status"]) not in POLLED_STAGES:
                return False
            errors = row["poll_errors"] + 1
            if errors < limit:
                await conn.execute(
                    update(orders).where(orders.c.id == order_id).values(poll_errors=errors)
                )
                return False
            await self._set_stage(conn, order_id, Stage.STUCK, poll_errors=errors)
            for admin_id in admin_ids:
                await self._enqueue(conn, admin_id, "admin_stuck", {"order_id": order_id})
        return True
