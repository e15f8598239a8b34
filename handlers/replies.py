"""Answering a button: showing new content in place, and taking buttons off a message.

Telegram refuses edits that change nothing and edits of messages too old or gone; after a
double tap that is the normal case, not an error."""

from __future__ import annotations

import contextlib

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


async def drop_buttons(message: Message) -> None:
    """Take the buttons off a message; already gone (a second tap) is fine."""
    with contextlib.suppress(TelegramBadRequest):
        await message.edit_reply_markup(reply_markup=None)
