"""Who may call the Mini App's API: the user from the init data alone (missing, forged or
expired: 401), banned users refused (403), a flood slowed (429)."""

from __future__ import annotations

import logging

from aiohttp import web

from bot.ui.i18n import pick_locale
from bot.webapp.auth import HEADER, user_from_init_data
from bot.webapp.context import LOCALE, MINI_APP, SHOP, USER, Handler, MiniApp, fail, shop_of

logger = logging.getLogger(__name__)


@web.middleware
async def authenticate(request: web.Request, handler: Handler) -> web.StreamResponse:
    if not request.path.startswith("/app/api/"):
        return await handler(request)
    app = await shop_of(request)
    if app is None:  # a child shop's page for a child not here (or no such child)
        return _refused(request, request.app[MINI_APP], 404, "unknown_shop", "app-unknown-shop")
    token = app.settings.bot_token.get_secret_value()
    user = user_from_init_data(token, request.headers.get(HEADER, ""))
    if user is None:
        return _refused(request, app, 401, "unauthorized", "app-unauthorized")
    if not app.allow(user.id):  # before anything is written: a flood costs no database work
        said = pick_locale(None, user.language_code, app.settings.default_locale)
        return fail(429, "slow_down", app.translator("throttled", said))
    customer, _ = await app.customers.on_contact(user.id, user.username, user.first_name)
    locale = pick_locale(customer.locale, user.language_code, app.settings.default_locale)
    if customer.is_banned and not app.settings.is_admin(user.id):
        return fail(403, "banned", app.translator("app-banned", locale))
    request[USER] = user
    request[LOCALE] = locale
    request[SHOP] = app
    return await handler(request)


def _refused(request: web.Request, app: MiniApp, status: int, error: str, key: str) -> web.Response:
    """No user to ask: the browser's language says how to word the refusal."""
    wanted = request.headers.get("Accept-Language", "").split(",")[0]
    said = pick_locale(None, wanted, app.settings.default_locale)
    return fail(status, error, app.translator(key, said))


@web.middleware
async def json_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Under /app/api/ every refusal is JSON with an `error`, the page's contract — an unknown
    route or a wrong method too, not aiohttp's plain-text page."""
    if not request.path.startswith("/app/api/"):
        return await handler(request)
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.content_type == "application/json" or exc.status < 400:
            raise
        return fail(exc.status, exc.reason.lower().replace(" ", "_"))
