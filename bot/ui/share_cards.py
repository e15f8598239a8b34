"""Cards a customer shares into other chats: their referral link with a button into the shop,
and a delivered order's result (never their link). Sent from inline mode in the chat, and
from the Mini App as prepared messages (`savePreparedInlineMessage` + `shareMessage`)."""

from __future__ import annotations

from aiogram import Bot, html
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
)

from bot.core.domain import Order, Stage
from bot.core.growth.referral_store import ReferralStore
from bot.core.growth.referrals import START_PREFIX
from bot.ui.render import Translate, shorten

SHAREABLE_STAGES = frozenset({Stage.COMPLETED, Stage.PARTIAL})


def _open_shop(t: Translate, url: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=t("inline-open-shop"), url=url)]]
    )


async def _username(bot: Bot) -> str:
    return (await bot.me()).username or ""  # cached by aiogram after the first call


async def invite_card(
    t: Translate, bot: Bot, referrals: ReferralStore, owner: int
) -> InlineQueryResultArticle:
    """The customer's referral link as a card: whoever opens the shop through it is theirs."""
    code = (await referrals.referral_summary(owner)).code
    link = f"https://t.me/{await _username(bot)}?start={START_PREFIX}{code}"
    return InlineQueryResultArticle(
        id="invite",
        title=t("inline-invite-title"),
        description=t("inline-invite-description"),
        input_message_content=InputTextMessageContent(message_text=t("inline-invite-card")),
        reply_markup=_open_shop(t, link),
    )


async def result_card(t: Translate, bot: Bot, order: Order) -> InlineQueryResultArticle | None:
    """A delivered order as a card to share: the service and how many arrived — never the
    customer's link. None for an order with nothing delivered to show."""
    if order.stage not in SHAREABLE_STAGES or order.delivered is None:
        return None
    text = t(
        "inline-result-card",
        delivered=order.delivered,
        service=html.quote(shorten(order.service_name, 120)),
    )
    return InlineQueryResultArticle(
        id=f"done-{order.id}",
        title=t("inline-result-title", id=str(order.id)),
        description=shorten(order.service_name, 80),
        input_message_content=InputTextMessageContent(message_text=text),
        reply_markup=_open_shop(t, f"https://t.me/{await _username(bot)}"),
    )
