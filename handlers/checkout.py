"""The summary and Confirm: the chat's face of the core's checkout. What a Confirm decides
(price changed, wallet short, placed) is `bot/core/ordering/checkout.py`; this renders it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from aiogram import Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext

from bot.core.catalog.cache import CatalogCache
from bot.core.ordering.checkout import Checkout, CheckoutResult, Next
from bot.core.ordering.hold_store import HoldStore
from bot.core.ordering.order_store import OrderStore
from bot.core.ordering.placing import Outcome
from bot.core.panels import Service
from bot.ui.callbacks import ConfirmOrder, PlaceHeld
from bot.ui.filters import CommandLike
from bot.ui.keyboards import confirm_keyboard, live_card, main_menu, shortfall_keyboard
from bot.ui.order_texts import placement_text, summary_text
from handlers.replies import drop_buttons
from handlers.states import OrderForm


async def form_of(
    state: FSMContext, catalog: CatalogCache
) -> tuple[Service | None, dict[str, Any]]:
    data = await state.get_data()
    service = await catalog.service(int(data.get("service_id", 0)))
    return service, dict(data.get("answers") or {})


async def show_summary(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    service: Service,
    answers: dict[str, Any],
    checkout: Checkout,
) -> None:
    token = (await state.get_data())["token"]
    quote = await checkout.summary(message.chat.id, service, answers, token)
    await state.set_state(OrderForm.confirming)
    await state.update_data(answers=answers, field=None, price=str(quote.price))
    text = summary_text(i18n.get, quote, checkout.quoter.shop.demo)
    if not quote.shortfall:
        await message.answer(text, reply_markup=confirm_keyboard(i18n, token))
        return
    keyboard = shortfall_keyboard(
        i18n, token, quote.currency, quote.shortfall, checkout.quoter.shop.accepts_crypto
    )
    await message.answer(text, reply_markup=keyboard)


async def confirming_fallback(message: Message, i18n: I18nContext) -> None:
    await message.answer(i18n.get("summary-use-buttons"))


async def confirm(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: ConfirmOrder,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    orders: OrderStore,
    checkout: Checkout,
) -> None:
    message = query.message if isinstance(query.message, Message) else None
    data = await state.get_data()
    if data.get("token") != callback_data.token or await state.get_state() != OrderForm.confirming:
        placed = await orders.order_by_token(callback_data.token, query.from_user.id)
        key = "order-already-placed" if placed else "summary-outdated"
        callback_answer.text = i18n.get(key, id=str(placed or ""))
        callback_answer.show_alert = True
        return
    service, answers = await form_of(state, catalog)
    if service is None or message is None:
        await state.clear()
        callback_answer.text = i18n.get("service-gone")
        callback_answer.show_alert = True
        return
    price = Decimal(str(data.get("price")))
    await _confirm(
        query,
        callback_answer,
        message,
        i18n,
        state,
        checkout,
        service,
        answers,
        price,
        callback_data.token,  # the same as the form's (checked above)
    )


async def place_held(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: PlaceHeld,
    i18n: I18nContext,
    state: FSMContext,
    catalog: CatalogCache,
    orders: OrderStore,
    checkout: Checkout,
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
        await checkout.drop(user_id)
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
    await _confirm(
        query,
        callback_answer,
        message,
        i18n,
        state,
        checkout,
        service,
        held.answers,
        held.price,
        held.token,
        held=True,
    )


async def _confirm(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    checkout: Checkout,
    service: Service,
    answers: dict[str, Any],
    price: Decimal,
    token: str,
    *,
    held: bool = False,
) -> None:
    """Confirm the form (`token`) at the price its summary showed, and tell the outcome."""

    async def placing() -> None:
        # Answered now, not after the panel answers: the button stops spinning at once.
        callback_answer.disable()
        await query.answer(i18n.get("placing"))
        await drop_buttons(message)

    async with checkout.in_flight():  # a shutdown waits until the customer is told the outcome
        result = await checkout.confirm(
            query.from_user.id, service, answers, token, price, before_placing=placing
        )
        if result.next is Next.REVIEW and result.placement is None:
            # The catalog or the markup changed since the summary: show the new price first.
            callback_answer.text = i18n.get("price-changed")
            callback_answer.show_alert = True
            if held:
                await drop_buttons(message)
            await show_summary(message, i18n, state, service, answers, checkout)
            return
        await _tell(message, i18n, state, checkout, result, token)


async def _tell(
    message: Message,
    i18n: I18nContext,
    state: FSMContext,
    checkout: Checkout,
    result: CheckoutResult,
    token: str,
) -> None:
    quote = result.quote
    if result.next is Next.REVIEW:  # tried, but its discount went to another order meanwhile
        await message.answer(i18n.get("price-changed"))
        await show_summary(message, i18n, state, quote.service, dict(quote.answers), checkout)
        return
    assert result.placement is not None
    text = placement_text(i18n.get, result.placement, quote.currency)
    if result.next is Next.TOP_UP:
        # The wallet was spent meanwhile: the order waits for a top-up like a short summary.
        keyboard = shortfall_keyboard(
            i18n, token, quote.currency, result.shortfall, checkout.quoter.shop.accepts_crypto
        )
        await message.answer(text, reply_markup=keyboard)
        return
    if result.next is Next.RETRY:
        # Nothing was charged (panel down): the same summary can be confirmed again.
        await message.answer(text, reply_markup=confirm_keyboard(i18n, token))
        return
    await state.clear()
    placement = result.placement
    if placement.outcome is Outcome.PLACED and placement.order_id is not None:
        # This message becomes the order's live card: edited in place as the order moves.
        can_cancel = quote.service.cancel
        card = live_card(i18n.get, placement.order_id, can_refill=False, can_cancel=can_cancel)
        sent = await message.answer(text, reply_markup=card)
        await checkout.remember_card(placement.order_id, sent.message_id)
        return
    await message.answer(text, reply_markup=main_menu(i18n))


def register(router: Router) -> None:
    # Typed words only: a command at a summary does what it says (`/promo CODE` re-prices it).
    router.message.register(confirming_fallback, StateFilter(OrderForm.confirming), ~CommandLike())
    router.callback_query.register(confirm, ConfirmOrder.filter())
    router.callback_query.register(place_held, PlaceHeld.filter())
