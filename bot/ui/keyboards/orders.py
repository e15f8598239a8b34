"""Keyboards of orders and tickets: my orders, an order's card, support, admins' resolutions."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
)
from aiogram_i18n import I18nContext

from bot.core.domain import STAGE_EMOJI, Order
from bot.ui.callbacks import (
    OrderAction,
    OrderDo,
    OrdersPage,
    ReplaceOrder,
    Resolution,
    ResolveOrder,
    SupportStart,
    TicketAnswer,
    TicketWrite,
)
from bot.ui.keyboards.kit import ORDERS_PER_PAGE, Tone, button, in_rows, markup, pager, pages
from bot.ui.render import shorten

API_MARK = " 🔌"  # placed through the shop's API (My orders; the card says it in words)


def orders_list(orders: Sequence[Order], page: int, total: int) -> InlineKeyboardMarkup:
    rows = [
        [
            button(
                f"{STAGE_EMOJI[o.stage]} #{o.id}{API_MARK if o.via_api else ''}"
                f" · {shorten(o.service_name, 35)} · {o.quantity}",
                OrderAction(id=o.id, action=OrderDo.VIEW),
            )
        ]
        for o in orders
    ]
    nav = pager(page, pages(total, ORDERS_PER_PAGE), lambda n: OrdersPage(page=n), OrdersPage)
    return markup(*rows, nav)


def _order_actions(
    translate: Callable[..., str], order_id: int, can_refill: bool, can_cancel: bool
) -> list[InlineKeyboardButton]:
    actions = [
        button(translate("button-refresh"), OrderAction(id=order_id, action=OrderDo.REFRESH))
    ]
    if can_refill:
        actions.append(
            button(translate("button-refill"), OrderAction(id=order_id, action=OrderDo.REFILL))
        )
    if can_cancel:
        actions.append(
            button(
                translate("button-cancel"),
                OrderAction(id=order_id, action=OrderDo.CANCEL),
                Tone.STOP,
            )
        )
    return actions


def order_detail(
    i18n: I18nContext, order: Order, can_refill: bool, can_cancel: bool
) -> InlineKeyboardMarkup:
    actions = _order_actions(i18n.get, order.id, can_refill, can_cancel)
    actions.append(
        button(i18n.get("button-order-again"), OrderAction(id=order.id, action=OrderDo.AGAIN))
    )
    actions.append(button(i18n.get("button-support"), SupportStart(order=order.id)))
    actions.append(button(i18n.get("button-back"), OrdersPage(page=0)))
    return markup(*in_rows(actions, 2))


def live_card(
    translate: Callable[..., str], order_id: int, can_refill: bool, can_cancel: bool
) -> InlineKeyboardMarkup:
    """An order's live card in the chat (the message that confirmed it): what can be done
    with the order now, edited as it moves."""
    actions = _order_actions(translate, order_id, can_refill, can_cancel)
    actions.append(button(translate("button-support"), SupportStart(order=order_id)))
    return markup(*in_rows(actions, 2))


def ticket_write(translate: Callable[..., str], ticket_id: int) -> InlineKeyboardMarkup:
    return markup([button(translate("button-reply"), TicketWrite(id=ticket_id))])


def ticket_answer(translate: Callable[..., str], ticket_id: int) -> InlineKeyboardMarkup:
    return markup([button(translate("button-reply"), TicketAnswer(id=ticket_id))])


def open_order(translate: Callable[..., str], order_id: int) -> InlineKeyboardMarkup:
    return markup(
        [button(translate("button-open-order"), OrderAction(id=order_id, action=OrderDo.VIEW))]
    )


def delivered_order(translate: Callable[..., str], order_id: int) -> InlineKeyboardMarkup:
    """Under "completed": the order, and a card of the result to share in any chat."""
    share = InlineKeyboardButton(
        text=translate("button-share-result"), switch_inline_query=f"done {order_id}"
    )
    return markup(
        [button(translate("button-open-order"), OrderAction(id=order_id, action=OrderDo.VIEW))],
        [share],
    )


def stalled_order(
    translate: Callable[..., str], order_id: int, can_cancel: bool
) -> InlineKeyboardMarkup:
    row = [button(translate("button-open-order"), OrderAction(id=order_id, action=OrderDo.VIEW))]
    if can_cancel:
        row.append(
            button(
                translate("button-cancel"),
                OrderAction(id=order_id, action=OrderDo.CANCEL),
                Tone.STOP,
            )
        )
    return markup(row, [button(translate("button-support"), SupportStart(order=order_id))])


def replace_order(translate: Callable[..., str], order_id: int, panel: str) -> InlineKeyboardMarkup:
    label = translate("button-replace-order", panel=panel)
    return markup([button(label, ReplaceOrder(id=order_id), Tone.STOP)])


def resolve_order(translate: Callable[..., str], order_id: int) -> InlineKeyboardMarkup:
    return markup(
        [
            button(
                translate("button-resolve-refund"),
                ResolveOrder(id=order_id, action=Resolution.REFUND),
            ),
            button(
                translate("button-resolve-attach"),
                ResolveOrder(id=order_id, action=Resolution.ATTACH),
            ),
        ]
    )
