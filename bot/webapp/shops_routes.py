"""The console's Shops: the parent owner's child shops — owner, customers, orders and volume
in 30 days, the reseller's wallet here — with Suspend and Resume (the chat's /shops)."""

from __future__ import annotations

from aiohttp import web

from bot.core.children.service import ChildShops
from bot.core.children.shop import ChildState
from bot.core.domain import parse_id
from bot.core.money import fmt
from bot.webapp.console_routes import console_of, console_part
from bot.webapp.context import app_of, fail, user_of

ACTIONS = {"suspend": ChildState.SUSPENDED, "resume": ChildState.RUNNING}
SHOWN = 200


async def _children(request: web.Request) -> ChildShops:
    found: ChildShops = await console_part(request, "shops", "children")
    return found


async def listing(request: web.Request) -> web.Response:
    children = await _children(request)
    app = app_of(request)
    currency = app.currency()
    items = []
    for child in (await children.store.all())[:SHOWN]:
        figures = await children.figures(child.bot_id)
        wallet = await app.wallets.balance(child.owner_id)
        items.append(
            {
                "bot_id": child.bot_id,
                "username": child.username,
                "owner": child.owner_id,
                "state": child.state.value,
                "customers": figures.customers if figures else None,
                "orders": figures.orders if figures else None,
                "volume": f"{fmt(figures.volume)} {currency}" if figures else None,
                "wallet": f"{fmt(wallet)} {currency}",
            }
        )
    return web.json_response({"enabled": children.enabled, "items": items})


async def act(request: web.Request) -> web.Response:
    console = await console_of(request, "shops")
    children = console.children
    bot_id = parse_id(request.match_info.get("id", ""))
    state = ACTIONS.get(request.match_info.get("action", ""))
    if children is None or bot_id is None or state is None:
        return fail(404, "not_found")
    changed = await children.set_state(bot_id, state)
    if changed is None:
        return fail(404, "not_found")
    await console.audit.record(user_of(request).id, "child.state", bot_id, None, state.value)
    return web.json_response({"ok": True, "state": changed.state.value})


def add_shops(routes: web.UrlDispatcher, prefix: str = "/app/api/admin") -> None:
    routes.add_route("GET", f"{prefix}/shops", listing)
    routes.add_route("POST", prefix + r"/shops/{id}/{action:suspend|resume}", act)
