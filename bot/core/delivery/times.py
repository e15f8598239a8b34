"""What the bot has learnt about each service's delivery time."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from bot.core.delivery.estimates import DeliveryTime, learn
from bot.core.delivery.sample_store import SampleStore
from bot.core.domain import PACKAGE_TYPES, normalize_type

logger = logging.getLogger(__name__)


def counts_per_thousand(service_type: str) -> bool:
    """Where the quantity matters, times are learnt per 1,000 units; packages are one unit."""
    return normalize_type(service_type) not in PACKAGE_TYPES


class DeliveryTimes:
    """Per service, kept for a while: a card or a summary shown a hundred times a minute
    reads the history once."""

    def __init__(
        self,
        samples: SampleStore,
        keep_seconds: float = 600.0,
        clock: Callable[[], float] = time.monotonic,
        keep_unknown_seconds: float | None = None,
    ) -> None:
        """`keep_unknown_seconds`: how long "not enough orders yet" is trusted where this
        process does not hear of completions (a replica that is not the leader)."""
        self._samples = samples
        self._keep = keep_seconds
        self._keep_unknown = keep_seconds if keep_unknown_seconds is None else keep_unknown_seconds
        self._clock = clock
        self._known: dict[int, tuple[DeliveryTime | None, float]] = {}

    async def of(self, service_id: int, service_type: str) -> DeliveryTime | None:
        """The service's usual delivery time; None until it has completed enough orders."""
        cached = self._known.get(service_id)
        if cached is not None:
            keep = self._keep if cached[0] is not None else self._keep_unknown
            if self._clock() - cached[1] < keep:
                return cached[0]
        samples = await self._samples.delivery_samples(service_id)
        learnt = learn(samples, counts_per_thousand(service_type))
        self._known[service_id] = (learnt, self._clock())
        return learnt

    def forget_unknown(self) -> None:
        """An order just completed: a service that had too few completed orders may have
        enough now, and its card should say so at once rather than in ten minutes."""
        self._known = {k: v for k, v in self._known.items() if v[0] is not None}
