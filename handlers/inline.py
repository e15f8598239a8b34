"""Inline mode: `@bot` lists one's recent orders, `@bot 23501` finds one of them, and
`@bot followers` in any chat lists matching services, each with a button that opens it in
the bot's chat."""

from __future__ import annotations

from aiogram import Bot, Router, html
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQuery,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InlineQueryResultUnion,
    InputTextMessageContent,
)
from aiogram_i18n import I18nContext

from bot.core.catalog.cache import CatalogCache, CatalogUnavailableError
from bot.core.catalog.pricing import Pricing
from bot.core.domain import Order, parse_id
from bot.core.growth.referral_store import ReferralStore
from bot.core.ordering.order_store import OrderStore
from bot.core.panels import Service
from bot.core.shop import Shop
from bot.ui.deep_links import service_link
from bot.ui.keyboards import DONE_QUERY, INVITE_QUERY
from bot.ui.render import demo_note, rate, short_card, shorten, stage_label
from bot.ui.share_cards import invite_card, result_card

RECENT = 10
CACHE_SECONDS = 5  # personal results, briefly cached by Telegram
SERVICES_SHOWN = 20  # Telegram shows 50 at most; the best 20 are what anyone scrolls


def _result(i18n: I18nContext, order: Order) -> InlineQueryResultArticle:
    delivered = order.delivered if order.delivered is not None else 0
    return InlineQueryResultArticle(
        id=f"order-{order.id}",
        title=i18n.get(
            "inline-order-title", id=str(order.id), status=stage_label(i18n.get, order.stage)
        ),
        description=i18n.get(
            "inline-order-description",
            service=shorten(order.service_name, 60),
            delivered=str(delivered),
            quantity=str(order.quantity),
        ),
        input_message_content=InputTextMessageContent(message_text=short_card(i18n.get, order)),
    )


def _service_result(
    i18n: I18nContext, service: Service, rate: str, link: str, demo: bool
) -> InlineQueryResultArticle:
    limits = f"{service.min}–{service.max}"
    message = i18n.get(
        "inline-service-message", name=html.quote(shorten(service.name, 200)), rate=rate
    )
    return InlineQueryResultArticle(
        id=f"svc-{service.id}",
        title=shorten(service.name, 100),
        description=i18n.get("inline-service-description", rate=rate, limits=limits),
        input_message_content=InputTextMessageContent(
            message_text=message + demo_note(i18n.get, demo)
        ),
        reply_markup=InlineKeyboardMarkup(
            inline_keyboard=[[InlineKeyboardButton(text=i18n.get("inline-order-button"), url=link)]]
        ),
    )


async def _services(
    text: str, i18n: I18nContext, bot: Bot, catalog: CatalogCache, pricing: Pricing, shop: Shop
) -> list[InlineQueryResultUnion]:
    try:
        found = (await catalog.get()).search(text[:100])[:SERVICES_SHOWN]
    except CatalogUnavailableError:
        return []
    username = (await bot.me()).username or ""
    return [
        _service_result(
            i18n,
            service,
            rate(pricing.rate(service), shop.currency),
            service_link(username, service.id),
            shop.demo,
        )
        for service in found
    ]


async def lookup(
    query: InlineQuery,
    bot: Bot,
    i18n: I18nContext,
    orders: OrderStore,
    catalog: CatalogCache,
    pricing: Pricing,
    shop: Shop,
    referrals: ReferralStore,
) -> None:
    text = query.query.strip().lstrip("#")
    owner = query.from_user.id
    word, _, rest = text.partition(" ")
    if word == INVITE_QUERY:
        invite = await invite_card(i18n.get, bot, referrals, owner)
        await query.answer([invite], cache_time=CACHE_SECONDS, is_personal=True)
        return
    shared_id = parse_id(rest.strip()) if word == DONE_QUERY else None
    if shared_id is not None:
        order = await orders.get_order(shared_id, user_id=owner)  # one's own orders only
        card = await result_card(i18n.get, bot, order) if order is not None else None
        cards: list[InlineQueryResultUnion] = [card] if card is not None else []
        await query.answer(cards, cache_time=CACHE_SECONDS, is_personal=True)
        return
    order_id = parse_id(text)
    if text and order_id is None:
        # Words: the services they find, to order (with the price this customer would see).
        results = await _services(text, i18n, bot, catalog, pricing, shop)
        button = (
            None
            if results
            else InlineQueryResultsButton(
                text=i18n.get("inline-no-services"), start_parameter="inline"
            )
        )
        await query.answer(results, cache_time=30, is_personal=True, button=button)
        return
    if order_id is not None:
        # Only the asker's own order: anyone else's number finds nothing.
        found = await orders.get_order(order_id, user_id=owner)
        mine = [found] if found else []
    else:
        mine = await orders.list_orders(owner, limit=RECENT)
    button = None
    if not mine:
        button = InlineQueryResultsButton(
            text=i18n.get("inline-start-bot" if not text else "inline-no-orders"),
            start_parameter="inline",
        )
    await query.answer(
        [_result(i18n, order) for order in mine],
        cache_time=CACHE_SECONDS,
        is_personal=True,
        button=button,
    )


def register(router: Router) -> None:
    router.inline_query.register(lookup)
