"""What the bot measures for whoever runs it (Prometheus). Module-level, as prometheus-client
expects: one set of metrics per process, however many dispatchers a test builds."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

UPDATES = Counter("smm_updates_total", "Telegram updates handled", ["type"])
UPDATE_SECONDS = Histogram(
    "smm_update_seconds",
    "Time to handle one update",
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
ORDERS = Counter("smm_orders_total", "Order placements by outcome", ["panel", "outcome"])
PANEL_CALLS = Counter(
    "smm_panel_calls_total", "Panel API calls by action and result", ["action", "result"]
)
PANEL_SECONDS = Histogram(
    "smm_panel_call_seconds",
    "Panel API call latency",
    ["action"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
OUTBOX_DEPTH = Gauge("smm_outbox_depth", "Messages waiting in the outbox")
MESSAGES_SENT = Counter("smm_messages_sent_total", "Outbox messages Telegram accepted")
TELEGRAM_429 = Counter("smm_telegram_429_total", "Telegram's 'too many requests' answers")
POLLER_SECONDS = Histogram(
    "smm_poller_cycle_seconds",
    "One poller cycle over every open order and refill",
    buckets=(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
WALLETS = Gauge("smm_wallet_liabilities", "What customers hold in their wallets")
PANEL_BALANCE = Gauge("smm_panel_balance", "The panel's balance at its last reading")
