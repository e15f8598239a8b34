"""Facts about the shop that handlers need: the wallet currency follows the panel's."""

from __future__ import annotations

import logging

from bot.core.panels import PanelClient, PanelError

logger = logging.getLogger(__name__)


class Shop:
    def __init__(
        self,
        currency: str | None = None,
        accepts_crypto: bool = False,
        demo: bool = False,
    ) -> None:
        # The owner's choice (WALLET_CURRENCY) stays; otherwise the panel's, once learned.
        self._chosen = currency is not None
        self.currency = currency or "USD"
        self.accepts_crypto = accepts_crypto  # Crypto Pay is configured
        # The built-in sandbox panel: orders are simulated, so no real payment is taken and
        # every price the customer sees says so.
        self.demo = demo

    async def learn_currency(self, panel: PanelClient) -> None:
        if self._chosen:
            return
        try:
            balance = await panel.balance()
        except PanelError as exc:
            logger.warning("could not read the panel currency", extra={"error": type(exc).__name__})
            return
        self.currency = balance.currency or self.currency
