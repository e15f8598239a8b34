"""The Mini App's JSON API under /app/api/. Every call carries the raw init data in the
`X-Telegram-Init-Data` header; the user is taken from it alone. Everything about orders,
money and panels goes through the same core objects as the chat."""

from __future__ import annotations

import logging

from aiohttp import web

from bot.webapp.console_routes import add_console
from bot.webapp.context import MINI_APP, MiniApp
from bot.webapp.guard import authenticate, json_errors
from bot.webapp.order_routes import order_action, orders, place, quote, topup
from bot.webapp.plan_routes import add_plan_routes
from bot.webapp.settings_routes import add_settings
from bot.webapp.share_routes import share
from bot.webapp.shop_routes import categories, me, service, services
from bot.webapp.shops_routes import add_shops

logger = logging.getLogger(__name__)


def add_api(app: web.Application, mini_app: MiniApp) -> None:
    app[MINI_APP] = mini_app
    app.middlewares.append(json_errors)
    app.middlewares.append(authenticate)
    routes = app.router
    routes.add_get("/app/api/me", me)
    routes.add_get("/app/api/categories", categories)
    routes.add_get("/app/api/services", services)
    routes.add_get(r"/app/api/services/{id:\d+}", service)
    routes.add_post("/app/api/quote", quote)
    routes.add_post("/app/api/orders", place)
    routes.add_get("/app/api/orders", orders)
    routes.add_post(r"/app/api/orders/{id}/{action:refill|cancel|refresh}", order_action)
    routes.add_post("/app/api/topup", topup)
    routes.add_post("/app/api/share", share)
    add_plan_routes(routes)
    add_console(routes)
    add_settings(routes)
    add_shops(routes)


__all__ = ["MINI_APP", "MiniApp", "add_api"]
