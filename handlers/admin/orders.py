"""Orders in doubt: /pending with Refund / Attach, /attach; /refund_order for disputes."""

from __future__ import annotations

from decimal import Decimal

from aiogram import F, Router, html
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext

from bot.core.domain import MAX_BIG_ID, MAX_ID, Stage, parse_id
from bot.core.ops.audit_store import AuditLog
from bot.core.ordering.order_store import OrderStore
from bot.core.payments.stars_refund import uncertain_refunds
from bot.core.shop import Shop
from bot.core.staff.roles import Role, may_refund
from bot.core.staff.store import Staff
from bot.core.storage.kv import KeyValueStore
from bot.core.tracking.replacements import Replacements
from bot.core.tracking.resolution import Resolutions
from bot.ui.callbacks import ReplaceOrder, Resolution, ResolveOrder
from bot.ui.keyboards import replace_order, resolve_order
from bot.ui.render import money, order_card
from bot.ui.staff_gate import STAFF_FLAG
from handlers.replies import drop_buttons


async def pending(
    message: Message,
    i18n: I18nContext,
    orders: OrderStore,
    settings_store: KeyValueStore,
    shop: Shop,
    replacements: Replacements,
) -> None:
    """Orders in doubt (with Refund / Attach), Stars refunds in doubt, then open orders that
    stopped moving."""
    found = await orders.orders_in_stages([Stage.UNCERTAIN, Stage.STUCK], limit=20)
    refunds = await uncertain_refunds(settings_store)
    stalled = await orders.stalled_orders(limit=20)
    if not found and not stalled and not refunds:
        await message.answer(i18n.get("admin-pending-none"))
        return
    for order in found:
        text = (
            order_card(i18n.get, order)
            + "\n"
            + i18n.get("admin-order-user", user=str(order.user_id))
        )
        await message.answer(text, reply_markup=resolve_order(i18n.get, order.id))
    for charge, user_id, amount in refunds:
        await message.answer(
            i18n.get(
                "admin-refund-stars-uncertain",
                amount=money(amount, shop.currency),
                user=str(user_id),
                charge=html.quote(charge),
            )
        )
    for order in stalled:
        owner = i18n.get("admin-order-user", user=str(order.user_id))
        text = f"{i18n.get('admin-pending-stalled')}\n{order_card(i18n.get, order)}\n{owner}"
        elsewhere = replacements.other_panel(order)  # never started: another panel may
        markup = replace_order(i18n.get, order.id, elsewhere) if elsewhere else None
        await message.answer(text, reply_markup=markup)


async def replace(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: ReplaceOrder,
    i18n: I18nContext,
    replacements: Replacements,
) -> None:
    said = await replacements.ask(query.from_user.id, callback_data.id)
    callback_answer.text = i18n.get(said)
    callback_answer.show_alert = True


async def over_limit(orders: OrderStore, staff: Staff, role: Role, order_id: int) -> Decimal | None:
    """The manager's refund limit when this order's price is over it; None when the refund
    may go ahead (the owner's has no limit; an unknown order is refused further on)."""
    order = await orders.get_order(order_id)
    limit = await staff.refund_limit()
    if order is None or may_refund(role, order.charge, limit):
        return None
    return limit


async def resolve_refund(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: ResolveOrder,
    i18n: I18nContext,
    resolutions: Resolutions,
    shop: Shop,
    orders: OrderStore,
    staff: Staff,
    role: Role,
) -> None:
    over = await over_limit(orders, staff, role, callback_data.id)
    if over is not None:
        callback_answer.text = i18n.get("staff-over-limit", limit=money(over, shop.currency))
        callback_answer.show_alert = True
        return
    refunded = await resolutions.refund(query.from_user.id, callback_data.id)
    if refunded is None:
        callback_answer.text = i18n.get("admin-already-resolved")
        callback_answer.show_alert = True
        return
    callback_answer.text = i18n.get(
        "admin-resolved-refund", id=str(callback_data.id), amount=money(refunded, shop.currency)
    )
    callback_answer.show_alert = True
    if isinstance(query.message, Message):
        await drop_buttons(query.message)


async def resolve_attach_ask(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: ResolveOrder,
    i18n: I18nContext,
) -> None:
    if isinstance(query.message, Message):
        await query.message.answer(i18n.get("admin-attach-usage", id=str(callback_data.id)))


async def resolve_attach(
    message: Message, command: CommandObject, i18n: I18nContext, resolutions: Resolutions
) -> None:
    words = (command.args or "").split()
    ids = [
        parse_id(word, largest) for word, largest in zip(words, (MAX_ID, MAX_BIG_ID), strict=False)
    ]
    if len(words) != 2 or ids[0] is None or ids[1] is None:
        await message.answer(i18n.get("admin-attach-usage", id=html.quote("<order>")))
        return
    order_id, panel_id = ids[0], ids[1]
    if await resolutions.attach(message.chat.id, order_id, panel_id):
        await message.answer(i18n.get("admin-attached", id=str(order_id), panel=str(panel_id)))
    else:
        await message.answer(i18n.get("admin-already-resolved"))


async def refund_order(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    orders: OrderStore,
    shop: Shop,
    audit: AuditLog,
    staff: Staff,
    role: Role,
) -> None:
    """/refund_order <id>: give back a completed or partial order's price (a dispute); the
    referral commission it earned is taken back."""
    order_id = parse_id((command.args or "").strip())
    if order_id is None:
        await message.answer(i18n.get("admin-refund-order-usage"))
        return
    over = await over_limit(orders, staff, role, order_id)
    if over is not None:
        await message.answer(i18n.get("staff-over-limit", limit=money(over, shop.currency)))
        return
    done = await orders.refund_delivered(order_id)
    if done is None:
        await message.answer(i18n.get("admin-refund-order-refused", id=str(order_id)))
        return
    refunded, taken_back = done
    await audit.record(message.chat.id, "order.refund_delivered", order_id, None, refunded)
    await message.answer(
        i18n.get(
            "admin-refund-order-done",
            id=str(order_id),
            amount=money(refunded, shop.currency),
            commission=money(taken_back, shop.currency),
        )
    )


def register(router: Router) -> None:
    router.message.register(refund_order, Command("refund_order"))
    router.message.register(pending, Command("pending"))
    router.callback_query.register(replace, ReplaceOrder.filter(), flags={STAFF_FLAG: "replace"})
    resolve = {STAFF_FLAG: "resolve"}
    router.callback_query.register(
        resolve_refund, ResolveOrder.filter(F.action == Resolution.REFUND), flags=resolve
    )
    router.callback_query.register(
        resolve_attach_ask, ResolveOrder.filter(F.action == Resolution.ATTACH), flags=resolve
    )
    router.message.register(resolve_attach, Command("attach"))
