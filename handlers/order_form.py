"""The order form: each field the service type needs, the summary, and placement."""

from __future__ import annotations

import secrets
from decimal import Decimal
from typing import Any

from aiogram import F, Router, html
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.catalog import CatalogCache
from bot.domain import NewOrder
from bot.filters import TypedText
from bot.forms import (
    FieldSpec,
    Invalid,
    Kind,
    choice_label,
    fields_for,
    is_orderable,
    next_field,
    ordered_quantity,
    panel_fields,
    previous_field,
    units,
    validate,
)
from bot.money import panel_cost
from bot.ordering import OrderService, Outcome, Placement
from bot.panel import Service
from bot.quote import Quote
from bot.render import fit, money, shorten
from handlers.callbacks import ConfirmOrder, FormChoice, FormNav, OrderStart
from handlers.keyboards import confirm_keyboard, field_keyboard, main_menu
from handlers.states import OrderForm

router = Router(name=__name__)
MAX_INPUT = 4000


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
    quote: Quote,
    error: str | None = None,
) -> None:
    """Ask the next unanswered field, or show the summary when the form is complete."""
    spec = next_field(service, answers)
    if spec is None:
        await show_summary(message, i18n, state, service, answers, quote)
        return
    await state.set_state(OrderForm.filling)
    await state.update_data(answers=answers, field=spec.name)
    text = _prompt(i18n, spec, service, answers)
    if error:
        text = f"⚠️ {error}\n\n{text}"
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
    quote: Quote,
) -> None:
    data = await state.get_data()
    shop = quote.shop
    price = quote.pricing.price(service, units(service, answers))
    balance = await quote.repo.balance(message.chat.id)
    lines = [i18n.get("summary-title"), f"<b>{html.quote(shorten(service.name, 200))}</b>"]
    for spec in fields_for(service):
        if spec.name in answers and answers[spec.name] is not None and spec.applies(answers):
            value = answers[spec.name]
            if spec.kind is Kind.CHOICE:
                value = choice_label(i18n.get, spec.name, value)
            label = i18n.get(f"label-{spec.name.replace('_', '-')}")
            lines.append(f"{label}: {_shown_value(value)}")
    lines += [
        "",
        i18n.get("summary-price", price=money(price, shop.currency)),
        i18n.get(
            "summary-balance",
            balance=money(balance, shop.currency),
            after=money(balance - price, shop.currency),
        ),
    ]
    if balance < price:
        lines.append(i18n.get("summary-not-enough", missing=money(price - balance, shop.currency)))
    await state.set_state(OrderForm.confirming)
    await state.update_data(answers=answers, field=None, price=str(price))
    await message.answer(fit("\n".join(lines)), reply_markup=confirm_keyboard(i18n, data["token"]))


async def begin_form(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    service: Service,
    quote: Quote,
) -> None:
    await state.set_state(OrderForm.filling)
    await state.set_data({"service_id": service.id, "answers": {}, "token": secrets.token_hex(8)})
    await message.answer(i18n.get("form-start", service=html.quote(shorten(service.name, 200))))
    await ask_next(message, i18n, state, service, {}, quote)


@router.callback_query(OrderStart.filter())
async def start_form(
    query: CallbackQuery,
    callback_data: OrderStart,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    quote: Quote,
) -> None:
    service = await catalog.service(callback_data.id)
    if service is None or not isinstance(query.message, Message):
        await query.answer(i18n.get("service-gone"), show_alert=True)
        return
    if not is_orderable(service):
        await query.answer(i18n.get("service-not-orderable", type=service.type), show_alert=True)
        return
    await query.answer()
    await begin_form(query.message, i18n, state, service, quote)


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
    quote: Quote,
) -> None:
    service, answers = await _form(state, catalog)
    if service is None:
        await state.clear()
        await message.answer(i18n.get("service-gone"), reply_markup=main_menu(i18n))
        return
    spec = next_field(service, answers)
    if spec is None:
        await show_summary(message, i18n, state, service, answers, quote)
        return
    value = validate(spec, text, service, answers)
    if isinstance(value, Invalid):
        error = i18n.get(value.key, **{k: str(v) for k, v in value.args.items()})
        await ask_next(message, i18n, state, service, answers, quote, error=error)
        return
    answers[spec.name] = value
    await ask_next(message, i18n, state, service, answers, quote)


@router.message(OrderForm.filling, TypedText())
async def field_answer(
    message: Message, i18n: I18nContext, state: FSMContext, catalog: CatalogCache, quote: Quote
) -> None:
    text = message.text or ""
    if len(text) > MAX_INPUT:
        await message.answer(i18n.get("invalid-too-long", max=str(MAX_INPUT)))
        return
    await _accept(message, i18n, state, catalog, text, quote)


@router.message(OrderForm.filling)
async def field_not_text(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("form-text-only"))


@router.callback_query(OrderForm.filling, FormChoice.filter())
async def field_choice(
    query: CallbackQuery,
    callback_data: FormChoice,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    quote: Quote,
) -> None:
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.edit_reply_markup(reply_markup=None)
        await _accept(query.message, i18n, state, catalog, callback_data.value, quote)


@router.callback_query(FormNav.filter(F.action == "skip"), OrderForm.filling)
async def field_skip(
    query: CallbackQuery, i18n: I18nContext, state: FSMContext, catalog: CatalogCache, quote: Quote
) -> None:
    service, answers = await _form(state, catalog)
    spec = next_field(service, answers) if service else None
    await query.answer()
    if (
        service is None
        or spec is None
        or not spec.optional
        or not isinstance(query.message, Message)
    ):
        return
    answers[spec.name] = None
    await ask_next(query.message, i18n, state, service, answers, quote)


@router.callback_query(FormNav.filter(F.action == "back"), OrderForm.filling)
async def field_back(
    query: CallbackQuery, i18n: I18nContext, state: FSMContext, catalog: CatalogCache, quote: Quote
) -> None:
    service, answers = await _form(state, catalog)
    await query.answer()
    if service is None or not isinstance(query.message, Message):
        return
    previous = previous_field(service, answers)
    if previous is not None:
        answers.pop(previous.name)
    await ask_next(query.message, i18n, state, service, answers, quote)


@router.callback_query(FormNav.filter(F.action == "edit"), OrderForm.confirming)
async def edit_form(
    query: CallbackQuery, i18n: I18nContext, state: FSMContext, catalog: CatalogCache, quote: Quote
) -> None:
    service, _ = await _form(state, catalog)
    await query.answer()
    if service is None or not isinstance(query.message, Message):
        return
    await query.message.edit_reply_markup(reply_markup=None)
    await ask_next(query.message, i18n, state, service, {}, quote)


@router.callback_query(FormNav.filter(F.action == "cancel"))
async def cancel_form(query: CallbackQuery, i18n: I18nContext, state: FSMContext) -> None:
    await state.clear()
    await query.answer(i18n.get("cancelled"))
    if isinstance(query.message, Message):
        await query.message.edit_reply_markup(reply_markup=None)
        await query.message.answer(i18n.get("cancelled"), reply_markup=main_menu(i18n))


@router.callback_query(FormNav.filter())
async def stale_form_button(query: CallbackQuery, i18n: I18nContext) -> None:
    await query.answer(i18n.get("stale-button"), show_alert=True)


@router.message(OrderForm.confirming)
async def confirming_fallback(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("summary-use-buttons"))


@router.callback_query(ConfirmOrder.filter())
async def confirm(
    query: CallbackQuery,
    callback_data: ConfirmOrder,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    orders: OrderService,
    quote: Quote,
) -> None:
    message = query.message if isinstance(query.message, Message) else None
    data = await state.get_data()
    if data.get("token") != callback_data.token or await state.get_state() != OrderForm.confirming:
        placed = await quote.repo.order_by_token(callback_data.token, query.from_user.id)
        key = "order-already-placed" if placed else "summary-outdated"
        await query.answer(i18n.get(key, id=str(placed or "")), show_alert=True)
        return
    service, answers = await _form(state, catalog)
    if service is None or message is None:
        await state.clear()
        await query.answer(i18n.get("service-gone"), show_alert=True)
        return
    quantity_units = units(service, answers)
    price = quote.pricing.price(service, quantity_units)
    if str(price) != data.get("price"):
        # The catalog or the markup changed since the summary: show the new price first.
        await query.answer(i18n.get("price-changed"), show_alert=True)
        await show_summary(message, i18n, state, service, answers, quote)
        return
    await query.answer(i18n.get("placing"))
    await message.edit_reply_markup(reply_markup=None)
    new = NewOrder(
        user_id=query.from_user.id,
        client_token=callback_data.token,
        service_id=service.id,
        service_name=service.name,
        service_type=service.type,
        category=service.category,
        link=str(answers.get("link") or answers.get("username") or ""),
        fields=panel_fields(service, answers),
        quantity=ordered_quantity(service, answers),
        charge=price,
        cost=panel_cost(service.rate, quantity_units),
        currency=quote.shop.currency,
    )
    async with orders.in_flight():  # a shutdown waits until the customer is told the outcome
        placement = await orders.place(new)
        text = placement_text(i18n, placement, quote.shop.currency)
        if placement.order_id is None:
            # Nothing was charged (no funds, panel down): the same summary can be confirmed again.
            await message.answer(text, reply_markup=confirm_keyboard(i18n, callback_data.token))
            return
        await state.clear()
        await message.answer(text, reply_markup=main_menu(i18n))


def placement_text(i18n: I18nContext, placement: Placement, currency: str) -> str:
    order_id = str(placement.order_id or "")
    if placement.outcome is Outcome.PLACED:
        return i18n.get("order-placed", id=order_id)
    if placement.outcome is Outcome.ALREADY_PLACED:
        return i18n.get("order-already-placed", id=order_id)
    if placement.outcome is Outcome.NO_FUNDS:
        missing = placement.missing if isinstance(placement.missing, Decimal) else Decimal(0)
        return i18n.get("order-no-funds", missing=money(missing, currency))
    if placement.outcome is Outcome.UNCERTAIN:
        return i18n.get("order-uncertain", id=order_id)
    if placement.outcome is Outcome.REJECTED and placement.message_key:
        return i18n.get(placement.message_key) + "\n" + i18n.get("order-refunded")
    if placement.order_id is None:  # refused before anything was charged
        return i18n.get("order-error-unavailable") + "\n" + i18n.get("nothing-charged")
    return i18n.get("order-error-unavailable") + "\n" + i18n.get("order-refunded")
