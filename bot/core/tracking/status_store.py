"""What the poller stores: status changes with their refunds and notifications, progress, errors."""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import Any

from bot.core.domain import (
    POLLED_STAGES,
    Stage,
)
from bot.core.growth.commissions import Commissions
from bot.core.money import from_micros, to_micros
from bot.core.outbox import OutboxKind
from bot.core.storage.base import ADD_EVENT, POLLED, Message, StoreBase
from bot.core.storage.db import Conn, Database
from bot.core.storage.rows import (
    OpenOrder,
    Row,
    StatusChange,
    Unmoved,
)
from bot.core.tracking.status_rules import OrderFacts, plan_poll_error, plan_transition

# An order that ends in one of these delivered something: its referrer earns a share.
DELIVERED_STAGES = frozenset({Stage.COMPLETED, Stage.PARTIAL})
_MOVED = (
    "start_count = COALESCE(:start, start_count), remains = COALESCE(:left, remains),"
    " poll_errors = 0, moved_at = :now, stalled_at = NULL"  # it moves again: not stalled
)
# Only polled orders move: final, stuck or held orders are the admins'.
_PROGRESS = f"UPDATE orders SET {_MOVED} WHERE id = :order_id AND {POLLED}"
_NEW_STAGE = (
    f"UPDATE orders SET status = :stage, status_changed_at = :now, {_MOVED} WHERE id = :order_id"
)


class TransitionStore(StoreBase):
    def __init__(self, db: Database, commissions: Commissions) -> None:
        super().__init__(db)
        self._commissions = commissions  # paid in the transaction that completes an order

    async def open_panel_orders(self) -> list[OpenOrder]:
        """Every order the poller follows, with what is known of it."""
        query = (
            "SELECT id, panel_order_id, status, start_count, remains, panel FROM orders"
            f" WHERE {POLLED} AND panel_order_id IS NOT NULL"
        )
        async with self.db.read() as conn:
            return [
                OpenOrder(
                    id=r[0],
                    panel_order_id=r[1],
                    stage=Stage(r[2]),
                    start_count=r[3],
                    remains=r[4],
                    panel=r[5],
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
        """Several orders' new states in one transaction, a handful of statements for the
        whole batch (the poller's batches are ≤100); returns how many changed stage."""
        if not changes:
            return 0
        async with self.db.write() as conn:
            return await self._apply_batch(conn, changes, list(admin_ids))

    async def _apply_batch(
        self, conn: Conn, changes: Sequence[StatusChange], admin_ids: list[int]
    ) -> int:
        latest = {change[0]: change for change in changes}  # one answer per order
        locked = await conn.execute(
            "SELECT * FROM orders WHERE id IN :ids FOR UPDATE", {"ids": list(latest)}
        )
        now = time.time()
        stage_rows: list[dict[str, Any]] = []
        progress_rows: list[dict[str, Any]] = []
        refunds: list[tuple[Row, int]] = []
        notices: list[tuple[int, int]] = []  # (customer, order)
        alerts: list[tuple[OutboxKind, int]] = []
        delivered: list[tuple[Row, int]] = []  # (order, micros refunded): commissions
        for row in locked.mappings().all():
            _, stage, start_count, remains = latest[row["id"]]
            facts = OrderFacts(
                stage=Stage(row["status"]),
                charge=from_micros(row["charge_micros"]),
                quantity=row["quantity"],
                remains=row["remains"],
            )
            values = {"order_id": row["id"], "start": start_count, "left": remains, "now": now}
            plan = plan_transition(facts, stage, remains)
            if plan is None:
                moved = (remains is not None and remains != row["remains"]) or (
                    start_count is not None and start_count != row["start_count"]
                )
                if facts.stage is stage and stage in POLLED_STAGES and moved:
                    progress_rows.append(values)
                continue
            stage_rows.append({**values, "stage": plan.stage.value})
            if plan.refund > 0:
                refunds.append((row, to_micros(plan.refund)))
            if plan.admin_alert is not None:
                alerts.append((plan.admin_alert, row["id"]))
            elif plan.stage in DELIVERED_STAGES:
                delivered.append((row, to_micros(plan.refund)))
            if plan.notify_customer:
                notices.append((row["user_id"], row["id"]))
        if progress_rows:
            await conn.execute(_PROGRESS, progress_rows)
        if stage_rows:
            await conn.execute(_NEW_STAGE, stage_rows)
            await conn.execute(
                ADD_EVENT,
                [{"order_id": r["order_id"], "status": r["stage"], "at": now} for r in stage_rows],
            )
        await self._refund_many(conn, refunds, now)
        earned = await self._commissions.pay(conn, delivered, now)
        alert_rows: list[Message] = [
            (admin, kind, {"order_id": order_id}, None)
            for kind, order_id in alerts
            for admin in admin_ids
        ]
        notice_rows: list[Message] = [
            (customer, OutboxKind.ORDER_STATUS, {"order_id": order_id}, f"order:{order_id}")
            for customer, order_id in notices
        ]
        await self._enqueue_many(conn, alert_rows + notice_rows + earned, now)
        return len(stage_rows)

    async def update_progress(self, progress: Sequence[tuple[int, int | None, int | None]]) -> None:
        """(order id, start count, remains) of orders whose stage did not change: one statement."""
        if not progress:
            return
        now = time.time()
        params = [{"order_id": i, "start": s, "left": r, "now": now} for i, s, r in progress]
        async with self.db.write() as conn:
            await conn.execute(_PROGRESS, params)

    async def unmoved_orders(self, since: float) -> list[Unmoved]:
        """Open orders not flagged yet that have not moved since `since`."""
        query = (
            "SELECT id, service_id, service_type, quantity, moved_at, status FROM orders"
            f" WHERE {POLLED} AND stalled_at IS NULL AND moved_at < :since"
        )
        async with self.db.read() as conn:
            return [
                Unmoved(
                    id=r[0],
                    service_id=r[1],
                    service_type=r[2],
                    quantity=r[3],
                    moved_at=r[4],
                    started=r[5] != Stage.PENDING.value,
                )
                for r in (await conn.execute(query, {"since": since})).all()
            ]

    async def flag_stalled(
        self, order_ids: Sequence[int], admin_ids: Iterable[int], now: float | None = None
    ) -> list[int]:
        """Flag orders as stalled, once: the admins and the customer are told in the same
        transaction. An order that moved or ended meanwhile is left alone."""
        now = time.time() if now is None else now
        flagged: list[int] = []
        async with self.db.write() as conn:
            rows = await conn.execute(
                f"SELECT id, user_id FROM orders WHERE id IN :ids AND {POLLED}"
                " AND stalled_at IS NULL FOR UPDATE",
                {"ids": list(order_ids)},
            )
            messages: list[Message] = []
            for order_id, user_id in rows.all():
                flagged.append(order_id)
                payload = {"order_id": order_id}
                messages.append((user_id, OutboxKind.ORDER_STALLED, payload, None))
                messages += [(a, OutboxKind.ADMIN_STALLED, payload, None) for a in admin_ids]
            if flagged:
                await conn.execute(
                    "UPDATE orders SET stalled_at = :now WHERE id IN :ids",
                    {"now": now, "ids": flagged},
                )
                await self._enqueue_many(conn, messages, now)
        return flagged

    async def record_poll_error(self, order_id: int, limit: int, admin_ids: Iterable[int]) -> bool:
        """Count a per-id panel error; at `limit` the order is flagged. True if flagged."""
        async with self.db.write() as conn:
            row = await self._lock_order(conn, order_id)
            plan = plan_poll_error(Stage(row["status"]), row["poll_errors"], limit) if row else None
            if plan is None:
                return False
            if not plan.flag_stuck:
                await conn.execute(
                    "UPDATE orders SET poll_errors = :errors WHERE id = :id",
                    {"errors": plan.errors, "id": order_id},
                )
                return False
            await self._set_stage(conn, order_id, Stage.STUCK, poll_errors=plan.errors)
            for admin_id in admin_ids:
                await self._enqueue(conn, admin_id, OutboxKind.ADMIN_STUCK, {"order_id": order_id})
        return True
