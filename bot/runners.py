"""Running the bot: long polling, or a webhook server. Building is `bot/app.py`'s job."""

from __future__ import annotations

import asyncio
import logging
import signal

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramNetworkError, TelegramUnauthorizedError

from bot.app import (
    Services,
    build_services,
    create_bot,
    create_dispatcher,
    create_mini_app,
    create_panel_api,
)
from bot.core.settings import Settings
from bot.core.storage.sqlite import DatabaseInUseError
from bot.process import collector_off_while_building

logger = logging.getLogger(__name__)


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


async def run(settings: Settings) -> None:
    with collector_off_while_building():
        try:
            services = await build_services(settings)
        except DatabaseInUseError:
            raise StartupRefusedError(
                f"Configuration error: DATABASE_PATH {settings.database_path} is in use by another"
                " running bot. One process owns a SQLite file; replicas share PostgreSQL"
                " (DATABASE_URL)."
            ) from None
        bot = create_bot(settings)
        dp = create_dispatcher(services)
    try:
        try:
            await reach_telegram(bot)
        except BaseException:
            await bot.session.close()
            raise
        if settings.webhook_url:
            await run_webhook(settings, services, bot, dp)
        else:
            await run_polling(settings, services, bot, dp)
    finally:
        await services.close()  # done already after a normal shutdown; not when start failed


async def run_polling(settings: Settings, services: Services, bot: Bot, dp: Dispatcher) -> None:
    if not settings.serves_web:
        await dp.start_polling(bot, handle_signals=True, close_bot_session=True)
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
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    await web.TCPSite(runner, settings.web_server_host, settings.web_server_port).start()
    logger.info("web server listening", extra={"port": settings.web_server_port})
    try:
        await dp.start_polling(bot, handle_signals=True, close_bot_session=True)
    finally:
        await runner.cleanup()


async def run_webhook(settings: Settings, services: Services, bot: Bot, dp: Dispatcher) -> None:
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
    runner = web.AppRunner(app, access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, settings.web_server_host, settings.web_server_port)
    await site.start()
    logger.info(
        "webhook server listening",
        extra={"port": settings.web_server_port, "path": webhook_path(settings.webhook_url or "")},
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    logger.info("stopping the webhook server")
    await runner.cleanup()  # runs the dispatcher's shutdown: placements finish, tasks stop
    await bot.session.close()
