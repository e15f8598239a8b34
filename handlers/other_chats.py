"""Groups, supergroups and channels: the shop lives in a private chat. A command said there
gets one line pointing to the private chat, a button one alert, anything else silence — and
nothing a customer's handler would do (invoices, promo uses, referrals, customer rows)."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext

from bot.ui.filters import CommandLike, OutsidePrivateChat


async def _pointer(bot: Bot, i18n: I18nContext) -> str:
    me = await bot.me()  # cached by aiogram after the first call
    return i18n.get("private-chat-only", bot=f"@{me.username}" if me.username else "")


async def command_elsewhere(message: Message, bot: Bot, i18n: I18nContext) -> None:
    await message.reply(await _pointer(bot, i18n))


async def said_elsewhere(message: Message) -> None:
    """Ordinary talk in a group is not for the bot."""


async def button_elsewhere(
    query: CallbackQuery, bot: Bot, callback_answer: CallbackAnswer, i18n: I18nContext
) -> None:
    callback_answer.text = await _pointer(bot, i18n)
    callback_answer.show_alert = True


def setup() -> Router:
    """Before every customer and admin router; the support group has its own, before this."""
    router = Router(name=__name__)
    router.message.filter(OutsidePrivateChat())
    router.callback_query.filter(OutsidePrivateChat())
    router.message.register(command_elsewhere, CommandLike())
    router.message.register(said_elsewhere)
    router.callback_query.register(button_elsewhere)
    return router
