"""Follows every open order and refill on the panel and records what changed.

Each change is stored with its refund and its notification in one transaction (see the
repository); the notifier delivers the messages. Nothing here talks to Telegram.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

from bot.core.domain import RefillStage, Stage
from bot.core.ops import metrics
from bot.core.ops.apart import ItemFailures
from bot.core.panels import (
    BATCH_SIZE,
    OrderState,
    PanelClient,
    PanelError,
    PanelUnavailableError,
    RateLimitedError,
    RefillState,
    chunked,
)
from bot.core.panels.health import Panels
from bot.core.settings import DEFAULT_PANEL
from bot.core.storage.rows import OpenOrder, StatusChange
from bot.core.tracking.refill_store import RefillStore
from bot.core.tracking.status_store import TransitionStore

logger = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class CycleReport:
    orders: int = 0
    refills: int = 0
    panel_calls: int = 0
    changed: int = 0
    errors: int = 0
    outage: PanelError | None = field(default=None)


Progress = tuple[int, int | None, int | None]  # (order id, start count, remains)
Move = tuple[int, Stage, Stage]  # (order id, stage before, stage now)
_REFILL_ENDS = frozenset({RefillStage.COMPLETED, RefillStage.REJECTED})


def _order_of(change: StatusChange | Progress) -> int:
    return change[0]


def _moved(order: OpenOrder, state: OrderState) -> bool:
    return (state.remains is not None and state.remains != order.remains) or (
        state.start_count is not None and state.start_count != order.start_count
    )


class PanelHealth:
    """Whether the panel answers status checks, and how long to back off while it does not."""

    def __init__(self, interval_seconds: float) -> None:
        self._interval = interval_seconds
        self.in_outage = False
        self.failures = 0

    def failed(self, error: PanelError) -> None:
        self.failures += 1
        if not isinstance(error, PanelUnavailableError | RateLimitedError):
            logger.error("panel refused status checks", extra={"error": type(error).__name__})
            return
        if not self.in_outage:
            logger.warning(
                "panel unavailable; polling backs off", extra={"error": type(error).__name__}
            )
        self.in_outage = True

    def succeeded(self) -> None:
        if self.in_outage:
            logger.warning("panel reachable again; polling resumed")
        self.in_outage = False
        self.failures = 0

    def next_delay(self, error: PanelError) -> float:
        """Honour the panel's Retry-After; otherwise back off exponentially, bounded."""
        if isinstance(error, RateLimitedError) and error.retry_after:
            return max(error.retry_after, self._interval)
        backoff: float = self._interval * 2 ** min(self.failures, 5)
        return min(backoff, max(self._interval * 10, 60.0))


class Poller:
    def __init__(
        self,
        statuses: TransitionStore,
        refills: RefillStore,
        panels: Panels | PanelClient,
        interval_seconds: float,
        admin_ids: Iterable[int],
        *,
        concurrency: int = 4,
        error_limit: int = 10,
        on_completed: Callable[[], None] | None = None,
        on_moves: Callable[[list[Move]], Awaitable[object]] | None = None,
        on_refill_ended: Callable[[int, RefillStage], Awaitable[object]] | None = None,
    ) -> None:
        """`on_completed` hears that orders completed (delivery times learn from them);
        `on_moves` gets every stored change with the stage before (services' records)."""
        self._on_completed = on_completed
        self._on_moves = on_moves
        self._on_refill_ended = on_refill_ended
        self._record_failures = ItemFailures("service records")
        self._statuses = statuses
        self._refills = refills
        self._panels = panels if isinstance(panels, Panels) else Panels({DEFAULT_PANEL: panels})
        self._interval = interval_seconds
        self._admins = list(admin_ids)
        self._concurrency = concurrency
        self._error_limit = error_limit
        self.health = PanelHealth(interval_seconds)
        self._warned: set[str] = set()
        # An order or refill whose answer cannot be stored is retried next cycle; the rest go on.
        self._order_failures = ItemFailures("poller: order")
        self._refill_failures = ItemFailures("poller: refill")
        self._woken = asyncio.Event()

    def wake(self) -> None:
        """Ask now rather than at the next round (a child shop: its parent just learned of a
        move of one of its orders)."""
        self._woken.set()

    async def run(self) -> None:
        while True:
            delay = self._interval * (0.9 + random.random() * 0.2)  # jitter: no thundering herd
            try:
                report = await self.cycle()
                if report.outage is not None:
                    delay = self.health.next_delay(report.outage)
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("poller cycle failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._woken.wait(), delay)
            self._woken.clear()

    async def _limited(self, semaphore: asyncio.Semaphore, call: Awaitable[T]) -> T:
        async with semaphore:
            return await call

    async def _fetch(
        self,
        ids: list[int],
        fetch: Callable[[list[int]], Awaitable[dict[int, T | PanelError]]],
        report: CycleReport,
    ) -> dict[int, T | PanelError]:
        semaphore = asyncio.Semaphore(self._concurrency)
        batches = chunked(ids)
        report.panel_calls += len(batches)
        results = await asyncio.gather(*(self._limited(semaphore, fetch(b)) for b in batches))
        merged: dict[int, T | PanelError] = {}
        for result in results:
            merged.update(result)
        return merged

    async def cycle(self) -> CycleReport:
        with metrics.POLLER_SECONDS.time():
            return await self._cycle()

    async def _cycle(self) -> CycleReport:
        """Each panel's orders and refills with that panel's client: a panel that is down
        delays only its own orders. The poller backs off when every panel failed."""
        report = CycleReport()
        open_orders = await self._statuses.open_panel_orders()
        open_refills = await self._refills.open_refills()
        report.orders, report.refills = len(open_orders), len(open_refills)
        failed: list[PanelError] = []
        self._warn_unknown_panels(open_orders)
        for name, client in self._panels.items():
            orders = [o for o in open_orders if o.panel == name]
            refills = [(r, p) for r, p, panel in open_refills if panel == name]
            try:
                await self._poll_orders(client, orders, report)
                await self._poll_refills(client, refills, report)
                if not orders and not refills:
                    # Nothing to follow: one cheap read still tells whether the panel is up,
                    # so new orders are refused during an outage instead of left in doubt.
                    report.panel_calls += 1
                    if not await self._panels.probe(name):
                        raise PanelUnavailableError("health probe")
            except PanelError as exc:
                logger.warning(
                    "panel failed during polling",
                    extra={"panel": name, "error": type(exc).__name__},
                )
                failed.append(exc)
        await self._panels.notice_changes()
        if failed and len(failed) == len(self._panels):
            report.outage = failed[0]
            self.health.failed(failed[0])
            return report
        self.health.succeeded()
        return report

    def _warn_unknown_panels(self, open_orders: list[OpenOrder]) -> None:
        """Orders placed on a panel since removed from PANELS are not followed: said once."""
        unknown = {o.panel for o in open_orders} - set(self._panels.names) - self._warned
        for panel in sorted(unknown):
            count = sum(1 for o in open_orders if o.panel == panel)
            logger.warning(
                "open orders on a panel that is no longer configured are not followed",
                extra={"panel": panel, "orders": count},
            )
        self._warned |= unknown

    async def _poll_orders(
        self, client: PanelClient, open_orders: list[OpenOrder], report: CycleReport
    ) -> None:
        if not open_orders:
            return
        by_panel_id: dict[int, OpenOrder] = {o.panel_order_id: o for o in open_orders}
        results = await self._fetch(list(by_panel_id), client.statuses, report)
        transitions: list[StatusChange] = []
        progress: list[Progress] = []
        for panel_id, result in results.items():
            order = by_panel_id[panel_id]
            if isinstance(result, PanelError):
                report.errors += 1
                await self._order_failures.each(
                    order.id,
                    self._statuses.record_poll_error(order.id, self._error_limit, self._admins),
                )
                continue
            stage = Stage.from_panel(result.status)
            if stage is not order.stage:
                transitions.append((order.id, stage, result.start_count, result.remains))
            elif _moved(order, result):
                progress.append((order.id, result.start_count, result.remains))
        # Most cycles change nothing; progress is one statement; transitions (each with its
        # refund and notification) are written a batch per transaction.
        # A batch that fails is done again an order at a time: one bad order stops no other.
        await self._order_failures.batch(progress, self._update_progress, key=_order_of)
        before = {o.id: o.stage for o in open_orders}
        for start in range(0, len(transitions), BATCH_SIZE):
            report.changed += await self._order_failures.batch(
                transitions[start : start + BATCH_SIZE],
                partial(self._apply_statuses, before),
                key=_order_of,
            )
        if self._on_completed and any(stage is Stage.COMPLETED for _, stage, *_ in transitions):
            self._on_completed()

    async def _update_progress(self, progress: Sequence[Progress]) -> int:
        await self._statuses.update_progress(progress)
        return 0

    async def _apply_statuses(
        self, before: dict[int, Stage], changes: Sequence[StatusChange]
    ) -> int:
        changed = await self._statuses.apply_statuses(changes, self._admins)
        if self._on_moves is not None:
            moves = [(order_id, before[order_id], stage) for order_id, stage, *_ in changes]
            # What the records learn is never a reason to store a status again.
            await self._record_failures.each("records", self._on_moves(moves))
        return changed

    async def _poll_refills(
        self, client: PanelClient, open_refills: list[tuple[int, int]], report: CycleReport
    ) -> None:
        if not open_refills:
            return
        by_panel_id = {panel_id: refill_id for refill_id, panel_id in open_refills}
        results: dict[int, RefillState | PanelError] = await self._fetch(
            list(by_panel_id), client.refill_statuses, report
        )
        for panel_id, result in results.items():
            refill_id = by_panel_id[panel_id]
            if isinstance(result, PanelError):
                report.errors += 1
                await self._refill_failures.each(
                    refill_id, self._refills.record_refill_error(refill_id, self._error_limit)
                )
                continue
            stage = RefillStage.from_panel(result.status)
            if await self._refill_failures.each(
                refill_id, self._refills.apply_refill_status(refill_id, stage)
            ):
                report.changed += 1
                if self._on_refill_ended is not None and stage in _REFILL_ENDS:
                    await self._record_failures.each(
                        "refill records", self._on_refill_ended(refill_id, stage)
                    )
