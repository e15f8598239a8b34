"""Child shops running inside this process: each is the same shop program — its own
services over its own SQLite file (`<DATABASE_PATH's folder>/children/<bot id>.sqlite3`) or,
on PostgreSQL, its own schema (`child_<bot id>`) over the parent's pool, its own bot and
dispatcher — whose panel is this shop, answered in-process by the API v2 rules for the child's
owner. The parent's catalog, panel clients and poller serve them all: a child adds no panel
call of its own.

Replicas (PostgreSQL, webhooks): every replica runs every child — any replica may be handed
any child's update — and follows the others' changes (a new child, a new token, a pause)
from the database; a child's background work runs where the parent's leader is."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import logging
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramAPIError, TelegramUnauthorizedError
from aiogram.types import Update
from pydantic import ValidationError

from bot.app import (
    ParentLink,
    Services,
    build_services,
    create_bot,
    create_dispatcher,
    mini_app_over,
    reseller_api_of,
    telegram_session,
)
from bot.core import untrusted_json
from bot.core.children.shop import Child, ChildFigures
from bot.core.children.transport import ParentTransport
from bot.core.configuration.restart import Restart
from bot.core.domain import parse_id
from bot.core.settings import ChildSettings
from bot.core.storage import Database
from bot.process import collector_off_while_building

if TYPE_CHECKING:  # the web server is imported only by the configurations that run one
    from aiohttp import web

    from bot.webapp.context import MiniApp

logger = logging.getLogger(__name__)
# What a child's panel client is told: the parent answers in this process, so neither the
# address nor the key goes anywhere.
PARENT_URL = "http://parent.shop/api/v2"
PARENT_KEY = "in-process"
DEFAULT_CHILD_MARKUP = 30
STOP_SECONDS = 15.0
STARTING_AT_ONCE = 8
TELEGRAM_CONNECTIONS = 10_000
MONTH_SECONDS = 30 * 86400
RESTART_SETTLE_SECONDS = 0.5
RETRY_REFUSED_SECONDS = 600.0  # a child that would not start is tried again this often
FOLLOW_SECONDS = 5.0
MOST_ABSENT = 10_000  # replicas: how soon another replica's new child or pause is seen here
CHILD_WEBHOOK_PATH = "/telegram/child"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def with_shop(page: str | None, bot_id: int) -> str | None:
    """The parent's Mini App address with `shop=<bot id>` among its query's parameters."""
    if page is None:
        return None
    parts = urlsplit(page)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != "shop"] + [("shop", str(bot_id))]
    return urlunsplit(parts._replace(query=urlencode(query)))


def child_secret(webhook_secret: str, bot_id: int) -> str:
    """A child's own webhook secret, derived from the parent's: a request for one child
    proves nothing for another."""
    digest = hmac.new(webhook_secret.encode(), f"child:{bot_id}".encode(), hashlib.sha256)
    return digest.hexdigest()[:48]


@dataclass
class RunningChild:
    child: Child
    services: Services
    bot: Bot
    dp: Dispatcher
    polling: asyncio.Task[None] | None  # None: on a webhook (the parent's web server)
    watching: asyncio.Task[None] | None = None  # the child's owner changed a setting: rebuild
    page: MiniApp | None = None  # its Mini App's API, made on the page's first call


class ChildHost:
    """Starts, stops and pauses the children of one parent build (bot/core/children's
    `Runtime`)."""

    def __init__(self, parent: Services, parent_username: str) -> None:
        self._parent = parent
        self._username = parent_username
        self._answer = reseller_api_of(parent).answer
        self._running: dict[int, RunningChild] = {}
        self._starting: dict[int, asyncio.Lock] = {}  # one build per child at a time
        self._following: asyncio.Task[None] | None = None
        # Children that did not start (a token Telegram refuses): (that token, when).
        self._refused: dict[int, tuple[str, float]] = {}
        self._absent: dict[int, float] = {}  # ids asked for that are no child: when
        # One connection pool to Telegram for every child (each long poll holds a connection).
        self._session = telegram_session(parent.settings, limit=TELEGRAM_CONNECTIONS)
        self._folder = parent.settings.database_path.parent / "children"
        settings = parent.settings
        # Webhook mode: children's updates come to the parent's web server too.
        self._webhook_base = (
            f"{_origin(settings.webhook_url)}{CHILD_WEBHOOK_PATH}" if settings.webhook_url else None
        )
        self._webhook_secret = (
            settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        )

    def running(self, bot_id: int) -> Services | None:
        found = self._running.get(bot_id)
        return found.services if found else None

    async def start_all(self) -> None:
        """Every child, a few at once: their databases and Telegram's answers overlap."""
        gate = asyncio.Semaphore(STARTING_AT_ONCE)

        async def start(child: Child) -> None:
            async with gate:
                await self.start(child)

        await asyncio.gather(*(start(child) for child in await self._parent.children.store.all()))
        if self._parent.db.shared:  # other replicas may create, pause and rotate children
            self._following = asyncio.create_task(self.follow(), name="children-follow")

    def settings_for(self, child: Child) -> ChildSettings:
        """What the child is given — fixed for it (its owner sees them as the environment's):
        its token, the parent as its panel, its owner, its database, how it reaches Telegram.
        The rest (markup, currency, language, Stars rate, Crypto Pay…) is its owner's to set."""
        parent = self._parent.settings
        return ChildSettings.model_validate(
            {
                "bot_token": child.token.get_secret_value(),
                "panel_api_url": PARENT_URL,
                "panel_api_key": PARENT_KEY,
                "admin_ids": frozenset({child.owner_id}),
                "database_path": self._folder / f"{child.bot_id}.sqlite3",
                "telegram_api_url": parent.telegram_api_url,
                "poll_interval_seconds": parent.poll_interval_seconds,
                "throttle_rate_per_second": parent.throttle_rate_per_second,
                "log_level": parent.log_level,
                # The parent's page, told which child it is for (its calls say so).
                "webapp_url": with_shop(parent.webapp_url, child.bot_id),
            }
        )

    async def start(self, child: Child) -> None:
        """Build the child and start taking its updates; a child whose token Telegram refuses
        (or whose build fails) is logged and skipped: the parent and the other children go on."""
        lock = self._starting.setdefault(child.bot_id, asyncio.Lock())
        async with lock:
            if child.bot_id not in self._running:
                await self._start(child)
            if child.bot_id not in self._running:  # tried again later, not on every look
                self._refused[child.bot_id] = (child.token.get_secret_value(), time.monotonic())

    def _lately_refused(self, child: Child) -> bool:
        token, when = self._refused.get(child.bot_id, ("", 0.0))
        return (
            token == child.token.get_secret_value()
            and time.monotonic() - when < RETRY_REFUSED_SECONDS
        )

    async def _start(self, child: Child) -> None:
        settings = self.settings_for(child)
        restart = Restart()
        try:
            with collector_off_while_building():
                link = ParentLink(
                    transport=ParentTransport(
                        self._answer, child.owner_id, self._parent.stores.users.is_banned
                    ),
                    translator=self._parent.translator,
                    demo=self._parent.shop.demo,
                    username=self._username,
                    leadership=self._parent.leadership,
                    database=await self._database(child),
                )
                services = await build_services(settings, restart, parent=link)
        except Exception:
            logger.exception("a child shop could not be built", extra={"bot_id": child.bot_id})
            return
        services.suspended = not child.running
        bot = create_bot(settings, self._session)
        dp = create_dispatcher(services)
        try:
            await bot.me()
        except (TelegramUnauthorizedError, TelegramAPIError) as exc:
            logger.warning(
                "a child shop's bot was refused by Telegram; not started",
                extra={"bot_id": child.bot_id, "error": type(exc).__name__},
            )
            await services.close()
            return
        polling = None
        if self._webhook_base is None:
            with contextlib.suppress(TelegramAPIError):  # one left from a webhook run
                await bot.delete_webhook(drop_pending_updates=False)
            polling = asyncio.create_task(
                dp.start_polling(bot, handle_signals=False, close_bot_session=False),
                name=f"child-{child.bot_id}",
            )
        elif not await self._on_webhook(child, bot, dp, services):
            return
        running = RunningChild(child, services, bot, dp, polling)
        running.watching = asyncio.create_task(self._rebuild_on_change(child.bot_id, restart))
        self._running[child.bot_id] = running
        logger.info("child shop running", extra={"bot_id": child.bot_id})

    async def _database(self, child: Child) -> Database | None:
        """On PostgreSQL the child's schema over the parent's pool; else None: its own file."""
        parent = self._parent.db
        if parent.shared:
            return await parent.child(f"child_{child.bot_id}")
        self._folder.mkdir(parents=True, exist_ok=True)
        return None

    async def _on_webhook(self, child: Child, bot: Bot, dp: Dispatcher, services: Services) -> bool:
        """Webhook mode: the child's updates come to the parent's web server at its own path
        with its own secret; its startup (background work) runs as polling's would."""
        assert self._webhook_base is not None
        assert self._webhook_secret is not None
        await dp.emit_startup(bot=bot, dispatcher=dp)
        try:
            await bot.set_webhook(
                f"{self._webhook_base}/{child.bot_id}",
                secret_token=child_secret(self._webhook_secret, child.bot_id),
                allowed_updates=dp.resolve_used_update_types(),
            )
        except TelegramAPIError as exc:
            logger.warning(
                "a child shop's webhook was refused; not started",
                extra={"bot_id": child.bot_id, "error": type(exc).__name__},
            )
            await dp.emit_shutdown(bot=bot, dispatcher=dp)
            await services.close()
            return False
        return True

    async def on_webhook(self, request: web.Request) -> web.Response:
        """POST <CHILD_WEBHOOK_PATH>/<bot id>: a child's update, handled before the answer
        (a process killed mid-update leaves Telegram to deliver it again)."""
        from aiohttp import web

        bot_id = parse_id(request.match_info.get("bot_id", ""))
        given = request.headers.get(SECRET_HEADER, "")
        if bot_id is None or self._webhook_secret is None or not given.isascii():
            return web.json_response({"error": "unauthorized"}, status=401)
        expected = child_secret(self._webhook_secret, bot_id)
        if not hmac.compare_digest(given.encode(), expected.encode()):
            return web.json_response({"error": "unauthorized"}, status=401)
        found = self._running.get(bot_id) or await self._started_here(bot_id)
        if found is None:
            return web.json_response({"error": "unauthorized"}, status=401)
        try:
            update = Update.model_validate(
                untrusted_json.loads(await request.read()), context={"bot": found.bot}
            )
        except (ValueError, ValidationError):
            return web.json_response({"error": "bad update"}, status=400)
        await found.dp.feed_update(found.bot, update)
        return web.json_response({})

    async def mini_app(self, bot_id: int) -> MiniApp | None:
        """A child's Mini App (the parent's page with `?shop=<bot id>`): the child's own
        services and bot — its customers, wallets, catalog and console."""
        found = self._running.get(bot_id) or await self._started_here(bot_id)
        if found is None:
            return None
        if found.page is None:
            found.page = mini_app_over(found.services, found.bot)
        return found.page

    async def _started_here(self, bot_id: int) -> RunningChild | None:
        """A child another replica created a moment ago: started here on its first update
        (the signed path proves the request is for it) rather than at the next look."""
        if not self._parent.db.shared:  # one process: every child it has was started
            return None
        looked = self._absent.get(bot_id)
        if looked is not None and time.monotonic() - looked < FOLLOW_SECONDS:
            return None  # asked a moment ago: a flood of strangers' ids costs no reads
        child = await self._parent.children.store.get(bot_id)
        if child is None or self._lately_refused(child):
            if len(self._absent) >= MOST_ABSENT:
                self._absent.clear()
            self._absent[bot_id] = time.monotonic()
            return None
        await self.start(child)
        return self._running.get(bot_id)

    async def follow(self) -> None:
        """Replicas: what another replica changed — a child created, its token replaced, a
        pause or a resume — is done here too, within FOLLOW_SECONDS."""
        while True:
            await asyncio.sleep(FOLLOW_SECONDS)
            try:
                await self._catch_up()
            except Exception as exc:  # the database away for a moment: next time
                logger.warning("could not follow the child shops", extra={"error": str(exc)})

    async def _catch_up(self) -> None:
        for child in await self._parent.children.store.all():
            found = self._running.get(child.bot_id)
            if found is None:
                if not self._lately_refused(child):
                    await self.start(child)
            elif found.child.token.get_secret_value() != child.token.get_secret_value():
                await self.stop(child.bot_id)
                await self.start(child)
            else:
                self.paused(child.bot_id, not child.running)

    async def _rebuild_on_change(self, bot_id: int, restart: Restart) -> None:
        """A setting the child's owner changed (/settings, /setup) takes effect as in the
        parent: the child is built again with it, in this process."""
        await restart.wait()
        await asyncio.sleep(RESTART_SETTLE_SECONDS)  # the change's own answer goes out first
        child = await self._parent.children.store.get(bot_id)
        found = self._running.get(bot_id)
        if found is None or child is None:
            return
        found.watching = None  # this task: not cancelled by the stop below
        await self.stop(bot_id)
        logger.info("a child shop's settings changed: rebuilt", extra={"bot_id": bot_id})
        await self.start(child)

    async def stop(self, bot_id: int) -> None:
        found = self._running.pop(bot_id, None)
        if found is None:
            return
        if found.watching is not None:
            found.watching.cancel()
        if found.polling is None:  # on a webhook: its shutdown closes what it started
            await found.dp.emit_shutdown(bot=found.bot, dispatcher=found.dp)
        else:
            with contextlib.suppress(RuntimeError):  # not polling yet: cancelled below
                await asyncio.wait_for(found.dp.stop_polling(), STOP_SECONDS)
            if not found.polling.done():
                found.polling.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await found.polling
        await found.services.close()  # its dispatcher's shutdown closed it already, normally

    async def figures(self, bot_id: int) -> ChildFigures | None:
        found = self._running.get(bot_id)
        if found is None:
            return None
        figures = found.services.stores.figures
        month = await figures.stats(time.time() - MONTH_SECONDS)
        ever = await figures.stats(0.0)
        return ChildFigures(ever["new_users"], month["orders"], month["revenue"])

    def wake(self, bot_ids: set[int]) -> None:
        """These children's orders moved at the parent: their pollers ask now."""
        for bot_id in bot_ids:
            found = self._running.get(bot_id)
            if found is not None:
                found.services.poller.wake()

    def paused(self, bot_id: int, paused: bool) -> None:
        found = self._running.get(bot_id)
        if found is not None:
            found.services.suspended = paused

    async def close(self) -> None:
        """Every child stops before the parent it buys from closes."""
        if self._following is not None:
            self._following.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._following
        await asyncio.gather(*(self.stop(bot_id) for bot_id in list(self._running)))
        await self._session.close()
