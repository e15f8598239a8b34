"""My orders: the list, an order's card, refresh, refill, cancel and order again."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext, LazyFilter

from bot.core.catalog.cache import CatalogCache
from bot.core.delivery.times import DeliveryTimes
from bot.core.domain import Order
from bot.core.ordering.checkout import Checkout
from bot.core.ordering.forms import is_orderable
from bot.core.ordering.order_store import OrderStore
from bot.core.tracking.aftersale import REFILLABLE, AfterSale
from bot.ui.callbacks import OrderAction, OrderDo, OrdersPage
from bot.ui.keyboards import ORDERS_PER_PAGE, order_detail, orders_list, pages
from bot.ui.refill_texts import guarantee_line, refill_text
from bot.ui.render import order_card
from handlers.order_form import begin_form
from handlers.replies import show_in_place


async def _list_text(
    i18n: I18nContext, orders: OrderStore, user_id: int, page: int
) -> tuple[str, list[Order], int]:
    total = await orders.count_orders(user_id)
    page_count = pages(total, ORDERS_PER_PAGE)
    page = min(max(page, 0), page_count - 1)
    found = await orders.list_orders(user_id, offset=page * ORDERS_PER_PAGE, limit=ORDERS_PER_PAGE)
    if not total:
        return i18n.get("orders-empty"), [], 0
    return (
        i18n.get("orders-title", page=str(page + 1), pages=str(page_count), count=str(total)),
        found,
        total,
    )


async def my_orders(message: Message, i18n: I18nContext, orders: OrderStore) -> None:
    text, found, total = await _list_text(i18n, orders, message.chat.id, 0)
    await message.answer(text, reply_markup=orders_list(found, 0, total) if found else None)


async def orders_page(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: OrdersPage,
    i18n: I18nContext,
    orders: OrderStore,
) -> None:
    text, found, total = await _list_text(i18n, orders, query.from_user.id, callback_data.page)
    if isinstance(query.message, Message):
        markup = orders_list(found, callback_data.page, total) if found else None
        await show_in_place(query, text, markup)


async def show_order(
    query: CallbackQuery,
    i18n: I18nContext,
    orders: OrderStore,
    catalog: CatalogCache,
    delivery: DeliveryTimes,
    aftersale: AfterSale,
    order: Order,
    notice: str | None = None,
) -> None:
    refund = await orders.refund_of(order.id)
    usual = await delivery.of(order.service_id, order.service_type)
    text = order_card(i18n.get, order, refund, usual)
    refill = await aftersale.refill_state(order)
    completed = order.status_changed_at if order.stage in REFILLABLE else None
    promised = guarantee_line(i18n.get, refill.guarantee, completed)
    if promised:
        text += "\n" + promised
    if refill.latest is not None:
        stage_key = "refill-stage-" + refill.latest.stage.value.replace("_", "-")
        text += "\n" + i18n.get("order-card-refill", status=i18n.get(stage_key))
    if notice:
        text = f"{notice}\n\n{text}"
    service = await catalog.service(order.service_id)
    # Refill only inside the guarantee, past the cooldown, with none pending: otherwise the
    # button is gone (and an old one's tap says why, without asking the panel).
    can_refill = service is not None and refill.check.allowed
    can_cancel = service is not None and service.cancel and order.stage.is_polled
    await show_in_place(query, text, order_detail(i18n, order, can_refill, can_cancel))


async def order_action(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: OrderAction,
    i18n: I18nContext,
    orders: OrderStore,
    catalog: CatalogCache,
    aftersale: AfterSale,
    delivery: DeliveryTimes,
    state: FSMContext,
    checkout: Checkout,
) -> None:
    # Ownership: only the presser's own orders are found; anyone else's id is "not found".
    order = await orders.get_order(callback_data.id, user_id=query.from_user.id)
    if order is None:
        callback_answer.text = i18n.get("order-not-found")
        callback_answer.show_alert = True
        return
    action = callback_data.action
    notice: str | None = None
    if action is OrderDo.REFRESH:
        if not await aftersale.refresh(order):
            callback_answer.text = i18n.get("panel-unavailable")
            callback_answer.show_alert = True
            return
    elif action is OrderDo.REFILL:
        notice = refill_text(i18n.get, await aftersale.refill(order))
    elif action is OrderDo.CANCEL:
        notice = i18n.get(await aftersale.cancel(order))
    elif action is OrderDo.AGAIN:
        service = await catalog.service(order.service_id)
        if not isinstance(query.message, Message):
            return
        if service is None or not is_orderable(service):
            await query.message.answer(i18n.get("service-gone"))
            return
        await begin_form(query.message, i18n, state, service, checkout)
        return
    if notice:
        callback_answer.text = notice
        callback_answer.show_alert = True
    else:
        pass
    fresh = await orders.get_order(order.id, user_id=query.from_user.id)
    await show_order(query, i18n, orders, catalog, delivery, aftersale, fresh or order, notice)


def register(router: Router) -> None:
    router.message.register(my_orders, LazyFilter("menu-my-orders"))
    router.message.register(my_orders, Command("orders"))
    router.callback_query.register(orders_page, OrdersPage.filter())
    router.callback_query.register(order_action, OrderAction.filter())
