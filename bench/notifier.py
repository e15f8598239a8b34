"""3,000 notifications to 1,000 chats through the local Bot API stand-in, which enforces
Telegram's limits (1 message a second per chat, 30 a second in all) by answering 429.

Prints the achieved rate, the highest rate seen by one chat and the number of 429s.
Run: .venv/bin/python -m bench.notifier [messages] [chats]   (needs `npm ci` in tests/e2e/node)
"""

from __future__ import annotations

import asyncio
import itertools
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.methods import SendMessage

from bot.core.customers.directory import Customers
from bot.core.notifications.sender import Notifier
from bot.core.outbox import OutboxKind
from bot.core.storage import Database
from bot.core.storage.db import insert_sql
from bot.core.stores import Stores
from bot.ui.i18n import Translator, create_core
from bot.ui.notices import MessageRenderer, NoticeReads, TelegramMessenger
from tests.e2e.stand import NODE_DIR, free_port, wait_until

TOKEN = "777:BENCH"


def _listening(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/bot{TOKEN}/getMe").status_code == 200
    except httpx.HTTPError:
        return False


class TimedSession(AiohttpSession):
    """Records when each message was accepted, per chat."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.accepted: dict[int, list[float]] = defaultdict(list)

    async def make_request(self, bot, method, timeout=None):
        result = await super().make_request(bot, method, timeout)
        if isinstance(method, SendMessage):
            self.accepted[int(method.chat_id)].append(time.monotonic())
        return result


async def main(messages: int, chats: int) -> None:
    port = free_port()
    stand_in = subprocess.Popen(
        ["node", str(NODE_DIR / "launcher.js"), str(port), "--limits"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until(lambda: _listening(port), 15, "the stand-in")
        with tempfile.TemporaryDirectory() as folder:
            db = await Database.open(Path(folder) / "notify.sqlite3")
            stores = Stores.over(db)
            now = time.time()
            async with db.write() as conn:
                await conn.execute(
                    insert_sql(
                        "users",
                        ["id", "username", "first_name", "is_banned", "is_active", "created_at"],
                    ),
                    [
                        {
                            "id": 10_000 + n,
                            "username": None,
                            "first_name": "U",
                            "is_banned": False,
                            "is_active": True,
                            "created_at": now,
                        }
                        for n in range(chats)
                    ],
                )
            for round_ in range(messages // chats):
                await stores.outbox.enqueue(
                    [10_000 + n for n in range(chats)],
                    OutboxKind.WALLET_CREDIT,
                    {"amount": str(round_)},
                )
            session = TimedSession(api=TelegramAPIServer.from_base(f"http://127.0.0.1:{port}"))
            bot = Bot(TOKEN, session=session)
            renderer = MessageRenderer(NoticeReads.of(stores), Translator(create_core("en")), "en")
            notifier = Notifier(
                TelegramMessenger(bot, renderer),
                stores.outbox,
                Customers(stores.users),
                rate_per_second=25,
            )
            started = time.monotonic()
            task = asyncio.create_task(notifier.run())
            while await stores.outbox.next_due_at() is not None:
                await asyncio.sleep(0.5)
            elapsed = time.monotonic() - started
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            await session.close()
            stats = httpx.post(f"http://127.0.0.1:{port}/stats", json={}).json()["result"]
            await db.close()
    finally:
        stand_in.terminate()
        stand_in.wait(10)
    sent = sum(len(times) for times in session.accepted.values())
    gaps = [b - a for times in session.accepted.values() for a, b in itertools.pairwise(times)]
    print(f"messages: {sent} to {len(session.accepted)} chats in {elapsed:.1f} s")
    print(
        f"achieved: {sent / elapsed:.1f} messages/s (Telegram's global limit: ~30/s; setting: 25/s)"
    )
    print(
        f"highest per-chat rate: {1 / min(gaps):.2f} messages/s (limit 1/s)"
        if gaps
        else "one message per chat"
    )
    print(
        f"429 answers: {stats['tooMany']} (target 0); retry_after honoured: {notifier.retry_afters}"
    )


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    asyncio.run(main(count, int(sys.argv[2]) if len(sys.argv) > 2 else 1000))
