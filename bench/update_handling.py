"""Cost per update of the project's dispatcher vs a bare aiogram dispatcher with one echo handler.

A realistic mixed stream (start, menu, catalog pages, search, the order form, My orders,
stale buttons) is fed with `feed_update`; Telegram is mocked by a recording session.
Run: .venv/bin/python -m bench.update_handling [rounds] [--postgres [--redis]]
(--postgres: a fresh database on the server TEST_POSTGRES_URL names, or on a throwaway server
this starts; --redis: the conversation in Redis, as replicas run.)
The last line is the median ratio of three runs in one process.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from aiogram import Dispatcher, Router
from aiogram.types import Message, Update

from bench.services import throwaway_services
from bot.app import build_services, create_dispatcher
from bot.core.settings import SANDBOX_API_KEY, Settings
from bot.sandbox import SandboxPanel, start_sandbox
from bot.ui.callbacks import (
    CategoryPage,
    FormChoice,
    OrderAction,
    OrdersPage,
    OrderStart,
    ServicePick,
)
from tests.backends import fresh_database_url
from tests.fakes import TOKEN, callback_update, make_bot, text_update

USERS = 50


def stream(rounds: int) -> list[Update]:
    """Per user: the updates of one browse-and-fill session, interleaved across users."""
    sessions = []
    for n in range(USERS):
        uid = 100_000 + n
        sessions.append(
            [
                text_update(uid, "/start"),
                text_update(uid, "New order"),
                callback_update(uid, CategoryPage(page=1).pack()),
                callback_update(uid, CategoryPage(page=0).pack()),
                text_update(uid, "followers"),
                callback_update(uid, ServicePick(id=1).pack()),
                callback_update(uid, OrderStart(id=1).pack()),
                text_update(uid, "https://instagram.com/p/bench"),
                text_update(uid, "not a number"),
                text_update(uid, "500"),
                callback_update(uid, FormChoice(value="no").pack()),
                text_update(uid, "My orders"),
                callback_update(uid, OrdersPage(page=0).pack()),
                callback_update(uid, OrderAction(id=999_999, action="view").pack()),
                text_update(uid, "Balance"),
                text_update(uid, "Help"),
            ]
        )
    one_round = [u for group in itertools.zip_longest(*sessions) for u in group if u is not None]
    return one_round * rounds


async def timed(dp: Dispatcher, bot: object, updates: list[Update]) -> float:
    started = time.perf_counter()
    for update in updates:
        await dp.feed_update(bot, update)  # type: ignore[arg-type]
    return time.perf_counter() - started


def bare_dispatcher() -> Dispatcher:
    dp = Dispatcher()
    router = Router()

    @router.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    @router.callback_query()
    async def answer(query: object) -> None:
        await query.answer()  # type: ignore[attr-defined]

    dp.include_router(router)
    return dp


async def main(rounds: int, backend: str, runs: int = 3, redis_url: str | None = None) -> None:
    panel = SandboxPanel(step_seconds=3600)
    runner, url = await start_sandbox(panel)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(
            bot_token=TOKEN,
            panel_api_url=url,
            panel_api_key=SANDBOX_API_KEY,
            database_path=Path(folder) / "bench.sqlite3",
            database_url=await fresh_database_url(backend),
            markup_percent=Decimal(30),
            throttle_rate_per_second=10_000,
            redis_url=redis_url,
            _env_file=None,
        )
        services = await build_services(settings)
        dp = create_dispatcher(services, background=False)
        bot, _ = make_bot(like_telegram=False)
        await dp.emit_startup(bot=bot, dispatcher=dp)
        await services.catalog.get()
        bare = bare_dispatcher()
        bare_bot, _ = make_bot(like_telegram=False)
        updates = stream(rounds)
        await timed(dp, bot, stream(1))  # warm-up: users stored, caches filled
        await timed(bare, bare_bot, stream(1))
        results = []
        for _ in range(runs):  # both dispatchers in turn, so both see the same machine load
            project = await timed(dp, bot, updates)
            baseline = await timed(bare, bare_bot, updates)
            results.append((project / baseline, project, baseline))
        await dp.emit_shutdown(bot=bot, dispatcher=dp)
    await runner.cleanup()
    count = len(updates)
    where = backend + (" + Redis (conversations)" if redis_url else "")
    print(f"backend: {where}; updates per run: {count}; runs: {runs}")
    for number, (ratio, project, baseline) in enumerate(results, start=1):
        print(
            f"run {number}: project {project / count * 1e6:.0f} µs/update, "
            f"bare {baseline / count * 1e6:.0f} µs/update, {ratio:.2f}x"
        )
    median = statistics.median(ratio for ratio, _, _ in results)
    target = "≤ 3x" if backend == "postgres" else "≤ 2x"
    print(f"ratio: {median:.2f}x (target {target})")


if __name__ == "__main__":
    numbers = [arg for arg in sys.argv[1:] if arg.isdigit()]
    rounds = int(numbers[0]) if numbers else 3
    if "--postgres" in sys.argv:
        with throwaway_services(redis="--redis" in sys.argv) as running:
            os.environ["TEST_POSTGRES_URL"] = running["postgres"]
            asyncio.run(main(rounds, "postgres", redis_url=running.get("redis")))
    else:
        asyncio.run(main(rounds, "sqlite"))
