"""The figures admins look at: what is owed on open orders, sales per panel and day, and
day."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bot.core.domain import (
    POLLED_STAGES,
    Stage,
)
from bot.core.money import from_micros
from bot.core.ops.reports import OrderRow
from bot.core.storage.base import StoreBase

# Orders that reached the panel (not refused, not in doubt): what the period sold.
_PLACED = "status NOT IN (:rejected, :placing, :uncertain)"
_NOT_PLACED = {
    "rejected": Stage.REJECTED,
    "placing": Stage.PLACING,
    "uncertain": Stage.UNCERTAIN,
}


class FigureStore(StoreBase):
    async def open_orders_value(self) -> Decimal:
        """What customers paid for orders the panel may still spend on."""
        query = "SELECT COALESCE(SUM(charge_micros), 0) FROM orders WHERE status IN :open"
        spending = [*POLLED_STAGES, Stage.PLACING, Stage.UNCERTAIN, Stage.STUCK]
        async with self.db.read() as conn:
            return from_micros(int((await conn.execute(query, {"open": spending})).scalar_one()))

    async def open_orders_by_panel(self) -> dict[str, tuple[int, Decimal]]:
        """Per panel: how many orders it may still work on, and what they cost there (what is
        owed on it)."""
        query = (
            "SELECT panel, COUNT(*), COALESCE(SUM(cost_micros), 0) FROM orders"
            " WHERE status IN :open GROUP BY panel"
        )
        working = [*POLLED_STAGES, Stage.UNCERTAIN, Stage.STUCK]
        async with self.db.read() as conn:
            rows = (await conn.execute(query, {"open": working})).all()
        return {str(r[0]): (int(r[1]), from_micros(int(r[2]))) for r in rows}

    async def stats_by_panel(self, since: float) -> list[tuple[str, int, Decimal, Decimal]]:
        """(panel, orders, revenue after refunds, panel cost) of the period's placed orders."""
        query = (
            "SELECT orders.panel, COUNT(*), COALESCE(SUM(orders.charge_micros), 0),"
            " COALESCE(SUM(refunds.back), 0), COALESCE(SUM(orders.cost_micros), 0)"
            " FROM orders LEFT OUTER JOIN ("
            "SELECT order_id, SUM(amount_micros) AS back FROM ledger"
            " WHERE kind = 'refund' GROUP BY order_id"
            ") AS refunds ON refunds.order_id = orders.id"
            f" WHERE orders.created_at >= :since AND orders.{_PLACED}"
            " GROUP BY orders.panel ORDER BY orders.panel"
        )
        async with self.db.read() as conn:
            rows = (await conn.execute(query, {"since": since, **_NOT_PLACED})).all()
        return [
            (str(r[0]), int(r[1]), from_micros(int(r[2]) - int(r[3])), from_micros(int(r[4])))
            for r in rows
        ]

    async def order_days(self, since: float) -> tuple[list[OrderRow], dict[int, int]]:
        """The period's orders and what was refunded on each, for the daily chart."""
        query = (
            "SELECT id, created_at, status, charge_micros, cost_micros FROM orders"
            " WHERE created_at >= :since"
        )
        refunds = (
            "SELECT order_id, SUM(amount_micros) FROM ledger WHERE kind = 'refund'"
            " AND order_id IN (SELECT id FROM orders WHERE created_at >= :since)"
            " GROUP BY order_id"
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
                for r in (await conn.execute(query, {"since": since})).all()
            ]
            found = await conn.execute(refunds, {"since": since})
            refunded = {int(r[0]): int(r[1]) for r in found.all()}
        return rows, refunded

    async def stats(self, since: float) -> dict[str, Any]:
        window = f"created_at >= :since AND {_PLACED}"
        params = {"since": since, **_NOT_PLACED}
        async with self.db.read() as conn:
            count = (
                await conn.execute(f"SELECT COUNT(*) FROM orders WHERE {window}", params)
            ).scalar_one()
            charged = (
                await conn.execute(
                    "SELECT COALESCE(SUM(charge_micros), 0), COALESCE(SUM(cost_micros), 0)"
                    f" FROM orders WHERE {window}",
                    params,
                )
            ).one()
            refunded = (
                await conn.execute(
                    "SELECT COALESCE(SUM(amount_micros), 0) FROM ledger WHERE kind = 'refund'"
                    " AND created_at >= :since"
                    f" AND order_id IN (SELECT id FROM orders WHERE {window})",
                    params,
                )
            ).scalar_one()
            top = (
                await conn.execute(
                    "SELECT service_name, COUNT(*) AS n FROM orders"
                    f" WHERE {window} GROUP BY service_name ORDER BY COUNT(*) DESC LIMIT 5",
                    params,
                )
            ).all()
            new_users = (
                await conn.execute(
                    "SELECT COUNT(*) FROM users WHERE created_at >= :since", {"since": since}
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
