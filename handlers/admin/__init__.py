"""Admin commands. The admin filter is checked once, on this parent router: for anyone
else none of the nested routers' commands exist (they fall through to "unknown command")."""

from __future__ import annotations

from aiogram import Router

from bot.ui.filters import IsAdmin
from handlers.admin import broadcast, orders, panels, people, shop, wallets


def setup() -> Router:
    router = Router(name=__name__)
    router.message.filter(IsAdmin())
    router.callback_query.filter(IsAdmin())
    router.include_routers(
        wallets.setup(),
        people.setup(),
        shop.setup(),
        orders.setup(),
        broadcast.setup(),
        panels.setup(),
    )
    return router
