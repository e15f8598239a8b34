"""The order form: each field the service type needs, asked in turn and checked; the
summary and Confirm are `handlers/checkout.py`."""

from __future__ import annotations

import secrets
from typing import Any

from aiogram import F, Router, html
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext

from bot.core.catalog.cache import CatalogCache
from bot.core.catalog.curation import Curation
from bot.core.ordering.checkout import Checkout
from bot.core.ordering.forms import (
    Invalid,
    fields_for,
    is_orderable,
    next_field,
    previous_field,
    validate,
)
from bot.core.panels import Service
from bot.ui.callbacks import FormChoice, FormNav, FormStep, OrderStart
from bot.ui.filters import TypedText
from bot.ui.keyboards import field_keyboard, main_menu
from bot.ui.order_texts import field_prompt
from bot.ui.render import shorten
from handlers import checkout
from handlers.checkout import form_of, show_summary
from handlers.replies import drop_buttons
from handlers.states import OrderForm


async def ask_next(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    service: Service,
    answers: dict[str, Any],
    checkout: Checkout,
    error: str | None = None,
    lead: str | None = None,
) -> None:
    """Ask the next unanswered field, or show the summary when the form is complete;
    `lead` opens the question's message (the form's first question says what is ordered)."""
    spec = next_field(service, answers)
    if spec is None:
        await show_summary(message, i18n, state, service, answers, checkout)
        return
    await state.set_state(OrderForm.filling)
    await state.update_data(answers=answers, field=spec.name)
    text = field_prompt(i18n.get, spec, service, answers)
    if error:
        text = f"⚠️ {error}\n\n{text}"
    if lead:
        text = f"{lead}\n\n{text}"
    can_go_back = any(name in answers for name in (s.name for s in fields_for(service)))
    await message.answer(text, reply_markup=field_keyboard(i18n, spec, can_go_back))


async def begin_form(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    service: Service,
    checkout: Checkout,
) -> None:
    await state.set_state(OrderForm.filling)
    await state.set_data({"service_id": service.id, "answers": {}, "token": secrets.token_hex(8)})
    # One message, not two: what is ordered, then its first question.
    lead = i18n.get("form-start", service=html.quote(shorten(service.name, 200)))
    await ask_next(message, i18n, state, service, {}, checkout, lead=lead)


async def start_form(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: OrderStart,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    checkout: Checkout,
    curation: Curation,
) -> None:
    service = await catalog.service(callback_data.id)
    if service is None or not isinstance(query.message, Message):
        callback_answer.text = i18n.get("service-gone")
        callback_answer.show_alert = True
        return
    if curation.paused(service.id) is not None:  # an old card's button: said before any form
        callback_answer.text = i18n.get("service-paused")
        callback_answer.show_alert = True
        return
    if not is_orderable(service):
        callback_answer.text = i18n.get("service-not-orderable", type=service.type)
        callback_answer.show_alert = True
        return
    await begin_form(query.message, i18n, state, service, checkout)


async def _accept(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    text: str,
    checkout: Checkout,
) -> None:
    service, answers = await form_of(state, catalog)
    if service is None:
        await state.clear()
        await message.answer(i18n.get("service-gone"), reply_markup=main_menu(i18n))
        return
    spec = next_field(service, answers)
    if spec is None:
        await show_summary(message, i18n, state, service, answers, checkout)
        return
    value = validate(spec, text, service, answers)
    if isinstance(value, Invalid):
        error = i18n.get(value.key, **value.fluent_args())
        await ask_next(message, i18n, state, service, answers, checkout, error=error)
        return
    answers[spec.name] = value
    await ask_next(message, i18n, state, service, answers, checkout)


async def field_answer(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    checkout: Checkout,
) -> None:
    # Every field checks its own length (a link at most 500 characters, a comment line 300…)
    # and asks again with that limit; Telegram itself caps a message at 4096 characters.
    await _accept(message, i18n, state, catalog, message.text or "", checkout)


async def field_not_text(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("form-text-only"))


async def field_choice(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: FormChoice,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    checkout: Checkout,
) -> None:
    if isinstance(query.message, Message):
        await drop_buttons(query.message)
        await _accept(query.message, i18n, state, catalog, callback_data.value, checkout)


async def field_skip(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    checkout: Checkout,
) -> None:
    service, answers = await form_of(state, catalog)
    spec = next_field(service, answers) if service else None
    if (
        service is None
        or spec is None
        or not spec.optional
        or not isinstance(query.message, Message)
    ):
        return
    answers[spec.name] = None
    await ask_next(query.message, i18n, state, service, answers, checkout)


async def field_back(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    checkout: Checkout,
) -> None:
    service, answers = await form_of(state, catalog)
    if service is None or not isinstance(query.message, Message):
        return
    previous = previous_field(service, answers)
    if previous is not None:
        answers.pop(previous.name)
    await ask_next(query.message, i18n, state, service, answers, checkout)


async def edit_form(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    checkout: Checkout,
) -> None:
    service, _ = await form_of(state, catalog)
    if service is None or not isinstance(query.message, Message):
        return
    await drop_buttons(query.message)
    await ask_next(query.message, i18n, state, service, {}, checkout)


async def cancel_form(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    i18n: I18nContext,
    state: FSMContext,
    checkout: Checkout,
) -> None:
    await state.clear()
    await checkout.drop(query.from_user.id)  # an order waiting for a top-up goes too
    callback_answer.text = i18n.get("cancelled")
    if isinstance(query.message, Message):
        await drop_buttons(query.message)
        await query.message.answer(i18n.get("cancelled"), reply_markup=main_menu(i18n))


async def stale_form_button(
    query: CallbackQuery, callback_answer: CallbackAnswer, i18n: I18nContext
) -> None:
    callback_answer.text = i18n.get("stale-button")
    callback_answer.show_alert = True


def register(router: Router) -> None:
    router.callback_query.register(start_form, OrderStart.filter())
    router.message.register(field_answer, StateFilter(OrderForm.filling), TypedText())
    router.message.register(field_not_text, StateFilter(OrderForm.filling))
    router.callback_query.register(
        field_choice, StateFilter(OrderForm.filling), FormChoice.filter()
    )
    router.callback_query.register(
        field_skip, FormNav.filter(F.action == FormStep.SKIP), StateFilter(OrderForm.filling)
    )
    router.callback_query.register(
        field_back, FormNav.filter(F.action == FormStep.BACK), StateFilter(OrderForm.filling)
    )
    router.callback_query.register(
        edit_form, FormNav.filter(F.action == FormStep.EDIT), StateFilter(OrderForm.confirming)
    )
    router.callback_query.register(cancel_form, FormNav.filter(F.action == FormStep.CANCEL))
    router.callback_query.register(stale_form_button, FormNav.filter())
    checkout.register(router)  # the summary's buttons, after the form's
