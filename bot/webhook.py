"""Webhook mode (`WEBHOOK_URL`): aiogram's aiohttp server, the secret token checked on every
request, and `/healthz` for load balancers. Several replicas can serve the same URL."""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from bot.settings import Settings

if TYPE_CHECKING:
    from bot.app import Services

logger = logging.getLogger(__name__)


def webhook_path(url: str) -> str:
    return urlsplit(url).path or "/webhook"


def create_web_app(
    settings: Settings, services: Services, bot: Bot, dp: Dispatcher
) -> web.Application:
    assert settings.webhook_url is not None
    assert settings.webhook_secret is not None
    secret = settings.webhook_secret.get_secret_value()
    app = web.Application()
    SimpleRequestHandler(dispatcher=dp, bot=bot, secret_token=secret).register(
        app, path=webhook_path(settings.webhook_url)
    )

    async def healthz(request: web.Request) -> web.Response:
        database = await services.db.ping()
        body = {"ok": database, "database": database, "leader": services.leadership.is_leader}
        return web.json_response(body, status=200 if database else 503)

    app.router.add_get("/healthz", healthz)

    async def register_webhook(app: web.Application) -> None:
        # Every replica registers the same public URL: idempotent, whoever starts last wins.
        await bot.set_webhook(
            settings.webhook_url or "",
            secret_token=secret,
            allowed_updates=dp.resolve_used_update_types(),
        )

    app.on_startup.append(register_webhook)
    setup_application(app, dp, bot=bot)
    return app


async def run_webhook(settings: Settings, services: Services, bot: Bot, dp: Dispatcher) -> None:
    app = create_web_app(settings, services, bot, dp)
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
