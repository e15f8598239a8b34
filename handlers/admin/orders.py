"""Orders in doubt: /pending with Refund / Attach, /attach."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.domain import Stage
from bot.render import money, order_card
from bot.shop import Shop
from bot.storage import Repository
from handlers.callbacks import ResolveOrder
from handlers.keyboards import resolve_order

router = Router(name=__name__)


@router.message(Command("pending"))
async def pending(message: Message, i18n: I18nContext, repo: Repository) -> None:
    found = await repo.orders_in_stages([Stage.UNCERTAIN, Stage.STUCK], limit=20)
    if not found:
        await message.answer(i18n.get("admin-pending-none"))
        return
    for order in found:
        text = (
            order_card(i18n.get, order)
            + "\n"
            + i18n.get("admin-order-user", user=str(order.user_id))
        )
        await message.answer(text, reply_markup=resolve_order(i18n.get, order.id))


@router.callback_query(ResolveOrder.filter(F.action == "refund"))
async def resolve_refund(
    query: CallbackQuery,
    callback_data: ResolveOrder,
    i18n: I18nContext,
    repo: Repository,
    shop: Shop,
) -> None:
    order = await repo.get_order(callback_data.id)
    if order is None or order.stage not in {Stage.UNCERTAIN, Stage.STUCK}:
        await query.answer(i18n.get("admin-already-resolved"), show_alert=True)
        return
    refunded = await repo.mark_rejected(
        order.id, f"refunded by admin {query.from_user.id}", notify_user=True
    )
    await query.answer(
        i18n.get("admin-resolved-refund", id=str(order.id), amount=money(refunded, shop.currency)),
        show_alert=True,
    )
    if isinstance(query.message, Message):
        await query.message.edit_reply_markup(reply_markup=None)


@router.callback_query(ResolveOrder.filter(F.action == "attach"))
async def resolve_attach_ask(
    query: CallbackQuery, callback_data: ResolveOrder, i18n: I18nContext
) -> None:
    await query.answer()
    if isinstance(query.message, Message):
        await query.message.answer(i18n.get("admin-attach-usage", id=str(callback_data.id)))


@router.message(Command("attach"))
async def resolve_attach(
    message: Message, command: CommandObject, i18n: I18nContext, repo: Repository
) -> None:
    parts = (command.args or "").split()
    if len(parts) != 2 or not all(part.isdigit() for part in parts):
        await message.answer(i18n.get("admin-attach-usage", id="<order>"))
        return
    order_id, panel_id = int(parts[0]), int(parts[1])
    if await repo.attach_panel_order(order_id, panel_id):
        await message.answer(i18n.get("admin-attached", id=str(order_id), panel=str(panel_id)))
    else:
        await message.answer(i18n.get("admin-already-resolved"))
