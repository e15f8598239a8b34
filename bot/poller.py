"""Follows every open order and refill on the panel and records what changed.

Each change is stored with its refund and its notification in one transaction (see the
repository); the notifier delivers the messages. Nothing here talks to Telegram.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypeVar

from bot.domain import RefillStage, Stage
from bot.panel import (
    BATCH_SIZE,
    OrderState,
    PanelClient,
    PanelError,
    PanelUnavailableError,
    RateLimitedError,
    RefillState,
    chunked,
)
from bot.storage import OpenOrder, Repository
from bot.storage.repo import StatusChange

logger = logging.getLogger(__name__)
T = TypeVar("T")
LOW_BALANCE_KEY = "alert:low_balance"


@dataclass
class CycleReport:
    orders: int = 0
    refills: int = 0
    panel_calls: int = 0
    changed: int = 0
    errors: int = 0
    outage: PanelError | None = field(default=None)


def _moved(order: OpenOrder, state: OrderState) -> bool:
    return (state.remains is not None and state.remains != order.remains) or (
        state.start_count is not None and state.start_count != order.start_count
    )


class Poller:
    def __init__(
        self,
        repo: Repository,
        panel: PanelClient,
        interval_seconds: float,
        admin_ids: Iterable[int],
        *,
        concurrency: int = 4,
        error_limit: int = 10,
        low_balance_threshold: Decimal | None = None,
        balance_check_seconds: float = 300.0,
    ) -> None:
        self._repo = repo
        self._panel = panel
        self._interval = interval_seconds
        self._admins = list(admin_ids)
        self._concurrency = concurrency
        self._error_limit = error_limit
        self._low_balance = low_balance_threshold
        self._balance_every = balance_check_seconds
        self._last_balance_check = 0.0
        self._in_outage = False
        self._failures = 0

    async def run(self) -> None:
        while True:
            delay = self._interval * (0.9 + random.random() * 0.2)  # jitter: no thundering herd
            try:
                report = await self.cycle()
                if report.outage is not None:
                    delay = self._outage_delay(report.outage)
                await self._check_balance()
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("poller cycle failed")
            await asyncio.sleep(delay)

    def _outage_delay(self, error: PanelError) -> float:
        if isinstance(error, RateLimitedError) and error.retry_after:
            return max(error.retry_after, self._interval)
        backoff: float = self._interval * 2 ** min(self._failures, 5)
        return min(backoff, max(self._interval * 10, 60.0))

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
        report = CycleReport()
        try:
            await self._poll_orders(report)
            await self._poll_refills(report)
            if report.panel_calls == 0:
                # Nothing to follow: one cheap read still tells whether the panel is up, so
                # new orders are refused during an outage instead of being left in doubt.
                report.panel_calls += 1
                if not await self._panel.is_reachable():
                    raise PanelUnavailableError("health probe")
        except (PanelUnavailableError, RateLimitedError) as exc:
            report.outage = exc
            self._failures += 1
            if not self._in_outage:
                logger.warning(
                    "panel unavailable; polling backs off", extra={"error": type(exc).__name__}
                )
            self._in_outage = True
            return report
        except PanelError as exc:
            report.outage = exc
            self._failures += 1
            logger.error("panel refused status checks", extra={"error": type(exc).__name__})
            return report
        if self._in_outage:
            logger.warning("panel reachable again; polling resumed")
        self._in_outage = False
        self._failures = 0
        return report

    async def _poll_orders(self, report: CycleReport) -> None:
        open_orders = await self._repo.open_panel_orders()
        report.orders = len(open_orders)
        if not open_orders:
            return
        by_panel_id: dict[int, OpenOrder] = {o.panel_order_id: o for o in open_orders}
        results = await self._fetch(list(by_panel_id), self._panel.statuses, report)
        transitions: list[StatusChange] = []
        progress: list[tuple[int, int | None, int | None]] = []
        for panel_id, result in results.items():
            order = by_panel_id[panel_id]
            if isinstance(result, PanelError):
                report.errors += 1
                await self._repo.record_poll_error(order.id, self._error_limit, self._admins)
                continue
            stage = Stage.from_panel(result.status)
            if stage is not order.stage:
                transitions.append((order.id, stage, result.start_count, result.remains))
            elif _moved(order, result):
                progress.append((order.id, result.start_count, result.remains))
        # Most cycles change nothing; progress is one statement; transitions (each with its
        # refund and notification) are written a batch per transaction.
        await self._repo.update_progress(progress)
        for start in range(0, len(transitions), BATCH_SIZE):
            report.changed += await self._repo.apply_statuses(
                transitions[start : start + BATCH_SIZE], self._admins
            )

    async def _poll_refills(self, report: CycleReport) -> None:
        open_refills = await self._repo.open_refills()
        report.refills = len(open_refills)
        if not open_refills:
            return
        by_panel_id = {panel_id: refill_id for refill_id, panel_id in open_refills}
        results: dict[int, RefillState | PanelError] = await self._fetch(
            list(by_panel_id), self._panel.refill_statuses, report
        )
        for panel_id, result in results.items():
            refill_id = by_panel_id[panel_id]
            if isinstance(result, PanelError):
                report.errors += 1
                await self._repo.record_refill_error(refill_id, self._error_limit)
                continue
            if await self._repo.apply_refill_status(
                refill_id, RefillStage.from_panel(result.status)
            ):
                report.changed += 1

    async def _check_balance(self) -> None:
        """Alert admins once when the panel balance crosses below the threshold."""
        if (
            self._low_balance is None
            or time.monotonic() - self._last_balance_check < self._balance_every
        ):
            return
        self._last_balance_check = time.monotonic()
        try:
            balance = await self._panel.balance()
        except PanelError:
            return
        alerted = await self._repo.get_kv(LOW_BALANCE_KEY) is not None
        if balance.balance < self._low_balance and not alerted:
            await self._repo.set_kv(LOW_BALANCE_KEY, str(balance.balance))
            await self._repo.enqueue(
                self._admins,
                "admin_low_balance",
                {"balance": str(balance.balance), "currency": balance.currency},
            )
        elif balance.balance >= self._low_balance and alerted:
            await self._repo.set_kv(LOW_BALANCE_KEY, None)
