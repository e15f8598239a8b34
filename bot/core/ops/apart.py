"""One bad item never stops the rest (issue 34): loops over orders, refills, services and
invoices do a batch's work together for speed and, when that fails, each item apart, so the
one that fails is found, logged once with its id and retried next time, while every other
item proceeds."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

logger = logging.getLogger(__name__)
T = TypeVar("T")
R = TypeVar("R")


class ItemFailures:
    """Which items of one loop failed: each is logged with its traceback the first time it
    fails, then quietly counted until it succeeds again (a poisoned item retried every cycle
    must not fill the log)."""

    def __init__(self, loop: str, *, remember: int = 10_000) -> None:
        self._loop = loop
        self._failing: dict[object, int] = {}
        self._remember = remember

    def failed(self, item_id: object) -> None:
        times = self._failing.get(item_id, 0)
        if times == 0:
            logger.error(
                "%s: one item failed; the others go on, it is retried next time",
                self._loop,
                extra={"item": item_id},
                exc_info=True,
            )
            if len(self._failing) >= self._remember:
                self._failing.pop(next(iter(self._failing)))
        self._failing[item_id] = times + 1

    def succeeded(self, item_id: object) -> None:
        self._failing.pop(item_id, None)

    @property
    def failing(self) -> list[object]:
        return list(self._failing)

    async def each(self, item_id: object, work: Awaitable[R]) -> R | None:
        """`work` for one item: its result, or None when it failed (logged)."""
        try:
            result = await work
        except asyncio.CancelledError:
            raise
        except Exception:
            self.failed(item_id)
            return None
        self.succeeded(item_id)
        return result

    async def batch(
        self,
        items: Sequence[T],
        work: Callable[[Sequence[T]], Awaitable[int]],
        key: Callable[[T], object],
    ) -> int:
        """`work` on the whole batch (one transaction, fast); if it fails, on each item apart.
        Returns the sum of what `work` returned for the parts that succeeded."""
        if not items:
            return 0
        try:
            return await work(items)
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.debug("%s: a batch failed; its items go one by one", self._loop)
        done = 0
        for item in items:
            done += await self.each(key(item), work([item])) or 0
        return done
