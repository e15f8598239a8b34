"""/sale: a flash sale on everything or one category, for some hours; /sale off ends it."""

from __future__ import annotations

import time

from aiogram import Router, html
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.core.catalog.cache import CatalogCache
from bot.core.growth.loyalty import Sale, Sales, parse_sale
from bot.core.ops.audit_store import AuditLog
from bot.ui.loyalty_texts import sale_line
from bot.ui.render import minute, percent


async def sale_command(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    sales: Sales,
    catalog: CatalogCache,
    audit: AuditLog,
) -> None:
    args = (command.args or "").split()
    if not args:
        running = await sales.current()
        await message.answer(sale_line(i18n.get, running) or i18n.get("admin-sale-none"))
        return
    if args == ["off"]:
        ended = await sales.stop()
        await audit.record(message.chat.id, "sale.stop", "sale", ended, None)
        await message.answer(i18n.get("admin-sale-off" if ended else "admin-sale-none"))
        return
    sale = parse_sale(args, time.time())
    if sale is None:
        await message.answer(i18n.get("admin-sale-usage"))
        return
    if sale.category is not None:
        named = await _category_named(catalog, sale.category)
        if named is None:
            category = html.quote(sale.category[:100])
            await message.answer(i18n.get("admin-sale-unknown-category", category=category))
            return
        sale = Sale(sale.percent, sale.ends_at, named)  # as the panel spells it
    await sales.start(sale)
    await audit.record(
        message.chat.id, "sale.start", sale.category or "*", None, f"{sale.percent}%"
    )
    where = html.quote(sale.category) if sale.category else i18n.get("admin-sale-everything")
    await message.answer(
        i18n.get(
            "admin-sale-started",
            percent=percent(sale.percent),
            category=where,
            until=minute(sale.ends_at),
        )
    )


async def _category_named(catalog: CatalogCache, name: str) -> str | None:
    wanted = name.casefold()
    current = await catalog.get()
    return next((c.name for c in current.categories if c.name.casefold() == wanted), None)


def register(router: Router) -> None:
    router.message.register(sale_command, Command("sale"))
