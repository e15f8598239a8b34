"""Records in the database: one row per (service, panel), rewritten as its orders move."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.core.domain import PACKAGE_TYPES, normalize_type
from bot.core.reliability.record import Record
from bot.core.storage.base import StoreBase

Key = tuple[int, str]  # (service id, panel)


@dataclass(frozen=True)
class OrderFacts:
    """What the record needs of an order that moved."""

    id: int
    service_id: int
    panel: str
    quantity: int
    created_at: float
    per_thousand: bool


class RecordStore(StoreBase):
    async def load(self) -> dict[Key, Record]:
        async with self.db.read() as conn:
            rows = (await conn.execute("SELECT service_id, panel, data FROM service_records")).all()
        found: dict[Key, Record] = {}
        for service_id, panel, data in rows:
            try:
                found[(int(service_id), str(panel))] = Record.load(json.loads(data))
            except (ValueError, TypeError, AttributeError):
                continue  # a row hand-edited into nonsense: its service starts afresh
        return found

    async def save(self, records: Mapping[Key, Record]) -> None:
        if not records:
            return
        now = time.time()
        rows = [
            {"id": key[0], "panel": key[1], "data": json.dumps(record.dump()), "now": now}
            for key, record in records.items()
        ]
        async with self.db.write() as conn:
            await conn.execute(
                "INSERT INTO service_records (service_id, panel, data, updated_at)"
                " VALUES (:id, :panel, :data, :now) ON CONFLICT (service_id, panel)"
                " DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
                rows,
            )

    async def refill_order(self, refill_id: int) -> tuple[int, str] | None:
        """(service id, panel) of the order a refill is for."""
        async with self.db.read() as conn:
            found = await conn.execute(
                "SELECT o.service_id, o.panel FROM refills r JOIN orders o ON o.id = r.order_id"
                " WHERE r.id = :id",
                {"id": refill_id},
            )
            row = found.first()
            return None if row is None else (int(row[0]), str(row[1]))

    async def order_facts(self, order_ids: Iterable[int]) -> dict[int, OrderFacts]:
        ids = list(order_ids)
        if not ids:
            return {}
        async with self.db.read() as conn:
            rows = await conn.execute(
                "SELECT id, service_id, panel, quantity, created_at, service_type"
                " FROM orders WHERE id IN :ids",
                {"ids": ids},
            )
            return {
                int(r[0]): OrderFacts(
                    id=int(r[0]),
                    service_id=int(r[1]),
                    panel=str(r[2]),
                    quantity=int(r[3] or 0),
                    created_at=float(r[4]),
                    per_thousand=normalize_type(str(r[5])) not in PACKAGE_TYPES,
                )
                for r in rows.all()
            }
