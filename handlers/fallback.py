"""What nothing else handled: unknown commands, stray text, stale buttons."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext

from bot.ui.filters import CommandLike
from bot.ui.keyboards import main_menu


async def unknown_command(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("unknown-command"), reply_markup=main_menu(i18n))


async def stray_message(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("use-menu"), reply_markup=main_menu(i18n))


async def stale_button(
    query: CallbackQuery, callback_answer: CallbackAnswer, i18n: I18nContext
) -> None:
    callback_answer.text = i18n.get("stale-button")
    callback_answer.show_alert = True


def register(router: Router) -> None:
    router.message.register(unknown_command, CommandLike())
    router.message.register(stray_message)
    router.callback_query.register(stale_button)
