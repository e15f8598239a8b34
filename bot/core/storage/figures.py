"""Admin settings (key/value) and the figures admins look at."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import and_, delete, func, insert, select

from bot.core.delivery import Sample
from bot.core.domain import (
    POLLED_STAGES,
    Stage,
)
from bot.core.money import from_micros
from bot.core.reports import OrderRow
from bot.core.storage.base import StoreBase
from bot.core.storage.tables import kv, ledger, orders, users


class FigureStore(StoreBase):
    async def get_kv(self, key: str) -> str | None:
        async with self.db.read() as conn:
            return (await conn.execute(select(kv.c.value).where(kv.c.key == key))).scalar()

    async def set_kv(self, key: str, value: str | None) -> None:
        async with self.db.write() as conn:
            await conn.execute(delete(kv).where(kv.c.key == key))
            if value is not None:
                await conn.execute(insert(kv).values(key=key, value=value))

    async def kv_with_prefix(self, prefix: str) -> dict[str, str]:
        async with self.db.read() as conn:
            rows = await conn.execute(select(kv).where(kv.c.key.startswith(prefix)))
            return {r[0]: r[1] for r in rows.all()}

    async def open_orders_value(self) -> Decimal:
        """What customers paid for orders the panel may still spend on."""
        query = select(func.coalesce(func.sum(orders.c.charge_micros), 0)).where(
            orders.c.status.in_([*POLLED_STAGES, Stage.PLACING, Stage.UNCERTAIN, Stage.STUCK])
        )
        async with self.db.read() as conn:
            return from_micros(int((await conn.execute(query)).scalar_one()))

    async def open_orders_by_panel(self) -> dict[str, tuple[int, Decimal]]:
        """Per panel: how many orders it may still work on, and what they cost there (what is
        owed on it)."""
        query = (
            select(orders.c.panel, func.count(), func.coalesce(func.sum(orders.c.cost_micros), 0))
            .where(orders.c.status.in_([*POLLED_STAGES, Stage.UNCERTAIN, Stage.STUCK]))
            .group_by(orders.c.panel)
        )
        async with self.db.read() as conn:
            rows = (await conn.execute(query)).all()
        return {str(r[0]): (int(r[1]), from_micros(int(r[2]))) for r in rows}

    async def stats_by_panel(self, since: float) -> list[tuple[str, int, Decimal, Decimal]]:
        """(panel, orders, revenue after refunds, panel cost) of the period's placed orders."""
        placed = orders.c.status.not_in([Stage.REJECTED, Stage.PLACING, Stage.UNCERTAIN])
        refunds = (
            select(ledger.c.order_id, func.sum(ledger.c.amount_micros).label("back"))
            .where(ledger.c.kind == "refund")
            .group_by(ledger.c.order_id)
            .subquery()
        )
        query = (
            select(
                orders.c.panel,
                func.count(),
                func.coalesce(func.sum(orders.c.charge_micros), 0),
                func.coalesce(func.sum(refunds.c.back), 0),
                func.coalesce(func.sum(orders.c.cost_micros), 0),
            )
            .select_from(orders.outerjoin(refunds, refunds.c.order_id == orders.c.id))
            .where(orders.c.created_at >= since, placed)
            .group_by(orders.c.panel)
            .order_by(orders.c.panel)
        )
        async with self.db.read() as conn:
            rows = (await conn.execute(query)).all()
        return [
            (str(r[0]), int(r[1]), from_micros(int(r[2]) - int(r[3])), from_micros(int(r[4])))
            for r in rows
        ]

    async def delivery_samples(self, service_id: int, limit: int = 200) -> list[Sample]:
        """The latest completed orders of a service: how long each took, for how many."""
        query = (
            select(orders.c.status_changed_at - orders.c.created_at, orders.c.quantity)
            .where(orders.c.service_id == service_id, orders.c.status == Stage.COMPLETED)
            .order_by(orders.c.id.desc())
            .limit(limit)
        )
        async with self.db.read() as conn:
            rows = (await conn.execute(query)).all()
        return [Sample(seconds=float(r[0]), quantity=int(r[1])) for r in rows]

    async def order_days(self, since: float) -> tuple[list[OrderRow], dict[int, int]]:
        """The period's orders and what was refunded on each, for the daily chart."""
        query = select(
            orders.c.id,
            orders.c.created_at,
            orders.c.status,
            orders.c.charge_micros,
            orders.c.cost_micros,
        ).where(orders.c.created_at >= since)
        refunds = (
            select(ledger.c.order_id, func.sum(ledger.c.amount_micros))
            .where(
                ledger.c.kind == "refund",
                ledger.c.order_id.in_(select(orders.c.id).where(orders.c.created_at >= since)),
            )
            .group_by(ledger.c.order_id)
        )
        async with self.db.read() as conn:
            rows = [
                OrderRow(
                    id=r[0],
                    created_at=r[1],
                    stage=Stage(r[2]),
                    charge_micros=r[3],
                    cost_micros=r[4],
                )
                for r in (await conn.execute(query)).all()
            ]
            refunded = {int(r[0]): int(r[1]) for r in (await conn.execute(refunds)).all()}
        return rows, refunded

    async def stats(self, since: float) -> dict[str, Any]:
        placed = orders.c.status.not_in([Stage.REJECTED, Stage.PLACING, Stage.UNCERTAIN])
        window = and_(orders.c.created_at >= since, placed)
        async with self.db.read() as conn:
            count = (await conn.execute(select(func.count()).where(window))).scalar_one()
            charged = (
                await conn.execute(
                    select(
                        func.coalesce(func.sum(orders.c.charge_micros), 0),
                        func.coalesce(func.sum(orders.c.cost_micros), 0),
                    ).where(window)
                )
            ).one()
            refunded = (
                await conn.execute(
                    select(func.coalesce(func.sum(ledger.c.amount_micros), 0)).where(
                        ledger.c.kind == "refund",
                        ledger.c.created_at >= since,
                        ledger.c.order_id.in_(select(orders.c.id).where(window)),
                    )
                )
            ).scalar_one()
            top = (
                await conn.execute(
                    select(orders.c.service_name, func.count().label("n"))
                    .where(window)
                    .group_by(orders.c.service_name)
                    .order_by(func.count().desc())
                    .limit(5)
                )
            ).all()
            new_users = (
                await conn.execute(
                    select(func.count()).select_from(users).where(users.c.created_at >= since)
                )
            ).scalar_one()
        revenue = from_micros(int(charged[0]) - int(refunded))
        return {
            "orders": int(count),
            "revenue": revenue,
            "cost": from_micros(int(charged[1])),
            "top": [(name, int(n)) for name, n in top],
            "new_users": int(new_users),
        }
