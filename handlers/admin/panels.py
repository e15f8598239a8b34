"""Several panels: /panels (health, balance, open orders, last error), /routes and /route
(which panels sell a product, linking, unlinking and ranking routes)."""

from __future__ import annotations

import re

from aiogram import Router, html
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.core.catalog.curation import Curation
from bot.core.catalog.storefront import Storefront
from bot.core.domain import parse_id
from bot.core.ops.audit_store import AuditLog
from bot.core.ops.figure_store import FigureStore
from bot.core.panels.health import Panels
from bot.core.reliability.book import ReliabilityBook
from bot.core.reliability.record import STOPPED, Figures, Verdict
from bot.core.shop import Shop
from bot.ui.render import Translate, fit, money, rate, shorten


async def panels_command(
    message: Message, i18n: I18nContext, panels: Panels, figures: FigureStore
) -> None:
    lines = []
    for state in await panels.states(await figures.open_orders_by_panel()):
        health, balance = state.health, state.health.balance
        lines.append(
            i18n.get(
                "admin-panel-line",
                panel=html.quote(state.name),
                state=i18n.get("admin-panel-up")
                if state.up
                else i18n.get("admin-panel-down", down=str(state.down_seconds or 0)),
                balance=money(balance.balance, balance.currency) if balance else "—",
                orders=state.orders,
                owed=money(state.owed, balance.currency if balance else ""),
                errors=f"{health.error_rate:.0%}",
                latency=f"{health.latency_seconds * 1000:.0f} ms"
                if health.latency_seconds is not None
                else "—",
                outages=health.outages,
                error=html.quote(health.last_error or "—"),
            )
        )
    await message.answer(fit("\n\n".join(lines)))


async def routes_command(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    storefront: Storefront,
    shop: Shop,
    reliability: ReliabilityBook,
) -> None:
    args = (command.args or "").strip()
    product_id = parse_id(args)
    product = storefront.product(product_id) if product_id is not None else None
    if product is None:
        await message.answer(i18n.get("admin-routes-usage"))
        return
    ranked = storefront.ranked_routes(product.id)
    healthy = storefront.panels.healthy()
    await reliability.of(product.id)  # the records as the database has them now
    lines = [i18n.get("admin-routes-title", id=str(product.id))]
    for place, route in enumerate(ranked):
        service = route.service
        stopped = reliability.standing(product.id, route.panel) >= STOPPED
        mark = "▶️" if place == 0 else ("⛔" if route.panel not in healthy else "•")
        measured = reliability.of_panel(product.id, route.panel)
        lines.append(
            i18n.get(
                "admin-route-line",
                mark="🚫" if stopped and place else mark,
                panel=html.quote(route.panel),
                service=str(service.id),
                name=html.quote(shorten(service.name, 60)),
                rate=rate(service.rate, shop.currency),
                min=str(service.min),
                max=str(service.max),
                refill="✅" if service.refill else "—",
                cancel="✅" if service.cancel else "—",
                priority=str(route.priority),
            )
            + " · "
            + route_record(i18n.get, measured, stopped)
        )
    lines += ["", i18n.get("admin-routes-rule")]
    await message.answer(fit("\n".join(lines)))


def route_record(t: Translate, measured: Figures, stopped: bool) -> str:
    """A route's own record, short: what routing by evidence goes by."""
    if stopped:
        return t("admin-route-stopped")
    if measured.verdict is Verdict.TOO_FEW:
        return t("admin-route-record-few", count=measured.orders)
    badge = {Verdict.RELIABLE: "✅", Verdict.BAD: "⚠️"}.get(measured.verdict, "")
    completed = round(100 * (measured.completed_share or 0.0))
    return t("admin-route-record", badge=badge, percent=completed, count=measured.orders)


async def _change_route(words: list[str], storefront: Storefront) -> bool:
    """One admin change of routes; False when the words do not make one."""
    verb = words[0].lower() if words else ""
    product_id = parse_id(words[1]) if len(words) >= 3 else None
    if product_id is None:
        return False
    panel = words[2]
    if verb == "link" and len(words) == 3:
        panel, _, raw_service = words[2].partition(":")
        service_id = parse_id(raw_service)
        return service_id is not None and await storefront.link(product_id, panel, service_id)
    if verb == "unlink" and len(words) == 3:
        return await storefront.unlink(product_id, panel)
    if verb == "priority" and len(words) == 4 and re.fullmatch(r"-?[0-9]{1,6}", words[3]):
        return await storefront.rank(product_id, panel, int(words[3]))
    return False


async def route_command(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    storefront: Storefront,
    curation: Curation,
    shop: Shop,
    audit: AuditLog,
    reliability: ReliabilityBook,
) -> None:
    """/route link <product> <panel>:<service> · unlink <product> <panel> · priority <product>
    <panel> <n>."""
    words = (command.args or "").split()
    if not await _change_route(words, storefront):
        await message.answer(i18n.get("admin-route-usage"))
        return
    await curation.refresh()  # the catalog rebuilt with the routes as they are now
    await audit.record(message.chat.id, "route", " ".join(words)[:200])
    await message.answer(i18n.get("admin-route-done"))
    shown = CommandObject(prefix="/", command="routes", args=words[1])
    await routes_command(message, shown, i18n, storefront, shop, reliability)


def register(router: Router) -> None:
    router.message.register(panels_command, Command("panels"))
    router.message.register(routes_command, Command("routes"))
    router.message.register(route_command, Command("route"))
