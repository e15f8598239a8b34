"""Alerts admins once each time a panel's balance falls below a threshold (each panel on its
own: one panel running dry is told even while the others are well funded)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from decimal import Decimal

from bot.core.notifications.outbox_store import OutboxStore
from bot.core.ops import metrics
from bot.core.ops.periodic import repeat
from bot.core.outbox import OutboxKind
from bot.core.panels import PanelClient
from bot.core.panels.health import Panels
from bot.core.payments.wallet_store import WalletStore
from bot.core.settings import DEFAULT_PANEL
from bot.core.storage.kv import KeyValueStore

logger = logging.getLogger(__name__)
LOW_BALANCE_KEY = "alert:low_balance"


def alert_key(panel: str) -> str:
    # The single panel keeps the key it always had: a restart after upgrading does not repeat.
    return LOW_BALANCE_KEY if panel == DEFAULT_PANEL else f"{LOW_BALANCE_KEY}:{panel}"


class BalanceWatch:
    def __init__(
        self,
        settings: KeyValueStore,
        outbox: OutboxStore,
        wallets: WalletStore,
        panels: Panels | PanelClient,
        admin_ids: Iterable[int],
        threshold: Decimal,
        every_seconds: float = 300.0,
        fresh_seconds: float = 60.0,
    ) -> None:
        self._settings = settings  # where an alert is remembered across restarts
        self._outbox = outbox
        self._wallets = wallets
        self._panels = panels if isinstance(panels, Panels) else Panels({DEFAULT_PANEL: panels})
        self._admins = list(admin_ids)
        self.threshold = threshold
        self._every = every_seconds
        self._fresh = fresh_seconds

    async def run(self) -> None:
        await repeat(self.check, self._every, "panel balance check")

    async def check(self) -> None:
        """One look at each balance: alert on a crossing below, re-arm once it is back above.
        The alert's state is stored, so a restart neither repeats nor forgets it."""
        # The panels' health probes read balances every poll interval: recent ones are reused.
        await self._panels.probe_all(max_age=self._fresh)
        total = Decimal(0)
        for name in self._panels.names:
            balance = self._panels.health[name].balance
            if balance is None:
                continue
            total += balance.balance
            key = alert_key(name)
            alerted = await self._settings.get_kv(key) is not None
            if balance.balance < self.threshold and not alerted:
                await self._settings.set_kv(key, str(balance.balance))
                payload = {
                    "balance": str(balance.balance),
                    "currency": balance.currency,
                    "panel": name,
                }
                await self._outbox.enqueue(self._admins, OutboxKind.ADMIN_LOW_BALANCE, payload)
            elif balance.balance >= self.threshold and alerted:
                await self._settings.set_kv(key, None)
        # Prometheus speaks floats: these two are for graphs, never for money decisions.
        metrics.PANEL_BALANCE.set(float(total))
        metrics.WALLETS.set(float(await self._wallets.total_balances()))
