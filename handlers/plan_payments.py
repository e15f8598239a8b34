"""Recurring plans' payments in Stars: the first payment's pre-checkout, and every period's
payment (first and renewals), credited and ordered once per charge. In any state: a renewal
comes whatever the customer is doing."""

from __future__ import annotations

import logging

from aiogram import Router
from aiogram.types import Message, PreCheckoutQuery
from aiogram_i18n import I18nContext

from bot.core.domain import User
from bot.core.plans.rules import State, payment_matches, subscription_in
from bot.core.plans.service import Plans
from bot.core.shop import Shop
from bot.ui.filters import PlanCheckout, PlanPaymentReceived

logger = logging.getLogger(__name__)


async def plan_checkout(
    query: PreCheckoutQuery,
    i18n: I18nContext,
    plans: Plans,
    shop: Shop,
    customer: User | None = None,
) -> None:
    """Only the first payment is asked about (Telegram renews without asking): the invoice is
    this customer's, unpaid, at its price, for a plan still on sale, in a shop that sells."""
    if shop.demo:
        await query.answer(ok=False, error_message=i18n.get("demo-no-payments"))
        return
    subscription_id = subscription_in(query.invoice_payload)
    subscription = await plans.store.subscription(subscription_id or 0)
    plan = await plans.store.plan(subscription.plan_id) if subscription else None
    if (
        subscription is None
        or plan is None
        or not plan.on_sale
        or subscription.state is not State.NEW
        or not payment_matches(subscription, query.currency, query.total_amount, query.from_user.id)
        or (customer is not None and customer.is_banned)
    ):
        await query.answer(ok=False, error_message=i18n.get("plan-refused"))
        return
    await query.answer(ok=True)


async def plan_paid(message: Message, plans: Plans) -> None:
    payment = message.successful_payment
    assert payment is not None
    payer = message.from_user.id if message.from_user else message.chat.id
    subscription = await plans.store.subscription(subscription_in(payment.invoice_payload) or 0)
    if subscription is None or not payment_matches(
        subscription, payment.currency, payment.total_amount, payer
    ):
        logger.error(
            "plan payment does not match any subscription of ours",
            extra={"charge": payment.telegram_payment_charge_id, "user": payer},
        )
        return
    # The customer hears of it from the outbox: the order placed, or why none was.
    done = await plans.paid(
        subscription, payment.telegram_payment_charge_id, payment.subscription_expiration_date
    )
    if not done:
        logger.warning(
            "duplicate plan payment ignored", extra={"charge": payment.telegram_payment_charge_id}
        )


def register(router: Router) -> None:
    router.pre_checkout_query.register(plan_checkout, PlanCheckout())
    router.message.register(plan_paid, PlanPaymentReceived())
