"""One poller cycle over 10,000 open orders against the sandbox panel over real HTTP.

Prints the number of status calls (must be 100: ceil(10,000 / 100)) and the wall time.
Run: .venv/bin/python -m bench.poller [orders] [--postgres]
(--postgres: a fresh database on the server TEST_POSTGRES_URL names, as the tests use.)
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import httpx
from pydantic import SecretStr
from sqlalchemy import insert

from bot.core.domain import Stage
from bot.core.panel import PanelClient
from bot.core.poller import Poller
from bot.core.storage import Database, Repository
from bot.core.storage.tables import orders, users
from bot.sandbox import SandboxPanel, start_sandbox
from bot.sandbox.server import SandboxOrder
from tests.backends import fresh_database_url


async def seed(db: Database, sandbox: SandboxPanel, count: int) -> None:
    """Open orders in the bot's database and on the panel, written in bulk."""
    now = time.time()
    service = sandbox.state.services[1]
    async with db.write() as conn:
        await conn.execute(
            insert(users),
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
            sandbox.state.orders[panel_id] = SandboxOrder(
                id=panel_id,
                service=service,
                link=f"https://x.y/{n}",
                quantity=1000,
                charge=Decimal("0.9"),
                created=time.monotonic() - (150 if n % 2 else 0),
                start_count=10,
            )
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
        await conn.execute(insert(orders), rows)


async def main(count: int, backend: str) -> None:
    sandbox = SandboxPanel(step_seconds=100, services=50)
    runner, url = await start_sandbox(sandbox)
    print(f"backend: {backend}")
    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "poll.sqlite3", await fresh_database_url(backend))
        await seed(db, sandbox, count)
        async with httpx.AsyncClient(timeout=60) as http:
            poller = Poller(
                Repository(db), PanelClient(http, url, SecretStr("sandbox-key")), 60, []
            )
            for label in ("first cycle (half the orders change)", "second cycle (nothing changes)"):
                before = len(sandbox.state.requests)
                started = time.perf_counter()
                report = await poller.cycle()
                elapsed = time.perf_counter() - started
                calls = sum(
                    1 for r in sandbox.state.requests[before:] if r.get("action") == "status"
                )
                print(
                    f"{label}: {report.orders} open orders, {calls} status calls (expected "
                    f"{-(-count // 100)}), {report.changed} changed, {elapsed:.2f} s"
                )
        await db.close()
    await runner.cleanup()


if __name__ == "__main__":
    numbers = [arg for arg in sys.argv[1:] if arg.isdigit()]
    backend = "postgres" if "--postgres" in sys.argv else "sqlite"
    asyncio.run(main(int(numbers[0]) if numbers else 10_000, backend))
