"""After the sale: asking the panel about an order now, for a refill or for a cancel. Each
goes to the panel the order was placed on; a refill is offered only for a completed order."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from bot.core.domain import Order, Stage
from bot.core.ordering.order_store import OrderStore
from bot.core.panels import NotAllowedError, NotFoundError, PanelError
from bot.core.panels.health import Panels
from bot.core.tracking.refill_store import RefillStore
from bot.core.tracking.status_store import TransitionStore

logger = logging.getLogger(__name__)


class AfterSale:
    def __init__(
        self,
        panels: Panels,
        orders: OrderStore,
        statuses: TransitionStore,
        refills: RefillStore,
        admin_ids: Iterable[int],
    ) -> None:
        self.panels = panels
        self._orders = orders
        self._statuses = statuses
        self._refills = refills
        self._admins = list(admin_ids)

    async def refresh(self, order: Order) -> bool:
        """Ask the panel now for an open order's state and record it (with its refund and
        notice, as the poller would). False when the panel could not be asked."""
        if order.panel_order_id is None or not order.stage.is_polled:
            return True
        try:
            state = await self.panels.client(order.panel).status(order.panel_order_id)
        except PanelError:
            return False
        stage = Stage.from_panel(state.status)
        await self._statuses.apply_status(
            order.id, stage, state.start_count, state.remains, self._admins
        )
        return True

    async def refill(self, order: Order) -> str:
        """Ask the panel for a refill; returns the locale key of the answer to show."""
        if order.panel_order_id is None or order.stage is not Stage.COMPLETED:
            return "refill-not-eligible"
        try:
            refill_id = await self.panels.client(order.panel).refill(order.panel_order_id)
        except (NotAllowedError, NotFoundError):
            return "refill-not-eligible"
        except PanelError as exc:
            logger.warning("refill request failed", extra={"error": type(exc).__name__})
            return "panel-unavailable"
        await self._refills.create_refill(order, refill_id)
        return "refill-requested"

    async def cancel(self, order: Order) -> str:
        if order.panel_order_id is None or order.stage.is_final:
            return "cancel-not-eligible"
        try:
            results = await self.panels.client(order.panel).cancel([order.panel_order_id])
        except PanelError as exc:
            logger.warning("cancel request failed", extra={"error": type(exc).__name__})
            return "panel-unavailable"
        result = results.get(order.panel_order_id)
        if result is True:
            await self._orders.record_cancel_request(order.id)
            return "cancel-requested"
        return "cancel-not-eligible"
