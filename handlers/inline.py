"""Inline status lookup: `@bot` lists one's recent orders, `@bot 23501` finds one of them."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import (
    InlineQuery,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
)
from aiogram_i18n import I18nContext

from bot.core.domain import Order, parse_id
from bot.core.ordering.order_store import OrderStore
from bot.ui.render import short_card, shorten, stage_label

RECENT = 10
CACHE_SECONDS = 5  # personal results, briefly cached by Telegram


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


async def lookup(query: InlineQuery, i18n: I18nContext, orders: OrderStore) -> None:
    text = query.query.strip().lstrip("#")
    owner = query.from_user.id
    order_id = parse_id(text)
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
