"""The bot's web server: Telegram's webhook (with the secret token checked on every request)
and `/healthz` for load balancers. Several replicas can serve the same URL."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from bot.core.settings import Settings

Ping = Callable[[], Awaitable[bool]]
IsLeader = Callable[[], bool]


def metrics_token(settings: Settings) -> str | None:
    token = settings.metrics_token.get_secret_value() if settings.metrics_token else ""
    return token or None


def webhook_path(url: str) -> str:
    return urlsplit(url).path or "/webhook"


def add_health(app: web.Application, ping: Ping, is_leader: IsLeader) -> None:
    async def healthz(request: web.Request) -> web.Response:
        database = await ping()
        body = {"ok": database, "database": database, "leader": is_leader()}
        return web.json_response(body, status=200 if database else 503)

    app.router.add_get("/healthz", healthz)


def add_metrics(app: web.Application, token: str | None) -> None:
    """Prometheus' text format at /metrics; with a token, only for "Bearer <token>"."""
    from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest

    async def scrape(request: web.Request) -> web.Response:
        if token and not hmac.compare_digest(
            request.headers.get("Authorization", ""), f"Bearer {token}"
        ):
            return web.json_response({"error": "unauthorized"}, status=401)
        body = generate_latest(REGISTRY)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    app.router.add_get("/metrics", scrape)


def create_side_app(ping: Ping, is_leader: IsLeader, metrics_token: str | None) -> web.Application:
    """Polling mode's web server: health and metrics, no webhook."""
    app = web.Application()
    add_health(app, ping, is_leader)
    add_metrics(app, metrics_token)
    return app


def create_web_app(
    settings: Settings, bot: Bot, dp: Dispatcher, ping: Ping, is_leader: IsLeader
) -> web.Application:
    assert settings.webhook_url is not None
    assert settings.webhook_secret is not None
    secret = settings.webhook_secret.get_secret_value()
    app = web.Application()
    SimpleRequestHandler(dispatcher=dp, bot=bot, secret_token=secret).register(
        app, path=webhook_path(settings.webhook_url)
    )
    add_health(app, ping, is_leader)
    if settings.metrics_enabled:
        add_metrics(app, metrics_token(settings))

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
