"""What the poller stores: status changes with their refunds and notifications, progress, errors."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import bindparam, func, or_, select, update

from bot.core.domain import (
    POLLED_STAGES,
    Stage,
)
from bot.core.money import from_micros, to_micros
from bot.core.outbox import OutboxKind
from bot.core.storage.base import StoreBase
from bot.core.storage.db import Conn
from bot.core.storage.rows import (
    OpenOrder,
    StatusChange,
)
from bot.core.storage.tables import orders
from bot.core.transitions import OrderFacts, plan_poll_error, plan_transition


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
        conn: Conn,
        order_id: int,
        stage: Stage,
        start_count: int | None,
        remains: int | None,
        admin_ids: list[int],
    ) -> bool:
        row = await self._lock_order(conn, order_id)
        if row is None:
            return False
        facts = OrderFacts(
            stage=Stage(row["status"]),
            charge=from_micros(row["charge_micros"]),
            quantity=row["quantity"],
            remains=row["remains"],
        )
        values: dict[str, Any] = {"poll_errors": 0}
        if start_count is not None:
            values["start_count"] = start_count
        if remains is not None:
            values["remains"] = remains
        plan = plan_transition(facts, stage, remains)
        if plan is None:
            if facts.stage is stage and stage in POLLED_STAGES:  # progress only
                await conn.execute(update(orders).where(orders.c.id == order_id).values(**values))
            return False
        await self._set_stage(conn, order_id, plan.stage, **values)
        await self._refund_once(conn, row, to_micros(plan.refund))
        if plan.admin_alert is not None:
            for admin_id in admin_ids:
                await self._enqueue(conn, admin_id, plan.admin_alert, {"order_id": order_id})
        if plan.notify_customer:
            await self._enqueue(
                conn,
                row["user_id"],
                OutboxKind.ORDER_STATUS,
                {"order_id": order_id},
                f"order:{order_id}",
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
            plan = plan_poll_error(Stage(row["status"]), row["poll_errors"], limit) if row else None
            if plan is None:
                return False
            if not plan.flag_stuck:
                await conn.execute(
                    update(orders).where(orders.c.id == order_id).values(poll_errors=plan.errors)
                )
                return False
            await self._set_stage(conn, order_id, Stage.STUCK, poll_errors=plan.errors)
            for admin_id in admin_ids:
                await self._enqueue(conn, admin_id, OutboxKind.ADMIN_STUCK, {"order_id": order_id})
        return True
