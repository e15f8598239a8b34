"""The bot's web server: Telegram's webhook (with the secret token checked on every request),
`/healthz` for load balancers, `/metrics`, and Crypto Pay's webhook. Several replicas can
serve the same URL."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from bot.core.payments.crypto import CryptoPayments, WebhookVerdict
from bot.core.settings import Settings
from bot.panel_api import PanelApi, add_panel_api
from bot.webapp.api import MiniApp, add_api
from bot.webapp.pages import add_pages

CRYPTO_PAY_PATH = "/payments/cryptopay"

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


LOOPBACK = frozenset({"127.0.0.1", "::1"})


def add_metrics(app: web.Application, token: str | None) -> None:
    """Prometheus' text format at /metrics: with a token, only for "Bearer <token>"; without
    one, only for this machine (a Prometheus beside the bot), never for the world."""
    from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest

    async def scrape(request: web.Request) -> web.Response:
        if token is None and request.remote not in LOOPBACK:
            return web.json_response(
                {"error": "forbidden", "message": "set METRICS_TOKEN to scrape from elsewhere"},
                status=403,
            )
        given = request.headers.get("Authorization", "").encode()
        if token and not hmac.compare_digest(given, f"Bearer {token}".encode()):
            return web.json_response({"error": "unauthorized"}, status=401)
        body = generate_latest(REGISTRY)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    app.router.add_get("/metrics", scrape)


def add_crypto_webhook(app: web.Application, crypto: CryptoPayments) -> None:
    """Crypto Pay posts paid invoices here, signed with the app's token."""

    async def paid(request: web.Request) -> web.Response:
        body = await request.read()
        verdict = await crypto.on_webhook(body, request.headers.get("crypto-pay-api-signature"))
        if verdict is WebhookVerdict.FORGED:
            return web.json_response({"ok": False, "error": "bad signature"}, status=401)
        return web.json_response({"ok": True})

    app.router.add_post(CRYPTO_PAY_PATH, paid)


def add_mini_app(app: web.Application, mini_app: MiniApp) -> None:
    add_pages(app)
    add_api(app, mini_app)


def create_side_app(
    ping: Ping,
    is_leader: IsLeader,
    settings: Settings,
    crypto: CryptoPayments | None = None,
    mini_app: MiniApp | None = None,
    panel_api: PanelApi | None = None,
) -> web.Application:
    """Polling mode's web server (no Telegram webhook)."""
    app = web.Application()
    add_common(app, settings, ping, is_leader, crypto, mini_app, panel_api)
    return app


def add_common(
    app: web.Application,
    settings: Settings,
    ping: Ping,
    is_leader: IsLeader,
    crypto: CryptoPayments | None,
    mini_app: MiniApp | None,
    panel_api: PanelApi | None = None,
) -> None:
    """What both modes serve: health, and metrics, Crypto Pay's webhook, the Mini App and
    the shop's API v2 when they are configured."""
    add_health(app, ping, is_leader)
    if settings.metrics_enabled:
        add_metrics(app, metrics_token(settings))
    if crypto is not None:
        add_crypto_webhook(app, crypto)
    if mini_app is not None:
        add_mini_app(app, mini_app)
    if panel_api is not None:
        add_panel_api(app, panel_api)


SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name


def _ascii_secret_only(path: str) -> Any:
    """Telegram's secret header is ASCII; aiogram compares it as text, which raises on any
    other character: such a request is refused here as the forgery it is."""

    @web.middleware
    async def refuse(request: web.Request, handler: Any) -> web.StreamResponse:
        if request.path == path and not request.headers.get(SECRET_HEADER, "").isascii():
            return web.json_response({"error": "unauthorized"}, status=401)
        return await handler(request)  # type: ignore[no-any-return]

    return refuse


def create_web_app(
    settings: Settings,
    bot: Bot,
    dp: Dispatcher,
    ping: Ping,
    is_leader: IsLeader,
    crypto: CryptoPayments | None = None,
    mini_app: MiniApp | None = None,
    panel_api: PanelApi | None = None,
) -> web.Application:
    assert settings.webhook_url is not None
    assert settings.webhook_secret is not None
    secret = settings.webhook_secret.get_secret_value()
    path = webhook_path(settings.webhook_url)
    app = web.Application(middlewares=[_ascii_secret_only(path)])
    # Answered once handled, not on arrival: a replica killed mid-update leaves Telegram
    # without its 200, so Telegram delivers the update again (to another replica) instead of
    # it being lost with the process (a Confirm is placed once by its token either way).
    SimpleRequestHandler(
        dispatcher=dp, bot=bot, secret_token=secret, handle_in_background=False
    ).register(app, path=path)
    add_common(app, settings, ping, is_leader, crypto, mini_app, panel_api)

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
