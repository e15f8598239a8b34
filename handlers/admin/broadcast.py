"""/broadcast: a message to every active user through the outbox, after a confirmation."""

from __future__ import annotations

import time

from aiogram import Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext

from bot.core.customers.user_store import UserStore
from bot.core.notifications.outbox_store import OutboxStore
from bot.core.outbox import OutboxKind
from bot.ui.callbacks import BroadcastConfirm, BroadcastStep
from bot.ui.filters import TypedText
from bot.ui.keyboards import button, markup
from handlers.replies import drop_buttons
from handlers.states import AdminInput


async def broadcast_start(
    message: Message, command: CommandObject, i18n: I18nContext, state: FSMContext, users: UserStore
) -> None:
    text = (message.html_text or "").partition(" ")[2].strip() if command.args else ""
    if not text:
        await state.set_state(AdminInput.broadcast_text)
        await message.answer(i18n.get("admin-broadcast-ask"))
        return
    await _broadcast_preview(message, i18n, state, users, text)


async def broadcast_text(
    message: Message, i18n: I18nContext, state: FSMContext, users: UserStore
) -> None:
    await _broadcast_preview(message, i18n, state, users, message.html_text or "")


async def _broadcast_preview(
    message: Message, i18n: I18nContext, state: FSMContext, users: UserStore, text: str
) -> None:
    recipients = len(await users.active_user_ids())
    await state.set_state(None)
    await state.update_data(broadcast=text[:4000])
    send_or_cancel = markup(
        [
            button(i18n.get("button-send"), BroadcastConfirm(action=BroadcastStep.SEND)),
            button(i18n.get("button-cancel"), BroadcastConfirm(action=BroadcastStep.CANCEL)),
        ]
    )
    await message.answer(
        i18n.get("admin-broadcast-confirm", count=recipients) + "\n\n" + text[:4000],
        reply_markup=send_or_cancel,
    )


async def broadcast_send(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: BroadcastConfirm,
    i18n: I18nContext,
    state: FSMContext,
    outbox: OutboxStore,
    users: UserStore,
) -> None:
    data = await state.get_data()
    text = data.pop("broadcast", None)
    await state.set_data(data)
    if isinstance(query.message, Message):
        await drop_buttons(query.message)
    if callback_data.action is not BroadcastStep.SEND or not text:
        callback_answer.text = i18n.get("cancelled")
        return
    recipients = await users.active_user_ids()
    started = time.time()
    count = await outbox.enqueue(
        recipients, OutboxKind.BROADCAST, {"text": text, "started": started}
    )
    # The sender reports progress to the admin as it drains the outbox.
    await outbox.enqueue(
        [query.from_user.id], OutboxKind.BROADCAST_PROGRESS, {"started": started, "total": count}
    )
    if isinstance(query.message, Message):
        await query.message.answer(i18n.get("admin-broadcast-queued", count=count))


def register(router: Router) -> None:
    router.message.register(broadcast_start, Command("broadcast"))
    router.message.register(broadcast_text, StateFilter(AdminInput.broadcast_text), TypedText())
    router.callback_query.register(broadcast_send, BroadcastConfirm.filter())
