"""Running the bot: long polling, or a webhook server. Building is `bot/app.py`'s job."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from typing import TYPE_CHECKING

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError, TelegramUnauthorizedError

from bot.app import (
    SandboxHost,
    Services,
    build_services,
    create_bot,
    create_dispatcher,
    create_mini_app,
    create_panel_api,
)
from bot.children_host import CHILD_WEBHOOK_PATH, ChildHost
from bot.core.configuration.restart import Restart
from bot.core.settings import Settings
from bot.core.storage.sqlite import DatabaseInUseError
from bot.process import collector_off_while_building

if TYPE_CHECKING:  # the web server is imported only by the configurations that run one
    from aiohttp import web

logger = logging.getLogger(__name__)
RESTART_SETTLE_SECONDS = 0.5


class StartupRefusedError(Exception):
    """The bot cannot start as configured: one line for the operator, exit status 2."""


async def reach_telegram(bot: Bot, first_wait: float = 1.0, longest_wait: float = 60.0) -> None:
    """Ask Telegram who the bot is before serving anyone. A refused token ends the start with
    one line naming BOT_TOKEN; Telegram out of reach (the network not up yet, DNS) is tried
    again with a growing pause, as polling does later, instead of ending the process."""
    wait = first_wait
    while True:
        try:
            await bot.me()
            return
        except TelegramUnauthorizedError:
            raise StartupRefusedError(
                "Configuration error: BOT_TOKEN was refused by Telegram (401 Unauthorized):"
                " check the token @BotFather gave you"
            ) from None
        except TelegramNetworkError as exc:
            logger.warning(
                "Telegram is out of reach; trying again",
                extra={"error": type(exc).__name__, "retry_in_seconds": wait},
            )
        await asyncio.sleep(wait)
        wait = min(wait * 2, longest_wait)


class InterruptedWhileStartingError(Exception):
    """A signal came before the bot served anyone (Telegram still out of reach, say)."""


class Lifecycle:
    """What ends one build's run: a signal (the process stops) or a settings change (the shop
    is built again). Signals are the runner's, not polling's: one that comes while a build
    is being replaced still stops the process."""

    def __init__(self, restart: Restart) -> None:
        self.restart = restart
        self.stopping = asyncio.Event()

    def listen_to_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, self._signalled, sig)

    def _signalled(self, sig: signal.Signals) -> None:
        logger.info("stopping", extra={"signal": sig.name})
        self.stopping.set()

    async def ended(self) -> None:
        waits = [
            asyncio.create_task(self.stopping.wait()),
            asyncio.create_task(self.restart.wait()),
        ]
        try:
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for wait in waits:
                wait.cancel()
        if not self.stopping.is_set():
            # The change's own answer is on its way: let its handler finish first.
            await asyncio.sleep(RESTART_SETTLE_SECONDS)

    @property
    def rebuilding(self) -> bool:
        return self.restart.requested and not self.stopping.is_set()


async def run(env: Settings) -> None:
    """Build and run the shop; when the owner changes a setting inside Telegram, stop taking
    updates, let work in flight finish and build it again from the new settings — in this
    process, with the same sandbox — until a signal stops it."""
    life, sandbox = Lifecycle(Restart()), SandboxHost()
    life.listen_to_signals()
    try:
        while True:
            life.restart.clear()
            await _run_once(env, life, sandbox)
            if not life.rebuilding:
                return
            logger.info("settings changed: the shop is rebuilt with them")
    finally:
        await sandbox.close()


async def _run_once(env: Settings, life: Lifecycle, sandbox: SandboxHost) -> None:
    with collector_off_while_building():
        try:
            services = await build_services(env, life.restart, sandbox)
        except DatabaseInUseError:
            raise StartupRefusedError(
                f"Configuration error: DATABASE_PATH {env.database_path} is in use by another"
                " running bot. One process owns a SQLite file; replicas share PostgreSQL"
                " (DATABASE_URL)."
            ) from None
        settings = services.settings  # the environment's, and what the owner set inside
        bot = create_bot(settings)
        dp = create_dispatcher(services)
    try:
        try:
            await _reach_unless_stopped(bot, life)
        except BaseException:
            await bot.session.close()
            raise
        children = await _start_children(services, bot)
        if settings.webhook_url:
            await run_webhook(settings, services, bot, dp, life, children)
        else:
            await run_polling(settings, services, bot, dp, life, children)
    finally:
        await services.close()  # done already after a normal shutdown; not when start failed


async def _reach_unless_stopped(bot: Bot, life: Lifecycle) -> None:
    reaching = asyncio.create_task(reach_telegram(bot))
    stopping = asyncio.create_task(life.stopping.wait())
    await asyncio.wait({reaching, stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    if not reaching.done():
        reaching.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reaching
        raise InterruptedWhileStartingError
    reaching.result()


async def _start_children(services: Services, bot: Bot) -> ChildHost | None:
    """With CHILD_SHOPS, the resellers' shop bots run in this process beside the parent."""
    if not services.children.enabled:
        return None
    host = ChildHost(services, (await bot.me()).username or "")
    services.children.runtime = host
    await host.start_all()
    return host


async def _stop_children(children: ChildHost | None) -> None:
    if children is not None:  # before the parent they buy from stops
        await children.close()


async def _drop_webhook(bot: Bot) -> None:
    """A webhook left from a webhook run would keep Telegram posting there: polling asks for
    the updates instead (pending ones are kept)."""
    try:
        await bot.delete_webhook(drop_pending_updates=False)
    except TelegramAPIError as exc:
        logger.warning("could not delete the webhook", extra={"error": type(exc).__name__})


async def _poll_until_ended(
    bot: Bot, dp: Dispatcher, life: Lifecycle, children: ChildHost | None
) -> None:
    await _drop_webhook(bot)
    polling = asyncio.create_task(dp.start_polling(bot, handle_signals=False))
    ended = asyncio.create_task(life.ended())
    await asyncio.wait({polling, ended}, return_when=asyncio.FIRST_COMPLETED)
    await _stop_children(children)
    if not polling.done():
        try:
            await dp.stop_polling()
        except RuntimeError:  # still starting: not polling yet
            polling.cancel()
    ended.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await polling


def _serve_children_pages(app: web.Application, children: ChildHost | None) -> None:
    """Children's Mini Apps are the parent's page and API, told which child they are for."""
    from bot.webapp.context import CHILD_MINI_APPS, MINI_APP

    if children is not None and MINI_APP in app:
        app[CHILD_MINI_APPS] = children.mini_app


async def run_polling(
    settings: Settings,
    services: Services,
    bot: Bot,
    dp: Dispatcher,
    life: Lifecycle,
    children: ChildHost | None = None,
) -> None:
    if not settings.serves_web:
        await _poll_until_ended(bot, dp, life, children)
        return
    from aiohttp import web  # in polling mode, a web server only for what needs one

    from bot.web import create_side_app

    leadership = services.leadership
    app = create_side_app(
        services.db.ping,
        lambda: leadership.is_leader,
        settings,
        services.crypto,
        create_mini_app(services, bot),
        create_panel_api(services),
    )
    _serve_children_pages(app, children)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    await web.TCPSite(runner, settings.web_server_host, settings.web_server_port).start()
    logger.info("web server listening", extra={"port": settings.web_server_port})
    try:
        await _poll_until_ended(bot, dp, life, children)
    finally:
        await runner.cleanup()


async def run_webhook(
    settings: Settings,
    services: Services,
    bot: Bot,
    dp: Dispatcher,
    life: Lifecycle,
    children: ChildHost | None = None,
) -> None:
    from aiohttp import web  # only webhook mode runs a web server

    from bot.web import create_web_app, webhook_path

    leadership = services.leadership
    app = create_web_app(
        settings,
        bot,
        dp,
        services.db.ping,
        lambda: leadership.is_leader,
        services.crypto,
        create_mini_app(services, bot),
        create_panel_api(services),
    )
    if children is not None:  # each child's updates at its own path, with its own secret
        app.router.add_post(CHILD_WEBHOOK_PATH + "/{bot_id}", children.on_webhook)
    _serve_children_pages(app, children)
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, settings.web_server_host, settings.web_server_port)
    await site.start()
    logger.info(
        "webhook server listening",
        extra={"port": settings.web_server_port, "path": webhook_path(settings.webhook_url or "")},
    )
    await life.ended()
    await _stop_children(children)
    logger.info("stopping the webhook server")
    await runner.cleanup()  # runs the dispatcher's shutdown: placements finish, tasks stop
    await bot.session.close()
