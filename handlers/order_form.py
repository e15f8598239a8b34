"""The order form: each field the service type needs, the summary, and placement."""

from __future__ import annotations

import secrets
from decimal import Decimal
from typing import Any

from aiogram import F, Router, html
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext

from bot.core.catalog import CatalogCache
from bot.core.forms import (
    FieldSpec,
    Invalid,
    Kind,
    choice_label,
    fields_for,
    is_orderable,
    next_field,
    previous_field,
    validate,
)
from bot.core.ordering import OrderService, Outcome, Placement
from bot.core.panel import Service
from bot.core.quoting import Quote, Quoter
from bot.core.storage.holds import HoldStore
from bot.core.storage.orders import OrderStore
from bot.ui.callbacks import (
    ConfirmOrder,
    FormChoice,
    FormNav,
    FormStep,
    OrderStart,
    PlaceHeld,
)
from bot.ui.filters import TypedText
from bot.ui.keyboards import confirm_keyboard, field_keyboard, main_menu, shortfall_keyboard
from bot.ui.render import fit, money, shorten, usual_time
from handlers.replies import drop_buttons
from handlers.states import OrderForm


def _prompt(i18n: I18nContext, spec: FieldSpec, service: Service, answers: dict[str, Any]) -> str:
    low = service.min
    if spec.name == "max":
        low = max(service.min, int(answers.get("min", service.min)))
    return i18n.get(
        f"field-{spec.name.replace('_', '-')}",
        min=str(low),
        max=str(service.max),
        low=str(spec.min_value),
        high=str(spec.max_value),
    )


async def ask_next(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    service: Service,
    answers: dict[str, Any],
    quoter: Quoter,
    error: str | None = None,
    lead: str | None = None,
) -> None:
    """Ask the next unanswered field, or show the summary when the form is complete;
    `lead` opens the question's message (the form's first question says what is ordered)."""
    spec = next_field(service, answers)
    if spec is None:
        await show_summary(message, i18n, state, service, answers, quoter)
        return
    await state.set_state(OrderForm.filling)
    await state.update_data(answers=answers, field=spec.name)
    text = _prompt(i18n, spec, service, answers)
    if error:
        text = f"⚠️ {error}\n\n{text}"
    if lead:
        text = f"{lead}\n\n{text}"
    can_go_back = any(name in answers for name in (s.name for s in fields_for(service)))
    await message.answer(text, reply_markup=field_keyboard(i18n, spec, can_go_back))


def _shown_value(value: Any) -> str:
    if isinstance(value, list):
        shown = "\n".join(f"  • {html.quote(shorten(line, 80))}" for line in value[:10])
        more = f"\n  … (+{len(value) - 10})" if len(value) > 10 else ""
        return f"{len(value)}\n{shown}{more}"
    return html.quote(shorten(str(value), 300))


async def show_summary(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    service: Service,
    answers: dict[str, Any],
    quoter: Quoter,
) -> None:
    data = await state.get_data()
    quote = await quoter.quote(message.chat.id, service, answers)
    lines = [i18n.get("summary-title"), f"<b>{html.quote(shorten(service.name, 200))}</b>"]
    for spec in fields_for(service):
        if spec.name in answers and answers[spec.name] is not None and spec.applies(answers):
            value = answers[spec.name]
            if spec.kind is Kind.CHOICE:
                value = choice_label(i18n.get, spec.name, value)
            label = i18n.get(f"label-{spec.name.replace('_', '-')}")
            lines.append(f"{label}: {_shown_value(value)}")
    currency = quote.currency
    lines.append("")
    if quote.discount and quote.full_price is not None:
        code, percent = quote.discount
        lines.append(
            i18n.get(
                "summary-discount",
                code=html.quote(code),
                percent=str(percent),
                full=money(quote.full_price, currency),
            )
        )
    lines += [
        i18n.get("summary-price", price=money(quote.price, currency)),
        i18n.get(
            "summary-balance",
            balance=money(quote.balance, currency),
            after=money(quote.balance_after, currency),
        ),
    ]
    said = usual_time(i18n.get, quote.usual, quote.quantity)
    if said:
        lines.append(said)
    await state.set_state(OrderForm.confirming)
    await state.update_data(answers=answers, field=None, price=str(quote.price))
    token = data["token"]
    if not quote.shortfall:
        await message.answer(fit("\n".join(lines)), reply_markup=confirm_keyboard(i18n, token))
        return
    await quoter.hold(message.chat.id, token, quote)
    lines.append(i18n.get("summary-not-enough", missing=money(quote.shortfall, currency)))
    await message.answer(
        fit("\n".join(lines)),
        reply_markup=shortfall_keyboard(
            i18n, token, currency, quote.shortfall, quoter.shop.accepts_crypto
        ),
    )


async def begin_form(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    service: Service,
    quoter: Quoter,
) -> None:
    await state.set_state(OrderForm.filling)
    await state.set_data({"service_id": service.id, "answers": {}, "token": secrets.token_hex(8)})
    # One message, not two: what is ordered, then its first question.
    lead = i18n.get("form-start", service=html.quote(shorten(service.name, 200)))
    await ask_next(message, i18n, state, service, {}, quoter, lead=lead)


async def start_form(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: OrderStart,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    quoter: Quoter,
) -> None:
    service = await catalog.service(callback_data.id)
    if service is None or not isinstance(query.message, Message):
        callback_answer.text = i18n.get("service-gone")
        callback_answer.show_alert = True
        return
    if not is_orderable(service):
        callback_answer.text = i18n.get("service-not-orderable", type=service.type)
        callback_answer.show_alert = True
        return
    await begin_form(query.message, i18n, state, service, quoter)


async def _form(state: FSMContext, catalog: CatalogCache) -> tuple[Service | None, dict[str, Any]]:
    data = await state.get_data()
    service = await catalog.service(int(data.get("service_id", 0)))
    return service, dict(data.get("answers") or {})


async def _accept(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    text: str,
    quoter: Quoter,
) -> None:
    service, answers = await _form(state, catalog)
    if service is None:
        await state.clear()
        await message.answer(i18n.get("service-gone"), reply_markup=main_menu(i18n))
        return
    spec = next_field(service, answers)
    if spec is None:
        await show_summary(message, i18n, state, service, answers, quoter)
        return
    value = validate(spec, text, service, answers)
    if isinstance(value, Invalid):
        error = i18n.get(value.key, **value.fluent_args())
        await ask_next(message, i18n, state, service, answers, quoter, error=error)
        return
    answers[spec.name] = value
    await ask_next(message, i18n, state, service, answers, quoter)


async def field_answer(
    message: Message, i18n: I18nContext, state: FSMContext, catalog: CatalogCache, quoter: Quoter
) -> None:
    # Every field checks its own length (a link at most 500 characters, a comment line 300…)
    # and asks again with that limit; Telegram itself caps a message at 4096 characters.
    await _accept(message, i18n, state, catalog, message.text or "", quoter)


async def field_not_text(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("form-text-only"))


async def field_choice(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: FormChoice,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    quoter: Quoter,
) -> None:
    if isinstance(query.message, Message):
        await drop_buttons(query.message)
        await _accept(query.message, i18n, state, catalog, callback_data.value, quoter)


async def field_skip(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    quoter: Quoter,
) -> None:
    service, answers = await _form(state, catalog)
    spec = next_field(service, answers) if service else None
    if (
        service is None
        or spec is None
        or not spec.optional
        or not isinstance(query.message, Message)
    ):
        return
    answers[spec.name] = None
    await ask_next(query.message, i18n, state, service, answers, quoter)


async def field_back(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    quoter: Quoter,
) -> None:
    service, answers = await _form(state, catalog)
    if service is None or not isinstance(query.message, Message):
        return
    previous = previous_field(service, answers)
    if previous is not None:
        answers.pop(previous.name)
    await ask_next(query.message, i18n, state, service, answers, quoter)


async def edit_form(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    quoter: Quoter,
) -> None:
    service, _ = await _form(state, catalog)
    if service is None or not isinstance(query.message, Message):
        return
    await drop_buttons(query.message)
    await ask_next(query.message, i18n, state, service, {}, quoter)


async def cancel_form(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    i18n: I18nContext,
    state: FSMContext,
    holds: HoldStore,
) -> None:
    await state.clear()
    await holds.release_hold(query.from_user.id)  # an order waiting for a top-up goes too
    callback_answer.text = i18n.get("cancelled")
    if isinstance(query.message, Message):
        await drop_buttons(query.message)
        await query.message.answer(i18n.get("cancelled"), reply_markup=main_menu(i18n))


async def stale_form_button(
    query: CallbackQuery, callback_answer: CallbackAnswer, i18n: I18nContext
) -> None:
    callback_answer.text = i18n.get("stale-button")
    callback_answer.show_alert = True


async def confirming_fallback(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("summary-use-buttons"))


async def confirm(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: ConfirmOrder,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    ordering: OrderService,
    orders: OrderStore,
    quoter: Quoter,
) -> None:
    message = query.message if isinstance(query.message, Message) else None
    data = await state.get_data()
    if data.get("token") != callback_data.token or await state.get_state() != OrderForm.confirming:
        placed = await orders.order_by_token(callback_data.token, query.from_user.id)
        key = "order-already-placed" if placed else "summary-outdated"
        callback_answer.text = i18n.get(key, id=str(placed or ""))
        callback_answer.show_alert = True
        return
    service, answers = await _form(state, catalog)
    if service is None or message is None:
        await state.clear()
        callback_answer.text = i18n.get("service-gone")
        callback_answer.show_alert = True
        return
    quote = await quoter.quote(query.from_user.id, service, answers)
    if str(quote.price) != data.get("price"):
        # The catalog or the markup changed since the summary: show the new price first.
        callback_answer.text = i18n.get("price-changed")
        callback_answer.show_alert = True
        await show_summary(message, i18n, state, service, answers, quoter)
        return
    await _place(query, callback_answer, message, i18n, state, ordering, quoter, quote)


async def _place(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    ordering: OrderService,
    quoter: Quoter,
    quote: Quote,
) -> None:
    """Place the confirmed form (its token in the FSM data) and tell the outcome."""
    token = str((await state.get_data())["token"])
    user_id = query.from_user.id
    # Answered now, not after the panel answers: the button stops spinning at once.
    callback_answer.disable()
    await query.answer(i18n.get("placing"))
    await drop_buttons(message)
    async with ordering.in_flight():  # a shutdown waits until the customer is told the outcome
        placement = await ordering.place(quote.new_order(user_id, token))
        if placement.outcome is Outcome.PRICE_CHANGED:  # its discount went to another order
            await message.answer(i18n.get("price-changed"))
            await show_summary(message, i18n, state, quote.service, dict(quote.answers), quoter)
            return
        text = placement_text(i18n, placement, quote.currency)
        if placement.outcome is Outcome.NO_FUNDS:
            # The wallet was spent meanwhile: the order waits for a top-up like a short summary.
            await quoter.hold(user_id, token, quote)
            shortfall = placement.missing or quote.shortfall
            keyboard = shortfall_keyboard(
                i18n, token, quote.currency, shortfall, quoter.shop.accepts_crypto
            )
            await message.answer(text, reply_markup=keyboard)
            return
        if placement.order_id is None:
            # Nothing was charged (panel down): the same summary can be confirmed again.
            await message.answer(text, reply_markup=confirm_keyboard(i18n, token))
            return
        await state.clear()
        await quoter.release(user_id, token)
        await message.answer(text, reply_markup=main_menu(i18n))


async def place_held(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: PlaceHeld,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    ordering: OrderService,
    orders: OrderStore,
    quoter: Quoter,
    holds: HoldStore,
) -> None:
    """ "Place order now" under the summary that waited for a top-up."""
    user_id = query.from_user.id
    held = await holds.held_order(user_id)
    if held is None or held.token != callback_data.token:
        placed = await orders.order_by_token(callback_data.token, user_id)
        callback_answer.text = i18n.get(
            "order-already-placed" if placed else "held-order-gone", id=str(placed or "")
        )
        callback_answer.show_alert = True
        return
    service = await catalog.service(held.service_id)
    message = query.message if isinstance(query.message, Message) else None
    if service is None or message is None:
        await holds.release_hold(user_id)
        callback_answer.text = i18n.get("service-gone")
        callback_answer.show_alert = True
        return
    # The form comes back as it was confirmed, whatever the chat did meanwhile.
    await state.set_state(OrderForm.confirming)
    await state.set_data(
        {
            "service_id": service.id,
            "answers": held.answers,
            "token": held.token,
            "price": str(held.price),
        }
    )
    quote = await quoter.quote(user_id, service, held.answers)
    if quote.price != held.price:
        callback_answer.text = i18n.get("price-changed")
        callback_answer.show_alert = True
        await drop_buttons(message)
        await show_summary(message, i18n, state, service, held.answers, quoter)
        return
    await _place(query, callback_answer, message, i18n, state, ordering, quoter, quote)


def placement_text(i18n: I18nContext, placement: Placement, currency: str) -> str:
    order_id = str(placement.order_id or "")
    if placement.outcome is Outcome.PLACED:
        return i18n.get("order-placed", id=order_id)
    if placement.outcome is Outcome.ALREADY_PLACED:
        return i18n.get("order-already-placed", id=order_id)
    if placement.outcome is Outcome.NO_FUNDS:
        missing = placement.missing or Decimal(0)
        return i18n.get("order-no-funds", missing=money(missing, currency))
    if placement.outcome is Outcome.UNCERTAIN:
        return i18n.get("order-uncertain", id=order_id)
    if placement.outcome is Outcome.REJECTED and placement.message_key:
        return i18n.get(placement.message_key) + "\n" + i18n.get("order-refunded")
    if placement.order_id is None:  # refused before anything was charged
        return i18n.get("order-error-unavailable") + "\n" + i18n.get("nothing-charged")
    return i18n.get("order-error-unavailable") + "\n" + i18n.get("order-refunded")


def setup() -> Router:
    router = Router(name=__name__)
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
    router.message.register(confirming_fallback, StateFilter(OrderForm.confirming))
    router.callback_query.register(confirm, ConfirmOrder.filter())
    router.callback_query.register(place_held, PlaceHeld.filter())
    return router
