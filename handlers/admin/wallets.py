"""Wallets and money: /credit, /debit, /balance, /user, /refund_stars."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from aiogram import Bot, Router, html
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.panel import PanelClient, PanelError
from bot.render import money, shorten, split_message
from bot.shop import Shop
from bot.storage import Repository
from bot.topups import charge_ref

router = Router(name=__name__)

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
        await repo.enqueue(
            [user.id], "wallet_credit", {"amount": str(amount), "currency": shop.currency}
        )
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
