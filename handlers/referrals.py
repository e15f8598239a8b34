"""Referrals: the customer's link and what it earned; the tie made when someone arrives
through it is in handlers/start.py."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command
from aiogram.types import Message
from aiogram_i18n import I18nContext, LazyFilter

from bot.core.growth.referral_store import ReferralStore
from bot.core.growth.referrals import START_PREFIX
from bot.core.shop import Shop
from bot.ui.keyboards import share_keyboard
from bot.ui.render import money


async def show_referrals(
    message: Message, bot: Bot, i18n: I18nContext, referrals: ReferralStore, shop: Shop
) -> None:
    summary = await referrals.referral_summary(message.chat.id)
    me = await bot.me()  # cached by aiogram after the first call
    link = f"https://t.me/{me.username}?start={START_PREFIX}{summary.code}"
    percent = await referrals.referral_percent()
    key = "referral-text" if percent > 0 else "referral-text-off"
    await message.answer(
        i18n.get(
            key,
            link=link,
            percent=str(percent),
            joined=summary.joined,
            earned=money(summary.earned, shop.currency),
        ),
        reply_markup=share_keyboard(i18n, link),
        disable_web_page_preview=True,
    )


def register(router: Router) -> None:
    router.message.register(show_referrals, LazyFilter("menu-referrals"))
    router.message.register(show_referrals, Command("referrals"))
