"""The panels the shop sells from, with each one's health: outages, error rate, latency and
last error, learnt from every call's outcome and from a `balance` probe of every panel each
poll interval (so a panel that went down is known before a customer's order reaches it)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal

from bot.core.ops.periodic import repeat
from bot.core.panels import Balance, PanelClient, PanelError

logger = logging.getLogger(__name__)
LATENCY_WEIGHT = 0.2  # an exponential moving average: recent calls count most


class PanelNotConfiguredError(PanelError):
    """An order's panel is no longer in PANELS: nothing is sent to another panel instead."""


@dataclass
class PanelHealth:
    name: str
    probes: int = 0
    failures: int = 0
    outages: int = 0
    latency_seconds: float | None = None
    last_error: str | None = None
    balance: Balance | None = None  # at the last probe that answered
    probed_at: float | None = None  # monotonic

    @property
    def error_rate(self) -> float:
        return self.failures / self.probes if self.probes else 0.0


@dataclass(frozen=True)
class PanelState:
    """What admins are shown of a panel (/panels, the console's Panels)."""

    name: str
    up: bool
    down_seconds: int | None  # for how long it has been down
    health: PanelHealth
    orders: int  # open orders it may still work on…
    owed: Decimal  # …and what they cost there

    @property
    def short(self) -> bool:
        """Its balance is less than what it may still spend on open orders."""
        balance = self.health.balance
        return balance is not None and balance.balance < self.owed


PROBE_SECONDS = 5.0


class Panels:
    """Every configured panel by name, in `PANELS` order (the first is the primary)."""

    def __init__(self, clients: dict[str, PanelClient]) -> None:
        assert clients, "at least one panel"
        self._clients = clients
        self.health = {name: PanelHealth(name) for name in clients}
        self._on_change: list[Callable[[], Awaitable[None]]] = []
        self._healthy = self._up_now()

    def __iter__(self) -> Iterator[str]:
        return iter(self._clients)

    def __len__(self) -> int:
        return len(self._clients)

    @property
    def names(self) -> list[str]:
        return list(self._clients)

    @property
    def primary(self) -> str:
        return next(iter(self._clients))

    def client(self, name: str) -> PanelClient:
        """The panel named so. Never another one: an order id means nothing elsewhere."""
        found = self._clients.get(name)
        if found is None:
            raise PanelNotConfiguredError(f"panel {name!r} is not configured")
        return found

    def items(self) -> list[tuple[str, PanelClient]]:
        return list(self._clients.items())

    def _up_now(self) -> frozenset[str]:
        return frozenset(n for n, c in self._clients.items() if c.unavailable_since is None)

    def healthy(self) -> frozenset[str]:
        """Panels answering now: every call's outcome updates this, not only probes."""
        return self._up_now()

    def on_change(self, react: Callable[[], Awaitable[None]]) -> None:
        """Called when a panel goes down or comes back (routing follows)."""
        self._on_change.append(react)

    async def notice_changes(self) -> bool:
        now = self._up_now()
        if now == self._healthy:
            return False
        for name in self._healthy - now:
            self.health[name].outages += 1
            logger.warning("panel down: its products fail over", extra={"panel": name})
        for name in now - self._healthy:
            logger.warning("panel back: routing uses it again", extra={"panel": name})
        self._healthy = now
        for react in self._on_change:
            await react()
        return True

    async def states(self, owed: Mapping[str, tuple[int, Decimal]]) -> list[PanelState]:
        """Every panel probed now (never longer than a few seconds for a hung one), with
        what is owed on it (`owed`: open orders and their cost per panel)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.probe_all(), PROBE_SECONDS)
        healthy = self.healthy()
        found = []
        for name, client in self._clients.items():
            since = client.unavailable_since
            count, cost = owed.get(name, (0, Decimal(0)))
            down = int(time.monotonic() - since) if since is not None else None
            found.append(PanelState(name, name in healthy, down, self.health[name], count, cost))
        return found

    async def probe(self, name: str) -> bool:
        """One `balance` call, recorded in the panel's health. True if the panel answered."""
        health = self.health[name]
        started = time.monotonic()
        health.probes += 1
        health.probed_at = started
        try:
            health.balance = await self.client(name).probe()
        except PanelError as exc:
            health.balance = None  # unknown while it does not answer
            health.failures += 1
            health.last_error = f"{type(exc).__name__}: {exc.detail or ''}".strip(": ")[:200]
            return False
        finally:
            took = time.monotonic() - started
            previous = health.latency_seconds
            health.latency_seconds = (
                took if previous is None else previous + LATENCY_WEIGHT * (took - previous)
            )
        return True

    async def probe_all(self, max_age: float = 0.0) -> None:
        """Probe every panel not probed in the last `max_age` seconds (the poller probes the
        panels it had nothing to ask; the balance watch reuses what the probes learnt)."""
        now = time.monotonic()
        stale = [
            name
            for name, health in self.health.items()
            if health.probed_at is None or now - health.probed_at >= max_age
        ]
        await asyncio.gather(*(self.probe(name) for name in stale))
        await self.notice_changes()

    async def run(self, every_seconds: float) -> None:
        await repeat(
            lambda: self.probe_all(max_age=every_seconds / 2), every_seconds, "panel probe"
        )
