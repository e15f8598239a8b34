"""Answering a button by showing the new content in place of the message it was on."""

from __future__ import annotations

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.ui.render import fit


async def show_in_place(
    query: CallbackQuery, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    """Edit the message the button is on; one too old, deleted or unchanged gets a fresh one."""
    if not isinstance(query.message, Message):
        return
    try:
        await query.message.edit_text(fit(text), reply_markup=markup)
    except TelegramBadRequest:
        await query.message.answer(fit(text), reply_markup=markup)
