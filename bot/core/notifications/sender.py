"""Drains the outbox through a Messenger (the Telegram layer implements it) within its limits.

About 25 messages a second in all (a paid broadcast up to 1,000 a second beside them: Telegram
lifts its limit for those and charges Stars) and at most one a second to one chat; a 429's
`retry_after` is waited out exactly; a user who blocked the bot (403) is marked inactive
and their pending messages dropped. A row is marked sent only after Telegram accepted it,
so a crash repeats at most the messages in flight and never loses one.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from bot.core.customers.directory import Customers
from bot.core.notifications.outbox_store import OutboxStore
from bot.core.ops import metrics
from bot.core.outbox import (
    Messenger,
    OutboxKind,
    OutboxRow,
    RecipientGoneError,
    SlowDownError,
    UndeliverableError,
)

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
MAX_BACKOFF = 300.0
BROADCAST_PROGRESS_EVERY = 10.0
PRUNE_ABOVE = 10_000
PAID_RATE_PER_SECOND = 1000.0  # Telegram's ceiling for paid broadcasts


class RateLimiter:
    """Evenly spaced slots: `rate` acquisitions a second, and a pause after a 429."""

    def __init__(self, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._spacing = 1.0 / rate
        self._clock = clock
        self._next = 0.0
        self.paused_until = 0.0

    async def acquire(self) -> None:
        now = self._clock()
        slot = max(now, self._next, self.paused_until)
        self._next = slot + self._spacing
        if slot > now:
            await asyncio.sleep(slot - now)

    def pause(self, seconds: float) -> None:
        self.paused_until = max(self.paused_until, self._clock() + seconds)


class Notifier:
    def __init__(
        self,
        messenger: Messenger,
        outbox: OutboxStore,
        customers: Customers,
        *,
        rate_per_second: float = 25.0,
        per_chat_interval: float = 1.0,
        concurrency: int = 16,
        paid_concurrency: int = 64,
        idle_poll_seconds: float = 0.5,
    ) -> None:
        self._messenger = messenger
        self._outbox = outbox
        self._customers = customers
        self._limiter = RateLimiter(rate_per_second)
        self._paid_limiter = RateLimiter(PAID_RATE_PER_SECOND)
        self._per_chat = per_chat_interval
        self._chat_ready_at: dict[int, float] = {}
        self._semaphore = asyncio.Semaphore(concurrency)
        self._paid_semaphore = asyncio.Semaphore(paid_concurrency)
        self._idle = idle_poll_seconds
        self._tasks: set[asyncio.Task[None]] = set()
        self._in_flight: set[int] = set()
        self.sent = 0
        self.retry_afters = 0

    async def run(self) -> None:
        try:
            while True:
                if not await self.drain_once():
                    await asyncio.sleep(self._idle)
        finally:
            await self.flush()

    async def flush(self) -> None:
        """Let messages already handed to Telegram finish, so their rows are marked sent."""
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    async def drain_once(self) -> int:
        """Start sending every due row whose chat may receive now; returns how many."""
        now = time.monotonic()
        if len(self._chat_ready_at) > PRUNE_ABOVE:
            # Chats whose pause is over need no record: keep the map as small as the traffic.
            self._chat_ready_at = {c: t for c, t in self._chat_ready_at.items() if t > now}
        started = 0
        due = await self._outbox.due_messages(time.time(), limit=500)
        metrics.OUTBOX_DEPTH.set(len(due))  # what is due now (at most the 500 read)
        for row in due:
            if row.id in self._in_flight or self._chat_ready_at.get(row.chat_id, 0.0) > now:
                continue
            self._chat_ready_at[row.chat_id] = now + self._per_chat
            self._in_flight.add(row.id)
            paid = row.kind is OutboxKind.PAID_BROADCAST
            semaphore = self._paid_semaphore if paid else self._semaphore
            await semaphore.acquire()
            await (self._paid_limiter if paid else self._limiter).acquire()
            task = asyncio.create_task(self._send(row, semaphore))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
            started += 1
            now = time.monotonic()
        return started

    async def _send(self, row: OutboxRow, semaphore: asyncio.Semaphore) -> None:
        try:
            await self._deliver(row)
        except Exception:
            logger.exception("outbox row failed", extra={"row": row.id})
            await self._retry_later(row)
        finally:
            self._in_flight.discard(row.id)
            semaphore.release()

    async def _deliver(self, row: OutboxRow) -> None:
        try:
            delivered = await self._messenger.deliver(row)
        except SlowDownError as exc:
            self.retry_afters += 1
            metrics.TELEGRAM_429.inc()
            self._limiter.pause(exc.retry_after)
            self._paid_limiter.pause(exc.retry_after)
            self._chat_ready_at[row.chat_id] = time.monotonic() + exc.retry_after
            logger.warning("telegram asked to slow down", extra={"retry_after": exc.retry_after})
            await self._outbox.reschedule(
                row.id, time.time() + exc.retry_after, count_attempt=False
            )
            return
        except RecipientGoneError:
            dropped = await self._customers.mark_inactive(row.chat_id)
            logger.info(
                "user blocked the bot; pending messages dropped",
                extra={"chat": row.chat_id, "dropped": dropped},
            )
            return
        except UndeliverableError as exc:
            logger.error(
                "message refused by telegram; dropped",
                extra={"chat": row.chat_id, "kind": row.kind, "error": str(exc)},
            )
            await self._outbox.drop_message(row.id)
            return
        if not delivered:  # nothing left to say (the order is gone)
            await self._outbox.drop_message(row.id)
            return
        if not await self._outbox.mark_sent(row):
            # A newer state of this message arrived while it was being sent: that one
            # follows (the chat's pace still applies).
            logger.debug("outbox row changed while sent; sending its newer state")
        self.sent += 1
        metrics.MESSAGES_SENT.inc()
        if row.kind is OutboxKind.BROADCAST_PROGRESS:
            await self._follow_broadcast(row)

    async def _follow_broadcast(self, row: OutboxRow) -> None:
        kind = OutboxKind(row.payload.get("kind", OutboxKind.BROADCAST))
        _, pending = await self._outbox.outbox_progress(kind, float(row.payload["started"]))
        if pending:
            await self._outbox.enqueue(
                [row.chat_id],
                OutboxKind.BROADCAST_PROGRESS,
                row.payload,
                delay=BROADCAST_PROGRESS_EVERY,
            )

    async def _retry_later(self, row: OutboxRow) -> None:
        if row.attempts + 1 >= MAX_ATTEMPTS:
            logger.error(
                "message given up after retries", extra={"chat": row.chat_id, "kind": row.kind}
            )
            await self._outbox.drop_message(row.id)
            return
        backoff = min(MAX_BACKOFF, 2.0 ** (row.attempts + 1))
        await self._outbox.reschedule(row.id, time.time() + backoff)
