"""What the bot has learnt about each service's delivery time, and the watch that flags open
orders which stopped moving for much longer than their service usually takes."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable

from bot.core.delivery import DeliveryTime, learn, stall_threshold
from bot.core.forms import PACKAGE_TYPES, normalize_type
from bot.core.periodic import repeat
from bot.core.storage import Repository

logger = logging.getLogger(__name__)


def counts_per_thousand(service_type: str) -> bool:
    """Where the quantity matters, times are learnt per 1,000 units; packages are one unit."""
    return normalize_type(service_type) not in PACKAGE_TYPES


class DeliveryTimes:
    """Per service, kept for a while: a card or a summary shown a hundred times a minute
    reads the history once."""

    def __init__(
        self,
        repo: Repository,
        keep_seconds: float = 600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._repo = repo
        self._keep = keep_seconds
        self._clock = clock
        self._known: dict[int, tuple[DeliveryTime | None, float]] = {}

    async def of(self, service_id: int, service_type: str) -> DeliveryTime | None:
        """The service's usual delivery time; None until it has completed enough orders."""
        cached = self._known.get(service_id)
        if cached is not None and self._clock() - cached[1] < self._keep:
            return cached[0]
        samples = await self._repo.delivery_samples(service_id)
        learnt = learn(samples, counts_per_thousand(service_type))
        self._known[service_id] = (learnt, self._clock())
        return learnt


class StallWatch:
    """Flags, once, open orders that have not moved (same status, same remains) for much
    longer than their service usually takes; the flag clears when the order moves."""

    def __init__(
        self,
        repo: Repository,
        times: DeliveryTimes,
        admin_ids: Iterable[int],
        factor: float,
        min_hours: float,
        every_seconds: float,
    ) -> None:
        self._repo = repo
        self._times = times
        self._admins = list(admin_ids)
        self._factor = factor
        self._min_hours = min_hours
        self._every = every_seconds

    async def run(self) -> None:
        await repeat(self.check, self._every, "stalled-order check")

    async def check(self, now: float | None = None) -> list[int]:
        now = time.time() if now is None else now
        # No order can have stalled sooner than the shortest threshold.
        earliest = now - stall_threshold(0.0, self._factor, self._min_hours)
        stalled = []
        for order in await self._repo.unmoved_orders(since=earliest):
            usual = await self._times.of(order.service_id, order.service_type)
            p90 = usual.for_quantity(order.quantity, percentile="p90") if usual else None
            if now - order.moved_at > stall_threshold(p90, self._factor, self._min_hours):
                stalled.append(order.id)
        if not stalled:
            return []
        flagged = await self._repo.flag_stalled(stalled, self._admins, now)
        if flagged:
            logger.warning("orders stalled; admins alerted", extra={"orders": flagged})
        return flagged
