"""A child shop's monthly fee (CHILD_SHOP_FEE_STARS), in the parent's chat: Pay makes the
Stars subscription's invoice link; its pre-checkout accepts only the child's owner paying
today's fee; each payment (first and renewals) extends the paid period — a payment delivered
twice sets the same end — and an unpaid child runs again. In any state, before top-ups."""

from __future__ import annotations

import logging
import time

from aiogram import Bot, Router, html
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Filter
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LabeledPrice,
    Message,
    PreCheckoutQuery,
)
from aiogram_i18n import I18nContext

from bot.core.children import fees
from bot.core.children.service import ChildShops
from bot.core.payments.stars import STARS
from bot.core.shop import Shop
from bot.ui.callbacks import ChildFeePay
from bot.ui.render import when

logger = logging.getLogger(__name__)


class FeeCheckout(Filter):
    async def __call__(self, query: PreCheckoutQuery) -> bool:
        return fees.is_fee_payload(query.invoice_payload)


class FeePaid(Filter):
    async def __call__(self, message: Message) -> bool:
        payment = message.successful_payment
        return payment is not None and fees.is_fee_payload(payment.invoice_payload)


async def pay(
    query: CallbackQuery,
    callback_data: ChildFeePay,
    bot: Bot,
    i18n: I18nContext,
    children: ChildShops,
    shop: Shop,
) -> None:
    child = await children.store.get(callback_data.bot_id)
    if child is None or child.owner_id != query.from_user.id or children.fee_stars <= 0:
        return
    if not isinstance(query.message, Message):
        return
    if shop.demo:
        await query.message.answer(i18n.get("demo-no-payments"))
        return
    title = i18n.get("child-fee-title", username=child.username)[:32]
    try:
        link = await bot.create_invoice_link(
            title=title,
            description=i18n.get("child-fee-description", username=child.username)[:255],
            payload=fees.payload_of(child.bot_id),
            currency=STARS,
            prices=[LabeledPrice(label=title, amount=children.fee_stars)],
            subscription_period=fees.PERIOD_SECONDS,
        )
    except TelegramAPIError as exc:
        logger.warning("child fee invoice not created", extra={"error": type(exc).__name__})
        await query.message.answer(i18n.get("child-fee-unavailable"))
        return
    button = InlineKeyboardButton(
        text=i18n.get("child-fee-link", stars=children.fee_stars), url=link
    )
    await query.message.answer(
        i18n.get("child-fee-ask", username=html.quote(child.username), stars=children.fee_stars),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=[[button]]),
    )


async def checkout(
    query: PreCheckoutQuery, i18n: I18nContext, children: ChildShops, shop: Shop
) -> None:
    child = await children.store.get(fees.child_in(query.invoice_payload) or 0)
    if (
        shop.demo
        or child is None
        or not fees.payment_matches(
            query.currency,
            query.total_amount,
            query.from_user.id,
            child.owner_id,
            children.fee_stars,
        )
    ):
        await query.answer(ok=False, error_message=i18n.get("child-fee-refused"))
        return
    await query.answer(ok=True)


async def paid(message: Message, i18n: I18nContext, children: ChildShops) -> None:
    payment = message.successful_payment
    assert payment is not None
    payer = message.from_user.id if message.from_user else message.chat.id
    child = await children.store.get(fees.child_in(payment.invoice_payload) or 0)
    if child is None or not fees.payment_matches(
        payment.currency, payment.total_amount, payer, child.owner_id, children.fee_stars
    ):
        logger.error(
            "child fee payment does not match a child of ours",
            extra={"charge": payment.telegram_payment_charge_id, "user": payer},
        )
        return
    updated = await children.fee_paid(child, payment.subscription_expiration_date, time.time())
    if updated is not None and updated.paid_until is not None:
        await message.answer(
            i18n.get(
                "child-fee-thanks",
                username=html.quote(updated.username),
                until=when(updated.paid_until + fees.GRACE_SECONDS),
            )
        )


def register(router: Router) -> None:
    router.callback_query.register(pay, ChildFeePay.filter())
    router.pre_checkout_query.register(checkout, FeeCheckout())
    router.message.register(paid, FeePaid())
