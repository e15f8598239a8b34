"""Admin commands. The router is filtered once: for anyone else they do not exist."""

from __future__ import annotations

import time
from decimal import Decimal, InvalidOperation

from aiogram import Bot, F, Router, html
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram_i18n import I18nContext

from bot.catalog import CatalogCache, CatalogUnavailableError, category_key
from bot.customers import Customers
from bot.domain import Stage
from bot.filters import IsAdmin, TypedText
from bot.panel import PanelClient, PanelError
from bot.pricing import Pricing
from bot.render import money, order_card, shorten, split_message
from bot.shop import Shop
from bot.storage import Repository
from bot.topups import charge_ref
from handlers.callbacks import BroadcastConfirm, ResolveOrder
from handlers.keyboards import button, markup, resolve_order
from handlers.states import AdminInput

router = Router(name=__name__)
router.message.filter(IsAdmin())
router.callback_query.filter(IsAdmin())

MAX_AMOUNT = Decimal(1_000_000)


def _amount(text: str) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None
    if (
        not value.is_finite()
        or value <= 0
        or value > MAX_AMOUNT
        or value != value.quantize(Decimal("0.000001"))
    ):
        return None
    return value


async def _wallet_change(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    repo: Repository,
    shop: Shop,
    sign: int,
) -> None:
    parts = (command.args or "").split(maxsplit=2)
    if len(parts) < 2:
        await message.answer(i18n.get("admin-credit-usage" if sign > 0 else "admin-debit-usage"))
        return
    user = await repo.find_user(parts[0])
    amount = _amount(parts[1])
    if user is None:
        await message.answer(i18n.get("admin-user-not-found", user=html.quote(parts[0])))
        return
    if amount is None:
        await message.answer(i18n.get("admin-bad-amount"))
        return
    note = f"by admin {message.chat.id}" + (f": {parts[2]}" if len(parts) > 2 else "")
    if sign > 0:
        await repo.credit(user.id, amount, "credit", note=note)
        await repo.enqueue([user.id], "wallet_credit", {"amount": str(amount)})
    elif not await repo.debit(user.id, amount, "debit", note=note):
        await message.answer(i18n.get("admin-debit-too-much"))
        return
    balance = await repo.balance(user.id)
    await message.answer(
        i18n.get("admin-wallet-changed", user=str(user.id), balance=money(balance, shop.currency))
    )


@router.message(Command("credit"))
async def credit(
    message: Message, command: CommandObject, i18n: I18nContext, repo: Repository, shop: Shop
) -> None:
    await _wallet_change(message, command, i18n, repo, shop, +1)


@router.message(Command("debit"))
async def debit(
    message: Message, command: CommandObject, i18n: I18nContext, repo: Repository, shop: Shop
) -> None:
    await _wallet_change(message, command, i18n, repo, shop, -1)


@router.message(Command("balance"))
async def panel_balance(
    message: Message, i18n: I18nContext, repo: Repository, panel: PanelClient, shop: Shop
) -> None:
    wallets = await repo.total_balances()
    open_value = await repo.open_orders_value()
    try:
        balance = await panel.balance()
    except PanelError as exc:
        await message.answer(i18n.get("admin-panel-unreachable", error=type(exc).__name__))
        return
    lines = [
        i18n.get(
            "admin-balance",
            panel=money(balance.balance, balance.currency),
            wallets=money(wallets, shop.currency),
            open=money(open_value, shop.currency),
        )
    ]
    if balance.balance < wallets:
        lines.append(
            i18n.get("admin-balance-warning", gap=money(wallets - balance.balance, shop.currency))
        )
    await message.answer("\n".join(lines))


@router.message(Command("user"))
async def user_info(
    message: Message, command: CommandObject, i18n: I18nContext, repo: Repository, shop: Shop
) -> None:
    user = await repo.find_user(command.args or "")
    if user is None:
        await message.answer(i18n.get("admin-user-not-found", user=html.quote(command.args or "")))
        return
    balance = await repo.balance(user.id)
    lines = [
        i18n.get(
            "admin-user",
            id=str(user.id),
            username=html.quote(user.username or "—"),
            balance=money(balance, shop.currency),
            banned=i18n.get("yes" if user.is_banned else "no"),
        )
    ]
    for order in await repo.list_orders(user.id, limit=5):
        lines.append(
            f"#{order.id} {order.stage.value} {html.quote(shorten(order.service_name, 40))} "
            f"{money(order.charge, order.currency)}"
        )
    lines.append("")
    for row in await repo.ledger_tail(user.id, 10):
        lines.append(
            f"{row['kind']} {money(row['amount'], shop.currency)} {html.quote(row['note'] or '')}"
        )
    for part in split_message("\n".join(lines)):
        await message.answer(part)


async def _set_ban(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    repo: Repository,
    customers: Customers,
    banned: bool,
) -> None:
    user = await repo.find_user(command.args or "")
    if user is None:
        await message.answer(i18n.get("admin-user-not-found", user=html.quote(command.args or "")))
        return
    await customers.set_banned(user.id, banned)
    await message.answer(
        i18n.get("admin-banned" if banned else "admin-unbanned", user=str(user.id))
    )


@router.message(Command("ban"))
async def ban(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    repo: Repository,
    customers: Customers,
) -> None:
    await _set_ban(message, command, i18n, repo, customers, True)


@router.message(Command("unban"))
async def unban(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    repo: Repository,
    customers: Customers,
) -> None:
    await _set_ban(message, command, i18n, repo, customers, False)


@router.message(Command("stats"))
async def stats(
    message: Message, command: CommandObject, i18n: I18nContext, repo: Repository, shop: Shop
) -> None:
    args = (command.args or "").strip()
    days = int(args) if args.isdigit() else 30
    days = max(1, min(days, 3650))
    figures = await repo.stats(time.time() - days * 86400)
    lines = [
        i18n.get(
            "admin-stats",
            days=str(days),
            orders=str(figures["orders"]),
            revenue=money(figures["revenue"], shop.currency),
            cost=money(figures["cost"], shop.currency),
            profit=money(figures["revenue"] - figures["cost"], shop.currency),
            users=str(figures["new_users"]),
        )
    ]
    for name, count in figures["top"]:
        lines.append(f"• {html.quote(shorten(name, 50))} — {count}")
    await message.answer("\n".join(lines))


@router.message(Command("markup"))
async def markup_command(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    pricing: Pricing,
    catalog: CatalogCache,
) -> None:
    """/markup — show; /markup 25 — default; /markup service 12 40; /markup category <name> 35;
    `off` instead of a percent removes an override."""
    args = (command.args or "").split()
    if not args:
        lines = [i18n.get("admin-markup-default", percent=str(pricing.default_percent))]
        lines += [
            f"{scope}: {percent}%"
            for scope, percent in pricing.overrides().items()
            if scope != "default"
        ]
        await message.answer("\n".join(lines) + "\n\n" + i18n.get("admin-markup-usage"))
        return
    percent_text = args[-1]
    percent: Decimal | None = None
    if percent_text.lower() != "off":
        try:
            percent = Decimal(percent_text)
        except InvalidOperation:
            percent = Decimal(-1)
        if not Decimal(0) <= percent <= Decimal(1000):
            await message.answer(i18n.get("admin-markup-usage"))
            return
    if len(args) == 1:
        scope = "default"
    elif args[0] == "service" and len(args) == 3 and args[1].isdigit():
        scope = f"service:{int(args[1])}"
    elif args[0] == "category" and len(args) >= 3:
        name = " ".join(args[1:-1])
        try:
            current = await catalog.get()
        except CatalogUnavailableError:
            current = None
        match = (
            next((c for c in current.categories if c.name.casefold() == name.casefold()), None)
            if current
            else None
        )
        if match is None:
            await message.answer(i18n.get("admin-markup-no-category", name=html.quote(name)))
            return
        scope = f"category:{category_key(match.name)}"
    else:
        await message.answer(i18n.get("admin-markup-usage"))
        return
    if scope == "default" and percent is None:
        await message.answer(i18n.get("admin-markup-usage"))
        return
    await pricing.set_override(scope, percent)
    await message.answer(
        i18n.get(
            "admin-markup-set", scope=scope, percent=str(percent) if percent is not None else "—"
        )
    )


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


@router.message(Command("services_refresh"))
async def services_refresh(message: Message, i18n: I18nContext, catalog: CatalogCache) -> None:
    progress = await message.answer(i18n.get("admin-refreshing"))
    try:
        current = await catalog.refresh()
    except CatalogUnavailableError:
        await progress.edit_text(i18n.get("catalog-unavailable"))
        return
    await progress.edit_text(
        i18n.get(
            "admin-refreshed",
            count=str(len(current.services)),
            categories=str(len(current.categories)),
        )
    )


@router.message(Command("broadcast"))
async def broadcast_start(
    message: Message, command: CommandObject, i18n: I18nContext, state: FSMContext, repo: Repository
) -> None:
    text = (message.html_text or "").partition(" ")[2].strip() if command.args else ""
    if not text:
        await state.set_state(AdminInput.broadcast_text)
        await message.answer(i18n.get("admin-broadcast-ask"))
        return
    await _broadcast_preview(message, i18n, state, repo, text)


@router.message(AdminInput.broadcast_text, TypedText())
async def broadcast_text(
    message: Message, i18n: I18nContext, state: FSMContext, repo: Repository
) -> None:
    await _broadcast_preview(message, i18n, state, repo, message.html_text or "")


async def _broadcast_preview(
    message: Message, i18n: I18nContext, state: FSMContext, repo: Repository, text: str
) -> None:
    recipients = len(await repo.active_user_ids())
    await state.set_state(None)
    await state.update_data(broadcast=text[:4000])
    send_or_cancel = markup(
        [
            button(i18n.get("button-send"), BroadcastConfirm(action="send")),
            button(i18n.get("button-cancel"), BroadcastConfirm(action="cancel")),
        ]
    )
    await message.answer(
        i18n.get("admin-broadcast-confirm", count=str(recipients)) + "\n\n" + text[:4000],
        reply_markup=send_or_cancel,
    )


@router.callback_query(BroadcastConfirm.filter())
async def broadcast_send(
    query: CallbackQuery,
    callback_data: BroadcastConfirm,
    i18n: I18nContext,
    state: FSMContext,
    repo: Repository,
) -> None:
    data = await state.get_data()
    text = data.pop("broadcast", None)
    await state.set_data(data)
    if isinstance(query.message, Message):
        await query.message.edit_reply_markup(reply_markup=None)
    if callback_data.action != "send" or not text:
        await query.answer(i18n.get("cancelled"))
        return
    recipients = await repo.active_user_ids()
    started = time.time()
    count = await repo.enqueue(recipients, "broadcast", {"text": text, "started": started})
    await query.answer()
    # The sender reports progress to the admin as it drains the outbox.
    await repo.enqueue(
        [query.from_user.id], "broadcast_progress", {"started": started, "total": count}
    )
    if isinstance(query.message, Message):
        await query.message.answer(i18n.get("admin-broadcast-queued", count=str(count)))


@router.message(Command("refund_stars"))
async def refund_stars(
    message: Message,
    command: CommandObject,
    bot: Bot,
    i18n: I18nContext,
    repo: Repository,
    shop: Shop,
) -> None:
    charge_id = (command.args or "").strip()
    if not charge_id:
        await message.answer(i18n.get("admin-refund-stars-usage"))
        return
    topup = await repo.ledger_entry(charge_ref(charge_id))
    if topup is None:
        await message.answer(i18n.get("admin-refund-stars-unknown"))
        return
    user_id, amount = topup
    # Take the money back first: a wallet that no longer holds it is not refunded in Stars.
    if not await repo.debit(user_id, amount, "stars_refund", ref=f"stars-refund:{charge_id}"):
        await message.answer(i18n.get("admin-debit-too-much"))
        return
    try:
        await bot.refund_star_payment(user_id=user_id, telegram_payment_charge_id=charge_id)
    except Exception as exc:
        await repo.credit(
            user_id,
            amount,
            "credit",
            ref=f"stars-refund-failed:{charge_id}",
            note="Stars refund failed; debit reversed",
        )
        await message.answer(i18n.get("admin-refund-stars-failed", error=type(exc).__name__))
        return
    await message.answer(
        i18n.get("admin-refund-stars-done", amount=money(amount, shop.currency), user=str(user_id))
    )
