"""Many customers at once on two replicas: `python -m bench.load [customers] [--rate R]`.

Starts what it needs as the test command does — throwaway PostgreSQL and Redis, the sandbox
panel and the Telegram stand-in as their own processes — and two bot replicas in webhook mode
behind the project's balancer (tests/e2e/balancer.py). N simulated customers (default 300),
arriving at R a second (default 10), each: /start, New order, a category, a search, the
service's card, the form (link, quantity, all at once), Confirm, then the completion notice.
An answer's time is from the customer's update to the first message the bot shows them
(sent or edited), as the stand-in recorded it. A second pass kills one replica with SIGKILL
halfway through. Each pass prints one line:

load: N customers, U updates in S s (R updates/s), answer p50 X ms p99 Y ms, placed P of Q,
duplicates D, notices lost L [(replica killed)]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import itertools
import os
import re
import signal
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import aiohttp
import httpx

from bench.services import throwaway_services
from bot.core.catalog.cache import category_key
from bot.core.storage import Database
from bot.core.stores import Stores
from bot.sandbox.catalog import EVERY_TYPE_CATEGORY
from bot.ui.callbacks import CategoryPick, FormChoice, OrderStart, ServicePick
from tests.backends import fresh_database_url
from tests.e2e.stand import TOKEN, Stand, free_port, wait_until

SECRET = "load-webhook-secret-0123456789"
FOLLOWERS = 1
ANSWER_TIMEOUT = 30.0
NOTICE_TIMEOUT = 180.0


@dataclass
class Tally:
    answers: list[float] = field(default_factory=list)  # ms
    updates: int = 0
    confirmed: set[int] = field(default_factory=set)
    placed: dict[int, int] = field(default_factory=dict)  # customer → order id
    notified: set[int] = field(default_factory=set)
    unanswered: int = 0
    first_sent: float = 0.0  # monotonic: the window the answers are counted in
    last_answer: float = 0.0


class Telegram:
    """The stand-in's client side, as the customers use it. aiohttp rather than httpx: with
    300 customers at once, httpx's pool rescanned every open connection on each request and
    took the generator most of a core (py-spy), CPU the bots under test then lacked."""

    def __init__(self, session: aiohttp.ClientSession, base_url: str) -> None:
        self._session = session
        self._base = base_url.rstrip("/")

    async def post(self, path: str, body: dict[str, Any]) -> Any:
        async with self._session.post(self._base + path, json=body) as answer:
            answer.raise_for_status()
            return (await answer.json())["result"]


class Shown:
    """One reader of everything the bots showed (the stand-in's outbound log), handing each
    customer's messages to whoever waits for them."""

    def __init__(self, http: Telegram) -> None:
        self._http = http
        self._next = 0
        self.by_chat: dict[int, list[dict[str, Any]]] = defaultdict(list)
        # One event per chat someone waits on: a poll wakes only the chats it brought news
        # for (waking all 300 waiters 50 times a second took the generator most of a core).
        self._news: dict[int, asyncio.Event] = {}

    async def run(self) -> None:
        while True:
            found = await self._http.post("/outbound", {"token": TOKEN, "after": self._next})
            self._next = found["next"]
            for shown in found["shown"]:
                self.by_chat[shown["chat_id"]].append(shown)
                news = self._news.get(shown["chat_id"])
                if news is not None:
                    news.set()
            await asyncio.sleep(0.02)

    async def after(
        self, chat: int, since_ms: float, wanted: str = "", timeout: float = ANSWER_TIMEOUT
    ) -> dict[str, Any] | None:
        """The first thing shown to `chat` at or after `since_ms` (containing `wanted`)."""

        def found() -> dict[str, Any] | None:
            for shown in self.by_chat.get(chat, ()):
                if shown["at"] >= since_ms and wanted in (shown.get("text") or ""):
                    return shown
            return None

        deadline = time.monotonic() + timeout
        news = self._news.setdefault(chat, asyncio.Event())
        while (hit := found()) is None:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            news.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(news.wait(), left)
        return hit


class Person:
    def __init__(self, user_id: int, http: Telegram, shown: Shown, tally: Tally):
        self.id = user_id
        self.user = {"id": user_id, "is_bot": False, "first_name": "Load", "language_code": "en"}
        self.chat = {"id": user_id, "type": "private", "first_name": "Load"}
        self._http = http
        self._shown = shown
        self._tally = tally

    async def say(self, text: str, wanted: str = "") -> dict[str, Any] | None:
        path = "/sendCommand" if text.startswith("/") else "/sendMessage"
        body = {"botToken": TOKEN, "from": self.user, "chat": self.chat, "text": text}
        shown: dict[str, Any] | None = await self._timed(path, body, wanted)
        return shown

    async def press(self, shown: dict[str, Any], data: str, wanted: str = "") -> Any:
        body = {"botToken": TOKEN, "from": self.user, "message": shown["message"], "data": data}
        return await self._timed("/sendCallback", body, wanted)

    async def _timed(self, path: str, body: dict[str, Any], wanted: str) -> Any:
        sent = time.time() * 1000
        if not self._tally.first_sent:
            self._tally.first_sent = time.monotonic()
        await self._http.post(path, body)
        self._tally.updates += 1
        shown = await self._shown.after(self.id, sent, wanted)
        if shown is None:
            self._tally.unanswered += 1
            return None
        self._tally.answers.append(shown["at"] - sent)
        self._tally.last_answer = max(self._tally.last_answer, time.monotonic())
        return shown


def button(shown: dict[str, Any], label: str) -> str | None:
    for row in (shown.get("reply_markup") or {}).get("inline_keyboard", []):
        for found in row:
            if label in found["text"]:
                return str(found["callback_data"])
    return None


async def customer(person: Person, tally: Tally) -> None:
    """One customer's visit, step by step, each waiting for the bot's answer."""
    if await person.say("/start") is None:
        return
    menu = await person.say("New order")
    if menu is None:
        return
    await person.press(menu, CategoryPick(key=category_key(EVERY_TYPE_CATEGORY)).pack())
    results = await person.say("Instagram Followers", "Found")
    if results is None:
        return
    card = await person.press(results, ServicePick(id=FOLLOWERS).pack())
    if card is None:
        return
    await person.press(card, OrderStart(id=FOLLOWERS).pack())
    await person.say(f"https://instagram.com/load_{person.id}", "How many")
    choice = await person.say("100", "all at once")
    if choice is None:
        return
    summary = await person.press(choice, FormChoice(value="no").pack(), "Please check")
    confirm = button(summary, "Confirm") if summary else None
    if summary is None or confirm is None:
        return
    tally.confirmed.add(person.id)
    placed = await person.press(summary, confirm, "placed")
    found = re.search(r"#(\d+)", (placed or {}).get("text") or "")
    if found is None:
        return
    order = int(found.group(1))
    tally.placed[person.id] = order
    done = await person._shown.after(person.id, 0, f"Order #{order}: ✅", NOTICE_TIMEOUT)
    if done is not None:
        tally.notified.add(person.id)


async def fund(database_url: str, ids: list[int]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = await Database.open(Path(folder) / "unused.sqlite3", database_url)
        stores = Stores.over(db)
        for user_id in ids:
            await stores.users.ensure_user(user_id, None, "Load")
            await stores.wallets.credit(user_id, Decimal(50), "credit", note="load test")
        await db.close()


async def orders_of(database_url: str, ids: list[int]) -> dict[int, int]:
    import asyncpg

    conn = await asyncpg.connect(database_url)
    try:
        rows = await conn.fetch(
            "SELECT user_id, count(*) FROM orders WHERE user_id = ANY($1) GROUP BY user_id", ids
        )
    finally:
        await conn.close()
    return {int(r[0]): int(r[1]) for r in rows}


async def one_pass(
    stand: Stand, database_url: str, ids: list[int], rate: float, kill: str | None
) -> str:
    await fund(database_url, ids)
    tally = Tally()
    connections = aiohttp.TCPConnector(limit=200)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connections, timeout=timeout) as session:
        http = Telegram(session, stand.telegram_url)
        shown = Shown(http)
        reader = asyncio.create_task(shown.run())
        visits = []
        for number, user_id in enumerate(ids):
            person = Person(user_id, http, shown, tally)
            visits.append(asyncio.create_task(customer(person, tally)))
            if kill is not None and number == len(ids) // 2:
                stand.kill_bot(signal.SIGKILL, kill)  # half the customers are in, the rest come
            await asyncio.sleep(1 / rate)
        await asyncio.gather(*visits)
        # Updates a second over the conversations (the completion notices come later).
        seconds = max(tally.last_answer - tally.first_sent, 1e-3)
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reader
    counts = await orders_of(database_url, ids)
    adds: dict[str, int] = defaultdict(int)
    for request in stand.panel_requests("add"):
        link = request.get("link", "")
        if "load_" in link and int(link.rsplit("_", 1)[1]) in set(ids):
            adds[link] += 1
    duplicates = sum(n - 1 for n in counts.values() if n > 1) + sum(
        n - 1 for n in adds.values() if n > 1
    )
    placed = sum(1 for user in tally.confirmed if counts.get(user))
    lost_ids = sorted(set(tally.placed) - tally.notified)
    lost = len(lost_ids)
    if lost:
        print(await why_not_told(database_url, lost_ids), file=sys.stderr, flush=True)
    answers = sorted(tally.answers) or [0.0]
    p99 = answers[min(len(answers) - 1, int(len(answers) * 0.99))]
    line = (
        f"load: {len(ids)} customers, {tally.updates} updates in {seconds:.0f} s"
        f" ({tally.updates / seconds:.0f} updates/s),"
        f" answer p50 {statistics.median(answers):.0f} ms p99 {p99:.0f} ms,"
        f" placed {placed} of {len(tally.confirmed)}, duplicates {duplicates},"
        f" notices lost {lost}"
    )
    if tally.unanswered:
        line += f" [{tally.unanswered} updates unanswered within {ANSWER_TIMEOUT:.0f} s]"
    return line + (" (replica killed)" if kill else "")


async def why_not_told(database_url: str, ids: list[int]) -> str:
    """For a lost notice: where its order and its message are now."""
    import asyncpg

    conn = await asyncpg.connect(database_url)
    try:
        orders = await conn.fetch(
            "SELECT user_id, id, status FROM orders WHERE user_id = ANY($1)", ids
        )
        rows = await conn.fetch(
            "SELECT chat_id, kind, sent_at IS NOT NULL AS sent, attempts, revision FROM outbox"
            " WHERE chat_id = ANY($1)",
            ids,
        )
    finally:
        await conn.close()
    return f"not told: orders {[tuple(r) for r in orders]}; outbox {[tuple(r) for r in rows]}"


def start_replicas(stand: Stand, database_url: str, redis_url: str | None) -> list[str]:
    ports = {"replica1": free_port(), "replica2": free_port()}
    balancer = free_port()
    stand._spawn(  # the stand's own helper: the balancer is one more process of the test rig
        "balancer",
        [sys.executable, "-m", "tests.e2e.balancer", str(balancer), *map(str, ports.values())],
    )
    wait_until(stand._listening(balancer), 15, "the load balancer")
    for name, port in ports.items():
        env = stand.bot_env()
        env.update(
            {
                "DATABASE_URL": database_url,
                **({"REDIS_URL": redis_url} if redis_url else {}),
                "WEBHOOK_URL": f"http://127.0.0.1:{balancer}/telegram/webhook",
                "WEBHOOK_SECRET": SECRET,
                "WEB_SERVER_HOST": "127.0.0.1",
                "WEB_SERVER_PORT": str(port),
                "LOG_LEVEL": "WARNING",  # no line per update: the load is the bot's, not the log's
                "POLL_INTERVAL_SECONDS": "1",
                "THROTTLE_RATE_PER_SECOND": "20",
            }
        )
        stand._spawn(name, [sys.executable, "-m", "bot"], env=env)
        wait_until(functools.partial(healthy, port), 60, f"{name} to answer /healthz")
    return list(ports)


def healthy(port: int) -> bool:
    try:
        return bool(httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).json().get("ok"))
    except (httpx.HTTPError, ValueError):
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("customers", nargs="?", type=int, default=300)
    parser.add_argument("--rate", type=float, default=10.0, help="customers arriving a second")
    parser.add_argument("--no-kill", action="store_true", help="skip the pass with a kill")
    args = parser.parse_args()
    with throwaway_services() as running, tempfile.TemporaryDirectory() as folder:
        print(f"logs: {folder}", file=sys.stderr)
        os.environ["TEST_POSTGRES_URL"] = running["postgres"]  # as the tests name the server
        database_url = asyncio.run(fresh_database_url("postgres"))
        assert database_url is not None
        stand = Stand(Path(folder), sandbox_step=3.0, poll_interval=1.0)
        stand.extra_env = {"LOG_LEVEL": "WARNING"}
        try:
            stand.start(with_bot=False)
            names = start_replicas(stand, database_url, running.get("redis"))
            ids = itertools.count(800_000)
            first = [next(ids) for _ in range(args.customers)]
            print(asyncio.run(one_pass(stand, database_url, first, args.rate, None)), flush=True)
            if not args.no_kill:
                second = [next(ids) for _ in range(args.customers)]
                line = asyncio.run(one_pass(stand, database_url, second, args.rate, names[0]))
                print(line, flush=True)
        finally:
            stand.stop()


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # the throwaway servers are stopped on the way out


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    signal.signal(signal.SIGTERM, _stop)
    main()
