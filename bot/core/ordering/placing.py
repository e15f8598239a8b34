"""Placing orders on the panels: the rules that protect the customer's money when `add` is
sent — charged once, failed over only after a definite refusal, never re-sent in doubt."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from bot.core.catalog.storefront import Storefront
from bot.core.domain import (
    AlreadyPlacedError,
    DiscountGoneError,
    InsufficientFundsError,
    LinkBusyError,
    NewOrder,
)
from bot.core.notifications.outbox_store import OutboxStore
from bot.core.ops import metrics
from bot.core.ordering.order_store import OrderStore
from bot.core.outbox import OutboxKind
from bot.core.panels import (
    BadLinkError,
    DuplicateOrderError,
    PanelAuthError,
    PanelError,
    PanelFundsError,
    PlacementUncertainError,
    QuantityError,
    UnknownServiceError,
)
from bot.core.panels.health import Panels

logger = logging.getLogger(__name__)

# What the customer can act on gets its own message; the rest is "temporarily unavailable".
CUSTOMER_ERRORS: dict[type[PanelError], str] = {
    BadLinkError: "order-error-link",
    QuantityError: "order-error-quantity",
    DuplicateOrderError: "order-error-duplicate",
    UnknownServiceError: "order-error-service",
}
OPERATOR_ERRORS = (PanelAuthError, PanelFundsError)
# Refusals of what the customer sent: failing over would only be refused again.
SAME_EVERYWHERE = (BadLinkError, DuplicateOrderError)


class Outcome(StrEnum):
    PLACED = "placed"
    ALREADY_PLACED = "already_placed"
    NO_FUNDS = "no_funds"
    REJECTED = "rejected"
    UNAVAILABLE = "unavailable"
    UNCERTAIN = "uncertain"
    PRICE_CHANGED = "price_changed"  # the summary's discount is gone: nothing was charged
    LINK_BUSY = "link_busy"  # an open order of this service has the link: nothing charged


@dataclass(frozen=True)
class Placement:
    outcome: Outcome
    order_id: int | None = None
    message_key: str | None = None
    missing: Decimal | None = None  # with NO_FUNDS: what the wallet lacks
    panel: str | None = None  # where it was placed (or may have been)
    busy_order: int | None = None  # with LINK_BUSY: the customer's own open order there


class OrderService:
    """Places orders on the route the catalog priced them on, failing over to the next
    healthy route only after a definite refusal."""

    def __init__(
        self,
        orders: OrderStore,
        outbox: OutboxStore,
        panels: Panels,
        admin_ids: Iterable[int],
        storefront: Storefront,
        paused: Callable[[int], object | None] | None = None,
        placement_seconds: float = 120.0,
    ) -> None:
        """`paused(service id)`: why a service is not sold now (curation), or None.
        `placement_seconds`: the longest a placement can take (its `add` calls, one per
        route, each bounded by the panel timeout); an order placing for longer was lost."""
        self.placement_seconds = placement_seconds
        self._placing: set[int] = set()  # this process's placements in progress
        self._paused = paused
        self.panels = panels
        self._storefront = storefront
        self._orders = orders
        self._outbox = outbox
        self._admins = list(admin_ids)
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @asynccontextmanager
    async def in_flight(self) -> AsyncIterator[None]:
        """Work that shutdown waits for: a placement and the reply that tells its outcome."""
        self._in_flight += 1
        self._idle.clear()
        try:
            yield
        finally:
            self._in_flight -= 1
            if not self._in_flight:
                self._idle.set()

    def _routes(self, new: NewOrder) -> list[tuple[str, int, Decimal]]:
        """(panel, its service id, its cost) to try in turn."""
        chosen = self._storefront.placement_routes(
            new.service_id, new.charge, new.units or new.quantity
        )
        return [
            (route.panel, route.service.id, cost)
            for route, cost in chosen
            if route.panel != new.avoid_panel
        ]

    async def place(self, new: NewOrder) -> Placement:
        if self._paused is not None and self._paused(new.service_id) is not None:
            return Placement(Outcome.UNAVAILABLE, message_key="service-paused")  # nothing moved
        routes = self._routes(new)
        if not routes:
            return Placement(Outcome.UNAVAILABLE)
        first = self.panels.client(routes[0][0])
        if first.unavailable_since is not None and not await first.is_reachable():
            # A known outage of the route it was priced on: refuse before any money moves
            # (the catalog shows the product on another route once the health check says so).
            return Placement(Outcome.UNAVAILABLE)
        try:
            order_id = await self._orders.create_order(new)
        except AlreadyPlacedError as exc:
            return Placement(Outcome.ALREADY_PLACED, order_id=exc.order_id)
        except InsufficientFundsError as exc:
            return Placement(Outcome.NO_FUNDS, missing=exc.missing)
        except DiscountGoneError:
            return Placement(Outcome.PRICE_CHANGED)
        except LinkBusyError as exc:
            # Its number only to its owner: another customer's order is nobody else's business.
            return Placement(Outcome.LINK_BUSY, busy_order=exc.order_id if exc.own else None)
        async with self.in_flight():
            # Shielded: a shutdown must not cut a placement between `add` and its record.
            self._placing.add(order_id)
            try:
                placement = await asyncio.shield(self._send(order_id, new, routes))
            finally:
                self._placing.discard(order_id)
        metrics.ORDERS.labels(placement.panel or routes[0][0], placement.outcome.value).inc()
        return placement

    async def _send(
        self, order_id: int, new: NewOrder, routes: list[tuple[str, int, Decimal]]
    ) -> Placement:
        refusal: PanelError | None = None
        for panel, service_id, cost in routes:
            try:
                panel_order_id = await self.panels.client(panel).add(service_id, new.fields)
            except PlacementUncertainError as exc:
                # It may have been placed: never sent anywhere else, held for admins.
                logger.error(
                    "placement uncertain",
                    extra={"order": order_id, "panel": panel, "error": exc.detail},
                )
                await self._orders.mark_uncertain(
                    order_id, exc.detail or "no answer", self._admins, panel=panel
                )
                return Placement(Outcome.UNCERTAIN, order_id=order_id, panel=panel)
            except PanelError as exc:
                refusal = exc
                if isinstance(exc, OPERATOR_ERRORS):
                    problem = {"error": type(exc).__name__, "panel": panel}
                    await self._outbox.alert(
                        self._admins,
                        OutboxKind.ADMIN_PANEL_PROBLEM,
                        problem,
                        about=f"{panel}:{problem['error']}",
                    )
                if isinstance(exc, SAME_EVERYWHERE):
                    break  # the customer's input: another panel would refuse it too
                logger.warning(
                    "order refused by a panel",
                    extra={"order": order_id, "panel": panel, "error": type(exc).__name__},
                )
                continue
            try:
                await self._orders.mark_placed(order_id, panel_order_id, panel=panel, cost=cost)
            except Exception as exc:
                # Placed, but not recorded (an id the shop already holds, a dropped database
                # connection): never sent again, held with the panel's id for admins.
                return await self._hold(order_id, panel, panel_order_id, exc)
            logger.info(
                "order placed",
                extra={"order": order_id, "panel": panel, "panel_order": panel_order_id},
            )
            return Placement(Outcome.PLACED, order_id=order_id, panel=panel)
        assert refusal is not None
        await self._orders.mark_rejected(order_id, f"{type(refusal).__name__}: {refusal.detail}")
        key = CUSTOMER_ERRORS.get(type(refusal))
        if key is not None:
            return Placement(Outcome.REJECTED, order_id=order_id, message_key=key)
        return Placement(Outcome.UNAVAILABLE, order_id=order_id)

    async def _hold(
        self, order_id: int, panel: str, panel_order_id: int, exc: Exception
    ) -> Placement:
        logger.error(
            "order placed but not recorded; held for admins",
            extra={"order": order_id, "panel": panel, "panel_order": panel_order_id},
            exc_info=exc,
        )
        detail = f"placed as {panel_order_id} on {panel}; not recorded: {type(exc).__name__}"
        try:
            await self._orders.mark_uncertain(order_id, detail, self._admins, panel=panel)
        except Exception:
            # The database is away: the sweep finds the order still placing and holds it.
            logger.exception("could not hold the order either", extra={"order": order_id})
        return Placement(Outcome.UNCERTAIN, order_id=order_id, panel=panel)

    async def remember_card(self, order_id: int, message_id: int) -> None:
        await self._orders.set_card(order_id, message_id)

    async def sweep_lost_placements(self) -> list[int]:
        """Orders placing for longer than any placement takes, and not being placed here:
        an exception or a crash lost their outcome. Held for admins (/pending) as a restart
        would; returns their ids."""
        found = await self._orders.recover_interrupted_placements(
            self._admins, self.placement_seconds, skip=self._placing
        )
        if found:
            logger.error(
                "orders lost while placing are now held for admins", extra={"orders": found}
            )
        return found

    async def wait_idle(self, seconds: float) -> bool:
        try:
            await asyncio.wait_for(self._idle.wait(), seconds)
        except TimeoutError:
            return False
        return True
