"""Child shops (issue 35): the shop with N idle children — each its own services, database,
bot and dispatcher polling the Telegram stand-in, its catalog read from the parent in this
process — how long they take to start and how much memory each adds; then the cost of an
update in a child next to the parent's.

The Telegram stand-in (tests/e2e/node) and the sandbox panel run as in the whole-bot tests.
Run: .venv/bin/python -m bench.children [N] [--postgres]   (default 100; --postgres: the
parent on a fresh PostgreSQL database, each child a schema there — replicas' layout — on the
server TEST_POSTGRES_URL names, or on a throwaway one this starts)
Lines: `children: N shops, start-up X s, memory +Y MB per child` (goal with N = 100: under
10 s, under 5 MB) and `ratio: R (child / parent, per update)`.
"""

from __future__ import annotations

import asyncio
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from aiogram import Dispatcher
from aiogram.types import Update

from bench.services import throwaway_services
from bench.update_handling import stream, timed
from bot.app import ParentLink, Services, build_services, create_dispatcher, reseller_api_of
from bot.children_host import ChildHost
from bot.core.children.transport import ParentTransport
from bot.core.settings import SANDBOX_API_KEY, Settings
from tests.backends import fresh_database_url
from tests.e2e.stand import TOKEN, Stand
from tests.fakes import make_bot

FIRST_CHILD = 7_100_000
PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE / 1e6


async def all_loaded(host: ChildHost, ids: list[int], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        running = [host.running(bot_id) for bot_id in ids]
        if all(s is not None and s.catalog.current is not None for s in running):
            return
        await asyncio.sleep(0.1)
    raise RuntimeError("the children's catalogs did not load")


async def update_ratio(parent: Services, folder: Path, host: ChildHost) -> float:
    """The same stream through a child's dispatcher and the parent's, three runs each."""
    child_settings = host.settings_for((await parent.children.store.all())[0])
    child_settings = child_settings.model_copy(update={"database_path": folder / "ratio.sqlite3"})
    link = ParentLink(
        ParentTransport(reseller_api_of(parent).answer, 900),
        parent.translator,
        False,
        "shop",
        parent.leadership,
        await parent.db.child("child_ratio") if parent.db.shared else None,
    )
    child = await build_services(child_settings, parent=link)
    results = []
    pairs = []
    for services in (parent, child):
        dp = create_dispatcher(services, background=False)
        bot, _ = make_bot(like_telegram=False)
        await dp.emit_startup(bot=bot, dispatcher=dp)
        await services.catalog.get()
        await timed(dp, bot, stream(1))  # warm-up
        pairs.append((dp, bot))
    updates = stream(2)
    for _ in range(3):
        parent_time = await timed(*pairs[0], updates)
        child_time = await timed(*pairs[1], updates)
        results.append(child_time / parent_time)
        print(
            f"parent {parent_time / len(updates) * 1e6:.0f} µs/update, "
            f"child {child_time / len(updates) * 1e6:.0f} µs/update"
        )
    await interleaved(pairs, updates)
    await pairs[1][0].emit_shutdown(bot=pairs[1][1], dispatcher=pairs[1][0])
    return statistics.median(results)


async def interleaved(pairs: list[tuple[Dispatcher, Any]], updates: list[Update]) -> None:
    """Each child update right after one of the parent's: on PostgreSQL the pooled connection
    it gets last served the other shop and is pointed at the child's schema first."""
    child_time = 0.0
    for update in updates:
        await pairs[0][0].feed_update(pairs[0][1], update)
        child_time += await timed(*pairs[1], [update])
    print(f"interleaved: child {child_time / len(updates) * 1e6:.0f} µs/update")


async def main(count: int, database_url: str | None) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        stand = Stand(folder, poll_interval=60).start(with_bot=False)
        try:
            settings = Settings(
                bot_token=TOKEN,
                panel_api_url=f"{stand.sandbox_url}/api/v2",
                panel_api_key=SANDBOX_API_KEY,
                database_path=folder / "parent.sqlite3",
                telegram_api_url=stand.telegram_url,
                child_shops=True,
                database_url=database_url,
                throttle_rate_per_second=10_000,
                log_level="WARNING",
                _env_file=None,
            )
            parent = await build_services(settings)
            await parent.catalog.get()
            ids = [FIRST_CHILD + n for n in range(count)]
            for n, bot_id in enumerate(ids):
                await parent.children.store.add(bot_id, 900 + n, f"bench{n}_bot", f"{bot_id}:b{n}")
            host = ChildHost(parent, "TestNameBot")
            started = time.perf_counter()
            await host.start_all()  # the first start creates each child's database
            first = time.perf_counter() - started
            await all_loaded(host, ids)
            await host.close()
            gc.collect()
            before = rss_mb()
            host = ChildHost(parent, "TestNameBot")
            started = time.perf_counter()
            await host.start_all()
            restart = time.perf_counter() - started
            await all_loaded(host, ids)
            gc.collect()
            added = (rss_mb() - before) / count
            ratio = await update_ratio(parent, folder, host)
            await host.close()
            await parent.close()
        finally:
            stand.stop()
    print(f"first start (creates {count} databases): {first:.2f} s")
    print(
        f"children: {count} shops, start-up {restart:.2f} s, memory +{added:.1f} MB per child"
        " (goal with N = 100: under 10 s, under 5 MB)"
    )
    print(f"ratio: {ratio:.2f}x (child / parent, per update)")


def run() -> None:
    numbers = [arg for arg in sys.argv[1:] if arg.isdigit()]
    count = int(numbers[0]) if numbers else 100
    if "--postgres" not in sys.argv:
        asyncio.run(main(count, None))
        return
    with throwaway_services(redis=False) as running:
        os.environ["TEST_POSTGRES_URL"] = running["postgres"]
        url = asyncio.run(fresh_database_url("postgres"))
        print("PostgreSQL: the parent's tables and a schema per child, one pool")
        asyncio.run(main(count, url))


if __name__ == "__main__":
    run()
