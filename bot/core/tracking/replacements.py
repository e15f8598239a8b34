"""Orders that never start, re-placed on another panel (issue 36): an admin asks; the first
panel is asked to cancel; only once it has confirmed the cancel (the order Canceled and
refunded) is the same order placed on another panel that sells the product, charged again
from the refund — never two deliveries, charged once in all."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from bot.core.catalog.storefront import Storefront
from bot.core.domain import NewOrder, Order, Stage
from bot.core.notifications.outbox_store import OutboxStore
from bot.core.ops.audit_store import AuditLog
from bot.core.ordering.order_store import OrderStore
from bot.core.ordering.placing import OrderService, Outcome
from bot.core.outbox import OutboxKind
from bot.core.storage.kv import KeyValueStore
from bot.core.tracking.aftersale import AfterSale

logger = logging.getLogger(__name__)
PREFIX = "replace:"  # replace:<order id> = the panel it failed on, while its cancel is awaited
Move = tuple[int, Stage, Stage]


def replacement_token(order_id: int) -> str:
    return f"re-{order_id}"


class Replacements:
    def __init__(
        self,
        aftersale: AfterSale,
        ordering: OrderService,
        orders: OrderStore,
        storefront: Storefront,
        kv: KeyValueStore,
        outbox: OutboxStore,
        audit: AuditLog,
        admin_ids: Iterable[int],
    ) -> None:
        self._aftersale = aftersale
        self._ordering = ordering
        self._orders = orders
        self._storefront = storefront
        self._kv = kv
        self._outbox = outbox
        self._audit = audit
        self._admins = list(admin_ids)

    def other_panel(self, order: Order) -> str | None:
        """Where a never-started order could go instead: another healthy panel selling its
        product at a cost within what the customer paid; None when there is none."""
        if order.stage is not Stage.PENDING or order.fields.get("runs"):
            return None  # started (it may deliver), or a drip-feed: not re-placed
        units = order.quantity
        for route, cost in self._storefront.placement_routes(order.service_id, order.charge, units):
            if route.panel != order.panel and cost <= order.charge:
                return route.panel
        return None

    async def ask(self, actor: int, order_id: int) -> str:
        """An admin's "Re-place": the cancel asked now, the placement once it is confirmed.
        Returns the locale key of what happened."""
        order = await self._orders.get_order(order_id)
        if order is None or self.other_panel(order) is None:
            return "admin-replace-not-possible"
        if await self._kv.get_kv(PREFIX + str(order_id)) is not None:
            return "admin-replace-waiting"
        said = await self._aftersale.cancel(order)
        if said != "cancel-requested":
            return "admin-replace-cancel-refused" if said == "cancel-not-eligible" else said
        await self._kv.set_kv(PREFIX + str(order_id), order.panel)
        await self._audit.record(actor, "order.replace", order_id, order.panel, "cancel asked")
        return "admin-replace-asked"

    async def sweep(self) -> int:
        """The leader's round: re-placements whose cancel was confirmed while nobody acted
        on it (a crash, a failure right after the poll) are placed now; those the panel
        finished after all (completed, partial) are dropped."""
        placed = 0
        for key, failed_on in (await self._kv.kv_with_prefix(PREFIX)).items():
            order = await self._orders.get_order(int(key.removeprefix(PREFIX)))
            if order is None or (order.stage.is_final and order.stage is not Stage.CANCELED):
                await self._kv.set_kv(key, None)
            elif order.stage is Stage.CANCELED:
                placed += await self._replace_once(order, failed_on)
        return placed

    async def _replace_once(self, order: Order, failed_on: str) -> int:
        done = await self._replace(order, failed_on)
        await self._kv.set_kv(PREFIX + str(order.id), None)
        return int(done)

    async def after_moves(self, moves: Sequence[Move]) -> int:
        """Orders the poller saw Canceled: those waiting to be re-placed are placed now (once:
        by their token). Returns how many were placed."""
        placed = 0
        for order_id, _, after in moves:
            if after is not Stage.CANCELED:
                continue
            failed_on = await self._kv.get_kv(PREFIX + str(order_id))
            if failed_on is None:
                continue
            order = await self._orders.get_order(order_id)
            if order is not None:
                placed += await self._replace_once(order, failed_on)
        return placed

    async def _replace(self, old: Order, failed_on: str) -> bool:
        new = NewOrder(
            user_id=old.user_id,
            client_token=replacement_token(old.id),
            service_id=old.service_id,
            service_name=old.service_name,
            service_type=old.service_type,
            category=old.category,
            link=old.link,
            fields={k: str(v) for k, v in old.fields.items()},
            quantity=old.quantity,
            charge=old.charge,
            cost=old.cost,
            currency=old.currency,
            via_api=old.via_api,
            avoid_panel=failed_on,
        )
        placement = await self._ordering.place(new)
        done = placement.outcome in {Outcome.PLACED, Outcome.ALREADY_PLACED, Outcome.UNCERTAIN}
        payload = {
            "old": old.id,
            "new": placement.order_id if done else None,
            "outcome": placement.outcome.value,
        }
        await self._outbox.enqueue([old.user_id, *self._admins], OutboxKind.ORDER_REPLACED, payload)
        logger.warning(
            "a never-started order was re-placed",
            extra={"order": old.id, "outcome": placement.outcome.value},
        )
        return done
