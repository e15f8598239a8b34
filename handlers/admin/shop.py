"""The shop: /stats, /markup, /referral, /services_refresh."""

from __future__ import annotations

import asyncio
import time
from decimal import Decimal

from aiogram import Router, html
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, Message
from aiogram_i18n import I18nContext

from bot.core.catalog.cache import CatalogCache, CatalogUnavailableError, category_key
from bot.core.catalog.pricing import Pricing
from bot.core.domain import parse_id
from bot.core.growth.referral_store import ReferralStore
from bot.core.growth.referrals import parse_percent
from bot.core.money import parse_decimal
from bot.core.ops.audit_store import AuditLog
from bot.core.ops.figure_store import FigureStore
from bot.core.ops.reports import daily
from bot.core.settings import DEFAULT_PANEL
from bot.core.shop import Shop
from bot.ui.charts import render
from bot.ui.i18n import Translator
from bot.ui.render import fit, money, shorten

CAPTION_LIMIT = 1024


async def stats(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    figures: FigureStore,
    referrals: ReferralStore,
    shop: Shop,
    translator: Translator,
) -> None:
    """The period's figures as the caption of a chart of every day (`/stats 90` for longer)."""
    args = (command.args or "").strip()
    days = min(parse_id(args) or 30, 3650)
    days = max(1, min(days, 3650))
    since = time.time() - days * 86400
    period = await figures.stats(since)
    lines = [
        i18n.get(
            "admin-stats",
            days=days,
            orders=str(period["orders"]),
            revenue=money(period["revenue"], shop.currency),
            cost=money(period["cost"], shop.currency),
            profit=money(period["revenue"] - period["cost"], shop.currency),
            users=str(period["new_users"]),
        )
    ]
    by_panel = await figures.stats_by_panel(since)
    if len(by_panel) > 1 or (by_panel and by_panel[0][0] != DEFAULT_PANEL):
        for panel, count, revenue, cost in by_panel:
            lines.append(
                i18n.get(
                    "admin-stats-panel",
                    panel=html.quote(panel),
                    orders=count,
                    cost=money(cost, shop.currency),
                    profit=money(revenue - cost, shop.currency),
                )
            )
    joined, commissions = await referrals.referral_totals(since)
    lines.append(
        i18n.get("admin-stats-referrals", joined=joined, paid=money(commissions, shop.currency))
    )
    for name, count in period["top"]:
        lines.append(f"• {html.quote(shorten(name, 50))} — {count}")
    text = "\n".join(lines)
    rows, refunds = await figures.order_days(since)
    series = daily(rows, refunds, since, days)
    # Drawing takes a few hundred ms of CPU: off the event loop.
    png = await asyncio.to_thread(render, series, translator, i18n.locale, shop.currency)
    photo = BufferedInputFile(png, filename=f"stats-{days}d.png")
    await message.answer_photo(photo, caption=fit(text, CAPTION_LIMIT))
    if len(text) > CAPTION_LIMIT:  # a caption holds 1,024 characters: the rest follows
        await message.answer(text)


async def markup_command(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    pricing: Pricing,
    catalog: CatalogCache,
    audit: AuditLog,
) -> None:
    """/markup — show; /markup 25 — default; /markup service 12 40; /markup category <name> 35;
    `off` instead of a percent removes an override."""
    args = (command.args or "").split()
    if not args:
        lines = [i18n.get("admin-markup-default", percent=str(pricing.default_percent))]
        lines += [
            f"{scope}: {percent}%"
            for scope, percent in pricing.overrides().items()
            if scope != "default"
        ]
        await message.answer("\n".join(lines) + "\n\n" + i18n.get("admin-markup-usage"))
        return
    percent_text = args[-1]
    percent: Decimal | None = None
    if percent_text.lower() != "off":
        percent = parse_decimal(percent_text)
        if percent is None or not Decimal(0) <= percent <= Decimal(1000):
            await message.answer(i18n.get("admin-markup-usage"))
            return
    if len(args) == 1:
        scope = "default"
    elif args[0] == "service" and len(args) == 3 and parse_id(args[1]) is not None:
        scope = f"service:{parse_id(args[1])}"
    elif args[0] == "category" and len(args) >= 3:
        name = " ".join(args[1:-1])
        try:
            current = await catalog.get()
        except CatalogUnavailableError:
            current = None
        match = (
            next((c for c in current.categories if c.name.casefold() == name.casefold()), None)
            if current
            else None
        )
        if match is None:
            await message.answer(i18n.get("admin-markup-no-category", name=html.quote(name)))
            return
        scope = f"category:{category_key(match.name)}"
    else:
        await message.answer(i18n.get("admin-markup-usage"))
        return
    if scope == "default" and percent is None:
        await message.answer(i18n.get("admin-markup-usage"))
        return
    before = pricing.overrides().get(scope)
    await pricing.set_override(scope, percent)
    await audit.record(message.chat.id, "markup", scope, before, percent)
    await message.answer(
        i18n.get(
            "admin-markup-set", scope=scope, percent=str(percent) if percent is not None else "—"
        )
    )


async def referral_command(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    referrals: ReferralStore,
    audit: AuditLog,
) -> None:
    """/referral — show; /referral 7 — set the percent; /referral off."""
    args = (command.args or "").strip()
    if args:
        percent = parse_percent(args)
        if percent is None:
            await message.answer(i18n.get("admin-referral-usage"))
            return
        before = await referrals.referral_percent()
        await referrals.set_referral_percent(percent)
        await audit.record(message.chat.id, "referral.percent", "referral", before, percent)
    current = await referrals.referral_percent()
    key = "admin-referral-percent" if current > 0 else "admin-referral-off"
    text = i18n.get(key, percent=str(current))
    if not args:
        text += "\n\n" + i18n.get("admin-referral-usage")
    await message.answer(text)


async def services_refresh(message: Message, i18n: I18nContext, catalog: CatalogCache) -> None:
    progress = await message.answer(i18n.get("admin-refreshing"))
    try:
        current = await catalog.refresh()
    except CatalogUnavailableError:
        await progress.edit_text(i18n.get("catalog-unavailable"))
        return
    await progress.edit_text(
        i18n.get(
            "admin-refreshed",
            count=len(current.services),
            categories=len(current.categories),
        )
    )


def register(router: Router) -> None:
    router.message.register(stats, Command("stats"))
    router.message.register(markup_command, Command("markup"))
    router.message.register(referral_command, Command("referral"))
    router.message.register(services_refresh, Command("services_refresh"))
