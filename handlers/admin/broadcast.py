"""/broadcast: a message to every active user through the outbox, after a confirmation."""

from __future__ import annotations

import time

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.filters import TypedText
from bot.storage import Repository
from handlers.callbacks import BroadcastConfirm
from handlers.keyboards import button, markup
from handlers.states import AdminInput

router = Router(name=__name__)


@router.message(Command("broadcast"))
async def broadcast_start(
    message: Message, command: CommandObject, i18n: I18nContext, state: FSMContext, repo: Repository
) -> None:
    text = (message.html_text or "").partition(" ")[2].strip() if command.args else ""
    if not text:
        await state.set_state(AdminInput.broadcast_text)
        await message.answer(i18n.get("admin-broadcast-ask"))
        return
    await _broadcast_preview(message, i18n, state, repo, text)


@router.message(AdminInput.broadcast_text, TypedText())
async def broadcast_text(
    message: Message, i18n: I18nContext, state: FSMContext, repo: Repository
) -> None:
    await _broadcast_preview(message, i18n, state, repo, message.html_text or "")


async def _broadcast_preview(
    message: Message, i18n: I18nContext, state: FSMContext, repo: Repository, text: str
) -> None:
    recipients = len(await repo.active_user_ids())
    await state.set_state(None)
    await state.update_data(broadcast=text[:4000])
    send_or_cancel = markup(
        [
            button(i18n.get("button-send"), BroadcastConfirm(action="send")),
            button(i18n.get("button-cancel"), BroadcastConfirm(action="cancel")),
        ]
    )
    await message.answer(
        i18n.get("admin-broadcast-confirm", count=str(recipients)) + "\n\n" + text[:4000],
        reply_markup=send_or_cancel,
    )


@router.callback_query(BroadcastConfirm.filter())
async def broadcast_send(
    query: CallbackQuery,
    callback_data: BroadcastConfirm,
    i18n: I18nContext,
    state: FSMContext,
    repo: Repository,
) -> None:
    data = await state.get_data()
    text = data.pop("broadcast", None)
    await state.set_data(data)
    if isinstance(query.message, Message):
        await query.message.edit_reply_markup(reply_markup=None)
    if callback_data.action != "send" or not text:
        await query.answer(i18n.get("cancelled"))
        return
    recipients = await repo.active_user_ids()
    started = time.time()
    count = await repo.enqueue(recipients, "broadcast", {"text": text, "started": started})
    await query.answer()
    # The sender reports progress to the admin as it drains the outbox.
    await repo.enqueue(
        [query.from_user.id], "broadcast_progress", {"started": started, "total": count}
    )
    if isinstance(query.message, Message):
        await query.message.answer(i18n.get("admin-broadcast-queued", count=str(count)))
