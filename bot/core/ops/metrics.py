"""What the bot measures for whoever runs it (Prometheus). Module-level, as prometheus-client
expects: one set of metrics per process, however many dispatchers a test builds.

Until `enable()` (METRICS_ENABLED), every metric is a stand-in that records nothing: nobody
could read the figures, and prometheus-client (its registry and collectors, ~1 MB) is not
imported. Callers use the module's attributes at call time, so they see the real metrics
once enabled."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from prometheus_client import Counter, Gauge, Histogram


class _Unmeasured:
    """The part of a metric's interface the bot calls, doing nothing."""

    def labels(self, *_values: str, **_labels: str) -> _Unmeasured:
        return self

    def inc(self, amount: float = 1) -> None:
        return None

    def set(self, value: float) -> None:
        return None

    def observe(self, amount: float) -> None:
        return None

    def time(self) -> contextlib.nullcontext[None]:
        return contextlib.nullcontext()


_UNMEASURED: Any = _Unmeasured()

UPDATES: Counter = _UNMEASURED
UPDATE_SECONDS: Histogram = _UNMEASURED
ORDERS: Counter = _UNMEASURED
PANEL_CALLS: Counter = _UNMEASURED
PANEL_SECONDS: Histogram = _UNMEASURED
OUTBOX_DEPTH: Gauge = _UNMEASURED
MESSAGES_SENT: Counter = _UNMEASURED
TELEGRAM_429: Counter = _UNMEASURED
POLLER_SECONDS: Histogram = _UNMEASURED
WALLETS: Gauge = _UNMEASURED
PANEL_BALANCE: Gauge = _UNMEASURED


def enabled() -> bool:
    return not isinstance(UPDATES, _Unmeasured)


def enable() -> None:
    """Create the metrics in prometheus-client's registry (once per process)."""
    if enabled():
        return
    from prometheus_client import Counter, Gauge, Histogram

    globals().update(
        UPDATES=Counter("smm_updates_total", "Telegram updates handled", ["type"]),
        UPDATE_SECONDS=Histogram(
            "smm_update_seconds",
            "Time to handle one update",
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        ),
        ORDERS=Counter("smm_orders_total", "Order placements by outcome", ["panel", "outcome"]),
        PANEL_CALLS=Counter(
            "smm_panel_calls_total", "Panel API calls by action and result", ["action", "result"]
        ),
        PANEL_SECONDS=Histogram(
            "smm_panel_call_seconds",
            "Panel API call latency",
            ["action"],
            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
        ),
        OUTBOX_DEPTH=Gauge("smm_outbox_depth", "Messages waiting in the outbox"),
        MESSAGES_SENT=Counter("smm_messages_sent_total", "Outbox messages Telegram accepted"),
        TELEGRAM_429=Counter("smm_telegram_429_total", "Telegram's 'too many requests' answers"),
        POLLER_SECONDS=Histogram(
            "smm_poller_cycle_seconds",
            "One poller cycle over every open order and refill",
            buckets=(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
        ),
        WALLETS=Gauge("smm_wallet_liabilities", "What customers hold in their wallets"),
        PANEL_BALANCE=Gauge("smm_panel_balance", "The panel's balance at its last reading"),
    )
