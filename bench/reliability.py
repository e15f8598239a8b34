"""Services' measured records (issue 36) for 100,000 orders: what recording an order's moves
costs the leader (the record updated in memory and written back, with the facts read from
the orders table, in batches of 100 as the poller stores them) and what a card's read costs.
Run: .venv/bin/python -m bench.reliability [orders] [--postgres]
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bot.core.domain import Stage
from bot.core.notifications.outbox_store import OutboxStore
from bot.core.reliability.book import ReliabilityBook
from bot.core.reliability.store import RecordStore
from bot.core.storage.db import Database, insert_sql
from tests.backends import fresh_database_url

SERVICES = 1000
BATCH = 100
_ORDER_COLUMNS = [
    "id", "user_id", "client_token", "service_id", "service_name", "service_type", "category",
    "link", "fields", "quantity", "charge_micros", "cost_micros", "currency", "status", "panel",
    "created_at", "status_changed_at", "poll_errors",
]  # fmt: skip


async def _fill(db: Database, orders: int, now: float) -> None:
    async with db.write() as conn:
        await conn.execute(
            insert_sql("users", ["id", "first_name", "is_banned", "is_active", "created_at"]),
            {"id": 1, "first_name": "U", "is_banned": False, "is_active": True, "created_at": now},
        )
    rows = [
        {
            "id": n,
            "user_id": 1,
            "client_token": f"t{n}",
            "service_id": n % SERVICES,
            "service_name": "s",
            "service_type": "Default",
            "category": "c",
            "link": "l",
            "fields": "{}",
            "quantity": 1000,
            "charge_micros": 1,
            "cost_micros": 1,
            "currency": "USD",
            "status": "pending",
            "panel": "main" if n % 3 else "beta",
            "created_at": now - 3600,
            "status_changed_at": now,
            "poll_errors": 0,
        }
        for n in range(1, orders + 1)
    ]
    for start in range(0, len(rows), 5000):
        async with db.write() as conn:
            await conn.execute(insert_sql("orders", _ORDER_COLUMNS), rows[start : start + 5000])


async def _no_quarantine(service_id: int, until: float, evidence: str) -> str | None:
    return None


async def run(orders: int, database_url: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "records.sqlite3", database_url)
        try:
            now = time.time()
            await _fill(db, orders, now)
            book = ReliabilityBook(RecordStore(db), _no_quarantine, OutboxStore(db), [])
            random.seed(7)
            ids = list(range(1, orders + 1))
            began = time.perf_counter()
            for start in range(0, orders, BATCH):
                batch = ids[start : start + BATCH]
                await book.observe([(n, Stage.PENDING, Stage.IN_PROGRESS) for n in batch])
                ends = [Stage.COMPLETED] * 8 + [Stage.PARTIAL, Stage.CANCELED]
                await book.observe([(n, Stage.IN_PROGRESS, random.choice(ends)) for n in batch])
            per_order = (time.perf_counter() - began) / orders * 1e6
            await book.reload()
            reads = []
            for _ in range(5):
                began = time.perf_counter()
                for service_id in range(SERVICES):
                    await book.of(service_id)
                reads.append((time.perf_counter() - began) / SERVICES * 1e6)
            shown = await book.of(1)
            print(
                f"reliability: {orders} orders, record update {per_order:.0f} µs,"
                f" card read {statistics.median(reads):.0f} µs"
            )
            print(
                f"  ({SERVICES} services on 2 panels; an order's start and end each update its"
                f" record, read and written back in batches of {BATCH}; service 1:"
                f" {shown.orders} orders, {round(100 * (shown.completed_share or 0))} % completed,"
                f" {shown.verdict.value})"
            )
        finally:
            await db.close()


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    orders = int(args[0]) if args else 100_000
    backend = "postgres" if "--postgres" in sys.argv else "sqlite"

    async def go() -> None:
        await run(orders, await fresh_database_url(backend))

    asyncio.run(go())


if __name__ == "__main__":
    main()
