"""/broadcast: a message to every active user through the outbox, after a confirmation. Above
1,000 recipients it also offers Fast (paid): Telegram's paid broadcasts, up to 1,000 messages
a second for Stars from the bot's balance, with the cost shown first."""

from __future__ import annotations

import math
import time
from decimal import Decimal

from aiogram import Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext

from bot.core.customers.user_store import UserStore
from bot.core.notifications.outbox_store import OutboxStore
from bot.core.outbox import OutboxKind
from bot.core.settings import Settings
from bot.ui.callbacks import BroadcastConfirm, BroadcastStep
from bot.ui.filters import TypedText
from bot.ui.keyboards import Tone, button, markup
from bot.ui.staff_gate import STAFF_FLAG
from handlers.replies import drop_buttons
from handlers.states import AdminInput

PAID_ABOVE = 1000  # fewer recipients go out in under a minute at the normal pace anyway
STARS_PER_PAID_MESSAGE = Decimal("0.1")  # Telegram's price of a paid broadcast message


def paid_broadcast_stars(recipients: int) -> int:
    return math.ceil(recipients * STARS_PER_PAID_MESSAGE)


async def broadcast_start(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    state: FSMContext,
    users: UserStore,
    settings: Settings,
) -> None:
    text = (message.html_text or "").partition(" ")[2].strip() if command.args else ""
    if not text:
        await state.set_state(AdminInput.broadcast_text)
        await message.answer(i18n.get("admin-broadcast-ask"))
        return
    await _broadcast_preview(message, i18n, state, users, text, settings)


async def broadcast_text(
    message: Message, i18n: I18nContext, state: FSMContext, users: UserStore, settings: Settings
) -> None:
    await _broadcast_preview(message, i18n, state, users, message.html_text or "", settings)


async def _broadcast_preview(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    users: UserStore,
    text: str,
    settings: Settings,
) -> None:
    recipients = len(await users.active_user_ids())
    await state.set_state(None)
    await state.update_data(broadcast=text[:4000])
    question = i18n.get("admin-broadcast-confirm", count=recipients)
    fast = []
    if recipients > PAID_ABOVE:
        stars = paid_broadcast_stars(recipients)
        minutes = math.ceil(recipients / settings.send_rate_per_second / 60)
        question += "\n" + i18n.get("admin-broadcast-fast-offer", minutes=minutes, stars=stars)
        fast = [
            button(
                i18n.get("button-send-fast", stars=stars),
                BroadcastConfirm(action=BroadcastStep.FAST),
                Tone.GO,
            )
        ]
    send_or_cancel = markup(
        fast,
        [
            button(i18n.get("button-send"), BroadcastConfirm(action=BroadcastStep.SEND), Tone.GO),
            button(
                i18n.get("button-cancel"), BroadcastConfirm(action=BroadcastStep.CANCEL), Tone.STOP
            ),
        ],
    )
    await message.answer(question + "\n\n" + text[:4000], reply_markup=send_or_cancel)


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
    if callback_data.action is BroadcastStep.CANCEL or not text:
        callback_answer.text = i18n.get("cancelled")
        return
    recipients = await users.active_user_ids()
    started = time.time()
    paid = callback_data.action is BroadcastStep.FAST and len(recipients) > PAID_ABOVE
    kind = OutboxKind.PAID_BROADCAST if paid else OutboxKind.BROADCAST
    count = await outbox.enqueue(recipients, kind, {"text": text, "started": started})
    # The sender reports progress to the admin as it drains the outbox.
    progress = {"started": started, "total": count, "kind": kind.value}
    await outbox.enqueue([query.from_user.id], OutboxKind.BROADCAST_PROGRESS, progress)
    if isinstance(query.message, Message):
        await query.message.answer(i18n.get("admin-broadcast-queued", count=count))


def register(router: Router) -> None:
    router.message.register(broadcast_start, Command("broadcast"))
    flags = {STAFF_FLAG: "broadcast"}
    router.message.register(
        broadcast_text, StateFilter(AdminInput.broadcast_text), TypedText(), flags=flags
    )
    router.callback_query.register(broadcast_send, BroadcastConfirm.filter(), flags=flags)
