"""Wallets and money: /credit, /debit, /balance, /user, /refund_stars."""

from __future__ import annotations

import asyncio
from decimal import Decimal

from aiogram import Bot, Router, html
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram_i18n import I18nContext

from bot.core.customers.user_store import UserStore
from bot.core.money import fmt, parse_decimal
from bot.core.notifications.outbox_store import OutboxStore
from bot.core.ops.audit_store import AuditLog
from bot.core.ops.figure_store import FigureStore
from bot.core.ordering.order_store import OrderStore
from bot.core.outbox import OutboxKind
from bot.core.panels import PanelError
from bot.core.panels.health import Panels
from bot.core.payments.stars_refund import RefundAnswer, StarsRefundOutcome, refund_stars
from bot.core.payments.wallet_store import WalletStore
from bot.core.shop import Shop
from bot.core.storage.kv import KeyValueStore
from bot.ui.render import money, shorten, split_message
from bot.ui.stars import send_stars_refund

MAX_AMOUNT = Decimal(1_000_000)


def _amount(text: str) -> Decimal | None:
    value = parse_decimal(text)
    if (
        value is None
        or value <= 0
        or value > MAX_AMOUNT
        or value != value.quantize(Decimal("0.01"))  # wallets hold whole cents
    ):
        return None
    return value


async def _wallet_change(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    outbox: OutboxStore,
    users: UserStore,
    wallets: WalletStore,
    shop: Shop,
    sign: int,
    audit: AuditLog,
) -> None:
    parts = (command.args or "").split(maxsplit=2)
    if len(parts) < 2:
        await message.answer(i18n.get("admin-credit-usage" if sign > 0 else "admin-debit-usage"))
        return
    user = await users.find_user(parts[0])
    amount = _amount(parts[1])
    if user is None:
        await message.answer(i18n.get("admin-user-not-found", user=html.quote(parts[0])))
        return
    if amount is None:
        await message.answer(i18n.get("admin-bad-amount"))
        return
    note = f"by admin {message.chat.id}" + (f": {parts[2]}" if len(parts) > 2 else "")
    if sign > 0:
        await wallets.credit(user.id, amount, "credit", note=note)
        await outbox.enqueue(
            [user.id], OutboxKind.WALLET_CREDIT, {"amount": str(amount), "currency": shop.currency}
        )
    elif not await wallets.debit(user.id, amount, "debit", note=note):
        await message.answer(i18n.get("admin-debit-too-much"))
        return
    balance = await wallets.balance(user.id)
    action = "wallet.credit" if sign > 0 else "wallet.debit"
    before = fmt(balance - sign * amount)  # whole cents, as the wallet is shown
    await audit.record(message.chat.id, action, user.id, before, fmt(balance))
    await message.answer(
        i18n.get("admin-wallet-changed", user=str(user.id), balance=money(balance, shop.currency))
    )


async def credit(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    outbox: OutboxStore,
    users: UserStore,
    wallets: WalletStore,
    shop: Shop,
    audit: AuditLog,
) -> None:
    await _wallet_change(message, command, i18n, outbox, users, wallets, shop, +1, audit)


async def debit(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    outbox: OutboxStore,
    users: UserStore,
    wallets: WalletStore,
    shop: Shop,
    audit: AuditLog,
) -> None:
    await _wallet_change(message, command, i18n, outbox, users, wallets, shop, -1, audit)


async def panel_balance(
    message: Message,
    i18n: I18nContext,
    figures: FigureStore,
    wallets: WalletStore,
    panels: Panels,
    shop: Shop,
) -> None:
    """Every panel's balance against what is owed on it, then all panels against what
    customers hold."""
    held = await wallets.total_balances()
    open_value = await figures.open_orders_value()
    owed = await figures.open_orders_by_panel()
    names = panels.names
    answers = await asyncio.gather(
        *(panels.client(name).balance() for name in names), return_exceptions=True
    )
    lines: list[str] = []
    total = Decimal(0)
    for name, answer in zip(names, answers, strict=True):
        count, cost = owed.get(name, (0, Decimal(0)))
        if isinstance(answer, PanelError):
            lines.append(
                i18n.get("admin-balance-panel-down", panel=name, error=type(answer).__name__)
            )
            continue
        if isinstance(answer, BaseException):
            raise answer
        total += answer.balance
        if len(names) > 1:
            lines.append(
                i18n.get(
                    "admin-balance-panel",
                    panel=name,
                    balance=money(answer.balance, answer.currency),
                    owed=money(cost, answer.currency),
                    orders=count,
                )
            )
    if all(isinstance(answer, BaseException) for answer in answers):
        await message.answer("\n".join(lines))  # no panel answered: nothing to compare
        return
    lines.append(
        i18n.get(
            "admin-balance",
            panel=money(total, shop.currency),
            wallets=money(held, shop.currency),
            open=money(open_value, shop.currency),
        )
    )
    if total < held:
        lines.append(i18n.get("admin-balance-warning", gap=money(held - total, shop.currency)))
    await message.answer("\n".join(lines))


async def user_info(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    orders: OrderStore,
    users: UserStore,
    wallets: WalletStore,
    shop: Shop,
) -> None:
    user = await users.find_user(command.args or "")
    if user is None:
        await message.answer(
            i18n.get("admin-user-not-found", user=html.quote(shorten(command.args or "", 100)))
        )
        return
    balance = await wallets.balance(user.id)
    lines = [
        i18n.get(
            "admin-user",
            id=str(user.id),
            username=html.quote(user.username or "—"),
            balance=money(balance, shop.currency),
            banned=i18n.get("yes" if user.is_banned else "no"),
        )
    ]
    for order in await orders.list_orders(user.id, limit=5):
        lines.append(
            f"#{order.id} {order.stage.value} {html.quote(shorten(order.service_name, 40))} "
            f"{money(order.charge, order.currency)}"
        )
    lines.append("")
    for row in await wallets.ledger_tail(user.id, 10):
        lines.append(
            f"{row['kind']} {money(row['amount'], shop.currency)} {html.quote(row['note'] or '')}"
        )
    for part in split_message("\n".join(lines)):
        await message.answer(part)


async def refund_stars_command(
    message: Message,
    command: CommandObject,
    bot: Bot,
    i18n: I18nContext,
    wallets: WalletStore,
    settings_store: KeyValueStore,
    shop: Shop,
    audit: AuditLog,
) -> None:
    charge_id = (command.args or "").strip()
    if not charge_id:
        await message.answer(i18n.get("admin-refund-stars-usage"))
        return

    async def send(user_id: int, charge: str) -> RefundAnswer:
        return await send_stars_refund(bot, user_id, charge)

    result = await refund_stars(wallets, settings_store, charge_id, send)
    if result.amount is not None:  # money moved (or may have, with Telegram's answer unclear)
        await audit.record(
            message.chat.id, "stars.refund", charge_id[:100], result.user_id, result.outcome.value
        )
    if result.outcome is StarsRefundOutcome.UNKNOWN_CHARGE:
        await message.answer(i18n.get("admin-refund-stars-unknown"))
    elif result.outcome is StarsRefundOutcome.WALLET_SHORT:
        assert result.user_id is not None
        held = await wallets.balance(result.user_id)
        await message.answer(
            i18n.get(
                "admin-refund-stars-short",
                amount=money(result.amount or Decimal(0), shop.currency),
                balance=money(held, shop.currency),
            )
        )
    elif result.outcome is StarsRefundOutcome.FAILED:
        await message.answer(i18n.get("admin-refund-stars-failed"))
    elif result.outcome is StarsRefundOutcome.UNCERTAIN:
        amount = money(result.amount or Decimal(0), shop.currency)
        await message.answer(
            i18n.get(
                "admin-refund-stars-uncertain",
                amount=amount,
                user=str(result.user_id),
                charge=html.quote(charge_id),
            )
        )
    else:
        amount = money(result.amount or Decimal(0), shop.currency)
        await message.answer(
            i18n.get("admin-refund-stars-done", amount=amount, user=str(result.user_id))
        )


def register(router: Router) -> None:
    router.message.register(credit, Command("credit"))
    router.message.register(debit, Command("debit"))
    router.message.register(panel_balance, Command("balance"))
    router.message.register(user_info, Command("user"))
    router.message.register(refund_stars_command, Command("refund_stars"))
