"""POST /app/api/share: a card the customer shares from the Mini App — their referral link,
or a delivered order's result — saved as a prepared message the page hands to Telegram's
`shareMessage` (the chat shares the same cards through inline mode)."""

from __future__ import annotations

import logging
from functools import partial

from aiogram.exceptions import TelegramAPIError
from aiohttp import web

from bot.core.domain import parse_id
from bot.ui.share_cards import invite_card, result_card
from bot.webapp.context import LOCALE, app_of, fail, read_body, texts, user_of

logger = logging.getLogger(__name__)


async def share(request: web.Request) -> web.Response:
    app, user, t = app_of(request), user_of(request), texts(request)
    body = await read_body(request)
    # The card itself is sent as Telegram's HTML, like the chat's: not the page's plain text.
    card_text = partial(app.translator, locale=request[LOCALE])
    kind = body.get("kind")
    if kind == "invite" and app.referrals is not None:
        card = await invite_card(card_text, app.bot, app.referrals, user.id)
    elif kind == "result":
        order_id = parse_id(str(body.get("order") or ""))
        order = await app.orders_store.get_order(order_id, user_id=user.id) if order_id else None
        found = await result_card(card_text, app.bot, order) if order is not None else None
        if found is None:  # anyone else's order, or nothing delivered yet
            return fail(404, "not_found", t("order-not-found"))
        card = found
    else:
        return fail(400, "bad_kind")
    try:
        prepared = await app.bot.save_prepared_inline_message(
            user_id=user.id,
            result=card,
            allow_user_chats=True,
            allow_group_chats=True,
            allow_channel_chats=True,
        )
    except TelegramAPIError as exc:
        logger.warning("share card not prepared", extra={"error": type(exc).__name__})
        return fail(503, "unavailable", t("app-share-unavailable"))
    return web.json_response({"id": prepared.id})
