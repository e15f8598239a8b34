"""Mass orders: /mass (and the hint under New order), the pasted lines, the preview, Confirm.
What each line means and how it is placed once is `bot/core/ordering/mass.py`."""

from __future__ import annotations

import secrets

from aiogram import Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext

from bot.core.ordering.forms import Invalid
from bot.core.ordering.mass import MassLine, MassOrders
from bot.core.shop import Shop
from bot.ui.callbacks import MassConfirm
from bot.ui.filters import TypedText
from bot.ui.keyboards import Tone, button, main_menu, markup
from bot.ui.mass_texts import preview_text, report_text
from bot.ui.render import demo_note
from handlers.replies import drop_buttons
from handlers.states import MassForm


async def mass_start(message: Message, i18n: I18nContext, state: FSMContext) -> None:
    await state.set_state(MassForm.pasting)
    await state.set_data({})
    await message.answer(i18n.get("mass-ask"))


async def mass_lines(
    message: Message, i18n: I18nContext, state: FSMContext, mass: MassOrders, shop: Shop
) -> None:
    preview = await mass.preview(message.chat.id, message.text or "")
    if isinstance(preview, Invalid):
        await message.answer(i18n.get(preview.key, **preview.fluent_args()))
        return
    text = preview_text(i18n.get, preview) + demo_note(i18n.get, shop.demo)
    if not preview.valid:
        await message.answer(text + "\n\n" + i18n.get("mass-nothing-valid"))
        return
    batch = secrets.token_hex(8)
    await state.set_state(MassForm.confirming)
    await state.set_data({"batch": batch, "lines": [line.stored() for line in preview.valid]})
    keyboard = markup(
        [
            button(i18n.get("button-confirm"), MassConfirm(batch=batch, place=True), Tone.GO),
            button(i18n.get("button-cancel"), MassConfirm(batch=batch, place=False), Tone.STOP),
        ]
    )
    await message.answer(text, reply_markup=keyboard)


async def mass_confirm(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: MassConfirm,
    i18n: I18nContext,
    state: FSMContext,
    mass: MassOrders,
    shop: Shop,
) -> None:
    data = await state.get_data()
    message = query.message if isinstance(query.message, Message) else None
    if data.get("batch") != callback_data.batch or message is None:
        # An old preview: its lines were placed (or dropped) already; nothing twice.
        placed, held, refused = await mass.lines_state(query.from_user.id, callback_data.batch)
        if placed + held + refused:
            text = i18n.get("mass-already", placed=placed, held=held, refused=refused)
        else:
            text = i18n.get("summary-outdated")
        callback_answer.text = text
        callback_answer.show_alert = True
        return
    await drop_buttons(message)
    if not callback_data.place:
        await state.clear()
        await message.answer(i18n.get("cancelled"), reply_markup=main_menu(i18n))
        return
    callback_answer.disable()
    await query.answer(i18n.get("placing"))
    lines = [MassLine.from_stored(stored) for stored in data.get("lines", [])]
    # The state stays until every line is tried: a restart in the middle and a new tap
    # place the rest, and the lines already placed are found by their tokens.
    results = await mass.confirm(query.from_user.id, callback_data.batch, lines)
    await state.clear()
    await message.answer(
        report_text(i18n.get, results, shop.currency), reply_markup=main_menu(i18n)
    )


async def mass_not_text(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("mass-ask"))


def register(router: Router) -> None:
    router.message.register(mass_start, Command("mass"))
    router.message.register(mass_lines, StateFilter(MassForm.pasting), TypedText())
    router.message.register(mass_not_text, StateFilter(MassForm.pasting))
    router.callback_query.register(mass_confirm, MassConfirm.filter())
