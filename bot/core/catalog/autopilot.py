"""The catalog autopilot, run once per catalog refresh by whichever replica takes the turn:
the price history and the products' last views recorded, one digest to the admins when
something moved, and an alert once per service sold below its cost or under
MARGIN_ALERT_PERCENT (told again only after it recovered)."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from decimal import Decimal

from bot.core.catalog.curation import Curation, margin_percent
from bot.core.catalog.item_store import CatalogItems
from bot.core.catalog.pricing import Pricing
from bot.core.catalog.watch import Changes, PriceWatch
from bot.core.notifications.outbox_store import OutboxStore
from bot.core.outbox import OutboxKind
from bot.core.panels import Service
from bot.core.storage.kv import KeyValueStore

logger = logging.getLogger(__name__)

TURN = "catalog-watch"  # one replica at a time records a refresh
TURN_SECONDS = 300.0
ALERTED = "alerted:"  # alerted:below-cost:<id>, alerted:margin:<id>
CATALOG_TOPIC = "catalog"


class Autopilot:
    def __init__(
        self,
        watch: PriceWatch,
        items: CatalogItems,
        curation: Curation,
        pricing: Pricing,
        settings: KeyValueStore,
        outbox: OutboxStore,
        admin_ids: Iterable[int],
        *,
        support_chat_id: int | None = None,
        margin_alert_percent: Decimal = Decimal(10),
    ) -> None:
        self._watch = watch
        self._items = items
        self._curation = curation
        self._pricing = pricing
        self._settings = settings
        self._outbox = outbox
        self._admins = list(admin_ids)
        self._support_chat = support_chat_id
        self._margin = margin_alert_percent

    async def observe(
        self, lists: Sequence[tuple[str, Sequence[Service]]], views: Sequence[Service]
    ) -> Changes | None:
        """After a refresh: what moved is recorded, digested and checked against the prices
        once across replicas (a replica that finds the turn taken leaves it to the one
        recording)."""
        if not await self._settings.claim(TURN, TURN_SECONDS):
            return None
        try:
            changes = await self._watch.observe(lists)
            await self._items.remember(views)
            if changes is not None and changes.moves:
                await self._digest(changes)
            await self.check_margins(views)
            return changes
        finally:
            await self._settings.release(TURN)

    async def _digest(self, changes: Changes) -> None:
        payload = changes.digest()
        if self._support_chat is not None:
            payload["topic"] = CATALOG_TOPIC
            await self._outbox.enqueue(
                [self._support_chat], OutboxKind.ADMIN_CATALOG_DIGEST, payload
            )
        else:
            await self._outbox.enqueue(self._admins, OutboxKind.ADMIN_CATALOG_DIGEST, payload)

    async def check_margins(self, views: Sequence[Service]) -> None:
        """Alert once per service under its cost (it is paused meanwhile) or under the
        margin threshold; forget the alert once the price covers it again."""
        alerted = await self._settings.kv_with_prefix(ALERTED)
        for service in views:
            sale = self._pricing.rate(service)
            below = self._curation.below_cost(service)
            thin = not below and margin_percent(sale, service.rate) < self._margin
            for kind, now in (("below-cost", below), ("margin", thin)):
                key = f"{ALERTED}{kind}:{service.id}"
                if now and key not in alerted:
                    await self._settings.set_kv(key, "1")
                    await self._alert(kind, service, sale)
                elif not now and key in alerted:
                    await self._settings.set_kv(key, None)

    async def _alert(self, kind: str, service: Service, sale: Decimal) -> None:
        alert = OutboxKind.ADMIN_BELOW_COST if kind == "below-cost" else OutboxKind.ADMIN_LOW_MARGIN
        payload = {
            "id": service.id,
            "name": service.name[:120],
            "price": str(sale),
            "cost": str(service.rate),
            "margin": str(self._margin),
        }
        await self._outbox.enqueue(self._admins, alert, payload)
