"""Top-ups with Telegram Stars: invoice, pre-checkout, crediting once per payment."""

from __future__ import annotations

import logging
import time
from decimal import Decimal

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, LabeledPrice, Message, PreCheckoutQuery
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext

from bot.core.domain import User, parse_id
from bot.core.payments.stars import (
    MAX_TOPUP,
    STARS,
    charge_ref,
    check_payment,
    invoice_for,
    is_fresh,
)
from bot.core.payments.wallet_store import WalletStore
from bot.core.settings import Settings
from bot.core.shop import Shop
from bot.ui.callbacks import TopUp
from bot.ui.filters import PaymentReceived
from bot.ui.keyboards import topup_keyboard
from bot.ui.render import money

logger = logging.getLogger(__name__)


async def send_invoice(
    bot: Bot, chat_id: int, amount: int, i18n: I18nContext, settings: Settings, shop: Shop
) -> None:
    invoice = invoice_for(chat_id, amount, settings.stars_per_usd)
    label = money(Decimal(amount), shop.currency)
    await bot.send_invoice(
        chat_id=chat_id,
        title=i18n.get("topup-title"),
        description=i18n.get("topup-description", amount=label),
        payload=invoice.payload,
        currency=STARS,
        prices=[LabeledPrice(label=label, amount=invoice.stars)],
    )


async def topup_command(
    message: Message,
    command: CommandObject,
    bot: Bot,
    i18n: I18nContext,
    settings: Settings,
    shop: Shop,
) -> None:
    if shop.demo:
        await message.answer(i18n.get("demo-no-payments"))
        return
    amount = parse_id((command.args or "").strip())
    if amount is not None and 0 < amount <= MAX_TOPUP:
        await send_invoice(bot, message.chat.id, amount, i18n, settings, shop)
        return
    await message.answer(
        i18n.get("topup-usage"),
        reply_markup=topup_keyboard(i18n, shop.currency, shop.accepts_crypto),
    )


async def topup_button(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: TopUp,
    bot: Bot,
    i18n: I18nContext,
    settings: Settings,
    shop: Shop,
) -> None:
    if shop.demo:
        callback_answer.text = i18n.get("demo-no-payments")
        callback_answer.show_alert = True
        return
    if 0 < callback_data.amount <= MAX_TOPUP:
        await send_invoice(bot, query.from_user.id, callback_data.amount, i18n, settings, shop)


async def pre_checkout(
    query: PreCheckoutQuery,
    i18n: I18nContext,
    shop: Shop,
    settings: Settings,
    customer: User | None = None,
) -> None:
    if shop.demo:  # an invoice made before the shop became a demo: no real money taken
        await query.answer(ok=False, error_message=i18n.get("demo-no-payments"))
        return
    # Telegram waits 10 s for this answer: it only checks, nothing slow happens here.
    invoice = check_payment(
        query.invoice_payload, query.currency, query.total_amount, query.from_user.id
    )
    if invoice is None or (customer is not None and customer.is_banned):
        await query.answer(ok=False, error_message=i18n.get("topup-refused"))
        return
    if not is_fresh(invoice, settings.stars_per_usd, time.time()):
        await query.answer(ok=False, error_message=i18n.get("topup-expired"))
        return
    await query.answer(ok=True)


async def successful_payment(
    message: Message, i18n: I18nContext, wallets: WalletStore, shop: Shop
) -> None:
    payment = message.successful_payment
    assert payment is not None
    payer = message.from_user.id if message.from_user else message.chat.id
    invoice = check_payment(payment.invoice_payload, payment.currency, payment.total_amount, payer)
    if invoice is None:
        logger.error(
            "payment does not match any invoice of ours",
            extra={"charge": payment.telegram_payment_charge_id, "user": payer},
        )
        return
    amount = Decimal(invoice.amount)
    credited = await wallets.top_up(
        payer,
        amount,
        "topup",
        ref=charge_ref(payment.telegram_payment_charge_id),
        note=f"{invoice.stars} {STARS}",
    )
    if not credited:
        logger.warning(
            "duplicate payment update ignored", extra={"charge": payment.telegram_payment_charge_id}
        )
        return
    balance = await wallets.balance(payer)
    said = i18n.get(
        "topup-done", amount=money(amount, shop.currency), balance=money(balance, shop.currency)
    )
    earned = wallets.bonus_for(amount)
    if earned > 0:
        said += "\n" + i18n.get("notify-wallet-bonus", bonus=money(earned, shop.currency))
    await message.answer(said)


def register(router: Router) -> None:
    router.message.register(topup_command, Command("topup"))
    router.callback_query.register(topup_button, TopUp.filter())
    router.pre_checkout_query.register(pre_checkout)
    router.message.register(successful_payment, PaymentReceived())
