"""Alerts admins once each time the panel's balance falls below a threshold."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from decimal import Decimal

from bot.core import metrics
from bot.core.outbox import OutboxKind
from bot.core.panel import PanelClient, PanelError
from bot.core.periodic import repeat
from bot.core.storage import Repository

logger = logging.getLogger(__name__)
LOW_BALANCE_KEY = "alert:low_balance"


class BalanceWatch:
    def __init__(
        self,
        repo: Repository,
        panel: PanelClient,
        admin_ids: Iterable[int],
        threshold: Decimal,
        every_seconds: float = 300.0,
    ) -> None:
        self._repo = repo
        self._panel = panel
        self._admins = list(admin_ids)
        self.threshold = threshold
        self._every = every_seconds

    async def run(self) -> None:
        await repeat(self.check, self._every, "panel balance check")

    async def check(self) -> None:
        """One look at the balance: alert on a crossing below, re-arm once it is back above.
        The alert's state is stored, so a restart neither repeats nor forgets it."""
        try:
            balance = await self._panel.balance()
        except PanelError:
            return
        # Prometheus speaks floats: these two are for graphs, never for money decisions.
        metrics.PANEL_BALANCE.set(float(balance.balance))
        metrics.WALLETS.set(float(await self._repo.total_balances()))
        alerted = await self._repo.get_kv(LOW_BALANCE_KEY) is not None
        if balance.balance < self.threshold and not alerted:
            await self._repo.set_kv(LOW_BALANCE_KEY, str(balance.balance))
            await self._repo.enqueue(
                self._admins,
                OutboxKind.ADMIN_LOW_BALANCE,
                {"balance": str(balance.balance), "currency": balance.currency},
            )
        elif balance.balance >= self.threshold and alerted:
            await self._repo.set_kv(LOW_BALANCE_KEY, None)
