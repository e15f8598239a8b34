"""Resolving an order whose placement is uncertain (or that the panel keeps failing on):
refund the customer, or attach the panel's order id an admin found. One service for the
chat's /pending buttons and the console's Attention screen; each resolution audited."""

from __future__ import annotations

from decimal import Decimal

from bot.core.domain import Stage
from bot.core.ops.audit_store import AuditLog
from bot.core.ordering.order_store import OrderStore

RESOLVABLE = frozenset({Stage.UNCERTAIN, Stage.STUCK})


class Resolutions:
    def __init__(self, orders: OrderStore, audit: AuditLog) -> None:
        self._orders = orders
        self._audit = audit

    async def refund(self, actor: int, order_id: int) -> Decimal | None:
        """What went back to the customer; None when the order is not in doubt (any more)."""
        order = await self._orders.get_order(order_id)
        if order is None or order.stage not in RESOLVABLE:
            return None
        refunded = await self._orders.mark_rejected(
            order.id, f"refunded by admin {actor}", notify_user=True
        )
        await self._audit.record(actor, "order.refund", order.id, order.stage.value, refunded)
        return refunded

    async def attach(self, actor: int, order_id: int, panel_order_id: int) -> bool:
        """False when the order is not in doubt any more (or the id is taken)."""
        if not await self._orders.attach_panel_order(order_id, panel_order_id):
            return False
        await self._audit.record(actor, "order.attach", order_id, None, panel_order_id)
        return True
