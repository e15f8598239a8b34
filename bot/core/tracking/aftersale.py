"""After the sale: asking the panel about an order now, for a refill or for a cancel. Each
goes to the panel the order was placed on; a refill is offered for a completed (or partial)
order inside its service's guarantee, once per cooldown, one at a time."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass

from bot.core.catalog.cache import CatalogCache
from bot.core.catalog.guarantees import Guarantee, GuaranteeBook, RefillCheck, may_refill
from bot.core.domain import OPEN_REFILL_STAGES, Order, Refill, RefillStage, Stage
from bot.core.ordering.order_store import OrderStore
from bot.core.panels import NotAllowedError, NotFoundError, PanelError
from bot.core.panels.health import Panels
from bot.core.storage.kv import KeyValueStore
from bot.core.tracking.refill_store import RefillStore
from bot.core.tracking.status_store import TransitionStore

# A refill is asked for a completed order, or a partial one (the part that was delivered).
REFILLABLE = frozenset({Stage.COMPLETED, Stage.PARTIAL})
CLAIM_SECONDS = 120.0  # longer than a panel call may take

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RefillState:
    guarantee: Guarantee | None
    latest: Refill | None
    check: RefillCheck


class AfterSale:
    def __init__(
        self,
        panels: Panels,
        orders: OrderStore,
        statuses: TransitionStore,
        refills: RefillStore,
        admin_ids: Iterable[int],
        catalog: CatalogCache,
        guarantees: GuaranteeBook,
        settings: KeyValueStore,
        refill_cooldown_hours: float = 24.0,
        on_refill_asked: Callable[[Order], Awaitable[object]] | None = None,
    ) -> None:
        """`on_refill_asked`: a refill inside the guarantee was asked (a drop signal for the
        service's record)."""
        self._on_refill_asked = on_refill_asked
        self.panels = panels
        self._orders = orders
        self._statuses = statuses
        self._refills = refills
        self._admins = list(admin_ids)
        self._catalog = catalog
        self.guarantees = guarantees
        self._settings = settings
        self._cooldown = refill_cooldown_hours

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

    async def guarantee_of(self, service_id: int) -> Guarantee | None:
        service = await self._catalog.service(service_id)
        return await self.guarantees.of(service) if service is not None else None

    async def refill_state(self, order: Order, now: float | None = None) -> RefillState:
        """What an order's card says of refills, read once: the guarantee, the latest
        refill and whether another may be asked now."""
        guarantee = await self.guarantee_of(order.service_id)
        latest = await self._refills.latest_refill(order.id)
        if order.panel_order_id is None or order.stage not in REFILLABLE:
            return RefillState(guarantee, latest, RefillCheck(False, "refill-not-eligible"))
        check = may_refill(
            guarantee,
            order.status_changed_at,
            # A refill that failed (the panel lost it) does not wait out the cooldown.
            latest.created_at if latest and latest.stage is not RefillStage.FAILED else None,
            latest is not None and latest.stage in OPEN_REFILL_STAGES,
            self._cooldown,
            time.time() if now is None else now,
        )
        return RefillState(guarantee, latest, check)

    async def refill_check(self, order: Order) -> RefillCheck:
        """May the customer ask for a refill of this order now (the button shows only then)?
        An order not delivered yet costs no lookup."""
        if order.panel_order_id is None or order.stage not in REFILLABLE:
            return RefillCheck(False, "refill-not-eligible")
        return (await self.refill_state(order)).check

    async def refill(self, order: Order) -> RefillCheck:
        """Ask the panel for a refill, once however many taps arrive together; the reason
        (a locale key) says why not, without asking the panel."""
        check = await self.refill_check(order)
        if not check.allowed:
            return check
        claim = f"refill-claim:{order.id}"
        if not await self._settings.claim(claim, ttl=CLAIM_SECONDS):
            return RefillCheck(False, "refill-pending")  # another tap is asking right now
        try:
            check = await self.refill_check(order)  # what that other tap may have done
            if not check.allowed:
                return check
            try:
                refill_id = await self.panels.client(order.panel).refill(order.panel_order_id or 0)
            except (NotAllowedError, NotFoundError):
                return RefillCheck(False, "refill-not-eligible")
            except PanelError as exc:
                logger.warning("refill request failed", extra={"error": type(exc).__name__})
                return RefillCheck(False, "panel-unavailable")
            await self._refills.create_refill(order, refill_id)
        finally:
            await self._settings.release(claim)
        if self._on_refill_asked is not None:
            try:
                await self._on_refill_asked(order)
            except Exception:  # the record is never a reason to say the refill failed
                logger.exception("the service record did not take the refill")
        return RefillCheck(True, "refill-requested")

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
