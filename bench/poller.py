"""One poller cycle over 10,000 open orders against the sandbox panel over real HTTP.

Prints the number of status calls (must be 100: ceil(10,000 / 100)) and the wall time. The
sandbox runs in a process of its own, as a real panel is another machine: its time to answer
is latency the poller waits for, not work the poller does on the bot's loop.
Run: .venv/bin/python -m bench.poller [orders] [--postgres]
(--postgres: a fresh database on the server TEST_POSTGRES_URL names, as the tests use.)
"""

from __future__ import annotations

import asyncio
import multiprocessing
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import httpx
from pydantic import SecretStr

from bot.core.domain import Stage
from bot.core.panels import PanelClient
from bot.core.storage import Database
from bot.core.storage.db import insert_sql
from bot.core.stores import Stores
from bot.core.tracking.poller import Poller
from bot.sandbox import SandboxPanel, start_sandbox
from bot.sandbox.server import SandboxOrder
from tests.backends import fresh_database_url


def seed_panel(sandbox: SandboxPanel, count: int) -> None:
    """The same orders on the panel: half of them old enough to have moved on a stage."""
    service = sandbox.state.services[1]
    for n in range(count):
        panel_id = 100_000 + n
        sandbox.state.orders[panel_id] = SandboxOrder(
            id=panel_id,
            service=service,
            link=f"https://x.y/{n}",
            quantity=1000,
            charge=Decimal("0.9"),
            created=time.monotonic() - (150 if n % 2 else 0),
            start_count=10,
        )


async def seed(db: Database, count: int) -> None:
    """Open orders in the bot's database, written in bulk."""
    now = time.time()
    async with db.write() as conn:
        await conn.execute(
            insert_sql(
                "users", ["id", "username", "first_name", "is_banned", "is_active", "created_at"]
            ),
            [
                {
                    "id": 1,
                    "username": "bench",
                    "first_name": "B",
                    "is_banned": False,
                    "is_active": True,
                    "created_at": now,
                }
            ],
        )
        rows = []
        for n in range(count):
            panel_id = 100_000 + n
            rows.append(
                {
                    "user_id": 1,
                    "client_token": f"bench-{n}",
                    "service_id": 1,
                    "service_name": "S",
                    "service_type": "Default",
                    "category": "C",
                    "link": f"https://x.y/{n}",
                    "fields": "{}",
                    "quantity": 1000,
                    "charge_micros": 1_170_000,
                    "cost_micros": 900_000,
                    "currency": "USD",
                    "status": Stage.PENDING,
                    "panel_order_id": panel_id,
                    "poll_errors": 0,
                    "created_at": now,
                    "status_changed_at": now,
                }
            )
        await conn.execute(insert_sql("orders", list(rows[0])), rows)


def serve_panel(count: int, urls: multiprocessing.Queue[str]) -> None:
    """The child process: a seeded sandbox panel, serving until it is terminated."""

    async def serve() -> None:
        sandbox = SandboxPanel(step_seconds=100, services=50)
        seed_panel(sandbox, count)
        urls.put((await start_sandbox(sandbox))[1])
        await asyncio.Event().wait()

    asyncio.run(serve())


async def main(count: int, backend: str, url: str) -> None:
    print(f"backend: {backend}")
    status_calls = 0

    async def count_status_calls(request: httpx.Request) -> None:
        nonlocal status_calls
        status_calls += b"action=status" in request.content

    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "poll.sqlite3", await fresh_database_url(backend))
        await seed(db, count)
        hooks = {"request": [count_status_calls]}
        async with httpx.AsyncClient(timeout=60, event_hooks=hooks) as http:
            stores = Stores.over(db)
            panel = PanelClient(http, url, SecretStr("sandbox-key"))
            poller = Poller(stores.statuses, stores.refills, panel, 60, [])
            for label in ("first cycle (half the orders change)", "second cycle (nothing changes)"):
                before = status_calls
                started = time.perf_counter()
                report = await poller.cycle()
                elapsed = time.perf_counter() - started
                print(
                    f"{label}: {report.orders} open orders, {status_calls - before} status "
                    f"calls (expected {-(-count // 100)}), {report.changed} changed, "
                    f"{elapsed:.2f} s"
                )
        await db.close()


if __name__ == "__main__":
    numbers = [arg for arg in sys.argv[1:] if arg.isdigit()]
    backend = "postgres" if "--postgres" in sys.argv else "sqlite"
    count = int(numbers[0]) if numbers else 10_000
    urls: multiprocessing.Queue[str] = multiprocessing.Queue()
    panel = multiprocessing.Process(target=serve_panel, args=(count, urls), daemon=True)
    panel.start()
    try:
        asyncio.run(main(count, backend, urls.get(timeout=60)))
    finally:
        panel.terminate()
