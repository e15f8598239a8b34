"""The last view of every product the shop sold: a product that vanished from every panel
stays in the catalog (paused) from this copy, and is sold again once a panel lists it."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from bot.core.panels import Service
from bot.core.storage.base import StoreBase

logger = logging.getLogger(__name__)


def service_data(service: Service) -> str:
    return json.dumps(
        {
            "service": service.id,
            "name": service.name,
            "rate": str(service.rate),
            "min": service.min,
            "max": service.max,
            "type": service.type,
            "category": service.category,
            "refill": service.refill,
            "cancel": service.cancel,
            "dripfeed": service.dripfeed,
            "description": service.description,
        },
        ensure_ascii=False,
        sort_keys=True,
    )


class CatalogItems(StoreBase):
    async def remember(self, views: Sequence[Service]) -> None:
        """Keep each product's view; those no panel lists any more are marked vanished.
        Only what changed is written (a catalog of thousands mostly does not)."""
        async with self.db.read() as conn:
            found = (
                await conn.execute("SELECT product_id, data, vanished_at FROM catalog_items")
            ).all()
        stored = {int(r[0]): (str(r[1]), r[2]) for r in found}
        now = time.time()
        current = {s.id: service_data(s) for s in views}
        changed: list[dict[str, Any]] = [
            {"id": product_id, "data": data}
            for product_id, data in current.items()
            if stored.get(product_id) is None
            or stored[product_id][0] != data
            or stored[product_id][1] is not None
        ]
        gone = [
            {"id": product_id, "now": now}
            for product_id, (_, vanished_at) in stored.items()
            if product_id not in current and vanished_at is None
        ]
        if not changed and not gone:
            return
        async with self.db.write() as conn:  # a batch each: thousands of rows, two statements
            if changed:
                await conn.execute(
                    "INSERT INTO catalog_items (product_id, data) VALUES (:id, :data)"
                    " ON CONFLICT (product_id) DO UPDATE SET data = excluded.data,"
                    " vanished_at = NULL",
                    changed,
                )
            if gone:
                await conn.execute(
                    "UPDATE catalog_items SET vanished_at = :now WHERE product_id = :id", gone
                )

    async def vanished(self) -> list[Service]:
        query = "SELECT data FROM catalog_items WHERE vanished_at IS NOT NULL"
        async with self.db.read() as conn:
            found = (await conn.execute(query)).all()
        services = []
        for (data,) in found:
            try:
                services.append(Service.from_panel(json.loads(data)))
            except (ValueError, ValidationError):
                logger.warning("a stored catalog item could not be read; skipped")
        return services
