"""The watch that flags open orders which stopped moving for much longer than their service
usually takes (`STUCK_FACTOR`, `STUCK_MIN_HOURS`)."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Iterable

from bot.core.delivery.estimates import stall_threshold
from bot.core.delivery.times import DeliveryTimes
from bot.core.ops.periodic import repeat
from bot.core.storage.rows import Unmoved
from bot.core.tracking.status_store import TransitionStore

logger = logging.getLogger(__name__)


class StallWatch:
    """Flags, once, open orders that have not moved (same status, same remains) for much
    longer than their service usually takes; the flag clears when the order moves."""

    def __init__(
        self,
        statuses: TransitionStore,
        times: DeliveryTimes,
        admin_ids: Iterable[int],
        factor: float,
        min_hours: float,
        every_seconds: float,
        usual_start: Callable[[int], Awaitable[float | None]] | None = None,
    ) -> None:
        """`usual_start(service id)`: how many seconds its orders usually take to start
        (its measured record), None while too few orders say."""
        self._usual_start = usual_start
        self._statuses = statuses
        self._times = times
        self._admins = list(admin_ids)
        self._factor = factor
        self._min_hours = min_hours
        self._every = every_seconds

    async def _expected(self, order: Unmoved) -> float | None:
        """How long this order may take before it is late: to start, for one still Pending
        whose service's start time is measured; else to be delivered (90th percentile)."""
        if not order.started and self._usual_start is not None:
            start = await self._usual_start(order.service_id)
            if start is not None:
                return start
        usual = await self._times.of(order.service_id, order.service_type)
        return usual.for_quantity(order.quantity, percentile="p90") if usual else None

    async def run(self) -> None:
        await repeat(self.check, self._every, "stalled-order check")

    async def check(self, now: float | None = None) -> list[int]:
        now = time.time() if now is None else now
        # No order can have stalled sooner than the shortest threshold.
        earliest = now - stall_threshold(0.0, self._factor, self._min_hours)
        stalled = []
        for order in await self._statuses.unmoved_orders(since=earliest):
            expected = await self._expected(order)
            if now - order.moved_at > stall_threshold(expected, self._factor, self._min_hours):
                stalled.append(order.id)
        if not stalled:
            return []
        flagged = await self._statuses.flag_stalled(stalled, self._admins, now)
        if flagged:
            logger.warning("orders stalled; admins alerted", extra={"orders": flagged})
        return flagged
