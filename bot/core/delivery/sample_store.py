"""What delivery times are learnt from: how long each recent completed order of a service took."""

from __future__ import annotations

from bot.core.delivery.estimates import Sample
from bot.core.domain import Stage
from bot.core.storage.base import StoreBase


class SampleStore(StoreBase):
    async def delivery_samples(self, service_id: int, limit: int = 200) -> list[Sample]:
        """The latest completed orders of a service: how long each took, for how many."""
        query = (
            "SELECT status_changed_at - created_at, quantity FROM orders"
            " WHERE service_id = :service_id AND status = :completed ORDER BY id DESC LIMIT :limit"
        )
        params = {"service_id": service_id, "completed": Stage.COMPLETED, "limit": limit}
        async with self.db.read() as conn:
            rows = (await conn.execute(query, params)).all()
        return [Sample(seconds=float(r[0]), quantity=int(r[1])) for r in rows]
