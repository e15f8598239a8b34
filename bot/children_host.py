"""Child shops running inside this process: each is the same shop program — its own
services over its own SQLite file (`<DATABASE_PATH's folder>/children/<bot id>.sqlite3`),
its own bot and dispatcher polling Telegram — whose panel is this shop, answered in-process by
the API v2 rules for the child's owner. The parent's catalog, panel clients and poller serve
them all: a child adds no panel call of its own."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramAPIError, TelegramUnauthorizedError

from bot.app import (
    ParentLink,
    Services,
    build_services,
    create_bot,
    create_dispatcher,
    reseller_api_of,
    telegram_session,
)
from bot.core.children.shop import Child, ChildFigures
from bot.core.children.transport import ParentTransport
from bot.core.configuration.restart import Restart
from bot.core.settings import ChildSettings
from bot.process import collector_off_while_building

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


@dataclass
class RunningChild:
    child: Child
    services: Services
    bot: Bot
    dp: Dispatcher
    polling: asyncio.Task[None]
    watching: asyncio.Task[None] | None = None  # the child's owner changed a setting: rebuild


class ChildHost:
    """Starts, stops and pauses the children of one parent build (bot/core/children's
    `Runtime`)."""

    def __init__(self, parent: Services, parent_username: str) -> None:
        self._parent = parent
        self._username = parent_username
        self._answer = reseller_api_of(parent).answer
        self._running: dict[int, RunningChild] = {}
        # One connection pool to Telegram for every child (each long poll holds a connection).
        self._session = telegram_session(parent.settings, limit=TELEGRAM_CONNECTIONS)
        self._folder = parent.settings.database_path.parent / "children"

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

    def settings_for(self, child: Child) -> ChildSettings:
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
                "default_locale": parent.default_locale,
                "stars_per_usd": parent.stars_per_usd,
                "log_level": parent.log_level,
            }
        )

    async def start(self, child: Child) -> None:
        """Build the child and start polling for it; a child whose token Telegram refuses (or
        whose build fails) is logged and skipped: the parent and the other children go on."""
        if child.bot_id in self._running:
            return
        settings = self.settings_for(child)
        Path(settings.database_path).parent.mkdir(parents=True, exist_ok=True)
        link = ParentLink(
            transport=ParentTransport(self._answer, child.owner_id),
            translator=self._parent.translator,
            demo=self._parent.shop.demo,
            username=self._username,
        )
        restart = Restart()
        try:
            with collector_off_while_building():
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
        polling = asyncio.create_task(
            dp.start_polling(bot, handle_signals=False, close_bot_session=False),
            name=f"child-{child.bot_id}",
        )
        running = RunningChild(child, services, bot, dp, polling)
        running.watching = asyncio.create_task(self._rebuild_on_change(child.bot_id, restart))
        self._running[child.bot_id] = running
        logger.info("child shop running", extra={"bot_id": child.bot_id})

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

    def paused(self, bot_id: int, paused: bool) -> None:
        found = self._running.get(bot_id)
        if found is not None:
            found.services.suspended = paused

    async def close(self) -> None:
        """Every child stops before the parent it buys from closes."""
        await asyncio.gather(*(self.stop(bot_id) for bot_id in list(self._running)))
        await self._session.close()
