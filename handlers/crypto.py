"""Top-ups with crypto through Crypto Pay (@CryptoBot): an invoice in the wallet currency,
paid in the Crypto Bot through its link. The wallet is credited when the payment is learnt
(the webhook in bot/web.py, or the background check), not here."""

from __future__ import annotations

import logging
from decimal import Decimal

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message
from aiogram.utils.callback_answer import CallbackAnswer
from aiogram_i18n import I18nContext

from bot.core.money import CENT, parse_decimal
from bot.core.payments.crypto import MAX_AMOUNT, MIN_AMOUNT, CryptoPayments, TooManyInvoicesError
from bot.core.payments.cryptopay import CryptoPayError
from bot.core.shop import Shop
from bot.ui.callbacks import CryptoMenu, CryptoTopUp
from bot.ui.keyboards import crypto_amounts, pay_link
from bot.ui.render import money

logger = logging.getLogger(__name__)


def typed_amount(text: str) -> Decimal | None:
    """`/crypto 12.50`: an amount in the wallet currency, to the cent, within the limits."""
    amount = parse_decimal(text)
    if amount is None or amount != amount.quantize(CENT):
        return None
    return amount if MIN_AMOUNT <= amount <= MAX_AMOUNT else None


async def send_invoice(
    message: Message,
    user_id: int,
    amount: Decimal,
    i18n: I18nContext,
    crypto: CryptoPayments,
    shop: Shop,
) -> None:
    label = money(amount, shop.currency)
    progress = await message.answer(i18n.get("crypto-creating"))
    try:
        invoice = await crypto.create_invoice(
            user_id, amount, shop.currency, i18n.get("topup-description", amount=label)
        )
    except TooManyInvoicesError as exc:
        await progress.edit_text(i18n.get("crypto-too-many", count=exc.limit))
        return
    except CryptoPayError as exc:
        logger.warning("crypto invoice not created", extra={"error": str(exc)})
        await progress.edit_text(i18n.get("crypto-unavailable"))
        return
    await progress.edit_text(
        i18n.get("crypto-invoice", amount=label),
        reply_markup=pay_link(i18n, invoice.pay_url, label),
    )


async def crypto_menu(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    i18n: I18nContext,
    shop: Shop,
    crypto: CryptoPayments | None = None,
) -> None:
    if shop.demo:
        callback_answer.text = i18n.get("demo-no-payments")
        callback_answer.show_alert = True
        return
    if crypto is None or not isinstance(query.message, Message):
        callback_answer.text = i18n.get("crypto-off")
        callback_answer.show_alert = True
        return
    await query.message.answer(
        i18n.get("crypto-choose"), reply_markup=crypto_amounts(i18n, shop.currency)
    )


async def crypto_button(
    query: CallbackQuery,
    callback_answer: CallbackAnswer,
    callback_data: CryptoTopUp,
    i18n: I18nContext,
    shop: Shop,
    crypto: CryptoPayments | None = None,
) -> None:
    amount = Decimal(callback_data.cents) / 100
    if shop.demo:
        callback_answer.text = i18n.get("demo-no-payments")
        callback_answer.show_alert = True
        return
    if crypto is None or not isinstance(query.message, Message):
        callback_answer.text = i18n.get("crypto-off")
        callback_answer.show_alert = True
        return
    if not MIN_AMOUNT <= amount <= MAX_AMOUNT:
        callback_answer.text = i18n.get("stale-button")
        return
    await send_invoice(query.message, query.from_user.id, amount, i18n, crypto, shop)


async def crypto_command(
    message: Message,
    command: CommandObject,
    i18n: I18nContext,
    shop: Shop,
    crypto: CryptoPayments | None = None,
) -> None:
    if shop.demo:
        await message.answer(i18n.get("demo-no-payments"))
        return
    if crypto is None:
        await message.answer(i18n.get("crypto-off"))
        return
    amount = typed_amount(command.args or "")
    if amount is None:
        await message.answer(
            i18n.get(
                "crypto-usage",
                low=money(MIN_AMOUNT, shop.currency),
                high=money(MAX_AMOUNT, shop.currency),
            ),
            reply_markup=crypto_amounts(i18n, shop.currency),
        )
        return
    await send_invoice(message, message.chat.id, amount, i18n, crypto, shop)


def register(router: Router) -> None:
    router.callback_query.register(crypto_menu, CryptoMenu.filter())
    router.callback_query.register(crypto_button, CryptoTopUp.filter())
    router.message.register(crypto_command, Command("crypto"))
