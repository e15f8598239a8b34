"""Running the bot: long polling, or a webhook server. Building is `bot/app.py`'s job."""

from __future__ import annotations

import asyncio
import logging
import signal

from aiogram import Bot, Dispatcher

from bot.app import Services, build_services, create_bot, create_dispatcher, create_mini_app
from bot.core.ops.memory import settle_after_start
from bot.core.settings import Settings

logger = logging.getLogger(__name__)


async def run(settings: Settings) -> None:
    services = await build_services(settings)
    bot = create_bot(settings)
    dp = create_dispatcher(services)
    settle_after_start()
    try:
        if settings.webhook_url:
            await run_webhook(settings, services, bot, dp)
        else:
            await run_polling(settings, services, bot, dp)
    finally:
        if services.tasks:  # startup failed half-way: still close what was opened
            await services.close()


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
